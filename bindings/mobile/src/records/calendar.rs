//! Calendars for due dates: the firm's holiday list and the unit a relative date counts in.

use chrono::NaiveDate;
use lexcase::calendar::{DayUnit as CoreDayUnit, HolidayList as CoreHolidayList};

use crate::convert::mirror_enum;

mirror_enum! {
    /// The unit a relative date counts in.
    DayUnit = CoreDayUnit {
        /// Every day counts.
        CalendarDays,
        /// Only business days count: weekends and the firm's holidays are stepped over.
        BusinessDays,
    }
}

/// A holiday calendar given as data: an id and the holiday dates (weekends are never business
/// days and need not be listed).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HolidayList {
    /// Identifier, e.g. `england-and-wales`; not empty.
    pub id: String,
    /// The holidays, in date order when read (at most 10,000; duplicates are merged).
    pub dates: Vec<NaiveDate>,
}

impl From<CoreHolidayList> for HolidayList {
    fn from(list: CoreHolidayList) -> Self {
        let CoreHolidayList { id, dates } = list;
        Self {
            id,
            dates: dates.into_iter().collect(),
        }
    }
}

impl From<HolidayList> for CoreHolidayList {
    /// Unchecked: the settings service checks the id and the number of dates.
    fn from(list: HolidayList) -> Self {
        Self {
            id: list.id,
            dates: list.dates.into_iter().collect(),
        }
    }
}
