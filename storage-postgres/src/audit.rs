//! A firm's audit log: appends that must follow the recorded head, and reads in chain order,
//! each event with the hash of the event before it (the previous row's).

use std::borrow::Cow;

use lexcase::audit::{AuditHead, AuditRecord, GENESIS, HashScheme};
use lexcase::{LexcaseError, Result};
use lexcase_sql::audit::AuditRow;
use lexcase_sql::column_list;
use uuid::Uuid;

use crate::records::{self, statement};
use crate::scope::Scope;
use crate::value::Arg;

/// Where the head of the chain stands: `(seq, hash)`.
pub(crate) type Head = Option<(i64, [u8; 32])>;

/// The recorded head.
pub(crate) fn stored_head(scope: &mut Scope<'_>) -> Result<Head> {
    let Some(row) = scope.row("SELECT seq, hash FROM audit_head WHERE firm_id = $1", &[])? else {
        return Ok(None);
    };
    let bad = || LexcaseError::storage("the recorded audit head is unreadable");
    let seq: i64 = row.try_get(0).map_err(|_| bad())?;
    let hash: &[u8] = row.try_get(1).map_err(|_| bad())?;
    Ok(Some((seq, hash.try_into().map_err(|_| bad())?)))
}

/// Whether the event at `seq` is sealed with the firm's audit key.
pub(crate) fn keyed_at(scope: &mut Scope<'_>, seq: i64) -> Result<bool> {
    let Some(row) = scope.row(
        "SELECT scheme FROM audit_log WHERE firm_id = $1 AND seq = ?",
        &[Arg::int(seq)],
    )?
    else {
        return Ok(false);
    };
    let code: i64 = row
        .try_get(0)
        .map_err(|_| LexcaseError::storage("an audit event's scheme is unreadable"))?;
    Ok(code == i64::from(HashScheme::KeyedBinary.code()))
}

/// Writes `head` as the recorded head.
pub(crate) fn write_head(scope: &mut Scope<'_>, head: Head) -> Result<()> {
    if let Some((seq, hash)) = head {
        scope.execute(
            "INSERT INTO audit_head (firm_id, seq, hash) VALUES ($1, ?, ?) \
             ON CONFLICT (firm_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            &[
                Arg::int(seq),
                Arg::Value(lexcase_sql::Value::Bytes(Cow::Borrowed(&hash))),
            ],
        )?;
    }
    Ok(())
}

/// Appends `event` after `head` (the head as the transaction sees it) and returns the new
/// head. The event must follow the head (its `seq` one more, its `prev_hash` the head's hash,
/// or the first event after the genesis hash), so the stored chain cannot fork.
pub(crate) fn append(scope: &mut Scope<'_>, head: Head, event: &AuditRecord) -> Result<Head> {
    let follows = match head {
        None => event.seq == 1 && event.prev_hash == GENESIS,
        Some((seq, hash)) => {
            i64::try_from(event.seq).ok() == seq.checked_add(1) && event.prev_hash == hash
        }
    };
    if !follows {
        return Err(LexcaseError::Conflict {
            reason: "the audit event does not follow the recorded head of the audit chain".into(),
        });
    }
    records::insert(scope, &AuditRow(Cow::Borrowed(event)), &[])?;
    Ok(Some((
        i64::try_from(event.seq).map_err(|_| LexcaseError::storage("audit sequence overflow"))?,
        event.hash,
    )))
}

/// The columns of an event read with the hash of the event before it, for the condition and
/// order in `rest`.
fn select(rest: &'static str) -> &'static str {
    statement("audit select", rest, || {
        format!(
            "SELECT {}, (SELECT p.hash FROM audit_log p WHERE p.firm_id = $1 \
             AND p.seq = a.seq - 1) FROM audit_log a WHERE a.firm_id = $1 AND {rest}",
            column_list::<AuditRow<'static>>(Some("a"))
        )
    })
}

fn records_of(rows: Vec<AuditRow<'static>>) -> Vec<AuditRecord> {
    rows.into_iter().map(|r| r.0.into_owned()).collect()
}

/// Events with `seq > after`, in order, at most `limit`.
pub(crate) fn events_after(
    scope: &mut Scope<'_>,
    after: u64,
    limit: u32,
) -> Result<Vec<AuditRecord>> {
    // Past the largest storable seq there is nothing to return.
    let after = i64::try_from(after).unwrap_or(i64::MAX);
    Ok(records_of(scope.records(
        select("a.seq > ? ORDER BY a.seq LIMIT ?"),
        &[Arg::int(after), Arg::int(i64::from(limit))],
    )?))
}

/// Events about one entity, in order.
pub(crate) fn events_for(scope: &mut Scope<'_>, entity_id: Uuid) -> Result<Vec<AuditRecord>> {
    Ok(records_of(scope.records(
        select("a.entity_id = ? ORDER BY a.seq"),
        &[Arg::id(entity_id)],
    )?))
}

/// The recorded head.
pub(crate) fn head(scope: &mut Scope<'_>) -> Result<Option<AuditHead>> {
    Ok(stored_head(scope)?.and_then(|(seq, hash)| {
        Some(AuditHead {
            seq: u64::try_from(seq).ok()?,
            hash: hex::encode(hash),
        })
    }))
}
