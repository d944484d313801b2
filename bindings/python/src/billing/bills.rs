//! Bills (`session.bills`): drafting, discounts and adjustments, approval, issue, voids,
//! credit notes and exports.

use lexcase::billing::{ContingencyBasis, Discount};
use lexcase::bills::{BillStatus, FeeArrangement};
use lexcase::service::{DraftRequest, Session};
use lexcase::store::BillQuery;
use lexcase::{BillId, ContactId, LexcaseError, MatterId};
use pyo3::prelude::*;
use rust_decimal::Decimal;

use crate::bill_types::PyBill;
use crate::convert::{DateArg, Id, id_opt, page, parse, parse_opt, run};
use crate::errors::to_py;
use crate::money_args::{Dec, dec_opt};
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
    #[pyo3(signature = (*, client=None, matter=None, status=None, offset=0, limit=50, after=None) -> "Page[Bill]")]
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
