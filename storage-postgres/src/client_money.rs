//! The client-money ledger: append-only entries, each with its signed effect on the balance.

use chrono::NaiveDate;
use lexcase::client_money::ClientMoneyEntry;
use lexcase::{LexcaseError, MatterId, Result, TrustEntryId};
use lexcase_sql::client_money::signed_amount;
use lexcase_sql::{Record, column_list};

use crate::records::select;
use crate::scope::Scope;
use crate::value::Arg;

/// An entry by id.
pub(crate) fn entry(scope: &mut Scope<'_>, id: TrustEntryId) -> Result<Option<ClientMoneyEntry>> {
    scope.record(&select::<ClientMoneyEntry>("e", "e.id = ?"), &[Arg::id(id)])
}

/// A matter's entries in date then recording order.
pub(crate) fn of_matter(scope: &mut Scope<'_>, matter: MatterId) -> Result<Vec<ClientMoneyEntry>> {
    scope.records(
        &select::<ClientMoneyEntry>(
            "e",
            "e.matter_id = ? ORDER BY e.entry_date, e.recorded_at, e.id",
        ),
        &[Arg::id(matter)],
    )
}

/// Every entry dated on or before `date`.
pub(crate) fn until(scope: &mut Scope<'_>, date: NaiveDate) -> Result<Vec<ClientMoneyEntry>> {
    scope.records(
        &select::<ClientMoneyEntry>(
            "e",
            "e.entry_date <= ? ORDER BY e.entry_date, e.recorded_at, e.id",
        ),
        &[Arg::date(date)],
    )
}

/// Appends an entry with its signed effect (a reversal's is the negation of the entry it
/// reverses, which must be stored).
pub(crate) fn insert(scope: &mut Scope<'_>, entry: &ClientMoneyEntry) -> Result<()> {
    let signed = match signed_amount(entry) {
        Some(amount) => lexcase_sql::money::to_units(amount)?,
        None => {
            let reversed = entry.reverses.ok_or_else(|| {
                LexcaseError::validation("reverses", "a reversal names its entry")
            })?;
            let original = scope
                .row(
                    "SELECT signed_amount FROM client_money_entries WHERE firm_id = $1 AND id = ?",
                    &[Arg::id(reversed)],
                )?
                .ok_or_else(|| LexcaseError::not_found("trust_entry"))?;
            let original: i64 = original
                .try_get(0)
                .map_err(|_| LexcaseError::storage("a stored amount is unreadable"))?;
            original
                .checked_neg()
                .ok_or_else(|| LexcaseError::storage("a stored amount is out of range"))?
        }
    };
    let mut args: Vec<Arg<'_>> = entry.values()?.into_iter().map(Arg::Value).collect();
    args.push(Arg::int(signed));
    let marks = vec!["?"; ClientMoneyEntry::COLUMNS.len() + 1].join(", ");
    // The shared record's columns, then the signed amount the store keeps beside them.
    let sql = crate::records::statement("insert", ClientMoneyEntry::TABLE, || {
        format!(
            "INSERT INTO {} (firm_id, {}, signed_amount) VALUES ($1, {marks}) \
             ON CONFLICT DO NOTHING",
            ClientMoneyEntry::TABLE,
            column_list::<ClientMoneyEntry>(None)
        )
    });
    if scope.execute(sql, &args)? == 0 {
        return Err(LexcaseError::Conflict {
            reason: "the entry already exists".into(),
        });
    }
    Ok(())
}
