//! A reconciliation as kept on file: the figures, who signed it off and when.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Reconciliation;
use crate::ids::UserId;

/// A reconciliation signed off by a user (SRA r.8.3: reconciliations are signed off and
/// kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReconciliationRecord {
    /// The three-way reconciliation.
    pub reconciliation: Reconciliation,
    /// Who did it.
    pub reconciled_by: UserId,
    /// When.
    pub reconciled_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: u64,
}
