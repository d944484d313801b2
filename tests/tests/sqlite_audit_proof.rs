//! Proofs over the audit chain in a SQLite file: a head anchored outside the file finds a
//! rewritten or cut tail that the file's own head hides, and a chain keyed with the firm's
//! audit key needs that key to be checked or extended.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use lexcase::access::Role;
use lexcase::audit::{AuditHead, AuditKey};
use lexcase::contacts::NewContact;
use lexcase::service::{Firm, Session};
use lexcase::{IncompatibleReason, LexcaseError};
use lexcase_conformance::fixture::{new_user, setup};
use lexcase_sqlite::{SqliteOptions, SqliteStore};

const ADMIN: &str = "ada.admin@smith.example";

fn firm(path: &Path, key: Option<&[u8]>) -> Firm {
    let firm = Firm::new(SqliteStore::open(path, SqliteOptions::default()).unwrap());
    match key {
        Some(k) => firm.with_audit_key(AuditKey::new(k).unwrap()),
        None => firm,
    }
}

fn admin(path: &Path, key: Option<&[u8]>) -> Session {
    let firm = firm(path, key);
    if !firm.is_initialised().unwrap() {
        firm.initialise(&setup(), &new_user("Ada Admin", Role::Admin))
            .unwrap();
    }
    firm.session_by_email(ADMIN).unwrap()
}

fn contacts(s: &Session, n: usize) -> Vec<lexcase::ContactId> {
    (0..n)
        .map(|i| {
            s.contacts()
                .create(NewContact::person("Jane", &format!("Smith {i}")))
                .unwrap()
                .id
        })
        .collect()
}

#[test]
fn an_anchored_head_finds_a_cut_tail_the_files_own_head_hides() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.lexcase");
    let s = admin(&path, None);
    contacts(&s, 3);
    let anchor = s.audit().head().unwrap().unwrap();
    // Written down outside the file and read back.
    let anchor = AuditHead::parse(&anchor.to_string()).unwrap();
    contacts(&s, 2);
    assert!(s.audit().verify_against(&anchor).unwrap().is_intact());
    drop(s);

    // Someone with the file cuts the tail back before the anchor and moves the head with it.
    let keep = anchor.seq as i64 - 2;
    let conn = rusqlite::Connection::open(&path).unwrap();
    for (name,) in conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
        .unwrap()
        .query_map([], |r| Ok((r.get::<_, String>(0)?,)))
        .unwrap()
        .map(Result::unwrap)
        .collect::<Vec<_>>()
    {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\";"))
            .unwrap();
    }
    conn.execute("DELETE FROM audit_log WHERE seq > ?1", [keep])
        .unwrap();
    conn.execute(
        "UPDATE audit_head SET seq = ?1, hash = (SELECT hash FROM audit_log WHERE seq = ?1)",
        [keep],
    )
    .unwrap();
    drop(conn);

    let s = admin(&path, None);
    assert!(
        s.audit().verify().unwrap().is_intact(),
        "the file alone cannot tell"
    );
    let v = s.audit().verify_against(&anchor).unwrap();
    let broken = v.first_broken.unwrap();
    assert_eq!(broken.seq, keep as u64 + 1);
    assert!(broken.reason.contains("anchored"), "{}", broken.reason);
}

#[test]
fn a_keyed_chain_needs_its_key_to_verify_and_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.lexcase");
    let key = [7u8; 32];
    let s = admin(&path, None);
    contacts(&s, 2);
    let unkeyed = s.audit().head().unwrap().unwrap().seq;
    drop(s);

    // Keyed from the next event on.
    let s = admin(&path, Some(&key));
    contacts(&s, 2);
    let v = s.audit().verify().unwrap();
    assert!(v.is_intact(), "{v:?}");
    assert_eq!(v.keyed_from, Some(unkeyed + 1));
    drop(s);

    // Without the key: the unkeyed part verifies, the rest is reported, writing is refused.
    let s = admin(&path, None);
    let v = s.audit().verify().unwrap();
    assert!(!v.is_intact());
    assert_eq!(
        (v.key_needed_from, v.events_checked, v.first_broken),
        (Some(unkeyed + 1), unkeyed, None)
    );
    let err = s
        .contacts()
        .create(NewContact::person("No", "Key"))
        .unwrap_err();
    assert_eq!(
        err,
        LexcaseError::IncompatibleDatabase {
            reason: IncompatibleReason::AuditKeyRequired
        }
    );
    drop(s);

    // Another key: the first keyed event is the first broken link, and nothing is written.
    let s = admin(&path, Some(&[8u8; 32]));
    let v = s.audit().verify().unwrap();
    assert_eq!(v.first_broken.unwrap().seq, unkeyed + 1);
    assert!(
        s.contacts()
            .create(NewContact::person("Wrong", "Key"))
            .is_err()
    );
    let head = s.audit().head().unwrap().unwrap();
    drop(s);

    let s = admin(&path, Some(&key));
    assert_eq!(
        s.audit().head().unwrap().unwrap(),
        head,
        "nothing was written"
    );
    assert!(s.audit().verify().unwrap().is_intact());
}

#[test]
fn a_firm_keyed_from_initialisation_keys_every_event() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.lexcase");
    let s = admin(&path, Some(b"a passphrase of the firm's own"));
    contacts(&s, 1);
    let v = s.audit().verify().unwrap();
    assert!(v.is_intact());
    assert_eq!(v.keyed_from, Some(1));
    drop(s);
    let v = admin(&path, None).audit().verify().unwrap();
    assert_eq!((v.key_needed_from, v.events_checked), (Some(1), 0));
}

#[test]
fn rows_edited_or_inserted_behind_the_store_are_found_by_verify_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.lexcase");
    let s = admin(&path, None);
    let edited = contacts(&s, 3)[1];
    let state = s.audit().verify_state().unwrap();
    assert!(state.is_consistent(), "{:?}", state.unexplained);
    assert!(state.rows_checked >= 4, "the admin and three contacts");
    drop(s);

    // Someone with the file edits a name and copies a contact under a new id; the chain is
    // untouched, so `verify` cannot tell.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE contacts SET family_name = 'Jones' WHERE id = ?1",
        [edited.as_uuid().as_bytes()],
    )
    .unwrap();
    conn.execute_batch(
        "CREATE TEMP TABLE copy AS SELECT * FROM contacts LIMIT 1;
         UPDATE copy SET id = randomblob(16);
         INSERT INTO contacts SELECT * FROM copy;",
    )
    .unwrap();
    drop(conn);

    let s = admin(&path, None);
    assert!(s.audit().verify().unwrap().is_intact());
    let state = s.audit().verify_state().unwrap();
    assert_eq!(state.unexplained_count, 2, "{:?}", state.unexplained);
    let by_edit = state
        .unexplained
        .iter()
        .find(|r| r.id == *edited.as_uuid())
        .unwrap();
    assert_eq!(by_edit.fields, ["family_name"]);
    assert!(
        state
            .unexplained
            .iter()
            .any(|r| r.id != *edited.as_uuid() && r.fields.is_empty())
    );
}
