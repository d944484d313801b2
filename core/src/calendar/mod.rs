//! Calendars for due dates: which days are business days, and counting days from an anchor.
//!
//! [`HolidayCalendar`] is the trait court and bank-holiday calendars implement (the deadline
//! engine adds computed ones); [`HolidayList`] is the data-driven default. [`DayCount`] moves a
//! date by calendar days or business days.

mod business_days;
mod holidays;

pub use business_days::{DayCount, DayUnit};
pub use holidays::{HolidayCalendar, HolidayList, WeekendsOnly};
