//! Interchange formats: iCalendar (RFC 5545) export and vCard 4.0 (RFC 6350) export and import.
//!
//! Both formats share the content-line rules in [`contentline`]: CRLF line ends, folding at 75
//! octets and TEXT escaping.

pub mod contentline;
mod export;
mod ical;
mod ical_types;
mod ical_validate;
mod property;
mod vcard_read;
mod vcard_write;
mod vtimezone;

#[cfg(test)]
mod ical_tests;
#[cfg(test)]
mod vcard_tests;

pub use export::{UID_DOMAIN, appointment_events, deadline_todo, task_todo};
pub use ical::ICalendar;
pub use ical_types::{
    AlarmTrigger, EventStatus, IcalAlarm, IcalAttendee, IcalEvent, IcalTime, IcalTodo, TodoStatus,
};
pub use vcard_read::{ImportedCard, parse_vcards};
pub use vcard_write::{contact_to_vcard, contact_to_vcard_with_note, contacts_to_vcards};
