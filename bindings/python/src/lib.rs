//! Python bindings for lexcase.
//!
//! This crate builds the native module `lexcase._lexcase`; the pure-Python package `lexcase`
//! (in `python/lexcase/`) re-exports it. Bindings stay thin: each exported function is a
//! one-line delegation to the core crate plus type conversion.

use pyo3::prelude::*;

pub mod errors;

pub use errors::{
    ConflictError, IncompatibleDatabaseError, InvalidTransitionError, LexcaseError, NotFoundError,
    PermissionDeniedError, StaleVersionError, StorageError, ValidationError,
};

/// The version of the lexcase engine, e.g. `"0.1.0"`.
#[pyfunction]
fn version() -> &'static str {
    lexcase::VERSION
}

/// The native module `lexcase._lexcase`.
#[pymodule(name = "_lexcase")]
fn lexcase_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(version, m)?)?;
    errors::register(m)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_exposes_version_of_core() {
        Python::initialize();
        Python::attach(|py| {
            let module = pyo3::wrap_pymodule!(lexcase_native)(py);
            let got: String = module
                .bind(py)
                .getattr("version")
                .and_then(|f| f.call0())
                .and_then(|v| v.extract())
                .expect("version() is callable and returns str");
            assert_eq!(got, lexcase::VERSION);
        });
    }
}
