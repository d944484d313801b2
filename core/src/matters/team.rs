//! The matter team.

use serde::{Deserialize, Serialize};

use crate::ids::UserId;

/// A user's role on one matter (distinct from their firm role).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

crate::names::stable_names!(MatterRole, "matter_role", "matter role", {
    Supervisor = "supervisor",
    FeeEarner = "fee_earner",
    Paralegal = "paralegal",
    Secretary = "secretary",
    Other = "other",
});

/// A member of a matter's team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TeamMember {
    /// The user.
    pub user: UserId,
    /// Their role on the matter.
    pub role: MatterRole,
}
