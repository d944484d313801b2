//! The matter team.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::error::{LexcaseError, Result};
use crate::ids::UserId;

/// A user's role on one matter (distinct from their firm role).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatterRole {
    /// Supervises the work.
    Supervisor,
    /// Does fee-earning work.
    FeeEarner,
    /// Paralegal support.
    Paralegal,
    /// Secretarial support.
    Secretary,
    /// Any other involvement.
    Other,
}

impl MatterRole {
    /// Every role.
    pub const ALL: [MatterRole; 5] = [
        Self::Supervisor,
        Self::FeeEarner,
        Self::Paralegal,
        Self::Secretary,
        Self::Other,
    ];

    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Supervisor => "supervisor",
            Self::FeeEarner => "fee_earner",
            Self::Paralegal => "paralegal",
            Self::Secretary => "secretary",
            Self::Other => "other",
        }
    }
}

impl FromStr for MatterRole {
    type Err = LexcaseError;
    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| LexcaseError::validation("matter_role", "unknown matter role"))
    }
}

/// A member of a matter's team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TeamMember {
    /// The user.
    pub user: UserId,
    /// Their role on the matter.
    pub role: MatterRole,
}
