//! `session.tasks`.

use chrono::NaiveDate;
use lexcase::calendar::{DayCount, DayUnit};
use lexcase::service::Session;
use lexcase::tasks::{Assignee, DueAnchor, NewTask, Priority, TaskChanges, TaskDue, TaskStatus};
use lexcase::{ContactId, LexcaseError, MatterId, TaskId, UserId};
use pyo3::prelude::*;

use crate::convert::{DateArg, Id, date_opt, id_opt, page, parse, parse_opt, run};
use crate::errors::to_py;
use crate::page::PyPage;
use crate::task_types::PyTask;

/// An argument of `update` that leaves its field as it is unless given (`None` included).
pub(crate) enum Given<T> {
    /// Not given: leave it.
    Leave,
    /// Given.
    Set(T),
}

impl<'a, 'py, T> FromPyObject<'a, 'py> for Given<T>
where
    T: FromPyObject<'a, 'py>,
    T::Error: Into<PyErr>,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        obj.extract::<T>().map(Self::Set).map_err(Into::into)
    }
}

impl<T> Given<T> {
    pub(crate) fn is_set(&self) -> bool {
        matches!(self, Self::Set(_))
    }
}

impl<T> Given<Option<T>> {
    /// The given value; not given reads as `None`.
    pub(crate) fn value(self) -> Option<T> {
        match self {
            Self::Leave => None,
            Self::Set(v) => v,
        }
    }
}

fn contradictory(field: &str, reason: &str) -> PyErr {
    to_py(LexcaseError::validation(field, reason))
}

/// The assignee from `assignee_user=` / `assignee_contact=` (at most one).
fn assignee(user: Option<UserId>, contact: Option<ContactId>) -> PyResult<Option<Assignee>> {
    match (user, contact) {
        (Some(_), Some(_)) => Err(contradictory(
            "assignee",
            "give assignee_user or assignee_contact, not both",
        )),
        (Some(u), None) => Ok(Some(Assignee::User(u))),
        (None, Some(c)) => Ok(Some(Assignee::Contact(c))),
        (None, None) => Ok(None),
    }
}

/// The due rule from `due_on=` / `due_from_key_date=` / `due_from_task=` (at most one) with
/// `due_days=` and `due_unit=` for the relative ones.
fn due(
    on: Option<NaiveDate>,
    key_date: Option<String>,
    task: Option<TaskId>,
    days: i32,
    unit: &str,
) -> PyResult<Option<TaskDue>> {
    let unit = parse::<DayUnit>(unit)?;
    let anchor = match (on, key_date, task) {
        (None, None, None) | (Some(_), None, None) if days != 0 => {
            return Err(contradictory(
                "due",
                "due_days needs due_from_key_date or due_from_task",
            ));
        }
        (None, None, None) => return Ok(None),
        (Some(date), None, None) => return Ok(Some(TaskDue::On { date })),
        (None, Some(name), None) => DueAnchor::KeyDate(name),
        (None, None, Some(task)) => DueAnchor::Task(task),
        _ => {
            return Err(contradictory(
                "due",
                "give at most one of due_on, due_from_key_date and due_from_task",
            ));
        }
    };
    let count = DayCount::new(days, unit).map_err(to_py)?;
    Ok(Some(TaskDue::Relative {
        anchor,
        days: count.days,
        unit: count.unit,
    }))
}

/// Tasks (`session.tasks`). A task on a matter follows the matter's visibility and needs
/// `edit_matters` to change; a task on no matter is visible to the whole firm.
#[pyclass(frozen, module = "lexcase", name = "TaskService")]
pub struct PyTaskService(pub Session);

#[pymethods]
impl PyTaskService {
    /// Creates a task. Its due date is `due_on`, or `due_days` (in `due_unit`:
    /// `calendar_days` or `business_days`) from the matter's key date `due_from_key_date` or
    /// from the due date of task `due_from_task`, moving when that moves.
    #[pyo3(signature = (*, title, matter=None, description="", assignee_user=None, assignee_contact=None, priority="normal", due_on=None, due_from_key_date=None, due_from_task=None, due_days=0, due_unit="calendar_days"))]
    fn create(
        &self,
        py: Python<'_>,
        title: String,
        matter: Option<Id<MatterId>>,
        description: &str,
        assignee_user: Option<Id<UserId>>,
        assignee_contact: Option<Id<ContactId>>,
        priority: &str,
        due_on: Option<DateArg>,
        due_from_key_date: Option<String>,
        due_from_task: Option<Id<TaskId>>,
        #[pyo3(from_py_with = crate::ints::due_days)] due_days: i32,
        due_unit: &str,
    ) -> PyResult<PyTask> {
        let new = NewTask {
            matter: id_opt(matter),
            title,
            description: description.to_owned(),
            assignee: assignee(id_opt(assignee_user), id_opt(assignee_contact))?,
            priority: parse::<Priority>(priority)?,
            due: due(
                date_opt(due_on),
                due_from_key_date,
                id_opt(due_from_task),
                due_days,
                due_unit,
            )?,
        };
        run(py, || self.0.tasks().create(new)).map(PyTask)
    }

    /// A task by id.
    fn get(&self, py: Python<'_>, id: Id<TaskId>) -> PyResult<PyTask> {
        run(py, || self.0.tasks().get(id.0)).map(PyTask)
    }

    /// Changes title, description, assignee, priority or due rule; an argument left out
    /// leaves its field as it is. Giving either assignee argument replaces the assignee
    /// (`None` for both unassigns); giving any of the `due_*` anchors replaces the due rule
    /// (`None` for all removes it). Tasks counting from this one move with it.
    #[pyo3(signature = (id, expected_version, *, title=None, description=None, assignee_user=Given::Leave, assignee_contact=Given::Leave, priority=None, due_on=Given::Leave, due_from_key_date=Given::Leave, due_from_task=Given::Leave, due_days=0, due_unit="calendar_days"))]
    fn update(
        &self,
        py: Python<'_>,
        id: Id<TaskId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        title: Option<String>,
        description: Option<String>,
        assignee_user: Given<Option<Id<UserId>>>,
        assignee_contact: Given<Option<Id<ContactId>>>,
        priority: Option<&str>,
        due_on: Given<Option<DateArg>>,
        due_from_key_date: Given<Option<String>>,
        due_from_task: Given<Option<Id<TaskId>>>,
        #[pyo3(from_py_with = crate::ints::due_days)] due_days: i32,
        due_unit: &str,
    ) -> PyResult<PyTask> {
        let assignee = if assignee_user.is_set() || assignee_contact.is_set() {
            Some(assignee(
                id_opt(assignee_user.value()),
                id_opt(assignee_contact.value()),
            )?)
        } else {
            None
        };
        let due = if due_on.is_set() || due_from_key_date.is_set() || due_from_task.is_set() {
            Some(due(
                date_opt(due_on.value()),
                due_from_key_date.value(),
                id_opt(due_from_task.value()),
                due_days,
                due_unit,
            )?)
        } else if due_days != 0 {
            return Err(contradictory(
                "due",
                "due_days needs due_from_key_date or due_from_task",
            ));
        } else {
            None
        };
        let changes = TaskChanges {
            title,
            description,
            assignee,
            priority: parse_opt::<Priority>(priority)?,
            due,
        };
        run(py, || {
            self.0.tasks().update(id.0, expected_version, changes)
        })
        .map(PyTask)
    }

    /// Moves the task to `status`; completing a task created from a workflow checklist item
    /// ticks the item.
    fn set_status(
        &self,
        py: Python<'_>,
        id: Id<TaskId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        status: &str,
    ) -> PyResult<PyTask> {
        let status = parse::<TaskStatus>(status)?;
        run(py, || {
            self.0.tasks().set_status(id.0, expected_version, status)
        })
        .map(PyTask)
    }

    /// The acting user's open tasks, soonest due first.
    #[pyo3(signature = (offset=0, limit=50, after=None) -> "Page[Task]")]
    fn mine(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.tasks().mine(page))?;
        PyPage::new(py, paged, PyTask)
    }

    /// Open tasks on the matters the acting user is on (responsible, originating or team).
    #[pyo3(signature = (offset=0, limit=50, after=None) -> "Page[Task]")]
    fn team(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.tasks().team(page))?;
        PyPage::new(py, paged, PyTask)
    }

    /// Open tasks due before today (in the firm's zone).
    #[pyo3(signature = (offset=0, limit=50, after=None) -> "Page[Task]")]
    fn overdue(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.tasks().overdue(page))?;
        PyPage::new(py, paged, PyTask)
    }

    /// Open tasks due from today to the coming Sunday.
    #[pyo3(signature = (offset=0, limit=50, after=None) -> "Page[Task]")]
    fn due_this_week(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.tasks().due_this_week(page))?;
        PyPage::new(py, paged, PyTask)
    }

    /// Every task of a matter (open and finished).
    #[pyo3(signature = (matter, offset=0, limit=50, after=None) -> "Page[Task]")]
    fn for_matter(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.tasks().for_matter(matter.0, page))?;
        PyPage::new(py, paged, PyTask)
    }
}
