//! The upgrade of a schema-9 file to the typed schema 10, in place and in the migration's
//! transaction: every old table is renamed `legacy_…`, the schema-10 tables are created, every
//! record is read from its JSON body and written through the same code that writes it in
//! normal use, the audit log is copied event by event (events keep the JSON their hashes were
//! computed over, so the chain verifies as before, and new events continue it), and the old
//! tables are dropped.

use chrono::{DateTime, Utc};
use lexcase::appointments::Appointment;
use lexcase::audit::HashScheme;
use lexcase::bills::{Bill, Payment};
use lexcase::client_money::ClientMoneyEntry;
use lexcase::communications::Communication;
use lexcase::contacts::Contact;
use lexcase::docket::Deadline;
use lexcase::documents::Document;
use lexcase::matters::Matter;
use lexcase::notes::Note;
use lexcase::tasks::Task;
use lexcase::timekeeping::{Expense, TimeEntry};
use lexcase::users::User;
use lexcase::workflow::WorkflowProgress;
use lexcase::{LexcaseError, Result};
use rusqlite::Connection;
use serde::de::DeserializeOwned;

use crate::codec::from_json;
use crate::error::Db;
use crate::value::micros;
use crate::{
    appointments, bills, client_money, communications, conflict_index, deadlines, documents,
    matters, notes, tasks, work, workflow, write,
};

/// The schema-10 tables, created by this script.
pub(crate) const SCHEMA: &str = include_str!("schema/0010_typed.sql");

/// Every table of schema 9, children before parents (the order they are dropped in).
const OLD_TABLES: &[&str] = &[
    "audit_head",
    "audit_log",
    "trust_entries",
    "payments",
    "bill_matters",
    "bills",
    "keyed_records",
    "expenses",
    "time_entries",
    "communications",
    "contact_emails",
    "deadlines",
    "appointment_users",
    "appointments",
    "documents_text",
    "documents",
    "notes_text",
    "notes",
    "tasks",
    "matter_workflows",
    "workflow_templates",
    "matter_parties",
    "matter_walls",
    "matter_members",
    "contact_name_keys",
    "contact_affiliations",
    "matters",
    "contacts",
    "users",
    "sequences",
    "firm_settings",
];

/// Tables whose rows keep their shape: copied column for column.
const SAME_SHAPE: &[&str] = &[
    "firm_settings",
    "sequences",
    "keyed_records",
    "workflow_templates",
];

fn legacy(table: &str) -> String {
    format!("legacy_{table}")
}

/// Upgrades a schema-9 database to schema 10 inside the caller's transaction.
pub(crate) fn to_typed(conn: &Connection) -> Result<()> {
    set_aside_old_tables(conn)?;
    conn.execute_batch(SCHEMA).db()?;
    for table in SAME_SHAPE {
        conn.execute_batch(&format!(
            "INSERT INTO {table} SELECT * FROM {}",
            legacy(table)
        ))
        .db()?;
    }
    copy_records(conn)?;
    copy_audit(conn)?;
    for table in OLD_TABLES {
        conn.execute_batch(&format!("DROP TABLE {}", legacy(table)))
            .db()?;
    }
    Ok(())
}

/// Drops the old triggers and indexes (their names are taken again by schema 10) and renames
/// the old tables.
fn set_aside_old_tables(conn: &Connection) -> Result<()> {
    let names = |kind: &str| -> Result<Vec<String>> {
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = ?1 AND sql IS NOT NULL \
                 AND name NOT LIKE 'sqlite_%'",
            )
            .db()?;
        let rows = stmt.query_map([kind], |r| r.get::<_, String>(0)).db()?;
        rows.map(|r| r.db()).collect()
    };
    for trigger in names("trigger")? {
        conn.execute_batch(&format!("DROP TRIGGER \"{trigger}\""))
            .db()?;
    }
    for index in names("index")? {
        conn.execute_batch(&format!("DROP INDEX \"{index}\""))
            .db()?;
    }
    for table in OLD_TABLES {
        conn.execute_batch(&format!("ALTER TABLE {table} RENAME TO {}", legacy(table)))
            .db()?;
    }
    Ok(())
}

/// Reads every body of a legacy table, in `order`, and hands each record to `write`.
fn each_body<T: DeserializeOwned>(
    conn: &Connection,
    table: &str,
    entity: &str,
    order: &str,
    mut write: impl FnMut(&T) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT body FROM {} ORDER BY {order}",
            legacy(table)
        ))
        .db()?;
    let mut rows = stmt.query([]).db()?;
    while let Some(row) = rows.next().db()? {
        let body = row.get_ref(0).db()?.as_str().db()?;
        let record: T = from_json(entity, body)?;
        write(&record)?;
    }
    Ok(())
}

/// Copies every record into its schema-10 table through the writers of normal use, which
/// also rebuild the indexes kept beside them (members, parties, emails, conflict keys, note
/// text, calendar attendees).
fn copy_records(conn: &Connection) -> Result<()> {
    each_body(conn, "users", "user", "rowid", |u: &User| {
        write::insert_user(conn, u)
    })?;
    each_body(conn, "contacts", "contact", "rowid", |c: &Contact| {
        write::insert_contact(conn, c)?;
        communications::index_contact_emails(conn, c)?;
        conflict_index::index_contact(conn, c)
    })?;
    each_body(conn, "matters", "matter", "rowid", |m: &Matter| {
        matters::insert(conn, m)
    })?;
    each_body(
        conn,
        "matter_workflows",
        "workflow",
        "rowid",
        |w: &WorkflowProgress| workflow::insert(conn, w),
    )?;
    each_body(conn, "tasks", "task", "rowid", |t: &Task| {
        tasks::insert(conn, t)
    })?;
    each_body(conn, "notes", "note", "rowid", |n: &Note| {
        notes::insert(conn, n)
    })?;
    each_body(conn, "documents", "document", "rowid", |d: &Document| {
        documents::insert(conn, d)
    })?;
    conn.execute_batch(&format!(
        "INSERT INTO documents_text (document_id, text) SELECT document_id, text FROM {}",
        legacy("documents_text")
    ))
    .db()?;
    each_body(
        conn,
        "appointments",
        "appointment",
        "rowid",
        |a: &Appointment| appointments::insert(conn, a),
    )?;
    each_body(conn, "deadlines", "deadline", "rowid", |d: &Deadline| {
        deadlines::insert(conn, d)
    })?;
    each_body(
        conn,
        "communications",
        "communication",
        "rowid",
        |c: &Communication| communications::insert(conn, c),
    )?;
    each_body(
        conn,
        "time_entries",
        "time entry",
        "rowid",
        |e: &TimeEntry| work::insert(conn, e),
    )?;
    each_body(conn, "expenses", "expense", "rowid", |e: &Expense| {
        work::insert(conn, e)
    })?;
    each_body(conn, "bills", "bill", "rowid", |b: &Bill| {
        bills::insert(conn, b)
    })?;
    each_body(conn, "payments", "payment", "rowid", |p: &Payment| {
        bills::insert_payment(conn, p)
    })?;
    // A reversal's signed amount is read from the entry it reverses: originals first.
    each_body(
        conn,
        "trust_entries",
        "client-money entry",
        "recorded_at, rowid",
        |e: &ClientMoneyEntry| client_money::insert(conn, e),
    )
}

fn legacy_instant(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| LexcaseError::storage("a stored instant is unreadable"))
}

fn hash_bytes(hex_text: &str) -> Result<[u8; 32]> {
    let mut out = [0u8; 32];
    hex::decode_to_slice(hex_text, &mut out)
        .map_err(|_| LexcaseError::storage("a stored audit hash is unreadable"))?;
    Ok(out)
}

/// Copies the audit log: each event keeps its fields, its changes as the JSON its hash was
/// computed over (scheme 1), and its hash as bytes; the head moves across as it was.
fn copy_audit(conn: &Connection) -> Result<()> {
    let mut select = conn
        .prepare(&format!(
            "SELECT seq, id, at, actor, entity_kind, entity_id, matter_id, action, changes, hash \
             FROM {} ORDER BY seq",
            legacy("audit_log")
        ))
        .db()?;
    let mut insert = conn
        .prepare(
            "INSERT INTO audit_log (seq, id, at, actor, entity_kind, entity_id, matters, action, \
             scheme, changes, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )
        .db()?;
    let mut rows = select.query([]).db()?;
    while let Some(row) = rows.next().db()? {
        let at = legacy_instant(row.get_ref(2).db()?.as_str().db()?)?;
        let changes = row.get_ref(8).db()?.as_str().db()?.as_bytes().to_vec();
        let hash = hash_bytes(row.get_ref(9).db()?.as_str().db()?)?;
        insert
            .execute(rusqlite::params![
                row.get::<_, i64>(0).db()?,
                row.get::<_, Vec<u8>>(1).db()?,
                micros(at),
                row.get::<_, Vec<u8>>(3).db()?,
                lexcase_sql::audit::kind_code(row.get::<_, String>(4).db()?.parse().map_err(
                    |_| LexcaseError::storage("a stored audit event has an unknown kind")
                )?),
                row.get::<_, Vec<u8>>(5).db()?,
                row.get::<_, Option<Vec<u8>>>(6).db()?,
                row.get::<_, String>(7).db()?,
                i64::from(HashScheme::Json.code()),
                changes,
                hash,
            ])
            .db()?;
    }
    let head: Option<(i64, String)> = conn
        .query_row(
            &format!(
                "SELECT seq, hash FROM {} WHERE id = 1",
                legacy("audit_head")
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })
        .db()?;
    if let Some((seq, hash)) = head {
        conn.execute(
            "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?1, ?2)",
            rusqlite::params![seq, hash_bytes(&hash)?],
        )
        .db()?;
    }
    Ok(())
}
