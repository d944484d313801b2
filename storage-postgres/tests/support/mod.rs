//! What the PostgreSQL tests share: the database named by the environment (see
//! `scripts/test.sh`), migrated once per test process, and the skip rule without it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;

use lexcase_postgres::{MigrateOptions, PgDatabase, PgOptions, migrate};

/// The application role's URL (`LEXCASE_TEST_PG_URL`).
pub fn app_url() -> Option<String> {
    std::env::var("LEXCASE_TEST_PG_URL").ok()
}

/// The schema owner's URL (`LEXCASE_TEST_PG_OWNER_URL`).
pub fn owner_url() -> Option<String> {
    std::env::var("LEXCASE_TEST_PG_OWNER_URL").ok()
}

/// A superuser's URL (`LEXCASE_TEST_PG_SUPERUSER_URL`).
pub fn superuser_url() -> Option<String> {
    std::env::var("LEXCASE_TEST_PG_SUPERUSER_URL").ok()
}

/// The application role's name.
pub fn app_role() -> String {
    std::env::var("LEXCASE_TEST_PG_APP_ROLE").unwrap_or("lexcase_app".into())
}

/// Whether the test named `name` must be skipped for want of `what` (and says so).
pub fn skip(name: &str, what: &Option<String>) -> bool {
    if what.is_none() {
        skipped(name);
    }
    what.is_none()
}

/// Says the test named `name` is skipped for want of a configured database.
pub fn skipped(name: &str) {
    eprintln!("{name}: skipped: no PostgreSQL configured (scripts/test.sh sets LEXCASE_TEST_PG_*)");
}

/// The shared database, migrated as its owner (when known) and connected as the application.
pub fn database() -> Option<&'static PgDatabase> {
    static DATABASE: OnceLock<Option<PgDatabase>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let url = app_url()?;
            if let Some(owner) = owner_url() {
                let options = MigrateOptions {
                    app_role: Some(app_role()),
                    ..MigrateOptions::default()
                };
                migrate(&owner, &options).expect("migrate the test database as its owner");
            }
            Some(PgDatabase::connect(&url, PgOptions::default()).expect("connect"))
        })
        .as_ref()
}

/// A plain connection to `url`.
pub fn client(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).expect("connect")
}
