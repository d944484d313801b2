//! `Task`.

use lexcase::tasks::{Assignee, Task};
use pyo3::prelude::*;

use crate::record::py_record;

py_record! {
    /// A task, on a matter or on none: `priority` is `low`, `normal`, `high` or `urgent`;
    /// `status` is `pending`, `in_progress`, `in_review`, `complete` or `cancelled`.
    PyTask(Task) as "Task" eq;
    repr(id, title, status, priority, due_date, version);
    |t| {
        /// Identifier.
        id,
        /// The matter it belongs to, if any.
        matter,
        /// What to do.
        title,
        /// Detail.
        description,
        /// The user who does it, if it is assigned to a user.
        assignee_user = match t.assignee {
            Some(Assignee::User(u)) => Some(u),
            _ => None,
        },
        /// The contact who does it (a client to-do), if it is assigned to a contact.
        assignee_contact = match t.assignee {
            Some(Assignee::Contact(c)) => Some(c),
            _ => None,
        },
        /// How urgent.
        priority,
        /// Where it stands.
        status,
        /// The due date its rule gives now (`None` without a rule or while its anchor has no
        /// date).
        due_date,
        /// The workflow checklist item completing this task ticks, if any.
        checklist_item,
        /// Who created it.
        created_by,
        /// When (UTC).
        created_at,
        /// Who completed it.
        completed_by,
        /// When (UTC).
        completed_at,
        /// Optimistic-concurrency version.
        version,
    }
}
