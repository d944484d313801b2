//! Rules that cannot be evaluated on a matter are findings, not errors; the evaluation budget
//! refuses costly or deep conditions at load and reports a rule over budget on a matter.

use super::*;
use crate::LexcaseError;

fn pack(condition: &str) -> String {
    format!(
        "id = \"t\"\nversion = 1\ntitle = \"T\"\n[[rules]]\nid = \"r\"\nversion = 4\ntitle = \"R\"\ncondition = '''{condition}'''\nseverity = \"block\"\nmessage = \"m\"\nremedy = \"Fix it.\"\n[[rules]]\nid = \"s\"\nversion = 1\ntitle = \"S\"\ncondition = \"true\"\nseverity = \"info\"\nmessage = \"always\"\nremedy = \"none\"\n"
    )
}

fn refused(condition: &str) -> String {
    match CompliancePack::from_toml(&pack(condition)) {
        Err(LexcaseError::Validation { reason, .. }) => reason,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn party(name: &str) -> PartyFacts {
    PartyFacts {
        name: name.into(),
        ..PartyFacts::default()
    }
}

#[test]
fn a_rule_that_fails_at_run_time_is_a_finding_and_the_others_still_run() {
    let p = CompliancePack::from_toml(&pack("1 / 0 == 1")).unwrap();
    let found = evaluate(&[p], &Facts::default(), Checkpoint::Sweep).unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
    let failed = &found[0];
    assert_eq!(
        (
            failed.rule.as_str(),
            failed.version,
            failed.kind,
            failed.severity
        ),
        ("r", 4, FindingKind::NotEvaluated, Severity::Block)
    );
    assert!(
        failed.message.contains("division by zero"),
        "{}",
        failed.message
    );
    assert!(failed.facts.is_empty());
    assert_eq!(
        (found[1].rule.as_str(), found[1].kind),
        ("s", FindingKind::Breach)
    );
}

#[test]
fn keys_computed_from_the_facts_stay_out_of_the_message() {
    let p = CompliancePack::from_toml(&pack("matter.custom[parties[0].name] == 'x'")).unwrap();
    let f = Facts {
        parties: vec![party("Jane Secretclient")],
        ..Facts::default()
    };
    let found = evaluate(&[p], &f, Checkpoint::Sweep).unwrap();
    assert_eq!(found[0].kind, FindingKind::NotEvaluated);
    assert!(
        !found[0].message.contains("Secretclient"),
        "{}",
        found[0].message
    );
    assert!(found[0].message.contains("map key"));
}

#[test]
fn a_result_that_is_not_a_bool_on_some_matter_is_a_finding() {
    let p = CompliancePack::from_toml(&pack("parties.size() > 1 ? 1 : true")).unwrap();
    let f = Facts {
        parties: vec![party("A"), party("B")],
        ..Facts::default()
    };
    let found = evaluate(&[p], &f, Checkpoint::Sweep).unwrap();
    assert_eq!(found[0].kind, FindingKind::NotEvaluated);
    assert!(found[0].message.contains("not bool"));
}

#[test]
fn a_rule_over_budget_on_a_large_matter_is_a_finding() {
    let condition = "parties.exists(a, parties.exists(b, a.name == b.name && a.role != b.role))";
    let p = CompliancePack::from_toml(&pack(condition)).unwrap();
    let mut f = Facts {
        parties: (0..50).map(|i| party(&format!("P{i}"))).collect(),
        ..Facts::default()
    };
    let found = evaluate(std::slice::from_ref(&p), &f, Checkpoint::Sweep).unwrap();
    assert!(
        found.iter().all(|x| x.kind == FindingKind::Breach),
        "{found:?}"
    );
    f.parties = (0..2_000).map(|i| party(&format!("P{i}"))).collect();
    let found = evaluate(&[p], &f, Checkpoint::Sweep).unwrap();
    assert_eq!(found[0].kind, FindingKind::NotEvaluated);
    assert!(found[0].message.contains("budget"), "{}", found[0].message);
}

#[test]
fn conditions_over_the_budget_are_refused_at_load() {
    // Evaluation recurses once per level: a long chain would overflow the stack.
    let chain = format!("{} > 0", vec!["1"; 400].join("+"));
    assert!(refused(&chain).contains("operator characters"));
    let deep = format!("{} > 0", vec!["1"; 120].join(" + "));
    assert!(
        refused(&deep).contains("nested 121 deep"),
        "{}",
        refused(&deep)
    );
    let parens = format!("{}1{} == 1", "(".repeat(60), ")".repeat(60));
    assert!(refused(&parens).contains("budget"));
    let long = format!("'{}' == matter.title", "x".repeat(2_500));
    assert!(refused(&long).contains("budget"));
    let loops = "[1].all(a, [1].all(b, [1].all(c, [1].all(d, true))))";
    assert!(refused(loops).contains("loops nested 4 deep"));
    let costly = "parties.all(a, parties.all(b, parties.all(c, a.name != '')))";
    assert!(refused(costly).contains("steps"));
    let nodes = format!("[{}].size() > 0", vec!["1"; 600].join(","));
    assert!(refused(&nodes).contains("nodes"));
    // Within the budget.
    assert!(
        CompliancePack::from_toml(&pack("parties.exists(a, clients.all(c, c.name != a.name))"))
            .is_ok()
    );
}

#[test]
fn rules_in_force_that_no_longer_load_are_findings() {
    let mut p = CompliancePack::from_toml(&pack("true")).unwrap();
    p.rules[0].condition = "1 + 1 + 1 > 0 && nope".into();
    assert!(CompiledPacks::new(vec![p.clone()]).is_err());
    let compiled = CompiledPacks::in_force(vec![p]).unwrap();
    let found = compiled
        .evaluate(&Facts::default(), Checkpoint::Sweep)
        .unwrap();
    assert_eq!(found[0].kind, FindingKind::NotEvaluated);
    assert!(
        found[0].message.contains("does not load"),
        "{}",
        found[0].message
    );
    assert!(found[0].message.contains("unknown fact"));
    assert_eq!(found[1].kind, FindingKind::Breach);
}

#[test]
fn pack_tests_fail_on_rules_that_cannot_be_evaluated() {
    let text = format!(
        "{}[[tests]]\nname = \"quiet\"\nexpect = [\"s\"]\n",
        pack("1 / 0 == 1")
    );
    let outcomes = CompliancePack::from_toml(&text).unwrap().run_tests();
    assert!(!outcomes[0].passed);
    assert_eq!(outcomes[0].fired, ["s"]);
    assert!(
        outcomes[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("rule `r`"))
    );
}

#[test]
fn finding_kinds_have_stable_names() {
    for k in FindingKind::ALL {
        assert_eq!(k.as_str().parse::<FindingKind>().unwrap(), k);
        assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
    }
    // Findings serialised before kinds existed read as breaches.
    let old = r#"{"pack":"p","rule":"r","version":1,"title":"T","severity":"warn","message":"m","remedy":"r","facts":{}}"#;
    let finding: Finding = serde_json::from_str(old).unwrap();
    assert_eq!(finding.kind, FindingKind::Breach);
}

#[test]
fn the_deepest_condition_accepted_evaluates_on_a_small_stack() {
    // Just within MAX_DEPTH (a chain of n terms is n + 1 deep), on a JVM-sized stack.
    let chain = format!("{} > 0", vec!["1"; budget::MAX_DEPTH - 1].join(" + "));
    let p = CompliancePack::from_toml(&pack(&chain)).unwrap();
    let deeper = format!("{} > 0", vec!["1"; budget::MAX_DEPTH + 1].join(" + "));
    assert!(refused(&deeper).contains("nested"));
    let found = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || evaluate(&[p], &Facts::default(), Checkpoint::Sweep).unwrap())
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(found[0].kind, FindingKind::Breach);
}
