//! The figures reports need, summed in SQL over the typed columns: work in progress, hours per
//! fee earner, aged receivables and client-money balances, each over the matters a viewer may
//! see. PostgreSQL sums `bigint` as `numeric`, so the sums are exact and read back as integers.

use chrono::NaiveDate;
use lexcase::access::Viewer;
use lexcase::client_money::LedgerBalance;
use lexcase::money::{Currency, Money};
use lexcase::reports::{FeeEarnerHours, WorkInProgress};
use lexcase::store::WipBy;
use lexcase::{LexcaseError, MatterId, Result, UserId};
use lexcase_sql::Cols;
use lexcase_sql::money::sum;
use rust_decimal::Decimal;

use crate::matter_list::{bill_visible, on_visible_matter};
use crate::scope::Scope;
use crate::value::{Arg, PgRow};

fn seconds(total: i64) -> Result<u64> {
    u64::try_from(total).map_err(|_| LexcaseError::storage("a stored duration is negative"))
}

/// Runs `sql` and reads each row through `read`.
pub(crate) fn rows<T>(
    scope: &mut Scope<'_>,
    sql: &str,
    args: &[Arg<'_>],
    what: &'static str,
    mut read: impl FnMut(&mut Cols<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    scope.each(sql, args, |row| {
        out.push(read(&mut Cols::new(&PgRow(row), what))?);
        Ok(())
    })?;
    Ok(out)
}

/// Unbilled billable work per matter (time and expenses) or per fee earner (time).
pub(crate) fn work_in_progress(
    scope: &mut Scope<'_>,
    viewer: &Viewer,
    by: WipBy,
) -> Result<Vec<WorkInProgress>> {
    let key = match by {
        WipBy::Matter => "w.matter_id",
        WipBy::FeeEarner => "w.user_id",
    };
    let (rule, args) = on_visible_matter("w.matter_id", viewer);
    let sql = format!(
        "SELECT {key}, w.currency, sum(w.seconds), sum(w.value) FROM time_entries w \
         WHERE w.firm_id = $1 AND w.status = 'unbilled' AND w.billability = 'billable' \
         AND {rule} GROUP BY {key}, w.currency"
    );
    let mut lines = rows(scope, &sql, &args, "work in progress", |c| {
        let key: uuid::Uuid = c.id()?;
        let currency = c.currency()?;
        Ok(WorkInProgress {
            matter: (by == WipBy::Matter).then(|| MatterId::from(key)),
            user: (by == WipBy::FeeEarner).then(|| UserId::from(key)),
            currency: Some(currency),
            unbilled_seconds: seconds(c.int()?)?,
            unbilled_time_value: sum(c.int()?.into(), currency)?,
            unbilled_expenses: currency.canonical(Decimal::ZERO),
        })
    })?;
    if by == WipBy::Matter {
        let (rule, args) = on_visible_matter("w.matter_id", viewer);
        let sql = format!(
            "SELECT w.matter_id, w.currency, sum(w.amount) FROM expenses w \
             WHERE w.firm_id = $1 AND w.status = 'unbilled' AND w.billable AND {rule} \
             GROUP BY w.matter_id, w.currency"
        );
        let expenses = rows(scope, &sql, &args, "work in progress", |c| {
            let matter: MatterId = c.id()?;
            let currency = c.currency()?;
            Ok((matter, currency, sum(c.int()?.into(), currency)?))
        })?;
        for (matter, currency, amount) in expenses {
            match lines
                .iter_mut()
                .find(|l| l.matter == Some(matter) && l.currency == Some(currency))
            {
                Some(line) => line.unbilled_expenses = amount,
                None => lines.push(WorkInProgress {
                    matter: Some(matter),
                    currency: Some(currency),
                    unbilled_time_value: currency.canonical(Decimal::ZERO),
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
    scope: &mut Scope<'_>,
    viewer: &Viewer,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<FeeEarnerHours>> {
    let (rule, mut args) = on_visible_matter("w.matter_id", viewer);
    args.push(Arg::date(from));
    args.push(Arg::date(to));
    let sql = format!(
        "SELECT w.user_id, w.currency, sum(w.seconds), \
         sum(CASE w.billability WHEN 'billable' THEN w.seconds ELSE 0 END), \
         sum(CASE w.billability WHEN 'non_billable' THEN w.seconds ELSE 0 END), \
         sum(CASE w.billability WHEN 'no_charge' THEN w.seconds ELSE 0 END), \
         sum(CASE WHEN w.billability = 'billable' AND w.status = 'billed' THEN w.seconds ELSE 0 END), \
         sum(CASE w.billability WHEN 'billable' THEN w.value ELSE 0 END), \
         sum(CASE WHEN w.billability = 'billable' AND w.status = 'billed' THEN w.value ELSE 0 END) \
         FROM time_entries w WHERE w.firm_id = $1 AND {rule} \
         AND w.work_date >= ? AND w.work_date <= ? GROUP BY w.user_id, w.currency"
    );
    rows(scope, &sql, &args, "hours", |c| {
        let user = c.id()?;
        let currency = c.currency()?;
        Ok(FeeEarnerHours {
            user,
            currency: Some(currency),
            recorded_seconds: seconds(c.int()?)?,
            billable_seconds: seconds(c.int()?)?,
            non_billable_seconds: seconds(c.int()?)?,
            no_charge_seconds: seconds(c.int()?)?,
            billed_seconds: seconds(c.int()?)?,
            recorded_value: sum(c.int()?.into(), currency)?,
            billed_value: sum(c.int()?.into(), currency)?,
            utilisation: None,
            realisation: None,
        })
    })
}

/// What open invoices in `currency` owe, by the issue dates of the age buckets.
pub(crate) fn aged_receivables(
    scope: &mut Scope<'_>,
    viewer: &Viewer,
    currency: Currency,
    bounds: [NaiveDate; 3],
) -> Result<[Decimal; 4]> {
    let (rule, visibility) = bill_visible(viewer);
    let [b0, b1, b2] = bounds;
    // In the order the placeholders appear.
    let mut args = vec![
        Arg::date(b0),
        Arg::date(b0),
        Arg::date(b1),
        Arg::date(b1),
        Arg::date(b2),
        Arg::date(b2),
        Arg::text(currency.code()),
    ];
    args.extend(visibility);
    let sql = format!(
        "SELECT coalesce(sum(CASE WHEN b.issued_on >= ? THEN b.outstanding END), 0), \
         coalesce(sum(CASE WHEN b.issued_on < ? AND b.issued_on >= ? THEN b.outstanding END), 0), \
         coalesce(sum(CASE WHEN b.issued_on < ? AND b.issued_on >= ? THEN b.outstanding END), 0), \
         coalesce(sum(CASE WHEN b.issued_on < ? THEN b.outstanding END), 0) \
         FROM bills b WHERE b.firm_id = $1 AND b.currency = ? AND b.outstanding <> 0 \
         AND b.issued_on IS NOT NULL AND {rule}"
    );
    let sums = rows(scope, &sql, &args, "aged debt", |c| {
        let mut out = [Decimal::ZERO; 4];
        for slot in &mut out {
            *slot = sum(c.int()?.into(), currency)?;
        }
        Ok(out)
    })?;
    Ok(sums.into_iter().next().unwrap_or([Decimal::ZERO; 4]))
}

/// The balance of every visible client-matter ledger at the end of `as_of`.
pub(crate) fn client_money_balances(
    scope: &mut Scope<'_>,
    viewer: &Viewer,
    as_of: NaiveDate,
) -> Result<Vec<LedgerBalance>> {
    let (rule, mut args) = on_visible_matter("e.matter_id", viewer);
    args.push(Arg::date(as_of));
    let sql = format!(
        "SELECT e.matter_id, e.client_id, e.currency, sum(e.signed_amount) \
         FROM client_money_entries e WHERE e.firm_id = $1 AND {rule} AND e.entry_date <= ? \
         GROUP BY e.matter_id, e.client_id, e.currency \
         ORDER BY e.matter_id, e.client_id, e.currency"
    );
    rows(scope, &sql, &args, "client-money balance", |c| {
        let matter = c.id()?;
        let client = c.id()?;
        let currency = c.currency()?;
        Ok(LedgerBalance {
            matter,
            client,
            balance: Money {
                amount: sum(c.int()?.into(), currency)?,
                currency,
            },
        })
    })
}
