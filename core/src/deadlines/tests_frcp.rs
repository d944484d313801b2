//! FRCP 6 worked examples.

use chrono::{TimeZone, Utc};

use super::test_support::*;
use super::*;

const US: &str = "us-federal";
const NONE: &str = "weekends-only";

#[test]
fn answer_due_on_a_saturday_rolls_to_monday() {
    // Served Saturday 7 March 2026; the 21st day is Saturday 28 March.
    let out = run("frcp-answer", "2026-03-07", None, US, NONE);
    assert_eq!(out.due, d("2026-03-30"));
    assert_eq!(out.trace[0].provision, "FRCP 6(a)(1)(A)");
    assert_eq!(
        out.trace[0].explanation,
        "the trigger day 2026-03-07 is not counted"
    );
    assert_eq!(out.trace[1].date, d("2026-03-28"));
    assert!(out.trace[2].explanation.contains("is a Saturday"));
    assert_eq!(out.trace.last().unwrap().date, out.due);
    // Served Monday 2 March: the 21st day, Monday 23 March, stands.
    assert_eq!(
        run("frcp-answer", "2026-03-02", None, US, NONE).due,
        d("2026-03-23")
    );
}

#[test]
fn answer_due_on_martin_luther_king_day_rolls_to_tuesday() {
    let out = run("frcp-answer", "2026-12-28", None, US, NONE);
    assert_eq!(out.due, d("2027-01-19"));
    assert!(out.trace[2].explanation.contains("holiday (us-federal)"));
    // Independence Day 2026 falls on a Saturday. Observed reading (prevailing): Friday 3 July is
    // a legal holiday → Monday 6 July; statutory-date reading: Friday 3 July stands.
    assert_eq!(
        run("frcp-answer", "2026-06-12", None, US, NONE).due,
        d("2026-07-06")
    );
    let statutory = run(
        "frcp-answer",
        "2026-06-12",
        None,
        "us-federal-statutory",
        NONE,
    );
    assert_eq!(statutory.due, d("2026-07-03"));
    // Without the federal calendar only weekends roll.
    assert_eq!(
        run("frcp-answer", "2026-12-28", None, NONE, NONE).due,
        d("2027-01-18")
    );
}

#[test]
fn service_by_mail_adds_three_days_after_the_roll() {
    let reply = "frcp-reply-counterclaim";
    // Monday 2 March + 21 = Monday 23 March, + 3 = Thursday 26 March.
    let out = run(reply, "2026-03-02", Some(ServiceMethod::Mail), US, NONE);
    assert_eq!(out.due, d("2026-03-26"));
    assert!(cites(&out, "FRCP 6(d)"));
    // Saturday 28 March rolls to Monday 30, + 3 = Thursday 2 April.
    let out = run(
        reply,
        "2026-03-07",
        Some(ServiceMethod::LeftWithClerk),
        US,
        NONE,
    );
    assert_eq!(out.due, d("2026-04-02"));
    // The other reading: 28 March + 3 = Tuesday 31 March.
    let mut rule = builtin_rule(reply).unwrap();
    rule.options.service_days = ServiceDaysReading::BeforeRoll;
    let other = compute_with(
        &rule,
        Trigger::Day(d("2026-03-07")),
        Some(ServiceMethod::Mail),
        US,
        NONE,
    );
    assert_eq!(other.unwrap().due, d("2026-03-31"));
    // The 3 days themselves can end on a weekend: Saturday 28 March → Monday 30 March.
    let out = run(
        reply,
        "2026-03-04",
        Some(ServiceMethod::OtherConsented),
        US,
        NONE,
    );
    assert_eq!(out.due, d("2026-03-30"));
    assert_eq!(out.trace.last().unwrap().date, out.due);
    // Electronic and personal service get no extra days (6(d) as amended in 2016).
    for method in [ServiceMethod::Electronic, ServiceMethod::Personal] {
        let out = run(reply, "2026-03-02", Some(method), US, NONE);
        assert_eq!(out.due, d("2026-03-23"));
        assert!(
            out.trace
                .iter()
                .any(|s| s.explanation.starts_with("no 3 days added"))
        );
    }
    // A rule without service days ignores the method.
    assert_eq!(
        run(
            "frcp-answer",
            "2026-03-02",
            Some(ServiceMethod::Mail),
            US,
            NONE
        )
        .due,
        d("2026-03-23")
    );
}

#[test]
fn forty_eight_hours_are_elapsed_hours_across_the_dst_change() {
    let rule = builtin_rule("frcp-hours-example").unwrap();
    let ny: chrono_tz::Tz = "America/New_York".parse().unwrap();
    // Saturday 7 March 2026 09:00 EST; clocks go forward on Sunday 8 March.
    let at = Utc.with_ymd_and_hms(2026, 3, 7, 14, 0, 0).unwrap();
    let out = compute_with(&rule, Trigger::Moment { at, zone: ny }, None, US, NONE).unwrap();
    assert_eq!(out.due, d("2026-03-09"));
    // 48 elapsed hours: 10:00 EDT on Monday, not 09:00.
    assert_eq!(
        out.due_at,
        Some(Utc.with_ymd_and_hms(2026, 3, 9, 14, 0, 0).unwrap())
    );
    assert_eq!(out.trace[0].provision, "FRCP 6(a)(2)(A)");
    // Friday 6 March 10:00 EST + 48 h = Sunday 11:00 EDT → Monday 11:00 EDT.
    let at = Utc.with_ymd_and_hms(2026, 3, 6, 15, 0, 0).unwrap();
    let out = compute_with(&rule, Trigger::Moment { at, zone: ny }, None, US, NONE).unwrap();
    assert_eq!(
        out.due_at,
        Some(Utc.with_ymd_and_hms(2026, 3, 9, 15, 0, 0).unwrap())
    );
    assert!(cites(&out, "FRCP 6(a)(2)(C)"));
    assert_eq!(out.trace.last().unwrap().date, out.due);
    // An hours period needs a moment.
    let err = compute_with(&rule, Trigger::Day(d("2026-03-06")), None, US, NONE);
    assert!(matches!(err, Err(crate::LexcaseError::Validation { .. })));
}

#[test]
fn hours_ending_on_a_closure_day_extend_to_the_same_time() {
    let rule = builtin_rule("frcp-hours-example").unwrap();
    let ny: chrono_tz::Tz = "America/New_York".parse().unwrap();
    let closed = crate::calendar::HolidayList::new("storm", [d("2026-06-10")]).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 6, 8, 13, 30, 0).unwrap(); // Monday 09:30 EDT
    let out = rule
        .compute(&DeadlineInput {
            trigger: Trigger::Moment { at, zone: ny },
            service: None,
            holidays: &crate::calendar::UsFederal,
            closures: &closed,
        })
        .unwrap();
    assert_eq!(out.due, d("2026-06-11"));
    assert_eq!(
        out.due_at,
        Some(Utc.with_ymd_and_hms(2026, 6, 11, 13, 30, 0).unwrap())
    );
    assert!(cites(&out, "FRCP 6(a)(3)(B)"));
}

#[test]
fn before_periods_roll_backward() {
    // Hearing Monday 8 June 2026; 14 days before is Memorial Day, 25 May → Friday 22 May.
    let out = run("frcp-motion-before-hearing", "2026-06-08", None, US, NONE);
    assert_eq!(out.due, d("2026-05-22"));
    assert!(cites(&out, "FRCP 6(a)(5)"));
    // Forward-only roll would land on Tuesday 26 May.
    let mut rule = builtin_rule("frcp-motion-before-hearing").unwrap();
    rule.roll = RollPolicy::Forward;
    let out = compute_with(&rule, Trigger::Day(d("2026-06-08")), None, US, NONE).unwrap();
    assert_eq!(out.due, d("2026-05-26"));
}

#[test]
fn clerk_office_closure_on_the_last_day_extends() {
    let closed = crate::calendar::HolidayList::new("storm", [d("2026-03-23")]).unwrap();
    let rule = builtin_rule("frcp-answer").unwrap();
    let input = DeadlineInput {
        trigger: Trigger::Day(d("2026-03-02")),
        service: None,
        holidays: &crate::calendar::UsFederal,
        closures: &closed,
    };
    let out = rule.compute(&input).unwrap();
    assert_eq!(out.due, d("2026-03-24"));
    assert!(cites(&out, "FRCP 6(a)(3)(A)"));
    // Not a court-office act: no extension.
    let mut not_filed = rule.clone();
    not_filed.court_office_act = false;
    assert_eq!(not_filed.compute(&input).unwrap().due, d("2026-03-23"));
}

#[test]
fn longer_periods_and_months() {
    // Judgment entered Friday 4 December 2026: 28 days → Friday 1 January 2027, a holiday.
    assert_eq!(
        run("frcp-59-motion", "2026-12-04", None, US, NONE).due,
        d("2027-01-04")
    );
    // Notice of appeal: 30 days after Wednesday 1 July 2026 = Friday 31 July.
    assert_eq!(
        run("frap-4-notice-of-appeal", "2026-07-01", None, US, NONE).due,
        d("2026-07-31")
    );
    let mut monthly = rule(
        1,
        PeriodUnit::Months,
        Direction::After,
        CountingMethod::Frcp6,
    );
    monthly.roll = RollPolicy::None;
    let one_month = |r: &DeadlineRule| {
        compute_with(r, Trigger::Day(d("2027-01-31")), None, US, NONE)
            .unwrap()
            .due
    };
    assert_eq!(one_month(&monthly), d("2027-02-28"));
    monthly.options.month_end = MonthEndReading::NextMonthStart;
    assert_eq!(one_month(&monthly), d("2027-03-01"));
    let weeks = rule(
        2,
        PeriodUnit::Weeks,
        Direction::After,
        CountingMethod::Frcp6,
    );
    let out = compute_with(&weeks, Trigger::Day(d("2026-03-02")), None, US, NONE).unwrap();
    assert_eq!(out.due, d("2026-03-16"));
}

#[test]
fn same_clock_time_after_clocks_go_back_and_day_periods_from_a_moment() {
    let rule = builtin_rule("frcp-hours-example").unwrap();
    let ny: chrono_tz::Tz = "America/New_York".parse().unwrap();
    // Friday 30 October 2026 01:30 EDT + 48 h = Sunday 1 November 01:30 EDT (clocks go back
    // at 02:00 that day) → 01:30 EST on Monday 2 November.
    let at = Utc.with_ymd_and_hms(2026, 10, 30, 5, 30, 0).unwrap();
    let out = compute_with(&rule, Trigger::Moment { at, zone: ny }, None, US, NONE).unwrap();
    assert_eq!(
        out.due_at,
        Some(Utc.with_ymd_and_hms(2026, 11, 2, 6, 30, 0).unwrap())
    );
    // A day period from a moment uses the court's local date: 03:00 UTC on 3 March is
    // 22:00 EST on Monday 2 March, so the answer is due on 23 March.
    let at = Utc.with_ymd_and_hms(2026, 3, 3, 3, 0, 0).unwrap();
    let answer = builtin_rule("frcp-answer").unwrap();
    let out = compute_with(&answer, Trigger::Moment { at, zone: ny }, None, US, NONE).unwrap();
    assert_eq!(out.due, d("2026-03-23"));
    assert_eq!(out.due_at, None);
    // Fourteen days after notice of a Rule 12 ruling falls on the same weekday.
    let out = run(
        "frcp-responsive-pleading-after-rule-12",
        "2026-03-04",
        None,
        US,
        NONE,
    );
    assert_eq!(out.due, d("2026-03-18"));
}
