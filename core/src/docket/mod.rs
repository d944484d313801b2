//! The docket: deadlines computed for matters, with their traces, chains and reminders.
