//! Task status and priority.

use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TaskStatus {
    /// Not started.
    Pending,
    /// Being worked on.
    InProgress,
    /// Done, awaiting review.
    InReview,
    /// Done.
    Complete,
    /// Will not be done.
    Cancelled,
}

crate::names::stable_names!(TaskStatus, "status", "task status", {
    Pending = "pending",
    InProgress = "in_progress",
    InReview = "in_review",
    Complete = "complete",
    Cancelled = "cancelled",
});

impl TaskStatus {
    /// Whether the task is still to do (pending, in progress or in review).
    pub fn is_open(self) -> bool {
        matches!(self, Self::Pending | Self::InProgress | Self::InReview)
    }

    /// The statuses a task may move to from this one: open tasks move freely among open
    /// statuses and to complete or cancelled; finished tasks may only be reopened (pending).
    pub fn allowed_transitions(self) -> &'static [TaskStatus] {
        use TaskStatus::*;
        match self {
            Pending => &[InProgress, InReview, Complete, Cancelled],
            InProgress => &[Pending, InReview, Complete, Cancelled],
            InReview => &[Pending, InProgress, Complete, Cancelled],
            Complete | Cancelled => &[Pending],
        }
    }

    /// Refuses a transition the lifecycle does not allow.
    pub fn check_transition(self, to: TaskStatus) -> Result<()> {
        if self.allowed_transitions().contains(&to) {
            Ok(())
        } else {
            Err(LexcaseError::InvalidTransition {
                entity: "task",
                from: self.as_str().into(),
                to: to.as_str().into(),
            })
        }
    }
}

/// How urgent a task is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Priority {
    /// Whenever.
    Low,
    /// Usual.
    #[default]
    Normal,
    /// Soon.
    High,
    /// Now.
    Urgent,
}

crate::names::stable_names!(Priority, "priority", "priority", {
    Low = "low",
    Normal = "normal",
    High = "high",
    Urgent = "urgent",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finished_tasks_only_reopen() {
        for from in TaskStatus::ALL {
            for to in TaskStatus::ALL {
                let ok = from.check_transition(to).is_ok();
                let expected = from != to && (from.is_open() || to == TaskStatus::Pending);
                assert_eq!(ok, expected, "{from} → {to}");
            }
        }
    }
}
