//! Client money (trust): ledger entries per client and matter, balances, three-way
//! reconciliation against a bank statement and when the next one is due. The core's records
//! and enums cross the FFI as they are.

pub use lexcase::client_money::{
    BankStatement, ClientMoneyEntry, ClientMoneyEntryKind, LedgerBalance, NewClientMoneyEntry,
    Reconciliation, ReconciliationDifference, ReconciliationRecord, StatementItem,
};
pub use lexcase::service::ReconciliationDue;
