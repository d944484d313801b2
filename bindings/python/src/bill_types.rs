//! `Bill`, `BillLine`, `BillTotals`, `Payment`, `StatementOfAccount`, `StatementEntry`,
//! `AgedDebt`, and the client-money and report results: `ClientMoneyEntry`, `LedgerBalance`,
//! `ReconciliationRecord`, `ReconciliationDifference`, `ReconciliationDue`, `FeeEarnerHours`,
//! `WorkInProgress`.

use lexcase::billing::{BillTotals, Discount};
use lexcase::bills::{Bill, BillLine, FeeArrangement, Payment, StatementEntry, StatementOfAccount};
use lexcase::client_money::{
    ClientMoneyEntry, LedgerBalance, ReconciliationDifference, ReconciliationRecord,
};
use lexcase::reports::{AgedDebt, FeeEarnerHours, WorkInProgress};
use lexcase::service::ReconciliationDue;
use pyo3::prelude::*;
use rust_decimal::Decimal;

use crate::record::py_record;

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

py_record! {
    /// Totals of a bill; each is the sum of its lines' (so the lines add up to what is printed).
    PyBillTotals(BillTotals) as "BillTotals" eq;
    repr(gross, discount, net, tax, total);
    |b| {
        /// Sum of quantity × unit price.
        gross,
        /// Line and bill discounts.
        discount,
        /// After discounts.
        net,
        /// Tax.
        tax,
        /// Net plus tax.
        total,
    }
}

py_record! {
    /// A line of a bill: `kind` is `time`, `no_charge_time`, `expense`, `disbursement`,
    /// `fixed_fee`, `contingency_fee` or `adjustment`; the amounts are its share of the totals.
    PyBillLine(BillLine) as "BillLine" eq;
    repr(number, kind, description, quantity, unit_price, net, tax, total);
    |b| {
        /// 1-based position.
        number,
        /// What it bills.
        kind,
        /// The matter.
        matter,
        /// The day of the work.
        date,
        /// Text printed.
        description,
        /// Hours, units, or −1 for a credit.
        quantity,
        /// Price of one unit.
        unit_price,
        /// The line's discount as a percentage, if one is set that way.
        discount_percent = percent(b.discount),
        /// The line's discount as an amount, if one is set that way.
        discount_amount = amount(b.discount),
        /// Whether tax applies.
        taxable,
        /// The time entry billed.
        time_entry,
        /// The expense billed.
        expense,
        /// The fee earner of time.
        user,
        /// UTBMS task code.
        task_code,
        /// UTBMS activity code.
        activity_code,
        /// UTBMS expense code.
        expense_code,
        /// Quantity × unit price, rounded.
        gross = b.totals.gross,
        /// The line's own discount.
        discount = b.totals.discount,
        /// Its share of the bill discount.
        bill_discount = b.totals.bill_discount,
        /// After discounts.
        net = b.totals.net,
        /// Tax on the net.
        tax = b.totals.tax,
        /// Net plus tax.
        total = b.totals.total,
    }
}

py_record! {
    /// A bill: `kind` is `invoice` or `credit_note`; `status` is `draft`, `approved`, `issued`,
    /// `partly_paid`, `paid` or `void`; `arrangement` is `hourly`, `fixed_fee` or `contingency`.
    /// Amounts are in `currency`.
    PyBill(Bill) as "Bill" eq;
    repr(id, kind, number, status, total, outstanding, version);
    |b| {
        /// Identifier.
        id,
        /// Invoice or credit note.
        kind,
        /// The number given at issue.
        number,
        /// The client billed.
        client,
        /// The matters billed.
        matters,
        /// First day of work billed.
        period_from,
        /// Last day of work billed.
        period_to,
        /// ISO 4217 currency.
        currency,
        /// The fee arrangement.
        arrangement = match b.arrangement {
            FeeArrangement::Hourly => "hourly",
            FeeArrangement::FixedFee { .. } => "fixed_fee",
            FeeArrangement::Contingency { .. } => "contingency",
        },
        /// The lines.
        lines,
        /// The bill discount as a percentage, if one is set that way.
        discount_percent = percent(b.discount),
        /// The bill discount as an amount, if one is set that way.
        discount_amount = amount(b.discount),
        /// The tax's name.
        tax_name,
        /// The tax rate as a fraction.
        tax_rate,
        /// The totals.
        totals,
        /// The total due.
        total = b.totals.total,
        /// Where it stands.
        status,
        /// The statuses `transition`, `issue` or `void` may move it to now.
        allowed_transitions = b.allowed_transitions(),
        /// The invoice a credit note credits.
        credits,
        /// Text printed.
        description,
        /// The day it was issued.
        issued_on,
        /// The day payment is due.
        due_on,
        /// Paid so far.
        paid,
        /// Credited by credit notes.
        credited,
        /// Written off.
        written_off,
        /// What an issued invoice still owes (0 otherwise).
        outstanding = b.outstanding(),
        /// Why it was voided.
        void_reason,
        /// Who drafted it.
        created_by,
        /// When (UTC).
        created_at,
        /// Who issued it.
        issued_by,
        /// Optimistic-concurrency version.
        version,
    }
}

py_record! {
    /// A payment received from a client, with its allocations to bills as (bill, amount).
    PyPayment(Payment) as "Payment" eq;
    repr(id, amount, currency, unallocated, version);
    |p| {
        /// Identifier.
        id,
        /// The client who paid.
        client,
        /// The day received.
        received_on,
        /// Amount received.
        amount = p.amount.amount,
        /// ISO 4217 currency.
        currency = p.amount.currency,
        /// How it was paid.
        method,
        /// The payer's reference.
        reference,
        /// (bill, amount) pairs.
        allocations = p.allocations.iter().map(|a| (a.bill, a.amount)).collect::<Vec<_>>(),
        /// Not yet allocated (money on account).
        unallocated = p.unallocated(),
        /// Who recorded it.
        recorded_by,
        /// When (UTC).
        recorded_at,
        /// Optimistic-concurrency version.
        version,
    }
}

py_record! {
    /// A line of a statement of account, with the running balance.
    PyStatementEntry(StatementEntry) as "StatementEntry" eq;
    repr(date, description, debit, credit, balance);
    |s| {
        /// The day.
        date,
        /// What it was.
        description,
        /// Owed by the client.
        debit,
        /// Paid, credited or written off.
        credit,
        /// Balance after it (negative: in credit).
        balance,
    }
}

py_record! {
    /// A client's statement of account in one currency.
    PyStatementOfAccount(StatementOfAccount) as "StatementOfAccount" eq;
    repr(client, currency, balance, on_account);
    |s| {
        /// The client.
        client,
        /// ISO 4217 currency.
        currency,
        /// The entries, oldest first.
        entries,
        /// What the client owes (negative: in credit).
        balance,
        /// Money received and not allocated to a bill.
        on_account,
    }
}

py_record! {
    /// What issued invoices owe, by age from issue.
    PyAgedDebt(AgedDebt) as "AgedDebt" eq;
    repr(as_of, currency, current, days_31_60, days_61_90, over_90, total);
    |a| {
        /// The day it is aged at.
        as_of,
        /// ISO 4217 currency.
        currency,
        /// 0–30 days.
        current = a.current.amount,
        /// 31–60 days.
        days_31_60 = a.days_31_60.amount,
        /// 61–90 days.
        days_61_90 = a.days_61_90.amount,
        /// Over 90 days.
        over_90 = a.over_90.amount,
        /// All.
        total = a.total.amount,
    }
}

py_record! {
    /// An entry of a client-money ledger: `kind` is `receipt`, `payment`, `transfer_to_office` or
    /// `reversal`. Entries are never changed, only reversed.
    PyClientMoneyEntry(ClientMoneyEntry) as "ClientMoneyEntry" eq;
    repr(id, kind, amount, currency, date, version);
    |c| {
        /// Identifier.
        id,
        /// The matter.
        matter,
        /// The client whose money it is.
        client,
        /// What it is.
        kind,
        /// Amount (positive).
        amount = c.amount.amount,
        /// ISO 4217 currency.
        currency = c.amount.currency,
        /// The day.
        date,
        /// Bank reference.
        reference,
        /// Who paid or was paid.
        counterparty,
        /// What for.
        description,
        /// The bill a transfer to office pays.
        bill,
        /// The entry a reversal reverses.
        reverses,
        /// Why a partner let the ledger go below zero.
        override_reason,
        /// Who recorded it.
        recorded_by,
        /// When (UTC).
        recorded_at,
        /// Version.
        version,
    }
}

py_record! {
    /// The client-money balance of one client on one matter.
    PyLedgerBalance(LedgerBalance) as "LedgerBalance" eq;
    repr(matter, client, balance, currency);
    |l| {
        /// The matter.
        matter,
        /// The client.
        client,
        /// Balance held.
        balance = l.balance.amount,
        /// ISO 4217 currency.
        currency = l.balance.currency,
    }
}

py_record! {
    /// A difference found by a reconciliation: which balances differ, by how much.
    PyReconciliationDifference(ReconciliationDifference) as "ReconciliationDifference" eq;
    repr(between, amount);
    |r| {
        /// The balances compared.
        between,
        /// By how much.
        amount = r.amount.amount,
    }
}

py_record! {
    /// A three-way reconciliation of bank, cash book and client ledgers, as recorded.
    PyReconciliationRecord(ReconciliationRecord) as "ReconciliationRecord" eq;
    repr(date, balanced, adjusted_bank_balance, cash_book_balance, ledgers_total);
    |r| {
        /// The statement date.
        date = r.reconciliation.date,
        /// ISO 4217 currency.
        currency = r.reconciliation.statement_balance.currency,
        /// The bank statement balance.
        statement_balance = r.reconciliation.statement_balance.amount,
        /// Bank balance plus deposits in transit minus outstanding payments.
        adjusted_bank_balance = r.reconciliation.adjusted_bank_balance.amount,
        /// The cash book's balance.
        cash_book_balance = r.reconciliation.cash_book_balance.amount,
        /// Sum of the client ledgers.
        ledgers_total = r.reconciliation.ledgers_total.amount,
        /// The client ledgers.
        ledgers = r.reconciliation.ledgers,
        /// The differences (none when balanced).
        differences = r.reconciliation.differences,
        /// Whether all three agree.
        balanced = r.reconciliation.balanced,
        /// Who reconciled.
        reconciled_by,
        /// When (UTC).
        reconciled_at,
        /// Version.
        version,
    }
}

py_record! {
    /// When the next client-money reconciliation is due.
    PyReconciliationDue(ReconciliationDue) as "ReconciliationDue" eq;
    repr(last, next_due, overdue);
    |r| {
        /// Statement date of the last reconciliation.
        last,
        /// The day the next is due by.
        next_due,
        /// Whether it is late.
        overdue,
    }
}

py_record! {
    /// A fee earner's hours in a period, with utilisation and realisation (fractions).
    PyFeeEarnerHours(FeeEarnerHours) as "FeeEarnerHours" eq;
    repr(user, recorded_seconds, billable_seconds, utilisation, realisation);
    |f| {
        /// The fee earner.
        user,
        /// The currency of the values (a line per currency of work).
        currency,
        /// All time recorded.
        recorded_seconds,
        /// Billable time.
        billable_seconds,
        /// Non-billable time.
        non_billable_seconds,
        /// No-charge time.
        no_charge_seconds,
        /// Billable time billed.
        billed_seconds,
        /// Value of billable time.
        recorded_value,
        /// Value of billed time.
        billed_value,
        /// Billable over available hours.
        utilisation,
        /// Billed over recorded value.
        realisation,
    }
}

py_record! {
    /// Unbilled work of a matter (`matter` set) or a fee earner (`user` set).
    PyWorkInProgress(WorkInProgress) as "WorkInProgress" eq;
    repr(matter, user, unbilled_seconds, total);
    |w| {
        /// The matter.
        matter,
        /// The fee earner.
        user,
        /// The currency of the values (a line per currency).
        currency,
        /// Unbilled time.
        unbilled_seconds,
        /// Its value.
        unbilled_time_value,
        /// Unbilled expenses.
        unbilled_expenses,
        /// Time value plus expenses.
        total = w.total(),
    }
}
