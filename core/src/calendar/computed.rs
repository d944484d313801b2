//! Computed holiday calendars: US federal holidays (5 U.S.C. § 6103, with observed days) and
//! England & Wales bank holidays (with substitute days and one-off changes as data).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::HolidayCalendar;

/// The `n`th (from 1) `weekday` of `month`, or the last one with `n = 0`.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    if n == 0 {
        let next_month = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next_month.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        return last.checked_sub_signed(Duration::days(i64::from(back)));
    }
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n as u8)
}

/// Easter Sunday of `year` (Gregorian; the anonymous "Meeus/Jones/Butcher" computus).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// US federal holidays under 5 U.S.C. § 6103(a), observed per § 6103(b) and Executive Order
/// 11582: a Saturday holiday on the Friday before, a Sunday holiday on the Monday after (so
/// New Year's Day on a Saturday is observed on 31 December of the year before). Juneteenth
/// from 2021, Martin Luther King Jr.'s birthday from 1986. Inauguration Day (§ 6103(c)) is not
/// a general holiday and is not included.
#[derive(Debug, Clone, Copy, Default)]
pub struct UsFederal;

impl UsFederal {
    /// The statutory dates of `year`'s holidays (before moving to observed days).
    pub fn statutory(year: i32) -> Vec<NaiveDate> {
        let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d);
        let mut days = vec![
            fixed(1, 1),
            nth_weekday(year, 2, Weekday::Mon, 3),
            nth_weekday(year, 5, Weekday::Mon, 0),
            fixed(7, 4),
            nth_weekday(year, 9, Weekday::Mon, 1),
            nth_weekday(year, 10, Weekday::Mon, 2),
            fixed(11, 11),
            nth_weekday(year, 11, Weekday::Thu, 4),
            fixed(12, 25),
        ];
        if year >= 1986 {
            days.push(nth_weekday(year, 1, Weekday::Mon, 3));
        }
        if year >= 2021 {
            days.push(fixed(6, 19));
        }
        let mut days: Vec<NaiveDate> = days.into_iter().flatten().collect();
        days.sort_unstable();
        days
    }

    /// The observed dates of `year`'s holidays (a Saturday holiday moves to Friday, a Sunday
    /// one to Monday; the observed day may fall in the neighbouring year).
    pub fn observed(year: i32) -> Vec<NaiveDate> {
        Self::statutory(year)
            .into_iter()
            .filter_map(|d| match d.weekday() {
                Weekday::Sat => d.pred_opt(),
                Weekday::Sun => d.succ_opt(),
                _ => Some(d),
            })
            .collect()
    }
}

impl HolidayCalendar for UsFederal {
    fn id(&self) -> &str {
        "us-federal"
    }
    fn is_holiday(&self, date: NaiveDate) -> bool {
        let year = date.year();
        [year, year + 1]
            .into_iter()
            .any(|y| Self::observed(y).contains(&date))
    }
}

/// England & Wales bank holidays: New Year's Day, Good Friday, Easter Monday, the early May,
/// spring and summer bank holidays, Christmas Day and Boxing Day, with substitute weekdays when
/// a fixed one falls at a weekend; plus one-off changes as data (days added by proclamation and
/// regular days moved away).
#[derive(Debug, Clone, Default)]
pub struct EnglandWales {
    added: Vec<NaiveDate>,
    removed: Vec<NaiveDate>,
}

/// One-off changes known when this was written: (added, removed).
const KNOWN_CHANGES: &[(&str, Option<&str>)] = &[
    ("1995-05-08", Some("1995-05-01")), // VE Day 50th anniversary
    ("1999-12-31", None),               // Millennium
    ("2002-06-04", Some("2002-05-27")), // Golden Jubilee (spring bank holiday moved)
    ("2002-06-03", None),
    ("2011-04-29", None),               // Royal wedding
    ("2012-06-04", Some("2012-05-28")), // Diamond Jubilee (spring bank holiday moved)
    ("2012-06-05", None),
    ("2020-05-08", Some("2020-05-04")), // VE Day 75th anniversary (early May moved)
    ("2022-06-02", Some("2022-05-30")), // Platinum Jubilee (spring bank holiday moved)
    ("2022-06-03", None),
    ("2022-09-19", None), // State funeral of Queen Elizabeth II
    ("2023-05-08", None), // Coronation of King Charles III
];

impl EnglandWales {
    /// The calendar with the one-off changes known to lexcase.
    pub fn new() -> Self {
        let parse = |s: &str| s.parse::<NaiveDate>().ok();
        Self {
            added: KNOWN_CHANGES.iter().filter_map(|(a, _)| parse(a)).collect(),
            removed: KNOWN_CHANGES
                .iter()
                .filter_map(|(_, r)| r.and_then(parse))
                .collect(),
        }
    }

    /// Adds a one-off bank holiday, and optionally removes the regular one it replaces.
    pub fn with_change(mut self, added: NaiveDate, replaces: Option<NaiveDate>) -> Self {
        self.added.push(added);
        self.removed.extend(replaces);
        self
    }

    /// The regular bank holidays of `year`, by the rules alone (no one-off changes).
    pub fn regular(year: i32) -> Vec<NaiveDate> {
        let mut days = Vec::new();
        let weekday_or_next = |d: NaiveDate, taken: &[NaiveDate]| {
            let mut d = d;
            while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || taken.contains(&d) {
                d = d.succ_opt().unwrap_or(d);
            }
            d
        };
        if let Some(new_year) = NaiveDate::from_ymd_opt(year, 1, 1) {
            days.push(weekday_or_next(new_year, &[]));
        }
        if let Some(easter) = easter_sunday(year) {
            days.extend(easter.checked_sub_signed(Duration::days(2)));
            days.extend(easter.checked_add_signed(Duration::days(1)));
        }
        days.extend(nth_weekday(year, 5, Weekday::Mon, 1));
        days.extend(nth_weekday(year, 5, Weekday::Mon, 0));
        days.extend(nth_weekday(year, 8, Weekday::Mon, 0));
        for day in [25, 26] {
            if let Some(d) = NaiveDate::from_ymd_opt(year, 12, day) {
                let taken = days.clone();
                days.push(weekday_or_next(d, &taken));
            }
        }
        days.sort_unstable();
        days
    }
}

impl HolidayCalendar for EnglandWales {
    fn id(&self) -> &str {
        "england-wales"
    }
    fn is_holiday(&self, date: NaiveDate) -> bool {
        if self.added.contains(&date) {
            return true;
        }
        !self.removed.contains(&date) && Self::regular(date.year()).contains(&date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn us_federal_2026_and_observed_days() {
        let observed = UsFederal::observed(2026);
        let expected = [
            "2026-01-01",
            "2026-01-19",
            "2026-02-16",
            "2026-05-25",
            "2026-06-19",
            "2026-07-03",
            "2026-09-07",
            "2026-10-12",
            "2026-11-11",
            "2026-11-26",
            "2026-12-25",
        ];
        let mut observed_sorted = observed.clone();
        observed_sorted.sort_unstable();
        assert_eq!(observed_sorted, expected.map(d));
        // New Year's Day 2022 (a Saturday) was observed on Friday 31 December 2021.
        assert!(UsFederal.is_holiday(d("2021-12-31")));
        assert!(
            !UsFederal.is_holiday(d("2022-01-01")) || d("2022-01-01").weekday() == Weekday::Sat
        );
        // New Year's Day 2023 (a Sunday) on Monday 2 January.
        assert!(UsFederal.is_holiday(d("2023-01-02")));
        assert!(
            !UsFederal.is_holiday(d("2020-06-19")),
            "Juneteenth from 2021"
        );
        assert!(
            UsFederal.is_holiday(d("2021-06-18")),
            "19 June 2021 was a Saturday"
        );
    }

    #[test]
    fn england_wales_bank_holidays_with_substitutes_and_one_offs() {
        let regular = |y| EnglandWales::regular(y);
        assert_eq!(
            regular(2026),
            [
                "2026-01-01",
                "2026-04-03",
                "2026-04-06",
                "2026-05-04",
                "2026-05-25",
                "2026-08-31",
                "2026-12-25",
                "2026-12-28"
            ]
            .map(d)
        );
        assert_eq!(
            regular(2027),
            [
                "2027-01-01",
                "2027-03-26",
                "2027-03-29",
                "2027-05-03",
                "2027-05-31",
                "2027-08-30",
                "2027-12-27",
                "2027-12-28"
            ]
            .map(d)
        );
        assert_eq!(
            regular(2022)[7],
            d("2022-12-27"),
            "Christmas on a Sunday: substitute Tuesday 27"
        );
        assert_eq!(regular(2022)[6], d("2022-12-26"));
        assert_eq!(easter_sunday(2024), Some(d("2024-03-31")));
        assert_eq!(easter_sunday(2025), Some(d("2025-04-20")));
        let ew = EnglandWales::new();
        assert!(ew.is_holiday(d("2022-06-02")) && ew.is_holiday(d("2022-06-03")));
        assert!(!ew.is_holiday(d("2022-05-30")), "moved to 2 June");
        assert!(ew.is_holiday(d("2023-05-08")) && ew.is_holiday(d("2022-09-19")));
        assert!(ew.is_holiday(d("2020-05-08")) && !ew.is_holiday(d("2020-05-04")));
        let firm = EnglandWales::new().with_change(d("2030-06-03"), None);
        assert!(firm.is_holiday(d("2030-06-03")));
    }

    proptest! {
        #[test]
        fn every_year_has_its_holidays_on_distinct_weekdays(year in 1990i32..2300) {
            let ew = EnglandWales::regular(year);
            prop_assert_eq!(ew.len(), 8);
            prop_assert!(ew.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(ew.iter().all(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)));
            let us = UsFederal::observed(year);
            prop_assert_eq!(us.len(), if year >= 2021 { 11 } else { 10 });
            prop_assert!(us.iter().all(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)));
            let easter = easter_sunday(year).unwrap();
            prop_assert_eq!(easter.weekday(), Weekday::Sun);
            prop_assert!((3..=4).contains(&easter.month()));
        }
    }
}
