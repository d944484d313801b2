//! Bills: invoices and credit notes with their lines and totals, the state machine, payments
//! and their allocations, the statement of account and aged debt.
//!
//! Amounts on a bill are in the bill's `currency` and given as plain decimals
//! (`java.math.BigDecimal`); lines always sum to the totals.

use std::time::SystemTime;

use chrono::NaiveDate;
use lexcase::billing::{
    BillTotals as CoreBillTotals, ContingencyBasis as CoreContingencyBasis,
    Discount as CoreDiscount, LineTotals as CoreLineTotals,
};
use lexcase::bills::{
    Allocation as CoreAllocation, Bill as CoreBill, BillKind as CoreBillKind,
    BillLine as CoreBillLine, BillStatus as CoreBillStatus, FeeArrangement as CoreFeeArrangement,
    LineKind as CoreLineKind, NewPayment as CoreNewPayment, Payment as CorePayment,
    StatementEntry as CoreStatementEntry, StatementOfAccount as CoreStatementOfAccount,
};
use lexcase::reports::AgedDebt as CoreAgedDebt;
use lexcase::service::DraftRequest as CoreDraftRequest;
use lexcase::store::{BillQuery as CoreBillQuery, Paged};
use lexcase::{BillId, MatterId};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::convert::{all, instant, mirror_enum};
use crate::error::LexcaseError;
use crate::records::Money;

mirror_enum! {
    /// An invoice or a credit note.
    BillKind = CoreBillKind {
        /// An invoice.
        Invoice,
        /// A credit note against an issued invoice (negative totals).
        CreditNote,
    }
}

mirror_enum! {
    /// Where a bill stands: draft → approved → issued → partly paid → paid, or void.
    BillStatus = CoreBillStatus {
        /// Being prepared; it may be changed.
        Draft,
        /// Approved for issue.
        Approved,
        /// Issued, with its number; frozen.
        Issued,
        /// Issued and partly settled.
        PartlyPaid,
        /// Issued and fully settled.
        Paid,
        /// Cancelled; its work returns to unbilled.
        Void,
    }
}

mirror_enum! {
    /// What a bill line is for.
    LineKind = CoreLineKind {
        /// Billable time.
        Time,
        /// Time shown at no charge.
        NoChargeTime,
        /// A cost passed on with tax.
        Expense,
        /// A disbursement passed on without tax.
        Disbursement,
        /// The fixed fee.
        FixedFee,
        /// The contingency fee.
        ContingencyFee,
        /// A manual adjustment (negative for a credit).
        Adjustment,
    }
}

mirror_enum! {
    /// Whether a contingency percentage is taken before or after costs.
    ContingencyBasis = CoreContingencyBasis {
        /// Of the whole recovery.
        Gross,
        /// Of the recovery after costs.
        Net,
    }
}

/// A discount: a percentage (0 to 100) or a fixed amount (not negative).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Discount {
    /// Percent off, 0 to 100.
    Percent {
        /// The percentage.
        value: Decimal,
    },
    /// A fixed amount off.
    Amount {
        /// The amount.
        value: Decimal,
    },
}

impl From<CoreDiscount> for Discount {
    fn from(discount: CoreDiscount) -> Self {
        match discount {
            CoreDiscount::Percent(value) => Self::Percent { value },
            CoreDiscount::Amount(value) => Self::Amount { value },
        }
    }
}

impl From<Discount> for CoreDiscount {
    /// Unchecked: the core checks the range where the discount is used.
    fn from(discount: Discount) -> Self {
        match discount {
            Discount::Percent { value } => Self::Percent(value),
            Discount::Amount { value } => Self::Amount(value),
        }
    }
}

/// How a bill's fees are charged.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum FeeArrangement {
    /// Billable time at its rates.
    Hourly,
    /// One fee; the time may be shown at no charge.
    FixedFee {
        /// The fee.
        amount: Decimal,
        /// Whether the time is listed (at no charge).
        show_time: bool,
    },
    /// A percentage of a recovery.
    Contingency {
        /// The amount recovered.
        recovery: Decimal,
        /// The costs of the case.
        costs: Decimal,
        /// The percentage, 0 to 100.
        percent: Decimal,
        /// Before or after costs.
        basis: ContingencyBasis,
    },
}

impl From<CoreFeeArrangement> for FeeArrangement {
    fn from(arrangement: CoreFeeArrangement) -> Self {
        match arrangement {
            CoreFeeArrangement::Hourly => Self::Hourly,
            CoreFeeArrangement::FixedFee { amount, show_time } => {
                Self::FixedFee { amount, show_time }
            }
            CoreFeeArrangement::Contingency {
                recovery,
                costs,
                percent,
                basis,
            } => Self::Contingency {
                recovery,
                costs,
                percent,
                basis: basis.into(),
            },
        }
    }
}

impl From<FeeArrangement> for CoreFeeArrangement {
    fn from(arrangement: FeeArrangement) -> Self {
        match arrangement {
            FeeArrangement::Hourly => Self::Hourly,
            FeeArrangement::FixedFee { amount, show_time } => Self::FixedFee { amount, show_time },
            FeeArrangement::Contingency {
                recovery,
                costs,
                percent,
                basis,
            } => Self::Contingency {
                recovery,
                costs,
                percent,
                basis: basis.into(),
            },
        }
    }
}

/// A line's figures.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LineTotals {
    /// Quantity times unit price.
    pub gross: Decimal,
    /// The line's own discount.
    pub discount: Decimal,
    /// The line's share of the bill's discount.
    pub bill_discount: Decimal,
    /// After both discounts.
    pub net: Decimal,
    /// Tax on the net.
    pub tax: Decimal,
    /// Net plus tax.
    pub total: Decimal,
}

impl From<CoreLineTotals> for LineTotals {
    fn from(totals: CoreLineTotals) -> Self {
        let CoreLineTotals {
            gross,
            discount,
            bill_discount,
            net,
            tax,
            total,
        } = totals;
        Self {
            gross,
            discount,
            bill_discount,
            net,
            tax,
            total,
        }
    }
}

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
        let CoreBillTotals {
            lines: _,
            gross,
            discount,
            net,
            tax,
            total,
        } = totals;
        Self {
            gross,
            discount,
            net,
            tax,
            total,
        }
    }
}

/// One line of a bill.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BillLine {
    /// The line number, from 1.
    pub number: u32,
    /// What it is for.
    pub kind: LineKind,
    /// The matter.
    pub matter: Uuid,
    /// The day of the work or cost.
    pub date: NaiveDate,
    /// The description printed.
    pub description: String,
    /// Hours or units.
    pub quantity: Decimal,
    /// Rate or unit cost.
    pub unit_price: Decimal,
    /// The line's own discount.
    pub discount: Option<Discount>,
    /// Whether tax applies.
    pub taxable: bool,
    /// The time entry billed, if any.
    pub time_entry: Option<Uuid>,
    /// The expense billed, if any.
    pub expense: Option<Uuid>,
    /// The fee earner, for time.
    pub user: Option<Uuid>,
    /// UTBMS task code.
    pub task_code: Option<String>,
    /// UTBMS activity code.
    pub activity_code: Option<String>,
    /// UTBMS expense code.
    pub expense_code: Option<String>,
    /// The line's figures.
    pub totals: LineTotals,
}

impl From<CoreBillLine> for BillLine {
    fn from(line: CoreBillLine) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreBillLine {
            number,
            kind,
            matter,
            date,
            description,
            quantity,
            unit_price,
            discount,
            taxable,
            time_entry,
            expense,
            user,
            task_code,
            activity_code,
            expense_code,
            totals,
        } = line;
        Self {
            number,
            kind: kind.into(),
            matter: matter.into(),
            date,
            description,
            quantity,
            unit_price,
            discount: discount.map(Discount::from),
            taxable,
            time_entry: time_entry.map(Uuid::from),
            expense: expense.map(Uuid::from),
            user: user.map(Uuid::from),
            task_code,
            activity_code,
            expense_code,
            totals: totals.into(),
        }
    }
}

/// An invoice or credit note.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Bill {
    /// Identifier.
    pub id: Uuid,
    /// Invoice or credit note.
    pub kind: BillKind,
    /// The gapless number, given on issue (`INV000001`).
    pub number: Option<String>,
    /// The client billed.
    pub client: Uuid,
    /// The matters billed.
    pub matters: Vec<Uuid>,
    /// The first day of work billed.
    pub period_from: NaiveDate,
    /// The last day of work billed.
    pub period_to: NaiveDate,
    /// ISO 4217 currency of every amount.
    pub currency: String,
    /// How fees are charged.
    pub arrangement: FeeArrangement,
    /// The lines, in number order.
    pub lines: Vec<BillLine>,
    /// Time entries a fixed fee covers without listing them (billed all the same).
    pub covered_time: Vec<Uuid>,
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
    pub credits: Option<Uuid>,
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
    pub created_by: Uuid,
    /// When.
    pub created_at: SystemTime,
    /// Who issued it.
    pub issued_by: Option<Uuid>,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreBill> for Bill {
    fn from(bill: CoreBill) -> Self {
        let allowed_transitions = all(bill.allowed_transitions());
        let outstanding = bill.outstanding();
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreBill {
            id,
            kind,
            number,
            client,
            matters,
            period_from,
            period_to,
            currency,
            arrangement,
            lines,
            covered_time,
            discount,
            tax_name,
            tax_rate,
            totals,
            status,
            credits,
            description,
            issued_on,
            due_on,
            paid,
            credited,
            written_off,
            void_reason,
            created_by,
            created_at,
            issued_by,
            version,
        } = bill;
        Self {
            id: id.into(),
            kind: kind.into(),
            number,
            client: client.into(),
            matters: all(matters),
            period_from,
            period_to,
            currency: currency.code().to_owned(),
            arrangement: arrangement.into(),
            lines: all(lines),
            covered_time: all(covered_time),
            discount: discount.map(Discount::from),
            tax_name,
            tax_rate,
            totals: totals.into(),
            status: status.into(),
            allowed_transitions,
            outstanding,
            credits: credits.map(Uuid::from),
            description,
            issued_on,
            due_on,
            paid,
            credited,
            written_off,
            void_reason,
            created_by: created_by.into(),
            created_at: instant(created_at),
            issued_by: issued_by.map(Uuid::from),
            version,
        }
    }
}

/// What a bill is drafted from: the client's unbilled work on `matters` in the period.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DraftRequest {
    /// The client billed.
    pub client: Uuid,
    /// The matters (each of the client's).
    pub matters: Vec<Uuid>,
    /// The first day of work billed.
    pub period_from: NaiveDate,
    /// The last day of work billed.
    pub period_to: NaiveDate,
    /// How fees are charged.
    pub arrangement: FeeArrangement,
    /// A discount on the whole bill.
    #[uniffi(default)]
    pub discount: Option<Discount>,
    /// The description printed.
    #[uniffi(default = "")]
    pub description: String,
}

impl From<DraftRequest> for CoreDraftRequest {
    fn from(request: DraftRequest) -> Self {
        // Destructured without `..`: a field added here must reach the core type.
        let DraftRequest {
            client,
            matters,
            period_from,
            period_to,
            arrangement,
            discount,
            description,
        } = request;
        Self {
            client: client.into(),
            matters: matters.into_iter().map(MatterId::from).collect(),
            period_from,
            period_to,
            arrangement: arrangement.into(),
            discount: discount.map(CoreDiscount::from),
            description,
        }
    }
}

/// Which bills a list returns; null fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct BillQuery {
    /// Only this client's.
    #[uniffi(default)]
    pub client: Option<Uuid>,
    /// Only bills of this matter.
    #[uniffi(default)]
    pub matter: Option<Uuid>,
    /// Only in this status.
    #[uniffi(default)]
    pub status: Option<BillStatus>,
}

impl From<BillQuery> for CoreBillQuery {
    fn from(query: BillQuery) -> Self {
        let BillQuery {
            client,
            matter,
            status,
        } = query;
        Self {
            client: client.map(Into::into),
            matter: matter.map(Into::into),
            status: status.map(Into::into),
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

/// Part of a payment applied to a bill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Allocation {
    /// The bill.
    pub bill: Uuid,
    /// The amount applied (more than zero).
    pub amount: Decimal,
}

impl From<CoreAllocation> for Allocation {
    fn from(allocation: CoreAllocation) -> Self {
        let CoreAllocation { bill, amount } = allocation;
        Self {
            bill: bill.into(),
            amount,
        }
    }
}

impl From<Allocation> for CoreAllocation {
    fn from(allocation: Allocation) -> Self {
        let Allocation { bill, amount } = allocation;
        Self {
            bill: BillId::from(bill),
            amount,
        }
    }
}

/// A payment received from a client.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Payment {
    /// Identifier.
    pub id: Uuid,
    /// The client who paid.
    pub client: Uuid,
    /// When it was received.
    pub received_on: NaiveDate,
    /// How much.
    pub amount: Money,
    /// How (bank transfer, card…).
    pub method: String,
    /// The payer's reference.
    pub reference: String,
    /// The bills it was applied to.
    pub allocations: Vec<Allocation>,
    /// What is held on account (not yet applied).
    pub unallocated: Decimal,
    /// Who recorded it.
    pub recorded_by: Uuid,
    /// When.
    pub recorded_at: SystemTime,
    /// Optimistic-concurrency version: pass it back to `allocate`.
    pub version: u64,
}

impl From<CorePayment> for Payment {
    fn from(payment: CorePayment) -> Self {
        let unallocated = payment.unallocated();
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CorePayment {
            id,
            client,
            received_on,
            amount,
            method,
            reference,
            allocations,
            recorded_by,
            recorded_at,
            version,
        } = payment;
        Self {
            id: id.into(),
            client: client.into(),
            received_on,
            amount,
            method,
            reference,
            allocations: all(allocations),
            unallocated,
            recorded_by: recorded_by.into(),
            recorded_at: instant(recorded_at),
            version,
        }
    }
}

/// What a payment is recorded with.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewPayment {
    /// The client who paid.
    pub client: Uuid,
    /// When it was received.
    pub received_on: NaiveDate,
    /// How much (more than zero).
    pub amount: Money,
    /// How.
    #[uniffi(default = "")]
    pub method: String,
    /// The payer's reference.
    #[uniffi(default = "")]
    pub reference: String,
    /// Bills to apply it to (the rest is held on account); together at most the amount.
    #[uniffi(default)]
    pub allocations: Vec<Allocation>,
}

impl TryFrom<NewPayment> for CoreNewPayment {
    type Error = LexcaseError;
    fn try_from(new: NewPayment) -> Result<Self, LexcaseError> {
        // Destructured without `..`: a field added here must reach the core type.
        let NewPayment {
            client,
            received_on,
            amount,
            method,
            reference,
            allocations,
        } = new;
        Ok(Self {
            client: client.into(),
            received_on,
            amount: amount.checked("amount")?.into(),
            method,
            reference,
            allocations: all(allocations),
        })
    }
}

/// One line of a statement of account.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatementEntry {
    /// The day.
    pub date: NaiveDate,
    /// What it was (an invoice number, a payment…).
    pub description: String,
    /// Owed by the client.
    pub debit: Decimal,
    /// Paid or credited.
    pub credit: Decimal,
    /// The running balance.
    pub balance: Decimal,
}

impl From<CoreStatementEntry> for StatementEntry {
    fn from(entry: CoreStatementEntry) -> Self {
        let CoreStatementEntry {
            date,
            description,
            debit,
            credit,
            balance,
        } = entry;
        Self {
            date,
            description,
            debit,
            credit,
            balance,
        }
    }
}

/// A client's statement of account in one currency.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatementOfAccount {
    /// The client.
    pub client: Uuid,
    /// ISO 4217 currency.
    pub currency: String,
    /// Oldest first.
    pub entries: Vec<StatementEntry>,
    /// What the client owes (negative: in credit).
    pub balance: Decimal,
    /// Payments held on account.
    pub on_account: Decimal,
}

impl From<CoreStatementOfAccount> for StatementOfAccount {
    fn from(statement: CoreStatementOfAccount) -> Self {
        let CoreStatementOfAccount {
            client,
            currency,
            entries,
            balance,
            on_account,
        } = statement;
        Self {
            client: client.into(),
            currency: currency.code().to_owned(),
            entries: all(entries),
            balance,
            on_account,
        }
    }
}

/// Outstanding amounts by age (from the issue date) at a date.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AgedDebt {
    /// The date the ages are counted to.
    pub as_of: NaiveDate,
    /// ISO 4217 currency.
    pub currency: String,
    /// Up to 30 days old.
    pub current: Money,
    /// 31 to 60 days.
    pub days_31_60: Money,
    /// 61 to 90 days.
    pub days_61_90: Money,
    /// Over 90 days.
    pub over_90: Money,
    /// All of it.
    pub total: Money,
}

impl From<CoreAgedDebt> for AgedDebt {
    fn from(aged: CoreAgedDebt) -> Self {
        let CoreAgedDebt {
            as_of,
            currency,
            current,
            days_31_60,
            days_61_90,
            over_90,
            total,
        } = aged;
        Self {
            as_of,
            currency: currency.code().to_owned(),
            current,
            days_31_60,
            days_61_90,
            over_90,
            total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrangements_and_discounts_round_trip_through_the_core_types() {
        let arrangements = [
            FeeArrangement::Hourly,
            FeeArrangement::FixedFee {
                amount: "950".parse().unwrap(),
                show_time: true,
            },
            FeeArrangement::Contingency {
                recovery: "100000".parse().unwrap(),
                costs: "10000".parse().unwrap(),
                percent: "33.3333".parse().unwrap(),
                basis: ContingencyBasis::Net,
            },
        ];
        for arrangement in arrangements {
            let core = CoreFeeArrangement::from(arrangement.clone());
            assert_eq!(FeeArrangement::from(core), arrangement);
        }
        for discount in [
            Discount::Percent {
                value: "10".parse().unwrap(),
            },
            Discount::Amount {
                value: "25.50".parse().unwrap(),
            },
        ] {
            assert_eq!(Discount::from(CoreDiscount::from(discount)), discount);
        }
    }

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
