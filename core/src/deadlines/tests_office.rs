//! Court-office closures on the last day (FRCP 6(a)(3), CPR 2.8(5)): the time is extended to
//! the next day the office is open — forward, whichever way the period was counted.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use super::test_support::*;
use super::*;
use crate::calendar::{HolidayCalendar, HolidayList, UsFederal, named};

/// A filing at least 14 days before a hearing (a court-office act counted backward).
fn filed_before_hearing() -> DeadlineRule {
    let mut rule = builtin_rule("frcp-motion-before-hearing").unwrap();
    rule.court_office_act = true;
    rule
}

fn closed(days: &[&str]) -> HolidayList {
    HolidayList::new("storm", days.iter().map(|s| d(s))).unwrap()
}

#[test]
fn inaccessible_last_day_of_a_backward_period_extends_forward() {
    // Hearing Monday 8 June 2026: 14 days before is Memorial Day, 25 May, rolled back under
    // 6(a)(5) to Friday 22 May. The clerk's office is inaccessible that Friday: 6(a)(3)(A)
    // extends the time to the first accessible day that is not a weekend or legal holiday,
    // Tuesday 26 May — not back to Thursday 21 May.
    let closures = closed(&["2026-05-22"]);
    let out = filed_before_hearing()
        .compute(&DeadlineInput {
            trigger: Trigger::Day(d("2026-06-08")),
            service: None,
            holidays: &UsFederal,
            closures: &closures,
        })
        .unwrap();
    assert_eq!(out.due, d("2026-05-26"));
    assert!(cites(&out, "FRCP 6(a)(5)"));
    let step = out
        .trace
        .iter()
        .find(|s| s.provision == "FRCP 6(a)(3)(A)")
        .unwrap();
    assert!(
        step.explanation.contains("extended"),
        "{}",
        step.explanation
    );
    assert_eq!(out.trace.last().unwrap().date, out.due);
}

#[test]
fn inaccessible_last_hour_of_a_backward_hour_period_extends_forward() {
    // 48 hours before Wednesday 10 June 2026 09:30 EDT is Monday 8 June 09:30; the clerk's
    // office is inaccessible that Monday → the same time on Tuesday 9 June.
    let mut rule = builtin_rule("frcp-hours-example").unwrap();
    rule.direction = Direction::Before;
    let ny: chrono_tz::Tz = "America/New_York".parse().unwrap();
    let closures = closed(&["2026-06-08"]);
    let at = Utc.with_ymd_and_hms(2026, 6, 10, 13, 30, 0).unwrap();
    let out = rule
        .compute(&DeadlineInput {
            trigger: Trigger::Moment { at, zone: ny },
            service: None,
            holidays: &UsFederal,
            closures: &closures,
        })
        .unwrap();
    assert_eq!(out.due, d("2026-06-09"));
    assert_eq!(
        out.due_at,
        Some(Utc.with_ymd_and_hms(2026, 6, 9, 13, 30, 0).unwrap())
    );
    assert!(cites(&out, "FRCP 6(a)(3)(B)"));
}

#[test]
fn cpr_court_office_closed_before_a_hearing_gives_the_next_open_day() {
    // Serve-and-file 3 clear days before a hearing on Friday 20 October 2017: by Monday 16
    // October. The office is closed that Monday: CPR 2.8(5) gives the next day it is open,
    // Tuesday 17 October.
    let mut rule = builtin_rule("cpr-application-notice").unwrap();
    rule.court_office_act = true;
    let closures = closed(&["2017-10-16"]);
    let holidays = named("england-wales").unwrap();
    let out = rule
        .compute(&DeadlineInput {
            trigger: Trigger::Day(d("2017-10-20")),
            service: None,
            holidays: holidays.as_ref(),
            closures: &closures,
        })
        .unwrap();
    assert_eq!(out.due, d("2017-10-17"));
    assert!(cites(&out, "CPR 2.8(5)"));
}

fn office_open(holidays: &dyn HolidayCalendar, closures: &HolidayList, day: NaiveDate) -> bool {
    holidays.is_business_day(day) && closures.is_business_day(day)
}

proptest! {
    #[test]
    fn the_court_office_extension_lands_on_an_open_day_after_the_last_day(
        offset in 0i64..10_000,
        amount in 1u32..40,
        after in any::<bool>(),
        method in prop::sample::select(CountingMethod::ALL.to_vec()),
        cal in prop::sample::select(vec!["us-federal", "england-wales", "weekends-only"]),
        closure_offsets in prop::collection::vec(-60i64..60, 0..20),
    ) {
        let trigger = d("2000-01-01") + Duration::days(offset);
        let direction = if after { Direction::After } else { Direction::Before };
        let mut with_office = rule(amount, PeriodUnit::Days, direction, method);
        with_office.court_office_act = true;
        let mut without = with_office.clone();
        without.court_office_act = false;
        let holidays = named(cal).unwrap();
        let closures = HolidayList::new(
            "storm",
            closure_offsets.iter().map(|o| trigger + Duration::days(*o)),
        )
        .unwrap();
        let input = DeadlineInput {
            trigger: Trigger::Day(trigger),
            service: None,
            holidays: holidays.as_ref(),
            closures: &closures,
        };
        let extended = with_office.compute(&input).unwrap();
        let last_day = without.compute(&input).unwrap().due;
        prop_assert!(office_open(holidays.as_ref(), &closures, extended.due));
        prop_assert!(extended.due >= last_day, "{} before {}", extended.due, last_day);
        // Nothing in between was an open day: the extension goes to the first one.
        let mut day = last_day;
        while day < extended.due {
            prop_assert!(!office_open(holidays.as_ref(), &closures, day), "{day} was open");
            day = day.succ_opt().unwrap();
        }
        prop_assert_eq!(extended.trace.last().map(|s| s.date), Some(extended.due));
    }
}
