//! Payments from clients, their allocation to bills, write-offs, statements of account and
//! aged debt.

use chrono::NaiveDate;
use lexcase::{BillId, ContactId, PaymentId};
use rust_decimal::Decimal;

use crate::error::Result;
use crate::records::{AgedDebt, Bill, NewPayment, Payment, StatementOfAccount, currency};

service_object! {
    /// Payments. Every call needs `manage_billing`. An allocation to a
    /// bill that is not an issued, unpaid invoice, or above what it owes, is a `Validation` error
    /// (field `bill` or `amount`); allocations above the payment are refused (field
    /// `allocations`). Nothing is written when a call fails.
    PaymentService
}

#[uniffi::export]
impl PaymentService {
    /// Records a payment and applies its allocations; the rest is held on account.
    pub fn record(&self, new: NewPayment) -> Result<Payment> {
        Ok(self.session.payments().record(new)?)
    }

    /// A payment by id.
    pub fn get(&self, id: PaymentId) -> Result<Payment> {
        Ok(self.session.payments().get(id)?)
    }

    /// Allocates part of a payment held on account to a bill.
    pub fn allocate(
        &self,
        id: PaymentId,
        expected_version: u64,
        bill: BillId,
        amount: Decimal,
    ) -> Result<Payment> {
        Ok(self
            .session
            .payments()
            .allocate(id, expected_version, bill, amount)?)
    }

    /// Writes off part or all of what an issued invoice owes, with the reason; returns the
    /// bill.
    pub fn write_off(
        &self,
        bill: BillId,
        expected_version: u64,
        amount: Decimal,
        reason: String,
    ) -> Result<Bill> {
        Ok(self
            .session
            .payments()
            .write_off(bill, expected_version, amount, &reason)?)
    }

    /// A client's statement of account in `currency` (ISO 4217): issued invoices and credit
    /// notes, payments and write-offs, oldest first, with the running balance.
    pub fn statement(
        &self,
        client: ContactId,
        currency_code: String,
    ) -> Result<StatementOfAccount> {
        Ok(self
            .session
            .payments()
            .statement(client, currency(&currency_code)?)?)
    }

    /// What issued invoices in `currency` still owe, by age at `as_of`.
    pub fn aged_debt(&self, as_of: NaiveDate, currency_code: String) -> Result<AgedDebt> {
        Ok(self
            .session
            .payments()
            .aged_debt(as_of, currency(&currency_code)?)?)
    }
}
