//! Properties of day-period computations over random triggers and rules.

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc};
use proptest::prelude::*;

use super::test_support::*;
use super::*;
use crate::calendar::named;

fn trigger_day(offset: i64) -> NaiveDate {
    d("2000-01-01") + Duration::days(offset)
}

fn any_method() -> impl Strategy<Value = CountingMethod> {
    prop::sample::select(CountingMethod::ALL.to_vec())
}

fn any_unit() -> impl Strategy<Value = PeriodUnit> {
    prop::sample::select(vec![
        PeriodUnit::Days,
        PeriodUnit::Weeks,
        PeriodUnit::Months,
    ])
}

fn any_calendar() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "us-federal",
        "england-wales",
        "ew-court-office",
        "weekends-only",
    ])
}

fn compute(
    rule: &DeadlineRule,
    trigger: NaiveDate,
    service: Option<ServiceMethod>,
    cal: &str,
) -> ComputedDeadline {
    compute_with(rule, Trigger::Day(trigger), service, cal, "weekends-only").unwrap()
}

proptest! {
    #[test]
    fn rolled_deadlines_are_business_days_on_the_right_side(
        offset in 0i64..12_000,
        amount in 1u32..40,
        unit in any_unit(),
        method in any_method(),
        after in any::<bool>(),
        roll in prop::sample::select(vec![RollPolicy::Forward, RollPolicy::Backward, RollPolicy::Auto]),
        cal in any_calendar(),
        mail in any::<bool>(),
        court_office_act in any::<bool>(),
    ) {
        let direction = if after { Direction::After } else { Direction::Before };
        let mut r = rule(amount, unit, direction, method);
        r.roll = roll;
        r.court_office_act = court_office_act;
        r.service_days = after && method == CountingMethod::Frcp6;
        let service = mail.then_some(ServiceMethod::Mail);
        let trigger = trigger_day(offset);
        let out = compute(&r, trigger, service, cal);
        let calendar = named(cal).unwrap();
        prop_assert!(calendar.is_business_day(out.due), "{} {:?}", out.due, out.trace);
        prop_assert_eq!(out.trace.last().map(|s| s.date), Some(out.due));
        prop_assert_eq!(&compute(&r, trigger, service, cal), &out);
        // A roll in the direction of the period keeps the deadline on its side of the trigger.
        let matching = roll == RollPolicy::Auto || (roll == RollPolicy::Forward) == after;
        if matching && after {
            prop_assert!(out.due >= trigger);
        }
        if matching && !after {
            prop_assert!(out.due <= trigger);
        }
    }

    #[test]
    fn unrolled_deadlines_keep_their_side_and_trace(
        offset in 0i64..12_000,
        amount in 1u32..40,
        unit in any_unit(),
        method in any_method(),
        after in any::<bool>(),
        cal in any_calendar(),
    ) {
        let direction = if after { Direction::After } else { Direction::Before };
        let mut r = rule(amount, unit, direction, method);
        r.roll = RollPolicy::None;
        let trigger = trigger_day(offset);
        let out = compute(&r, trigger, None, cal);
        prop_assert_eq!(out.trace.last().map(|s| s.date), Some(out.due));
        if after { prop_assert!(out.due > trigger) } else { prop_assert!(out.due < trigger) }
    }

    #[test]
    fn fourteen_frcp_days_land_on_the_trigger_weekday_unless_rolled(
        offset in 0i64..12_000,
        after in any::<bool>(),
        cal in any_calendar(),
    ) {
        let direction = if after { Direction::After } else { Direction::Before };
        let r = rule(14, PeriodUnit::Days, direction, CountingMethod::Frcp6);
        let trigger = trigger_day(offset);
        let out = compute(&r, trigger, None, cal);
        let rolled = cites(&out, "FRCP 6(a)(1)(C)") || cites(&out, "FRCP 6(a)(5)");
        if !rolled {
            prop_assert_eq!(out.due.weekday(), trigger.weekday());
            prop_assert_eq!((out.due - trigger).num_days().abs(), 14);
        } else {
            prop_assert!(out.due.weekday() != trigger.weekday() || (out.due - trigger).num_days().abs() != 14);
        }
    }

    #[test]
    fn hour_periods_are_elapsed_hours_or_the_same_clock_time_on_a_business_day(
        seconds in 946_684_800i64..1_893_456_000,
        amount in 1u32..200,
        after in any::<bool>(),
        zone in prop::sample::select(vec!["America/New_York", "Europe/London", "America/Los_Angeles"]),
    ) {
        let zone: chrono_tz::Tz = zone.parse().unwrap();
        let at = Utc.timestamp_opt(seconds, 0).unwrap();
        let direction = if after { Direction::After } else { Direction::Before };
        let mut r = rule(amount, PeriodUnit::Hours, direction, CountingMethod::Frcp6);
        r.court_office_act = true;
        let out = compute_with(&r, Trigger::Moment { at, zone }, None, "us-federal", "weekends-only").unwrap();
        let due_at = out.due_at.unwrap();
        let elapsed = Duration::hours(i64::from(amount));
        let end = if after { at + elapsed } else { at - elapsed };
        let local_due = due_at.with_timezone(&zone);
        prop_assert_eq!(local_due.date_naive(), out.due);
        prop_assert_eq!(out.trace.last().map(|s| s.date), Some(out.due));
        if named("us-federal").unwrap().is_business_day(end.with_timezone(&zone).date_naive()) {
            prop_assert_eq!(due_at, end);
        } else {
            prop_assert!(named("us-federal").unwrap().is_business_day(out.due));
            prop_assert_eq!(local_due.time().hour(), end.with_timezone(&zone).time().hour());
            let moved_the_right_way = if after { due_at > end } else { due_at < end };
            prop_assert!(moved_the_right_way);
        }
    }
}
