//! The statement of account of a client.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::ContactId;
use crate::money::Currency;

/// One line of a statement: what happened and the running balance after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatementEntry {
    /// The day.
    pub date: NaiveDate,
    /// What happened (invoice INV000012, payment, credit note, write-off).
    pub description: String,
    /// Charged (an invoice).
    pub debit: Decimal,
    /// Paid, credited or written off.
    pub credit: Decimal,
    /// What the client owes after it.
    pub balance: Decimal,
}

/// A client's statement of account in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatementOfAccount {
    /// The client.
    pub client: ContactId,
    /// The currency.
    pub currency: Currency,
    /// The entries, oldest first.
    pub entries: Vec<StatementEntry>,
    /// What the client owes at the end.
    pub balance: Decimal,
    /// Payments received but not allocated to any bill.
    pub on_account: Decimal,
}
