//! Time and expenses: what fee earners record against matters, the running timer, expenses
//! and disbursements, and the billing terms (rates, rounding, codes) they are recorded under.
//!
//! A [`TimeEntry`] keeps the exact time worked in whole seconds, the rate that applied and
//! which rule of the [`RateSource`] hierarchy produced it, and the [`RoundingPolicy`]
//! (crate::billing::RoundingPolicy) in force when it was recorded — so a later change of
//! terms never rewrites history. A [`Timer`] runs per user (one at a time) and stops into a
//! time entry. An [`Expense`] is a VAT-able cost or a pass-through disbursement.
//! [`BillingTerms`] set rates, rounding and UTBMS code restrictions for a client or a matter;
//! [`FirmBillingSettings`] hold the firm's defaults.

mod entry;
mod expense;
mod rates;
mod settings;
mod terms;
mod timer;

pub use entry::{Billability, NewTimeEntry, TimeEntry, TimeEntryChanges, TimeSource, WorkStatus};
pub use expense::{Expense, ExpenseChanges, ExpenseTax, NewExpense};
pub use rates::{RateCandidates, RateSource, resolve_rate};
pub use settings::{BillingSettingsChanges, FirmBillingSettings};
pub use terms::{BillingTerms, NewTerms, TermsScope};
pub use timer::{Timer, TimerState};
