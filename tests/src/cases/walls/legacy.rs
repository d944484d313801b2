//! Events written before every event listed every matter it concerns (a bill's named only its
//! first matter, a reconciliation none): the feed still keeps them from viewers behind a wall.

use lexcase::audit::{AuditRecord, EntityKind};

use super::fixture::{Walled, assert_feed_silent};
use super::records::issue_bill;
use crate::fixture::SharedStore;

/// Appends an event as an older version of lexcase wrote it, with only `matters`.
fn append_legacy(
    w: &Walled,
    kind: EntityKind,
    entity: uuid::Uuid,
    matters: Vec<lexcase::MatterId>,
    text: &str,
) {
    let store = w.f.firm.store();
    let mut tx = store.write().unwrap();
    let head = tx.audit_chain_head().unwrap();
    let mut event = AuditRecord::of_change(
        w.f.firm.now(),
        w.f.admin.actor_id(),
        kind,
        entity,
        matters,
        "legacy.recorded",
        None,
        Some(&serde_json::json!({ "note": text })),
    )
    .unwrap();
    event.seal(head);
    tx.append_audit(&event).unwrap();
    tx.commit().unwrap();
}

/// A bill event naming only the bill's first (visible) matter, and a reconciliation event
/// naming no matter, stay hidden from viewers walled from the bill's other matter.
pub fn events_written_before_full_scoping_stay_behind_the_wall(store: SharedStore) {
    let w = Walled::new(store);
    let bill = issue_bill(&w, &[&w.open, &w.walled], "Joint work");
    append_legacy(
        &w,
        EntityKind::Bill,
        bill.id.into(),
        vec![w.open.id],
        "QXZ bill lines",
    );
    append_legacy(
        &w,
        EntityKind::ClientMoney,
        uuid::Uuid::nil(),
        vec![],
        "QXZ ledgers",
    );
    let secrets = ["QXZ".to_owned()];
    for s in w.walled_out() {
        assert_feed_silent(s, &[bill.id.into(), uuid::Uuid::nil()], &secrets);
    }
    let seen = format!("{:?}", super::fixture::feed(&w.f.accounts));
    assert!(seen.contains("QXZ bill lines") && seen.contains("QXZ ledgers"));
}
