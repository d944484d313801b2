//! Progression rules: gates, overrides, going back, jumping, pinning, the status report.

use chrono::{NaiveDate, Utc};

use super::*;
use crate::ids::{MatterId, UserId};
use crate::{ErrorCode, LexcaseError};

const TEMPLATE: &str = r#"
    id = "t"
    version = 1
    name = "T"
    practice_area = "general"

    [[stages]]
    id = "a"
    name = "A"
    allow_jump_to = ["c"]
    [[stages.items]]
    id = "a1"
    title = "First"
    kind = "confirmation"
    [[stages.items]]
    id = "a2"
    title = "Optional"
    kind = "confirmation"
    required = false

    [[stages]]
    id = "b"
    name = "B"
    gate = ["b2"]
    [[stages.items]]
    id = "b1"
    title = "Not gating"
    kind = "confirmation"
    [[stages.items]]
    id = "b2"
    title = "Gating"
    kind = "key_date"
    name = "completion"

    [[stages]]
    id = "c"
    name = "C"
    allow_back = true
    [[stages.items]]
    id = "c1"
    title = "Last"
    kind = "document"
    category = "letter"
"#;

fn template() -> WorkflowTemplate {
    WorkflowTemplate::from_toml(TEMPLATE).unwrap()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn done(by: UserId) -> ItemCompletion {
    ItemCompletion {
        by,
        at: Utc::now(),
        note: None,
    }
}

fn go(
    p: &mut WorkflowProgress,
    t: &WorkflowTemplate,
    to: &str,
    reason: Option<&str>,
) -> crate::Result<MoveOutcome> {
    p.move_to(t, to, &[], reason, UserId::new(), Utc::now(), day())
}

fn blocked_items(outcome: MoveOutcome) -> Vec<String> {
    match outcome {
        MoveOutcome::Blocked(b) => b.into_iter().filter_map(|b| b.item).collect(),
        MoveOutcome::Moved(m) => panic!("moved: {m:?}"),
    }
}

#[test]
fn the_checklist_gate_needs_required_items_and_explicit_gates_only_their_items() {
    let t = template();
    let u = UserId::new();
    let mut p = WorkflowProgress::start(&t, MatterId::new(), u, Utc::now(), day()).unwrap();
    assert_eq!(p.stage, "a");
    assert_eq!(blocked_items(go(&mut p, &t, "b", None).unwrap()), ["a1"]);
    assert_eq!(p.stage, "a", "a blocked move changes nothing");
    p.complete_item(&t, "a1", done(u)).unwrap();
    assert!(matches!(
        go(&mut p, &t, "b", None).unwrap(),
        MoveOutcome::Moved(_)
    ));
    // b's explicit gate names only b2.
    p.complete_item(&t, "b1", done(u)).unwrap();
    assert_eq!(blocked_items(go(&mut p, &t, "c", None).unwrap()), ["b2"]);
    p.reopen_item(&t, "b1").unwrap();
    p.complete_item(&t, "b2", done(u)).unwrap();
    assert!(matches!(
        go(&mut p, &t, "c", None).unwrap(),
        MoveOutcome::Moved(_)
    ));
}

#[test]
fn an_override_needs_a_reason_and_records_what_it_overrode() {
    let t = template();
    let mut p =
        WorkflowProgress::start(&t, MatterId::new(), UserId::new(), Utc::now(), day()).unwrap();
    assert_eq!(
        go(&mut p, &t, "b", Some("  ")).unwrap_err().code(),
        ErrorCode::Validation,
        "a blank reason is no reason"
    );
    let MoveOutcome::Moved(step) =
        go(&mut p, &t, "b", Some("client instructs us to proceed")).unwrap()
    else {
        panic!("not moved")
    };
    assert_eq!(step.kind, MoveKind::Override);
    assert_eq!(step.overridden.len(), 1);
    assert_eq!(
        step.reason.as_deref(),
        Some("client instructs us to proceed")
    );
    // A clear gate with a reason is an ordinary advance.
    p.complete_item(&t, "b2", done(UserId::new())).unwrap();
    let MoveOutcome::Moved(step) = go(&mut p, &t, "c", Some("why not")).unwrap() else {
        panic!()
    };
    assert_eq!(step.kind, MoveKind::Advance);
}

#[test]
fn going_back_and_jumping_only_where_the_template_allows() {
    let t = template();
    let u = UserId::new();
    let mut p = WorkflowProgress::start(&t, MatterId::new(), u, Utc::now(), day()).unwrap();
    let invalid = |r: crate::Result<MoveOutcome>| match r.unwrap_err() {
        LexcaseError::InvalidTransition { .. } => {}
        other => panic!("{other:?}"),
    };
    invalid(go(&mut p, &t, "a", None));
    // a → c is an allowed jump, gated by a's checklist.
    assert_eq!(blocked_items(go(&mut p, &t, "c", None).unwrap()), ["a1"]);
    p.complete_item(&t, "a1", done(u)).unwrap();
    let MoveOutcome::Moved(step) = go(&mut p, &t, "c", None).unwrap() else {
        panic!()
    };
    assert_eq!(step.kind, MoveKind::Jump);
    // c allows going back, without a gate.
    let MoveOutcome::Moved(step) = go(&mut p, &t, "a", None).unwrap() else {
        panic!()
    };
    assert_eq!(step.kind, MoveKind::Back);
    p.move_to(&t, "b", &[], None, u, Utc::now(), day()).unwrap();
    // b neither goes back nor jumps.
    invalid(go(&mut p, &t, "a", None));
    assert_eq!(
        go(&mut p, &t, "nowhere", None).unwrap_err().code(),
        ErrorCode::NotFound
    );
    let kinds: Vec<_> = p.history.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [
            MoveKind::Start,
            MoveKind::Jump,
            MoveKind::Back,
            MoveKind::Advance
        ]
    );
}

#[test]
fn further_gate_conditions_plug_in() {
    struct NeedsConflictCheck;
    impl GateCondition for NeedsConflictCheck {
        fn blockers(
            &self,
            _: &WorkflowTemplate,
            _: &WorkflowProgress,
            from: &Stage,
            _: &Stage,
        ) -> Vec<Blocker> {
            vec![Blocker {
                source: "core.conflict_cleared".into(),
                item: None,
                message: format!("leaving {}", from.id),
            }]
        }
    }
    let t = template();
    let u = UserId::new();
    let mut p = WorkflowProgress::start(&t, MatterId::new(), u, Utc::now(), day()).unwrap();
    p.complete_item(&t, "a1", done(u)).unwrap();
    match p
        .move_to(&t, "b", &[&NeedsConflictCheck], None, u, Utc::now(), day())
        .unwrap()
    {
        MoveOutcome::Blocked(b) => assert_eq!(b[0].source, "core.conflict_cleared"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn progress_is_pinned_to_its_template_version() {
    let t = template();
    let u = UserId::new();
    let mut p = WorkflowProgress::start(&t, MatterId::new(), u, Utc::now(), day()).unwrap();
    let mut v2 = t.clone();
    v2.version = 2;
    assert_eq!(
        p.complete_item(&v2, "a1", done(u)).unwrap_err().code(),
        ErrorCode::Validation
    );
    assert_eq!(
        p.complete_item(&t, "zz", done(u)).unwrap_err().code(),
        ErrorCode::NotFound
    );
    p.complete_item(&t, "c1", done(u)).unwrap();
    assert_eq!(
        p.complete_item(&t, "c1", done(u)).unwrap_err().code(),
        ErrorCode::Conflict
    );
    assert_eq!(
        p.reopen_item(&t, "a1").unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn the_status_report_tells_where_the_matter_stands() {
    let t = builtin::all().unwrap().remove(0);
    let u = UserId::new();
    let mut p = WorkflowProgress::start(&t, MatterId::new(), u, Utc::now(), day()).unwrap();
    p.complete_item(&t, "verify_identity", done(u)).unwrap();
    p.complete_item(&t, "ta6", done(u)).unwrap();
    let r = StatusReport::build(&t, &p, &[]).unwrap();
    assert_eq!(
        (r.stage.as_str(), r.stage_position),
        ("instructions", (1, 6))
    );
    assert_eq!(
        r.done.iter().map(|i| i.item.as_str()).collect::<Vec<_>>(),
        ["verify_identity", "ta6"]
    );
    assert_eq!(
        r.outstanding
            .iter()
            .map(|i| i.item.as_str())
            .collect::<Vec<_>>(),
        ["conflict_check", "client_care_letter", "source_of_funds"]
    );
    assert_eq!(r.next_stage.as_deref(), Some("pre_exchange"));
    assert_eq!(r.blockers.len(), 3);
    assert_eq!(r.history.len(), 1);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["template_id"], "ew-residential-purchase");
}
