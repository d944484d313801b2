//! Every record of a kind, a page at a time in key order (keyset pagination): what a firm
//! archive exports ([`lexcase::archive`]). One query per page, plus one per child table for
//! the aggregates kept in several tables (matters, bills, payments).

use lexcase::appointments::Appointment;
use lexcase::bills::Bill;
use lexcase::client_money::{ClientMoneyEntry, ReconciliationRecord};
use lexcase::communications::Communication;
use lexcase::contacts::Contact;
use lexcase::docket::Deadline;
use lexcase::documents::Document;
use lexcase::matters::{ConflictCheck, RuleOverrides};
use lexcase::notes::Note;
use lexcase::store::{ArchiveRecord, RecordKind};
use lexcase::tasks::Task;
use lexcase::templates::BillRendering;
use lexcase::timekeeping::{BillingTerms, Expense, TimeEntry, Timer};
use lexcase::users::User;
use lexcase::workflow::WorkflowProgress;
use lexcase::{LexcaseError, Result};
use lexcase_sql::bills::{BillHead, PaymentHead};
use lexcase_sql::matters::MatterHead;
use lexcase_sql::{Record, Value, select_sql};
use rusqlite::{Connection, params};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::codec::{from_json, to_i64, to_u64};
use crate::error::Db;
use crate::{bills, conflict_index, keyed, matters, records};

fn encode<T: Serialize>(key: String, record: &T) -> Result<ArchiveRecord> {
    let value = serde_json::to_value(record)
        .map_err(|_| LexcaseError::storage("a stored record cannot be encoded"))?;
    Ok(ArchiveRecord { key, value })
}

/// The 16-byte id a key names (all zeros before the first).
fn id_after(after: Option<&str>) -> Result<[u8; 16]> {
    match after {
        None => Ok([0u8; 16]),
        Some(key) => Uuid::parse_str(key)
            .map(|id| *id.as_bytes())
            .map_err(|_| LexcaseError::validation("after", "not a record id")),
    }
}

/// Rows of a typed table (`R` read from its columns), after `after` in id order.
fn typed<R: Record, T: Serialize>(
    conn: &Connection,
    after: Option<&str>,
    limit: u32,
    inner: impl Fn(&R) -> (Uuid, &T),
) -> Result<Vec<ArchiveRecord>> {
    let rows: Vec<R> = heads(conn, after, limit)?;
    rows.iter()
        .map(|r| {
            let (id, t) = inner(r);
            encode(id.to_string(), t)
        })
        .collect()
}

fn heads<R: Record>(conn: &Connection, after: Option<&str>, limit: u32) -> Result<Vec<R>> {
    records::many(
        conn,
        &format!(
            "{} WHERE r.{} > ? ORDER BY r.{} LIMIT ?",
            select_sql::<R>("r"),
            R::COLUMNS[0],
            R::COLUMNS[0]
        ),
        &[
            Value::Id(Uuid::from_bytes(id_after(after)?)),
            Value::Int(i64::from(limit)),
        ],
    )
}

/// Rows of a table that keeps each aggregate as a JSON body beside its 16-byte key.
fn bodies<T: DeserializeOwned + Serialize>(
    conn: &Connection,
    table: &str,
    key: &str,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<ArchiveRecord>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {key}, body FROM {table} WHERE {key} > ?1 ORDER BY {key} LIMIT ?2"
        ))
        .db()?;
    let mut rows = stmt
        .query(params![id_after(after)?, i64::from(limit)])
        .db()?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().db()? {
        let id: [u8; 16] = row.get(0).db()?;
        let record: T = from_json(table, row.get_ref(1).db()?.as_str().db()?)?;
        out.push(encode(Uuid::from_bytes(id).to_string(), &record)?);
    }
    Ok(out)
}

/// Records of one kind of the keyed-record table, in key order.
fn keyed_bodies<T: DeserializeOwned + Serialize>(
    conn: &Connection,
    kind: &str,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<ArchiveRecord>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT key, body FROM keyed_records WHERE kind = ?1 AND key > ?2 \
             ORDER BY key LIMIT ?3",
        )
        .db()?;
    let mut rows = stmt
        .query(params![kind, after.unwrap_or(""), i64::from(limit)])
        .db()?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().db()? {
        let key: String = row.get(0).db()?;
        let record: T = from_json(kind, row.get_ref(1).db()?.as_str().db()?)?;
        out.push(encode(key, &record)?);
    }
    Ok(out)
}

fn document_texts(
    conn: &Connection,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<ArchiveRecord>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT document_id, text FROM documents_text WHERE document_id > ?1 \
             ORDER BY document_id LIMIT ?2",
        )
        .db()?;
    let mut rows = stmt
        .query(params![id_after(after)?, i64::from(limit)])
        .db()?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().db()? {
        let id: [u8; 16] = row.get(0).db()?;
        let text: String = row.get(1).db()?;
        out.push(ArchiveRecord {
            key: Uuid::from_bytes(id).to_string(),
            value: serde_json::Value::String(text),
        });
    }
    Ok(out)
}

fn sequences(conn: &Connection, after: Option<&str>, limit: u32) -> Result<Vec<ArchiveRecord>> {
    let mut stmt = conn
        .prepare_cached("SELECT key, value FROM sequences WHERE key > ?1 ORDER BY key LIMIT ?2")
        .db()?;
    let mut rows = stmt
        .query(params![after.unwrap_or(""), i64::from(limit)])
        .db()?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().db()? {
        let key: String = row.get(0).db()?;
        let value: i64 = row.get(1).db()?;
        out.push(ArchiveRecord {
            key,
            value: serde_json::Value::from(to_u64(value)?),
        });
    }
    Ok(out)
}

/// Up to `limit` records of `kind` after `after`, in key order.
pub(crate) fn records(
    conn: &Connection,
    kind: RecordKind,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<ArchiveRecord>> {
    match kind {
        RecordKind::Users => typed::<User, User>(conn, after, limit, |u| (u.id.into(), u)),
        RecordKind::Contacts => typed::<Contact, Contact>(conn, after, limit, |c| (c.id.into(), c)),
        RecordKind::Matters => {
            let heads: Vec<MatterHead<'static>> = heads(conn, after, limit)?;
            if heads.is_empty() {
                return Ok(Vec::new());
            }
            matters::assemble(conn, heads)?
                .iter()
                .map(|m| encode(Uuid::from(m.id).to_string(), m))
                .collect()
        }
        RecordKind::MatterWorkflows => {
            bodies::<WorkflowProgress>(conn, "matter_workflows", "matter_id", after, limit)
        }
        RecordKind::Tasks => bodies::<Task>(conn, "tasks", "id", after, limit),
        RecordKind::Notes => bodies::<Note>(conn, "notes", "id", after, limit),
        RecordKind::Documents => bodies::<Document>(conn, "documents", "id", after, limit),
        RecordKind::DocumentTexts => document_texts(conn, after, limit),
        RecordKind::Appointments => bodies::<Appointment>(conn, "appointments", "id", after, limit),
        RecordKind::Deadlines => bodies::<Deadline>(conn, "deadlines", "id", after, limit),
        RecordKind::Communications => {
            bodies::<Communication>(conn, "communications", "id", after, limit)
        }
        RecordKind::TimeEntries => {
            typed::<TimeEntry, TimeEntry>(conn, after, limit, |t| (t.id.into(), t))
        }
        RecordKind::Expenses => typed::<Expense, Expense>(conn, after, limit, |e| (e.id.into(), e)),
        RecordKind::Timers => keyed_bodies::<Timer>(conn, keyed::TIMER, after, limit),
        RecordKind::BillingTerms => keyed_bodies::<BillingTerms>(conn, keyed::TERMS, after, limit),
        RecordKind::Bills => {
            let heads: Vec<BillHead> = heads(conn, after, limit)?;
            let bills: Vec<Bill> = bills::assemble(conn, heads)?;
            bills
                .iter()
                .map(|b| encode(Uuid::from(b.id).to_string(), b))
                .collect()
        }
        RecordKind::BillRenderings => {
            keyed_bodies::<BillRendering>(conn, keyed::BILL_RENDERING, after, limit)
        }
        RecordKind::Payments => {
            let heads: Vec<PaymentHead> = heads(conn, after, limit)?;
            bills::assemble_payments(conn, heads)?
                .iter()
                .map(|p| encode(Uuid::from(p.id).to_string(), p))
                .collect()
        }
        RecordKind::ClientMoney => {
            typed::<ClientMoneyEntry, ClientMoneyEntry>(conn, after, limit, |e| (e.id.into(), e))
        }
        RecordKind::Reconciliations => {
            keyed_bodies::<ReconciliationRecord>(conn, keyed::RECONCILIATION, after, limit)
        }
        RecordKind::ConflictChecks => {
            keyed_bodies::<ConflictCheck>(conn, conflict_index::CHECK, after, limit)
        }
        RecordKind::RuleOverrides => {
            keyed_bodies::<RuleOverrides>(conn, keyed::RULE_OVERRIDES, after, limit)
        }
        RecordKind::Sequences => sequences(conn, after, limit),
    }
}

/// Sets a counter's last value.
pub(crate) fn restore_sequence(conn: &Connection, key: &str, value: u64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sequences (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .db()?
    .execute(params![key, to_i64("value", value)?])
    .db()?;
    Ok(())
}
