//! `Bill`, `BillLine`, `BillTotals`, `Payment`, `StatementOfAccount`, `StatementEntry`,
//! `AgedDebt`, and the client-money and report results: `ClientMoneyEntry`, `LedgerBalance`,
//! `ReconciliationRecord`, `ReconciliationDifference`, `ReconciliationDue`, `FeeEarnerHours`,
//! `WorkInProgress`.

use chrono::{DateTime, NaiveDate, Utc};
use lexcase::billing::{BillTotals, Discount};
use lexcase::bills::{Bill, BillLine, FeeArrangement, Payment, StatementEntry, StatementOfAccount};
use lexcase::client_money::{
    ClientMoneyEntry, LedgerBalance, ReconciliationDifference, ReconciliationRecord,
};
use lexcase::reports::{AgedDebt, FeeEarnerHours, WorkInProgress};
use lexcase::service::ReconciliationDue;
use pyo3::prelude::*;
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::convert::repr;

fn percent(d: Option<Discount>) -> Option<Decimal> {
    match d {
        Some(Discount::Percent(p)) => Some(p),
        _ => None,
    }
}

fn amount(d: Option<Discount>) -> Option<Decimal> {
    match d {
        Some(Discount::Amount(a)) => Some(a),
        _ => None,
    }
}

/// Declares a frozen pyclass wrapping a core value, with read-only getters and a `repr`.
macro_rules! wrapper {
    ($py:ident, $core:ty, $name:literal, $doc:literal, [$($field:literal),*], {
        $( $(#[$meta:meta])* fn $getter:ident(&$s:ident) -> $ret:ty $body:block )*
    }) => {
        #[doc = $doc]
        #[pyclass(frozen, eq, module = "lexcase", name = $name)]
        #[derive(Clone, PartialEq)]
        pub struct $py(pub $core);

        #[pymethods]
        impl $py {
            $(
                $(#[$meta])*
                #[getter]
                fn $getter(&$s) -> $ret $body
            )*

            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                repr(slf.as_any(), &[$($field),*])
            }
        }
    };
}

wrapper!(
    PyBillTotals,
    BillTotals,
    "BillTotals",
    "Totals of a bill; each is the sum of its lines' (so the lines add up to what is printed).",
    ["gross", "discount", "net", "tax", "total"],
    {
        /// Sum of quantity × unit price.
        fn gross(&self) -> Decimal {
            self.0.gross
        }
        /// Line and bill discounts.
        fn discount(&self) -> Decimal {
            self.0.discount
        }
        /// After discounts.
        fn net(&self) -> Decimal {
            self.0.net
        }
        /// Tax.
        fn tax(&self) -> Decimal {
            self.0.tax
        }
        /// Net plus tax.
        fn total(&self) -> Decimal {
            self.0.total
        }
    }
);

wrapper!(
    PyBillLine,
    BillLine,
    "BillLine",
    "A line of a bill: `kind` is `time`, `no_charge_time`, `expense`, `disbursement`, \
     `fixed_fee`, `contingency_fee` or `adjustment`; the amounts are its share of the totals.",
    [
        "number",
        "kind",
        "description",
        "quantity",
        "unit_price",
        "net",
        "tax",
        "total"
    ],
    {
        /// 1-based position.
        fn number(&self) -> u32 {
            self.0.number
        }
        /// What it bills.
        fn kind(&self) -> &'static str {
            self.0.kind.as_str()
        }
        /// The matter.
        fn matter(&self) -> Uuid {
            self.0.matter.into()
        }
        /// The day of the work.
        fn date(&self) -> NaiveDate {
            self.0.date
        }
        /// Text printed.
        fn description(&self) -> String {
            self.0.description.clone()
        }
        /// Hours, units, or −1 for a credit.
        fn quantity(&self) -> Decimal {
            self.0.quantity
        }
        /// Price of one unit.
        fn unit_price(&self) -> Decimal {
            self.0.unit_price
        }
        /// The line's discount as a percentage, if one is set that way.
        fn discount_percent(&self) -> Option<Decimal> {
            percent(self.0.discount)
        }
        /// The line's discount as an amount, if one is set that way.
        fn discount_amount(&self) -> Option<Decimal> {
            amount(self.0.discount)
        }
        /// Whether tax applies.
        fn taxable(&self) -> bool {
            self.0.taxable
        }
        /// The time entry billed.
        fn time_entry(&self) -> Option<Uuid> {
            self.0.time_entry.map(Into::into)
        }
        /// The expense billed.
        fn expense(&self) -> Option<Uuid> {
            self.0.expense.map(Into::into)
        }
        /// The fee earner of time.
        fn user(&self) -> Option<Uuid> {
            self.0.user.map(Into::into)
        }
        /// UTBMS task code.
        fn task_code(&self) -> Option<String> {
            self.0.task_code.clone()
        }
        /// UTBMS activity code.
        fn activity_code(&self) -> Option<String> {
            self.0.activity_code.clone()
        }
        /// UTBMS expense code.
        fn expense_code(&self) -> Option<String> {
            self.0.expense_code.clone()
        }
        /// Quantity × unit price, rounded.
        fn gross(&self) -> Decimal {
            self.0.totals.gross
        }
        /// The line's own discount.
        fn discount(&self) -> Decimal {
            self.0.totals.discount
        }
        /// Its share of the bill discount.
        fn bill_discount(&self) -> Decimal {
            self.0.totals.bill_discount
        }
        /// After discounts.
        fn net(&self) -> Decimal {
            self.0.totals.net
        }
        /// Tax on the net.
        fn tax(&self) -> Decimal {
            self.0.totals.tax
        }
        /// Net plus tax.
        fn total(&self) -> Decimal {
            self.0.totals.total
        }
    }
);

wrapper!(
    PyBill,
    Bill,
    "Bill",
    "A bill: `kind` is `invoice` or `credit_note`; `status` is `draft`, `approved`, `issued`, \
     `partly_paid`, `paid` or `void`; `arrangement` is `hourly`, `fixed_fee` or `contingency`. \
     Amounts are in `currency`.",
    [
        "id",
        "kind",
        "number",
        "status",
        "total",
        "outstanding",
        "version"
    ],
    {
        /// Identifier.
        fn id(&self) -> Uuid {
            self.0.id.into()
        }
        /// Invoice or credit note.
        fn kind(&self) -> &'static str {
            self.0.kind.as_str()
        }
        /// The number given at issue.
        fn number(&self) -> Option<String> {
            self.0.number.clone()
        }
        /// The client billed.
        fn client(&self) -> Uuid {
            self.0.client.into()
        }
        /// The matters billed.
        fn matters(&self) -> Vec<Uuid> {
            self.0.matters.iter().map(|&m| m.into()).collect()
        }
        /// First day of work billed.
        fn period_from(&self) -> NaiveDate {
            self.0.period_from
        }
        /// Last day of work billed.
        fn period_to(&self) -> NaiveDate {
            self.0.period_to
        }
        /// ISO 4217 currency.
        fn currency(&self) -> &'static str {
            self.0.currency.code()
        }
        /// The fee arrangement.
        fn arrangement(&self) -> &'static str {
            match self.0.arrangement {
                FeeArrangement::Hourly => "hourly",
                FeeArrangement::FixedFee { .. } => "fixed_fee",
                FeeArrangement::Contingency { .. } => "contingency",
            }
        }
        /// The lines.
        fn lines(&self) -> Vec<PyBillLine> {
            self.0.lines.iter().cloned().map(PyBillLine).collect()
        }
        /// The bill discount as a percentage, if one is set that way.
        fn discount_percent(&self) -> Option<Decimal> {
            percent(self.0.discount)
        }
        /// The bill discount as an amount, if one is set that way.
        fn discount_amount(&self) -> Option<Decimal> {
            amount(self.0.discount)
        }
        /// The tax's name.
        fn tax_name(&self) -> String {
            self.0.tax_name.clone()
        }
        /// The tax rate as a fraction.
        fn tax_rate(&self) -> Decimal {
            self.0.tax_rate
        }
        /// The totals.
        fn totals(&self) -> PyBillTotals {
            PyBillTotals(self.0.totals.clone())
        }
        /// The total due.
        fn total(&self) -> Decimal {
            self.0.totals.total
        }
        /// Where it stands.
        fn status(&self) -> &'static str {
            self.0.status.as_str()
        }
        /// The statuses `transition`, `issue` or `void` may move it to now.
        fn allowed_transitions(&self) -> Vec<&'static str> {
            self.0
                .allowed_transitions()
                .into_iter()
                .map(|s| s.as_str())
                .collect()
        }
        /// The invoice a credit note credits.
        fn credits(&self) -> Option<Uuid> {
            self.0.credits.map(Into::into)
        }
        /// Text printed.
        fn description(&self) -> String {
            self.0.description.clone()
        }
        /// The day it was issued.
        fn issued_on(&self) -> Option<NaiveDate> {
            self.0.issued_on
        }
        /// The day payment is due.
        fn due_on(&self) -> Option<NaiveDate> {
            self.0.due_on
        }
        /// Paid so far.
        fn paid(&self) -> Decimal {
            self.0.paid
        }
        /// Credited by credit notes.
        fn credited(&self) -> Decimal {
            self.0.credited
        }
        /// Written off.
        fn written_off(&self) -> Decimal {
            self.0.written_off
        }
        /// What an issued invoice still owes (0 otherwise).
        fn outstanding(&self) -> Decimal {
            self.0.outstanding()
        }
        /// Why it was voided.
        fn void_reason(&self) -> Option<String> {
            self.0.void_reason.clone()
        }
        /// Who drafted it.
        fn created_by(&self) -> Uuid {
            self.0.created_by.into()
        }
        /// When (UTC).
        fn created_at(&self) -> DateTime<Utc> {
            self.0.created_at
        }
        /// Who issued it.
        fn issued_by(&self) -> Option<Uuid> {
            self.0.issued_by.map(Into::into)
        }
        /// Optimistic-concurrency version.
        fn version(&self) -> u64 {
            self.0.version
        }
    }
);

wrapper!(
    PyPayment,
    Payment,
    "Payment",
    "A payment received from a client, with its allocations to bills as (bill, amount).",
    ["id", "amount", "currency", "unallocated", "version"],
    {
        /// Identifier.
        fn id(&self) -> Uuid {
            self.0.id.into()
        }
        /// The client who paid.
        fn client(&self) -> Uuid {
            self.0.client.into()
        }
        /// The day received.
        fn received_on(&self) -> NaiveDate {
            self.0.received_on
        }
        /// Amount received.
        fn amount(&self) -> Decimal {
            self.0.amount.amount
        }
        /// ISO 4217 currency.
        fn currency(&self) -> &'static str {
            self.0.amount.currency.code()
        }
        /// How it was paid.
        fn method(&self) -> String {
            self.0.method.clone()
        }
        /// The payer's reference.
        fn reference(&self) -> String {
            self.0.reference.clone()
        }
        /// (bill, amount) pairs.
        fn allocations(&self) -> Vec<(Uuid, Decimal)> {
            self.0
                .allocations
                .iter()
                .map(|a| (a.bill.into(), a.amount))
                .collect()
        }
        /// Not yet allocated (money on account).
        fn unallocated(&self) -> Decimal {
            self.0.unallocated()
        }
        /// Who recorded it.
        fn recorded_by(&self) -> Uuid {
            self.0.recorded_by.into()
        }
        /// When (UTC).
        fn recorded_at(&self) -> DateTime<Utc> {
            self.0.recorded_at
        }
        /// Optimistic-concurrency version.
        fn version(&self) -> u64 {
            self.0.version
        }
    }
);

wrapper!(
    PyStatementEntry,
    StatementEntry,
    "StatementEntry",
    "A line of a statement of account, with the running balance.",
    ["date", "description", "debit", "credit", "balance"],
    {
        /// The day.
        fn date(&self) -> NaiveDate {
            self.0.date
        }
        /// What it was.
        fn description(&self) -> String {
            self.0.description.clone()
        }
        /// Owed by the client.
        fn debit(&self) -> Decimal {
            self.0.debit
        }
        /// Paid, credited or written off.
        fn credit(&self) -> Decimal {
            self.0.credit
        }
        /// Balance after it (negative: in credit).
        fn balance(&self) -> Decimal {
            self.0.balance
        }
    }
);

wrapper!(
    PyStatementOfAccount,
    StatementOfAccount,
    "StatementOfAccount",
    "A client's statement of account in one currency.",
    ["client", "currency", "balance", "on_account"],
    {
        /// The client.
        fn client(&self) -> Uuid {
            self.0.client.into()
        }
        /// ISO 4217 currency.
        fn currency(&self) -> &'static str {
            self.0.currency.code()
        }
        /// The entries, oldest first.
        fn entries(&self) -> Vec<PyStatementEntry> {
            self.0
                .entries
                .iter()
                .cloned()
                .map(PyStatementEntry)
                .collect()
        }
        /// What the client owes (negative: in credit).
        fn balance(&self) -> Decimal {
            self.0.balance
        }
        /// Money received and not allocated to a bill.
        fn on_account(&self) -> Decimal {
            self.0.on_account
        }
    }
);

wrapper!(
    PyAgedDebt,
    AgedDebt,
    "AgedDebt",
    "What issued invoices owe, by age from issue.",
    [
        "as_of",
        "currency",
        "current",
        "days_31_60",
        "days_61_90",
        "over_90",
        "total"
    ],
    {
        /// The day it is aged at.
        fn as_of(&self) -> NaiveDate {
            self.0.as_of
        }
        /// ISO 4217 currency.
        fn currency(&self) -> &'static str {
            self.0.currency.code()
        }
        /// 0–30 days.
        fn current(&self) -> Decimal {
            self.0.current.amount
        }
        /// 31–60 days.
        fn days_31_60(&self) -> Decimal {
            self.0.days_31_60.amount
        }
        /// 61–90 days.
        fn days_61_90(&self) -> Decimal {
            self.0.days_61_90.amount
        }
        /// Over 90 days.
        fn over_90(&self) -> Decimal {
            self.0.over_90.amount
        }
        /// All.
        fn total(&self) -> Decimal {
            self.0.total.amount
        }
    }
);

wrapper!(
    PyClientMoneyEntry,
    ClientMoneyEntry,
    "ClientMoneyEntry",
    "An entry of a client-money ledger: `kind` is `receipt`, `payment`, `transfer_to_office` \
     or `reversal`. Entries are never changed, only reversed.",
    ["id", "kind", "amount", "currency", "date", "version"],
    {
        /// Identifier.
        fn id(&self) -> Uuid {
            self.0.id.into()
        }
        /// The matter.
        fn matter(&self) -> Uuid {
            self.0.matter.into()
        }
        /// The client whose money it is.
        fn client(&self) -> Uuid {
            self.0.client.into()
        }
        /// What it is.
        fn kind(&self) -> &'static str {
            self.0.kind.as_str()
        }
        /// Amount (positive).
        fn amount(&self) -> Decimal {
            self.0.amount.amount
        }
        /// ISO 4217 currency.
        fn currency(&self) -> &'static str {
            self.0.amount.currency.code()
        }
        /// The day.
        fn date(&self) -> NaiveDate {
            self.0.date
        }
        /// Bank reference.
        fn reference(&self) -> String {
            self.0.reference.clone()
        }
        /// Who paid or was paid.
        fn counterparty(&self) -> String {
            self.0.counterparty.clone()
        }
        /// What for.
        fn description(&self) -> String {
            self.0.description.clone()
        }
        /// The bill a transfer to office pays.
        fn bill(&self) -> Option<Uuid> {
            self.0.bill.map(Into::into)
        }
        /// The entry a reversal reverses.
        fn reverses(&self) -> Option<Uuid> {
            self.0.reverses.map(Into::into)
        }
        /// Why a partner let the ledger go below zero.
        fn override_reason(&self) -> Option<String> {
            self.0.override_reason.clone()
        }
        /// Who recorded it.
        fn recorded_by(&self) -> Uuid {
            self.0.recorded_by.into()
        }
        /// When (UTC).
        fn recorded_at(&self) -> DateTime<Utc> {
            self.0.recorded_at
        }
        /// Version.
        fn version(&self) -> u64 {
            self.0.version
        }
    }
);

wrapper!(
    PyLedgerBalance,
    LedgerBalance,
    "LedgerBalance",
    "The client-money balance of one client on one matter.",
    ["matter", "client", "balance", "currency"],
    {
        /// The matter.
        fn matter(&self) -> Uuid {
            self.0.matter.into()
        }
        /// The client.
        fn client(&self) -> Uuid {
            self.0.client.into()
        }
        /// Balance held.
        fn balance(&self) -> Decimal {
            self.0.balance.amount
        }
        /// ISO 4217 currency.
        fn currency(&self) -> &'static str {
            self.0.balance.currency.code()
        }
    }
);

wrapper!(
    PyReconciliationDifference,
    ReconciliationDifference,
    "ReconciliationDifference",
    "A difference found by a reconciliation: which balances differ, by how much.",
    ["between", "amount"],
    {
        /// The balances compared.
        fn between(&self) -> String {
            self.0.between.clone()
        }
        /// By how much.
        fn amount(&self) -> Decimal {
            self.0.amount.amount
        }
    }
);

wrapper!(
    PyReconciliationRecord,
    ReconciliationRecord,
    "ReconciliationRecord",
    "A three-way reconciliation of bank, cash book and client ledgers, as recorded.",
    [
        "date",
        "balanced",
        "adjusted_bank_balance",
        "cash_book_balance",
        "ledgers_total"
    ],
    {
        /// The statement date.
        fn date(&self) -> NaiveDate {
            self.0.reconciliation.date
        }
        /// ISO 4217 currency.
        fn currency(&self) -> &'static str {
            self.0.reconciliation.statement_balance.currency.code()
        }
        /// The bank statement balance.
        fn statement_balance(&self) -> Decimal {
            self.0.reconciliation.statement_balance.amount
        }
        /// Bank balance plus deposits in transit minus outstanding payments.
        fn adjusted_bank_balance(&self) -> Decimal {
            self.0.reconciliation.adjusted_bank_balance.amount
        }
        /// The cash book's balance.
        fn cash_book_balance(&self) -> Decimal {
            self.0.reconciliation.cash_book_balance.amount
        }
        /// Sum of the client ledgers.
        fn ledgers_total(&self) -> Decimal {
            self.0.reconciliation.ledgers_total.amount
        }
        /// The client ledgers.
        fn ledgers(&self) -> Vec<PyLedgerBalance> {
            self.0
                .reconciliation
                .ledgers
                .iter()
                .cloned()
                .map(PyLedgerBalance)
                .collect()
        }
        /// The differences (none when balanced).
        fn differences(&self) -> Vec<PyReconciliationDifference> {
            self.0
                .reconciliation
                .differences
                .iter()
                .cloned()
                .map(PyReconciliationDifference)
                .collect()
        }
        /// Whether all three agree.
        fn balanced(&self) -> bool {
            self.0.reconciliation.balanced
        }
        /// Who reconciled.
        fn reconciled_by(&self) -> Uuid {
            self.0.reconciled_by.into()
        }
        /// When (UTC).
        fn reconciled_at(&self) -> DateTime<Utc> {
            self.0.reconciled_at
        }
        /// Version.
        fn version(&self) -> u64 {
            self.0.version
        }
    }
);

wrapper!(
    PyReconciliationDue,
    ReconciliationDue,
    "ReconciliationDue",
    "When the next client-money reconciliation is due.",
    ["last", "next_due", "overdue"],
    {
        /// Statement date of the last reconciliation.
        fn last(&self) -> Option<NaiveDate> {
            self.0.last
        }
        /// The day the next is due by.
        fn next_due(&self) -> NaiveDate {
            self.0.next_due
        }
        /// Whether it is late.
        fn overdue(&self) -> bool {
            self.0.overdue
        }
    }
);

wrapper!(
    PyFeeEarnerHours,
    FeeEarnerHours,
    "FeeEarnerHours",
    "A fee earner's hours in a period, with utilisation and realisation (fractions).",
    [
        "user",
        "recorded_seconds",
        "billable_seconds",
        "utilisation",
        "realisation"
    ],
    {
        /// The fee earner.
        fn user(&self) -> Uuid {
            self.0.user.into()
        }
        /// The currency of the values (a line per currency of work).
        fn currency(&self) -> Option<&'static str> {
            self.0.currency.map(|c| c.code())
        }
        /// All time recorded.
        fn recorded_seconds(&self) -> u64 {
            self.0.recorded_seconds
        }
        /// Billable time.
        fn billable_seconds(&self) -> u64 {
            self.0.billable_seconds
        }
        /// Non-billable time.
        fn non_billable_seconds(&self) -> u64 {
            self.0.non_billable_seconds
        }
        /// No-charge time.
        fn no_charge_seconds(&self) -> u64 {
            self.0.no_charge_seconds
        }
        /// Billable time billed.
        fn billed_seconds(&self) -> u64 {
            self.0.billed_seconds
        }
        /// Value of billable time.
        fn recorded_value(&self) -> Decimal {
            self.0.recorded_value
        }
        /// Value of billed time.
        fn billed_value(&self) -> Decimal {
            self.0.billed_value
        }
        /// Billable over available hours.
        fn utilisation(&self) -> Option<Decimal> {
            self.0.utilisation
        }
        /// Billed over recorded value.
        fn realisation(&self) -> Option<Decimal> {
            self.0.realisation
        }
    }
);

wrapper!(
    PyWorkInProgress,
    WorkInProgress,
    "WorkInProgress",
    "Unbilled work of a matter (`matter` set) or a fee earner (`user` set).",
    ["matter", "user", "unbilled_seconds", "total"],
    {
        /// The matter.
        fn matter(&self) -> Option<Uuid> {
            self.0.matter.map(Into::into)
        }
        /// The fee earner.
        fn user(&self) -> Option<Uuid> {
            self.0.user.map(Into::into)
        }
        /// The currency of the values (a line per currency).
        fn currency(&self) -> Option<&'static str> {
            self.0.currency.map(|c| c.code())
        }
        /// Unbilled time.
        fn unbilled_seconds(&self) -> u64 {
            self.0.unbilled_seconds
        }
        /// Its value.
        fn unbilled_time_value(&self) -> Decimal {
            self.0.unbilled_time_value
        }
        /// Unbilled expenses.
        fn unbilled_expenses(&self) -> Decimal {
            self.0.unbilled_expenses
        }
        /// Time value plus expenses.
        fn total(&self) -> Decimal {
            self.0.total()
        }
    }
);
