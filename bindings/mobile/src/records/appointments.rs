//! Calendar entries: appointments, hearings and meetings, single or recurring, their
//! occurrences and clashes.
//!
//! Times of day are wall-clock times without zone (`chrono::NaiveDateTime`, Kotlin
//! `java.time.LocalDateTime`, ISO-8601 strings on the wire and in Swift); a timed schedule
//! carries its IANA zone beside them. All-day schedules are dates. Instants (`startsAt`,
//! `endsAt`, `createdAt`) are `java.time.Instant`.

use std::time::SystemTime;

use chrono::{NaiveDate, NaiveDateTime};
use lexcase::MatterId;
use lexcase::appointments::{
    Appointment as CoreAppointment, AppointmentChanges as CoreAppointmentChanges,
    AppointmentKind as CoreAppointmentKind, AppointmentStatus as CoreAppointmentStatus,
    Attendee as CoreAttendee, Clash as CoreClash, NewAppointment as CoreNewAppointment,
    Occurrence as CoreOccurrence, OccurrenceChange as CoreOccurrenceChange,
    OccurrenceException as CoreOccurrenceException, Schedule as CoreSchedule,
};
use uuid::Uuid;

use crate::convert::{all, all_opt, instant, mirror_enum};

mirror_enum! {
    /// The kind of calendar entry.
    AppointmentKind = CoreAppointmentKind {
        /// An appointment (with a client, a witness, an expert…).
        Appointment,
        /// A meeting.
        Meeting,
        /// A court or tribunal hearing.
        Hearing,
        /// A telephone or video call.
        Call,
    }
}

mirror_enum! {
    /// Whether the entry (the whole series) still stands.
    AppointmentStatus = CoreAppointmentStatus {
        /// It will take place.
        Scheduled,
        /// It was called off (kept, with its history); it cannot be changed any more.
        Cancelled,
    }
}

/// Someone attending: a user of the firm or a contact.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Attendee {
    /// A user of the firm (the entry appears in their agenda).
    User {
        /// The user's id.
        id: Uuid,
    },
    /// A contact (client, counsel, witness…).
    Contact {
        /// The contact's id.
        id: Uuid,
    },
}

impl From<CoreAttendee> for Attendee {
    fn from(attendee: CoreAttendee) -> Self {
        match attendee {
            CoreAttendee::User(id) => Self::User { id: id.into() },
            CoreAttendee::Contact(id) => Self::Contact { id: id.into() },
        }
    }
}

impl From<Attendee> for CoreAttendee {
    fn from(attendee: Attendee) -> Self {
        match attendee {
            Attendee::User { id } => Self::User(id.into()),
            Attendee::Contact { id } => Self::Contact(id.into()),
        }
    }
}

/// When an entry (or one occurrence of it) happens.
///
/// `Timed` holds wall-clock times in `zone` (Kotlin `LocalDateTime`, no offset): 09:00 in
/// `Europe/London` stays 09:00 across a clock change. A time that a clock change skips is
/// refused (`Validation`, field `start` or `end`); an unknown zone is refused (field `zone`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Schedule {
    /// Whole days, `firstDay` to `lastDay` inclusive; they cover those days in the firm's zone
    /// and do not block time for clashes.
    AllDay {
        /// The first day.
        first_day: NaiveDate,
        /// The last day (inclusive).
        last_day: NaiveDate,
    },
    /// A start and an end as local times in `zone`; at most 31 days long.
    Timed {
        /// Start, local time in `zone`.
        start: NaiveDateTime,
        /// End (after the start), local time in `zone`.
        end: NaiveDateTime,
        /// IANA time zone, e.g. `Europe/London`.
        zone: String,
    },
}

impl From<CoreSchedule> for Schedule {
    fn from(schedule: CoreSchedule) -> Self {
        match schedule {
            CoreSchedule::AllDay {
                first_day,
                last_day,
            } => Self::AllDay {
                first_day,
                last_day,
            },
            CoreSchedule::Timed { start, end, zone } => Self::Timed { start, end, zone },
        }
    }
}

impl From<Schedule> for CoreSchedule {
    /// Unchecked: the core checks the zone, the order and the length when it is used.
    fn from(schedule: Schedule) -> Self {
        match schedule {
            Schedule::AllDay {
                first_day,
                last_day,
            } => Self::all_day(first_day, last_day),
            Schedule::Timed { start, end, zone } => Self::timed(start, end, &zone),
        }
    }
}

/// What happens to one occurrence of a series.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum OccurrenceChange {
    /// This occurrence does not take place.
    Cancelled,
    /// This occurrence is moved or retitled; null keeps the series' value.
    Changed {
        /// Its own schedule.
        schedule: Option<Schedule>,
        /// Its own title.
        title: Option<String>,
        /// Its own location.
        location: Option<String>,
    },
}

impl From<CoreOccurrenceChange> for OccurrenceChange {
    fn from(change: CoreOccurrenceChange) -> Self {
        match change {
            CoreOccurrenceChange::Cancelled => Self::Cancelled,
            CoreOccurrenceChange::Changed {
                schedule,
                title,
                location,
            } => Self::Changed {
                schedule: schedule.map(Schedule::from),
                title,
                location,
            },
        }
    }
}

impl From<OccurrenceChange> for CoreOccurrenceChange {
    fn from(change: OccurrenceChange) -> Self {
        match change {
            OccurrenceChange::Cancelled => Self::Cancelled,
            OccurrenceChange::Changed {
                schedule,
                title,
                location,
            } => Self::Changed {
                schedule: schedule.map(CoreSchedule::from),
                title,
                location,
            },
        }
    }
}

/// One occurrence of a series that differs from the rule, named by its original start.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OccurrenceException {
    /// The occurrence's start as the rule gives it (local time; midnight for all-day).
    pub original_start: NaiveDateTime,
    /// What differs.
    pub change: OccurrenceChange,
}

impl From<CoreOccurrenceException> for OccurrenceException {
    fn from(exception: CoreOccurrenceException) -> Self {
        let CoreOccurrenceException {
            original_start,
            change,
        } = exception;
        Self {
            original_start,
            change: change.into(),
        }
    }
}

/// A calendar entry: an appointment, meeting, hearing or call, single or recurring.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Appointment {
    /// Identifier.
    pub id: Uuid,
    /// The matter it belongs to, if any.
    pub matter: Option<Uuid>,
    /// What kind of entry.
    pub kind: AppointmentKind,
    /// Title.
    pub title: String,
    /// Detail.
    pub description: String,
    /// Where (a room, a court, a video link).
    pub location: String,
    /// When (the first occurrence of a series).
    pub schedule: Schedule,
    /// How it repeats: an RFC 5545 RRULE value such as `FREQ=WEEKLY;COUNT=6`; null when single.
    pub recurrence: Option<String>,
    /// Occurrences that differ from the rule, in original-start order.
    pub exceptions: Vec<OccurrenceException>,
    /// Who attends.
    pub attendees: Vec<Attendee>,
    /// Reminders, in minutes before the start (most notice first).
    pub reminders: Vec<u32>,
    /// Whether it stands.
    pub status: AppointmentStatus,
    /// Who put it in the calendar (a user id).
    pub organiser: Uuid,
    /// When.
    pub created_at: SystemTime,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreAppointment> for Appointment {
    fn from(entry: CoreAppointment) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreAppointment {
            id,
            matter,
            kind,
            title,
            description,
            location,
            schedule,
            recurrence,
            exceptions,
            attendees,
            reminders,
            status,
            organiser,
            created_at,
            version,
        } = entry;
        Self {
            id: id.into(),
            matter: matter.map(Uuid::from),
            kind: kind.into(),
            title,
            description,
            location,
            schedule: schedule.into(),
            recurrence: recurrence.map(|rule| rule.as_str().to_owned()),
            exceptions: all(exceptions),
            attendees: all(attendees),
            reminders,
            status: status.into(),
            organiser: organiser.into(),
            created_at: instant(created_at),
            version,
        }
    }
}

/// What an entry is created with.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewAppointment {
    /// Title (one line, not empty).
    pub title: String,
    /// Kind.
    pub kind: AppointmentKind,
    /// When (the first occurrence of a series).
    pub schedule: Schedule,
    /// The matter, if any (then `edit_matters` is needed and the entry follows the matter's
    /// visibility).
    #[uniffi(default)]
    pub matter: Option<Uuid>,
    /// Detail.
    #[uniffi(default = "")]
    pub description: String,
    /// Where.
    #[uniffi(default = "")]
    pub location: String,
    /// An RRULE value, e.g. `FREQ=WEEKLY;COUNT=6` (a bad rule is a `Validation` error).
    #[uniffi(default)]
    pub recurrence: Option<String>,
    /// Who attends (active users not walled off the matter, existing contacts).
    #[uniffi(default)]
    pub attendees: Vec<Attendee>,
    /// Reminders in minutes before the start (at most 10, at most four weeks).
    #[uniffi(default)]
    pub reminders: Vec<u32>,
}

impl From<NewAppointment> for CoreNewAppointment {
    fn from(new: NewAppointment) -> Self {
        // Destructured without `..`: a field added here must reach the core type.
        let NewAppointment {
            title,
            kind,
            schedule,
            matter,
            description,
            location,
            recurrence,
            attendees,
            reminders,
        } = new;
        Self {
            matter: matter.map(MatterId::from),
            kind: kind.into(),
            title,
            description,
            location,
            schedule: schedule.into(),
            recurrence,
            attendees: all(attendees),
            reminders,
        }
    }
}

/// How `AppointmentChanges` changes the recurrence (null there leaves it as it is).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum RecurrenceChange {
    /// Repeat by this RRULE value, e.g. `FREQ=WEEKLY;COUNT=6`.
    Set {
        /// The rule.
        rule: String,
    },
    /// Make it a single entry.
    Clear,
}

impl From<RecurrenceChange> for Option<String> {
    fn from(change: RecurrenceChange) -> Self {
        match change {
            RecurrenceChange::Set { rule } => Some(rule),
            RecurrenceChange::Clear => None,
        }
    }
}

/// A change to the whole series; null leaves a field as it is. Changing the schedule or the
/// recurrence of a series discards its occurrence exceptions (they stay in the history).
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct AppointmentChanges {
    /// New kind.
    #[uniffi(default)]
    pub kind: Option<AppointmentKind>,
    /// New title.
    #[uniffi(default)]
    pub title: Option<String>,
    /// New description.
    #[uniffi(default)]
    pub description: Option<String>,
    /// New location.
    #[uniffi(default)]
    pub location: Option<String>,
    /// New schedule.
    #[uniffi(default)]
    pub schedule: Option<Schedule>,
    /// Set or clear the recurrence.
    #[uniffi(default)]
    pub recurrence: Option<RecurrenceChange>,
    /// New attendees.
    #[uniffi(default)]
    pub attendees: Option<Vec<Attendee>>,
    /// New reminders.
    #[uniffi(default)]
    pub reminders: Option<Vec<u32>>,
}

impl From<AppointmentChanges> for CoreAppointmentChanges {
    fn from(changes: AppointmentChanges) -> Self {
        // Destructured without `..`: a field added here must reach the core type.
        let AppointmentChanges {
            kind,
            title,
            description,
            location,
            schedule,
            recurrence,
            attendees,
            reminders,
        } = changes;
        Self {
            kind: kind.map(CoreAppointmentKind::from),
            title,
            description,
            location,
            schedule: schedule.map(CoreSchedule::from),
            recurrence: recurrence.map(Option::<String>::from),
            attendees: all_opt(attendees),
            reminders,
        }
    }
}

/// One occurrence of an entry, as agendas show it (a single entry has exactly one).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Occurrence {
    /// The entry (series) it belongs to.
    pub appointment: Uuid,
    /// The entry's matter.
    pub matter: Option<Uuid>,
    /// The entry's kind.
    pub kind: AppointmentKind,
    /// Title (the occurrence's own when changed).
    pub title: String,
    /// Location (the occurrence's own when changed).
    pub location: String,
    /// The start the rule gives it: pass it to `changeOccurrence` to change this one alone.
    pub original_start: NaiveDateTime,
    /// When it happens.
    pub schedule: Schedule,
    /// The instant it starts (all-day: midnight in the firm's zone).
    pub starts_at: SystemTime,
    /// The instant it ends (exclusive).
    pub ends_at: SystemTime,
    /// Who attends.
    pub attendees: Vec<Attendee>,
    /// Reminders in minutes before the start.
    pub reminders: Vec<u32>,
    /// Whether it belongs to a recurring series.
    pub recurring: bool,
    /// Whether it was changed on its own.
    pub changed: bool,
}

impl From<CoreOccurrence> for Occurrence {
    fn from(occurrence: CoreOccurrence) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreOccurrence {
            appointment,
            matter,
            kind,
            title,
            location,
            original_start,
            schedule,
            starts_at,
            ends_at,
            attendees,
            reminders,
            recurring,
            changed,
        } = occurrence;
        Self {
            appointment: appointment.into(),
            matter: matter.map(Uuid::from),
            kind: kind.into(),
            title,
            location,
            original_start,
            schedule: schedule.into(),
            starts_at: instant(starts_at),
            ends_at: instant(ends_at),
            attendees: all(attendees),
            reminders,
            recurring,
            changed,
        }
    }
}

/// Two overlapping timed occurrences in one user's agenda.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Clash {
    /// The one that starts first.
    pub first: Occurrence,
    /// The one that overlaps it.
    pub second: Occurrence,
}

impl From<CoreClash> for Clash {
    fn from(clash: CoreClash) -> Self {
        let CoreClash { first, second } = clash;
        Self {
            first: first.into(),
            second: second.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        lexcase::ffi::parse_date_time(text).unwrap()
    }

    #[test]
    fn schedules_and_occurrence_changes_round_trip_through_the_core_types() {
        let timed = Schedule::Timed {
            start: at("2026-12-01T09:00"),
            end: at("2026-12-01T10:00"),
            zone: "Europe/London".into(),
        };
        let all_day = Schedule::AllDay {
            first_day: NaiveDate::from_ymd_opt(2027, 7, 12).unwrap(),
            last_day: NaiveDate::from_ymd_opt(2027, 7, 13).unwrap(),
        };
        for schedule in [timed.clone(), all_day] {
            assert_eq!(
                Schedule::from(CoreSchedule::from(schedule.clone())),
                schedule
            );
        }
        let changes = [
            OccurrenceChange::Cancelled,
            OccurrenceChange::Changed {
                schedule: Some(timed),
                title: None,
                location: Some("Room 2".into()),
            },
        ];
        for change in changes {
            let core = CoreOccurrenceChange::from(change.clone());
            assert_eq!(OccurrenceChange::from(core), change);
        }
    }

    #[test]
    fn recurrence_changes_set_or_clear_the_rule() {
        let clear = CoreAppointmentChanges::from(AppointmentChanges {
            recurrence: Some(RecurrenceChange::Clear),
            ..AppointmentChanges::default()
        });
        assert_eq!(clear.recurrence, Some(None));
        let set = CoreAppointmentChanges::from(AppointmentChanges {
            recurrence: Some(RecurrenceChange::Set {
                rule: "FREQ=DAILY;COUNT=2".into(),
            }),
            ..AppointmentChanges::default()
        });
        assert_eq!(set.recurrence, Some(Some("FREQ=DAILY;COUNT=2".into())));
        assert_eq!(
            CoreAppointmentChanges::from(AppointmentChanges::default()),
            CoreAppointmentChanges::default()
        );
    }
}
