//! Bills: drafting from unbilled work, discounts and adjustments on drafts, the state machine,
//! issue, void, credit notes, and the exports (LEDES 1998B, CSV, JSON).

use lexcase::BillId;
use rust_decimal::Decimal;

use crate::error::Result;
use crate::records::{Bill, BillPage, BillQuery, BillStatus, Discount, DraftRequest, Page};

service_object! {
    /// Bills. Reading them needs `view_rates` or `manage_billing` and sight of every matter on
    /// them; everything else needs `manage_billing`. A bill moves draft → approved → issued → partly paid → paid, or to void; `Bill.allowedTransitions`
    /// says where it may go now (elsewhere is an `InvalidTransition`). Only a draft may be changed.
    /// Changes are based on the bill's `expected_version` (else `StaleVersion`).
    BillService
}

#[uniffi::export]
impl BillService {
    /// Drafts a bill from the client's unbilled time and billable expenses on the matters in
    /// the period; the work goes on the draft. Nothing left to bill in the period is a
    /// `Validation` error (field `period`).
    pub fn draft(&self, request: DraftRequest) -> Result<Bill> {
        Ok(self.session.bills().draft(request)?)
    }

    /// A bill by id.
    pub fn get(&self, id: BillId) -> Result<Bill> {
        Ok(self.session.bills().get(id)?)
    }

    /// Bills matching `query`.
    pub fn list(&self, query: BillQuery, page: Page) -> Result<BillPage> {
        Ok(self.session.bills().list(&query, page.try_into()?)?.into())
    }

    /// Sets (or, with null, clears) the discount on the whole draft.
    pub fn set_discount(
        &self,
        id: BillId,
        expected_version: u64,
        discount: Option<Discount>,
    ) -> Result<Bill> {
        Ok(self
            .session
            .bills()
            .set_discount(id, expected_version, discount)?)
    }

    /// Sets (or clears) the discount of line `number` of a draft (an unknown line is
    /// `NotFound`).
    pub fn set_line_discount(
        &self,
        id: BillId,
        expected_version: u64,
        number: u32,
        discount: Option<Discount>,
    ) -> Result<Bill> {
        Ok(self
            .session
            .bills()
            .set_line_discount(id, expected_version, number, discount)?)
    }

    /// Adds a manual adjustment line (negative for a credit) to a draft.
    pub fn add_adjustment(
        &self,
        id: BillId,
        expected_version: u64,
        description: String,
        amount: Decimal,
        taxable: bool,
    ) -> Result<Bill> {
        Ok(self.session.bills().add_adjustment(
            id,
            expected_version,
            &description,
            amount,
            taxable,
        )?)
    }

    /// Takes line `number` off a draft; its work returns to unbilled.
    pub fn remove_line(&self, id: BillId, expected_version: u64, number: u32) -> Result<Bill> {
        Ok(self
            .session
            .bills()
            .remove_line(id, expected_version, number)?)
    }

    /// Moves a bill to `to` (approve, back to draft, void a draft). Issuing goes through
    /// `issue`, voiding an issued bill through `void`.
    pub fn transition(&self, id: BillId, expected_version: u64, to: BillStatus) -> Result<Bill> {
        Ok(self.session.bills().transition(id, expected_version, to)?)
    }

    /// Issues an approved bill: the next gapless number, the issue and due dates; its work
    /// becomes billed.
    pub fn issue(&self, id: BillId, expected_version: u64) -> Result<Bill> {
        Ok(self.session.bills().issue(id, expected_version)?)
    }

    /// Voids a bill with the reason; its work returns to unbilled. A bill with payments,
    /// credits or write-offs cannot be voided (`InvalidTransition`).
    pub fn void(&self, id: BillId, expected_version: u64, reason: String) -> Result<Bill> {
        Ok(self.session.bills().void(id, expected_version, &reason)?)
    }

    /// Issues a credit note of `amount` (including tax at the invoice's rate) against an
    /// issued invoice, reducing what it owes; returns the credit note.
    pub fn credit_note(
        &self,
        invoice: BillId,
        expected_version: u64,
        amount: Decimal,
        reason: String,
    ) -> Result<Bill> {
        Ok(self
            .session
            .bills()
            .credit_note(invoice, expected_version, amount, &reason)?)
    }

    /// The bill as a LEDES 1998B file (an issued, untaxed invoice of one matter; else a
    /// `Validation` error on `bill`).
    pub fn ledes(&self, id: BillId) -> Result<String> {
        Ok(self.session.bills().ledes(id)?)
    }

    /// The bill's lines as CSV (RFC 4180), with a closing totals row.
    pub fn csv(&self, id: BillId) -> Result<String> {
        Ok(self.session.bills().csv(id)?)
    }

    /// The bill as JSON.
    pub fn json(&self, id: BillId) -> Result<String> {
        Ok(self.session.bills().json(id)?)
    }
}
