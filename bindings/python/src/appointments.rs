//! `session.appointments`.

use chrono::{NaiveDate, NaiveDateTime};
use lexcase::appointments::{
    AppointmentChanges, AppointmentKind, Attendee, NewAppointment, OccurrenceChange, Schedule,
};
use lexcase::service::Session;
use lexcase::{AppointmentId, ContactId, LexcaseError, MatterId, UserId};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime};

use crate::appointment_types::{PyAppointment, PyClash, PyOccurrence};
use crate::audit::PyAuditEvent;
use crate::convert::{DateArg, Id, LocalDateTimeArg, date_opt, id_opt, local_opt, parse, run};
use crate::errors::to_py;
use crate::tasks::Given;

fn invalid(field: &str, reason: &str) -> PyErr {
    to_py(LexcaseError::validation(field, reason))
}

/// The schedule from `start`/`end`/`zone` (timed) or `first_day`/`last_day` (all-day; a
/// missing `last_day` is `first_day`): `None` when none is given, a `ValidationError` when
/// both forms or half of the timed one are given.
fn schedule(
    start: Option<NaiveDateTime>,
    end: Option<NaiveDateTime>,
    zone: Option<String>,
    first_day: Option<NaiveDate>,
    last_day: Option<NaiveDate>,
) -> PyResult<Option<Schedule>> {
    let timed = start.is_some() || end.is_some() || zone.is_some();
    let all_day = first_day.is_some() || last_day.is_some();
    if timed && all_day {
        return Err(invalid(
            "schedule",
            "give start, end and zone (timed) or first_day and last_day (all-day), not both",
        ));
    }
    if timed {
        return match (start, end, zone) {
            (Some(start), Some(end), Some(zone)) => Ok(Some(Schedule::timed(start, end, &zone))),
            (None, _, _) => Err(invalid("start", "a timed entry needs start, end and zone")),
            (_, None, _) => Err(invalid("end", "a timed entry needs start, end and zone")),
            (_, _, None) => Err(invalid("zone", "a timed entry needs start, end and zone")),
        };
    }
    match (first_day, last_day) {
        (Some(first), last) => Ok(Some(Schedule::all_day(first, last.unwrap_or(first)))),
        (None, Some(_)) => Err(invalid("first_day", "an all-day entry needs first_day")),
        (None, None) => Ok(None),
    }
}

/// The core names the end of a date range `to`; the Python argument is `to_date`.
fn window_field(err: LexcaseError) -> LexcaseError {
    match err {
        LexcaseError::Validation { field, reason, .. } if field == "to" => {
            LexcaseError::validation("to_date", reason)
        }
        other => other,
    }
}

/// The attendees from the two lists.
fn attendees(users: Vec<Id<UserId>>, contacts: Vec<Id<ContactId>>) -> Vec<Attendee> {
    users
        .into_iter()
        .map(|Id(u)| Attendee::User(u))
        .chain(contacts.into_iter().map(|Id(c)| Attendee::Contact(c)))
        .collect()
}

/// Reminders in minutes; a negative one is a `ValidationError` (the core checks the rest).
fn reminders(minutes: Vec<i64>) -> PyResult<Vec<u32>> {
    minutes
        .into_iter()
        .map(|m| {
            u32::try_from(m).map_err(|_| {
                invalid(
                    "reminders",
                    "a reminder is a number of minutes before the start, from 0 to four weeks",
                )
            })
        })
        .collect()
}

/// The start naming an occurrence: a naive `datetime`, or a `date` for an all-day series
/// (midnight of that day).
fn original_start(obj: &Bound<'_, PyAny>) -> PyResult<NaiveDateTime> {
    if obj.is_instance_of::<PyDateTime>() {
        return obj.extract::<LocalDateTimeArg>().map(|a| a.0);
    }
    if obj.is_instance_of::<PyDate>() {
        return Ok(obj.extract::<DateArg>()?.0.and_time(chrono::NaiveTime::MIN));
    }
    Err(PyTypeError::new_err(
        "original_start: expected a naive datetime.datetime (or a datetime.date for an all-day \
         series)",
    ))
}

/// The calendar (`session.appointments`): appointments, meetings, hearings and calls, single
/// or recurring (an RFC 5545 `RRULE`), timed in an IANA zone or all-day. An entry on a matter
/// follows the matter's visibility and needs `edit_matters` to change; one on no matter is
/// visible to the firm and changed by its organiser, a user attending, or anyone with
/// `edit_matters`.
///
/// A schedule is given either as `start`, `end` (naive `datetime`s, wall-clock times) and
/// `zone` (an IANA name such as `"Europe/London"`), or as `first_day` and `last_day`
/// (`date`s, inclusive; `last_day` defaults to `first_day`). Giving both forms, or part of
/// the timed one, is a `ValidationError`. Date ranges (`from_date`, `to_date`) are inclusive
/// days in the firm's zone, at most 366 of them.
#[pyclass(frozen, module = "lexcase", name = "AppointmentService")]
pub struct PyAppointmentService(pub Session);

#[pymethods]
impl PyAppointmentService {
    /// Puts an entry in the calendar. `kind` is `appointment`, `meeting`, `hearing` or `call`;
    /// `recurrence` an `RRULE` value such as `"FREQ=WEEKLY;COUNT=6"`; `reminders` minutes
    /// before the start.
    #[pyo3(signature = (*, title, start=None, end=None, zone=None, first_day=None, last_day=None, kind="appointment", matter=None, description="", location="", recurrence=None, attendee_users=Vec::new(), attendee_contacts=Vec::new(), reminders=Vec::new()))]
    fn create(
        &self,
        py: Python<'_>,
        title: String,
        start: Option<LocalDateTimeArg>,
        end: Option<LocalDateTimeArg>,
        zone: Option<String>,
        first_day: Option<DateArg>,
        last_day: Option<DateArg>,
        kind: &str,
        matter: Option<Id<MatterId>>,
        description: &str,
        location: &str,
        recurrence: Option<String>,
        attendee_users: Vec<Id<UserId>>,
        attendee_contacts: Vec<Id<ContactId>>,
        reminders: Vec<i64>,
    ) -> PyResult<PyAppointment> {
        let schedule = schedule(
            local_opt(start),
            local_opt(end),
            zone,
            date_opt(first_day),
            date_opt(last_day),
        )?
        .ok_or_else(|| {
            invalid(
                "schedule",
                "give start, end and zone (timed) or first_day and last_day (all-day)",
            )
        })?;
        let new = NewAppointment {
            matter: id_opt(matter),
            kind: parse::<AppointmentKind>(kind)?,
            title,
            description: description.to_owned(),
            location: location.to_owned(),
            schedule,
            recurrence,
            attendees: attendees(attendee_users, attendee_contacts),
            reminders: self::reminders(reminders)?,
        };
        run(py, || self.0.appointments().create(new)).map(PyAppointment)
    }

    /// An entry by id.
    fn get(&self, py: Python<'_>, id: Id<AppointmentId>) -> PyResult<PyAppointment> {
        run(py, || self.0.appointments().get(id.0)).map(PyAppointment)
    }

    /// Changes the whole entry (every occurrence of a series); an argument left out leaves its
    /// field as it is. Giving a schedule (either form) replaces it; `recurrence=None` makes the
    /// entry single. Giving either attendee list replaces all attendees (the other list counts
    /// as empty). Changing the schedule or recurrence discards the occurrence exceptions.
    #[pyo3(signature = (id, expected_version, *, title=None, start=None, end=None, zone=None, first_day=None, last_day=None, kind=None, description=None, location=None, recurrence=Given::Leave, attendee_users=None, attendee_contacts=None, reminders=None))]
    fn update(
        &self,
        py: Python<'_>,
        id: Id<AppointmentId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        title: Option<String>,
        start: Option<LocalDateTimeArg>,
        end: Option<LocalDateTimeArg>,
        zone: Option<String>,
        first_day: Option<DateArg>,
        last_day: Option<DateArg>,
        kind: Option<&str>,
        description: Option<String>,
        location: Option<String>,
        recurrence: Given<Option<String>>,
        attendee_users: Option<Vec<Id<UserId>>>,
        attendee_contacts: Option<Vec<Id<ContactId>>>,
        reminders: Option<Vec<i64>>,
    ) -> PyResult<PyAppointment> {
        let attendees = if attendee_users.is_some() || attendee_contacts.is_some() {
            Some(attendees(
                attendee_users.unwrap_or_default(),
                attendee_contacts.unwrap_or_default(),
            ))
        } else {
            None
        };
        let changes = AppointmentChanges {
            kind: kind.map(parse::<AppointmentKind>).transpose()?,
            title,
            description,
            location,
            schedule: schedule(
                local_opt(start),
                local_opt(end),
                zone,
                date_opt(first_day),
                date_opt(last_day),
            )?,
            recurrence: recurrence.is_set().then(|| recurrence.value()),
            attendees,
            reminders: reminders.map(self::reminders).transpose()?,
        };
        run(py, || {
            self.0
                .appointments()
                .update(id.0, expected_version, changes)
        })
        .map(PyAppointment)
    }

    /// Moves, retitles, relocates or cancels one occurrence of a series, named by
    /// `original_start` (the `original_start` of the occurrence: a naive `datetime`, or a
    /// `date` for an all-day series). `cancel=True` takes no other change; otherwise the given
    /// schedule, `title` and `location` replace the series' values for this occurrence, and
    /// giving none restores the occurrence to the series. Replaces any earlier change to it.
    #[pyo3(signature = (id, expected_version, *, original_start: "datetime.datetime | datetime.date", cancel=false, start=None, end=None, zone=None, first_day=None, last_day=None, title=None, location=None))]
    fn change_occurrence(
        &self,
        py: Python<'_>,
        id: Id<AppointmentId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        original_start: &Bound<'_, PyAny>,
        cancel: bool,
        start: Option<LocalDateTimeArg>,
        end: Option<LocalDateTimeArg>,
        zone: Option<String>,
        first_day: Option<DateArg>,
        last_day: Option<DateArg>,
        title: Option<String>,
        location: Option<String>,
    ) -> PyResult<PyAppointment> {
        let original = self::original_start(original_start)?;
        let schedule = schedule(
            local_opt(start),
            local_opt(end),
            zone,
            date_opt(first_day),
            date_opt(last_day),
        )?;
        let change = if cancel {
            if schedule.is_some() || title.is_some() || location.is_some() {
                return Err(invalid(
                    "cancel",
                    "a cancelled occurrence takes no schedule, title or location",
                ));
            }
            OccurrenceChange::Cancelled
        } else {
            OccurrenceChange::Changed {
                schedule,
                title,
                location,
            }
        };
        run(py, || {
            self.0
                .appointments()
                .change_occurrence(id.0, expected_version, original, change)
        })
        .map(PyAppointment)
    }

    /// Cancels the whole entry (it stays, with its history, and leaves every agenda).
    fn cancel(
        &self,
        py: Python<'_>,
        id: Id<AppointmentId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
    ) -> PyResult<PyAppointment> {
        run(py, || self.0.appointments().cancel(id.0, expected_version)).map(PyAppointment)
    }

    /// The entry's history (`appointment.created`, `.updated`, `.moved`,
    /// `.occurrence_changed`, `.occurrence_cancelled`, `.cancelled`), oldest first.
    fn history(&self, py: Python<'_>, id: Id<AppointmentId>) -> PyResult<Vec<PyAuditEvent>> {
        let events = run(py, || self.0.appointments().history(id.0))?;
        Ok(events.into_iter().map(PyAuditEvent).collect())
    }

    /// A user's agenda: the occurrences of entries they organise or attend from `from_date`
    /// to `to_date` (inclusive, in the firm's zone), in start order; entries on matters the
    /// acting user may not see are left out.
    #[pyo3(signature = (user, *, from_date, to_date))]
    fn agenda(
        &self,
        py: Python<'_>,
        user: Id<UserId>,
        from_date: DateArg,
        to_date: DateArg,
    ) -> PyResult<Vec<PyOccurrence>> {
        let found = run(py, || {
            self.0
                .appointments()
                .agenda(user.0, from_date.0, to_date.0)
                .map_err(window_field)
        })?;
        Ok(found.into_iter().map(PyOccurrence).collect())
    }

    /// A matter's calendar from `from_date` to `to_date` (inclusive, in the firm's zone), in
    /// start order.
    #[pyo3(signature = (matter, *, from_date, to_date))]
    fn of_matter(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        from_date: DateArg,
        to_date: DateArg,
    ) -> PyResult<Vec<PyOccurrence>> {
        let found = run(py, || {
            self.0
                .appointments()
                .of_matter(matter.0, from_date.0, to_date.0)
                .map_err(window_field)
        })?;
        Ok(found.into_iter().map(PyOccurrence).collect())
    }

    /// Where a user's timed occurrences overlap from `from_date` to `to_date`, in start order.
    #[pyo3(signature = (user, *, from_date, to_date))]
    fn clashes(
        &self,
        py: Python<'_>,
        user: Id<UserId>,
        from_date: DateArg,
        to_date: DateArg,
    ) -> PyResult<Vec<PyClash>> {
        let found = run(py, || {
            self.0
                .appointments()
                .clashes(user.0, from_date.0, to_date.0)
                .map_err(window_field)
        })?;
        Ok(found.into_iter().map(PyClash).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(err: PyErr) -> String {
        Python::attach(|py| {
            err.value(py)
                .getattr("field")
                .and_then(|f| f.extract())
                .expect("a ValidationError has a field")
        })
    }

    #[test]
    fn a_schedule_is_timed_or_all_day_never_both() {
        Python::initialize();
        let day = NaiveDate::from_ymd_opt(2031, 3, 4).expect("date");
        let nine = day.and_hms_opt(9, 0, 0).expect("time");
        let ten = day.and_hms_opt(10, 0, 0).expect("time");
        assert_eq!(schedule(None, None, None, None, None).expect("none"), None);
        assert_eq!(
            schedule(Some(nine), Some(ten), Some("UTC".into()), None, None).expect("timed"),
            Some(Schedule::timed(nine, ten, "UTC"))
        );
        assert_eq!(
            schedule(None, None, None, Some(day), None).expect("one day"),
            Some(Schedule::all_day(day, day))
        );
        let both = schedule(Some(nine), Some(ten), Some("UTC".into()), Some(day), None);
        assert_eq!(field(both.expect_err("both forms")), "schedule");
        let no_zone = schedule(Some(nine), Some(ten), None, None, None);
        assert_eq!(field(no_zone.expect_err("no zone")), "zone");
        let no_first = schedule(None, None, None, None, Some(day));
        assert_eq!(field(no_first.expect_err("no first day")), "first_day");
        assert_eq!(
            field(reminders(vec![-1]).expect_err("negative")),
            "reminders"
        );
    }

    #[test]
    fn window_errors_name_the_python_argument() {
        let err = window_field(LexcaseError::validation(
            "to",
            "the range ends before it starts",
        ));
        assert!(matches!(err, LexcaseError::Validation { ref field, .. } if field == "to_date"));
        let other = window_field(LexcaseError::validation("zone", "x"));
        assert!(matches!(other, LexcaseError::Validation { ref field, .. } if field == "zone"));
    }
}
