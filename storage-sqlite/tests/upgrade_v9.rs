//! Upgrade in place: a firm file written by the schema-9 release (the committed fixture in
//! `fixtures/v9`, with data in every area) opens, migrates to the typed schema, and keeps every
//! record, every audit event and a valid chain that new events continue.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "upgrade/dump.rs"]
mod dump;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use lexcase::clock::FixedClock;
use lexcase::contacts::NewContact;
use lexcase::service::Firm;
use lexcase_sqlite::{SCHEMA_VERSION, SqliteOptions, SqliteStore, blobs_beside};
use serde_json::Value;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v9")
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the fixture in a temporary directory: the database file and its blobs.
fn fixture_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(dump::DB_FILE);
    std::fs::copy(fixture_dir().join(dump::DB_FILE), &db).unwrap();
    copy_tree(
        &fixture_dir().join(format!("{}.blobs", dump::DB_FILE)),
        &dir.path().join(format!("{}.blobs", dump::DB_FILE)),
    );
    (dir, db)
}

fn end() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(dump::END)
        .unwrap()
        .with_timezone(&Utc)
}

fn open_firm(path: &Path) -> Firm {
    let store = SqliteStore::open(path, SqliteOptions::default()).unwrap();
    Firm::with_clock(Arc::new(store), Arc::new(FixedClock::new(end())))
        .with_blobs(blobs_beside(path).unwrap())
}

fn user_version(path: &Path) -> i64 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// What the schema-9 dump says, in the shape the current API gives it: an audit event's one
/// `matter` is now the list of `matters` it concerns, and a bill's JSON no longer repeats each
/// line's totals in its own totals.
fn as_now(mut expected: Value) -> Value {
    if let Some(bills) = expected.get_mut("bills").and_then(Value::as_array_mut) {
        for bill in bills {
            if let Some(totals) = bill.get_mut("totals").and_then(Value::as_object_mut) {
                totals.remove("lines");
            }
        }
    }
    if let Some(events) = expected
        .pointer_mut("/audit/events")
        .and_then(Value::as_array_mut)
    {
        for event in events {
            let object = event.as_object_mut().unwrap();
            let matter = object.remove("matter").unwrap();
            let matters = if matter.is_null() {
                Value::Array(vec![])
            } else {
                Value::Array(vec![matter])
            };
            object.insert("matters".into(), matters);
        }
    }
    expected
}

/// Whether two texts say the same: equal, or equal cell by cell (CSV, plain values) where
/// cells that are both decimals compare as numbers. Schema 10 keeps money in the currency's
/// canonical form, so an amount written as `0` by schema 9 reads back as `0.00`.
fn same_text(expected: &str, actual: &str) -> bool {
    let cells =
        |s: &str| -> Vec<String> { s.split(['\r', '\n', ',']).map(str::to_owned).collect() };
    let (e, a) = (cells(expected), cells(actual));
    e.len() == a.len()
        && e.iter().zip(&a).all(|(x, y)| {
            x == y
                || matches!(
                    (x.parse::<rust_decimal::Decimal>(), y.parse::<rust_decimal::Decimal>()),
                    (Ok(p), Ok(q)) if p == q
                )
        })
}

/// Every difference between `expected` and `actual` (fields only `actual` has are allowed:
/// the API may have grown), as JSON pointers.
fn differences(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                let here = format!("{path}/{key}");
                match a.get(key) {
                    Some(other) => differences(&here, value, other, out),
                    None => out.push(format!("{here}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (x, y)) in e.iter().zip(a).enumerate() {
                differences(&format!("{path}/{i}"), x, y, out);
            }
        }
        (Value::String(e), Value::String(a)) if same_text(e, a) => {}
        _ if expected != actual => out.push(format!("{path}: expected {expected}, got {actual}")),
        _ => {}
    }
}

#[test]
fn a_schema_9_firm_upgrades_in_place_and_keeps_everything() {
    let (_dir, db) = fixture_copy();
    assert_eq!(user_version(&db), 9);
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture_dir().join("expected.json")).unwrap(),
    )
    .unwrap();

    let firm = open_firm(&db);
    assert_eq!(user_version(&db), SCHEMA_VERSION);
    let actual = dump::dump(&firm).unwrap();
    let mut diffs = Vec::new();
    let mut expected = as_now(expected);
    // The fixture section names the schema it was written at.
    expected.as_object_mut().unwrap().remove("fixture");
    differences("", &expected, &actual, &mut diffs);
    assert!(
        diffs.is_empty(),
        "{} differences after the upgrade:\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(400)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );

    // The chain verifies, and new events (written in the new encoding) continue it.
    let admin = firm.session_by_email(dump::ADMIN_EMAIL).unwrap();
    let before = admin.audit().verify().unwrap();
    assert!(before.is_intact(), "{before:?}");
    assert_eq!(before.events_checked, 298);
    admin
        .contacts()
        .create(NewContact::person("Nadia", "Newcomer"))
        .unwrap();
    let after = admin.audit().verify().unwrap();
    assert!(after.is_intact(), "{after:?}");
    assert_eq!(after.events_checked, 299);

    // Reopening finds the file at the new version and does not migrate again.
    drop(admin);
    drop(firm);
    let firm = open_firm(&db);
    let admin = firm.session_by_email(dump::ADMIN_EMAIL).unwrap();
    assert!(admin.audit().verify().unwrap().is_intact());
}

#[test]
fn a_file_that_fails_to_upgrade_is_left_as_it_was() {
    let (_dir, db) = fixture_copy();
    let before = std::fs::read(&db).unwrap();
    // Corrupt one record's body: the upgrade reads every body, so it must fail, and roll back.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE tasks SET body = '{\"not\": \"a task\"}' WHERE rowid = (SELECT min(rowid) FROM tasks)",
            [],
        )
        .unwrap();
    }
    let damaged = std::fs::read(&db).unwrap();
    assert_ne!(before, damaged);
    assert!(SqliteStore::open(&db, SqliteOptions::default()).is_err());
    assert_eq!(user_version(&db), 9);
    let tables: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'legacy_%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0);
}
