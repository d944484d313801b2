//! Client money (trust) accounting: ledger entries, balances and the overdraw guard, three-way reconciliation, reconciliation cadence.
//!
//! The ledger is append-only: a mistake is corrected by a [`ClientMoneyEntryKind::Reversal`] of the
//! entry, never by editing or deleting it. Every entry belongs to one client-matter ledger
//! (ABA Model Rule 1.15; SRA Accounts Rules 2019 r.8.1: a ledger per client and matter).
//!
//! Firm money (commingling, ABA 1.15(b)): there is no entry kind for the firm's own money, so
//! firm money cannot be recorded on a client ledger at all. The bank-charge float the Model
//! Rule permits is not modelled here; a firm that keeps one reconciles it outside the client
//! ledgers.

mod cadence;
mod entry;
mod kind;
mod ledger;
mod reconcile;
mod record;
#[cfg(test)]
mod vectors;

pub use cadence::ReconciliationCadence;
pub use entry::{ClientMoneyEntry, NewClientMoneyEntry};
pub use kind::ClientMoneyEntryKind;
pub use ledger::{LedgerBalance, check_withdrawal, ledger_balance};
pub use reconcile::{
    BankStatement, Reconciliation, ReconciliationDifference, StatementItem, reconcile,
};
pub use record::ReconciliationRecord;
