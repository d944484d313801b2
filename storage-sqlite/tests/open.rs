//! Opening files: persistence, migrations, connection settings, and refusing files that are
//! not ours without changing a byte of them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::*;
use lexcase::IncompatibleReason;
use lexcase::store::Store;
use lexcase_sqlite::{APPLICATION_ID, Durability, SCHEMA_VERSION, SqliteOptions, SqliteStore};
use rusqlite::Connection;

fn sidecars_absent(path: &Path) -> bool {
    ["-wal", "-shm", "-journal"].iter().all(|suffix| {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        !Path::new(&p).exists()
    })
}

#[test]
fn a_file_keeps_its_data_across_reopening() {
    let (_dir, path) = temp_db();
    let u = user("Ann Able");
    let c = person("Jane", "Müller");
    let m = MatterSpec::new("MUL-0001", c.id, u.id, 0).build();
    {
        let store = open(&path);
        write(&store, |tx| {
            tx.put_firm_settings(&settings(), None).unwrap();
            tx.insert_user(&u).unwrap();
            tx.insert_contact(&c).unwrap();
            tx.insert_matter(&m).unwrap();
            assert_eq!(tx.next_sequence("MUL").unwrap(), 1);
        });
    }
    for _ in 0..2 {
        let store = open(&path);
        let r = store.read().unwrap();
        assert_eq!(r.firm_settings().unwrap(), Some(settings()));
        assert_eq!(r.user(u.id).unwrap(), Some(u.clone()));
        assert_eq!(r.contact(c.id).unwrap(), Some(c.clone()));
        assert_eq!(r.matter(m.id).unwrap(), Some(m.clone()));
        drop(r);
        let mut tx = store.write().unwrap();
        assert!(tx.next_sequence("MUL").unwrap() >= 2);
    }
}

#[test]
fn closing_the_store_folds_the_wal_into_the_main_file() {
    let (dir, path) = temp_db();
    let u = user("Ann Able");
    {
        let store = open(&path);
        write(&store, |tx| {
            tx.put_firm_settings(&settings(), None).unwrap();
            tx.insert_user(&u).unwrap();
        });
        // Readers were used too, so the last connection to close must still be the writer.
        assert!(store.read().unwrap().user(u.id).unwrap().is_some());
    }
    assert!(
        sidecars_absent(&path),
        "the WAL is checkpointed and removed on close"
    );
    // The main file alone (as a backup copy would take it) holds everything.
    let copy = dir.path().join("copy.lexcase");
    std::fs::copy(&path, &copy).unwrap();
    assert_eq!(open(&copy).read().unwrap().user(u.id).unwrap(), Some(u));
}

#[test]
fn a_new_file_is_stamped_with_our_id_and_the_schema_version() {
    let (_dir, path) = temp_db();
    drop(open(&path));
    let conn = Connection::open(&path).unwrap();
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(app, APPLICATION_ID);
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 10);
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for table in [
        "appointment_users",
        "appointments",
        "audit_head",
        "audit_log",
        "bill_lines",
        "bill_matters",
        "bills",
        "client_money_entries",
        "communications",
        "contact_affiliations",
        "contact_emails",
        "contact_name_key_counts",
        "contact_name_keys",
        "contacts",
        "deadlines",
        "documents",
        "expenses",
        "firm_settings",
        "keyed_records",
        "matter_members",
        "matter_parties",
        "matter_team",
        "matter_walls",
        "matter_workflows",
        "matters",
        "notes",
        "payment_allocations",
        "payments",
        "sequences",
        "tasks",
        "time_entries",
        "users",
        "workflow_templates",
    ] {
        assert!(tables.iter().any(|t| t == table), "{table} missing");
    }
}

#[test]
fn an_empty_existing_file_becomes_a_lexcase_database() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"").unwrap();
    let store = open(&path);
    assert_eq!(
        store.connection_settings().unwrap().schema_version,
        SCHEMA_VERSION
    );
}

#[test]
fn file_connections_run_wal_with_foreign_keys_and_full_sync_by_default() {
    let (_dir, path) = temp_db();
    let store = open(&path);
    let s = store.connection_settings().unwrap();
    assert_eq!(s.journal_mode, "wal");
    assert!(s.foreign_keys);
    assert_eq!(s.synchronous, 2, "FULL");
    assert_eq!(s.busy_timeout_ms, 5000);
    assert_eq!(s.application_id, APPLICATION_ID);
    assert_eq!(SqliteOptions::default().durability, Durability::Full);
    // WAL is a property of the file: a fresh connection sees it too.
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn normal_durability_only_when_asked_for() {
    let (_dir, path) = temp_db();
    let options = SqliteOptions {
        durability: Durability::Normal,
        busy_timeout: std::time::Duration::from_millis(1500),
        read_connections: 1,
    };
    let store = SqliteStore::open(&path, options).unwrap();
    let s = store.connection_settings().unwrap();
    assert_eq!(s.synchronous, 1, "NORMAL");
    assert_eq!(s.busy_timeout_ms, 1500);
    assert!(s.foreign_keys);
}

#[test]
fn memory_stores_are_private_and_enforce_foreign_keys() {
    let a = memory();
    let b = SqliteStore::open(":memory:", SqliteOptions::default()).unwrap();
    insert_users(&a, &[&user("Ann Able")]);
    assert_eq!(
        a.read().unwrap().users(Default::default()).unwrap().total,
        1
    );
    assert_eq!(
        b.read().unwrap().users(Default::default()).unwrap().total,
        0
    );
    let s = a.connection_settings().unwrap();
    assert!(s.foreign_keys);
    assert_eq!(s.schema_version, SCHEMA_VERSION);
    assert!(a.path().is_none());
}

/// Opens `path`, expects a refusal for `reason`, and checks the file is byte for byte the same.
#[track_caller]
fn refused_untouched(path: &Path, reason: IncompatibleReason) {
    let before = std::fs::read(path).unwrap();
    for _ in 0..2 {
        assert_eq!(
            incompatible(SqliteStore::open(path, SqliteOptions::default())),
            reason
        );
    }
    assert_eq!(std::fs::read(path).unwrap(), before, "the file was changed");
}

#[test]
fn a_garbage_file_is_refused_as_corrupt_and_left_alone() {
    let (_dir, path) = temp_db();
    let garbage: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, &garbage).unwrap();
    refused_untouched(&path, IncompatibleReason::Corrupt);
    assert!(sidecars_absent(&path));
}

#[test]
fn a_short_text_file_is_refused_as_corrupt_and_left_alone() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"hello\n").unwrap();
    refused_untouched(&path, IncompatibleReason::Corrupt);
    assert!(sidecars_absent(&path));
}

#[test]
fn a_file_with_a_sqlite_header_but_garbage_after_it_is_refused_as_corrupt() {
    let (_dir, path) = temp_db();
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend((0..4080u32).map(|i| (i * 7 + 3) as u8));
    std::fs::write(&path, &bytes).unwrap();
    refused_untouched(&path, IncompatibleReason::Corrupt);
}

#[test]
fn another_applications_database_is_refused_and_left_alone() {
    let (_dir, path) = temp_db();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);
             INSERT INTO notes (text) VALUES ('keep me');",
        )
        .unwrap();
    }
    refused_untouched(&path, IncompatibleReason::NotLexcase);
    assert!(sidecars_absent(&path));
    let conn = Connection::open(&path).unwrap();
    let text: String = conn
        .query_row("SELECT text FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(text, "keep me");
}

#[test]
fn another_applications_wal_database_is_refused_and_left_alone() {
    let (_dir, path) = temp_db();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);
             INSERT INTO notes (text) VALUES ('keep me');",
        )
        .unwrap();
    }
    refused_untouched(&path, IncompatibleReason::NotLexcase);
}

#[test]
fn an_empty_database_marked_by_another_application_is_refused() {
    for pragma in ["user_version = 7", "application_id = 1234"] {
        let (_dir, path) = temp_db();
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(&format!("PRAGMA {pragma}")).unwrap();
        }
        refused_untouched(&path, IncompatibleReason::NotLexcase);
    }
}

#[test]
fn a_database_from_a_newer_lexcase_is_refused_and_left_alone() {
    let (_dir, path) = temp_db();
    let u = user("Ann Able");
    {
        let store = open(&path);
        insert_users(&store, &[&u]);
    }
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    refused_untouched(
        &path,
        IncompatibleReason::TooNew {
            found: SCHEMA_VERSION + 1,
            supported: SCHEMA_VERSION,
        },
    );
    // Put the version back and everything is still there.
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)
            .unwrap();
    }
    let store = open(&path);
    assert_eq!(store.read().unwrap().user(u.id).unwrap(), Some(u));
}

#[test]
fn a_directory_is_a_storage_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let err = SqliteStore::open(dir.path(), SqliteOptions::default()).unwrap_err();
    assert_eq!(err.code(), lexcase::ErrorCode::Storage, "{err}");
}
