//! Calendars for due dates: the core's holiday list and day unit cross the FFI as they are
//! (`lexcase::calendar`); the settings service checks a holiday list before it is kept.

pub use lexcase::calendar::{DayUnit, HolidayList};
