//! Rules that change: versions of a rule with the dates they are in force, chosen by the
//! trigger date and named in the trace.

use super::test_support::*;
use super::*;
use crate::LexcaseError;

const EW: &str = "england-wales";
const OFFICE: &str = "ew-court-office";

#[test]
fn sdlt_return_period_follows_the_effective_date() {
    // Effective date Thursday 28 February 2019: the 30-day period still applies → 30 March.
    let before = run("sdlt-return", "2019-02-28", None, EW, OFFICE);
    assert_eq!(before.due, d("2019-03-30"));
    // Effective date Friday 1 March 2019: Finance Act 2019's 14 days → 15 March.
    let after = run("sdlt-return", "2019-03-01", None, EW, OFFICE);
    assert_eq!(after.due, d("2019-03-15"));
    // The trace names the version in force, first.
    assert!(
        before.trace[0].explanation.contains("30 days"),
        "{:?}",
        before.trace
    );
    assert!(before.trace[0].explanation.contains("2019-02-28"));
    assert!(after.trace[0].explanation.contains("Finance Act 2019"));
    assert!(
        after
            .trace
            .iter()
            .any(|s| s.provision.contains("Finance Act 2019"))
    );
    assert!(
        !before
            .trace
            .iter()
            .any(|s| s.provision.contains("Finance Act 2019"))
    );
    // Today's transactions: 14 days.
    assert_eq!(
        run("sdlt-return", "2026-06-01", None, EW, OFFICE).due,
        d("2026-06-15")
    );
}

const VERSIONED: &str = r#"
id = "firm"
version = 1
title = "Firm rules"

[[rules]]
id = "firm-chaser"
title = "Chase the client"
citation = "Firm policy 4"
period = { amount = 10, unit = "days" }
direction = "after"
method = "calendar"
roll = "none"
service_days = false
court_office_act = false

[[rules.versions]]
name = "policy of 2024"
in_force_until = "2025-01-01"
period = { amount = 20, unit = "days" }
citation = "Firm policy 4 (2024)"

[[rules.versions]]
name = "policy of 2025"
in_force_from = "2025-01-01"
"#;

fn versioned() -> DeadlineRule {
    RulePack::from_toml(VERSIONED).unwrap().rules.remove(0)
}

fn due(rule: &DeadlineRule, trigger: &str) -> crate::Result<ComputedDeadline> {
    compute_with(
        rule,
        Trigger::Day(d(trigger)),
        None,
        "weekends-only",
        "weekends-only",
    )
}

#[test]
fn a_version_is_in_force_from_its_first_day_until_the_next_starts() {
    let rule = versioned();
    assert_eq!(rule.versions.len(), 2);
    assert_eq!(due(&rule, "2024-12-31").unwrap().due, d("2025-01-20"));
    assert_eq!(due(&rule, "2025-01-01").unwrap().due, d("2025-01-11"));
    let out = due(&rule, "2024-12-31").unwrap();
    assert_eq!(out.trace[0].provision, "Firm policy 4 (2024)");
    assert!(out.trace[0].explanation.contains("policy of 2024"));
    assert_eq!(out.trace.last().unwrap().provision, "Firm policy 4 (2024)");
    // Round trips through JSON and TOML.
    let pack = RulePack::from_toml(VERSIONED).unwrap();
    assert_eq!(
        RulePack::from_json(&serde_json::to_string(&pack).unwrap()).unwrap(),
        pack
    );
    assert_eq!(
        RulePack::from_toml(&toml::to_string(&pack).unwrap()).unwrap(),
        pack
    );
}

#[test]
fn a_trigger_no_version_covers_is_refused() {
    let mut rule = versioned();
    rule.versions.remove(1);
    match due(&rule, "2025-06-01") {
        Err(LexcaseError::Validation { field, reason, .. }) => {
            assert_eq!(field, "trigger");
            assert!(reason.contains("no version"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn versions_that_overlap_or_do_not_make_sense_are_refused() {
    let refused = |text: &str| match RulePack::from_toml(text) {
        Err(LexcaseError::Validation { field, .. }) => field == "versions",
        other => panic!("{other:?}"),
    };
    assert!(refused(&VERSIONED.replace(
        "in_force_until = \"2025-01-01\"",
        "in_force_until = \"2025-02-01\""
    )));
    assert!(refused(&VERSIONED.replace(
        "in_force_until = \"2025-01-01\"",
        "in_force_from = \"2025-01-01\"\nin_force_until = \"2024-01-01\""
    )));
    assert!(refused(
        &VERSIONED.replace("name = \"policy of 2025\"", "name = \"\"")
    ));
    assert!(refused(&VERSIONED.replace(
        "period = { amount = 20, unit = \"days\" }",
        "period = { amount = 20000, unit = \"days\" }"
    )));
    assert!(
        RulePack::from_toml(&VERSIONED.replace("name = \"policy of 2025\"", "nom = 1")).is_err()
    );
}

#[test]
fn rules_without_versions_and_stored_snapshots_keep_working() {
    // A rule as a docketed deadline stored it before versions and questions existed.
    let stored = r#"{"id":"frcp-answer","title":"Answer to complaint","citation":"FRCP 12(a)(1)(A)(i)","period":{"amount":21,"unit":"days"},"direction":"after","method":"frcp6","roll":"auto","service_days":false,"court_office_act":true,"options":{"service_days":"after_roll","month_end":"clamp"}}"#;
    let rule: DeadlineRule = serde_json::from_str(stored).unwrap();
    assert!(rule.versions.is_empty());
    assert_eq!(rule.answers, Question::LastDayForAct);
    assert_eq!(rule, builtin_rule("frcp-answer").unwrap());
    assert_eq!(serde_json::to_string(&rule).unwrap(), stored);
    let out = compute_with(
        &rule,
        Trigger::Day(d("2026-03-02")),
        None,
        "us-federal",
        "weekends-only",
    )
    .unwrap();
    assert_eq!(out.due, d("2026-03-23"));
    assert_eq!(out.trace[0].provision, "FRCP 6(a)(1)(A)");
}
