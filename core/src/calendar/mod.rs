//! Calendars for due dates: which days are business days, and counting days from an anchor.
//!
//! [`HolidayCalendar`] is the trait court and bank-holiday calendars implement;
//! [`HolidayList`] is the data-driven one firms load; [`UsFederal`] and [`EnglandWales`] compute
//! their holidays from the statutory rules. [`DayCount`] moves a date by calendar days or
//! business days.

mod business_days;
mod computed;
mod holidays;

pub use business_days::{DayCount, DayUnit};
pub use computed::{EnglandWales, UsFederal, easter_sunday};
pub use holidays::{HolidayCalendar, HolidayList, WeekendsOnly};
