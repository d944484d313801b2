//! CPR 2.8, Limitation Act 1980 and SDLT worked examples.

use super::test_support::*;
use super::*;

const EW: &str = "england-wales";
const OFFICE: &str = "ew-court-office";
const NONE: &str = "weekends-only";

#[test]
fn claim_form_is_served_within_four_calendar_months() {
    // CPR 7.5: issued 1 November 2017 → step by midnight on 1 March 2018.
    let out = run("cpr-claim-form-service", "2017-11-01", None, EW, OFFICE);
    assert_eq!(out.due, d("2018-03-01"));
    assert!(cites(&out, "CPR 2.10"));
}

#[test]
fn the_official_cpr_examples() {
    // "Notice of an application must be served at least 3 days before the hearing. An
    // application is to be heard on Friday 20 October. The last date for service is Monday
    // 16 October."
    let out = run("cpr-application-notice", "2017-10-20", None, EW, OFFICE);
    assert_eq!(out.due, d("2017-10-16"));
    // "Particulars of claim must be served within 14 days after service of the claim form.
    // The claim form is served on 2 October. The last day is 16 October."
    let fourteen = rule(
        14,
        PeriodUnit::Days,
        Direction::After,
        CountingMethod::Cpr2_8,
    );
    let out = compute_with(&fourteen, Trigger::Day(d("2017-10-02")), None, EW, OFFICE).unwrap();
    assert_eq!(out.due, d("2017-10-16"));
}

#[test]
fn three_clear_days_before_a_monday_hearing_skip_the_weekend() {
    // Hearing Monday 9 March 2026: Friday 6, Thursday 5 and Wednesday 4 are the clear days.
    let out = run("cpr-application-notice", "2026-03-09", None, EW, OFFICE);
    assert_eq!(out.due, d("2026-03-03"));
    let skipped: Vec<_> = out
        .trace
        .iter()
        .filter(|s| s.provision == "CPR 2.8(4)")
        .map(|s| s.date)
        .collect();
    assert_eq!(skipped, [d("2026-03-08"), d("2026-03-07")]);
    assert_eq!(out.trace[0].provision, "CPR 2.8(3)(b)");
    assert_eq!(out.trace.last().unwrap().date, out.due);
}

#[test]
fn short_periods_skip_good_friday_and_bank_holidays() {
    // 5 days after Thursday 2 April 2026: Good Friday, the weekend and Easter Monday do not
    // count, so the days are 7, 8, 9, 10 and 13 April.
    let five = rule(
        5,
        PeriodUnit::Days,
        Direction::After,
        CountingMethod::Cpr2_8,
    );
    let out = compute_with(&five, Trigger::Day(d("2026-04-02")), None, EW, NONE).unwrap();
    assert_eq!(out.due, d("2026-04-13"));
    assert!(
        out.trace
            .iter()
            .any(|s| s.explanation.contains("Good Friday"))
    );
    // Christmas Day never counts, even with a calendar that lacks it.
    let two = rule(
        2,
        PeriodUnit::Days,
        Direction::After,
        CountingMethod::Cpr2_8,
    );
    let out = compute_with(&two, Trigger::Day(d("2029-12-24")), None, NONE, NONE).unwrap();
    assert_eq!(out.due, d("2029-12-27"));
    // Six days is not a short period: weekends count.
    let six = rule(
        6,
        PeriodUnit::Days,
        Direction::After,
        CountingMethod::Cpr2_8,
    );
    let out = compute_with(&six, Trigger::Day(d("2026-04-02")), None, EW, NONE).unwrap();
    assert_eq!(out.due, d("2026-04-08"));
}

#[test]
fn court_office_closed_on_the_last_day_gives_the_next_open_day() {
    // Particulars served Thursday 13 December 2029; day 14 is Thursday 27 December, a PD 2A
    // closure day (not a bank holiday) → in time on Friday 28 December.
    let out = run(
        "cpr-acknowledgment-of-service",
        "2029-12-13",
        None,
        EW,
        OFFICE,
    );
    assert_eq!(out.due, d("2029-12-28"));
    assert!(cites(&out, "CPR 2.8(5)"));
    // Served 14 March 2026: day 28 is Saturday 11 April → Monday 13 April.
    let out = run(
        "cpr-defence-after-acknowledgment",
        "2026-03-14",
        None,
        EW,
        OFFICE,
    );
    assert_eq!(out.due, d("2026-04-13"));
    // A step that is not done at the court office does not move.
    let out = run("cpr-claim-form-service", "2029-08-27", None, EW, OFFICE);
    assert_eq!(out.due, d("2029-12-27"));
}

#[test]
fn limitation_runs_to_the_anniversary() {
    // Tort accrued 10 June 2019: time runs from 11 June, the last day is 10 June 2025.
    let out = run("limitation-tort", "2019-06-10", None, EW, OFFICE);
    assert_eq!(out.due, d("2025-06-10"));
    assert_eq!(out.trace[0].provision, "Limitation Act 1980 s.2");
    assert_eq!(
        run("limitation-contract", "2019-06-10", None, EW, OFFICE).due,
        d("2025-06-10")
    );
    assert_eq!(
        run("limitation-specialty", "2019-06-10", None, EW, OFFICE).due,
        d("2031-06-10")
    );
    assert_eq!(
        run("limitation-defamation", "2025-06-10", None, EW, OFFICE).due,
        d("2026-06-10")
    );
    assert_eq!(
        run("limitation-personal-injury", "2023-02-01", None, EW, OFFICE).due,
        d("2026-02-02"),
        "1 Feb 2026 is a Sunday: issue on Monday is in time"
    );
    // 15 March 2026 is a Sunday: the court office is closed, issue on Monday 16 March.
    let out = run(
        "limitation-recovery-of-land",
        "2014-03-15",
        None,
        EW,
        OFFICE,
    );
    assert_eq!(out.due, d("2026-03-16"));
    assert_eq!(out.trace.last().unwrap().date, out.due);
    // A leap-day accrual: the last day of February (the corresponding-date rule).
    assert_eq!(
        run("limitation-defamation", "2024-02-29", None, EW, NONE).due,
        d("2025-02-28")
    );
}

#[test]
fn sdlt_return_is_due_fourteen_days_after_completion_without_roll() {
    assert_eq!(
        run("sdlt-return", "2026-06-01", None, EW, OFFICE).due,
        d("2026-06-15")
    );
    // Completion Saturday 6 June: the 14th day is Saturday 20 June and stays there.
    assert_eq!(
        run("sdlt-return", "2026-06-06", None, EW, OFFICE).due,
        d("2026-06-20")
    );
}
