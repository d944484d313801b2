//! The client-money ledger: append-only entries.

use chrono::NaiveDate;
use lexcase::trust::TrustEntry;
use lexcase::{MatterId, Result, TrustEntryId};
use rusqlite::{Connection, params};

use crate::codec::{time_to_text, to_json};
use crate::error::{Db, unique};
use crate::read::{many, one};

/// An entry by id.
pub(crate) fn entry(conn: &Connection, id: TrustEntryId) -> Result<Option<TrustEntry>> {
    one(
        conn,
        TrustEntryId::ENTITY,
        "SELECT body FROM trust_entries WHERE id = ?1",
        [id.to_bytes()],
    )
}

/// A matter's entries in date then recording order.
pub(crate) fn of_matter(conn: &Connection, matter: MatterId) -> Result<Vec<TrustEntry>> {
    many(
        conn,
        TrustEntryId::ENTITY,
        "SELECT body FROM trust_entries WHERE matter_id = ?1 ORDER BY entry_date, recorded_at, id",
        [matter.to_bytes()],
    )
}

/// Every entry dated on or before `date`.
pub(crate) fn until(conn: &Connection, date: NaiveDate) -> Result<Vec<TrustEntry>> {
    many(
        conn,
        TrustEntryId::ENTITY,
        "SELECT body FROM trust_entries WHERE entry_date <= ?1 ORDER BY entry_date, recorded_at, id",
        [date.to_string()],
    )
}

/// Appends an entry.
pub(crate) fn insert(conn: &Connection, entry: &TrustEntry) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO trust_entries (id, matter_id, client_id, entry_date, recorded_at, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .db()?
    .execute(params![
        entry.id.to_bytes(),
        entry.matter.to_bytes(),
        entry.client.to_bytes(),
        entry.date.to_string(),
        time_to_text(entry.recorded_at),
        to_json(TrustEntryId::ENTITY, entry)?
    ])
    .map_err(|e| unique(e, &[("trust_entries.id", "the entry already exists")]))?;
    Ok(())
}
