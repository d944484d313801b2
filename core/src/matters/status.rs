//! The matter status lifecycle: pending → open → closed, reopen, archive.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::ids::UserId;

/// Where a matter is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MatterStatus {
    /// Instruction received, not yet opened (conflict check, engagement pending).
    Pending,
    /// Work in progress.
    Open,
    /// Work finished; may be reopened.
    Closed,
    /// Put away; read-only.
    Archived,
}

crate::names::stable_names!(MatterStatus, "status", "matter status", {
    Pending = "pending",
    Open = "open",
    Closed = "closed",
    Archived = "archived",
});

impl MatterStatus {
    /// The statuses a matter may move to from this one.
    pub fn allowed_transitions(self) -> &'static [MatterStatus] {
        match self {
            Self::Pending => &[Self::Open, Self::Archived],
            Self::Open => &[Self::Closed],
            Self::Closed => &[Self::Open, Self::Archived],
            Self::Archived => &[],
        }
    }

    /// Refuses a transition the lifecycle does not allow.
    pub fn check_transition(self, to: MatterStatus) -> Result<()> {
        if self.allowed_transitions().contains(&to) {
            Ok(())
        } else {
            Err(LexcaseError::InvalidTransition {
                entity: "matter",
                from: self.as_str().into(),
                to: to.as_str().into(),
            })
        }
    }
}

/// One step of a matter's status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatusChange {
    /// Previous status (`None` at creation).
    pub from: Option<MatterStatus>,
    /// New status.
    pub to: MatterStatus,
    /// Effective date, in the firm's zone.
    pub on: NaiveDate,
    /// When it was recorded.
    pub at: DateTime<Utc>,
    /// Who recorded it.
    pub by: UserId,
    /// Why (optional; recorded for reopenings and archiving).
    pub reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lifecycle() {
        use MatterStatus::*;
        assert!(Pending.check_transition(Open).is_ok());
        assert!(Open.check_transition(Closed).is_ok());
        assert!(Closed.check_transition(Open).is_ok());
        assert!(Closed.check_transition(Archived).is_ok());
        assert!(Open.check_transition(Archived).is_err());
        assert!(Archived.check_transition(Open).is_err());
        assert!(Open.check_transition(Open).is_err());
    }

    proptest! {
        #[test]
        fn every_walk_ends_in_archived_or_can_go_on(steps in proptest::collection::vec(0usize..4, 0..30)) {
            let mut s = MatterStatus::Pending;
            for step in steps {
                let to = MatterStatus::ALL[step];
                match s.check_transition(to) {
                    Ok(()) => { prop_assert!(s.allowed_transitions().contains(&to)); s = to; }
                    Err(_) => prop_assert!(!s.allowed_transitions().contains(&to)),
                }
            }
            prop_assert_eq!(s.allowed_transitions().is_empty(), s == MatterStatus::Archived);
        }
    }
}
