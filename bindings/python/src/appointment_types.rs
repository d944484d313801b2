//! `Appointment`, `OccurrenceException`, `Occurrence` and `Clash`.
//!
//! A schedule is shown flat: `all_day`, then `start`, `end` and `zone` (naive wall-clock
//! datetimes in an IANA zone) for a timed entry, or `first_day` and `last_day` for an all-day
//! one; the other form's fields are `None`. Attendees are two lists, `attendee_users` and
//! `attendee_contacts`, as they are given to `create` and `update`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use lexcase::appointments::{
    Appointment, Attendee, Clash, Occurrence, OccurrenceChange, OccurrenceException, Schedule,
};
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::repr;

fn start(schedule: &Schedule) -> Option<NaiveDateTime> {
    match schedule {
        Schedule::Timed { start, .. } => Some(*start),
        Schedule::AllDay { .. } => None,
    }
}

fn end(schedule: &Schedule) -> Option<NaiveDateTime> {
    match schedule {
        Schedule::Timed { end, .. } => Some(*end),
        Schedule::AllDay { .. } => None,
    }
}

fn zone(schedule: &Schedule) -> Option<&str> {
    match schedule {
        Schedule::Timed { zone, .. } => Some(zone),
        Schedule::AllDay { .. } => None,
    }
}

fn first_day(schedule: &Schedule) -> Option<NaiveDate> {
    match schedule {
        Schedule::AllDay { first_day, .. } => Some(*first_day),
        Schedule::Timed { .. } => None,
    }
}

fn last_day(schedule: &Schedule) -> Option<NaiveDate> {
    match schedule {
        Schedule::AllDay { last_day, .. } => Some(*last_day),
        Schedule::Timed { .. } => None,
    }
}

fn users(attendees: &[Attendee]) -> Vec<Uuid> {
    attendees
        .iter()
        .filter_map(|a| match a {
            Attendee::User(u) => Some((*u).into()),
            Attendee::Contact(_) => None,
        })
        .collect()
}

fn contacts(attendees: &[Attendee]) -> Vec<Uuid> {
    attendees
        .iter()
        .filter_map(|a| match a {
            Attendee::Contact(c) => Some((*c).into()),
            Attendee::User(_) => None,
        })
        .collect()
}

/// One occurrence of a series that differs from its rule, named by `original_start` (the
/// local start the rule gives it; midnight for all-day series). Either `cancelled`, or
/// changed: moved (`start`/`end`/`zone` or `first_day`/`last_day` set), retitled (`title`)
/// or relocated (`location`); a field left `None` keeps the series' value.
#[pyclass(frozen, eq, module = "lexcase", name = "OccurrenceException")]
#[derive(Clone, PartialEq)]
pub struct PyOccurrenceException(pub OccurrenceException);

impl PyOccurrenceException {
    fn schedule(&self) -> Option<&Schedule> {
        match &self.0.change {
            OccurrenceChange::Changed { schedule, .. } => schedule.as_ref(),
            OccurrenceChange::Cancelled => None,
        }
    }
}

#[pymethods]
impl PyOccurrenceException {
    /// The occurrence's start as the rule gives it (local time).
    #[getter]
    fn original_start(&self) -> NaiveDateTime {
        self.0.original_start
    }

    /// Whether this occurrence does not take place.
    #[getter]
    fn cancelled(&self) -> bool {
        matches!(self.0.change, OccurrenceChange::Cancelled)
    }

    /// Its own start (local time in `zone`), when moved to a timed schedule.
    #[getter]
    fn start(&self) -> Option<NaiveDateTime> {
        self.schedule().and_then(start)
    }

    /// Its own end (local time in `zone`), when moved to a timed schedule.
    #[getter]
    fn end(&self) -> Option<NaiveDateTime> {
        self.schedule().and_then(end)
    }

    /// The zone of its own timed schedule.
    #[getter]
    fn zone(&self) -> Option<&str> {
        self.schedule().and_then(zone)
    }

    /// Its own first day, when moved to an all-day schedule.
    #[getter]
    fn first_day(&self) -> Option<NaiveDate> {
        self.schedule().and_then(first_day)
    }

    /// Its own last day, when moved to an all-day schedule.
    #[getter]
    fn last_day(&self) -> Option<NaiveDate> {
        self.schedule().and_then(last_day)
    }

    /// Its own title, if retitled.
    #[getter]
    fn title(&self) -> Option<&str> {
        match &self.0.change {
            OccurrenceChange::Changed { title, .. } => title.as_deref(),
            OccurrenceChange::Cancelled => None,
        }
    }

    /// Its own location, if relocated.
    #[getter]
    fn location(&self) -> Option<&str> {
        match &self.0.change {
            OccurrenceChange::Changed { location, .. } => location.as_deref(),
            OccurrenceChange::Cancelled => None,
        }
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["original_start", "cancelled", "start", "first_day", "title"],
        )
    }
}

/// A calendar entry, single or a recurring series: `kind` is `appointment`, `meeting`,
/// `hearing` or `call`; `status` is `scheduled` or `cancelled`.
#[pyclass(frozen, eq, module = "lexcase", name = "Appointment")]
#[derive(Clone, PartialEq)]
pub struct PyAppointment(pub Appointment);

#[pymethods]
impl PyAppointment {
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

    /// What kind of entry.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// Title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// Detail.
    #[getter]
    fn description(&self) -> &str {
        &self.0.description
    }

    /// Where (a room, a court, a video link).
    #[getter]
    fn location(&self) -> &str {
        &self.0.location
    }

    /// Whether it takes whole days (`first_day`..`last_day`) rather than `start`..`end`.
    #[getter]
    fn all_day(&self) -> bool {
        self.0.schedule.is_all_day()
    }

    /// Start of the (first) occurrence, a naive wall-clock time in `zone`; `None` when all-day.
    #[getter]
    fn start(&self) -> Option<NaiveDateTime> {
        start(&self.0.schedule)
    }

    /// End of the (first) occurrence, a naive wall-clock time in `zone`; `None` when all-day.
    #[getter]
    fn end(&self) -> Option<NaiveDateTime> {
        end(&self.0.schedule)
    }

    /// IANA time zone of `start` and `end`, e.g. `Europe/London`; `None` when all-day.
    #[getter]
    fn zone(&self) -> Option<&str> {
        zone(&self.0.schedule)
    }

    /// First day of the (first) occurrence when all-day, else `None`.
    #[getter]
    fn first_day(&self) -> Option<NaiveDate> {
        first_day(&self.0.schedule)
    }

    /// Last day (inclusive) of the (first) occurrence when all-day, else `None`.
    #[getter]
    fn last_day(&self) -> Option<NaiveDate> {
        last_day(&self.0.schedule)
    }

    /// The RFC 5545 `RRULE` value it repeats by (e.g. `FREQ=WEEKLY;COUNT=6`), or `None`.
    #[getter]
    fn recurrence(&self) -> Option<&str> {
        self.0.recurrence.as_ref().map(|r| r.as_str())
    }

    /// Occurrences that differ from the rule, in original-start order.
    #[getter]
    fn exceptions(&self) -> Vec<PyOccurrenceException> {
        self.0
            .exceptions
            .iter()
            .cloned()
            .map(PyOccurrenceException)
            .collect()
    }

    /// Users of the firm attending.
    #[getter]
    fn attendee_users(&self) -> Vec<Uuid> {
        users(&self.0.attendees)
    }

    /// Contacts attending.
    #[getter]
    fn attendee_contacts(&self) -> Vec<Uuid> {
        contacts(&self.0.attendees)
    }

    /// Reminders in minutes before the start, most notice first.
    #[getter]
    fn reminders(&self) -> Vec<u32> {
        self.0.reminders.clone()
    }

    /// Whether it stands.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// Who put it in the calendar.
    #[getter]
    fn organiser(&self) -> Uuid {
        self.0.organiser.into()
    }

    /// When (UTC).
    #[getter]
    fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Optimistic-concurrency version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &[
                "id",
                "title",
                "kind",
                "start",
                "first_day",
                "recurrence",
                "status",
                "version",
            ],
        )
    }
}

/// One occurrence of an entry, as agendas show it (a single entry has exactly one): the
/// schedule fields are its own (moved or not), `starts_at`/`ends_at` the instants it covers
/// (aware UTC datetimes; an all-day occurrence covers its days in the firm's zone).
#[pyclass(frozen, eq, module = "lexcase", name = "Occurrence")]
#[derive(Clone, PartialEq)]
pub struct PyOccurrence(pub Occurrence);

#[pymethods]
impl PyOccurrence {
    /// The entry (series) it belongs to.
    #[getter]
    fn appointment(&self) -> Uuid {
        self.0.appointment.into()
    }

    /// The entry's matter.
    #[getter]
    fn matter(&self) -> Option<Uuid> {
        self.0.matter.map(Into::into)
    }

    /// The entry's kind.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// Title (the occurrence's own when changed).
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// Location (the occurrence's own when changed).
    #[getter]
    fn location(&self) -> &str {
        &self.0.location
    }

    /// The start the rule gives it: pass it to `change_occurrence` to change it alone.
    #[getter]
    fn original_start(&self) -> NaiveDateTime {
        self.0.original_start
    }

    /// Whether it takes whole days.
    #[getter]
    fn all_day(&self) -> bool {
        self.0.schedule.is_all_day()
    }

    /// Start, a naive wall-clock time in `zone`; `None` when all-day.
    #[getter]
    fn start(&self) -> Option<NaiveDateTime> {
        start(&self.0.schedule)
    }

    /// End, a naive wall-clock time in `zone`; `None` when all-day.
    #[getter]
    fn end(&self) -> Option<NaiveDateTime> {
        end(&self.0.schedule)
    }

    /// IANA zone of `start` and `end`; `None` when all-day.
    #[getter]
    fn zone(&self) -> Option<&str> {
        zone(&self.0.schedule)
    }

    /// First day when all-day, else `None`.
    #[getter]
    fn first_day(&self) -> Option<NaiveDate> {
        first_day(&self.0.schedule)
    }

    /// Last day (inclusive) when all-day, else `None`.
    #[getter]
    fn last_day(&self) -> Option<NaiveDate> {
        last_day(&self.0.schedule)
    }

    /// The instant it starts (UTC).
    #[getter]
    fn starts_at(&self) -> DateTime<Utc> {
        self.0.starts_at
    }

    /// The instant it ends, exclusive (UTC).
    #[getter]
    fn ends_at(&self) -> DateTime<Utc> {
        self.0.ends_at
    }

    /// Users of the firm attending.
    #[getter]
    fn attendee_users(&self) -> Vec<Uuid> {
        users(&self.0.attendees)
    }

    /// Contacts attending.
    #[getter]
    fn attendee_contacts(&self) -> Vec<Uuid> {
        contacts(&self.0.attendees)
    }

    /// Reminders in minutes before the start.
    #[getter]
    fn reminders(&self) -> Vec<u32> {
        self.0.reminders.clone()
    }

    /// Whether it belongs to a recurring series.
    #[getter]
    fn recurring(&self) -> bool {
        self.0.recurring
    }

    /// Whether it was changed on its own.
    #[getter]
    fn changed(&self) -> bool {
        self.0.changed
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &[
                "appointment",
                "title",
                "starts_at",
                "ends_at",
                "all_day",
                "changed",
            ],
        )
    }
}

/// Two of a user's timed occurrences that overlap (all-day entries do not block time).
#[pyclass(frozen, eq, module = "lexcase", name = "Clash")]
#[derive(Clone, PartialEq)]
pub struct PyClash(pub Clash);

#[pymethods]
impl PyClash {
    /// The one that starts first.
    #[getter]
    fn first(&self) -> PyOccurrence {
        PyOccurrence(self.0.first.clone())
    }

    /// The one that overlaps it.
    #[getter]
    fn second(&self) -> PyOccurrence {
        PyOccurrence(self.0.second.clone())
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["first", "second"])
    }
}
