//! Every record of a kind, a page at a time in key order (keyset pagination): what a firm
//! archive exports ([`lexcase::archive`]), with the same keys, order and values as the SQLite
//! store, so that an archive of a firm is the same whichever store wrote it. One query per
//! page, plus one per child table for the aggregates kept in several tables (matters, bills,
//! payments); every query names the firm (`firm_id = $1`), so each routes to one shard on
//! Citus.

use lexcase::appointments::Appointment;
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
use lexcase_sql::Record;
use lexcase_sql::bills::{BillHead, PaymentHead};
use lexcase_sql::matters::MatterHead;
use postgres::Row;
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::records::select_all;
use crate::scope::{Scope, from_json, text, to_u64};
use crate::value::Arg;
use crate::{bills, keyed, matters};

/// A record in its serde form under `key`.
fn encode<T: Serialize>(key: String, record: &T) -> Result<ArchiveRecord> {
    let value = serde_json::to_value(record)
        .map_err(|_| LexcaseError::storage("a stored record cannot be encoded"))?;
    Ok(ArchiveRecord { key, value })
}

/// The id a key names (the nil id, before every other, when there is none).
fn id_after(after: Option<&str>) -> Result<Uuid> {
    match after {
        None => Ok(Uuid::nil()),
        Some(key) => {
            Uuid::parse_str(key).map_err(|_| LexcaseError::validation("after", "not a record id"))
        }
    }
}

/// The page's limit and the position after which it starts, as parameters.
fn page_args(after: Uuid, limit: u32) -> [Arg<'static>; 2] {
    [Arg::id(after), Arg::int(i64::from(limit))]
}

/// Column `index` of `row` as an id.
fn uuid(row: &Row, index: usize) -> Result<Uuid> {
    row.try_get(index)
        .map_err(|_| LexcaseError::storage("a stored id is unreadable"))
}

/// Records of a typed table (`R` read from its columns), after `after` in id order.
fn heads<R: Record>(scope: &mut Scope<'_>, after: Option<&str>, limit: u32) -> Result<Vec<R>> {
    let key = R::COLUMNS[0];
    scope.records(
        &select_all::<R>("r", &format!(" AND r.{key} > ? ORDER BY r.{key} LIMIT ?")),
        &page_args(id_after(after)?, limit),
    )
}

/// Records of a typed table that are the domain type itself, keyed by `id`.
fn typed<R: Record + Serialize>(
    scope: &mut Scope<'_>,
    after: Option<&str>,
    limit: u32,
    id: impl Fn(&R) -> Uuid,
) -> Result<Vec<ArchiveRecord>> {
    heads::<R>(scope, after, limit)?
        .iter()
        .map(|r| encode(id(r).to_string(), r))
        .collect()
}

/// Records of a table that keeps each aggregate as a JSON body beside its id column `key`.
fn bodies<T: DeserializeOwned + Serialize>(
    scope: &mut Scope<'_>,
    table: &str,
    key: &str,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<ArchiveRecord>> {
    let rows = scope.rows(
        &format!(
            "SELECT {key}, body FROM {table} WHERE firm_id = $1 AND {key} > ? \
             ORDER BY {key} LIMIT ?"
        ),
        &page_args(id_after(after)?, limit),
    )?;
    rows.iter()
        .map(|row| {
            let record: T = from_json(table, text(row, 1)?)?;
            encode(uuid(row, 0)?.to_string(), &record)
        })
        .collect()
}

/// Records of one kind of the keyed-record table, in key order (its keys sort byte by byte).
fn keyed_bodies<T: DeserializeOwned + Serialize>(
    scope: &mut Scope<'_>,
    kind: &str,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<ArchiveRecord>> {
    let rows = scope.rows(
        "SELECT key, body FROM keyed_records WHERE firm_id = $1 AND kind = ? AND key > ? \
         ORDER BY key LIMIT ?",
        &[
            Arg::text(kind),
            Arg::text(after.unwrap_or("")),
            Arg::int(i64::from(limit)),
        ],
    )?;
    rows.iter()
        .map(|row| {
            let record: T = from_json(kind, text(row, 1)?)?;
            encode(text(row, 0)?.to_owned(), &record)
        })
        .collect()
}

/// The searchable text of documents that have one, keyed by document id; the value is the
/// text.
fn document_texts(
    scope: &mut Scope<'_>,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<ArchiveRecord>> {
    let rows = scope.rows(
        "SELECT id, text FROM documents WHERE firm_id = $1 AND text IS NOT NULL AND id > ? \
         ORDER BY id LIMIT ?",
        &page_args(id_after(after)?, limit),
    )?;
    rows.iter()
        .map(|row| {
            Ok(ArchiveRecord {
                key: uuid(row, 0)?.to_string(),
                value: serde_json::Value::String(text(row, 1)?.to_owned()),
            })
        })
        .collect()
}

/// The named counters, keyed by name in byte order; the value is the counter's last value.
fn sequences(scope: &mut Scope<'_>, after: Option<&str>, limit: u32) -> Result<Vec<ArchiveRecord>> {
    let rows = scope.rows(
        "SELECT key, value FROM sequences WHERE firm_id = $1 AND key COLLATE \"C\" > ? \
         ORDER BY key COLLATE \"C\" LIMIT ?",
        &[Arg::text(after.unwrap_or("")), Arg::int(i64::from(limit))],
    )?;
    rows.iter()
        .map(|row| {
            let value: i64 = row
                .try_get(1)
                .map_err(|_| LexcaseError::storage("a stored counter is unreadable"))?;
            Ok(ArchiveRecord {
                key: text(row, 0)?.to_owned(),
                value: serde_json::Value::from(to_u64(value)?),
            })
        })
        .collect()
}

/// Up to `limit` records of `kind` after `after`, in key order.
pub(crate) fn records(
    scope: &mut Scope<'_>,
    kind: RecordKind,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<ArchiveRecord>> {
    match kind {
        RecordKind::Users => typed::<User>(scope, after, limit, |u| u.id.into()),
        RecordKind::Contacts => typed::<Contact>(scope, after, limit, |c| c.id.into()),
        RecordKind::Matters => {
            let heads: Vec<MatterHead<'static>> = heads(scope, after, limit)?;
            matters::assemble(scope, heads)?
                .iter()
                .map(|m| encode(Uuid::from(m.id).to_string(), m))
                .collect()
        }
        RecordKind::MatterWorkflows => {
            bodies::<WorkflowProgress>(scope, "matter_workflows", "matter_id", after, limit)
        }
        RecordKind::Tasks => bodies::<Task>(scope, "tasks", "id", after, limit),
        RecordKind::Notes => bodies::<Note>(scope, "notes", "id", after, limit),
        RecordKind::Documents => bodies::<Document>(scope, "documents", "id", after, limit),
        RecordKind::DocumentTexts => document_texts(scope, after, limit),
        RecordKind::Appointments => {
            bodies::<Appointment>(scope, "appointments", "id", after, limit)
        }
        RecordKind::Deadlines => bodies::<Deadline>(scope, "deadlines", "id", after, limit),
        RecordKind::Communications => {
            bodies::<Communication>(scope, "communications", "id", after, limit)
        }
        RecordKind::TimeEntries => typed::<TimeEntry>(scope, after, limit, |t| t.id.into()),
        RecordKind::Expenses => typed::<Expense>(scope, after, limit, |e| e.id.into()),
        RecordKind::Timers => keyed_bodies::<Timer>(scope, keyed::TIMER, after, limit),
        RecordKind::BillingTerms => keyed_bodies::<BillingTerms>(scope, keyed::TERMS, after, limit),
        RecordKind::Bills => {
            let heads: Vec<BillHead> = heads(scope, after, limit)?;
            bills::assemble(scope, heads)?
                .iter()
                .map(|b| encode(Uuid::from(b.id).to_string(), b))
                .collect()
        }
        RecordKind::BillRenderings => {
            keyed_bodies::<BillRendering>(scope, keyed::BILL_RENDERING, after, limit)
        }
        RecordKind::Payments => {
            let heads: Vec<PaymentHead> = heads(scope, after, limit)?;
            bills::assemble_payments(scope, heads)?
                .iter()
                .map(|p| encode(Uuid::from(p.id).to_string(), p))
                .collect()
        }
        RecordKind::ClientMoney => typed::<ClientMoneyEntry>(scope, after, limit, |e| e.id.into()),
        RecordKind::Reconciliations => {
            keyed_bodies::<ReconciliationRecord>(scope, keyed::RECONCILIATION, after, limit)
        }
        RecordKind::ConflictChecks => {
            keyed_bodies::<ConflictCheck>(scope, keyed::CONFLICT_CHECK, after, limit)
        }
        RecordKind::RuleOverrides => {
            keyed_bodies::<RuleOverrides>(scope, keyed::RULE_OVERRIDES, after, limit)
        }
        RecordKind::Sequences => sequences(scope, after, limit),
    }
}

/// Sets a counter's last value (the next [`crate::write::next_sequence`] returns one more).
pub(crate) fn restore_sequence(scope: &mut Scope<'_>, key: &str, value: u64) -> Result<()> {
    scope.execute(
        "INSERT INTO sequences (firm_id, key, value) VALUES ($1, ?, ?) \
         ON CONFLICT (firm_id, key) DO UPDATE SET value = excluded.value",
        &[Arg::text(key), Arg::count(value)?],
    )?;
    Ok(())
}
