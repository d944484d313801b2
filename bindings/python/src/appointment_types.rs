//! `Appointment`, `OccurrenceException`, `Occurrence` and `Clash`.
//!
//! A schedule is shown flat: `all_day`, then `start`, `end` and `zone` (naive wall-clock
//! datetimes in an IANA zone) for a timed entry, or `first_day` and `last_day` for an all-day
//! one; the other form's fields are `None`. Attendees are two lists, `attendee_users` and
//! `attendee_contacts`, as they are given to `create` and `update`.

use chrono::{NaiveDate, NaiveDateTime};
use lexcase::appointments::{
    Appointment, Attendee, Clash, Occurrence, OccurrenceChange, OccurrenceException, Schedule,
};
use lexcase::{ContactId, UserId};
use pyo3::prelude::*;

use crate::record::py_record;

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

fn users(attendees: &[Attendee]) -> Vec<UserId> {
    attendees
        .iter()
        .filter_map(|a| match a {
            Attendee::User(u) => Some(*u),
            Attendee::Contact(_) => None,
        })
        .collect()
}

fn contacts(attendees: &[Attendee]) -> Vec<ContactId> {
    attendees
        .iter()
        .filter_map(|a| match a {
            Attendee::Contact(c) => Some(*c),
            Attendee::User(_) => None,
        })
        .collect()
}

/// The schedule of an occurrence moved on its own.
fn moved(change: &OccurrenceChange) -> Option<&Schedule> {
    match change {
        OccurrenceChange::Changed { schedule, .. } => schedule.as_ref(),
        OccurrenceChange::Cancelled => None,
    }
}

py_record! {
    /// One occurrence of a series that differs from its rule, named by `original_start` (the
    /// local start the rule gives it; midnight for all-day series). Either `cancelled`, or
    /// changed: moved (`start`/`end`/`zone` or `first_day`/`last_day` set), retitled (`title`)
    /// or relocated (`location`); a field left `None` keeps the series' value.
    PyOccurrenceException(OccurrenceException) as "OccurrenceException" eq;
    repr(original_start, cancelled, start, first_day, title);
    |o| {
        /// The occurrence's start as the rule gives it (local time).
        original_start,
        /// Whether this occurrence does not take place.
        cancelled = matches!(o.change, OccurrenceChange::Cancelled),
        /// Its own start (local time in `zone`), when moved to a timed schedule.
        start = moved(&o.change).and_then(start),
        /// Its own end (local time in `zone`), when moved to a timed schedule.
        end = moved(&o.change).and_then(end),
        /// The zone of its own timed schedule.
        zone = moved(&o.change).and_then(zone),
        /// Its own first day, when moved to an all-day schedule.
        first_day = moved(&o.change).and_then(first_day),
        /// Its own last day, when moved to an all-day schedule.
        last_day = moved(&o.change).and_then(last_day),
        /// Its own title, if retitled.
        title = match &o.change {
            OccurrenceChange::Changed { title, .. } => title.as_deref(),
            OccurrenceChange::Cancelled => None,
        },
        /// Its own location, if relocated.
        location = match &o.change {
            OccurrenceChange::Changed { location, .. } => location.as_deref(),
            OccurrenceChange::Cancelled => None,
        },
    }
}

py_record! {
    /// A calendar entry, single or a recurring series: `kind` is `appointment`, `meeting`,
    /// `hearing` or `call`; `status` is `scheduled` or `cancelled`.
    PyAppointment(Appointment) as "Appointment" eq;
    repr(id, title, kind, start, first_day, recurrence, status, version);
    |a| {
        /// Identifier.
        id,
        /// The matter it belongs to, if any.
        matter,
        /// What kind of entry.
        kind,
        /// Title.
        title,
        /// Detail.
        description,
        /// Where (a room, a court, a video link).
        location,
        /// Whether it takes whole days (`first_day`..`last_day`) rather than `start`..`end`.
        all_day = a.schedule.is_all_day(),
        /// Start of the (first) occurrence, a naive wall-clock time in `zone`; `None` when all-day.
        start = start(&a.schedule),
        /// End of the (first) occurrence, a naive wall-clock time in `zone`; `None` when all-day.
        end = end(&a.schedule),
        /// IANA time zone of `start` and `end`, e.g. `Europe/London`; `None` when all-day.
        zone = zone(&a.schedule),
        /// First day of the (first) occurrence when all-day, else `None`.
        first_day = first_day(&a.schedule),
        /// Last day (inclusive) of the (first) occurrence when all-day, else `None`.
        last_day = last_day(&a.schedule),
        /// The RFC 5545 `RRULE` value it repeats by (e.g. `FREQ=WEEKLY;COUNT=6`), or `None`.
        recurrence,
        /// Occurrences that differ from the rule, in original-start order.
        exceptions,
        /// Users of the firm attending.
        attendee_users = users(&a.attendees),
        /// Contacts attending.
        attendee_contacts = contacts(&a.attendees),
        /// Reminders in minutes before the start, most notice first.
        reminders,
        /// Whether it stands.
        status,
        /// Who put it in the calendar.
        organiser,
        /// When (UTC).
        created_at,
        /// Optimistic-concurrency version.
        version,
    }
}

py_record! {
    /// One occurrence of an entry, as agendas show it (a single entry has exactly one): the
    /// schedule fields are its own (moved or not), `starts_at`/`ends_at` the instants it covers
    /// (aware UTC datetimes; an all-day occurrence covers its days in the firm's zone).
    PyOccurrence(Occurrence) as "Occurrence" eq;
    repr(appointment, title, starts_at, ends_at, all_day, changed);
    |o| {
        /// The entry (series) it belongs to.
        appointment,
        /// The entry's matter.
        matter,
        /// The entry's kind.
        kind,
        /// Title (the occurrence's own when changed).
        title,
        /// Location (the occurrence's own when changed).
        location,
        /// The start the rule gives it: pass it to `change_occurrence` to change it alone.
        original_start,
        /// Whether it takes whole days.
        all_day = o.schedule.is_all_day(),
        /// Start, a naive wall-clock time in `zone`; `None` when all-day.
        start = start(&o.schedule),
        /// End, a naive wall-clock time in `zone`; `None` when all-day.
        end = end(&o.schedule),
        /// IANA zone of `start` and `end`; `None` when all-day.
        zone = zone(&o.schedule),
        /// First day when all-day, else `None`.
        first_day = first_day(&o.schedule),
        /// Last day (inclusive) when all-day, else `None`.
        last_day = last_day(&o.schedule),
        /// The instant it starts (UTC).
        starts_at,
        /// The instant it ends, exclusive (UTC).
        ends_at,
        /// Users of the firm attending.
        attendee_users = users(&o.attendees),
        /// Contacts attending.
        attendee_contacts = contacts(&o.attendees),
        /// Reminders in minutes before the start.
        reminders,
        /// Whether it belongs to a recurring series.
        recurring,
        /// Whether it was changed on its own.
        changed,
    }
}

py_record! {
    /// Two of a user's timed occurrences that overlap (all-day entries do not block time).
    PyClash(Clash) as "Clash" eq;
    repr(first, second);
    |c| {
        /// The one that starts first.
        first,
        /// The one that overlaps it.
        second,
    }
}
