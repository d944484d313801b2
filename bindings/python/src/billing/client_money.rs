//! Client money (`session.client_money`): ledgers, entries, reversals and reconciliation.

use lexcase::client_money::{
    BankStatement, ClientMoneyEntryKind, NewClientMoneyEntry, StatementItem,
};
use lexcase::money::{Amount, Currency};
use lexcase::service::Session;
use lexcase::{BillId, ContactId, MatterId, TrustEntryId};
use pyo3::prelude::*;

use crate::bill_types::{
    PyClientMoneyEntry, PyLedgerBalance, PyReconciliationDue, PyReconciliationRecord,
};
use crate::convert::{DateArg, Id, id_opt, parse, run};
use crate::money_args::{Dec, amount_in};

/// Client money (`session.client_money`): a ledger per client and matter in the matter's
/// currency. Recording and reconciling need `manage_client_money`; letting a ledger go below
/// zero needs `override_client_money` and an `override_reason`.
#[pyclass(frozen, module = "lexcase", name = "ClientMoneyService")]
pub struct PyClientMoneyService(pub Session);

fn items(items: Vec<(String, Dec)>, currency: Option<Currency>) -> Vec<StatementItem> {
    items
        .into_iter()
        .map(|(description, amount)| StatementItem {
            description,
            amount: Amount {
                amount: amount.0,
                currency,
            },
        })
        .collect()
}

#[pymethods]
impl PyClientMoneyService {
    /// Records a client-money entry: `kind` is `receipt`, `payment` or `transfer_to_office`
    /// (with the issued `bill` it pays). `amount` is in `currency`, by default the matter's.
    #[pyo3(signature = (*, matter, client, kind, amount, date, description, counterparty=String::new(), reference=String::new(), bill=None, override_reason=None, currency=None))]
    fn record(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        client: Id<ContactId>,
        kind: &str,
        amount: Dec,
        date: DateArg,
        description: String,
        counterparty: String,
        reference: String,
        bill: Option<Id<BillId>>,
        override_reason: Option<String>,
        currency: Option<String>,
    ) -> PyResult<PyClientMoneyEntry> {
        let kind = parse::<ClientMoneyEntryKind>(kind)?;
        let amount = amount_in(amount, currency.as_deref())?;
        run(py, || {
            let new = NewClientMoneyEntry {
                matter: matter.0,
                client: client.0,
                kind,
                amount,
                date: date.0,
                reference,
                counterparty,
                description,
                bill: id_opt(bill),
                reverses: None,
            };
            self.0
                .client_money()
                .record(new, override_reason.as_deref())
        })
        .map(PyClientMoneyEntry)
    }

    /// Reverses an entry (entries are never edited); a reversal that overdraws needs an
    /// `override_reason`.
    #[pyo3(signature = (id, *, date, reason, override_reason=None))]
    fn reverse(
        &self,
        py: Python<'_>,
        id: Id<TrustEntryId>,
        date: DateArg,
        reason: &str,
        override_reason: Option<String>,
    ) -> PyResult<PyClientMoneyEntry> {
        run(py, || {
            self.0
                .client_money()
                .reverse(id.0, date.0, reason, override_reason.as_deref())
        })
        .map(PyClientMoneyEntry)
    }

    /// The entries of a matter, by date then recording order.
    fn entries(&self, py: Python<'_>, matter: Id<MatterId>) -> PyResult<Vec<PyClientMoneyEntry>> {
        let entries = run(py, || self.0.client_money().entries(matter.0))?;
        Ok(entries.into_iter().map(PyClientMoneyEntry).collect())
    }

    /// The balance per client on a matter.
    fn balances(&self, py: Python<'_>, matter: Id<MatterId>) -> PyResult<Vec<PyLedgerBalance>> {
        let balances = run(py, || self.0.client_money().balances(matter.0))?;
        Ok(balances.into_iter().map(PyLedgerBalance).collect())
    }

    /// Reconciles the bank statement balance on `date` (in `currency`, default the firm's)
    /// with the cash book and the client ledgers; items are `(description, amount)`.
    #[pyo3(signature = (*, date, balance, deposits_in_transit=Vec::new(), outstanding_payments=Vec::new(), currency=None))]
    fn reconcile(
        &self,
        py: Python<'_>,
        date: DateArg,
        balance: Dec,
        deposits_in_transit: Vec<(String, Dec)>,
        outstanding_payments: Vec<(String, Dec)>,
        currency: Option<String>,
    ) -> PyResult<PyReconciliationRecord> {
        let balance = amount_in(balance, currency.as_deref())?;
        let statement = BankStatement {
            date: date.0,
            balance,
            deposits_in_transit: items(deposits_in_transit, balance.currency),
            outstanding_payments: items(outstanding_payments, balance.currency),
        };
        run(py, || self.0.client_money().reconcile(statement)).map(PyReconciliationRecord)
    }

    /// When the next reconciliation is due.
    fn reconciliation_due(&self, py: Python<'_>) -> PyResult<PyReconciliationDue> {
        run(py, || self.0.client_money().reconciliation_due()).map(PyReconciliationDue)
    }
}
