//! Tasks: work for the team (or to-dos for a client), with due dates that are fixed or counted
//! from a key date or another task.

use std::time::SystemTime;

use chrono::NaiveDate;
use lexcase::MatterId;
use lexcase::calendar::DayCount;
use lexcase::store::Paged;
use lexcase::tasks::{
    Assignee as CoreAssignee, DueAnchor as CoreDueAnchor, NewTask as CoreNewTask,
    Priority as CorePriority, Task as CoreTask, TaskChanges as CoreTaskChanges,
    TaskDue as CoreTaskDue, TaskStatus as CoreTaskStatus,
};
use uuid::Uuid;

use super::DayUnit;
use crate::convert::{all, instant, mirror_enum};
use crate::error::LexcaseError;

mirror_enum! {
    /// Where a task stands: open tasks move freely among the open statuses and to complete or
    /// cancelled; finished tasks may only be reopened (pending).
    TaskStatus = CoreTaskStatus {
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
}

mirror_enum! {
    /// How urgent a task is.
    Priority = CorePriority {
        /// Whenever.
        Low,
        /// Usual.
        Normal,
        /// Soon.
        High,
        /// Now.
        Urgent,
    }
}

/// Who a task is for.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Assignee {
    /// A user of the firm.
    User {
        /// The user's id.
        id: Uuid,
    },
    /// A contact (the client has something to do).
    Contact {
        /// The contact's id.
        id: Uuid,
    },
}

impl From<CoreAssignee> for Assignee {
    fn from(assignee: CoreAssignee) -> Self {
        match assignee {
            CoreAssignee::User(id) => Self::User { id: id.into() },
            CoreAssignee::Contact(id) => Self::Contact { id: id.into() },
        }
    }
}

impl From<Assignee> for CoreAssignee {
    fn from(assignee: Assignee) -> Self {
        match assignee {
            Assignee::User { id } => Self::User(id.into()),
            Assignee::Contact { id } => Self::Contact(id.into()),
        }
    }
}

/// What a relative due date counts from.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum DueAnchor {
    /// A key date of the task's matter, by name.
    KeyDate {
        /// The key date's name, e.g. "completion".
        name: String,
    },
    /// Another task's due date.
    Task {
        /// The other task's id.
        id: Uuid,
    },
}

impl From<CoreDueAnchor> for DueAnchor {
    fn from(anchor: CoreDueAnchor) -> Self {
        match anchor {
            CoreDueAnchor::KeyDate(name) => Self::KeyDate { name },
            CoreDueAnchor::Task(id) => Self::Task { id: id.into() },
        }
    }
}

impl From<DueAnchor> for CoreDueAnchor {
    fn from(anchor: DueAnchor) -> Self {
        match anchor {
            DueAnchor::KeyDate { name } => Self::KeyDate(name),
            DueAnchor::Task { id } => Self::Task(id.into()),
        }
    }
}

/// A task's due rule.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum TaskDue {
    /// On a fixed date.
    On {
        /// The date.
        date: NaiveDate,
    },
    /// Counted from an anchor; the task moves when its anchor moves.
    Relative {
        /// What it counts from.
        anchor: DueAnchor,
        /// Days after (positive) or before (negative); at most 10,000 either way.
        days: i32,
        /// Calendar or business days (weekends and the firm's holidays are not business days).
        unit: DayUnit,
    },
}

impl From<CoreTaskDue> for TaskDue {
    fn from(due: CoreTaskDue) -> Self {
        match due {
            CoreTaskDue::On { date } => Self::On { date },
            CoreTaskDue::Relative { anchor, count } => {
                let DayCount { days, unit } = count;
                Self::Relative {
                    anchor: anchor.into(),
                    days,
                    unit,
                }
            }
        }
    }
}

impl TryFrom<TaskDue> for CoreTaskDue {
    type Error = LexcaseError;
    fn try_from(due: TaskDue) -> Result<Self, LexcaseError> {
        Ok(match due {
            TaskDue::On { date } => Self::On { date },
            TaskDue::Relative { anchor, days, unit } => Self::Relative {
                anchor: anchor.into(),
                count: DayCount::new(days, unit)?,
            },
        })
    }
}

/// A task.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Task {
    /// Identifier.
    pub id: Uuid,
    /// The matter it belongs to, if any.
    pub matter: Option<Uuid>,
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
    /// The due date the rule gives now (null without a rule or while its anchor has no date).
    pub due_date: Option<NaiveDate>,
    /// The workflow checklist item that completing this task ticks.
    pub checklist_item: Option<String>,
    /// Who created it (a user id).
    pub created_by: Uuid,
    /// When.
    pub created_at: SystemTime,
    /// Who completed it.
    pub completed_by: Option<Uuid>,
    /// When.
    pub completed_at: Option<SystemTime>,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreTask> for Task {
    fn from(task: CoreTask) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreTask {
            id,
            matter,
            title,
            description,
            assignee,
            priority,
            status,
            due,
            due_date,
            checklist_item,
            created_by,
            created_at,
            completed_by,
            completed_at,
            version,
        } = task;
        Self {
            id: id.into(),
            matter: matter.map(Uuid::from),
            title,
            description,
            assignee: assignee.map(Assignee::from),
            priority: priority.into(),
            status: status.into(),
            due: due.map(TaskDue::from),
            due_date,
            checklist_item,
            created_by: created_by.into(),
            created_at: instant(created_at),
            completed_by: completed_by.map(Uuid::from),
            completed_at: completed_at.map(instant),
            version,
        }
    }
}

/// What a task is created with.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewTask {
    /// The matter (null for a firm task).
    #[uniffi(default)]
    pub matter: Option<Uuid>,
    /// What to do.
    pub title: String,
    /// Detail.
    #[uniffi(default = "")]
    pub description: String,
    /// Who does it.
    #[uniffi(default)]
    pub assignee: Option<Assignee>,
    /// How urgent.
    pub priority: Priority,
    /// When it falls due (a key-date anchor needs a matter).
    #[uniffi(default)]
    pub due: Option<TaskDue>,
}

impl TryFrom<NewTask> for CoreNewTask {
    type Error = LexcaseError;
    fn try_from(new: NewTask) -> Result<Self, LexcaseError> {
        Ok(Self {
            matter: new.matter.map(MatterId::from),
            title: new.title,
            description: new.description,
            assignee: new.assignee.map(Into::into),
            priority: new.priority.into(),
            due: new.due.map(TryInto::try_into).transpose()?,
        })
    }
}

/// How `TaskChanges` changes the assignee (null there leaves it as it is).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum AssigneeChange {
    /// Assign the task to this user or contact.
    Set {
        /// The new assignee.
        assignee: Assignee,
    },
    /// Unassign the task.
    Clear,
}

impl From<AssigneeChange> for Option<CoreAssignee> {
    fn from(change: AssigneeChange) -> Self {
        match change {
            AssigneeChange::Set { assignee } => Some(assignee.into()),
            AssigneeChange::Clear => None,
        }
    }
}

/// How `TaskChanges` changes the due rule (null there leaves it as it is).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum DueChange {
    /// Give the task this due rule.
    Set {
        /// The new rule.
        due: TaskDue,
    },
    /// Remove the due rule (and the due date).
    Clear,
}

impl TryFrom<DueChange> for Option<CoreTaskDue> {
    type Error = LexcaseError;
    fn try_from(change: DueChange) -> Result<Self, LexcaseError> {
        Ok(match change {
            DueChange::Set { due } => Some(due.try_into()?),
            DueChange::Clear => None,
        })
    }
}

/// A partial update of a task; null leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct TaskChanges {
    /// New title.
    #[uniffi(default)]
    pub title: Option<String>,
    /// New description.
    #[uniffi(default)]
    pub description: Option<String>,
    /// Set or clear the assignee.
    #[uniffi(default)]
    pub assignee: Option<AssigneeChange>,
    /// New priority.
    #[uniffi(default)]
    pub priority: Option<Priority>,
    /// Set or clear the due rule.
    #[uniffi(default)]
    pub due: Option<DueChange>,
}

impl TryFrom<TaskChanges> for CoreTaskChanges {
    type Error = LexcaseError;
    fn try_from(changes: TaskChanges) -> Result<Self, LexcaseError> {
        Ok(Self {
            title: changes.title,
            description: changes.description,
            assignee: changes.assignee.map(Option::<CoreAssignee>::from),
            priority: changes.priority.map(CorePriority::from),
            due: changes.due.map(TryInto::try_into).transpose()?,
        })
    }
}

/// One page of tasks and the total number the acting user may see.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TaskPage {
    /// The tasks in this page, soonest due first (undated last).
    pub items: Vec<Task>,
    /// How many tasks match in all (tasks of hidden matters are not counted).
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreTask>> for TaskPage {
    fn from(page: Paged<CoreTask>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}
