//! Helpers shared by the deadline tests.

use chrono::NaiveDate;

use super::*;
use crate::calendar::named;

/// A date from `YYYY-MM-DD`.
pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Computes built-in rule `id` from a trigger day with named calendars.
pub fn run(
    id: &str,
    trigger: &str,
    service: Option<ServiceMethod>,
    holidays: &str,
    closures: &str,
) -> ComputedDeadline {
    let rule = builtin_rule(id).unwrap_or_else(|| panic!("no built-in rule {id}"));
    compute_with(&rule, Trigger::Day(d(trigger)), service, holidays, closures).unwrap()
}

/// Computes `rule` with named calendars.
pub fn compute_with(
    rule: &DeadlineRule,
    trigger: Trigger,
    service: Option<ServiceMethod>,
    holidays: &str,
    closures: &str,
) -> crate::Result<ComputedDeadline> {
    let holidays = named(holidays).unwrap();
    let closures = named(closures).unwrap();
    rule.compute(&DeadlineInput {
        trigger,
        service,
        holidays: holidays.as_ref(),
        closures: closures.as_ref(),
    })
}

/// Whether the trace cites `provision`.
pub fn cites(out: &ComputedDeadline, provision: &str) -> bool {
    out.trace.iter().any(|s| s.provision == provision)
}

/// A plain rule to vary in tests.
pub fn rule(
    amount: u32,
    unit: PeriodUnit,
    direction: Direction,
    method: CountingMethod,
) -> DeadlineRule {
    DeadlineRule {
        id: "test-rule".into(),
        title: "Test act".into(),
        citation: "Test rule 1".into(),
        period: Period { amount, unit },
        direction,
        method,
        roll: RollPolicy::Auto,
        service_days: false,
        court_office_act: false,
        options: ReadingOptions::default(),
        holidays: None,
        closures: None,
        answers: Question::default(),
        versions: Vec::new(),
    }
}
