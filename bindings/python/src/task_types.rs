//! `Task`.

use chrono::{DateTime, NaiveDate, Utc};
use lexcase::tasks::{Assignee, Task};
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::repr;

/// A task, on a matter or on none: `priority` is `low`, `normal`, `high` or `urgent`;
/// `status` is `pending`, `in_progress`, `in_review`, `complete` or `cancelled`.
#[pyclass(frozen, eq, module = "lexcase", name = "Task")]
#[derive(Clone, PartialEq)]
pub struct PyTask(pub Task);

#[pymethods]
impl PyTask {
    /// Identifier.
    #[getter]
    fn id(&self) -> Uuid {
        self.0.id.into()
    }

    /// The matter it belongs to, if any.
    #[getter]
    fn matter(&self) -> Option<Uuid> {
        self.0.matter.map(Into::into)
    }

    /// What to do.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// Detail.
    #[getter]
    fn description(&self) -> &str {
        &self.0.description
    }

    /// The user who does it, if it is assigned to a user.
    #[getter]
    fn assignee_user(&self) -> Option<Uuid> {
        match self.0.assignee {
            Some(Assignee::User(u)) => Some(u.into()),
            _ => None,
        }
    }

    /// The contact who does it (a client to-do), if it is assigned to a contact.
    #[getter]
    fn assignee_contact(&self) -> Option<Uuid> {
        match self.0.assignee {
            Some(Assignee::Contact(c)) => Some(c.into()),
            _ => None,
        }
    }

    /// How urgent.
    #[getter]
    fn priority(&self) -> &'static str {
        self.0.priority.as_str()
    }

    /// Where it stands.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// The due date its rule gives now (`None` without a rule or while its anchor has no
    /// date).
    #[getter]
    fn due_date(&self) -> Option<NaiveDate> {
        self.0.due_date
    }

    /// The workflow checklist item completing this task ticks, if any.
    #[getter]
    fn checklist_item(&self) -> Option<&str> {
        self.0.checklist_item.as_deref()
    }

    /// Who created it.
    #[getter]
    fn created_by(&self) -> Uuid {
        self.0.created_by.into()
    }

    /// When (UTC).
    #[getter]
    fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Who completed it.
    #[getter]
    fn completed_by(&self) -> Option<Uuid> {
        self.0.completed_by.map(Into::into)
    }

    /// When (UTC).
    #[getter]
    fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.completed_at
    }

    /// Optimistic-concurrency version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["id", "title", "status", "priority", "due_date", "version"],
        )
    }
}
