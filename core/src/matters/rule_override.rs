//! Authorised overrides of blocking compliance rules on a matter: which rule, at which
//! checkpoint, why, by whom and when.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{MatterId, UserId};

/// A blocking rule let pass on one matter, with the reason, by an authorised user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RuleOverride {
    /// The rule pack.
    pub pack: String,
    /// The rule.
    pub rule: String,
    /// The rule's version overridden.
    pub version: u32,
    /// Where it blocked (`matter_opening` or `stage_advance`).
    pub checkpoint: String,
    /// Why it was overridden.
    pub reason: String,
    /// Who overrode it.
    pub by: UserId,
    /// When.
    pub at: DateTime<Utc>,
}

/// The overrides recorded on a matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleOverrides {
    /// The matter.
    pub matter: MatterId,
    /// Every override, oldest first.
    pub overrides: Vec<RuleOverride>,
    /// Optimistic-concurrency version.
    pub version: u64,
}
