//! The audit log: appends that must follow the recorded head, and reads in chain order.

use lexcase::audit::{AuditEvent, AuditHead, FieldChange, GENESIS_HASH};
use lexcase::{EventId, LexcaseError, MatterId, Result, UserId};
use rusqlite::{Connection, OptionalExtension, Params, Row, params};
use uuid::Uuid;

use crate::codec::{from_json, time_from_text, time_to_text, to_i64, to_json, to_u64};
use crate::error::{Db, unique};
use crate::write::atomically;

const COLUMNS: &str =
    "seq, id, at, actor, entity_kind, entity_id, matter_id, action, changes, prev_hash, hash";

/// Appends `event` and moves the head to it. The event must be sealed after the current head
/// (its `seq` one more, its `prev_hash` the head's hash), so the stored chain cannot fork.
pub(crate) fn append(conn: &Connection, event: &AuditEvent) -> Result<()> {
    let seq = to_i64("seq", event.seq)?;
    atomically(conn, |conn| {
        let moved = if event.seq == 1 {
            if event.prev_hash == GENESIS_HASH {
                conn.prepare_cached(
                    "INSERT INTO audit_head (id, seq, hash) VALUES (1, 1, ?1) \
                     ON CONFLICT (id) DO NOTHING",
                )
                .db()?
                .execute([&event.hash])
                .db()?
            } else {
                0
            }
        } else {
            conn.prepare_cached(
                "UPDATE audit_head SET seq = ?1, hash = ?2 \
                 WHERE id = 1 AND seq = ?1 - 1 AND hash = ?3",
            )
            .db()?
            .execute(params![seq, event.hash, event.prev_hash])
            .db()?
        };
        if moved == 0 {
            return Err(LexcaseError::Conflict {
                reason: "the audit event does not follow the recorded head of the audit chain"
                    .into(),
            });
        }
        conn.prepare_cached(
            "INSERT INTO audit_log (seq, id, at, actor, entity_kind, entity_id, matter_id, \
             action, changes, prev_hash, hash) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )
        .db()?
        .execute(params![
            seq,
            event.id.to_bytes(),
            time_to_text(event.at),
            event.actor.to_bytes(),
            event.entity_kind.as_str(),
            event.entity_id.as_bytes(),
            event.matter.map(MatterId::to_bytes),
            event.action,
            to_json("audit event", &event.changes)?,
            event.prev_hash,
            event.hash
        ])
        .map_err(|e| {
            unique(
                e,
                &[
                    ("audit_log.id", "the audit event is already recorded"),
                    ("audit_log.seq", "the audit event is already recorded"),
                ],
            )
        })?;
        Ok(())
    })
}

fn event(row: &Row<'_>) -> Result<AuditEvent> {
    let text = |i: usize| -> Result<&str> { row.get_ref(i).db()?.as_str().db() };
    let changes: Vec<FieldChange> = from_json("audit event", text(8)?)?;
    Ok(AuditEvent {
        seq: to_u64(row.get(0).db()?)?,
        id: EventId::from_bytes(row.get(1).db()?),
        at: time_from_text(text(2)?)?,
        actor: UserId::from_bytes(row.get(3).db()?),
        entity_kind: text(4)?
            .parse()
            .map_err(|_| LexcaseError::storage("a stored audit event has an unknown kind"))?,
        entity_id: Uuid::from_bytes(row.get(5).db()?),
        matter: row
            .get::<_, Option<[u8; 16]>>(6)
            .db()?
            .map(MatterId::from_bytes),
        action: text(7)?.to_owned(),
        changes,
        prev_hash: text(9)?.to_owned(),
        hash: text(10)?.to_owned(),
    })
}

fn events(conn: &Connection, sql: &str, params: impl Params) -> Result<Vec<AuditEvent>> {
    let mut stmt = conn.prepare_cached(sql).db()?;
    let mut rows = stmt.query(params).db()?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().db()? {
        out.push(event(row)?);
    }
    Ok(out)
}

/// Events with `seq > after`, in order, at most `limit`.
pub(crate) fn events_after(conn: &Connection, after: u64, limit: u32) -> Result<Vec<AuditEvent>> {
    // Past the largest storable seq there is nothing to return.
    let after = i64::try_from(after).unwrap_or(i64::MAX);
    events(
        conn,
        &format!("SELECT {COLUMNS} FROM audit_log WHERE seq > ?1 ORDER BY seq LIMIT ?2"),
        params![after, i64::from(limit)],
    )
}

/// Events about one entity, in order.
pub(crate) fn events_for(conn: &Connection, entity_id: Uuid) -> Result<Vec<AuditEvent>> {
    events(
        conn,
        &format!("SELECT {COLUMNS} FROM audit_log WHERE entity_id = ?1 ORDER BY seq"),
        [entity_id.as_bytes()],
    )
}

/// The recorded head.
pub(crate) fn head(conn: &Connection) -> Result<Option<AuditHead>> {
    let row = conn
        .prepare_cached("SELECT seq, hash FROM audit_head WHERE id = 1")
        .db()?
        .query_row([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .optional()
        .db()?;
    row.map(|(seq, hash)| {
        Ok(AuditHead {
            seq: to_u64(seq)?,
            hash,
        })
    })
    .transpose()
}
