//! Opening a schema: a new one is created and migrated once; one written by a newer lexcase,
//! or holding other tables, is refused with a typed error and left exactly as it was.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use lexcase::{IncompatibleReason, LexcaseError};
use lexcase_postgres::{MigrateOptions, PgDatabase, PgOptions, SCHEMA_VERSION, migrate};

/// A schema name of its own for each test, dropped when the guard goes.
struct Schema {
    name: String,
    owner: String,
}

impl Schema {
    fn new(owner: String, tag: &str) -> Self {
        let name = format!("mig_{tag}_{}", std::process::id());
        let s = Self { name, owner };
        s.sql(&format!("DROP SCHEMA IF EXISTS {} CASCADE", s.name));
        s
    }

    fn sql(&self, sql: &str) {
        support::client(&self.owner).batch_execute(sql).unwrap();
    }

    fn options(&self) -> PgOptions {
        PgOptions {
            schema: self.name.clone(),
            ..PgOptions::default()
        }
    }

    fn migrate(&self) -> lexcase::Result<i64> {
        migrate(
            &self.owner,
            &MigrateOptions {
                schema: self.name.clone(),
                app_role: Some(support::app_role()),
            },
        )
    }

    /// Every relation in the schema with its kind, and the recorded version, if any.
    fn snapshot(&self) -> (Vec<(String, String)>, Option<i64>) {
        let mut c = support::client(&self.owner);
        let relations = c
            .query(
                "SELECT c.relname::text, c.relkind::text FROM pg_class c \
                 JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 ORDER BY 1",
                &[&self.name],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let version = c
            .query_opt(
                &format!("SELECT version FROM {}.schema_version", self.name),
                &[],
            )
            .ok()
            .flatten()
            .map(|r| r.get(0));
        (relations, version)
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        let _ = support::client(&self.owner)
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
    }
}

fn reason(error: LexcaseError) -> IncompatibleReason {
    match error {
        LexcaseError::IncompatibleDatabase { reason } => reason,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_new_schema_is_created_and_migrated_once() {
    let owner = support::owner_url();
    if support::skip("migrated_once", &owner) {
        return;
    }
    let s = Schema::new(owner.unwrap(), "new");
    assert_eq!(s.migrate().unwrap(), 0);
    assert_eq!(s.migrate().unwrap(), SCHEMA_VERSION);
    let (relations, version) = s.snapshot();
    assert_eq!(version, Some(SCHEMA_VERSION));
    assert!(relations.iter().any(|(n, _)| n == "audit_log"));
    // The application opens it without migrating anything.
    let app = support::app_url().unwrap();
    let options = PgOptions {
        migrate: false,
        ..s.options()
    };
    PgDatabase::connect(&app, options).unwrap();
    assert_eq!(s.snapshot(), (relations, version));
}

#[test]
fn a_newer_schema_is_refused_and_left_alone() {
    let owner = support::owner_url();
    if support::skip("newer_refused", &owner) {
        return;
    }
    let s = Schema::new(owner.clone().unwrap(), "newer");
    s.migrate().unwrap();
    s.sql(&format!(
        "UPDATE {}.schema_version SET version = {}",
        s.name,
        SCHEMA_VERSION + 1
    ));
    let before = s.snapshot();
    for url in [owner.unwrap(), support::app_url().unwrap()] {
        let err = PgDatabase::connect(&url, s.options()).unwrap_err();
        assert_eq!(
            reason(err),
            IncompatibleReason::TooNew {
                found: SCHEMA_VERSION + 1,
                supported: SCHEMA_VERSION
            }
        );
    }
    assert_eq!(
        reason(s.migrate().unwrap_err()),
        IncompatibleReason::TooNew {
            found: SCHEMA_VERSION + 1,
            supported: SCHEMA_VERSION
        }
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn a_schema_of_other_tables_is_refused_and_left_alone() {
    let owner = support::owner_url();
    if support::skip("foreign_refused", &owner) {
        return;
    }
    let s = Schema::new(owner.clone().unwrap(), "foreign");
    s.sql(&format!(
        "CREATE SCHEMA {0}; CREATE TABLE {0}.invoices (id int PRIMARY KEY)",
        s.name
    ));
    let before = s.snapshot();
    let err = PgDatabase::connect(&owner.unwrap(), s.options()).unwrap_err();
    assert_eq!(reason(err), IncompatibleReason::NotLexcase);
    assert_eq!(
        reason(s.migrate().unwrap_err()),
        IncompatibleReason::NotLexcase
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn an_unmigrated_schema_is_refused_when_migrating_is_off() {
    let owner = support::owner_url();
    if support::skip("unmigrated_refused", &owner) {
        return;
    }
    let s = Schema::new(owner.clone().unwrap(), "off");
    let options = PgOptions {
        migrate: false,
        ..s.options()
    };
    let err = PgDatabase::connect(&owner.unwrap(), options).unwrap_err();
    assert_eq!(err.code(), lexcase::ErrorCode::Storage);
    assert_eq!(s.snapshot(), (Vec::new(), None));
}
