//! LEDES 1998B invoices (STANDARDS §1): the data model, a writer and a strict reader.
//!
//! Amounts: [`LedesLine::total`] is `units × unit cost + adjustment` for fee and expense lines
//! and the adjustment alone for invoice-level adjustments (`IF`, `IE`), rounded to cents (half
//! away from zero) because the writer emits money with at most 2 decimals. An `IF`/`IE` line
//! therefore carries no unit cost (empty or zero): the flat-fee-as-`IF`-with-a-rate style some
//! receivers use is not produced and is refused by the reader, so a line's meaning is never
//! ambiguous. Credits on fee and expense lines go in the adjustment; units are never negative.

mod read;
mod text;
mod write;

use std::sync::LazyLock;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

pub use read::parse_ledes_1998b;
pub use write::write_ledes_1998b;

/// Line 1 of every LEDES 1998B file.
pub const LEDES_1998B_HEADER: &str = "LEDES1998B[]";

/// Line 2 of every LEDES 1998B file: the 24 column names.
pub const LEDES_1998B_COLUMNS: &str = "INVOICE_DATE|INVOICE_NUMBER|CLIENT_ID|LAW_FIRM_MATTER_ID|INVOICE_TOTAL|BILLING_START_DATE|BILLING_END_DATE|INVOICE_DESCRIPTION|LINE_ITEM_NUMBER|EXP/FEE/INV_ADJ_TYPE|LINE_ITEM_NUMBER_OF_UNITS|LINE_ITEM_ADJUSTMENT_AMOUNT|LINE_ITEM_TOTAL|LINE_ITEM_DATE|LINE_ITEM_TASK_CODE|LINE_ITEM_EXPENSE_CODE|LINE_ITEM_ACTIVITY_CODE|TIMEKEEPER_ID|LINE_ITEM_DESCRIPTION|LAW_FIRM_ID|LINE_ITEM_UNIT_COST|TIMEKEEPER_NAME|TIMEKEEPER_CLASSIFICATION|CLIENT_MATTER_ID[]";

/// The number of fields on every data line.
pub const LEDES_1998B_FIELDS: usize = 24;

/// The longest id field (client, matter, line number, codes, timekeeper, law firm), in characters.
pub const MAX_ID_LEN: usize = 20;
/// The longest timekeeper name, in characters.
pub const MAX_TIMEKEEPER_NAME_LEN: usize = 30;
/// The largest description (invoice or line), in bytes: 15 KB.
pub const MAX_DESCRIPTION_BYTES: usize = 15 * 1024;

pub(crate) const COLUMN_NAMES: [&str; LEDES_1998B_FIELDS] = [
    "INVOICE_DATE",
    "INVOICE_NUMBER",
    "CLIENT_ID",
    "LAW_FIRM_MATTER_ID",
    "INVOICE_TOTAL",
    "BILLING_START_DATE",
    "BILLING_END_DATE",
    "INVOICE_DESCRIPTION",
    "LINE_ITEM_NUMBER",
    "EXP/FEE/INV_ADJ_TYPE",
    "LINE_ITEM_NUMBER_OF_UNITS",
    "LINE_ITEM_ADJUSTMENT_AMOUNT",
    "LINE_ITEM_TOTAL",
    "LINE_ITEM_DATE",
    "LINE_ITEM_TASK_CODE",
    "LINE_ITEM_EXPENSE_CODE",
    "LINE_ITEM_ACTIVITY_CODE",
    "TIMEKEEPER_ID",
    "LINE_ITEM_DESCRIPTION",
    "LAW_FIRM_ID",
    "LINE_ITEM_UNIT_COST",
    "TIMEKEEPER_NAME",
    "TIMEKEEPER_CLASSIFICATION",
    "CLIENT_MATTER_ID",
];

/// The kind of a LEDES line (`EXP/FEE/INV_ADJ_TYPE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LedesLineType {
    /// `F`: a fee (time) line.
    Fee,
    /// `E`: an expense line.
    Expense,
    /// `IF`: an invoice-level fee adjustment.
    FeeAdjustment,
    /// `IE`: an invoice-level expense adjustment.
    ExpenseAdjustment,
}

crate::names::stable_names!(LedesLineType, "line_type", "LEDES line type", {
    Fee = "fee",
    Expense = "expense",
    FeeAdjustment = "fee_adjustment",
    ExpenseAdjustment = "expense_adjustment",
});

impl LedesLineType {
    /// The LEDES code: `F`, `E`, `IF` or `IE`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Fee => "F",
            Self::Expense => "E",
            Self::FeeAdjustment => "IF",
            Self::ExpenseAdjustment => "IE",
        }
    }

    /// The type for a LEDES code (exact, upper case).
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    /// Whether this is an invoice-level adjustment (`IF` or `IE`).
    pub fn is_adjustment(self) -> bool {
        matches!(self, Self::FeeAdjustment | Self::ExpenseAdjustment)
    }
}

/// One line item of a LEDES invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedesLine {
    /// `LINE_ITEM_NUMBER`, unique within the invoice (≤ 20 characters).
    pub line_number: String,
    /// `EXP/FEE/INV_ADJ_TYPE`.
    pub kind: LedesLineType,
    /// `LINE_ITEM_NUMBER_OF_UNITS`: hours for fees, items for expenses (≤ 4 decimals, ≥ 0).
    pub units: Decimal,
    /// `LINE_ITEM_UNIT_COST`: rate or unit cost; required for `F`/`E`, empty or zero for `IF`/`IE`.
    pub unit_cost: Option<Decimal>,
    /// `LINE_ITEM_ADJUSTMENT_AMOUNT`: positive premium, negative discount.
    pub adjustment: Decimal,
    /// `LINE_ITEM_DATE`.
    pub date: NaiveDate,
    /// `LINE_ITEM_TASK_CODE` (UTBMS, e.g. `L510`), or empty.
    pub task_code: String,
    /// `LINE_ITEM_EXPENSE_CODE` (e.g. `E111`), or empty.
    pub expense_code: String,
    /// `LINE_ITEM_ACTIVITY_CODE` (e.g. `A102`), or empty.
    pub activity_code: String,
    /// `TIMEKEEPER_ID`, or empty.
    pub timekeeper_id: String,
    /// `LINE_ITEM_DESCRIPTION`.
    pub description: String,
    /// `TIMEKEEPER_NAME` as `Last, First` (≤ 30 characters), or empty.
    pub timekeeper_name: String,
    /// `TIMEKEEPER_CLASSIFICATION`: a LOC code such as `PARTNR`, or empty.
    pub timekeeper_classification: String,
}

impl LedesLine {
    /// `LINE_ITEM_TOTAL`: units × unit cost + adjustment (`IF`/`IE`: the adjustment), rounded to
    /// cents half away from zero.
    pub fn total(&self) -> Decimal {
        round_cents(self.exact_total())
    }

    /// The unrounded total.
    pub(crate) fn exact_total(&self) -> Decimal {
        if self.kind.is_adjustment() {
            return self.adjustment;
        }
        let cost = self.unit_cost.unwrap_or_default();
        self.units
            .checked_mul(cost)
            .and_then(|p| p.checked_add(self.adjustment))
            .unwrap_or(Decimal::MAX)
    }
}

/// One LEDES invoice: the invoice-level fields and its lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedesInvoice {
    /// `INVOICE_DATE`.
    pub invoice_date: NaiveDate,
    /// `INVOICE_NUMBER`: 1–20 characters `[A-Za-z0-9]`.
    pub invoice_number: String,
    /// `CLIENT_ID` (≤ 20 characters; leading zeros kept).
    pub client_id: String,
    /// `LAW_FIRM_MATTER_ID` (≤ 20 characters).
    pub law_firm_matter_id: String,
    /// `BILLING_START_DATE`.
    pub billing_start: NaiveDate,
    /// `BILLING_END_DATE`.
    pub billing_end: NaiveDate,
    /// `INVOICE_DESCRIPTION`.
    pub description: String,
    /// `LAW_FIRM_ID` (US firms: the federal taxpayer id; ≤ 20 characters).
    pub law_firm_id: String,
    /// `CLIENT_MATTER_ID`: the client's own matter key, or empty.
    pub client_matter_id: String,
    /// The line items.
    pub lines: Vec<LedesLine>,
}

impl LedesInvoice {
    /// `INVOICE_TOTAL`: the sum of the lines' totals.
    pub fn total(&self) -> Decimal {
        self.lines
            .iter()
            .try_fold(Decimal::ZERO, |acc, l| acc.checked_add(l.total()))
            .unwrap_or(Decimal::MAX)
    }
}

pub(crate) fn round_cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

static CLASSIFICATIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("ledes/classifications.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
});

/// The 51 LOC timekeeper classification codes (2014 revision) accepted in
/// `TIMEKEEPER_CLASSIFICATION`, as listed by the Lexitree validator (STANDARDS §1.3).
pub fn timekeeper_classifications() -> &'static [&'static str] {
    &CLASSIFICATIONS
}

/// Whether `code` is a LOC timekeeper classification (exact, upper case).
pub fn is_timekeeper_classification(code: &str) -> bool {
    CLASSIFICATIONS.contains(&code)
}
