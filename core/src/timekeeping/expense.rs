//! Expenses and disbursements.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::WorkStatus;
use crate::error::{LexcaseError, Result};
use crate::ids::{BillId, DocumentId, ExpenseId, MatterId, UserId};
use crate::money::{Amount, Currency, Money};
use crate::validate;

/// How tax treats an expense when it is billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ExpenseTax {
    /// A cost of the firm's own service (its travel, copying): taxed like the fees.
    #[default]
    VatableCost,
    /// A disbursement paid as the client's agent (a court fee): passed through untaxed.
    Disbursement,
}

crate::names::stable_names!(ExpenseTax, "tax", "expense tax treatment", {
    VatableCost = "vatable_cost",
    Disbursement = "disbursement",
});

/// An expense or disbursement on a matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Expense {
    /// Identifier.
    pub id: ExpenseId,
    /// The matter.
    pub matter: MatterId,
    /// When it was incurred.
    pub date: NaiveDate,
    /// What it was.
    pub description: String,
    /// How many units.
    pub quantity: Decimal,
    /// The cost of one unit.
    pub unit_cost: Money,
    /// UTBMS expense code (e.g. `E112`).
    pub expense_code: Option<String>,
    /// Who was paid.
    pub vendor: String,
    /// The receipt, filed as a document of the matter.
    pub receipt: Option<DocumentId>,
    /// Tax treatment when billed.
    pub tax: ExpenseTax,
    /// Whether it is charged to the client.
    pub billable: bool,
    /// Where it stands in billing.
    pub status: WorkStatus,
    /// The bill it is on.
    pub bill: Option<BillId>,
    /// Who recorded it.
    pub recorded_by: UserId,
    /// When.
    pub recorded_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What an expense is recorded with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewExpense {
    /// The matter.
    pub matter: MatterId,
    /// When.
    pub date: NaiveDate,
    /// What.
    pub description: String,
    /// Cost per unit, in the matter's currency (which it may leave unnamed).
    pub unit_cost: Amount,
    /// Tax treatment.
    pub tax: ExpenseTax,
    /// How many units (1 for a single cost).
    pub quantity: Decimal,
    /// UTBMS expense code.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub expense_code: Option<String>,
    /// Who was paid.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub vendor: String,
    /// The receipt document.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt: Option<DocumentId>,
    /// Charged to the client.
    #[cfg_attr(feature = "uniffi", uniffi(default = true))]
    pub billable: bool,
}

/// A change to an unbilled expense; `None` leaves a field as it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExpenseChanges {
    /// New date.
    pub date: Option<NaiveDate>,
    /// New description.
    pub description: Option<String>,
    /// New quantity.
    pub quantity: Option<Decimal>,
    /// New unit cost, in the expense's currency (which it may leave unnamed).
    pub unit_cost: Option<Amount>,
    /// New code (`Some(None)` clears it).
    pub expense_code: Option<Option<String>>,
    /// New vendor.
    pub vendor: Option<String>,
    /// New receipt (`Some(None)` clears it).
    pub receipt: Option<Option<DocumentId>>,
    /// New tax treatment.
    pub tax: Option<ExpenseTax>,
    /// New billable flag.
    pub billable: Option<bool>,
}

impl Expense {
    /// Builds an unbilled expense at version 1 in `matter_currency`, the matter's: a cost that
    /// names another currency is refused, one that names none is in it.
    pub fn create(
        new: NewExpense,
        matter_currency: Currency,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        if new.unit_cost.currency.is_some_and(|c| c != matter_currency) {
            return Err(LexcaseError::validation(
                "unit_cost",
                "the cost is in a different currency from the matter's",
            ));
        }
        let unit_cost = new.unit_cost.or_currency(matter_currency, "unit_cost")?;
        let mut expense = Self {
            id: ExpenseId::new(),
            matter: new.matter,
            date: new.date,
            description: String::new(),
            quantity: Decimal::ONE,
            unit_cost,
            expense_code: None,
            vendor: String::new(),
            receipt: None,
            tax: new.tax,
            billable: new.billable,
            status: WorkStatus::Unbilled,
            bill: None,
            recorded_by: by,
            recorded_at: now,
            version: 1,
        };
        expense.apply(ExpenseChanges {
            description: Some(new.description),
            quantity: Some(new.quantity),
            unit_cost: Some(unit_cost.into()),
            expense_code: Some(new.expense_code),
            vendor: Some(new.vendor),
            receipt: Some(new.receipt),
            ..ExpenseChanges::default()
        })?;
        Ok(expense)
    }

    /// Applies a change; only unbilled expenses may change.
    pub fn apply(&mut self, changes: ExpenseChanges) -> Result<()> {
        if self.status != WorkStatus::Unbilled {
            return Err(LexcaseError::InvalidTransition {
                entity: "expense",
                from: self.status.as_str().into(),
                to: "changed".into(),
            });
        }
        if let Some(date) = changes.date {
            self.date = date;
        }
        if let Some(description) = changes.description {
            self.description = validate::required_line("description", &description)?;
        }
        if let Some(quantity) = changes.quantity {
            if quantity <= Decimal::ZERO
                || quantity.scale() > 4
                || quantity > Decimal::from(1_000_000)
            {
                return Err(LexcaseError::validation(
                    "quantity",
                    "more than 0, at most 1,000,000, at most 4 decimal places",
                ));
            }
            self.quantity = quantity;
        }
        if let Some(cost) = changes.unit_cost {
            let currency = cost.currency.unwrap_or(self.unit_cost.currency);
            let cost = Money::non_negative(cost.amount, currency, "unit_cost")?;
            if cost.currency != self.unit_cost.currency {
                return Err(LexcaseError::validation(
                    "unit_cost",
                    "the cost is in a different currency from the expense's",
                ));
            }
            self.unit_cost = cost;
        }
        if let Some(code) = changes.expense_code {
            self.expense_code = code.map(|c| c.trim().to_ascii_uppercase());
        }
        if let Some(vendor) = changes.vendor {
            self.vendor = validate::optional_line("vendor", &vendor)?.unwrap_or_default();
        }
        if let Some(receipt) = changes.receipt {
            self.receipt = receipt;
        }
        if let Some(tax) = changes.tax {
            self.tax = tax;
        }
        if let Some(billable) = changes.billable {
            self.billable = billable;
        }
        Ok(())
    }
}

/// The expense's derived figure (exported to the FFI as a method of the record).
#[cfg_attr(feature = "uniffi", uniffi::export)]
impl Expense {
    /// Quantity × unit cost, rounded to the minor unit.
    pub fn amount(&self) -> Money {
        Money {
            amount: self.quantity * self.unit_cost.amount,
            currency: self.unit_cost.currency,
        }
        .round_to_minor_unit()
    }
}
