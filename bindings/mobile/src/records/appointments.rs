//! Calendar entries: the core's appointments, schedules, occurrences and clashes cross the FFI
//! as they are (`lexcase::appointments`); this module keeps what has no core counterpart: the
//! tri-state change of the recurrence and the changes record that uses it.
//!
//! Times of day are wall-clock times without zone (`chrono::NaiveDateTime`, Kotlin
//! `java.time.LocalDateTime`, ISO-8601 strings on the wire and in Swift); a timed schedule
//! carries its IANA zone beside them. All-day schedules are dates. Instants (`startsAt`,
//! `endsAt`, `createdAt`) are `java.time.Instant`. A recurrence is its RRULE text (one that
//! does not parse is a `Validation` error on `recurrence`).

pub use lexcase::appointments::{
    Appointment, AppointmentKind, AppointmentStatus, Attendee, Clash, NewAppointment, Occurrence,
    OccurrenceChange, OccurrenceException, Schedule,
};

use lexcase::appointments::AppointmentChanges as CoreAppointmentChanges;

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
        Self {
            kind: changes.kind,
            title: changes.title,
            description: changes.description,
            location: changes.location,
            schedule: changes.schedule,
            recurrence: changes.recurrence.map(Option::<String>::from),
            attendees: changes.attendees,
            reminders: changes.reminders,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_recurrence_that_does_not_parse_is_refused_as_a_typed_error_when_lifted() {
        use crate::error::LexcaseError;
        use lexcase::appointments::Recurrence;
        let read = crate::convert::lifted::<Recurrence>;
        assert_eq!(
            read("RRULE:FREQ=WEEKLY;COUNT=6").unwrap().as_str(),
            "FREQ=WEEKLY;COUNT=6"
        );
        let error = read("FREQ=FORTNIGHTLY").unwrap_err();
        assert!(matches!(
            error.downcast::<LexcaseError>(),
            Ok(LexcaseError::Validation { field, .. }) if field == "recurrence"
        ));
    }
}
