//! The lines of a bill.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::billing::{Discount, DraftLine, LineTotals};
use crate::ids::{ExpenseId, MatterId, TimeEntryId, UserId};

/// What a line charges for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LineKind {
    /// Time at a rate.
    Time,
    /// Time shown at no charge (no-charge entries, time records under a fixed fee).
    NoChargeTime,
    /// An expense charged with tax like the fees.
    Expense,
    /// A disbursement passed through untaxed.
    Disbursement,
    /// A fixed fee.
    FixedFee,
    /// A contingency fee.
    ContingencyFee,
    /// A manual adjustment (negative for a credit).
    Adjustment,
}

crate::names::stable_names!(LineKind, "kind", "line kind", {
    Time = "time",
    NoChargeTime = "no_charge_time",
    Expense = "expense",
    Disbursement = "disbursement",
    FixedFee = "fixed_fee",
    ContingencyFee = "contingency_fee",
    Adjustment = "adjustment",
});

impl LineKind {
    /// Fee lines (LEDES `F`) as opposed to expense lines (`E`).
    pub fn is_fee(self) -> bool {
        !matches!(self, Self::Expense | Self::Disbursement)
    }
}

/// One line of a bill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BillLine {
    /// Position on the bill, from 1.
    pub number: u32,
    /// What it charges for.
    pub kind: LineKind,
    /// The matter it belongs to.
    pub matter: MatterId,
    /// The day of the work.
    pub date: NaiveDate,
    /// Narrative.
    pub description: String,
    /// Hours (4 dp) or units.
    pub quantity: Decimal,
    /// Rate or unit price.
    pub unit_price: Decimal,
    /// The line's discount.
    pub discount: Option<Discount>,
    /// Whether tax applies.
    pub taxable: bool,
    /// The time entry it bills.
    pub time_entry: Option<TimeEntryId>,
    /// The expense it bills.
    pub expense: Option<ExpenseId>,
    /// The fee earner.
    pub user: Option<UserId>,
    /// UTBMS task code.
    pub task_code: Option<String>,
    /// UTBMS activity code.
    pub activity_code: Option<String>,
    /// UTBMS expense code.
    pub expense_code: Option<String>,
    /// Computed amounts.
    pub totals: LineTotals,
}

impl BillLine {
    /// The arithmetic input of the line.
    pub fn draft(&self) -> DraftLine {
        DraftLine {
            quantity: self.quantity,
            unit_price: self.unit_price,
            discount: self.discount,
            taxable: self.taxable,
        }
    }
}
