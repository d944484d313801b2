//! The audit trail: one event per mutation with before/after, the chained feed, verification.

use lexcase::ErrorCode;
use lexcase::matters::{MatterChanges, PartyRole};

use crate::fixture::{Fixture, SharedStore, assert_code};

/// Each mutation writes exactly one event naming actor, entity, action and changed fields.
pub fn every_mutation_is_audited_with_changes(store: SharedStore) {
    let f = Fixture::new(store);
    let before = f.audit_head();
    let m = f.matter("Purchase");
    assert_eq!(f.audit_head(), before + 2, "contact and matter");
    let changes = MatterChanges {
        title: Some("Purchase of 1 High St".into()),
        ..Default::default()
    };
    let m = f
        .paralegal
        .matters()
        .update(m.id, m.version, changes)
        .unwrap();
    let history = f.admin.audit().history(m.id.into()).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.actor, f.paralegal.actor_id());
    assert_eq!(last.action, "matter.updated");
    assert_eq!(last.matters, vec![m.id]);
    assert_eq!(last.at, crate::fixture::start_instant());
    assert_eq!(last.changes.len(), 1);
    assert_eq!(last.changes[0].field, "title");
    assert_eq!(last.changes[0].before, Some(serde_json::json!("Purchase")));
    assert_eq!(
        last.changes[0].after,
        Some(serde_json::json!("Purchase of 1 High St"))
    );
    let created = &history[0];
    assert!(
        created
            .changes
            .iter()
            .any(|c| c.field == "number" && c.before.is_none())
    );
    let witness = f.person("Will", "Witness");
    let m = f
        .paralegal
        .matters()
        .add_party(m.id, m.version, witness.id, PartyRole::Witness, None, None)
        .unwrap();
    let last = f.admin.audit().history(m.id.into()).unwrap().pop().unwrap();
    assert_eq!(last.action, "matter.party_added");
    assert_eq!(last.changes[0].field, "parties");
    assert!(f.admin.audit().verify().unwrap().is_intact());
    let n = f.audit_head();
    let _ = f.read_only.matters().get(m.id).unwrap();
    assert_eq!(f.audit_head(), n, "reads are not audited");
}

/// The change feed returns events in order, in pages, with a cursor.
pub fn change_feed_is_ordered_and_paginated(store: SharedStore) {
    let f = Fixture::new(store);
    for i in 0..7 {
        f.person("Client", &format!("Number{i}"));
    }
    let total = f.audit_head();
    let mut cursor = 0;
    let mut seen = Vec::new();
    loop {
        let batch = f.admin.audit().changes_since(cursor, 4).unwrap();
        assert!(batch.events.len() <= 4);
        seen.extend(batch.events.iter().map(|e| e.seq));
        cursor = batch.next_cursor;
        if !batch.more {
            break;
        }
    }
    assert_eq!(seen, (1..=total).collect::<Vec<_>>());
    let tail = f.admin.audit().changes_since(cursor, 10).unwrap();
    assert!(tail.events.is_empty() && !tail.more && tail.next_cursor == cursor);
    assert_code(f.admin.audit().changes_since(0, 0), ErrorCode::Validation);
    assert_code(
        f.admin.audit().changes_since(0, 1001),
        ErrorCode::Validation,
    );
}

/// Verification needs `view_audit` and reports an intact chain.
pub fn verify_needs_view_audit(store: SharedStore) {
    let f = Fixture::new(store);
    f.matter("Purchase");
    let v = f.partner.audit().verify().unwrap();
    assert!(v.is_intact());
    assert_eq!(v.events_checked, f.audit_head());
    assert_code(f.fee_earner.audit().verify(), ErrorCode::PermissionDenied);
}
