//! Proofs over the audit trail (`session.audit`): `AuditHead` to anchor outside the file,
//! `StateVerification` and `UnexplainedRow` from `verify_state`.

use lexcase::audit::{AuditHead, StateVerification, UnexplainedRow};
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::repr;
use crate::errors::to_py;

/// The head of the audit chain: the last event's sequence number and hash. Keep it outside the
/// file (`str(head)` is `"<seq>:<hash>"`, read back with `AuditHead.parse`) and give it to
/// `verify(expected_head=...)` later.
#[pyclass(frozen, eq, module = "lexcase", name = "AuditHead")]
#[derive(Clone, PartialEq)]
pub struct PyAuditHead(pub AuditHead);

#[pymethods]
impl PyAuditHead {
    /// Reads a head written as `"<seq>:<hash>"`.
    #[staticmethod]
    fn parse(text: &str) -> PyResult<Self> {
        AuditHead::parse(text).map(Self).map_err(to_py)
    }

    /// Sequence number of the last event.
    #[getter]
    fn seq(&self) -> u64 {
        self.0.seq
    }

    /// Its hash (hex).
    #[getter]
    fn hash(&self) -> &str {
        &self.0.hash
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["seq", "hash"])
    }
}

/// A stored row whose state no audit event explains.
#[pyclass(frozen, eq, module = "lexcase", name = "UnexplainedRow")]
#[derive(Clone, PartialEq)]
pub struct PyUnexplainedRow(pub UnexplainedRow);

#[pymethods]
impl PyUnexplainedRow {
    /// The kind of record, e.g. `contact`, `time_entry`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// Its id.
    #[getter]
    fn id(&self) -> Uuid {
        self.0.id
    }

    /// The fields whose stored value differs from the replay (empty: no event at all).
    #[getter]
    fn fields(&self) -> Vec<String> {
        self.0.fields.clone()
    }

    /// What is wrong (never the values).
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["kind", "id", "fields"])
    }
}

/// The outcome of comparing stored rows with the replay of their audit events.
#[pyclass(frozen, eq, module = "lexcase", name = "StateVerification")]
#[derive(PartialEq)]
pub struct PyStateVerification(pub StateVerification);

#[pymethods]
impl PyStateVerification {
    /// Whether every row checked is what its events say.
    #[getter]
    fn is_consistent(&self) -> bool {
        self.0.is_consistent()
    }

    /// The kinds checked.
    #[getter]
    fn kinds(&self) -> Vec<&'static str> {
        self.0.kinds.iter().map(|k| k.as_str()).collect()
    }

    /// Rows compared.
    #[getter]
    fn rows_checked(&self) -> u64 {
        self.0.rows_checked
    }

    /// How many rows no event explains.
    #[getter]
    fn unexplained_count(&self) -> u64 {
        self.0.unexplained_count
    }

    /// The first of them (at most 1000).
    #[getter]
    fn unexplained(&self) -> Vec<PyUnexplainedRow> {
        self.0
            .unexplained
            .iter()
            .cloned()
            .map(PyUnexplainedRow)
            .collect()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["is_consistent", "rows_checked", "unexplained_count"],
        )
    }
}
