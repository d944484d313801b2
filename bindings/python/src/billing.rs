//! `session.bills`, `session.payments`, `session.client_money` and `session.reports`.

use lexcase::billing::{ContingencyBasis, Discount};
use lexcase::bills::{Allocation, BillStatus, FeeArrangement, NewPayment};
use lexcase::client_money::{
    BankStatement, ClientMoneyEntryKind, NewClientMoneyEntry, StatementItem,
};
use lexcase::service::{DraftRequest, Session};
use lexcase::store::BillQuery;
use lexcase::{BillId, ContactId, LexcaseError, MatterId, PaymentId, TrustEntryId};
use pyo3::prelude::*;
use rust_decimal::Decimal;

use crate::bill_types::{
    PyAgedDebt, PyBill, PyClientMoneyEntry, PyFeeEarnerHours, PyLedgerBalance, PyPayment,
    PyReconciliationDue, PyReconciliationRecord, PyStatementOfAccount, PyWorkInProgress,
};
use crate::convert::{DateArg, Id, id_opt, page, parse, parse_opt, run};
use crate::errors::to_py;
use crate::money_args::{Dec, dec_opt, firm_currency, matter_currency, money};
use crate::page::PyPage;

/// A discount from `percent=` / `amount=` (at most one).
fn discount(percent: Option<Dec>, amount: Option<Dec>) -> PyResult<Option<Discount>> {
    match (dec_opt(percent), dec_opt(amount)) {
        (Some(_), Some(_)) => Err(to_py(LexcaseError::validation(
            "discount",
            "give a percent or an amount, not both",
        ))),
        (Some(p), None) => Ok(Some(Discount::Percent(p))),
        (None, Some(a)) => Ok(Some(Discount::Amount(a))),
        (None, None) => Ok(None),
    }
}

fn required(value: Option<Dec>, field: &str) -> PyResult<Decimal> {
    dec_opt(value).ok_or_else(|| to_py(LexcaseError::validation(field, "required")))
}

/// Bills (`session.bills`): drafting from unbilled work, discounts and adjustments, approval,
/// issue (gapless numbers), voids, credit notes and exports. Reading needs `view_rates` or
/// `manage_billing`; changing needs `manage_billing`.
#[pyclass(frozen, module = "lexcase", name = "BillService")]
pub struct PyBillService(pub Session);

#[pymethods]
impl PyBillService {
    /// Drafts a bill for `client` from the unbilled work of `matters` in the period.
    /// `arrangement` is `hourly`, `fixed_fee` (needs `fixed_fee`; `show_time` lists the time
    /// at no charge) or `contingency` (needs `recovery`, `costs` and `percent`; `basis` is
    /// `gross` or `net`). A bill discount is `discount_percent` or `discount_amount`.
    #[pyo3(signature = (*, client, matters, period_from, period_to, arrangement="hourly", fixed_fee=None, show_time=true, recovery=None, costs=None, percent=None, basis="gross", discount_percent=None, discount_amount=None, description=String::new()))]
    fn draft(
        &self,
        py: Python<'_>,
        client: Id<ContactId>,
        matters: Vec<Id<MatterId>>,
        period_from: DateArg,
        period_to: DateArg,
        arrangement: &str,
        fixed_fee: Option<Dec>,
        show_time: bool,
        recovery: Option<Dec>,
        costs: Option<Dec>,
        percent: Option<Dec>,
        basis: &str,
        discount_percent: Option<Dec>,
        discount_amount: Option<Dec>,
        description: String,
    ) -> PyResult<PyBill> {
        let arrangement = match arrangement {
            "hourly" => FeeArrangement::Hourly,
            "fixed_fee" => FeeArrangement::FixedFee {
                amount: required(fixed_fee, "fixed_fee")?,
                show_time,
            },
            "contingency" => FeeArrangement::Contingency {
                recovery: required(recovery, "recovery")?,
                costs: required(costs, "costs")?,
                percent: required(percent, "percent")?,
                basis: parse::<ContingencyBasis>(basis)?,
            },
            _ => {
                return Err(to_py(LexcaseError::validation(
                    "arrangement",
                    "expected hourly, fixed_fee or contingency",
                )));
            }
        };
        let request = DraftRequest {
            client: client.0,
            matters: matters.into_iter().map(|m| m.0).collect(),
            period_from: period_from.0,
            period_to: period_to.0,
            arrangement,
            discount: discount(discount_percent, discount_amount)?,
            description,
        };
        run(py, || self.0.bills().draft(request)).map(PyBill)
    }

    /// A bill by id.
    fn get(&self, py: Python<'_>, id: Id<BillId>) -> PyResult<PyBill> {
        run(py, || self.0.bills().get(id.0)).map(PyBill)
    }

    /// Bills matching every filter given, newest first.
    #[pyo3(signature = (*, client=None, matter=None, status=None, offset=0, limit=50, after=None))]
    fn list(
        &self,
        py: Python<'_>,
        client: Option<Id<ContactId>>,
        matter: Option<Id<MatterId>>,
        status: Option<&str>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let query = BillQuery {
            client: id_opt(client),
            matter: id_opt(matter),
            status: parse_opt::<BillStatus>(status)?,
        };
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.bills().list(&query, page))?;
        PyPage::new(py, paged, PyBill)
    }

    /// Sets the discount of a draft (a percentage or an amount); neither clears it.
    #[pyo3(signature = (id, expected_version, *, percent=None, amount=None))]
    fn set_discount(
        &self,
        py: Python<'_>,
        id: Id<BillId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        percent: Option<Dec>,
        amount: Option<Dec>,
    ) -> PyResult<PyBill> {
        let d = discount(percent, amount)?;
        run(py, || {
            self.0.bills().set_discount(id.0, expected_version, d)
        })
        .map(PyBill)
    }

    /// Sets the discount of line `number` of a draft; neither clears it.
    #[pyo3(signature = (id, expected_version, number, *, percent=None, amount=None))]
    fn set_line_discount(
        &self,
        py: Python<'_>,
        id: Id<BillId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        #[pyo3(from_py_with = crate::ints::number)] number: u32,
        percent: Option<Dec>,
        amount: Option<Dec>,
    ) -> PyResult<PyBill> {
        let d = discount(percent, amount)?;
        run(py, || {
            self.0
                .bills()
                .set_line_discount(id.0, expected_version, number, d)
        })
        .map(PyBill)
    }

    /// Adds a manual adjustment line (a negative amount is a credit) to a draft.
    #[pyo3(signature = (id, expected_version, *, description, amount, taxable=true))]
    fn add_adjustment(
        &self,
        py: Python<'_>,
        id: Id<BillId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        description: String,
        amount: Dec,
        taxable: bool,
    ) -> PyResult<PyBill> {
        run(py, || {
            self.0
                .bills()
                .add_adjustment(id.0, expected_version, &description, amount.0, taxable)
        })
        .map(PyBill)
    }

    /// Takes line `number` off a draft; its work returns to unbilled.
    fn remove_line(
        &self,
        py: Python<'_>,
        id: Id<BillId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        #[pyo3(from_py_with = crate::ints::number)] number: u32,
    ) -> PyResult<PyBill> {
        run(py, || {
            self.0.bills().remove_line(id.0, expected_version, number)
        })
        .map(PyBill)
    }

    /// Moves a bill to status `to` (`approved`, back to `draft`, or `issued`); void with
    /// `void`.
    fn transition(
        &self,
        py: Python<'_>,
        id: Id<BillId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        to: &str,
    ) -> PyResult<PyBill> {
        let to = parse::<BillStatus>(to)?;
        run(py, || self.0.bills().transition(id.0, expected_version, to)).map(PyBill)
    }

    /// Issues an approved bill: the next gapless number, today's date, the due date.
    fn issue(
        &self,
        py: Python<'_>,
        id: Id<BillId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
    ) -> PyResult<PyBill> {
        run(py, || self.0.bills().issue(id.0, expected_version)).map(PyBill)
    }

    /// Voids a bill nobody has paid, credited or written off; its work returns to unbilled.
    fn void(
        &self,
        py: Python<'_>,
        id: Id<BillId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        reason: &str,
    ) -> PyResult<PyBill> {
        run(py, || self.0.bills().void(id.0, expected_version, reason)).map(PyBill)
    }

    /// Issues a credit note of `amount` (tax included) against an issued invoice; returns the
    /// credit note.
    #[pyo3(signature = (invoice, expected_version, *, amount, reason))]
    fn credit_note(
        &self,
        py: Python<'_>,
        invoice: Id<BillId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        amount: Dec,
        reason: &str,
    ) -> PyResult<PyBill> {
        run(py, || {
            self.0
                .bills()
                .credit_note(invoice.0, expected_version, amount.0, reason)
        })
        .map(PyBill)
    }

    /// The bill as LEDES 1998B text (refused for a taxed bill: the format has no tax field).
    fn ledes(&self, py: Python<'_>, id: Id<BillId>) -> PyResult<String> {
        run(py, || self.0.bills().ledes(id.0))
    }

    /// The bill as CSV.
    fn csv(&self, py: Python<'_>, id: Id<BillId>) -> PyResult<String> {
        run(py, || self.0.bills().csv(id.0))
    }

    /// The bill as JSON.
    fn json(&self, py: Python<'_>, id: Id<BillId>) -> PyResult<String> {
        run(py, || self.0.bills().json(id.0))
    }
}

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
        run(py, || {
            let cur = firm_currency(&self.0, currency.as_deref())?;
            let new = NewPayment {
                client: client.0,
                received_on: received_on.0,
                amount: money(amount.0, cur, "amount")?,
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

/// Client money (`session.client_money`): a ledger per client and matter in the matter's
/// currency. Recording and reconciling need `manage_client_money`; letting a ledger go below
/// zero needs `override_client_money` and an `override_reason`.
#[pyclass(frozen, module = "lexcase", name = "ClientMoneyService")]
pub struct PyClientMoneyService(pub Session);

fn items(
    items: Vec<(String, Dec)>,
    cur: lexcase::money::Currency,
    field: &str,
) -> lexcase::Result<Vec<StatementItem>> {
    items
        .into_iter()
        .map(|(description, amount)| {
            Ok(StatementItem {
                description,
                amount: money(amount.0, cur, field)?,
            })
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
        run(py, || {
            let cur = matter_currency(&self.0, matter.0, currency.as_deref())?;
            let new = NewClientMoneyEntry {
                matter: matter.0,
                client: client.0,
                kind,
                amount: money(amount.0, cur, "amount")?,
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
        run(py, || {
            let cur = firm_currency(&self.0, currency.as_deref())?;
            let statement = BankStatement {
                date: date.0,
                balance: money(balance.0, cur, "balance")?,
                deposits_in_transit: items(deposits_in_transit, cur, "deposits_in_transit")?,
                outstanding_payments: items(outstanding_payments, cur, "outstanding_payments")?,
            };
            self.0.client_money().reconcile(statement)
        })
        .map(PyReconciliationRecord)
    }

    /// When the next reconciliation is due.
    fn reconciliation_due(&self, py: Python<'_>) -> PyResult<PyReconciliationDue> {
        run(py, || self.0.client_money().reconciliation_due()).map(PyReconciliationDue)
    }
}

/// Reports (`session.reports`): hours with utilisation and realisation, work in progress,
/// client-money balances, and CSV versions.
#[pyclass(frozen, module = "lexcase", name = "ReportService")]
pub struct PyReportService(pub Session);

#[pymethods]
impl PyReportService {
    /// Hours per fee earner from `from_date` to `to_date`, utilisation measured against
    /// `available_hours_per_day` on weekdays.
    #[pyo3(signature = (*, from_date, to_date, available_hours_per_day))]
    fn hours(
        &self,
        py: Python<'_>,
        from_date: DateArg,
        to_date: DateArg,
        available_hours_per_day: Dec,
    ) -> PyResult<Vec<PyFeeEarnerHours>> {
        let rows = run(py, || {
            self.0
                .reports()
                .hours(from_date.0, to_date.0, available_hours_per_day.0)
        })?;
        Ok(rows.into_iter().map(PyFeeEarnerHours).collect())
    }

    /// Unbilled work, as `(by_matter, by_user)`.
    fn wip(&self, py: Python<'_>) -> PyResult<(Vec<PyWorkInProgress>, Vec<PyWorkInProgress>)> {
        let (matters, users) = run(py, || self.0.reports().wip())?;
        Ok((
            matters.into_iter().map(PyWorkInProgress).collect(),
            users.into_iter().map(PyWorkInProgress).collect(),
        ))
    }

    /// Client-money balances of every ledger on `as_of`.
    fn client_money_balances(
        &self,
        py: Python<'_>,
        as_of: DateArg,
    ) -> PyResult<Vec<PyLedgerBalance>> {
        let rows = run(py, || self.0.reports().client_money_balances(as_of.0))?;
        Ok(rows.into_iter().map(PyLedgerBalance).collect())
    }

    /// `hours` as CSV.
    #[pyo3(signature = (*, from_date, to_date, available_hours_per_day))]
    fn hours_csv(
        &self,
        py: Python<'_>,
        from_date: DateArg,
        to_date: DateArg,
        available_hours_per_day: Dec,
    ) -> PyResult<String> {
        run(py, || {
            self.0
                .reports()
                .hours_csv(from_date.0, to_date.0, available_hours_per_day.0)
        })
    }

    /// Work in progress by matter as CSV.
    fn wip_csv(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || self.0.reports().wip_csv())
    }
}
