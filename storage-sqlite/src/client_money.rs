//! The client-money ledger: append-only entries, each with its signed effect on the balance.

use chrono::NaiveDate;
use lexcase::client_money::ClientMoneyEntry;
use lexcase::{LexcaseError, MatterId, Result, TrustEntryId};
use lexcase_sql::client_money::signed_amount;
use lexcase_sql::{Record, Value, insert_sql, select_sql};
use rusqlite::{Connection, OptionalExtension, params_from_iter};

use crate::error::{Db, unique};
use crate::records;
use crate::value::params;

/// An entry by id.
pub(crate) fn entry(conn: &Connection, id: TrustEntryId) -> Result<Option<ClientMoneyEntry>> {
    records::one(
        conn,
        &format!("{} WHERE e.id = ?", select_sql::<ClientMoneyEntry>("e")),
        &[Value::id(id)],
    )
}

/// A matter's entries in date then recording order.
pub(crate) fn of_matter(conn: &Connection, matter: MatterId) -> Result<Vec<ClientMoneyEntry>> {
    records::many(
        conn,
        &format!(
            "{} WHERE e.matter_id = ? ORDER BY e.entry_date, e.recorded_at, e.id",
            select_sql::<ClientMoneyEntry>("e")
        ),
        &[Value::id(matter)],
    )
}

/// Every entry dated on or before `date`.
pub(crate) fn until(conn: &Connection, date: NaiveDate) -> Result<Vec<ClientMoneyEntry>> {
    records::many(
        conn,
        &format!(
            "{} WHERE e.entry_date <= ? ORDER BY e.entry_date, e.recorded_at, e.id",
            select_sql::<ClientMoneyEntry>("e")
        ),
        &[Value::Date(date)],
    )
}

/// Appends an entry with its signed effect (a reversal's is the negation of the entry it
/// reverses, which must be stored).
pub(crate) fn insert(conn: &Connection, entry: &ClientMoneyEntry) -> Result<()> {
    let signed = match signed_amount(entry) {
        Some(amount) => lexcase_sql::money::to_units(amount)?,
        None => {
            let reversed = entry.reverses.ok_or_else(|| {
                LexcaseError::validation("reverses", "a reversal names its entry")
            })?;
            let original: Option<i64> = conn
                .prepare_cached("SELECT signed_amount FROM client_money_entries WHERE id = ?1")
                .db()?
                .query_row([reversed.to_bytes()], |r| r.get(0))
                .optional()
                .db()?;
            -original.ok_or_else(|| LexcaseError::not_found("trust_entry"))?
        }
    };
    let mut values = entry.values()?;
    values.push(Value::Int(signed));
    // The shared record's columns, then the signed amount the store keeps beside them.
    let sql =
        insert_sql::<ClientMoneyEntry>().replacen(") VALUES (", ", signed_amount) VALUES (?, ", 1);
    conn.prepare_cached(&sql)
        .db()?
        .execute(params_from_iter(params(&values)))
        .map_err(|e| {
            unique(
                e,
                &[("client_money_entries.id", "the entry already exists")],
            )
        })?;
    Ok(())
}
