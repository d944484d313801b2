//! A compliance rule that cannot be evaluated on a matter is a finding of that rule, not a
//! failed evaluation, sweep or opening; packs over the evaluation budget are refused at load;
//! installing or testing a pack needs `manage_firm` before anything is compiled.

use lexcase::ErrorCode;
use lexcase::rules::{CompliancePack, FindingKind, Severity};
use lexcase::workflow::MoveOutcome;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

/// A block rule at matter opening whose condition fails at run time on every matter.
const DIVIDING_PACK: &str = r#"
id = "dividing"
version = 1
title = "A rule that divides by zero"

[[rules]]
id = "divide"
version = 3
title = "Divides by zero"
on = ["matter_opening"]
condition = "1 / 0 == 1"
severity = "block"
message = "never shown for {matter.title}"
remedy = "none"
"#;

/// Evaluate, sweep, open and open_overriding all answer; the rule's finding says it could
/// not be evaluated (rule id and version, no client data) and blocks opening like a breach,
/// so an authorised user opens past it with a reason.
pub fn rules_that_fail_at_run_time_are_findings(store: SharedStore) {
    let f = Fixture::new(store);
    let pack = CompliancePack::from_toml(DIVIDING_PACK).unwrap();
    f.admin.compliance().install_pack(pack).unwrap();
    let m = f.matter("Secret Acquisition of Widget Co");

    let found = f.fee_earner.compliance().evaluate(m.id).unwrap();
    let [only] = found.findings.as_slice() else {
        panic!("{found:?}")
    };
    let finding = &only.finding;
    assert_eq!(finding.kind, FindingKind::NotEvaluated);
    assert_eq!(
        (
            finding.pack.as_str(),
            finding.rule.as_str(),
            finding.version
        ),
        ("dividing", "divide", 3)
    );
    assert_eq!(finding.severity, Severity::Block);
    assert!(finding.message.contains("divide"), "{}", finding.message);
    assert!(finding.message.contains("could not be evaluated"));
    assert!(!finding.message.contains("Widget"), "no client data");
    assert!(finding.facts.is_empty(), "no client data");

    let sweep = f.partner.compliance().sweep().unwrap();
    assert!(
        sweep
            .iter()
            .any(|c| c.matter == m.id && c.findings[0].finding.kind == FindingKind::NotEvaluated)
    );

    let blocked = f.fee_earner.matters().open(m.id, m.version).unwrap_err();
    assert!(
        matches!(&blocked, lexcase::LexcaseError::Validation { field, reason, .. } if field == "rules" && reason.contains("divide")),
        "{blocked:?}"
    );
    let opened = f
        .partner
        .matters()
        .open_overriding(m.id, m.version, "checked by hand")
        .unwrap();
    assert_eq!(opened.status.as_str(), "open");
    let overrides = f.partner.compliance().overrides(m.id).unwrap();
    assert_eq!(
        (overrides[0].rule.as_str(), overrides[0].version),
        ("divide", 3)
    );
    let after = f.partner.compliance().evaluate(m.id).unwrap();
    assert!(after.findings[0].overridden.is_some());

    // A rule failing at a stage advance blocks the move like a breached rule, and an
    // authorised user moves past it with a reason.
    let stage_pack = DIVIDING_PACK
        .replace("id = \"dividing\"", "id = \"dividing-stages\"")
        .replace("id = \"divide\"", "id = \"divide_at_stage\"")
        .replace("matter_opening", "stage_advance");
    let stage_pack = CompliancePack::from_toml(&stage_pack).unwrap();
    f.admin.compliance().install_pack(stage_pack).unwrap();
    let w = f
        .fee_earner
        .workflow()
        .start(m.id, "ew-residential-purchase", None)
        .unwrap();
    let result = f
        .fee_earner
        .workflow()
        .move_to(m.id, w.version, "pre_exchange", None)
        .unwrap();
    let MoveOutcome::Blocked(blockers) = &result.outcome else {
        panic!("expected a block")
    };
    let blocker = blockers
        .iter()
        .find(|b| b.source == "rule:divide_at_stage")
        .expect("the rule blocks");
    assert!(blocker.message.contains("could not be evaluated"));
    let moved = f
        .partner
        .workflow()
        .move_to(m.id, w.version, "pre_exchange", Some("checked by hand"))
        .unwrap();
    assert!(matches!(moved.outcome, MoveOutcome::Moved(_)));
}

/// A pack whose own test case hits a run-time error is refused at install; a condition over
/// the evaluation budget (loops nested too deep) is refused at load; installing or testing a
/// pack needs `manage_firm` before the pack is even compiled.
pub fn packs_are_checked_for_budget_and_capability_first(store: SharedStore) {
    let f = Fixture::new(store);
    let tested = format!(
        "{DIVIDING_PACK}\n[[tests]]\nname = \"quiet\"\ncheckpoint = \"matter_opening\"\nexpect = []\n"
    );
    let tested = CompliancePack::from_toml(&tested).unwrap();
    let outcomes = f.admin.compliance().test_pack(&tested).unwrap();
    assert!(!outcomes[0].passed);
    assert!(
        outcomes[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("divide")),
        "{outcomes:?}"
    );
    assert_invalid(f.admin.compliance().install_pack(tested.clone()), "tests");

    let nested = DIVIDING_PACK.replace(
        "1 / 0 == 1",
        "[1, 2].all(a, [1, 2].all(b, [1, 2].all(c, [1, 2].all(d, a + b + c + d > 0))))",
    );
    match CompliancePack::from_toml(&nested) {
        Err(lexcase::LexcaseError::Validation { field, reason, .. }) => {
            assert_eq!(field, "rule_pack");
            assert!(reason.contains("budget"), "{reason}");
        }
        other => panic!("{other:?}"),
    }

    // Without manage_firm: refused before compiling, even a pack that would not load.
    let mut broken = tested;
    broken.rules[0].condition = "this is not CEL (".into();
    let fee_earner = f.fee_earner.compliance();
    assert_code(
        fee_earner.install_pack(broken.clone()),
        ErrorCode::PermissionDenied,
    );
    assert_code(fee_earner.test_pack(&broken), ErrorCode::PermissionDenied);
    assert_invalid(f.admin.compliance().test_pack(&broken), "rule_pack");
}
