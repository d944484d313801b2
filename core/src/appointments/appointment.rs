//! The appointment aggregate: one entry or one recurring series with its exceptions.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{AppointmentKind, Attendee, Recurrence, Schedule};
use crate::error::{LexcaseError, Result};
use crate::ids::{AppointmentId, MatterId, UserId};
use crate::validate;

/// At most this many attendees, reminders and exceptions per entry.
const MAX_ATTENDEES: usize = 200;
const MAX_REMINDERS: usize = 10;
const MAX_EXCEPTIONS: usize = 1_000;
/// The earliest reminder: four weeks before.
const MAX_REMINDER_MINUTES: u32 = 4 * 7 * 24 * 60;

/// Whether the entry (the whole series) still stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AppointmentStatus {
    /// It will take place.
    #[default]
    Scheduled,
    /// It was called off (kept, with its history).
    Cancelled,
}

crate::names::stable_names!(AppointmentStatus, "status", "appointment status", {
    Scheduled = "scheduled",
    Cancelled = "cancelled",
});

/// What happened to one occurrence of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum OccurrenceChange {
    /// This occurrence does not take place.
    Cancelled,
    /// This occurrence is moved or retitled; `None` keeps the series' value.
    Changed {
        /// Its own schedule.
        schedule: Option<Schedule>,
        /// Its own title.
        title: Option<String>,
        /// Its own location.
        location: Option<String>,
    },
}

/// One occurrence of a series that differs from the rule, named by its original start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OccurrenceException {
    /// The occurrence's start as the rule gives it (local time; midnight for all-day).
    pub original_start: NaiveDateTime,
    /// What differs.
    pub change: OccurrenceChange,
}

/// A calendar entry: an appointment, meeting, hearing or call, single or recurring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Appointment {
    /// Identifier.
    pub id: AppointmentId,
    /// The matter it belongs to, if any.
    pub matter: Option<MatterId>,
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
    /// How it repeats, if it does.
    pub recurrence: Option<Recurrence>,
    /// Occurrences that differ from the rule, in original-start order.
    pub exceptions: Vec<OccurrenceException>,
    /// Who attends.
    pub attendees: Vec<Attendee>,
    /// Reminders, in minutes before the start (most notice first).
    pub reminders: Vec<u32>,
    /// Whether it stands.
    pub status: AppointmentStatus,
    /// Who put it in the calendar.
    pub organiser: UserId,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What an entry is created with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewAppointment {
    /// Title (one line, not empty).
    pub title: String,
    /// Kind.
    pub kind: AppointmentKind,
    /// When (the first occurrence of a series).
    pub schedule: Schedule,
    /// The matter, if any (then `edit_matters` is needed and the entry follows the matter's
    /// visibility).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub matter: Option<MatterId>,
    /// Detail.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub description: String,
    /// Where.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub location: String,
    /// An RRULE value, e.g. `FREQ=WEEKLY;COUNT=6` (a bad rule is a validation error).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub recurrence: Option<String>,
    /// Who attends (active users not walled off the matter, existing contacts).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub attendees: Vec<Attendee>,
    /// Reminders in minutes before the start (at most 10, at most four weeks).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reminders: Vec<u32>,
}

impl NewAppointment {
    /// A single entry with just a title and a schedule.
    pub fn new(title: &str, schedule: Schedule) -> Self {
        Self {
            matter: None,
            kind: AppointmentKind::default(),
            title: title.to_owned(),
            description: String::new(),
            location: String::new(),
            schedule,
            recurrence: None,
            attendees: Vec::new(),
            reminders: Vec::new(),
        }
    }
}

/// A change to the whole series; `None` leaves a field as it is. Changing the schedule or
/// the recurrence of a series discards its occurrence exceptions (they stay in the history).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AppointmentChanges {
    /// New kind.
    pub kind: Option<AppointmentKind>,
    /// New title.
    pub title: Option<String>,
    /// New description.
    pub description: Option<String>,
    /// New location.
    pub location: Option<String>,
    /// New schedule.
    pub schedule: Option<Schedule>,
    /// New recurrence (`Some(None)` makes it a single entry).
    pub recurrence: Option<Option<String>>,
    /// New attendees.
    pub attendees: Option<Vec<Attendee>>,
    /// New reminders.
    pub reminders: Option<Vec<u32>>,
}

impl Appointment {
    /// Builds a scheduled entry at version 1.
    pub fn create(new: NewAppointment, by: UserId, now: DateTime<Utc>) -> Result<Self> {
        let mut entry = Self {
            id: AppointmentId::new(),
            matter: new.matter,
            kind: new.kind,
            title: String::new(),
            description: String::new(),
            location: String::new(),
            schedule: new.schedule.clone(),
            recurrence: None,
            exceptions: Vec::new(),
            attendees: Vec::new(),
            reminders: Vec::new(),
            status: AppointmentStatus::Scheduled,
            organiser: by,
            created_at: now,
            version: 1,
        };
        entry.apply(AppointmentChanges {
            kind: None,
            title: Some(new.title),
            description: Some(new.description),
            location: Some(new.location),
            schedule: Some(new.schedule),
            recurrence: Some(new.recurrence),
            attendees: Some(new.attendees),
            reminders: Some(new.reminders),
        })?;
        Ok(entry)
    }

    /// Applies a change to the whole series, checking every field.
    pub fn apply(&mut self, changes: AppointmentChanges) -> Result<()> {
        self.ensure_scheduled()?;
        if let Some(kind) = changes.kind {
            self.kind = kind;
        }
        if let Some(title) = changes.title {
            self.title = validate::required_line("title", &title)?;
        }
        if let Some(description) = changes.description {
            self.description = validate::text("description", &description)?;
        }
        if let Some(location) = changes.location {
            self.location = validate::optional_line("location", &location)?.unwrap_or_default();
        }
        let reshaped = changes.schedule.is_some() || changes.recurrence.is_some();
        if let Some(schedule) = changes.schedule {
            self.schedule = schedule.checked()?;
        }
        if let Some(recurrence) = changes.recurrence {
            self.recurrence = recurrence.as_deref().map(Recurrence::parse).transpose()?;
        }
        if reshaped {
            if let Some(rule) = &self.recurrence {
                rule.last_start(&self.schedule)?;
            }
            self.exceptions.clear();
        }
        if let Some(mut attendees) = changes.attendees {
            validate::bounded("attendees", &attendees, MAX_ATTENDEES)?;
            attendees.sort();
            attendees.dedup();
            self.attendees = attendees;
        }
        if let Some(mut reminders) = changes.reminders {
            validate::bounded("reminders", &reminders, MAX_REMINDERS)?;
            if reminders.iter().any(|&m| m > MAX_REMINDER_MINUTES) {
                return Err(LexcaseError::validation(
                    "reminders",
                    "a reminder is at most four weeks before",
                ));
            }
            reminders.sort_unstable_by(|a, b| b.cmp(a));
            reminders.dedup();
            self.reminders = reminders;
        }
        Ok(())
    }

    fn ensure_scheduled(&self) -> Result<()> {
        if self.status == AppointmentStatus::Cancelled {
            return Err(LexcaseError::validation(
                "status",
                "the entry is cancelled and cannot be changed",
            ));
        }
        Ok(())
    }

    /// Cancels the whole entry.
    pub fn cancel(&mut self) -> Result<()> {
        self.ensure_scheduled()?;
        self.status = AppointmentStatus::Cancelled;
        Ok(())
    }

    /// Moves, retitles or cancels one occurrence of a series (the one the rule starts at
    /// `original_start`), replacing any earlier change to it.
    pub fn change_occurrence(
        &mut self,
        original_start: NaiveDateTime,
        change: OccurrenceChange,
    ) -> Result<()> {
        self.ensure_scheduled()?;
        let rule = self.recurrence.as_ref().ok_or_else(|| {
            LexcaseError::validation("original_start", "the entry does not recur")
        })?;
        if !self.is_occurrence(rule, original_start)? {
            return Err(LexcaseError::validation(
                "original_start",
                "no occurrence of the series starts then",
            ));
        }
        let change = match change {
            OccurrenceChange::Changed {
                schedule,
                title,
                location,
            } => OccurrenceChange::Changed {
                schedule: schedule.map(Schedule::checked).transpose()?,
                title: title
                    .map(|t| validate::required_line("title", &t))
                    .transpose()?,
                location: location
                    .map(|l| validate::optional_line("location", &l).map(Option::unwrap_or_default))
                    .transpose()?,
            },
            OccurrenceChange::Cancelled => OccurrenceChange::Cancelled,
        };
        self.exceptions
            .retain(|e| e.original_start != original_start);
        self.exceptions.push(OccurrenceException {
            original_start,
            change,
        });
        self.exceptions.sort_by_key(|e| e.original_start);
        validate::bounded("exceptions", &self.exceptions, MAX_EXCEPTIONS)
    }

    fn is_occurrence(&self, rule: &Recurrence, local_start: NaiveDateTime) -> Result<bool> {
        // Expand in UTC around the candidate; a day either side covers every zone offset.
        let probe = local_start.and_utc();
        let day = chrono::Duration::days(1);
        Ok(rule
            .starts_between(&self.schedule, probe - day, probe + day)?
            .contains(&local_start))
    }

    /// The instants the stored row is indexed by: the earliest start and the latest end of
    /// any occurrence, `None` for a series without end. All-day days are read in `day_zone`.
    pub fn bounds(&self, day_zone: Tz) -> Result<(DateTime<Utc>, Option<DateTime<Utc>>)> {
        let (mut first, first_end) = self.schedule.span(day_zone)?;
        let mut last = match &self.recurrence {
            None => Some(first_end),
            Some(rule) => match rule.last_start(&self.schedule)? {
                None => None,
                Some(start) => Some(self.schedule.starting_at(start).span(day_zone)?.1),
            },
        };
        for exception in &self.exceptions {
            if let OccurrenceChange::Changed {
                schedule: Some(s), ..
            } = &exception.change
            {
                let (from, to) = s.span(day_zone)?;
                first = first.min(from);
                last = last.map(|l| l.max(to));
            }
        }
        Ok((first, last))
    }
}
