//! The bill aggregate.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{BillLine, BillStatus};
use crate::billing::{BillTotals, ContingencyBasis, Discount, bill_totals};
use crate::error::{LexcaseError, Result};
use crate::ids::{BillId, ContactId, MatterId, UserId};
use crate::money::{Currency, Money};

/// An invoice, or a credit note against one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BillKind {
    /// An invoice.
    #[default]
    Invoice,
    /// A credit note reducing an issued invoice.
    CreditNote,
}

crate::names::stable_names!(BillKind, "kind", "bill kind", {
    Invoice = "invoice",
    CreditNote = "credit_note",
});

/// How the fees of a bill are worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FeeArrangement {
    /// Time at its rates.
    Hourly,
    /// A fixed fee; the time records appear at no charge when `show_time` is set.
    FixedFee {
        /// The fee.
        amount: Decimal,
        /// Whether the time records are listed (at no charge).
        show_time: bool,
    },
    /// A percentage of a recovery (Model Rule 1.5(c)).
    Contingency {
        /// The amount recovered.
        recovery: Decimal,
        /// Costs deducted from the recovery.
        costs: Decimal,
        /// The percentage, 0–100.
        percent: Decimal,
        /// Whether the percentage is taken before or after costs.
        basis: ContingencyBasis,
    },
}

/// A bill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Bill {
    /// Identifier.
    pub id: BillId,
    /// Invoice or credit note.
    pub kind: BillKind,
    /// The number, assigned (gaplessly) on issue.
    pub number: Option<String>,
    /// The client billed.
    pub client: ContactId,
    /// The matters billed.
    pub matters: Vec<MatterId>,
    /// First day of the period billed.
    pub period_from: NaiveDate,
    /// Last day of the period billed.
    pub period_to: NaiveDate,
    /// The currency.
    pub currency: Currency,
    /// How the fees are worked out.
    pub arrangement: FeeArrangement,
    /// The lines.
    pub lines: Vec<BillLine>,
    /// Time entries the fee covers without listing them (a fixed fee that hides its time
    /// records); they are billed with the bill all the same.
    #[serde(default)]
    pub covered_time: Vec<crate::ids::TimeEntryId>,
    /// A discount on the whole bill.
    pub discount: Option<Discount>,
    /// The tax's name (e.g. `VAT`).
    pub tax_name: String,
    /// The tax rate as a fraction.
    pub tax_rate: Decimal,
    /// The totals; each is the sum of its lines.
    pub totals: BillTotals,
    /// Where it stands.
    pub status: BillStatus,
    /// For a credit note: the invoice it credits.
    pub credits: Option<BillId>,
    /// Narrative (the invoice description).
    pub description: String,
    /// Issue date.
    pub issued_on: Option<NaiveDate>,
    /// Payment due date.
    pub due_on: Option<NaiveDate>,
    /// Paid so far (allocated payments and client-money transfers).
    pub paid: Decimal,
    /// Credited so far by credit notes.
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
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What a bill's state implies, exported to the foreign bindings as methods of the record.
#[cfg_attr(feature = "uniffi", uniffi::export)]
impl Bill {
    /// What is still owed: total less payments, credits and write-offs.
    pub fn outstanding(&self) -> Decimal {
        if !self.status.is_issued() || self.kind == BillKind::CreditNote {
            return Decimal::ZERO;
        }
        self.totals.total - self.paid - self.credited - self.written_off
    }

    /// The statuses a user may move the bill to now.
    pub fn allowed_transitions(&self) -> Vec<BillStatus> {
        self.status.allowed_transitions(self.has_settlements())
    }
}

impl Bill {
    /// Recomputes the totals from the lines, discount and tax rate, numbering the lines.
    pub fn recompute(&mut self) -> Result<()> {
        for (i, line) in self.lines.iter_mut().enumerate() {
            line.number = u32::try_from(i + 1)
                .map_err(|_| LexcaseError::validation("lines", "too many lines"))?;
        }
        let drafts: Vec<_> = self.lines.iter().map(BillLine::draft).collect();
        self.totals = bill_totals(
            &drafts,
            self.discount.as_ref(),
            self.tax_rate,
            self.currency,
        )?;
        for (line, totals) in self.lines.iter_mut().zip(&self.totals.lines) {
            line.totals = totals.clone();
        }
        let currency = self.currency;
        for amount in [&mut self.paid, &mut self.credited, &mut self.written_off] {
            *amount = currency.canonical(*amount);
        }
        Ok(())
    }

    /// The total as money.
    pub fn total(&self) -> Money {
        Money {
            amount: self.totals.total,
            currency: self.currency,
        }
    }

    /// Whether payments, credits or write-offs have touched it.
    pub fn has_settlements(&self) -> bool {
        !(self.paid.is_zero() && self.credited.is_zero() && self.written_off.is_zero())
    }

    /// Refuses changes to a bill that is not a draft.
    pub fn ensure_draft(&self) -> Result<()> {
        if self.status != BillStatus::Draft {
            return Err(LexcaseError::InvalidTransition {
                entity: "bill",
                from: self.status.as_str().into(),
                to: "changed".into(),
            });
        }
        Ok(())
    }

    /// Applies a settlement (payment, credit or write-off) of `amount` (> 0, at most what is
    /// outstanding) and moves the status to partly paid or paid.
    pub fn settle(&mut self, amount: Decimal, kind: Settlement) -> Result<()> {
        if !matches!(self.status, BillStatus::Issued | BillStatus::PartlyPaid)
            || self.kind != BillKind::Invoice
        {
            return Err(LexcaseError::validation(
                "bill",
                "only an issued, unpaid invoice takes payments, credits and write-offs",
            ));
        }
        if amount <= Decimal::ZERO {
            return Err(LexcaseError::validation("amount", "must be more than zero"));
        }
        if amount > self.outstanding() {
            return Err(LexcaseError::refused(
                "amount",
                "more than the bill still owes",
                crate::ErrorDetail::Outstanding {
                    outstanding: Money {
                        amount: self.outstanding(),
                        currency: self.currency,
                    },
                },
            ));
        }
        match kind {
            Settlement::Payment => self.paid = self.currency.canonical(self.paid + amount),
            Settlement::Credit => self.credited = self.currency.canonical(self.credited + amount),
            Settlement::WriteOff => {
                self.written_off = self.currency.canonical(self.written_off + amount)
            }
        }
        self.status = if self.outstanding().is_zero() {
            BillStatus::Paid
        } else {
            BillStatus::PartlyPaid
        };
        Ok(())
    }
}

/// How a bill's outstanding amount is reduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Settlement {
    /// A payment (or a transfer from client money).
    Payment,
    /// A credit note.
    Credit,
    /// A write-off.
    WriteOff,
}
