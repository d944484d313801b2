//! The iCalendar (RFC 5545) values that lexcase exports (their checks are in `ical_validate`).

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// A DATE or DATE-TIME value (RFC 5545 §3.3.4, §3.3.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcalTime {
    /// A calendar date (`VALUE=DATE`), for all-day events and date deadlines.
    Date(NaiveDate),
    /// An instant in UTC (`…Z`).
    Utc(DateTime<Utc>),
    /// A wall-clock time in a named zone (`TZID=…`); a VTIMEZONE is emitted for the zone.
    Zoned(NaiveDateTime, chrono_tz::Tz),
}

impl IcalTime {
    /// Whether this is a DATE (rather than a DATE-TIME) value.
    pub fn is_date(&self) -> bool {
        matches!(self, Self::Date(_))
    }

    /// The instant this time starts at, for ordering; a date counts from midnight UTC and a
    /// zoned time that falls in a daylight-saving gap is read an hour later.
    pub fn instant(&self) -> DateTime<Utc> {
        match self {
            Self::Date(d) => d.and_time(chrono::NaiveTime::MIN).and_utc(),
            Self::Utc(t) => *t,
            Self::Zoned(local, tz) => tz
                .from_local_datetime(local)
                .earliest()
                .or_else(|| {
                    tz.from_local_datetime(&(*local + Duration::hours(1)))
                        .earliest()
                })
                .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc)),
        }
    }

    /// The parameters and value as written after the property name, e.g.
    /// `;VALUE=DATE:20070628`, `:19970714T170000Z` or `;TZID=Europe/London:20261201T090000`.
    pub(crate) fn property_tail(&self) -> String {
        match self {
            Self::Date(d) => format!(";VALUE=DATE:{}", d.format("%Y%m%d")),
            Self::Utc(t) => format!(":{}", format_utc(*t)),
            Self::Zoned(local, tz) => {
                format!(";TZID={}:{}", tz.name(), local.format("%Y%m%dT%H%M%S"))
            }
        }
    }
}

/// A UTC DATE-TIME in the basic form with a trailing `Z`, e.g. `19970610T172345Z`.
pub(crate) fn format_utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// When a display alarm goes off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlarmTrigger {
    /// This many minutes before the start (`TRIGGER:-PT30M`).
    BeforeStart {
        /// Minutes before.
        minutes: u32,
    },
    /// This many minutes before the end or due time (`TRIGGER;RELATED=END:-P3D`).
    BeforeEnd {
        /// Minutes before.
        minutes: u32,
    },
}

impl AlarmTrigger {
    /// The TRIGGER content line: whole days as `-P3D`, otherwise `-PT30M`; zero as `PT0M`.
    pub(crate) fn line(&self) -> String {
        let (related, minutes) = match *self {
            Self::BeforeStart { minutes } => ("", minutes),
            Self::BeforeEnd { minutes } => (";RELATED=END", minutes),
        };
        let duration = if minutes == 0 {
            "PT0M".to_owned()
        } else if minutes % 1440 == 0 {
            format!("-P{}D", minutes / 1440)
        } else {
            format!("-PT{minutes}M")
        };
        format!("TRIGGER{related}:{duration}")
    }
}

/// A display alarm (`ACTION:DISPLAY`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcalAlarm {
    /// When it goes off.
    pub trigger: AlarmTrigger,
    /// The text shown (required for DISPLAY alarms).
    pub description: String,
}

/// Someone invited to an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcalAttendee {
    /// Display name (`CN`).
    pub name: String,
    /// Email address; without one the attendee is written as `invalid:nomail`, as Exchange does.
    pub email: Option<String>,
}

/// The STATUS of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    /// `TENTATIVE`.
    Tentative,
    /// `CONFIRMED`.
    Confirmed,
    /// `CANCELLED`.
    Cancelled,
}

impl EventStatus {
    /// The RFC 5545 value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Tentative => "TENTATIVE",
            Self::Confirmed => "CONFIRMED",
            Self::Cancelled => "CANCELLED",
        }
    }
}

/// The STATUS of a to-do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodoStatus {
    /// `NEEDS-ACTION`.
    NeedsAction,
    /// `IN-PROCESS`.
    InProcess,
    /// `COMPLETED`.
    Completed,
    /// `CANCELLED`.
    Cancelled,
}

impl TodoStatus {
    /// The RFC 5545 value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NeedsAction => "NEEDS-ACTION",
            Self::InProcess => "IN-PROCESS",
            Self::Completed => "COMPLETED",
            Self::Cancelled => "CANCELLED",
        }
    }
}

/// A VEVENT: an appointment, hearing or other scheduled occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcalEvent {
    /// Globally unique, persistent identifier.
    pub uid: String,
    /// When this version of the event was made (UTC).
    pub dtstamp: DateTime<Utc>,
    /// Start: a date for all-day events.
    pub start: IcalTime,
    /// Non-inclusive end, of the same value type as the start; `None` for one day or instant.
    pub end: Option<IcalTime>,
    /// Title.
    pub summary: String,
    /// Longer description.
    pub description: Option<String>,
    /// Place.
    pub location: Option<String>,
    /// Recurrence rule text after `RRULE:`, e.g. `FREQ=WEEKLY;COUNT=4`.
    pub rrule: Option<String>,
    /// Occurrences removed from the recurrence.
    pub exdates: Vec<IcalTime>,
    /// For a changed occurrence of a recurring event: which one it replaces.
    pub recurrence_id: Option<IcalTime>,
    /// Status.
    pub status: Option<EventStatus>,
    /// People invited.
    pub attendees: Vec<IcalAttendee>,
    /// Reminders.
    pub alarms: Vec<IcalAlarm>,
    /// Categories.
    pub categories: Vec<String>,
}

/// A VTODO: a deadline or task with a due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcalTodo {
    /// Globally unique, persistent identifier.
    pub uid: String,
    /// When this version was made (UTC).
    pub dtstamp: DateTime<Utc>,
    /// When it is due: a DATE means overdue from midnight of that date.
    pub due: IcalTime,
    /// Title.
    pub summary: String,
    /// Longer description.
    pub description: Option<String>,
    /// When it was completed.
    pub completed: Option<DateTime<Utc>>,
    /// Status.
    pub status: Option<TodoStatus>,
    /// Reminders; a to-do has no start, so only [`AlarmTrigger::BeforeEnd`] is accepted.
    pub alarms: Vec<IcalAlarm>,
    /// Categories.
    pub categories: Vec<String>,
}
