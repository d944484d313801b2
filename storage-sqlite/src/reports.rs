//! The figures reports need, summed in SQL over the typed columns: work in progress, hours per
//! fee earner, aged receivables and client-money balances, each over the matters a viewer may
//! see.

use chrono::NaiveDate;
use lexcase::access::Viewer;
use lexcase::client_money::LedgerBalance;
use lexcase::money::{Currency, Money};
use lexcase::reports::{FeeEarnerHours, WorkInProgress};
use lexcase::store::WipBy;
use lexcase::{ContactId, LexcaseError, MatterId, Result, UserId};
use lexcase_sql::money::sum;
use rusqlite::types::Value;
use rusqlite::{Connection, Row, params_from_iter};
use rust_decimal::Decimal;

use crate::error::Db;
use crate::matter_list::{bill_visible, on_visible_matter};
use crate::value::day_number;

/// `column` names a matter `viewer` may see, with its parameters.
fn visible(column: &str, viewer: &Viewer) -> (String, Vec<Value>) {
    on_visible_matter(column, viewer)
}

fn id<T: From<uuid::Uuid>>(row: &Row<'_>, i: usize) -> rusqlite::Result<T> {
    Ok(T::from(uuid::Uuid::from_bytes(row.get::<_, [u8; 16]>(i)?)))
}

fn currency(text: &str) -> Result<Currency> {
    Currency::parse(text).map_err(|_| LexcaseError::storage("a stored currency is unreadable"))
}

fn seconds(total: i64) -> Result<u64> {
    u64::try_from(total).map_err(|_| LexcaseError::storage("a stored duration is negative"))
}

/// Runs `sql` and maps each row.
fn rows<T>(
    conn: &Connection,
    sql: &str,
    params: Vec<Value>,
    mut map: impl FnMut(&Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql).db()?;
    let mut rows = stmt.query(params_from_iter(params)).db()?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().db()? {
        out.push(map(row)?);
    }
    Ok(out)
}

/// Unbilled billable work per matter (time and expenses) or per fee earner (time).
pub(crate) fn work_in_progress(
    conn: &Connection,
    viewer: &Viewer,
    by: WipBy,
) -> Result<Vec<WorkInProgress>> {
    let key = match by {
        WipBy::Matter => "w.matter_id",
        WipBy::FeeEarner => "w.user_id",
    };
    let (rule, params) = visible("w.matter_id", viewer);
    let sql = format!(
        "SELECT {key}, w.currency, sum(w.seconds), sum(w.value) FROM time_entries w \
         WHERE w.status = 'unbilled' AND w.billability = 'billable' AND {rule} \
         GROUP BY {key}, w.currency"
    );
    let mut lines = rows(conn, &sql, params, |r| {
        let c = currency(&r.get::<_, String>(1).db()?)?;
        let key: uuid::Uuid = id(r, 0).db()?;
        Ok(WorkInProgress {
            matter: (by == WipBy::Matter).then(|| MatterId::from(key)),
            user: (by == WipBy::FeeEarner).then(|| UserId::from(key)),
            currency: Some(c),
            unbilled_seconds: seconds(r.get(2).db()?)?,
            unbilled_time_value: sum(r.get::<_, i64>(3).db()?.into(), c)?,
            unbilled_expenses: c.canonical(Decimal::ZERO),
        })
    })?;
    if by == WipBy::Matter {
        let (rule, params) = visible("w.matter_id", viewer);
        let sql = format!(
            "SELECT w.matter_id, w.currency, sum(w.amount) FROM expenses w \
             WHERE w.status = 'unbilled' AND w.billable = 1 AND {rule} \
             GROUP BY w.matter_id, w.currency"
        );
        for (matter, c, amount) in rows(conn, &sql, params, |r| {
            let c = currency(&r.get::<_, String>(1).db()?)?;
            Ok((
                id::<MatterId>(r, 0).db()?,
                c,
                sum(r.get::<_, i64>(2).db()?.into(), c)?,
            ))
        })? {
            match lines
                .iter_mut()
                .find(|l| l.matter == Some(matter) && l.currency == Some(c))
            {
                Some(line) => line.unbilled_expenses = amount,
                None => lines.push(WorkInProgress {
                    matter: Some(matter),
                    currency: Some(c),
                    unbilled_time_value: c.canonical(Decimal::ZERO),
                    unbilled_expenses: amount,
                    ..WorkInProgress::default()
                }),
            }
        }
    }
    Ok(lines)
}

/// Time per fee earner and currency for work dated `from` to `to`.
pub(crate) fn fee_earner_hours(
    conn: &Connection,
    viewer: &Viewer,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<FeeEarnerHours>> {
    let (rule, mut params) = visible("w.matter_id", viewer);
    params.push(Value::Integer(day_number(from)));
    params.push(Value::Integer(day_number(to)));
    let sql = format!(
        "SELECT w.user_id, w.currency, sum(w.seconds), \
         sum(CASE w.billability WHEN 'billable' THEN w.seconds ELSE 0 END), \
         sum(CASE w.billability WHEN 'non_billable' THEN w.seconds ELSE 0 END), \
         sum(CASE w.billability WHEN 'no_charge' THEN w.seconds ELSE 0 END), \
         sum(CASE WHEN w.billability = 'billable' AND w.status = 'billed' THEN w.seconds ELSE 0 END), \
         sum(CASE w.billability WHEN 'billable' THEN w.value ELSE 0 END), \
         sum(CASE WHEN w.billability = 'billable' AND w.status = 'billed' THEN w.value ELSE 0 END) \
         FROM time_entries w WHERE {rule} AND w.work_date >= ? AND w.work_date <= ? \
         GROUP BY w.user_id, w.currency"
    );
    rows(conn, &sql, params, |r| {
        let c = currency(&r.get::<_, String>(1).db()?)?;
        Ok(FeeEarnerHours {
            user: id(r, 0).db()?,
            currency: Some(c),
            recorded_seconds: seconds(r.get(2).db()?)?,
            billable_seconds: seconds(r.get(3).db()?)?,
            non_billable_seconds: seconds(r.get(4).db()?)?,
            no_charge_seconds: seconds(r.get(5).db()?)?,
            billed_seconds: seconds(r.get(6).db()?)?,
            recorded_value: sum(r.get::<_, i64>(7).db()?.into(), c)?,
            billed_value: sum(r.get::<_, i64>(8).db()?.into(), c)?,
            utilisation: None,
            realisation: None,
        })
    })
}

/// What open invoices in `currency` owe, by the issue dates of the age buckets.
pub(crate) fn aged_receivables(
    conn: &Connection,
    viewer: &Viewer,
    currency: Currency,
    bounds: [NaiveDate; 3],
) -> Result<[Decimal; 4]> {
    let (rule, visibility) = bill_visible(viewer);
    let [b0, b1, b2] = bounds.map(|d| Value::Integer(day_number(d)));
    // In the order the placeholders appear.
    let mut params = vec![
        b0.clone(),
        b0,
        b1.clone(),
        b1,
        b2.clone(),
        b2,
        Value::Text(currency.code().into()),
    ];
    params.extend(visibility);
    let sql = format!(
        "SELECT coalesce(sum(CASE WHEN b.issued_on >= ? THEN b.outstanding END), 0), \
         coalesce(sum(CASE WHEN b.issued_on < ? AND b.issued_on >= ? THEN b.outstanding END), 0), \
         coalesce(sum(CASE WHEN b.issued_on < ? AND b.issued_on >= ? THEN b.outstanding END), 0), \
         coalesce(sum(CASE WHEN b.issued_on < ? THEN b.outstanding END), 0) \
         FROM bills b WHERE b.currency = ? AND b.outstanding != 0 \
         AND b.issued_on IS NOT NULL AND {rule}"
    );
    let sums = rows(conn, &sql, params, |r| {
        let mut out = [Decimal::ZERO; 4];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = sum(r.get::<_, i64>(i).db()?.into(), currency)?;
        }
        Ok(out)
    })?;
    Ok(sums.into_iter().next().unwrap_or([Decimal::ZERO; 4]))
}

/// The balance of every visible client-matter ledger at the end of `as_of`.
pub(crate) fn client_money_balances(
    conn: &Connection,
    viewer: &Viewer,
    as_of: NaiveDate,
) -> Result<Vec<LedgerBalance>> {
    let (rule, mut params) = visible("e.matter_id", viewer);
    params.push(Value::Integer(day_number(as_of)));
    let sql = format!(
        "SELECT e.matter_id, e.client_id, e.currency, sum(e.signed_amount) \
         FROM client_money_entries e WHERE {rule} AND e.entry_date <= ? \
         GROUP BY e.matter_id, e.client_id, e.currency \
         ORDER BY e.matter_id, e.client_id, e.currency"
    );
    rows(conn, &sql, params, |r| {
        let c = currency(&r.get::<_, String>(2).db()?)?;
        Ok(LedgerBalance {
            matter: id(r, 0).db()?,
            client: id::<ContactId>(r, 1).db()?,
            balance: Money {
                amount: sum(r.get::<_, i64>(3).db()?.into(), c)?,
                currency: c,
            },
        })
    })
}
