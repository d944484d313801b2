//! Calendars for due dates: which days are business days, and counting days from an anchor.
//!
//! [`HolidayCalendar`] is the trait court and bank-holiday calendars implement;
//! [`HolidayList`] is the data-driven one firms load; [`UsFederal`] and [`EnglandWales`] compute
//! their holidays from the statutory rules; [`UnionCalendar`] combines calendars and
//! [`CourtOfficeClosures`] adds the PD 2A court office closures; [`UsFederalStatutory`] is the
//! no-observed-days reading of FRCP 6(a)(6)(A); [`named`] gives the built-in
//! calendars by id. [`DayCount`] moves a date by calendar days or business days.

mod business_days;
mod computed;
mod holidays;
mod spec;
mod union;

pub use business_days::{DayCount, DayUnit};
pub use computed::{EnglandWales, UsFederal, easter_sunday};
pub use holidays::{HolidayCalendar, HolidayDates, HolidayList, WeekendsOnly};
pub use spec::CalendarSpec;
pub use union::{CourtOfficeClosures, NAMED_CALENDARS, UnionCalendar, UsFederalStatutory, named};
