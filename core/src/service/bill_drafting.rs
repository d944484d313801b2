//! Drafting a bill: unbilled work of the matters over the period becomes lines, under the
//! fee arrangement, with each time entry's rounding policy applied per entry or per day.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::context::WriteCtx;
use crate::billing::LineTotals;
use crate::billing::{RoundingPolicy, contingency_fee, hours};
use crate::bills::{BillLine, FeeArrangement, LineKind};
use crate::error::{LexcaseError, Result};
use crate::ids::{MatterId, UserId};
use crate::store::WorkQuery;
use crate::timekeeping::{Billability, Expense, ExpenseTax, TimeEntry, WorkStatus};

/// The unbilled work of one matter over a period.
pub(crate) struct Work {
    /// Time entries (non-billable ones left out).
    pub time: Vec<TimeEntry>,
    /// Billable expenses.
    pub expenses: Vec<Expense>,
}

/// Loads the unbilled work of `matter` between two days.
pub(crate) fn unbilled_work(
    ctx: &WriteCtx<'_>,
    matter: MatterId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Work> {
    let query = WorkQuery {
        matter: Some(matter),
        from: Some(from),
        to: Some(to),
        status: Some(WorkStatus::Unbilled),
        ..WorkQuery::default()
    };
    // The caller has checked the actor may see the matter.
    let time = ctx
        .tx
        .all_time_entries(&query)?
        .into_iter()
        .filter(|t| t.billability != Billability::NonBillable)
        .collect();
    let expenses = ctx
        .tx
        .all_expenses(&query)?
        .into_iter()
        .filter(|e| e.billable)
        .collect();
    Ok(Work { time, expenses })
}

/// The chargeable seconds of each entry: entries of one fee earner, matter and day under
/// the same policy are rounded together (per entry or per day, as the policy says).
pub(crate) fn chargeable_seconds(entries: &[TimeEntry]) -> Vec<u64> {
    // The order of the groups does not matter: each entry's result lands at its own index.
    let mut groups: HashMap<(UserId, MatterId, NaiveDate, RoundingPolicy), Vec<usize>> =
        HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        groups
            .entry((e.user, e.matter, e.date, e.rounding))
            .or_default()
            .push(i);
    }
    let mut out = vec![0; entries.len()];
    for members in groups.values() {
        let policy = entries[members[0]].rounding;
        let seconds: Vec<u64> = members
            .iter()
            .map(|&i| u64::from(entries[i].seconds))
            .collect();
        for (&i, rounded) in members.iter().zip(policy.round_day(&seconds)) {
            out[i] = rounded;
        }
    }
    out
}

/// A line with its defaults (one unit at no charge, untaxed, linked to nothing).
pub(crate) fn line(
    kind: LineKind,
    matter: MatterId,
    date: NaiveDate,
    description: &str,
) -> BillLine {
    BillLine {
        number: 0,
        kind,
        matter,
        date,
        description: description.to_owned(),
        quantity: Decimal::ONE,
        unit_price: Decimal::ZERO,
        discount: None,
        taxable: false,
        time_entry: None,
        expense: None,
        user: None,
        task_code: None,
        activity_code: None,
        expense_code: None,
        totals: LineTotals::default(),
    }
}

/// The lines of the time entries: at their rates when hourly, at no charge otherwise (and
/// for no-charge entries), or none when a fixed fee hides its time records.
fn time_lines(entries: &[TimeEntry], arrangement: &FeeArrangement, taxed: bool) -> Vec<BillLine> {
    let listed = match arrangement {
        FeeArrangement::FixedFee { show_time, .. } => *show_time,
        FeeArrangement::Hourly | FeeArrangement::Contingency { .. } => true,
    };
    if !listed {
        return Vec::new();
    }
    let charged = matches!(arrangement, FeeArrangement::Hourly);
    entries
        .iter()
        .zip(chargeable_seconds(entries))
        .map(|(e, seconds)| {
            let at_rate = charged && e.billability == Billability::Billable;
            let kind = if at_rate {
                LineKind::Time
            } else {
                LineKind::NoChargeTime
            };
            BillLine {
                quantity: hours(seconds),
                unit_price: if at_rate {
                    e.rate.amount
                } else {
                    Decimal::ZERO
                },
                taxable: at_rate && taxed,
                time_entry: Some(e.id),
                user: Some(e.user),
                task_code: e.task_code.clone(),
                activity_code: e.activity_code.clone(),
                ..line(kind, e.matter, e.date, &e.narrative)
            }
        })
        .collect()
}

/// The lines of a bill drafted from `work` (per matter) under `arrangement`.
pub(crate) fn lines(
    work: &[(MatterId, Work)],
    arrangement: &FeeArrangement,
    period_to: NaiveDate,
    taxed: bool,
    currency: crate::money::Currency,
) -> Result<Vec<BillLine>> {
    let mut out = Vec::new();
    let first_matter = work
        .first()
        .map(|(m, _)| *m)
        .ok_or_else(|| LexcaseError::validation("matters", "name at least one matter"))?;
    match arrangement {
        FeeArrangement::Hourly => {}
        FeeArrangement::FixedFee { amount, .. } => {
            if *amount < Decimal::ZERO {
                return Err(LexcaseError::validation("amount", "must not be negative"));
            }
            out.push(BillLine {
                unit_price: *amount,
                taxable: taxed,
                ..line(LineKind::FixedFee, first_matter, period_to, "Fixed fee")
            });
        }
        FeeArrangement::Contingency {
            recovery,
            costs,
            percent,
            basis,
        } => {
            let fee = contingency_fee(*recovery, *costs, *percent, *basis, currency)?;
            let text = format!(
                "Contingency fee: {percent}% of {} recovery {recovery} (costs {costs})",
                basis.as_str()
            );
            out.push(BillLine {
                unit_price: fee.fee,
                taxable: taxed,
                ..line(LineKind::ContingencyFee, first_matter, period_to, &text)
            });
        }
    }
    for (_, w) in work {
        out.extend(time_lines(&w.time, arrangement, taxed));
    }
    for (_, w) in work {
        for e in &w.expenses {
            let disbursement = e.tax == ExpenseTax::Disbursement;
            let kind = if disbursement {
                LineKind::Disbursement
            } else {
                LineKind::Expense
            };
            out.push(BillLine {
                quantity: e.quantity,
                unit_price: e.unit_cost.amount,
                taxable: taxed && !disbursement,
                expense: Some(e.id),
                expense_code: e.expense_code.clone(),
                ..line(kind, e.matter, e.date, &e.description)
            });
        }
    }
    Ok(out)
}
