//! The task aggregate.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{DueAnchor, Priority, TaskDue, TaskStatus};
use crate::error::{LexcaseError, Result};
use crate::ids::{ContactId, MatterId, TaskId, UserId};
use crate::validate;

/// Who a task is for: a user, or a contact (a client to-do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Assignee {
    /// A user of the firm.
    User(#[cfg_attr(feature = "uniffi", uniffi(name = "id"))] UserId),
    /// A contact (the client has something to do).
    Contact(#[cfg_attr(feature = "uniffi", uniffi(name = "id"))] ContactId),
}

/// A task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Task {
    /// Identifier.
    pub id: TaskId,
    /// The matter it belongs to, if any.
    pub matter: Option<MatterId>,
    /// What to do.
    pub title: String,
    /// Detail.
    pub description: String,
    /// Who does it.
    pub assignee: Option<Assignee>,
    /// How urgent.
    pub priority: Priority,
    /// Where it stands.
    pub status: TaskStatus,
    /// The due rule.
    pub due: Option<TaskDue>,
    /// The due date the rule gives now (`None` without a rule or while its anchor has no date).
    pub due_date: Option<NaiveDate>,
    /// The workflow checklist item completing this task ticks.
    pub checklist_item: Option<String>,
    /// Who created it.
    pub created_by: UserId,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Who completed it.
    pub completed_by: Option<UserId>,
    /// When.
    pub completed_at: Option<DateTime<Utc>>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What a task is created with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewTask {
    /// The matter (`None` for a firm task).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub matter: Option<MatterId>,
    /// What to do.
    pub title: String,
    /// Detail.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub description: String,
    /// Who does it.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub assignee: Option<Assignee>,
    /// How urgent.
    pub priority: Priority,
    /// When it falls due (a key-date anchor needs a matter).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub due: Option<TaskDue>,
}

/// A partial update; `None` leaves a field as it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaskChanges {
    /// New title.
    pub title: Option<String>,
    /// New description.
    pub description: Option<String>,
    /// New assignee (`Some(None)` unassigns).
    pub assignee: Option<Option<Assignee>>,
    /// New priority.
    pub priority: Option<Priority>,
    /// New due rule (`Some(None)` removes it).
    pub due: Option<Option<TaskDue>>,
}

impl Task {
    /// Builds a pending task at version 1; the service resolves `due_date`.
    pub fn create(
        new: NewTask,
        checklist_item: Option<String>,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        let mut task = Self {
            id: TaskId::new(),
            matter: new.matter,
            title: String::new(),
            description: String::new(),
            assignee: None,
            priority: new.priority,
            status: TaskStatus::Pending,
            due: None,
            due_date: None,
            checklist_item,
            created_by: by,
            created_at: now,
            completed_by: None,
            completed_at: None,
            version: 1,
        };
        task.apply(TaskChanges {
            title: Some(new.title),
            description: Some(new.description),
            assignee: Some(new.assignee),
            priority: None,
            due: Some(new.due),
        })?;
        Ok(task)
    }

    /// Applies changes, checking each field.
    pub fn apply(&mut self, changes: TaskChanges) -> Result<()> {
        if let Some(title) = changes.title {
            self.title = validate::required_line("title", &title)?;
        }
        if let Some(description) = changes.description {
            self.description = validate::text("description", &description)?;
        }
        if let Some(assignee) = changes.assignee {
            self.assignee = assignee;
        }
        if let Some(priority) = changes.priority {
            self.priority = priority;
        }
        if let Some(due) = changes.due {
            due.as_ref().map(TaskDue::count).transpose()?;
            match due.as_ref().and_then(TaskDue::anchor) {
                Some(DueAnchor::KeyDate(name)) => {
                    if self.matter.is_none() {
                        return Err(LexcaseError::validation(
                            "due",
                            "a key-date anchor needs a matter",
                        ));
                    }
                    validate::required_line("due", name)?;
                }
                Some(DueAnchor::Task(anchor)) if *anchor == self.id => {
                    return Err(LexcaseError::validation(
                        "due",
                        "a task cannot count from itself",
                    ));
                }
                _ => {}
            }
            self.due = due;
        }
        Ok(())
    }

    /// Moves the task to `to`, recording who completed it.
    pub fn set_status(&mut self, to: TaskStatus, by: UserId, now: DateTime<Utc>) -> Result<()> {
        self.status.check_transition(to)?;
        self.status = to;
        if to == TaskStatus::Complete {
            self.completed_by = Some(by);
            self.completed_at = Some(now);
        } else {
            self.completed_by = None;
            self.completed_at = None;
        }
        Ok(())
    }

    /// Whether the task is open and due before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due_date.is_some_and(|d| d < today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::DayUnit;

    fn new(title: &str) -> NewTask {
        NewTask {
            title: title.into(),
            ..NewTask::default()
        }
    }

    #[test]
    fn checks_fields_and_anchors() {
        let by = UserId::new();
        assert!(Task::create(new(" "), None, by, Utc::now()).is_err());
        let key_date = TaskDue::Relative {
            anchor: DueAnchor::KeyDate("completion".into()),
            days: -5,
            unit: DayUnit::BusinessDays,
        };
        let err = Task::create(
            NewTask {
                due: Some(key_date.clone()),
                ..new("Chase")
            },
            None,
            by,
            Utc::now(),
        );
        assert!(err.is_err(), "no matter, no key dates");
        let t = Task::create(
            NewTask {
                matter: Some(MatterId::new()),
                due: Some(key_date),
                ..new("Chase")
            },
            None,
            by,
            Utc::now(),
        )
        .unwrap();
        let mut t2 = t.clone();
        let own = TaskDue::Relative {
            anchor: DueAnchor::Task(t.id),
            days: 1,
            unit: DayUnit::CalendarDays,
        };
        assert!(
            t2.apply(TaskChanges {
                due: Some(Some(own)),
                ..Default::default()
            })
            .is_err()
        );
        let too_far = TaskDue::Relative {
            anchor: DueAnchor::KeyDate("completion".into()),
            days: 10_001,
            unit: DayUnit::CalendarDays,
        };
        assert!(matches!(
            t2.apply(TaskChanges {
                due: Some(Some(too_far)),
                ..Default::default()
            }),
            Err(LexcaseError::Validation { field, .. }) if field == "days"
        ));
    }

    #[test]
    fn completion_is_recorded_and_cleared_on_reopening() {
        let by = UserId::new();
        let mut t = Task::create(new("Send contract"), None, by, Utc::now()).unwrap();
        t.set_status(TaskStatus::Complete, by, Utc::now()).unwrap();
        assert_eq!(t.completed_by, Some(by));
        assert!(
            t.set_status(TaskStatus::InProgress, by, Utc::now())
                .is_err()
        );
        t.set_status(TaskStatus::Pending, by, Utc::now()).unwrap();
        assert_eq!(t.completed_at, None);
        t.due_date = NaiveDate::from_ymd_opt(2026, 1, 1);
        assert!(t.is_overdue(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()));
        assert!(!t.is_overdue(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()));
    }
}
