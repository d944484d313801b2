//! Calendar entries: appointments, hearings and meetings, single or recurring.
//!
//! An [`Appointment`] has a [`Schedule`] (all-day dates, or a start and end in an IANA zone),
//! attendees, a location, reminders and optionally an RFC 5545 recurrence rule. A recurring
//! entry is one series: editing it changes every occurrence, while an [`OccurrenceException`]
//! moves, retitles or cancels one occurrence. [`Occurrence`]s are what agendas show; a
//! [`Clash`] is two of a user's timed occurrences that overlap.

mod appointment;
mod expansion;
mod fast_forward;
mod kind;
mod occurrence;
mod recurrence;
mod schedule;
#[cfg(test)]
mod tests_expansion;

pub use appointment::{
    Appointment, AppointmentChanges, AppointmentStatus, NewAppointment, OccurrenceChange,
    OccurrenceException,
};
pub use kind::{AppointmentKind, Attendee};
pub use occurrence::{Clash, Occurrence, clashes};
pub use recurrence::{MAX_OCCURRENCES, Recurrence};
pub use schedule::Schedule;
pub(crate) use schedule::parse_zone;
