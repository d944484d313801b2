//! UTBMS vectors (STANDARDS §2.5) and lookup behaviour.

use super::*;
use crate::ErrorCode;

fn field_of(err: crate::LexcaseError) -> String {
    match err {
        crate::LexcaseError::Validation { field, .. } => field,
        other => panic!("not a validation error: {other:?}"),
    }
}

#[test]
fn set_sizes_match_the_standard_lists() {
    assert_eq!(utbms_codes(CodeSet::Litigation).len(), 34);
    assert_eq!(utbms_codes(CodeSet::Bankruptcy).len(), 25);
    assert_eq!(utbms_codes(CodeSet::Counseling).len(), 4);
    assert_eq!(utbms_codes(CodeSet::Project).len(), 1);
    assert_eq!(utbms_codes(CodeSet::Activity).len(), 11);
    assert_eq!(utbms_codes(CodeSet::Expense).len(), 24);
    for set in CodeSet::ALL {
        assert!(utbms_codes(set).iter().all(|c| c.set == set));
    }
}

#[test]
fn l330_is_depositions_in_discovery() {
    let c = utbms_code("L330").unwrap();
    assert_eq!(c.description, "Depositions");
    assert_eq!(c.set, CodeSet::Litigation);
    assert_eq!(c.phase.as_deref(), Some("L300"));
    assert!(!c.is_phase);
    let phase = utbms_code(c.phase.as_deref().unwrap()).unwrap();
    assert_eq!(phase.description, "Discovery");
    assert!(phase.is_phase);
    assert_eq!(phase.phase, None);
}

#[test]
fn activity_and_expense_descriptions() {
    assert_eq!(
        utbms_code("A106").unwrap().description,
        "Communicate (with client)"
    );
    assert_eq!(utbms_code("E112").unwrap().description, "Court fees");
    assert_eq!(utbms_code("E124").unwrap().description, "Other");
    assert_eq!(utbms_code("e112"), utbms_code("E112"));
    assert_eq!(utbms_code(" a106 "), utbms_code("A106"));
}

#[test]
fn phase_is_first_two_characters_and_00() {
    assert_eq!(utbms_code("L510").unwrap().phase.as_deref(), Some("L500"));
    assert_eq!(utbms_code("B185").unwrap().phase.as_deref(), Some("B100"));
    for code in ["L190", "L390"] {
        let c = utbms_code(code).unwrap();
        assert!(!c.is_phase, "{code} is an Other task, not a phase");
        assert!(check_code(CodeKind::Task, code).is_ok());
    }
    for set in [CodeSet::Litigation, CodeSet::Bankruptcy] {
        for c in utbms_codes(set).iter().filter(|c| !c.is_phase) {
            let phase = c.phase.as_deref().unwrap();
            assert_eq!(&phase[..2], &c.code[..2]);
            assert!(utbms_code(phase).unwrap().is_phase);
        }
    }
    for set in [
        CodeSet::Counseling,
        CodeSet::Project,
        CodeSet::Activity,
        CodeSet::Expense,
    ] {
        assert!(
            utbms_codes(set)
                .iter()
                .all(|c| c.phase.is_none() && !c.is_phase)
        );
    }
}

#[test]
fn codes_outside_the_aba_lists_are_refused() {
    for code in ["L170", "L600", "E125", "A112", "", "X1", "L33"] {
        assert!(utbms_code(code).is_none(), "{code}");
    }
    assert_eq!(
        field_of(check_code(CodeKind::Task, "L170").unwrap_err()),
        "task_code"
    );
    assert_eq!(
        field_of(check_code(CodeKind::Task, "L600").unwrap_err()),
        "task_code"
    );
    assert_eq!(
        field_of(check_code(CodeKind::Expense, "E125").unwrap_err()),
        "expense_code"
    );
    assert_eq!(
        field_of(check_code(CodeKind::Activity, "A112").unwrap_err()),
        "activity_code"
    );
}

#[test]
fn check_code_wants_the_right_kind() {
    // The §1.6 sample: fee lines carry L510 + A102/A107, expense lines E111/E110.
    assert!(check_code(CodeKind::Task, "L510").is_ok());
    assert!(check_code(CodeKind::Activity, "A102").is_ok());
    assert!(check_code(CodeKind::Activity, "A107").is_ok());
    assert!(check_code(CodeKind::Expense, "E111").is_ok());
    assert!(check_code(CodeKind::Expense, "E110").is_ok());
    assert!(check_code(CodeKind::Task, "C300").is_ok());
    assert!(check_code(CodeKind::Task, "P100").is_ok());
    assert!(check_code(CodeKind::Task, "B185").is_ok());
    let err = check_code(CodeKind::Task, "L300").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert_eq!(field_of(err), "task_code");
    assert_eq!(
        field_of(check_code(CodeKind::Task, "A102").unwrap_err()),
        "task_code"
    );
    assert_eq!(
        field_of(check_code(CodeKind::Activity, "L510").unwrap_err()),
        "activity_code"
    );
    assert_eq!(
        field_of(check_code(CodeKind::Expense, "A102").unwrap_err()),
        "expense_code"
    );
}

#[test]
fn code_policy_restricts_sets_and_codes() {
    let open = CodePolicy::default();
    assert!(open.check(CodeKind::Task, "B110").is_ok());
    let lit_only = CodePolicy {
        task_sets: vec![CodeSet::Litigation],
        allowed: vec![],
    };
    assert!(lit_only.check(CodeKind::Task, "L110").is_ok());
    assert_eq!(
        field_of(lit_only.check(CodeKind::Task, "B110").unwrap_err()),
        "task_code"
    );
    assert!(lit_only.check(CodeKind::Activity, "A101").is_ok());
    let listed = CodePolicy {
        task_sets: vec![],
        allowed: vec!["l300".into(), "A101".into(), "E112".into()],
    };
    assert!(listed.check(CodeKind::Task, "L330").is_ok());
    assert!(listed.check(CodeKind::Task, "L110").is_err());
    assert!(listed.check(CodeKind::Activity, "a101").is_ok());
    assert!(listed.check(CodeKind::Activity, "A102").is_err());
    assert!(listed.check(CodeKind::Expense, "E112").is_ok());
    assert!(listed.validate().is_ok());
    let typo = CodePolicy {
        task_sets: vec![],
        allowed: vec!["L33O".into()],
    };
    assert_eq!(field_of(typo.validate().unwrap_err()), "allowed");
    let json = serde_json::to_string(&lit_only).unwrap();
    assert_eq!(json, r#"{"task_sets":["litigation"],"allowed":[]}"#);
    assert_eq!(serde_json::from_str::<CodePolicy>("{}").unwrap(), open);
}

#[test]
fn stable_names_match_serde() {
    for set in CodeSet::ALL {
        assert_eq!(
            serde_json::to_value(set).unwrap(),
            serde_json::json!(set.as_str())
        );
        assert_eq!(set.as_str().parse::<CodeSet>().unwrap(), set);
    }
    for kind in CodeKind::ALL {
        assert_eq!(
            serde_json::to_value(kind).unwrap(),
            serde_json::json!(kind.as_str())
        );
    }
    assert!("Litigation".parse::<CodeSet>().is_err());
}
