//! Combined calendars: the union of several calendars, the England & Wales court office
//! closures of PD 2A, and the named calendars deadline rules refer to.

use chrono::{Datelike, NaiveDate};
use std::fmt;

use super::{EnglandWales, HolidayCalendar, UsFederal, WeekendsOnly};
use crate::error::{LexcaseError, Result};
use crate::validate;

/// A calendar whose holidays are those of any of its parts (e.g. bank holidays plus court
/// office closures plus a firm's own closure days).
pub struct UnionCalendar {
    id: String,
    parts: Vec<Box<dyn HolidayCalendar>>,
}

impl UnionCalendar {
    /// A union calendar with a non-empty id; at most 100 parts.
    pub fn new(id: &str, parts: Vec<Box<dyn HolidayCalendar>>) -> Result<Self> {
        let id = validate::required_line("id", id)?;
        validate::bounded("parts", &parts, 100)?;
        Ok(Self { id, parts })
    }

    /// The ids of the parts, in order.
    pub fn part_ids(&self) -> Vec<&str> {
        self.parts.iter().map(|p| p.id()).collect()
    }
}

impl fmt::Debug for UnionCalendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnionCalendar")
            .field("id", &self.id)
            .field("parts", &self.part_ids())
            .finish()
    }
}

impl HolidayCalendar for UnionCalendar {
    fn id(&self) -> &str {
        &self.id
    }
    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.parts.iter().any(|p| p.is_holiday(date))
    }
}

/// The days the County Court and High Court offices in England & Wales are closed besides
/// weekends and bank holidays, per the annex to Practice Direction 2A: 25, 26 and 27 December
/// and 1 January, whatever the weekday.
#[derive(Debug, Clone, Copy, Default)]
pub struct CourtOfficeClosures;

impl HolidayCalendar for CourtOfficeClosures {
    fn id(&self) -> &str {
        "pd2a-closures"
    }
    fn is_holiday(&self, date: NaiveDate) -> bool {
        matches!((date.month(), date.day()), (12, 25..=27) | (1, 1))
    }
}

/// US federal holidays on their statutory dates only, without moving a weekend holiday to the
/// Friday before or Monday after: the minority reading of FRCP 6(a)(6)(A) ("the day set aside
/// by statute for observing"). [`UsFederal`] (observed days) is the prevailing reading.
#[derive(Debug, Clone, Copy, Default)]
pub struct UsFederalStatutory;

impl HolidayCalendar for UsFederalStatutory {
    fn id(&self) -> &str {
        "us-federal-statutory"
    }
    fn is_holiday(&self, date: NaiveDate) -> bool {
        UsFederal::statutory(date.year()).contains(&date)
    }
}

/// The ids [`named`] accepts.
pub const NAMED_CALENDARS: [&str; 5] = [
    "weekends-only",
    "us-federal",
    "us-federal-statutory",
    "england-wales",
    "ew-court-office",
];

/// A built-in calendar by id: `weekends-only`, `us-federal` (5 U.S.C. § 6103 observed days),
/// `us-federal-statutory` (statutory dates, no observed days), `england-wales` (bank holidays)
/// or `ew-court-office` (bank holidays plus the PD 2A court office closures). An unknown id
/// is a validation error.
pub fn named(id: &str) -> Result<Box<dyn HolidayCalendar>> {
    Ok(match id {
        "weekends-only" => Box::new(WeekendsOnly),
        "us-federal" => Box::new(UsFederal),
        "us-federal-statutory" => Box::new(UsFederalStatutory),
        "england-wales" => Box::new(EnglandWales::new()),
        "ew-court-office" => Box::new(UnionCalendar::new(
            "ew-court-office",
            vec![Box::new(EnglandWales::new()), Box::new(CourtOfficeClosures)],
        )?),
        _ => {
            return Err(LexcaseError::validation(
                "calendar",
                format!(
                    "unknown calendar; use one of {}",
                    NAMED_CALENDARS.join(", ")
                ),
            ));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::HolidayList;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn named_calendars_and_unions() {
        for id in NAMED_CALENDARS {
            assert_eq!(named(id).unwrap().id(), id);
        }
        assert!(matches!(
            named("mars"),
            Err(LexcaseError::Validation { .. })
        ));
        let office = named("ew-court-office").unwrap();
        // Thursday 27 December 2029 is no bank holiday, but the court office is closed.
        assert!(!EnglandWales::new().is_holiday(d("2029-12-27")));
        assert!(office.is_holiday(d("2029-12-27")));
        assert!(office.is_holiday(d("2029-12-26")) && office.is_holiday(d("2029-04-02")));
        assert!(office.is_business_day(d("2029-12-28")));
        let us = named("us-federal").unwrap();
        assert!(us.is_holiday(d("2027-01-18")), "MLK day 2027");
        let firm = HolidayList::new("firm", [d("2026-08-14")]).unwrap();
        let union = UnionCalendar::new("firm+us", vec![Box::new(firm), us]).unwrap();
        assert!(union.is_holiday(d("2026-08-14")) && union.is_holiday(d("2026-07-03")));
        assert!(!union.is_holiday(d("2026-07-06")));
        // Independence Day 2026 is a Saturday: observed Friday 3 July, statutory 4 July.
        let statutory = named("us-federal-statutory").unwrap();
        assert!(statutory.is_holiday(d("2026-07-04")) && !statutory.is_holiday(d("2026-07-03")));
        assert_eq!(union.part_ids(), ["firm", "us-federal"]);
        assert!(format!("{union:?}").contains("firm+us"));
        assert!(UnionCalendar::new(" ", vec![]).is_err());
    }
}
