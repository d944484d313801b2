//! Numbered, append-only schema migrations, and the check that a file is ours.
//!
//! The schema version lives in the file's header (`PRAGMA user_version`), beside
//! `PRAGMA application_id` = [`APPLICATION_ID`], which marks the file as a lexcase database.
//! Never edit or reorder a released migration: add the next one at the end.

use lexcase::{IncompatibleReason, LexcaseError, Result};
use rusqlite::Connection;

use crate::error::{Db, on_open};

/// `PRAGMA application_id` of lexcase files: "LXCS" in ASCII.
pub const APPLICATION_ID: i32 = 0x4C58_4353;

/// One migration: a script, or the upgrade to typed columns (schema 10), which copies every
/// record through Rust.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// SQL run as it is.
    Script(&'static str),
    /// [`crate::upgrade::to_typed`].
    Typed,
}

/// The migrations, in order; migration `n` (from 1) brings the schema to version `n`. A new,
/// empty database skips them all and is created at the latest version from
/// [`crate::upgrade::SCHEMA`].
const MIGRATIONS: &[Step] = &[
    Step::Script(include_str!("schema/0001_initial.sql")),
    Step::Script(include_str!("schema/0002_workflow.sql")),
    Step::Script(include_str!("schema/0003_tasks.sql")),
    Step::Script(include_str!("schema/0004_notes.sql")),
    Step::Script(include_str!("schema/0005_documents.sql")),
    Step::Script(include_str!(
        "schema/0006_calendar_docket_communications.sql"
    )),
    Step::Script(include_str!("schema/0007_time_and_expenses.sql")),
    Step::Script(include_str!("schema/0008_bills_and_client_money.sql")),
    Step::Script(include_str!("schema/0009_conflicts.sql")),
    Step::Typed,
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// What a file's header and catalogue say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileState {
    application_id: i32,
    user_version: i64,
    objects: i64,
}

/// Reads the header fields and counts the schema objects. Reads only.
pub(crate) fn inspect(conn: &Connection) -> Result<FileState> {
    let application_id = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(on_open)?;
    let user_version = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(on_open)?;
    let objects = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(on_open)?;
    Ok(FileState {
        application_id,
        user_version,
        objects,
    })
}

/// Decides whether a file may be used by this build, and from which schema version it must be
/// migrated.
pub(crate) fn check(state: FileState) -> Result<i64> {
    check_against(state, SCHEMA_VERSION)
}

/// [`check`] for a build that understands schema versions up to `supported`.
fn check_against(state: FileState, supported: i64) -> Result<i64> {
    let refuse = |reason| Err(LexcaseError::IncompatibleDatabase { reason });
    if state.application_id == APPLICATION_ID {
        if state.user_version > supported {
            return refuse(IncompatibleReason::TooNew {
                found: state.user_version,
                supported,
            });
        }
        if state.user_version < 0 {
            return refuse(IncompatibleReason::Corrupt);
        }
        return Ok(state.user_version);
    }
    // Not marked as ours: only a pristine, empty database may become a lexcase database.
    if state.application_id == 0 && state.user_version == 0 && state.objects == 0 {
        Ok(0)
    } else {
        refuse(IncompatibleReason::NotLexcase)
    }
}

/// Brings the schema up to [`SCHEMA_VERSION`] in one transaction, checking the file again
/// under the write lock (another process may have migrated it meanwhile).
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_steps(conn, MIGRATIONS, Some(crate::upgrade::SCHEMA))
}

/// [`migrate`] with a given list of scripts (for tests).
#[cfg(test)]
fn migrate_with(conn: &mut Connection, scripts: &[&'static str]) -> Result<()> {
    let steps: Vec<Step> = scripts.iter().map(|s| Step::Script(s)).collect();
    migrate_steps(conn, &steps, None)
}

/// Runs the pending `migrations`; a new database is created from `baseline` when one is given.
fn migrate_steps(conn: &mut Connection, migrations: &[Step], baseline: Option<&str>) -> Result<()> {
    let target = i64::try_from(migrations.len())
        .map_err(|_| LexcaseError::storage("too many migrations"))?;
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(on_open)?;
    let from = check_against(inspect(&tx)?, target)?;
    if from == target {
        return Ok(());
    }
    match baseline {
        Some(schema) if from == 0 => tx.execute_batch(schema).db()?,
        _ => {
            for step in migrations.iter().skip(usize::try_from(from).unwrap_or(0)) {
                match step {
                    Step::Script(script) => tx.execute_batch(script).db()?,
                    Step::Typed => crate::upgrade::to_typed(&tx)?,
                }
            }
        }
    }
    tx.pragma_update(None, "user_version", target).db()?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .db()?;
    tx.commit().db()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(application_id: i32, user_version: i64, objects: i64) -> FileState {
        FileState {
            application_id,
            user_version,
            objects,
        }
    }

    fn reason(state: FileState) -> IncompatibleReason {
        match check(state) {
            Err(LexcaseError::IncompatibleDatabase { reason }) => reason,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn classifies_files() {
        assert_eq!(check(state(0, 0, 0)).unwrap(), 0);
        assert_eq!(check(state(APPLICATION_ID, 1, 12)).unwrap(), 1);
        assert_eq!(check(state(APPLICATION_ID, 0, 0)).unwrap(), 0);
        assert_eq!(reason(state(0, 0, 1)), IncompatibleReason::NotLexcase);
        assert_eq!(reason(state(0, 3, 0)), IncompatibleReason::NotLexcase);
        assert_eq!(reason(state(42, 0, 0)), IncompatibleReason::NotLexcase);
        assert_eq!(
            reason(state(APPLICATION_ID, SCHEMA_VERSION + 1, 5)),
            IncompatibleReason::TooNew {
                found: SCHEMA_VERSION + 1,
                supported: SCHEMA_VERSION
            }
        );
    }

    #[test]
    fn applies_only_the_pending_migrations_and_refuses_newer_files() {
        let one = ["CREATE TABLE a (x INTEGER);"];
        let two = [
            one[0],
            "ALTER TABLE a ADD COLUMN y TEXT; INSERT INTO a VALUES (1, 'y');",
        ];
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_with(&mut conn, &one).unwrap();
        conn.execute("INSERT INTO a VALUES (7)", []).unwrap();
        // Migration 1 is not run again (it would fail: table a exists).
        migrate_with(&mut conn, &two).unwrap();
        let s = inspect(&conn).unwrap();
        assert_eq!((s.application_id, s.user_version), (APPLICATION_ID, 2));
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM a", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 2);
        // A build that knows only migration 1 refuses the file and leaves it as it is.
        match migrate_with(&mut conn, &one).unwrap_err() {
            LexcaseError::IncompatibleDatabase {
                reason: IncompatibleReason::TooNew { found, supported },
            } => assert_eq!((found, supported), (2, 1)),
            other => panic!("{other:?}"),
        }
        assert_eq!(inspect(&conn).unwrap().user_version, 2);
    }

    #[test]
    fn a_failing_migration_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        let broken = ["CREATE TABLE a (x INTEGER);", "THIS IS NOT SQL;"];
        assert!(migrate_with(&mut conn, &broken).is_err());
        let s = inspect(&conn).unwrap();
        assert_eq!((s.application_id, s.user_version, s.objects), (0, 0, 0));
    }

    #[test]
    fn a_version_one_file_gains_the_workflow_tables_and_keeps_its_data() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_steps(&mut conn, &MIGRATIONS[..1], None).unwrap();
        conn.execute("INSERT INTO sequences VALUES ('SMI-{SEQ}', 41)", [])
            .unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(inspect(&conn).unwrap().user_version, SCHEMA_VERSION);
        let kept: i64 = conn
            .query_row("SELECT value FROM sequences", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, 41);
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name IN ('workflow_templates', 'matter_workflows')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 2);
    }

    #[test]
    fn a_version_five_file_indexes_the_emails_of_its_contacts() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_steps(&mut conn, &MIGRATIONS[..5], None).unwrap();
        let body = r#"{"emails": [{"address": "Jane@Example.com", "label": null}, {"address": "j.smith@work.example"}]}"#;
        conn.execute(
            "INSERT INTO contacts (id, version, kind, sort_name, search_key, body) \
             VALUES (x'00000000000000000000000000000001', 1, 'person', 'Smith', 'smith', ?1)",
            [body],
        )
        .unwrap();
        migrate_steps(&mut conn, &MIGRATIONS[..9], None).unwrap();
        let emails: Vec<String> = conn
            .prepare("SELECT email FROM contact_emails ORDER BY email")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(emails, vec!["j.smith@work.example", "jane@example.com"]);
    }

    #[test]
    fn migrates_an_empty_database_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let s = inspect(&conn).unwrap();
        assert_eq!(
            (s.application_id, s.user_version),
            (APPLICATION_ID, SCHEMA_VERSION)
        );
    }
}
