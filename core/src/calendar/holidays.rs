//! Holiday calendars.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use crate::error::{LexcaseError, Result};
use crate::validate;

/// Which days are not business days. Saturdays and Sundays never are; implementations add
/// their holidays (bank holidays, court closures, firm closures).
pub trait HolidayCalendar: Send + Sync {
    /// A short identifier, e.g. `england-wales`.
    fn id(&self) -> &str;

    /// Whether `date` is a holiday (weekends are handled by [`HolidayCalendar::is_business_day`]).
    fn is_holiday(&self, date: NaiveDate) -> bool;

    /// Whether `date` is a business day: not a Saturday, Sunday or holiday.
    fn is_business_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_holiday(date)
    }
}

/// A calendar with no holidays: business days are Monday to Friday.
#[derive(Debug, Clone, Copy, Default)]
pub struct WeekendsOnly;

impl HolidayCalendar for WeekendsOnly {
    fn id(&self) -> &str {
        "weekends-only"
    }
    fn is_holiday(&self, _date: NaiveDate) -> bool {
        false
    }
}

/// A calendar given as data: an id and a list of holiday dates (firms load their own).
///
/// Lifted from the FFI field by field, unchecked: the settings service checks it with
/// [`HolidayList::new`] before it is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HolidayList {
    /// Identifier, e.g. `england-and-wales`; not empty.
    pub id: String,
    /// The holidays, in date order (at most 10,000; duplicates are merged).
    pub dates: HolidayDates,
}

/// A set of holiday dates, in date order (a list of dates over the FFI: `List<LocalDate>` in
/// Kotlin; duplicates sent from the foreign side are merged).
pub type HolidayDates = BTreeSet<NaiveDate>;

#[cfg(feature = "uniffi")]
uniffi::custom_type!(HolidayDates, Vec<NaiveDate>, {
    remote,
    lower: |dates| dates.into_iter().collect(),
    try_lift: |dates| Ok(dates.into_iter().collect()),
});

impl HolidayList {
    /// A checked calendar: a non-empty id and at most 10,000 dates.
    pub fn new(id: &str, dates: impl IntoIterator<Item = NaiveDate>) -> Result<Self> {
        let id = validate::required_line("id", id)?;
        let dates: BTreeSet<NaiveDate> = dates.into_iter().collect();
        if dates.len() > 10_000 {
            return Err(LexcaseError::validation(
                "dates",
                "more than 10000 holidays",
            ));
        }
        Ok(Self { id, dates })
    }

    /// Parses a calendar from JSON: `{"id": "...", "dates": ["2026-12-25", ...]}`.
    pub fn from_json(text: &str) -> Result<Self> {
        crate::validate::import_size("calendar", text, crate::validate::MAX_DEFINITION_BYTES)?;
        let raw: Self = serde_json::from_str(text)
            .map_err(|e| LexcaseError::validation("calendar", format!("does not parse: {e}")))?;
        Self::new(&raw.id, raw.dates)
    }
}

impl HolidayCalendar for HolidayList {
    fn id(&self) -> &str {
        &self.id
    }
    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.dates.contains(&date)
    }
}
