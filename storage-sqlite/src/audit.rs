//! The audit log: appends that must follow the recorded head, and reads in chain order, each
//! event with the hash of the event before it (the previous row's).

use std::borrow::Cow;

use lexcase::audit::{AuditHead, AuditRecord, GENESIS, HashScheme};
use lexcase::{LexcaseError, Result};
use lexcase_sql::audit::AuditRow;
use lexcase_sql::{Value, column_list};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use crate::error::Db;
use crate::records;

/// Where the head of the chain stands: `(seq, hash, whether that event is keyed)`.
pub(crate) type Head = Option<(i64, [u8; 32], bool)>;

/// The recorded head, and whether its event is sealed with the audit key.
pub(crate) fn stored_head(conn: &Connection) -> Result<Head> {
    conn.prepare_cached(
        "SELECT h.seq, h.hash, l.scheme FROM audit_head h \
         LEFT JOIN audit_log l ON l.seq = h.seq WHERE h.id = 1",
    )
    .db()?
    .query_row([], |r| {
        let scheme = r.get::<_, Option<i64>>(2)?;
        let keyed = scheme == Some(i64::from(HashScheme::KeyedBinary.code()));
        Ok((r.get::<_, i64>(0)?, r.get::<_, [u8; 32]>(1)?, keyed))
    })
    .optional()
    .db()
}

/// Writes `head` as the recorded head.
pub(crate) fn write_head(conn: &Connection, head: Head) -> Result<()> {
    if let Some((seq, hash, _)) = head {
        conn.prepare_cached(
            "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?1, ?2) \
             ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
        )
        .db()?
        .execute(params![seq, hash])
        .db()?;
    }
    Ok(())
}

/// Appends `event` after `head` (the head as the transaction sees it) and returns the new
/// head. The event must follow the head (its `seq` one more, its `prev_hash` the head's hash,
/// or the first event after the genesis hash), so the stored chain cannot fork.
pub(crate) fn append(conn: &Connection, head: Head, event: &AuditRecord) -> Result<Head> {
    let follows = match head {
        None => event.seq == 1 && event.prev_hash == GENESIS,
        Some((seq, hash, _)) => {
            i64::try_from(event.seq).ok() == seq.checked_add(1) && event.prev_hash == hash
        }
    };
    if !follows {
        return Err(LexcaseError::Conflict {
            reason: "the audit event does not follow the recorded head of the audit chain".into(),
        });
    }
    records::insert(
        conn,
        &AuditRow(Cow::Borrowed(event)),
        &[("audit_log.seq", "the audit event is already recorded")],
    )?;
    Ok(Some((
        i64::try_from(event.seq).map_err(|_| LexcaseError::storage("audit sequence overflow"))?,
        event.hash,
        event.scheme == HashScheme::KeyedBinary,
    )))
}

/// The columns of an event read with the hash of the event before it.
fn select() -> String {
    format!(
        "SELECT {}, (SELECT p.hash FROM audit_log p WHERE p.seq = a.seq - 1) FROM audit_log a",
        column_list::<AuditRow<'static>>(Some("a"))
    )
}

fn records_of(rows: Vec<AuditRow<'static>>) -> Vec<AuditRecord> {
    rows.into_iter().map(|r| r.0.into_owned()).collect()
}

/// Events with `seq > after`, in order, at most `limit`.
pub(crate) fn events_after(conn: &Connection, after: u64, limit: u32) -> Result<Vec<AuditRecord>> {
    // Past the largest storable seq there is nothing to return.
    let after = i64::try_from(after).unwrap_or(i64::MAX);
    Ok(records_of(records::many(
        conn,
        &format!("{} WHERE a.seq > ? ORDER BY a.seq LIMIT ?", select()),
        &[Value::Int(after), Value::Int(i64::from(limit))],
    )?))
}

/// Events about one entity, in order.
pub(crate) fn events_for(conn: &Connection, entity_id: Uuid) -> Result<Vec<AuditRecord>> {
    Ok(records_of(records::many(
        conn,
        &format!("{} WHERE a.entity_id = ? ORDER BY a.seq", select()),
        &[Value::Id(entity_id)],
    )?))
}

/// The recorded head.
pub(crate) fn head(conn: &Connection) -> Result<Option<AuditHead>> {
    Ok(stored_head(conn)?.and_then(|(seq, hash, _)| {
        Some(AuditHead {
            seq: u64::try_from(seq).ok()?,
            hash: hex::encode(hash),
        })
    }))
}
