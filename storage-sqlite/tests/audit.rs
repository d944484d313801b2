//! The audit log: appends follow the head, events round-trip exactly, the log is append-only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use lexcase::audit::{AuditHead, AuditRecord, ChainVerifier};
use lexcase::store::Store;
use lexcase::{ErrorCode, MatterId};
use rusqlite::Connection;

/// Appends `n` chained events in one transaction; every other one is about a matter.
fn append(store: &dyn Store, n: usize) -> Vec<AuditRecord> {
    let actor = user("Ann Able");
    let matter = MatterId::new();
    let mut tx = store.write().unwrap();
    let mut head = tx.audit_head().unwrap();
    let mut out = Vec::new();
    for i in 0..n {
        let e = if i % 2 == 0 {
            event(
                head.as_ref(),
                actor.id,
                actor.id.into(),
                None,
                "user.changed",
            )
        } else {
            event(
                head.as_ref(),
                actor.id,
                matter.into(),
                Some(matter),
                "matter.changed",
            )
        };
        tx.append_audit(&e).unwrap();
        head = Some(head_of(&e));
        out.push(e);
    }
    tx.commit().unwrap();
    out
}

fn verify(events: &[AuditRecord], head: Option<&AuditHead>) -> bool {
    let mut v = ChainVerifier::default();
    for e in events {
        v.check(e);
    }
    v.finish(head).is_intact()
}

#[test]
fn events_round_trip_exactly_and_the_head_follows() {
    let (_dir, path) = temp_db();
    let events = {
        let store = open(&path);
        let mut events = append(&store, 5);
        events.extend(append(&store, 2));
        events
    };
    let store = open(&path);
    let r = store.read().unwrap();
    assert_eq!(r.audit_head().unwrap(), Some(head_of(&events[6])));
    let all = r.audit_records(0, 100).unwrap();
    assert_eq!(all, events);
    assert!(verify(&all, r.audit_head().unwrap().as_ref()));
    // Sub-microsecond instants survive too (Utc::now() carries nanoseconds).
    assert_eq!(all[0].at, events[0].at);
}

#[test]
fn events_page_by_sequence_and_filter_by_entity() {
    let store = memory();
    let events = append(&store, 7);
    let r = store.read().unwrap();
    assert_eq!(r.audit_records(0, 3).unwrap(), events[..3]);
    assert_eq!(r.audit_records(3, 3).unwrap(), events[3..6]);
    assert_eq!(r.audit_records(6, 3).unwrap(), events[6..]);
    assert!(r.audit_records(7, 3).unwrap().is_empty());
    assert!(r.audit_records(u64::MAX, 3).unwrap().is_empty());
    assert!(r.audit_records(0, 0).unwrap().is_empty());
    let about_user = r.audit_records_for(events[0].entity_id).unwrap();
    assert_eq!(
        about_user,
        [&events[0], &events[2], &events[4], &events[6]].map(Clone::clone)
    );
    let about_matter = r.audit_records_for(events[1].entity_id).unwrap();
    assert_eq!(about_matter.len(), 3);
    assert!(about_matter.iter().all(|e| !e.matters.is_empty()));
    assert!(
        r.audit_records_for(uuid::Uuid::now_v7())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_empty_log_has_no_head() {
    let store = memory();
    let r = store.read().unwrap();
    assert_eq!(r.audit_head().unwrap(), None);
    assert!(r.audit_records(0, 10).unwrap().is_empty());
}

#[test]
fn an_event_that_does_not_follow_the_head_is_refused_and_nothing_is_written() {
    let store = memory();
    let events = append(&store, 2);
    let actor = user("Ann Able");
    let head = head_of(&events[1]);
    let mut tx = store.write().unwrap();
    // Sealed after an older head (a lost race), at the start again, or with a forged link.
    let stale = event(
        Some(&head_of(&events[0])),
        actor.id,
        actor.id.into(),
        None,
        "x",
    );
    let genesis = event(None, actor.id, actor.id.into(), None, "x");
    let mut forged = event(Some(&head), actor.id, actor.id.into(), None, "x");
    forged.prev_hash = [0xf; 32];
    let mut skipped = event(Some(&head), actor.id, actor.id.into(), None, "x");
    skipped.seq += 1;
    for e in [&stale, &genesis, &forged, &skipped] {
        assert_eq!(tx.append_audit(e).unwrap_err().code(), ErrorCode::Conflict);
    }
    // The same event twice.
    let next = event(Some(&head), actor.id, actor.id.into(), None, "ok");
    tx.append_audit(&next).unwrap();
    assert_eq!(
        tx.append_audit(&next).unwrap_err().code(),
        ErrorCode::Conflict
    );
    tx.commit().unwrap();
    let r = store.read().unwrap();
    assert_eq!(r.audit_head().unwrap(), Some(head_of(&next)));
    let all = r.audit_records(0, 10).unwrap();
    assert_eq!(all.len(), 3);
    assert!(verify(&all, Some(&head_of(&next))));
}

#[test]
fn a_dropped_transaction_takes_its_events_and_head_with_it() {
    let store = memory();
    let events = append(&store, 1);
    {
        let mut tx = store.write().unwrap();
        let actor = user("Ann Able");
        tx.append_audit(&event(
            Some(&head_of(&events[0])),
            actor.id,
            actor.id.into(),
            None,
            "x",
        ))
        .unwrap();
    }
    let r = store.read().unwrap();
    assert_eq!(r.audit_head().unwrap(), Some(head_of(&events[0])));
    assert_eq!(r.audit_records(0, 10).unwrap(), events);
}

#[test]
fn the_stored_log_refuses_edits_and_deletions() {
    let (_dir, path) = temp_db();
    let store = open(&path);
    append(&store, 2);
    let conn = Connection::open(&path).unwrap();
    for sql in [
        "UPDATE audit_log SET action = 'forged' WHERE seq = 1",
        "DELETE FROM audit_log WHERE seq = 2",
    ] {
        let err = conn.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("append-only"), "{err}");
    }
    assert_eq!(store.read().unwrap().audit_records(0, 10).unwrap().len(), 2);
}
