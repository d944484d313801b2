//! Client money (trust): ledger entries per client and matter, balances, three-way
//! reconciliation against a bank statement and when the next one is due.

use std::time::SystemTime;

use chrono::NaiveDate;
use lexcase::client_money::{
    BankStatement as CoreBankStatement, ClientMoneyEntry as CoreClientMoneyEntry,
    ClientMoneyEntryKind as CoreClientMoneyEntryKind, LedgerBalance as CoreLedgerBalance,
    NewClientMoneyEntry as CoreNewClientMoneyEntry, Reconciliation as CoreReconciliation,
    ReconciliationDifference as CoreReconciliationDifference,
    ReconciliationRecord as CoreReconciliationRecord, StatementItem as CoreStatementItem,
};
use lexcase::service::ReconciliationDue as CoreReconciliationDue;
use lexcase::{BillId, TrustEntryId};
use uuid::Uuid;

use crate::convert::{all, instant, mirror_enum};
use crate::error::LexcaseError;
use crate::records::Money;

mirror_enum! {
    /// What a client-money entry does to the ledger.
    ClientMoneyEntryKind = CoreClientMoneyEntryKind {
        /// Money received for the client (adds).
        Receipt,
        /// Money paid out for the client (subtracts).
        Payment,
        /// Money moved to the office account against an issued bill, which it pays (subtracts).
        TransferToOffice,
        /// Cancels an earlier entry (the opposite effect).
        Reversal,
    }
}

/// An entry of a client-matter ledger. The ledger is append-only: mistakes are reversed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ClientMoneyEntry {
    /// Identifier.
    pub id: Uuid,
    /// The matter.
    pub matter: Uuid,
    /// The client whose money it is.
    pub client: Uuid,
    /// What it does.
    pub kind: ClientMoneyEntryKind,
    /// How much (positive; the kind gives the direction).
    pub amount: Money,
    /// The day.
    pub date: NaiveDate,
    /// Bank reference.
    pub reference: String,
    /// Who paid or was paid.
    pub counterparty: String,
    /// Why.
    pub description: String,
    /// For a transfer to office: the bill it pays.
    pub bill: Option<Uuid>,
    /// For a reversal: the entry reversed.
    pub reverses: Option<Uuid>,
    /// Why the ledger was allowed below zero, when it was.
    pub override_reason: Option<String>,
    /// Who recorded it.
    pub recorded_by: Uuid,
    /// When.
    pub recorded_at: SystemTime,
    /// Version.
    pub version: u64,
}

impl From<CoreClientMoneyEntry> for ClientMoneyEntry {
    fn from(entry: CoreClientMoneyEntry) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreClientMoneyEntry {
            id,
            matter,
            client,
            kind,
            amount,
            date,
            reference,
            counterparty,
            description,
            bill,
            reverses,
            override_reason,
            recorded_by,
            recorded_at,
            version,
        } = entry;
        Self {
            id: id.into(),
            matter: matter.into(),
            client: client.into(),
            kind: kind.into(),
            amount,
            date,
            reference,
            counterparty,
            description,
            bill: bill.map(Uuid::from),
            reverses: reverses.map(Uuid::from),
            override_reason,
            recorded_by: recorded_by.into(),
            recorded_at: instant(recorded_at),
            version,
        }
    }
}

/// What a client-money entry is recorded with.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewClientMoneyEntry {
    /// The matter.
    pub matter: Uuid,
    /// The client (one of the matter's).
    pub client: Uuid,
    /// What it does.
    pub kind: ClientMoneyEntryKind,
    /// How much (more than zero, in the matter's currency).
    pub amount: Money,
    /// The day.
    pub date: NaiveDate,
    /// Why.
    pub description: String,
    /// Bank reference.
    #[uniffi(default = "")]
    pub reference: String,
    /// Who paid or was paid.
    #[uniffi(default = "")]
    pub counterparty: String,
    /// For a transfer to office: the issued bill it pays.
    #[uniffi(default)]
    pub bill: Option<Uuid>,
    /// For a reversal: the entry reversed (`reverse` fills this in for you).
    #[uniffi(default)]
    pub reverses: Option<Uuid>,
}

impl TryFrom<NewClientMoneyEntry> for CoreNewClientMoneyEntry {
    type Error = LexcaseError;
    fn try_from(new: NewClientMoneyEntry) -> Result<Self, LexcaseError> {
        // Destructured without `..`: a field added here must reach the core type.
        let NewClientMoneyEntry {
            matter,
            client,
            kind,
            amount,
            date,
            description,
            reference,
            counterparty,
            bill,
            reverses,
        } = new;
        Ok(Self {
            matter: matter.into(),
            client: client.into(),
            kind: kind.into(),
            amount: amount.checked("amount")?.into(),
            date,
            reference,
            counterparty,
            description,
            bill: bill.map(BillId::from),
            reverses: reverses.map(TrustEntryId::from),
        })
    }
}

/// The balance of one client-matter ledger.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LedgerBalance {
    /// The matter.
    pub matter: Uuid,
    /// The client.
    pub client: Uuid,
    /// The balance (negative only when overdrawn with an override).
    pub balance: Money,
}

impl From<CoreLedgerBalance> for LedgerBalance {
    fn from(ledger: CoreLedgerBalance) -> Self {
        let CoreLedgerBalance {
            matter,
            client,
            balance,
        } = ledger;
        Self {
            matter: matter.into(),
            client: client.into(),
            balance,
        }
    }
}

/// An item on a bank statement not yet cleared.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatementItem {
    /// What it is (a cheque number…).
    pub description: String,
    /// How much.
    pub amount: Money,
}

impl TryFrom<StatementItem> for CoreStatementItem {
    type Error = LexcaseError;
    fn try_from(item: StatementItem) -> Result<Self, LexcaseError> {
        let StatementItem {
            description,
            amount,
        } = item;
        Ok(Self {
            description,
            amount: amount.checked("amount")?.into(),
        })
    }
}

/// The client bank account's statement at a date.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BankStatement {
    /// The statement date.
    pub date: NaiveDate,
    /// The balance the bank shows.
    pub balance: Money,
    /// Receipts not yet on the statement.
    #[uniffi(default)]
    pub deposits_in_transit: Vec<StatementItem>,
    /// Payments not yet on the statement.
    #[uniffi(default)]
    pub outstanding_payments: Vec<StatementItem>,
}

impl TryFrom<BankStatement> for CoreBankStatement {
    type Error = LexcaseError;
    fn try_from(statement: BankStatement) -> Result<Self, LexcaseError> {
        let BankStatement {
            date,
            balance,
            deposits_in_transit,
            outstanding_payments,
        } = statement;
        let items = |items: Vec<StatementItem>| {
            items
                .into_iter()
                .map(CoreStatementItem::try_from)
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Self {
            date,
            balance: balance.checked("balance")?.into(),
            deposits_in_transit: items(deposits_in_transit)?,
            outstanding_payments: items(outstanding_payments)?,
        })
    }
}

/// One difference found by a reconciliation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReconciliationDifference {
    /// Which figures differ, e.g. `bank vs cash book`.
    pub between: String,
    /// The first figure minus the second (for a negative ledger, its balance).
    pub amount: Money,
}

impl From<CoreReconciliationDifference> for ReconciliationDifference {
    fn from(difference: CoreReconciliationDifference) -> Self {
        let CoreReconciliationDifference { between, amount } = difference;
        Self { between, amount }
    }
}

/// A three-way reconciliation: adjusted bank balance, cash book and client ledgers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Reconciliation {
    /// The statement date.
    pub date: NaiveDate,
    /// The bank's balance.
    pub statement_balance: Money,
    /// The bank's balance after items in transit.
    pub adjusted_bank_balance: Money,
    /// The cash book (all entries to the date).
    pub cash_book_balance: Money,
    /// The sum of the client ledgers.
    pub ledgers_total: Money,
    /// Every ledger's balance.
    pub ledgers: Vec<LedgerBalance>,
    /// What does not agree.
    pub differences: Vec<ReconciliationDifference>,
    /// Whether all three agree and no ledger is below zero.
    pub balanced: bool,
}

impl From<CoreReconciliation> for Reconciliation {
    fn from(reconciliation: CoreReconciliation) -> Self {
        let CoreReconciliation {
            date,
            statement_balance,
            adjusted_bank_balance,
            cash_book_balance,
            ledgers_total,
            ledgers,
            differences,
            balanced,
        } = reconciliation;
        Self {
            date,
            statement_balance,
            adjusted_bank_balance,
            cash_book_balance,
            ledgers_total,
            ledgers: all(ledgers),
            differences: all(differences),
            balanced,
        }
    }
}

/// A saved reconciliation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReconciliationRecord {
    /// The figures.
    pub reconciliation: Reconciliation,
    /// Who reconciled.
    pub reconciled_by: Uuid,
    /// When.
    pub reconciled_at: SystemTime,
    /// Version.
    pub version: u64,
}

impl From<CoreReconciliationRecord> for ReconciliationRecord {
    fn from(record: CoreReconciliationRecord) -> Self {
        let CoreReconciliationRecord {
            reconciliation,
            reconciled_by,
            reconciled_at,
            version,
        } = record;
        Self {
            reconciliation: reconciliation.into(),
            reconciled_by: reconciled_by.into(),
            reconciled_at: instant(reconciled_at),
            version,
        }
    }
}

/// When the next reconciliation is due.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReconciliationDue {
    /// The statement date of the last reconciliation.
    pub last: Option<NaiveDate>,
    /// The day the next one is due by (today when none was ever done).
    pub next_due: NaiveDate,
    /// Whether it is late.
    pub overdue: bool,
}

impl From<CoreReconciliationDue> for ReconciliationDue {
    fn from(due: CoreReconciliationDue) -> Self {
        let CoreReconciliationDue {
            last,
            next_due,
            overdue,
        } = due;
        Self {
            last,
            next_due,
            overdue,
        }
    }
}
