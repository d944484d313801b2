//! Parties: a contact in a typed role on one matter, optionally acting for another party.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::error::{LexcaseError, Result};
use crate::ids::{ContactId, PartyId};

/// The role a contact plays on a matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// The firm's client.
    Client,
    /// The other side.
    OpposingParty,
    /// The other side's lawyers.
    OpposingCounsel,
    /// Lawyers working with the firm.
    CoCounsel,
    /// The court or tribunal.
    Court,
    /// The judge.
    Judge,
    /// A witness.
    Witness,
    /// An expert.
    Expert,
    /// A lender (e.g. the mortgagee in a purchase).
    Lender,
    /// An agent (estate agent, process server …).
    Agent,
    /// Anyone else.
    Other,
}

impl PartyRole {
    /// Every role.
    pub const ALL: [PartyRole; 11] = [
        Self::Client,
        Self::OpposingParty,
        Self::OpposingCounsel,
        Self::CoCounsel,
        Self::Court,
        Self::Judge,
        Self::Witness,
        Self::Expert,
        Self::Lender,
        Self::Agent,
        Self::Other,
    ];

    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Client => "client",
            Self::OpposingParty => "opposing_party",
            Self::OpposingCounsel => "opposing_counsel",
            Self::CoCounsel => "co_counsel",
            Self::Court => "court",
            Self::Judge => "judge",
            Self::Witness => "witness",
            Self::Expert => "expert",
            Self::Lender => "lender",
            Self::Agent => "agent",
            Self::Other => "other",
        }
    }
}

impl FromStr for PartyRole {
    type Err = LexcaseError;
    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| LexcaseError::validation("role", "unknown party role"))
    }
}

/// A contact on a matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// Identifier of this party on this matter.
    pub id: PartyId,
    /// The contact.
    pub contact: ContactId,
    /// Their role here.
    pub role: PartyRole,
    /// The party they act for (counsel for X, agent for Y).
    pub acting_for: Option<PartyId>,
    /// Their own reference for the matter, if any.
    pub reference: Option<String>,
    /// When they were added.
    pub added_at: DateTime<Utc>,
}
