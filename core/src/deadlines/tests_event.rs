//! The other CPR 2.8 question: the earliest day a later event may take place when at least N
//! clear days must separate it from a step (both days excluded).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use proptest::prelude::*;

use super::test_support::*;
use super::*;
use crate::LexcaseError;
use crate::calendar::{HolidayCalendar, easter_sunday, named};

const EW: &str = "england-wales";
const OFFICE: &str = "ew-court-office";

/// "The hearing may take place no earlier than N clear days after service."
fn earliest_hearing(days: u32) -> DeadlineRule {
    let mut r = rule(
        days,
        PeriodUnit::Days,
        Direction::After,
        CountingMethod::Cpr2_8,
    );
    r.title = "Hearing of the application".into();
    r.roll = RollPolicy::None;
    r.answers = Question::EarliestDayForEvent;
    r
}

fn earliest(rule: &DeadlineRule, step: &str) -> ComputedDeadline {
    compute_with(rule, Trigger::Day(d(step)), None, EW, OFFICE).unwrap()
}

#[test]
fn three_clear_days_after_a_monday_step_give_a_friday_event() {
    // Step on Monday 1 June 2026; 2, 3 and 4 June are the clear days; the event may take place
    // on Friday 5 June at the earliest.
    let out = earliest(&earliest_hearing(3), "2026-06-01");
    assert_eq!(out.due, d("2026-06-05"));
    assert_eq!(out.trace[0].provision, "CPR 2.8(3)(a)");
    assert!(out.trace[0].explanation.contains("day of the step"));
    assert!(cites(&out, "CPR 2.8(3)(b)"));
    let last = out.trace.last().unwrap();
    assert_eq!(
        last.explanation,
        "earliest day for: Hearing of the application"
    );
    assert_eq!(last.date, out.due);
    // The built-in rule answers the same question.
    let builtin = run(
        "cpr-application-earliest-hearing",
        "2026-06-01",
        None,
        EW,
        OFFICE,
    );
    assert_eq!(builtin.due, d("2026-06-05"));
    assert!(
        builtin
            .trace
            .last()
            .unwrap()
            .explanation
            .starts_with("earliest day for: ")
    );
    // The other question on the same figures: an event on Friday 5 June needs the step by
    // Monday 1 June.
    let mut before = earliest_hearing(3);
    before.direction = Direction::Before;
    before.answers = Question::LastDayForAct;
    let out = compute_with(&before, Trigger::Day(d("2026-06-05")), None, EW, OFFICE).unwrap();
    assert_eq!(out.due, d("2026-06-01"));
    assert!(
        out.trace
            .last()
            .unwrap()
            .explanation
            .starts_with("last day for: ")
    );
}

#[test]
fn short_periods_skip_the_weekend_and_long_ones_do_not() {
    // Friday 5 June: Monday 8, Tuesday 9 and Wednesday 10 are clear → Thursday 11 June.
    assert_eq!(
        earliest(&earliest_hearing(3), "2026-06-05").due,
        d("2026-06-11")
    );
    // Seven clear days count the weekend: 6 to 12 June → Saturday 13 June; rolled forward
    // (never back: that would leave fewer clear days) to Monday 15 June.
    let seven = earliest_hearing(7);
    assert_eq!(earliest(&seven, "2026-06-05").due, d("2026-06-13"));
    let mut rolled = seven.clone();
    rolled.roll = RollPolicy::Forward;
    assert_eq!(earliest(&rolled, "2026-06-05").due, d("2026-06-15"));
    rolled.roll = RollPolicy::Auto;
    assert_eq!(earliest(&rolled, "2026-06-05").due, d("2026-06-15"));
}

#[test]
fn packs_say_which_question_a_rule_answers() {
    let text = r#"
id = "cpr-hearings"
version = 1
title = "Hearings"

[[rules]]
id = "earliest-hearing"
title = "Hearing of the application"
citation = "CPR 23.7(1)(b)"
period = { amount = 3, unit = "days" }
direction = "after"
method = "cpr2_8"
roll = "none"
service_days = false
court_office_act = false
answers = "earliest_day_for_event"
"#;
    let pack = RulePack::from_toml(text).unwrap();
    assert_eq!(pack.rules[0].answers, Question::EarliestDayForEvent);
    let json = serde_json::to_string(&pack).unwrap();
    assert!(
        json.contains(r#""answers":"earliest_day_for_event""#),
        "{json}"
    );
    assert_eq!(RulePack::from_json(&json).unwrap(), pack);
    // Existing packs keep their meaning: the default is the last day for the act, and it is
    // not written out.
    let cpr = builtin_rule("cpr-application-notice").unwrap();
    assert_eq!(cpr.answers, Question::LastDayForAct);
    assert!(!serde_json::to_string(&cpr).unwrap().contains("answers"));
    assert!(RulePack::from_toml(&text.replace("earliest_day_for_event", "soonest")).is_err());
}

#[test]
fn the_earliest_event_question_is_refused_where_it_has_no_meaning() {
    let refused = |r: &DeadlineRule| match r.validate() {
        Err(LexcaseError::Validation { field, .. }) => field == "answers",
        _ => false,
    };
    let mut before = earliest_hearing(3);
    before.direction = Direction::Before;
    assert!(refused(&before), "the event is after the step");
    let mut frcp = earliest_hearing(3);
    frcp.method = CountingMethod::Frcp6;
    assert!(refused(&frcp), "clear days are CPR 2.8");
    let mut months = earliest_hearing(3);
    months.period.unit = PeriodUnit::Months;
    assert!(refused(&months), "clear days are days");
    let mut back = earliest_hearing(3);
    back.roll = RollPolicy::Backward;
    assert!(refused(&back), "rolling back leaves fewer clear days");
    let mut office = earliest_hearing(3);
    office.court_office_act = true;
    assert!(
        refused(&office),
        "an event is not an act at the court office"
    );
    assert!(earliest_hearing(3).validate().is_ok());
}

/// Days strictly between `step` and `event` that count under CPR 2.8 for a period of `n` days.
fn clear_days_between(step: NaiveDate, event: NaiveDate, n: u32, cal: &dyn HolidayCalendar) -> u32 {
    let short = n <= 5;
    let mut count = 0;
    let mut day = step + Duration::days(1);
    while day < event {
        let good_friday = easter_sunday(day.year()).map(|e| e - Duration::days(2));
        let skipped = matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
            || (day.month() == 12 && day.day() == 25)
            || good_friday == Some(day)
            || cal.is_holiday(day);
        if !(short && skipped) {
            count += 1;
        }
        day += Duration::days(1);
    }
    count
}

proptest! {
    #[test]
    fn the_earliest_event_day_leaves_exactly_n_clear_days(
        offset in 0i64..12_000,
        n in 1u32..40,
        cal in prop::sample::select(vec!["england-wales", "weekends-only"]),
    ) {
        let step = d("2000-01-01") + Duration::days(offset);
        let rule = earliest_hearing(n);
        let out = compute_with(&rule, Trigger::Day(step), None, cal, "weekends-only").unwrap();
        let calendar = named(cal).unwrap();
        prop_assert_eq!(clear_days_between(step, out.due, n, calendar.as_ref()), n);
        // And no earlier day would do.
        let day_before = out.due - Duration::days(1);
        prop_assert!(clear_days_between(step, day_before, n, calendar.as_ref()) < n);
        prop_assert_eq!(out.trace.last().map(|s| s.date), Some(out.due));
    }
}
