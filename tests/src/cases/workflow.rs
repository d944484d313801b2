//! Workflow through the services: templates, pinning, gates, overrides, back and jump, the
//! status report, the firm-wide stage views, access and audit.

use chrono::Duration;
use lexcase::ErrorCode;
use lexcase::access::Visibility;
use lexcase::store::Page;
use lexcase::workflow::{MoveKind, MoveOutcome, WorkflowTemplate};

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid, start_instant};

fn blockers(outcome: &MoveOutcome) -> Vec<String> {
    match outcome {
        MoveOutcome::Blocked(b) => b.iter().filter_map(|b| b.item.clone()).collect(),
        MoveOutcome::Moved(m) => panic!("moved: {m:?}"),
    }
}

/// Built-ins are registered at set-up; new versions register; matters stay pinned.
pub fn templates_are_versioned_and_matters_pinned(store: SharedStore) {
    let f = Fixture::new(store);
    let ids: Vec<_> = f
        .read_only
        .workflow()
        .templates()
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(
        ids,
        [
            "ew-residential-purchase",
            "ew-residential-sale",
            "generic",
            "us-civil-litigation"
        ]
    );
    let m = f.matter("Purchase");
    let w = f
        .fee_earner
        .workflow()
        .start(m.id, "generic", None)
        .unwrap();
    assert_eq!((w.template_version, w.stage.as_str()), (1, "intake"));
    assert_code(
        f.fee_earner.workflow().start(m.id, "generic", None),
        ErrorCode::Conflict,
    );
    let mut v2 = f.admin.workflow().template("generic", None).unwrap();
    v2.version = 2;
    v2.stages[0].items.clear();
    assert_code(
        f.partner.workflow().register_template(v2.clone()),
        ErrorCode::PermissionDenied,
    );
    f.admin.workflow().register_template(v2.clone()).unwrap();
    assert_code(
        f.admin.workflow().register_template(v2),
        ErrorCode::Conflict,
    );
    assert_eq!(
        f.read_only
            .workflow()
            .template("generic", None)
            .unwrap()
            .version,
        2
    );
    // The running matter still needs v1's checklist.
    let r = f.read_only.workflow().report(m.id).unwrap();
    assert_eq!((r.template_version, r.blockers.len()), (1, 2));
    // An explicit migration moves the running matter onto v2, dropping what v2 lacks.
    let w = f
        .fee_earner
        .workflow()
        .complete_item(m.id, w.version, "conflict_check", None)
        .unwrap();
    assert_code(
        f.fee_earner.workflow().migrate(m.id, w.version, 2),
        ErrorCode::PermissionDenied,
    );
    let (migrated, dropped) = f.partner.workflow().migrate(m.id, w.version, 2).unwrap();
    assert_eq!(
        (migrated.template_version, dropped),
        (2, vec!["conflict_check".to_string()])
    );
    assert!(
        f.read_only
            .workflow()
            .report(m.id)
            .unwrap()
            .blockers
            .is_empty()
    );
    assert_invalid(
        f.partner
            .workflow()
            .migrate(m.id, migrated.version, 1)
            .map(|(p, _)| p),
        "template",
    );
    assert_code(
        f.partner.workflow().migrate(m.id, migrated.version, 9),
        ErrorCode::NotFound,
    );
    let actions: Vec<_> = f
        .admin
        .audit()
        .history(m.id.into())
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(actions.contains(&"workflow.migrated".to_string()));
    let m2 = f.matter("Another");
    assert_eq!(
        f.fee_earner
            .workflow()
            .start(m2.id, "generic", None)
            .unwrap()
            .template_version,
        2
    );
    assert_code(
        f.fee_earner
            .workflow()
            .start(f.matter("Third").id, "nope", None),
        ErrorCode::NotFound,
    );
    assert_invalid(
        WorkflowTemplate::from_toml(
            "id = \"x\"\nversion = 1\nname = \"X\"\npractice_area = \"y\"\nstages = []",
        ),
        "stages",
    );
}

/// The gate blocks until its items are done; overrides need the capability and a reason;
/// back and jump follow the template; every move is audited on the matter.
pub fn progression_gates_overrides_and_history(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase of 12 Acacia Avenue");
    let wf = f.fee_earner.workflow();
    let w = wf.start(m.id, "ew-residential-purchase", None).unwrap();
    let r = wf.move_to(m.id, w.version, "pre_exchange", None).unwrap();
    assert_eq!(
        blockers(&r.outcome),
        [
            "verify_identity",
            "conflict_check",
            "client_care_letter",
            "source_of_funds"
        ]
    );
    assert_eq!(r.progress, w, "a blocked move writes nothing");
    assert_eq!(wf.get(m.id).unwrap().version, w.version);
    let mut w = w;
    for item in ["verify_identity", "conflict_check", "client_care_letter"] {
        w = wf
            .complete_item(m.id, w.version, item, Some("done"))
            .unwrap();
    }
    assert_code(
        wf.complete_item(m.id, w.version, "verify_identity", None),
        ErrorCode::Conflict,
    );
    assert_code(
        wf.complete_item(m.id, w.version, "no_such_item", None),
        ErrorCode::NotFound,
    );
    assert_code(
        wf.complete_item(m.id, w.version - 1, "source_of_funds", None),
        ErrorCode::StaleVersion,
    );
    assert_eq!(
        blockers(
            &wf.move_to(m.id, w.version, "pre_exchange", None)
                .unwrap()
                .outcome
        ),
        ["source_of_funds"]
    );
    // A fee earner may not override; a partner may, with a reason.
    assert_code(
        wf.move_to(m.id, w.version, "pre_exchange", Some("client in a hurry")),
        ErrorCode::PermissionDenied,
    );
    assert_invalid(
        f.partner
            .workflow()
            .move_to(m.id, w.version, "pre_exchange", Some(" ")),
        "reason",
    );
    let r = f
        .partner
        .workflow()
        .move_to(
            m.id,
            w.version,
            "pre_exchange",
            Some("funds seen in person"),
        )
        .unwrap();
    let MoveOutcome::Moved(step) = &r.outcome else {
        panic!("{:?}", r.outcome)
    };
    assert_eq!((step.kind, step.overridden.len()), (MoveKind::Override, 1));
    let w = r.progress;
    // Pre-exchange allows going back; instructions does not allow jumping.
    let w = wf
        .move_to(m.id, w.version, "instructions", None)
        .unwrap()
        .progress;
    assert_code(
        wf.move_to(m.id, w.version, "exchange", None),
        ErrorCode::InvalidTransition,
    );
    let w = wf
        .complete_item(m.id, w.version, "source_of_funds", None)
        .unwrap();
    let w = wf
        .move_to(m.id, w.version, "pre_exchange", None)
        .unwrap()
        .progress;
    assert_eq!(w.stage, "pre_exchange");
    let report = f.read_only.workflow().report(m.id).unwrap();
    assert_eq!(report.stage_position, (2, 6));
    assert_eq!(report.done.len(), 4);
    assert_eq!(
        report.done[0].done.as_ref().unwrap().by,
        f.fee_earner.actor_id()
    );
    let kinds: Vec<_> = report.history.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        [
            MoveKind::Start,
            MoveKind::Override,
            MoveKind::Back,
            MoveKind::Advance
        ]
    );
    let actions: Vec<_> = f
        .admin
        .audit()
        .history(m.id.into())
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "workflow.stage_moved")
            .count(),
        3
    );
    assert!(actions.contains(&"workflow.started".to_string()));
    assert!(f.admin.audit().verify().unwrap().is_intact());
    // Reading and writing need the right to see and edit the matter.
    assert_code(
        f.read_only
            .workflow()
            .complete_item(m.id, w.version, "ta6", None),
        ErrorCode::PermissionDenied,
    );
    let w = wf.complete_item(m.id, w.version, "ta6", None).unwrap();
    let w = wf.reopen_item(m.id, w.version, "ta6").unwrap();
    assert!(!w.items.contains_key("ta6"));
}

/// Stage counts and "stuck" lists cover live matters the actor may see, and nothing walled.
pub fn stage_views_respect_access(store: SharedStore) {
    let f = Fixture::new(store);
    let wf = f.fee_earner.workflow();
    let mut matters = Vec::new();
    for i in 0..3 {
        let m = f.matter(&format!("Matter {i}"));
        wf.start(m.id, "generic", None).unwrap();
        matters.push(m);
    }
    f.clock.set(start_instant() + Duration::days(10));
    let walled = &matters[2];
    f.partner
        .matters()
        .add_ethical_wall(
            walled.id,
            walled.version,
            f.secretary.actor_id(),
            "conflict",
        )
        .unwrap();
    let hidden = &matters[1];
    f.partner
        .matters()
        .set_visibility(hidden.id, hidden.version, Visibility::Team)
        .unwrap();
    let count = |s: &lexcase::service::Session| {
        s.workflow()
            .stage_counts()
            .unwrap()
            .iter()
            .map(|c| c.matters)
            .sum::<u64>()
    };
    assert_eq!(count(&f.fee_earner), 3);
    assert_eq!(count(&f.secretary), 1);
    let stuck = |s: &lexcase::service::Session, days| {
        s.workflow().stuck(days, Page::default()).unwrap().total
    };
    assert_eq!(stuck(&f.fee_earner, 7), 3);
    assert_eq!(stuck(&f.fee_earner, 11), 0);
    assert_eq!(stuck(&f.secretary, 7), 1);
    assert_code(f.secretary.workflow().get(walled.id), ErrorCode::NotFound);
    assert_code(
        f.secretary.workflow().report(hidden.id),
        ErrorCode::NotFound,
    );
    assert_code(
        f.secretary.workflow().start(walled.id, "generic", None),
        ErrorCode::NotFound,
    );
    // Closed matters are not stuck.
    let m = f.fee_earner.matters().get(matters[0].id).unwrap();
    let m = f.fee_earner.matters().open(m.id, m.version).unwrap();
    f.fee_earner.matters().close(m.id, m.version, None).unwrap();
    assert_eq!(stuck(&f.fee_earner, 7), 2);
    assert_invalid(
        f.fee_earner.workflow().stuck(40_000, Page::default()),
        "days",
    );
}
