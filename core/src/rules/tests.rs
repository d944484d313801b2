//! Tests of the rules engine.

use super::*;
use crate::LexcaseError;

fn facts(json: serde_json::Value) -> Facts {
    serde_json::from_value(json).unwrap()
}

fn pack_with(rule_toml: &str) -> String {
    format!("id = \"t\"\nversion = 1\ntitle = \"T\"\n[[rules]]\n{rule_toml}\n")
}

fn rule(condition: &str, message: &str) -> String {
    pack_with(&format!(
        "id = \"r\"\nversion = 2\ntitle = \"R\"\ncondition = '''{condition}'''\nseverity = \"warn\"\nmessage = \"{message}\"\nremedy = \"Fix it.\""
    ))
}

fn reason(result: crate::Result<RulePack>) -> String {
    match result {
        Err(LexcaseError::Validation { reason, .. }) => reason,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn builtin_packs_load_and_their_tests_pass() {
    let packs = RulePack::builtin();
    let ids: Vec<&str> = packs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["core", "ew-conveyancing", "ew-litigation", "us"]);
    for pack in &packs {
        let outcomes = pack.run_tests();
        assert!(!outcomes.is_empty());
        for o in &outcomes {
            assert!(o.passed, "{}: {o:?}", pack.id);
        }
    }
    CompiledPacks::new(packs).unwrap();
}

#[test]
fn every_builtin_rule_fires_and_passes_in_its_tests() {
    for pack in RulePack::builtin() {
        for rule in &pack.rules {
            assert!(
                pack.tests.iter().any(|t| t.expect.contains(&rule.id)),
                "{} fires in no test",
                rule.id
            );
        }
        assert!(pack.tests.iter().any(|t| t.expect.is_empty()));
    }
}

#[test]
fn builtin_sources_load_without_error() {
    for text in builtin::SOURCES {
        RulePack::from_toml(text).unwrap();
    }
}
