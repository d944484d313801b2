//! Client money (trust) accounting: ledger entries, balances and the overdraw guard, three-way reconciliation, reconciliation cadence.
