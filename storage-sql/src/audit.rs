//! Audit events: one compact row each. The changes are kept in the encoding their hash covers
//! ([`lexcase::audit::encoding`]), hashes as 32 bytes, the matters an event concerns as their
//! ids side by side, and the previous hash not at all: it is the hash of the row before.

use std::borrow::Cow;

use lexcase::audit::{AuditRecord, EntityKind, GENESIS, HashScheme};
use lexcase::{LexcaseError, MatterId, Result};
use uuid::Uuid;

use crate::record::Record;
use crate::value::{Cols, Value};

/// The number an entity kind is kept as (append only: stored events keep their numbers).
pub fn kind_code(kind: EntityKind) -> i64 {
    match kind {
        EntityKind::Firm => 1,
        EntityKind::User => 2,
        EntityKind::Contact => 3,
        EntityKind::Matter => 4,
        EntityKind::Task => 5,
        EntityKind::Note => 6,
        EntityKind::Document => 7,
        EntityKind::Appointment => 8,
        EntityKind::Deadline => 9,
        EntityKind::Communication => 10,
        EntityKind::TimeEntry => 11,
        EntityKind::Expense => 12,
        EntityKind::Bill => 13,
        EntityKind::Payment => 14,
        EntityKind::ClientMoney => 15,
    }
}

/// The entity kind a stored number names.
pub fn kind_of(code: i64) -> Result<EntityKind> {
    EntityKind::ALL
        .into_iter()
        .find(|k| kind_code(*k) == code)
        .ok_or_else(|| LexcaseError::storage("a stored audit event has an unknown kind"))
}

/// The matters of an event as 16 bytes each (`NULL` for none).
pub fn matters_value(matters: &[MatterId]) -> Value<'static> {
    if matters.is_empty() {
        return Value::Null;
    }
    let mut bytes = Vec::with_capacity(matters.len() * 16);
    for m in matters {
        bytes.extend_from_slice(&m.to_bytes());
    }
    Value::Bytes(Cow::Owned(bytes))
}

fn matters_from(bytes: Option<Vec<u8>>) -> Result<Vec<MatterId>> {
    let Some(bytes) = bytes else {
        return Ok(Vec::new());
    };
    if bytes.len() % 16 != 0 {
        return Err(LexcaseError::storage("a stored audit event is unreadable"));
    }
    Ok(bytes
        .chunks_exact(16)
        .map(|c| {
            let mut id = [0u8; 16];
            id.copy_from_slice(c);
            MatterId::from_bytes(id)
        })
        .collect())
}

/// An audit event row. Reading expects one more column after [`Record::COLUMNS`]: the hash of
/// the event before (`NULL` before the first).
pub struct AuditRow<'a>(pub Cow<'a, AuditRecord>);

impl Record for AuditRow<'_> {
    const TABLE: &'static str = "audit_log";
    const COLUMNS: &'static [&'static str] = &[
        "seq",
        "id",
        "at",
        "actor",
        "entity_kind",
        "entity_id",
        "matters",
        "action",
        "scheme",
        "changes",
        "hash",
    ];
    const WHAT: &'static str = "audit event";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        let e = self.0.as_ref();
        Ok(vec![
            Value::count(e.seq)?,
            Value::id(e.id),
            Value::Instant(e.at),
            Value::id(e.actor),
            Value::Int(kind_code(e.entity_kind)),
            Value::Id(e.entity_id),
            matters_value(&e.matters),
            Value::text(&e.action),
            Value::Int(i64::from(e.scheme.code())),
            Value::Bytes(Cow::Borrowed(&e.changes)),
            Value::Bytes(Cow::Borrowed(&e.hash)),
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        let seq = c.uint()?;
        let id = c.id()?;
        let at = c.instant()?;
        let actor = c.id()?;
        let entity_kind = kind_of(c.int()?)?;
        let entity_id: Uuid = c.id()?;
        let matters = matters_from(c.opt_bytes()?)?;
        let action = c.text()?;
        let scheme = HashScheme::from_code(c.int()?)?;
        let changes = c.bytes()?;
        let hash = c.array()?;
        let prev_hash = c.opt_array()?.unwrap_or(GENESIS);
        Ok(AuditRow(Cow::Owned(AuditRecord {
            seq,
            id,
            at,
            actor,
            entity_kind,
            entity_id,
            matters,
            action,
            scheme,
            changes,
            prev_hash,
            hash,
        })))
    }
}
