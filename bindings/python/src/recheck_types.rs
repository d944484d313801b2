//! `ConflictRecheck` and `RecheckedMatter`: what `ConflictService.recheck_all` did.

use lexcase::service::{ConflictRecheck, RecheckedMatter};
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::repr;

/// A matter whose re-run conflict check found hits it did not have before.
#[pyclass(frozen, eq, module = "lexcase", name = "RecheckedMatter")]
#[derive(Clone, PartialEq)]
pub struct PyRecheckedMatter(pub RecheckedMatter);

#[pymethods]
impl PyRecheckedMatter {
    /// The matter.
    #[getter]
    fn matter(&self) -> Uuid {
        self.0.matter.into()
    }

    /// Its number.
    #[getter]
    fn number(&self) -> &str {
        &self.0.number
    }

    /// How many of its check's hits are new (each awaits a decision).
    #[getter]
    fn new_hits(&self) -> u64 {
        self.0.new_hits
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["matter", "number", "new_hits"])
    }
}

/// What re-running every conflict check did: how many checks were run again, and the matters
/// whose check found new hits.
#[pyclass(frozen, eq, module = "lexcase", name = "ConflictRecheck")]
#[derive(Clone, PartialEq)]
pub struct PyConflictRecheck(pub ConflictRecheck);

#[pymethods]
impl PyConflictRecheck {
    /// How many stored checks were run again.
    #[getter]
    fn rechecked(&self) -> u64 {
        self.0.rechecked
    }

    /// The matters whose check found new hits, newest matter first.
    #[getter]
    fn with_new_hits(&self) -> Vec<PyRecheckedMatter> {
        self.0
            .with_new_hits
            .iter()
            .cloned()
            .map(PyRecheckedMatter)
            .collect()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["rechecked", "with_new_hits"])
    }
}
