//! Management reports: hours per fee earner and work in progress. `FeeEarnerHours` and
//! `WorkInProgress` (with its derived `total()`) are the core's; the report pairs the two lists.

pub use lexcase::reports::{FeeEarnerHours, WorkInProgress};

/// Work in progress per matter and per fee earner, largest first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WipReport {
    /// Per matter.
    pub by_matter: Vec<WorkInProgress>,
    /// Per fee earner.
    pub by_user: Vec<WorkInProgress>,
}

impl From<(Vec<WorkInProgress>, Vec<WorkInProgress>)> for WipReport {
    fn from((by_matter, by_user): (Vec<WorkInProgress>, Vec<WorkInProgress>)) -> Self {
        Self { by_matter, by_user }
    }
}
