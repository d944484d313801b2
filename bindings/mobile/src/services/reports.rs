//! Management reports: hours and value per fee earner, work in progress, client-money
//! balances, as records and as CSV.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::Result;
use crate::records::{FeeEarnerHours, LedgerBalance, WipReport, currency};

service_object! {
    /// Reports; every one needs `view_rates`. Periods are inclusive.
    ReportService
}

#[uniffi::export]
impl ReportService {
    /// Hours and value per fee earner for work dated `from` to `to`, with utilisation against
    /// `availableHoursPerDay` (0 to 24) on each business day and realisation.
    pub fn hours(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        available_hours_per_day: Decimal,
    ) -> Result<Vec<FeeEarnerHours>> {
        Ok(self
            .session
            .reports()
            .hours(from, to, available_hours_per_day)?)
    }

    /// Unbilled work in progress per matter and per fee earner, largest first.
    pub fn wip(&self) -> Result<WipReport> {
        Ok(self.session.reports().wip()?.into())
    }

    /// Every client-matter ledger balance at `as_of` on matters the actor may see.
    pub fn client_money_balances(&self, as_of: NaiveDate) -> Result<Vec<LedgerBalance>> {
        Ok(self.session.reports().client_money_balances(as_of)?)
    }

    /// `hours` as CSV (hours to 4 decimal places).
    pub fn hours_csv(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        available_hours_per_day: Decimal,
    ) -> Result<String> {
        Ok(self
            .session
            .reports()
            .hours_csv(from, to, available_hours_per_day)?)
    }

    /// Work in progress per matter as CSV.
    pub fn wip_csv(&self) -> Result<String> {
        Ok(self.session.reports().wip_csv()?)
    }

    /// Every client-matter ledger balance at `as_of` as CSV.
    pub fn client_money_balances_csv(&self, as_of: NaiveDate) -> Result<String> {
        Ok(self.session.reports().client_money_balances_csv(as_of)?)
    }

    /// Aged debt of issued invoices in the currency (ISO 4217 code) as CSV.
    pub fn aged_debt_csv(&self, as_of: NaiveDate, currency_code: String) -> Result<String> {
        Ok(self
            .session
            .reports()
            .aged_debt_csv(as_of, currency(&currency_code)?)?)
    }
}
