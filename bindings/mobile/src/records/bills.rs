//! Bills: invoices and credit notes with their lines and totals, the state machine, payments
//! and their allocations, the statement of account and aged debt.
//!
//! Amounts on a bill are in the bill's `currency` and given as plain decimals
//! (`java.math.BigDecimal`); lines always sum to the totals. The core's records and enums
//! cross the FFI as they are (a payment's `unallocated()` is a method of the core record);
//! this module keeps the bill with its derived figures (allowed transitions, outstanding),
//! because its totals cross without the per-line figures (each line carries its own, and a
//! record cannot hide the core `BillTotals.lines`), and the page of bills.

pub use lexcase::billing::{ContingencyBasis, Discount, LineTotals};
pub use lexcase::bills::{
    Allocation, BillKind, BillLine, BillStatus, FeeArrangement, LineKind, NewPayment, Payment,
    StatementEntry, StatementOfAccount,
};
pub use lexcase::reports::AgedDebt;
pub use lexcase::service::DraftRequest;
pub use lexcase::store::BillQuery;

use chrono::{DateTime, NaiveDate, Utc};
use lexcase::billing::BillTotals as CoreBillTotals;
use lexcase::bills::Bill as CoreBill;
use lexcase::money::Currency;
use lexcase::store::Paged;
use lexcase::{BillId, ContactId, MatterId, TimeEntryId, UserId};
use rust_decimal::Decimal;

use crate::convert::all;

/// A bill's figures (the sums of its lines' figures).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BillTotals {
    /// Before discounts.
    pub gross: Decimal,
    /// All discounts.
    pub discount: Decimal,
    /// After discounts.
    pub net: Decimal,
    /// Tax.
    pub tax: Decimal,
    /// Net plus tax.
    pub total: Decimal,
}

impl From<CoreBillTotals> for BillTotals {
    fn from(totals: CoreBillTotals) -> Self {
        // The per-line figures are on each `BillLine` (`totals`).
        Self {
            gross: totals.gross,
            discount: totals.discount,
            net: totals.net,
            tax: totals.tax,
            total: totals.total,
        }
    }
}

/// An invoice or credit note.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Bill {
    /// Identifier.
    pub id: BillId,
    /// Invoice or credit note.
    pub kind: BillKind,
    /// The gapless number, given on issue (`INV000001`).
    pub number: Option<String>,
    /// The client billed.
    pub client: ContactId,
    /// The matters billed.
    pub matters: Vec<MatterId>,
    /// The first day of work billed.
    pub period_from: NaiveDate,
    /// The last day of work billed.
    pub period_to: NaiveDate,
    /// ISO 4217 currency of every amount.
    pub currency: Currency,
    /// How fees are charged.
    pub arrangement: FeeArrangement,
    /// The lines, in number order.
    pub lines: Vec<BillLine>,
    /// Time entries a fixed fee covers without listing them (billed all the same).
    pub covered_time: Vec<TimeEntryId>,
    /// The discount on the whole bill.
    pub discount: Option<Discount>,
    /// The tax's name, e.g. `VAT`.
    pub tax_name: String,
    /// The tax rate as a fraction (`0.20`).
    pub tax_rate: Decimal,
    /// The bill's figures.
    pub totals: BillTotals,
    /// Where it stands.
    pub status: BillStatus,
    /// The statuses it may move to now (from the state machine).
    pub allowed_transitions: Vec<BillStatus>,
    /// What is still owed (0 unless an issued invoice).
    pub outstanding: Decimal,
    /// For a credit note: the invoice it credits.
    pub credits: Option<BillId>,
    /// The description printed.
    pub description: String,
    /// When it was issued.
    pub issued_on: Option<NaiveDate>,
    /// When payment is due.
    pub due_on: Option<NaiveDate>,
    /// Paid so far.
    pub paid: Decimal,
    /// Credited so far (credit notes).
    pub credited: Decimal,
    /// Written off so far.
    pub written_off: Decimal,
    /// Why it was voided.
    pub void_reason: Option<String>,
    /// Who drafted it.
    pub created_by: UserId,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Who issued it.
    pub issued_by: Option<UserId>,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreBill> for Bill {
    fn from(bill: CoreBill) -> Self {
        Self {
            allowed_transitions: bill.allowed_transitions(),
            outstanding: bill.outstanding(),
            id: bill.id,
            kind: bill.kind,
            number: bill.number,
            client: bill.client,
            matters: bill.matters,
            period_from: bill.period_from,
            period_to: bill.period_to,
            currency: bill.currency,
            arrangement: bill.arrangement,
            lines: bill.lines,
            covered_time: bill.covered_time,
            discount: bill.discount,
            tax_name: bill.tax_name,
            tax_rate: bill.tax_rate,
            totals: bill.totals.into(),
            status: bill.status,
            credits: bill.credits,
            description: bill.description,
            issued_on: bill.issued_on,
            due_on: bill.due_on,
            paid: bill.paid,
            credited: bill.credited,
            written_off: bill.written_off,
            void_reason: bill.void_reason,
            created_by: bill.created_by,
            created_at: bill.created_at,
            issued_by: bill.issued_by,
            version: bill.version,
        }
    }
}

/// One page of bills and the total number matching.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BillPage {
    /// The bills in this page.
    pub items: Vec<Bill>,
    /// How many match in all.
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreBill>> for BillPage {
    fn from(page: Paged<CoreBill>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::error::LexcaseError;
    use crate::records::Money;

    #[test]
    fn money_in_an_unknown_currency_is_refused_as_a_typed_error_when_lifted() {
        use uniffi::{Lift, Lower};
        let mut wire = Vec::new();
        <String as Lower<crate::UniFfiTag>>::write("100".into(), &mut wire);
        <String as Lower<crate::UniFfiTag>>::write("XYZ".into(), &mut wire);
        let error = <Money as Lift<crate::UniFfiTag>>::try_read(&mut wire.as_slice()).unwrap_err();
        assert!(matches!(
            error.downcast::<LexcaseError>(),
            Ok(LexcaseError::Validation { field, .. }) if field == "currency"
        ));
    }
}
