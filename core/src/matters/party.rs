//! Parties: a contact in a typed role on one matter, optionally acting for another party.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{ContactId, PartyId};

/// The role a contact plays on a matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

crate::names::stable_names!(PartyRole, "role", "party role", {
    Client = "client",
    OpposingParty = "opposing_party",
    OpposingCounsel = "opposing_counsel",
    CoCounsel = "co_counsel",
    Court = "court",
    Judge = "judge",
    Witness = "witness",
    Expert = "expert",
    Lender = "lender",
    Agent = "agent",
    Other = "other",
});

/// A contact on a matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
