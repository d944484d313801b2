//! Numbered, append-only schema migrations, and the check that a schema is ours.
//!
//! The schema version lives in the table `schema_version` of lexcase's schema (one row:
//! the application, `lexcase`, and the version). A schema holding other tables but no such
//! row, or a newer version than this build knows, is refused with
//! [`LexcaseError::IncompatibleDatabase`] after reading only: nothing is changed. Migrations
//! run in one transaction (PostgreSQL's DDL is transactional), under a transaction-level
//! advisory lock so that processes starting together migrate once. Never edit or reorder a
//! released migration: add the next one at the end.

use lexcase::{IncompatibleReason, LexcaseError, Result};
use postgres::{Client, GenericClient};

use crate::error::Db;
use crate::options::identifier;

/// The application name kept in `schema_version`.
pub const APPLICATION: &str = "lexcase";

/// The migrations, in order; migration `n` (from 1) brings the schema to version `n`.
const MIGRATIONS: &[&str] = &[
    include_str!("schema/0001_tables.sql"),
    include_str!("schema/0002_row_security.sql"),
    include_str!("schema/0003_document_text.sql"),
];

/// Every migration of this build.
pub(crate) fn all() -> &'static [&'static str] {
    MIGRATIONS
}

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Tables the application role may read and insert into but never change.
const APPEND_ONLY: &[&str] = &["audit_log", "client_money_entries"];

/// The advisory lock key migrators of one database take (the first 8 bytes of "lexcase-").
const MIGRATION_LOCK: i64 = 0x6c65_7863_6173_652d;

/// What a schema holds, read without changing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SchemaState {
    /// Tables, views, sequences and other relations in the schema.
    objects: i64,
    /// The row of `schema_version`, if the table exists and has one.
    recorded: Option<(String, i64)>,
}

/// Reads what `schema` holds. Reads only.
pub(crate) fn inspect(client: &mut impl GenericClient, schema: &str) -> Result<SchemaState> {
    let row = client
        .query_one(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = $1",
            &[&schema],
        )
        .db()?;
    let objects: i64 = row.get(0);
    let has_version = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n \
             ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = 'schema_version')",
            &[&schema],
        )
        .db()?
        .get::<_, bool>(0);
    let recorded = if has_version {
        let sql = format!("SELECT application, version FROM {schema}.schema_version LIMIT 1");
        client
            .query_opt(&sql, &[])
            .db()?
            .map(|r| (r.get::<_, String>(0), r.get::<_, i64>(1)))
    } else {
        None
    };
    Ok(SchemaState { objects, recorded })
}

/// Decides whether a schema may be used by this build, and from which version it must be
/// migrated.
pub(crate) fn check(state: &SchemaState) -> Result<i64> {
    check_against(state, SCHEMA_VERSION)
}

fn check_against(state: &SchemaState, supported: i64) -> Result<i64> {
    let refuse = |reason| Err(LexcaseError::IncompatibleDatabase { reason });
    match &state.recorded {
        Some((application, version)) if application == APPLICATION => {
            if *version > supported {
                refuse(IncompatibleReason::TooNew {
                    found: *version,
                    supported,
                })
            } else if *version < 0 {
                refuse(IncompatibleReason::Corrupt)
            } else {
                Ok(*version)
            }
        }
        Some(_) => refuse(IncompatibleReason::NotLexcase),
        // Only an empty (or absent) schema may become lexcase's.
        None if state.objects == 0 => Ok(0),
        None => refuse(IncompatibleReason::NotLexcase),
    }
}

/// How [`migrate`] prepares a database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrateOptions {
    /// The schema (see [`crate::PgOptions::schema`]).
    pub schema: String,
    /// A login role for the application, granted what it needs and nothing more: use of the
    /// schema, reading and writing the firms' tables, and only reading and inserting into the
    /// append-only ones (the audit log, client money). The role must exist.
    pub app_role: Option<String>,
}

impl Default for MigrateOptions {
    fn default() -> Self {
        Self {
            schema: "lexcase".into(),
            app_role: None,
        }
    }
}

/// Brings the schema of the database at `url` up to [`SCHEMA_VERSION`], connecting as its
/// owner (the role that creates the schema and owns its tables), and grants the application
/// role its privileges. Returns the version the schema was at. A schema that is not
/// lexcase's, or is newer, is refused and left as it was.
pub fn migrate(url: &str, options: &MigrateOptions) -> Result<i64> {
    let config = crate::database::config(url, &options.schema)?;
    let mut client = config.connect(postgres::NoTls).db()?;
    migrate_client(&mut client, options, MIGRATIONS)
}

/// [`migrate`] on an open connection.
pub(crate) fn migrate_client(
    client: &mut Client,
    options: &MigrateOptions,
    migrations: &[&str],
) -> Result<i64> {
    let schema = identifier("schema", &options.schema)?;
    let role = match &options.app_role {
        Some(role) => Some(identifier("app_role", role)?),
        None => None,
    };
    let target = i64::try_from(migrations.len())
        .map_err(|_| LexcaseError::storage("too many migrations"))?;
    let mut tx = client.transaction().db()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .db()?;
    let from = check_against(&inspect(&mut tx, schema)?, target)?;
    if from < target {
        tx.batch_execute(&format!(
            "CREATE SCHEMA IF NOT EXISTS {schema}; SET LOCAL search_path TO {schema}; \
             CREATE TABLE IF NOT EXISTS schema_version (\
                 application text NOT NULL, version bigint NOT NULL)"
        ))
        .db()?;
        for script in migrations.iter().skip(usize::try_from(from).unwrap_or(0)) {
            tx.batch_execute(script).db()?;
        }
        tx.execute("DELETE FROM schema_version", &[]).db()?;
        tx.execute(
            "INSERT INTO schema_version (application, version) VALUES ($1, $2)",
            &[&APPLICATION, &target],
        )
        .db()?;
    }
    if is_citus(&mut tx)? {
        distribute(&mut tx, schema)?;
    }
    if let Some(role) = role {
        grant(&mut tx, schema, role)?;
    }
    tx.commit().db()?;
    Ok(from)
}

/// Whether the database is a Citus coordinator (the `citus` extension is installed).
pub(crate) fn is_citus(client: &mut impl GenericClient) -> Result<bool> {
    Ok(client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')",
            &[],
        )
        .db()?
        .get(0))
}

/// On Citus, distributes every table of `schema` not distributed yet (idempotent): the
/// firm-scoped tables by `firm_id`, all colocated with `firms` (so a firm's rows of every
/// table sit in one shard group and each statement of the store, which names its firm, runs
/// on one worker); tables without a firm (`schema_version`, and any global catalogue) as
/// reference tables copied to every node. Tables are taken in the order they were created, which is the order
/// their foreign keys need.
fn distribute(tx: &mut postgres::Transaction<'_>, schema: &str) -> Result<()> {
    let pending = tx
        .query(
            "SELECT c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid \
             AND a.attname = 'firm_id' AND NOT a.attisdropped) \
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') \
             AND NOT EXISTS (SELECT 1 FROM pg_dist_partition d WHERE d.logicalrelid = c.oid) \
             ORDER BY c.relname <> 'firms', c.oid",
            &[&schema],
        )
        .db()?;
    let firms = format!("{schema}.firms");
    let has_firms = tx
        .query_one("SELECT to_regclass($1) IS NOT NULL", &[&firms])
        .db()?
        .get::<_, bool>(0);
    for row in pending {
        let table: String = row.get(0);
        let by_firm: bool = row.get(1);
        let qualified = format!("{schema}.{}", identifier("table", &table)?);
        let statement = match table.as_str() {
            _ if !by_firm || !has_firms => {
                "SELECT create_reference_table($1::text::regclass)".to_owned()
            }
            "firms" => "SELECT create_distributed_table($1::text::regclass, 'firm_id')".to_owned(),
            _ => format!(
                "SELECT create_distributed_table($1::text::regclass, 'firm_id', \
                 colocate_with => '{schema}.firms')"
            ),
        };
        tx.execute(&statement, &[&qualified]).db()?;
    }
    Ok(())
}

/// Grants `role` the use of `schema`'s tables (idempotent).
fn grant(tx: &mut postgres::Transaction<'_>, schema: &str, role: &str) -> Result<()> {
    let append_only = APPEND_ONLY
        .iter()
        .map(|t| format!("{schema}.{t}"))
        .collect::<Vec<_>>()
        .join(", ");
    tx.batch_execute(&format!(
        "GRANT USAGE ON SCHEMA {schema} TO {role}; \
         GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}; \
         REVOKE UPDATE, DELETE, TRUNCATE ON {append_only} FROM {role}; \
         REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {schema}.schema_version FROM {role}"
    ))
    .db()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(objects: i64, recorded: Option<(&str, i64)>) -> SchemaState {
        SchemaState {
            objects,
            recorded: recorded.map(|(a, v)| (a.to_owned(), v)),
        }
    }

    fn reason(state: &SchemaState) -> IncompatibleReason {
        match check(state) {
            Err(LexcaseError::IncompatibleDatabase { reason }) => reason,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn classifies_schemas() {
        assert_eq!(check(&state(0, None)).unwrap(), 0);
        assert_eq!(check(&state(40, Some((APPLICATION, 1)))).unwrap(), 1);
        assert_eq!(reason(&state(3, None)), IncompatibleReason::NotLexcase);
        assert_eq!(
            reason(&state(3, Some(("other", 1)))),
            IncompatibleReason::NotLexcase
        );
        assert_eq!(
            reason(&state(3, Some((APPLICATION, -1)))),
            IncompatibleReason::Corrupt
        );
        assert_eq!(
            reason(&state(40, Some((APPLICATION, SCHEMA_VERSION + 1)))),
            IncompatibleReason::TooNew {
                found: SCHEMA_VERSION + 1,
                supported: SCHEMA_VERSION
            }
        );
    }
}

/// Migrations applied to a real server (skipped without `LEXCASE_TEST_PG_OWNER_URL`).
#[cfg(test)]
mod on_a_server {
    use super::*;

    /// A connection of the owner, and a schema of its own for the test (dropped first).
    fn fresh(schema: &str) -> Option<(Client, MigrateOptions)> {
        let url = std::env::var("LEXCASE_TEST_PG_OWNER_URL").ok()?;
        let mut client = crate::database::config(&url, schema)
            .unwrap()
            .connect(postgres::NoTls)
            .unwrap();
        client
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
            .unwrap();
        let options = MigrateOptions {
            schema: schema.into(),
            app_role: None,
        };
        Some((client, options))
    }

    fn version(client: &mut Client, schema: &str) -> i64 {
        check(&inspect(client, schema).unwrap()).unwrap()
    }

    #[test]
    fn applies_only_the_pending_migrations_and_refuses_newer_schemas() {
        let schema = format!("unit_steps_{}", std::process::id());
        let Some((mut client, options)) = fresh(&schema) else {
            return;
        };
        let one = ["CREATE TABLE a (x int);"];
        let two = [
            one[0],
            "ALTER TABLE a ADD COLUMN y text; INSERT INTO a VALUES (1, 'y');",
        ];
        assert_eq!(migrate_client(&mut client, &options, &one).unwrap(), 0);
        client
            .batch_execute(&format!("INSERT INTO {schema}.a VALUES (7)"))
            .unwrap();
        // Migration 1 is not run again (it would fail: table a exists).
        assert_eq!(migrate_client(&mut client, &options, &two).unwrap(), 1);
        let rows: i64 = client
            .query_one(&format!("SELECT count(*) FROM {schema}.a"), &[])
            .unwrap()
            .get(0);
        assert_eq!(rows, 2);
        // A build that knows only migration 1 refuses the schema and leaves it as it is.
        match migrate_client(&mut client, &options, &one).unwrap_err() {
            LexcaseError::IncompatibleDatabase {
                reason: IncompatibleReason::TooNew { found, supported },
            } => assert_eq!((found, supported), (2, 1)),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            check_against(&inspect(&mut client, &schema).unwrap(), 2).unwrap(),
            2
        );
        client
            .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
            .unwrap();
    }

    #[test]
    fn a_failing_migration_changes_nothing() {
        let schema = format!("unit_failing_{}", std::process::id());
        let Some((mut client, options)) = fresh(&schema) else {
            return;
        };
        let broken = ["CREATE TABLE a (x int);", "THIS IS NOT SQL;"];
        assert!(migrate_client(&mut client, &options, &broken).is_err());
        let state = inspect(&mut client, &schema).unwrap();
        assert_eq!(
            state,
            SchemaState {
                objects: 0,
                recorded: None
            }
        );
        assert_eq!(version(&mut client, &schema), 0);
    }
}
