//! Tasks: the core's records and enums cross the FFI as they are (`lexcase::tasks`); this
//! module keeps what has no core counterpart: the tri-state changes of the assignee and the due
//! rule, the changes record that uses them, and the page of tasks.

pub use lexcase::tasks::{Assignee, DueAnchor, NewTask, Priority, Task, TaskDue, TaskStatus};

use lexcase::tasks::TaskChanges as CoreTaskChanges;

use crate::convert::page_record;

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

impl From<AssigneeChange> for Option<Assignee> {
    fn from(change: AssigneeChange) -> Self {
        match change {
            AssigneeChange::Set { assignee } => Some(assignee),
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

impl From<DueChange> for Option<TaskDue> {
    fn from(change: DueChange) -> Self {
        match change {
            DueChange::Set { due } => Some(due),
            DueChange::Clear => None,
        }
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

impl From<TaskChanges> for CoreTaskChanges {
    fn from(changes: TaskChanges) -> Self {
        Self {
            title: changes.title,
            description: changes.description,
            assignee: changes.assignee.map(Option::<Assignee>::from),
            priority: changes.priority,
            due: changes.due.map(Option::<TaskDue>::from),
        }
    }
}

page_record! {
    /// One page of tasks and the total number the acting user may see.
    TaskPage of Task,
    items: "The tasks in this page, soonest due first (undated last).",
    total: "How many tasks match in all (tasks of hidden matters are not counted).",
}
