//! The conformance suite on the PostgreSQL store: every case on a new firm of one shared
//! database (so the cases run in parallel, side by side, as a vendor's firms do).
//!
//! Needs `LEXCASE_TEST_PG_URL`: a connection URL for the application's role (neither a
//! superuser nor BYPASSRLS). When `LEXCASE_TEST_PG_OWNER_URL` is set too, the schema is first
//! migrated as that owner and the application role (`LEXCASE_TEST_PG_APP_ROLE`, default
//! `lexcase_app`) granted its privileges; otherwise the application role migrates it itself.
//! `scripts/test.sh` starts a throwaway cluster and sets them; without them every case is
//! reported as skipped.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::{Arc, OnceLock};

use lexcase::store::Store;
use lexcase_postgres::{MigrateOptions, PgDatabase, PgOptions, migrate};
use lexcase_sqlite::{SqliteOptions, SqliteStore};

/// The shared database, connected (and migrated) once per test process.
fn database() -> Option<&'static PgDatabase> {
    static DATABASE: OnceLock<Option<PgDatabase>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let url = std::env::var("LEXCASE_TEST_PG_URL").ok()?;
            if let Ok(owner) = std::env::var("LEXCASE_TEST_PG_OWNER_URL") {
                let app_role =
                    std::env::var("LEXCASE_TEST_PG_APP_ROLE").unwrap_or("lexcase_app".into());
                let options = MigrateOptions {
                    app_role: Some(app_role),
                    ..MigrateOptions::default()
                };
                migrate(&owner, &options).expect("migrate the test database as its owner");
            }
            let options = PgOptions {
                max_connections: 24,
                ..PgOptions::default()
            };
            Some(PgDatabase::connect(&url, options).expect("connect to LEXCASE_TEST_PG_URL"))
        })
        .as_ref()
}

fn make() -> Arc<dyn Store> {
    let db = database().expect("LEXCASE_TEST_PG_URL is set");
    Arc::new(db.open_firm(uuid::Uuid::now_v7()).unwrap())
}

fn skip() -> Option<String> {
    database()
        .is_none()
        .then(|| "LEXCASE_TEST_PG_URL is not set (scripts/test.sh sets it)".into())
}

lexcase_conformance::conformance_tests!(make, skip = skip);

/// A firm with data in every area, kept in a SQLite file, moves to PostgreSQL through an
/// archive: exported again from PostgreSQL it gives the same bytes, and its imported audit
/// chain verifies with the same head.
#[test]
fn a_sqlite_firm_moves_to_postgres_byte_identically() {
    if let Some(why) = skip() {
        eprintln!("a_sqlite_firm_moves_to_postgres_byte_identically: skipped: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sqlite = || -> Arc<dyn Store> {
        let file = dir.path().join(format!("{}.lexcase", uuid::Uuid::now_v7()));
        Arc::new(SqliteStore::open(file, SqliteOptions::default()).unwrap())
    };
    lexcase_conformance::cases::archive::firm_moves_byte_identically(&sqlite, &make);
}
