//! Reports (`session.reports`): hours, work in progress and client-money balances.

use lexcase::service::Session;
use pyo3::prelude::*;

use crate::bill_types::{PyFeeEarnerHours, PyLedgerBalance, PyWorkInProgress};
use crate::convert::{DateArg, run};
use crate::money_args::Dec;

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
