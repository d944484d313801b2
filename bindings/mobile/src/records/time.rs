//! Time and expenses: time entries with the rate and rounding they were recorded under, the
//! running timer, expenses and disbursements, billing terms and the firm's billing settings.
//!
//! Durations are whole seconds (`UInt`); money is `Money` (amount as `java.math.BigDecimal`).

use chrono::NaiveDate;
pub use lexcase::billing::{Aggregation, CodePolicy, CodeSet, RoundingMode, RoundingPolicy};
pub use lexcase::client_money::ReconciliationCadence;
pub use lexcase::store::WorkQuery;
pub use lexcase::timekeeping::{
    Billability, BillingSettingsChanges, BillingTerms, Expense, ExpenseTax, FirmBillingSettings,
    NewExpense, NewTerms, RateSource, TermsScope, TimeEntry, TimeSource, Timer, TimerState,
    WorkStatus,
};
use lexcase::timekeeping::{
    ExpenseChanges as CoreExpenseChanges, NewTimeEntry as CoreNewTimeEntry,
    TimeEntryChanges as CoreTimeEntryChanges,
};
use lexcase::{DocumentId, MatterId, UserId};
use rust_decimal::Decimal;

use crate::convert::page_record;
use lexcase::money::Amount;

/// What time is recorded with. The rate comes from the hierarchy unless given.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewTimeEntry {
    /// The matter.
    pub matter: MatterId,
    /// The day the work was done.
    pub date: NaiveDate,
    /// Time worked in seconds, more than 0 and at most 24 hours (see `parseDuration`).
    pub seconds: u32,
    /// What was done (not blank).
    pub narrative: String,
    /// The fee earner (the acting user when null; someone else needs `manage_billing`).
    #[uniffi(default)]
    pub user: Option<UserId>,
    /// UTBMS task code, checked against the client's code policy.
    #[uniffi(default)]
    pub task_code: Option<String>,
    /// UTBMS activity code.
    #[uniffi(default)]
    pub activity_code: Option<String>,
    /// Whether it is charged (billable when null).
    #[uniffi(default)]
    pub billability: Option<Billability>,
    /// A manual hourly rate (rate source `MANUAL`), in the matter's currency unless it names one.
    #[uniffi(default)]
    pub rate: Option<Amount>,
    /// Where it was recorded from (typed when null).
    #[uniffi(default)]
    pub source: Option<TimeSource>,
}

impl From<NewTimeEntry> for CoreNewTimeEntry {
    fn from(new: NewTimeEntry) -> Self {
        Self {
            billability: new.billability.unwrap_or_default(),
            source: new.source.unwrap_or_default(),
            matter: new.matter,
            user: new.user,
            date: new.date,
            seconds: new.seconds,
            narrative: new.narrative,
            task_code: new.task_code,
            activity_code: new.activity_code,
            rate: new.rate,
        }
    }
}

/// How a change sets or clears an optional code (null in the change leaves it as it is).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum CodeChange {
    /// Use this code.
    Set {
        /// The code.
        code: String,
    },
    /// Remove the code.
    Clear,
}

impl From<CodeChange> for Option<String> {
    fn from(change: CodeChange) -> Self {
        match change {
            CodeChange::Set { code } => Some(code),
            CodeChange::Clear => None,
        }
    }
}

/// A change to unbilled time; null leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct TimeEntryChanges {
    /// New day.
    #[uniffi(default)]
    pub date: Option<NaiveDate>,
    /// New duration in seconds.
    #[uniffi(default)]
    pub seconds: Option<u32>,
    /// New narrative.
    #[uniffi(default)]
    pub narrative: Option<String>,
    /// Set or clear the task code.
    #[uniffi(default)]
    pub task_code: Option<CodeChange>,
    /// Set or clear the activity code.
    #[uniffi(default)]
    pub activity_code: Option<CodeChange>,
    /// New billability.
    #[uniffi(default)]
    pub billability: Option<Billability>,
    /// A manual rate (rate source becomes `MANUAL`), in the entry's currency unless it names one.
    #[uniffi(default)]
    pub rate: Option<Amount>,
}

impl From<TimeEntryChanges> for CoreTimeEntryChanges {
    fn from(changes: TimeEntryChanges) -> Self {
        Self {
            task_code: changes.task_code.map(Option::<String>::from),
            activity_code: changes.activity_code.map(Option::<String>::from),
            date: changes.date,
            seconds: changes.seconds,
            narrative: changes.narrative,
            billability: changes.billability,
            rate: changes.rate,
        }
    }
}

page_record! {
    /// One page of time entries and the total number matching.
    TimeEntryPage of TimeEntry,
    items: "The entries in this page.",
    total: "How many match in all.",
}

/// How a change sets or clears an expense's receipt (null in the change leaves it).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum ReceiptChange {
    /// Link this document.
    Set {
        /// The document's id.
        document: DocumentId,
    },
    /// Unlink the receipt.
    Clear,
}

/// A change to an unbilled expense; null leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ExpenseChanges {
    /// New day.
    #[uniffi(default)]
    pub date: Option<NaiveDate>,
    /// New description.
    #[uniffi(default)]
    pub description: Option<String>,
    /// New quantity.
    #[uniffi(default)]
    pub quantity: Option<Decimal>,
    /// New unit cost, in the expense's currency unless it names one.
    #[uniffi(default)]
    pub unit_cost: Option<Amount>,
    /// Set or clear the expense code.
    #[uniffi(default)]
    pub expense_code: Option<CodeChange>,
    /// New vendor.
    #[uniffi(default)]
    pub vendor: Option<String>,
    /// Set or clear the receipt.
    #[uniffi(default)]
    pub receipt: Option<ReceiptChange>,
    /// New tax treatment.
    #[uniffi(default)]
    pub tax: Option<ExpenseTax>,
    /// Whether it is passed on.
    #[uniffi(default)]
    pub billable: Option<bool>,
}

impl From<ExpenseChanges> for CoreExpenseChanges {
    fn from(changes: ExpenseChanges) -> Self {
        Self {
            expense_code: changes.expense_code.map(Option::<String>::from),
            receipt: changes.receipt.map(|change| match change {
                ReceiptChange::Set { document } => Some(document),
                ReceiptChange::Clear => None,
            }),
            date: changes.date,
            description: changes.description,
            quantity: changes.quantity,
            unit_cost: changes.unit_cost,
            vendor: changes.vendor,
            tax: changes.tax,
            billable: changes.billable,
        }
    }
}

page_record! {
    /// One page of expenses and the total number matching.
    ExpensePage of Expense,
    items: "The expenses in this page.",
    total: "How many match in all.",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_choices_take_their_defaults_and_changes_set_or_clear_codes() {
        let new = NewTimeEntry {
            matter: MatterId::new(),
            date: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            seconds: 600,
            narrative: "Call".into(),
            user: None,
            task_code: None,
            activity_code: None,
            billability: None,
            rate: None,
            source: None,
        };
        let core = CoreNewTimeEntry::from(new);
        assert_eq!(core.billability, Billability::Billable);
        assert_eq!(core.source, TimeSource::Typed);

        let changes = CoreTimeEntryChanges::from(TimeEntryChanges {
            task_code: Some(CodeChange::Clear),
            activity_code: Some(CodeChange::Set {
                code: "A101".into(),
            }),
            ..TimeEntryChanges::default()
        });
        assert_eq!(changes.task_code, Some(None));
        assert_eq!(changes.activity_code, Some(Some("A101".into())));
        assert_eq!(changes.narrative, None);
    }
}
