//! Management reports: hours per fee earner (billable, non-billable, recorded against
//! billed), utilisation and realisation, work in progress per matter and per fee earner,
//! client-money balances — as data and as CSV.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Session;
use super::context::ReadCtx;
use crate::access::Capability;
use crate::client_money::LedgerBalance;
use crate::error::{LexcaseError, Result};
use crate::ids::UserId;
use crate::money::Money;
use crate::reports::{Csv, FeeEarnerHours, WorkInProgress, realisation, utilisation};
use crate::store::WipBy;

/// The longest period a report covers: 366 days.
const MAX_DAYS: i64 = 366;

/// Management reports (need `view_rates`).
#[derive(Debug)]
pub struct ReportService<'s> {
    session: &'s Session,
}

fn check_period(from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to < from || (to - from).num_days() >= MAX_DAYS {
        return Err(LexcaseError::validation(
            "to",
            "the period must run forwards over at most 366 days",
        ));
    }
    Ok(())
}

fn seconds_to_hours(seconds: u64) -> String {
    crate::billing::hours(seconds).to_string()
}

impl<'s> ReportService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    fn read<R>(&self, f: impl FnOnce(&ReadCtx<'_>) -> Result<R>) -> Result<R> {
        self.session.read(|ctx| {
            ctx.actor.require(Capability::ViewRates)?;
            f(ctx)
        })
    }

    /// Hours and value per fee earner for work dated in the period, with utilisation
    /// against `available_hours_per_day` on each business day of the firm's calendar and
    /// realisation (billed value over recorded value).
    pub fn hours(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        available_hours_per_day: Decimal,
    ) -> Result<Vec<FeeEarnerHours>> {
        check_period(from, to)?;
        if available_hours_per_day < Decimal::ZERO || available_hours_per_day > Decimal::from(24) {
            return Err(LexcaseError::validation(
                "available_hours_per_day",
                "0 to 24",
            ));
        }
        let calendar = self.session.firm().settings()?;
        let business_days = from
            .iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| calendar.calendar().is_business_day(*d))
            .count();
        let available =
            (available_hours_per_day * Decimal::from(business_days) * Decimal::from(3600))
                .trunc()
                .try_into()
                .unwrap_or(0u64);
        self.read(|ctx| {
            let mut out = ctx.tx.fee_earner_hours(&ctx.viewer(), from, to)?;
            out.sort_by(|a, b| {
                (a.user, a.currency.map(|c| c.code())).cmp(&(b.user, b.currency.map(|c| c.code())))
            });
            // Utilisation counts all of a fee earner's billable time, whatever its currency.
            let mut billable: BTreeMap<UserId, u64> = BTreeMap::new();
            for h in &out {
                *billable.entry(h.user).or_default() += h.billable_seconds;
            }
            for h in &mut out {
                let seconds = billable.get(&h.user).copied().unwrap_or_default();
                h.utilisation = utilisation(seconds, available);
                if let Some(currency) = h.currency {
                    let money = |amount| Money { amount, currency };
                    h.realisation = realisation(money(h.billed_value), money(h.recorded_value))?;
                }
            }
            Ok(out)
        })
    }

    /// Unbilled work in progress per matter and per fee earner (matters the actor may see),
    /// largest first; one line per matter or fee earner and currency.
    pub fn wip(&self) -> Result<(Vec<WorkInProgress>, Vec<WorkInProgress>)> {
        self.read(|ctx| {
            let viewer = ctx.viewer();
            let sorted = |mut lines: Vec<WorkInProgress>| {
                lines.sort_by(|a, b| {
                    b.total()
                        .cmp(&a.total())
                        .then_with(|| (a.matter, a.user).cmp(&(b.matter, b.user)))
                });
                lines
            };
            Ok((
                sorted(ctx.tx.work_in_progress(&viewer, WipBy::Matter)?),
                sorted(ctx.tx.work_in_progress(&viewer, WipBy::FeeEarner)?),
            ))
        })
    }

    /// Every client-matter ledger balance on matters the actor may see, at the end of `as_of`.
    pub fn client_money_balances(&self, as_of: NaiveDate) -> Result<Vec<LedgerBalance>> {
        self.read(|ctx| ctx.tx.client_money_balances(&ctx.viewer(), as_of))
    }

    /// The client money held at the end of `as_of` on matters the actor may see: the sum of
    /// the ledger balances, one figure per currency (in currency order).
    pub fn client_money_total(&self, as_of: NaiveDate) -> Result<Vec<Money>> {
        let mut totals: BTreeMap<&'static str, Money> = BTreeMap::new();
        for line in self.client_money_balances(as_of)? {
            let currency = line.balance.currency;
            let total = totals
                .entry(currency.code())
                .or_insert_with(|| Money::zero(currency));
            *total = total.checked_add(line.balance)?;
        }
        Ok(totals.into_values().collect())
    }

    /// [`ReportService::hours`] as CSV (hours to 4 decimal places).
    pub fn hours_csv(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        available_hours_per_day: Decimal,
    ) -> Result<String> {
        let rows = self.hours(from, to, available_hours_per_day)?;
        let mut csv = Csv::new(&[
            "user",
            "recorded_hours",
            "billable_hours",
            "non_billable_hours",
            "no_charge_hours",
            "billed_hours",
            "recorded_value",
            "billed_value",
            "utilisation",
            "realisation",
        ]);
        let ratio = |r: Option<Decimal>| r.map(|d| d.to_string()).unwrap_or_default();
        for h in rows {
            csv.row(&[
                h.user.to_string(),
                seconds_to_hours(h.recorded_seconds),
                seconds_to_hours(h.billable_seconds),
                seconds_to_hours(h.non_billable_seconds),
                seconds_to_hours(h.no_charge_seconds),
                seconds_to_hours(h.billed_seconds),
                h.recorded_value.to_string(),
                h.billed_value.to_string(),
                ratio(h.utilisation),
                ratio(h.realisation),
            ])?;
        }
        Ok(csv.finish())
    }

    /// Work in progress per matter as CSV.
    pub fn wip_csv(&self) -> Result<String> {
        let (matters, _) = self.wip()?;
        let mut csv = Csv::new(&[
            "matter",
            "unbilled_hours",
            "unbilled_time_value",
            "unbilled_expenses",
            "total",
        ]);
        for w in matters {
            csv.row(&[
                w.matter.map(|m| m.to_string()).unwrap_or_default(),
                seconds_to_hours(w.unbilled_seconds),
                w.unbilled_time_value.to_string(),
                w.unbilled_expenses.to_string(),
                w.total().to_string(),
            ])?;
        }
        Ok(csv.finish())
    }

    /// Client-money balances as CSV.
    pub fn client_money_balances_csv(&self, as_of: NaiveDate) -> Result<String> {
        let mut csv = Csv::new(&["matter", "client", "balance", "currency"]);
        for b in self.client_money_balances(as_of)? {
            csv.row(&[
                b.matter.to_string(),
                b.client.to_string(),
                b.balance.amount.to_string(),
                b.balance.currency.code().into(),
            ])?;
        }
        Ok(csv.finish())
    }

    /// Aged debt of issued invoices in `currency` as CSV (one row of buckets).
    pub fn aged_debt_csv(
        &self,
        as_of: NaiveDate,
        currency: crate::money::Currency,
    ) -> Result<String> {
        let aged = self.session.payments().aged_debt(as_of, currency)?;
        let mut csv = Csv::new(&[
            "as_of", "currency", "0_30", "31_60", "61_90", "over_90", "total",
        ]);
        csv.row(&[
            aged.as_of.to_string(),
            currency.code().into(),
            aged.current.amount.to_string(),
            aged.days_31_60.amount.to_string(),
            aged.days_61_90.amount.to_string(),
            aged.over_90.amount.to_string(),
            aged.total.amount.to_string(),
        ])?;
        Ok(csv.finish())
    }
}
