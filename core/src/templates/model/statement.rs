//! The statement of account in the merge model.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::bills::StatementOfAccount;
use crate::templates::Locale;

/// `statement.*`: a client's statement of account in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementFields {
    /// The currency (ISO 4217).
    pub currency: String,
    /// The day it is drawn up to.
    pub as_of: String,
    /// The entries, oldest first.
    pub entries: Vec<StatementEntryFields>,
    /// What the client owes at the end.
    pub balance: String,
    /// Payments received and not yet allocated to a bill.
    pub on_account: String,
}

/// `statement.entries[].*`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementEntryFields {
    /// The day.
    pub date: String,
    /// What happened ("Invoice INV000012", "Payment received").
    pub description: String,
    /// Charged (empty when nothing was).
    pub debit: String,
    /// Paid, credited or written off (empty when nothing was).
    pub credit: String,
    /// The running balance after it.
    pub balance: String,
}

impl StatementFields {
    /// A statement's fields, drawn up to `as_of`.
    pub fn of(statement: &StatementOfAccount, as_of: NaiveDate, locale: Locale) -> Self {
        let currency = statement.currency;
        let money = |a: Decimal| locale.money(a, currency);
        let blank_zero = |a: Decimal| if a.is_zero() { String::new() } else { money(a) };
        Self {
            currency: currency.code().to_owned(),
            as_of: locale.date(as_of),
            entries: statement
                .entries
                .iter()
                .map(|e| StatementEntryFields {
                    date: locale.date(e.date),
                    description: e.description.clone(),
                    debit: blank_zero(e.debit),
                    credit: blank_zero(e.credit),
                    balance: money(e.balance),
                })
                .collect(),
            balance: money(statement.balance),
            on_account: money(statement.on_account),
        }
    }
}
