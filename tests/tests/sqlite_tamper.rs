//! Tampering with the audit log inside the SQLite file is detected by `verify`, at the first
//! broken link: an edited, deleted or reordered event, or a cut-off tail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use lexcase::service::Firm;
use lexcase_conformance::fixture::Fixture;
use lexcase_sqlite::{SqliteOptions, SqliteStore};

/// A file with a firm and some history: returns its path and the number of events.
fn firm_file() -> (tempfile::TempDir, PathBuf, u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.lexcase");
    let store = Arc::new(SqliteStore::open(&path, SqliteOptions::default()).unwrap());
    let f = Fixture::new(store);
    f.matter("Purchase of 12 Acacia Avenue");
    let events = f.audit_head();
    assert!(f.admin.audit().verify().unwrap().is_intact());
    (dir, path, events)
}

/// Reopens the file and verifies as the first admin.
fn verify(path: &Path) -> lexcase::audit::AuditVerification {
    let store = SqliteStore::open(path, SqliteOptions::default()).unwrap();
    let firm = Firm::new(store);
    let first = firm
        .store()
        .read()
        .unwrap()
        .audit_records(0, 1)
        .unwrap()
        .remove(0)
        .actor;
    firm.session(first).unwrap().audit().verify().unwrap()
}

/// Tampers as someone with the file would: first drop the append-only triggers, then edit.
fn tamper(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        !triggers.is_empty(),
        "the store guards the log with triggers"
    );
    for name in triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\";"))
            .unwrap();
    }
    conn.execute_batch(sql).unwrap();
}

#[test]
fn a_plain_edit_is_refused_by_the_store() {
    let (_dir, path, _) = firm_file();
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert!(
        conn.execute_batch("UPDATE audit_log SET action = 'x' WHERE seq = 1;")
            .is_err()
    );
    assert!(
        conn.execute_batch("DELETE FROM audit_log WHERE seq = 1;")
            .is_err()
    );
    drop(conn);
    assert!(verify(&path).is_intact());
}

#[test]
fn an_untouched_file_verifies() {
    let (_dir, path, events) = firm_file();
    let v = verify(&path);
    assert!(v.is_intact());
    assert_eq!(v.events_checked, events);
}

#[test]
fn an_edited_event_is_found() {
    let (_dir, path, _) = firm_file();
    tamper(
        &path,
        "UPDATE audit_log SET action = 'user.deleted' WHERE seq = 5;",
    );
    let broken = verify(&path).first_broken.unwrap();
    assert_eq!(broken.seq, 5);
    assert!(broken.reason.contains("edited"), "{}", broken.reason);
}

#[test]
fn an_edited_change_is_found() {
    let (_dir, path, _) = firm_file();
    // The event that created the fee earner Fern: her name becomes Fred, byte for byte.
    let (seq, changes): (i64, Vec<u8>) = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT seq, changes FROM audit_log WHERE instr(changes, CAST('Fern' AS BLOB)) > 0 \
             ORDER BY seq LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let at = changes.windows(4).position(|w| w == b"Fern").unwrap();
    let mut forged = changes.clone();
    forged[at..at + 4].copy_from_slice(b"Fred");
    tamper(
        &path,
        &format!(
            "UPDATE audit_log SET changes = x'{}' WHERE seq = {seq};",
            hex::encode(&forged)
        ),
    );
    assert_eq!(verify(&path).first_broken.unwrap().seq, seq as u64);
}

#[test]
fn a_deleted_event_is_found() {
    let (_dir, path, _) = firm_file();
    tamper(&path, "DELETE FROM audit_log WHERE seq = 3;");
    assert_eq!(verify(&path).first_broken.unwrap().seq, 3);
}

#[test]
fn reordered_events_are_found() {
    let (_dir, path, _) = firm_file();
    tamper(
        &path,
        "UPDATE audit_log SET seq = -1 WHERE seq = 6;
         UPDATE audit_log SET seq = 6 WHERE seq = 7;
         UPDATE audit_log SET seq = 7 WHERE seq = -1;",
    );
    assert_eq!(verify(&path).first_broken.unwrap().seq, 6);
}

#[test]
fn a_cut_off_tail_is_found() {
    let (_dir, path, events) = firm_file();
    tamper(
        &path,
        &format!("DELETE FROM audit_log WHERE seq = {events};"),
    );
    let broken = verify(&path).first_broken.unwrap();
    assert_eq!(broken.seq, events);
}
