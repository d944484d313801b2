//! Payments (`session.payments`): receipts, allocation, write-offs, statements and aged debt.

use lexcase::bills::{Allocation, NewPayment};
use lexcase::service::Session;
use lexcase::{BillId, ContactId, PaymentId};
use pyo3::prelude::*;

use crate::bill_types::{PyAgedDebt, PyBill, PyPayment, PyStatementOfAccount};
use crate::convert::{DateArg, Id, run};
use crate::money_args::{Dec, amount_in};

/// Payments (`session.payments`): receipts from clients, allocation to bills, write-offs,
/// statements and aged debt. Needs `manage_billing`.
#[pyclass(frozen, module = "lexcase", name = "PaymentService")]
pub struct PyPaymentService(pub Session);

#[pymethods]
impl PyPaymentService {
    /// Records a payment of `amount` in `currency` (default the firm's), allocated to bills
    /// as `(bill, amount)` pairs; the rest stays on account.
    #[pyo3(signature = (*, client, received_on, amount, method=String::new(), reference=String::new(), allocations=Vec::new(), currency=None))]
    fn record(
        &self,
        py: Python<'_>,
        client: Id<ContactId>,
        received_on: DateArg,
        amount: Dec,
        method: String,
        reference: String,
        allocations: Vec<(Id<BillId>, Dec)>,
        currency: Option<String>,
    ) -> PyResult<PyPayment> {
        let allocations = allocations
            .into_iter()
            .map(|(bill, amount)| Allocation {
                bill: bill.0,
                amount: amount.0,
            })
            .collect();
        let amount = amount_in(amount, currency.as_deref())?;
        run(py, || {
            let new = NewPayment {
                client: client.0,
                received_on: received_on.0,
                amount,
                method,
                reference,
                allocations,
            };
            self.0.payments().record(new)
        })
        .map(PyPayment)
    }

    /// A payment by id.
    fn get(&self, py: Python<'_>, id: Id<PaymentId>) -> PyResult<PyPayment> {
        run(py, || self.0.payments().get(id.0)).map(PyPayment)
    }

    /// Allocates `amount` of a payment's money on account to `bill`.
    #[pyo3(signature = (id, expected_version, *, bill, amount))]
    fn allocate(
        &self,
        py: Python<'_>,
        id: Id<PaymentId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        bill: Id<BillId>,
        amount: Dec,
    ) -> PyResult<PyPayment> {
        run(py, || {
            self.0
                .payments()
                .allocate(id.0, expected_version, bill.0, amount.0)
        })
        .map(PyPayment)
    }

    /// Writes off `amount` of what an issued invoice owes; returns the bill.
    #[pyo3(signature = (bill, expected_version, *, amount, reason))]
    fn write_off(
        &self,
        py: Python<'_>,
        bill: Id<BillId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        amount: Dec,
        reason: &str,
    ) -> PyResult<PyBill> {
        run(py, || {
            self.0
                .payments()
                .write_off(bill.0, expected_version, amount.0, reason)
        })
        .map(PyBill)
    }

    /// A client's statement of account in `currency`.
    fn statement(
        &self,
        py: Python<'_>,
        client: Id<ContactId>,
        currency: &str,
    ) -> PyResult<PyStatementOfAccount> {
        let cur = crate::money_args::currency(currency)?;
        run(py, || self.0.payments().statement(client.0, cur)).map(PyStatementOfAccount)
    }

    /// What issued invoices in `currency` owe on `as_of`, by age.
    #[pyo3(signature = (*, as_of, currency))]
    fn aged_debt(&self, py: Python<'_>, as_of: DateArg, currency: &str) -> PyResult<PyAgedDebt> {
        let cur = crate::money_args::currency(currency)?;
        run(py, || self.0.payments().aged_debt(as_of.0, cur)).map(PyAgedDebt)
    }
}
