//! Moving a date by calendar or business days.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::HolidayCalendar;
use crate::error::{LexcaseError, Result};

/// The unit a relative date counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DayUnit {
    /// Every day counts.
    CalendarDays,
    /// Only business days count: weekends and the firm's holidays are stepped over.
    BusinessDays,
}

crate::names::stable_names!(DayUnit, "unit", "day unit", {
    CalendarDays = "calendar_days",
    BusinessDays = "business_days",
});

/// A signed number of days in a unit: `-5 business_days` is five business days before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DayCount {
    /// Days after (positive) or before (negative) the anchor.
    pub days: i32,
    /// Calendar or business days.
    pub unit: DayUnit,
}

/// The furthest a relative date may reach, in days (about 27 years).
const MAX_DAYS: i32 = 10_000;

impl DayCount {
    /// A checked count (|days| ≤ 10,000).
    pub fn new(days: i32, unit: DayUnit) -> Result<Self> {
        if days.abs() > MAX_DAYS {
            return Err(LexcaseError::validation("days", "more than 10000 days"));
        }
        Ok(Self { days, unit })
    }

    /// The date this count reaches from `anchor`. Business days step over weekends and the
    /// calendar's holidays; zero business days is the anchor itself. The result of a non-zero
    /// business-day count is always a business day.
    pub fn apply(&self, anchor: NaiveDate, calendar: &dyn HolidayCalendar) -> Result<NaiveDate> {
        let out_of_range = || LexcaseError::validation("days", "the date is out of range");
        match self.unit {
            DayUnit::CalendarDays => {
                let magnitude = Days::new(u64::from(self.days.unsigned_abs()));
                if self.days >= 0 {
                    anchor.checked_add_days(magnitude)
                } else {
                    anchor.checked_sub_days(magnitude)
                }
                .ok_or_else(out_of_range)
            }
            DayUnit::BusinessDays => {
                let mut date = anchor;
                let mut left = self.days.unsigned_abs();
                while left > 0 {
                    date = if self.days > 0 {
                        date.succ_opt()
                    } else {
                        date.pred_opt()
                    }
                    .ok_or_else(out_of_range)?;
                    if calendar.is_business_day(date) {
                        left -= 1;
                    }
                }
                Ok(date)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{HolidayList, WeekendsOnly};
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn christmas() -> HolidayList {
        HolidayList::new("test", [d(2026, 12, 25), d(2026, 12, 28), d(2027, 1, 1)]).unwrap()
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        let bd = |n| DayCount::new(n, DayUnit::BusinessDays).unwrap();
        // Thursday 24 Dec 2026 + 1 → Tue 29 Dec (25 holiday, 26–27 weekend, 28 holiday).
        assert_eq!(
            bd(1).apply(d(2026, 12, 24), &christmas()).unwrap(),
            d(2026, 12, 29)
        );
        assert_eq!(
            bd(1).apply(d(2026, 12, 24), &WeekendsOnly).unwrap(),
            d(2026, 12, 25)
        );
        // Five business days before completion on Friday 8 Jan 2027.
        assert_eq!(
            bd(-5).apply(d(2027, 1, 8), &christmas()).unwrap(),
            d(2026, 12, 31)
        );
        assert_eq!(
            bd(0).apply(d(2026, 12, 26), &christmas()).unwrap(),
            d(2026, 12, 26)
        );
        let cd = DayCount::new(14, DayUnit::CalendarDays).unwrap();
        assert_eq!(
            cd.apply(d(2026, 12, 24), &christmas()).unwrap(),
            d(2027, 1, 7)
        );
        assert!(DayCount::new(10_001, DayUnit::CalendarDays).is_err());
        assert!(HolidayList::from_json(r#"{"id": "x", "dates": ["2026-02-30"]}"#).is_err());
        assert!(HolidayList::from_json("not json").is_err());
        assert_eq!(
            HolidayList::from_json(r#"{"id": "x", "dates": ["2026-12-25"]}"#)
                .unwrap()
                .dates
                .len(),
            1
        );
    }

    proptest! {
        #[test]
        fn business_day_results_are_business_days_on_the_right_side(
            start in 0i64..20_000, days in -400i32..400,
        ) {
            let anchor = d(2000, 1, 1) + chrono::Duration::days(start);
            let cal = christmas();
            let out = DayCount::new(days, DayUnit::BusinessDays).unwrap().apply(anchor, &cal).unwrap();
            if days != 0 {
                prop_assert!(cal.is_business_day(out));
            }
            prop_assert_eq!(out.cmp(&anchor), days.cmp(&0));
            // Counting the business days strictly between gives back |days| - 1.
            let (lo, hi) = if out < anchor { (out, anchor) } else { (anchor, out) };
            let between = lo.iter_days().skip(1).take_while(|x| *x < hi).filter(|x| cal.is_business_day(*x)).count();
            if days != 0 {
                prop_assert_eq!(between as i32, days.abs() - 1);
            }
        }

        #[test]
        fn calendar_days_are_exact(start in 0i64..20_000, days in -9_000i32..9_000) {
            let anchor = d(2000, 1, 1) + chrono::Duration::days(start);
            let out = DayCount::new(days, DayUnit::CalendarDays).unwrap().apply(anchor, &WeekendsOnly).unwrap();
            prop_assert_eq!((out - anchor).num_days(), i64::from(days));
        }
    }
}
