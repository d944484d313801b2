//! Deadline rules and computation without a database: the built-in rules and packs, a
//! firm's own packs from TOML or JSON, and computing a deadline without docketing it.

use lexcase::calendar::CalendarSpec;
use lexcase::deadlines::{DeadlineInput, builtin_rule as core_builtin_rule};

use crate::error::{LexcaseError, Result};
use crate::records::{ComputedDeadline, DeadlineRule, RulePack, ServiceMethod, Trigger};

/// The built-in rule with `id` (e.g. `frcp-answer`, `cpr-defence-after-acknowledgment`),
/// searching every built-in pack; an unknown id is a `Validation` error (field `rule`).
#[uniffi::export]
pub fn builtin_rule(id: String) -> Result<DeadlineRule> {
    core_builtin_rule(&id).ok_or_else(|| LexcaseError::Validation {
        field: "rule".to_owned(),
        reason: "no built-in rule has this id".to_owned(),
        detail: None,
    })
}

/// The built-in rule packs: `frcp`, `cpr`, `limitation-ew` and `sdlt`.
#[uniffi::export]
pub fn builtin_rule_packs() -> Vec<RulePack> {
    RulePack::builtin()
}

/// Parses and validates a rule pack from TOML (`[[rules]]` tables); text that does not parse
/// or a bad rule is a `Validation` error.
#[uniffi::export]
pub fn rule_pack_from_toml(text: String) -> Result<RulePack> {
    Ok(RulePack::from_toml(&text)?)
}

/// Parses and validates a rule pack from JSON; text that does not parse or a bad rule is a
/// `Validation` error.
#[uniffi::export]
pub fn rule_pack_from_json(text: String) -> Result<RulePack> {
    Ok(RulePack::from_json(&text)?)
}

/// Computes `rule` from `trigger` without docketing it, with the trace of every step.
/// `holidays` and `closures` are calendar specs (`us-federal`, `england-wales+firm`…); null
/// takes the rule's usual ones. Without a database `firm` means no holidays beyond weekends.
/// A bad rule, an unknown calendar or zone, or an hours period from a day is a `Validation`
/// error.
#[uniffi::export]
pub fn compute_deadline(
    rule: DeadlineRule,
    trigger: Trigger,
    service: Option<ServiceMethod>,
    holidays: Option<CalendarSpec>,
    closures: Option<CalendarSpec>,
) -> Result<ComputedDeadline> {
    let holidays = holidays
        .unwrap_or_else(|| rule.usual_holidays())
        .resolve(None)?;
    let closures = closures
        .unwrap_or_else(|| rule.usual_closures())
        .resolve(None)?;
    let input = DeadlineInput {
        trigger,
        service,
        holidays: holidays.as_ref(),
        closures: closures.as_ref(),
    };
    Ok(rule.compute(&input)?)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::records::{Period, PeriodUnit};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn builtin_rules_compute_and_unknown_ids_are_refused() {
        let answer = builtin_rule("frcp-answer".into()).unwrap();
        let computed = compute_deadline(
            answer.clone(),
            Trigger::Day(day(2026, 3, 7)),
            None,
            None,
            None,
        )
        .unwrap();
        assert_eq!(computed.due, day(2026, 3, 30));
        assert_eq!(computed.trace.last().unwrap().date, computed.due);
        assert!(matches!(
            builtin_rule("no-such-rule".into()),
            Err(LexcaseError::Validation { field, .. }) if field == "rule"
        ));
        let zero = DeadlineRule {
            period: Period {
                amount: 0,
                unit: PeriodUnit::Days,
            },
            ..answer
        };
        assert!(matches!(
            compute_deadline(
                zero,
                Trigger::Day(day(2026, 3, 7)),
                None,
                None,
                None
            ),
            Err(LexcaseError::Validation { field, .. }) if field == "period"
        ));
        let packs = builtin_rule_packs();
        assert_eq!(
            packs.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["frcp", "cpr", "limitation-ew", "sdlt"]
        );
        assert!(matches!(
            rule_pack_from_json("{".into()),
            Err(LexcaseError::Validation { field, .. }) if field == "rule_pack"
        ));
    }
}
