//! The docket: deadlines computed for matters, with their traces, chains and reminders.
//!
//! A [`Deadline`] applies a [`DeadlineRule`](crate::deadlines::DeadlineRule) (a snapshot, so
//! a later change to a rule pack never rewrites a docketed date) to a [`DeadlineTrigger`]: a
//! date, an instant, one of the matter's key dates, or another deadline (a chain). The
//! computed date keeps its trace and is recomputed whenever its trigger moves. Holiday and
//! closure calendars are named by a [`CalendarSpec`](crate::calendar::CalendarSpec): the
//! deadline's own, else the rule's, else the counting method's usual ones. Reminders fall a number of days before
//! the due date; the register records who entered each deadline and on which day.

mod deadline;
mod reminders;

pub use deadline::{Deadline, DeadlineChanges, DeadlineStatus, DeadlineTrigger, NewDeadline};
pub use reminders::{DEFAULT_REMINDERS, DeadlineReminder, MAX_REMINDER_DAYS};
