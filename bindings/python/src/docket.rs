//! `session.docket`.

use lexcase::deadlines::ServiceMethod;
use lexcase::docket::{DeadlineChanges, DeadlineTrigger, NewDeadline};
use lexcase::service::Session;
use lexcase::store::DeadlineQuery;
use lexcase::{DeadlineId, LexcaseError, MatterId, UserId};
use pyo3::prelude::*;

use crate::audit::PyAuditEvent;
use crate::convert::{DateArg, Id, InstantArg, date_opt, id_opt, page, parse_opt, run};
use crate::docket_types::{PyDeadline, PyDeadlineReminder, RuleArg};
use crate::errors::to_py;
use crate::page::PyPage;
use crate::tasks::Given;

/// The trigger from `trigger_date=` / `trigger_at=` / `trigger_key_date=` /
/// `trigger_deadline=`: exactly one of them, else `None` when none is given and `required`
/// is false.
fn trigger(
    date: Option<DateArg>,
    at: Option<InstantArg>,
    key_date: Option<String>,
    deadline: Option<Id<DeadlineId>>,
    required: bool,
) -> PyResult<Option<DeadlineTrigger>> {
    let mut given = Vec::new();
    if let Some(DateArg(date)) = date {
        given.push(DeadlineTrigger::Date { date });
    }
    if let Some(InstantArg(at)) = at {
        given.push(DeadlineTrigger::Moment { at });
    }
    if let Some(name) = key_date {
        given.push(DeadlineTrigger::KeyDate { name });
    }
    if let Some(Id(id)) = deadline {
        given.push(DeadlineTrigger::Deadline { id });
    }
    match given.len() {
        0 if !required => Ok(None),
        1 => Ok(given.pop()),
        _ => Err(to_py(LexcaseError::validation(
            "trigger",
            "give exactly one of trigger_date, trigger_at, trigger_key_date and trigger_deadline",
        ))),
    }
}

/// The docket (`session.docket`): deadlines computed from court and statutory rules, kept in
/// step with their triggers (a date, an instant, a key date of the matter or another
/// deadline), closed as done or vacated, the register of who entered them, and reminders.
/// Deadlines follow their matter's visibility; entering and changing them needs
/// `edit_matters`.
#[pyclass(frozen, module = "lexcase", name = "DocketService")]
pub struct PyDocketService(pub Session);

#[pymethods]
impl PyDocketService {
    /// Enters a deadline on `matter` and computes it. `rule` is a built-in rule id (an
    /// unknown one is a `ValidationError` on `rule`) or a `DeadlineRule`. Give exactly one
    /// trigger: `trigger_date`, `trigger_at` (an aware datetime, read in the firm's zone; hour
    /// periods need one), `trigger_key_date` (a key date of the matter: the deadline waits
    /// undated until it is set and moves with it) or `trigger_deadline` (another deadline of
    /// the matter: a chain). `service` is `personal`, `electronic`, `mail`,
    /// `left_with_clerk` or `other_consented`; `holidays` and `closures` calendar specs (the
    /// rule's or the method's usual ones by default); `reminders` days before the due date
    /// (30, 7 and 1 by default).
    #[pyo3(signature = (*, matter, rule, trigger_date=None, trigger_at=None, trigger_key_date=None, trigger_deadline=None, title=None, service=None, holidays=None, closures=None, reminders=None, responsible=None))]
    fn add(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        rule: RuleArg,
        trigger_date: Option<DateArg>,
        trigger_at: Option<InstantArg>,
        trigger_key_date: Option<String>,
        trigger_deadline: Option<Id<DeadlineId>>,
        title: Option<String>,
        service: Option<&str>,
        holidays: Option<String>,
        closures: Option<String>,
        reminders: Option<Vec<u32>>,
        responsible: Option<Id<UserId>>,
    ) -> PyResult<PyDeadline> {
        let trigger = trigger(
            trigger_date,
            trigger_at,
            trigger_key_date,
            trigger_deadline,
            true,
        )?
        .ok_or_else(|| to_py(LexcaseError::validation("trigger", "a trigger is required")))?;
        let new = NewDeadline {
            title,
            service: parse_opt::<ServiceMethod>(service)?,
            holidays,
            closures,
            reminders,
            responsible: id_opt(responsible),
            ..NewDeadline::new(matter.0, rule.0, trigger)
        };
        run(py, || self.0.docket().add(new)).map(PyDeadline)
    }

    /// A deadline by id.
    fn get(&self, py: Python<'_>, id: Id<DeadlineId>) -> PyResult<PyDeadline> {
        run(py, || self.0.docket().get(id.0)).map(PyDeadline)
    }

    /// The deadline's history (`deadline.entered`, `.updated`, `.recomputed`, `.done`,
    /// `.vacated`), oldest first.
    fn history(&self, py: Python<'_>, id: Id<DeadlineId>) -> PyResult<Vec<PyAuditEvent>> {
        let events = run(py, || self.0.docket().history(id.0))?;
        Ok(events.into_iter().map(PyAuditEvent).collect())
    }

    /// Changes title, trigger (at most one trigger form), service method, calendars,
    /// reminders or the responsible user; an argument left out leaves its field as it is
    /// (`service=None` and `responsible=None` clear theirs). The date is recomputed, and
    /// deadlines chained to this one move with it. A closed deadline cannot change
    /// (`InvalidTransitionError`).
    #[pyo3(signature = (id, expected_version, *, title=None, trigger_date=None, trigger_at=None, trigger_key_date=None, trigger_deadline=None, service=Given::Leave, holidays=None, closures=None, reminders=None, responsible=Given::Leave))]
    fn update(
        &self,
        py: Python<'_>,
        id: Id<DeadlineId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        title: Option<String>,
        trigger_date: Option<DateArg>,
        trigger_at: Option<InstantArg>,
        trigger_key_date: Option<String>,
        trigger_deadline: Option<Id<DeadlineId>>,
        service: Given<Option<String>>,
        holidays: Option<String>,
        closures: Option<String>,
        reminders: Option<Vec<u32>>,
        responsible: Given<Option<Id<UserId>>>,
    ) -> PyResult<PyDeadline> {
        let service = match service {
            Given::Leave => None,
            Given::Set(name) => Some(parse_opt::<ServiceMethod>(name.as_deref())?),
        };
        let responsible = match responsible {
            Given::Leave => None,
            Given::Set(user) => Some(id_opt(user)),
        };
        let changes = DeadlineChanges {
            title,
            trigger: trigger(
                trigger_date,
                trigger_at,
                trigger_key_date,
                trigger_deadline,
                false,
            )?,
            service,
            holidays,
            closures,
            reminders,
            responsible,
        };
        run(py, || {
            self.0.docket().update(id.0, expected_version, changes)
        })
        .map(PyDeadline)
    }

    /// Marks the deadline met.
    fn complete(
        &self,
        py: Python<'_>,
        id: Id<DeadlineId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
    ) -> PyResult<PyDeadline> {
        run(py, || self.0.docket().complete(id.0, expected_version)).map(PyDeadline)
    }

    /// Marks the deadline as no longer applying; `reason` is required.
    fn vacate(
        &self,
        py: Python<'_>,
        id: Id<DeadlineId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        reason: &str,
    ) -> PyResult<PyDeadline> {
        run(py, || {
            self.0.docket().vacate(id.0, expected_version, reason)
        })
        .map(PyDeadline)
    }

    /// Deadlines on matters the acting user may see, soonest first: of one `matter`, one
    /// `responsible` user, only open ones, due between `due_from` and `due_to` (inclusive).
    #[pyo3(signature = (*, matter=None, responsible=None, open_only=false, due_from=None, due_to=None, offset=0, limit=50, after=None) -> "Page[Deadline]")]
    fn list(
        &self,
        py: Python<'_>,
        matter: Option<Id<MatterId>>,
        responsible: Option<Id<UserId>>,
        open_only: bool,
        due_from: Option<DateArg>,
        due_to: Option<DateArg>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let query = DeadlineQuery {
            matter: id_opt(matter),
            responsible: id_opt(responsible),
            open_only,
            due_from: date_opt(due_from),
            due_to: date_opt(due_to),
            ..DeadlineQuery::default()
        };
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.docket().list(&query, page))?;
        PyPage::new(py, paged, PyDeadline)
    }

    /// The register: deadlines entered on `day` (in the firm's zone), with who entered each
    /// (`entered_by`), in the order they were entered.
    #[pyo3(signature = (day, *, offset=0, limit=50, after=None) -> "Page[Deadline]")]
    fn entered_on(
        &self,
        py: Python<'_>,
        day: DateArg,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.docket().entered_on(day.0, page))?;
        PyPage::new(py, paged, PyDeadline)
    }

    /// Reminders falling from `from_date` to `to_date` (inclusive, at most 366 days) for open
    /// deadlines, optionally only those `responsible` is responsible for, by reminder day then
    /// due date.
    #[pyo3(signature = (*, from_date, to_date, responsible=None))]
    fn reminders(
        &self,
        py: Python<'_>,
        from_date: DateArg,
        to_date: DateArg,
        responsible: Option<Id<UserId>>,
    ) -> PyResult<Vec<PyDeadlineReminder>> {
        let found = run(py, || {
            self.0
                .docket()
                .reminders(from_date.0, to_date.0, id_opt(responsible))
        })?;
        Ok(found.into_iter().map(PyDeadlineReminder).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn exactly_one_trigger_form_is_taken() {
        Python::initialize();
        Python::attach(|py| {
            crate::errors::ensure_validation_error_is_value_error(py).expect("bases");
            let day = NaiveDate::from_ymd_opt(2026, 12, 4).map(DateArg);
            assert_eq!(
                trigger(day, None, None, None, true).expect("one form"),
                day.map(|DateArg(date)| DeadlineTrigger::Date { date })
            );
            assert_eq!(
                trigger(None, None, None, None, false).expect("none on update"),
                None
            );
            for required in [true, false] {
                let err = trigger(day, None, Some("service".into()), None, required)
                    .expect_err("two forms");
                assert!(err.is_instance_of::<crate::errors::ValidationError>(py));
            }
            let err = trigger(None, None, None, None, true).expect_err("none on add");
            let field: String = err
                .value(py)
                .getattr("field")
                .and_then(|f| f.extract())
                .expect("field");
            assert_eq!(field, "trigger");
        });
    }
}
