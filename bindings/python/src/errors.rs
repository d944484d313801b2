//! The Python exception hierarchy of lexcase.
//!
//! Every error raised by lexcase derives from [`LexcaseError`]. [`ValidationError`] is also a
//! `ValueError`, so callers that already catch `ValueError` for bad input keep working.
//! The types are created with pyo3's `create_exception!`, so Rust code raises them with e.g.
//! `NotFoundError::new_err("matter not found")`.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

create_exception!(
    lexcase,
    LexcaseError,
    PyException,
    "Base class of every error raised by lexcase."
);
create_exception!(
    lexcase,
    NotFoundError,
    LexcaseError,
    "The requested record does not exist (or is hidden from the acting user)."
);
create_exception!(
    lexcase,
    ValidationError,
    LexcaseError,
    "Input was rejected by a domain rule. Also a ValueError."
);
create_exception!(
    lexcase,
    PermissionDeniedError,
    LexcaseError,
    "The acting user may not perform this action."
);
create_exception!(
    lexcase,
    InvalidTransitionError,
    LexcaseError,
    "The requested state change is not allowed from the current state."
);
create_exception!(
    lexcase,
    ConflictError,
    LexcaseError,
    "The change conflicts with the stored state."
);
create_exception!(
    lexcase,
    StaleVersionError,
    ConflictError,
    "The record was changed by someone else since it was read (optimistic concurrency)."
);
create_exception!(
    lexcase,
    StorageError,
    LexcaseError,
    "The store failed (I/O, corruption, constraint)."
);
create_exception!(
    lexcase,
    IncompatibleDatabaseError,
    StorageError,
    "The database file was written by a newer lexcase or is not a lexcase database."
);

/// Makes `ValidationError` a subclass of both `LexcaseError` and `ValueError`.
///
/// `create_exception!` takes a single base class (PyO3 issue #4979 tracks multiple bases), so
/// the second base is added by assigning `__bases__` once the type object exists. Idempotent.
pub fn ensure_validation_error_is_value_error(py: Python<'_>) -> PyResult<()> {
    let validation = py.get_type::<ValidationError>();
    let value_error = py.get_type::<PyValueError>();
    if !validation.is_subclass(&value_error)? {
        let bases = PyTuple::new(py, [py.get_type::<LexcaseError>(), value_error])?;
        validation.setattr("__bases__", bases)?;
    }
    Ok(())
}

/// Adds the exception types to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    ensure_validation_error_is_value_error(py)?;
    m.add("LexcaseError", py.get_type::<LexcaseError>())?;
    m.add("NotFoundError", py.get_type::<NotFoundError>())?;
    m.add("ValidationError", py.get_type::<ValidationError>())?;
    m.add(
        "PermissionDeniedError",
        py.get_type::<PermissionDeniedError>(),
    )?;
    m.add(
        "InvalidTransitionError",
        py.get_type::<InvalidTransitionError>(),
    )?;
    m.add("ConflictError", py.get_type::<ConflictError>())?;
    m.add("StaleVersionError", py.get_type::<StaleVersionError>())?;
    m.add("StorageError", py.get_type::<StorageError>())?;
    m.add(
        "IncompatibleDatabaseError",
        py.get_type::<IncompatibleDatabaseError>(),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_error_is_lexcase_error_and_value_error() {
        Python::initialize();
        Python::attach(|py| {
            ensure_validation_error_is_value_error(py).expect("bases can be set");
            let err = ValidationError::new_err("bad input");
            assert!(err.is_instance_of::<LexcaseError>(py));
            assert!(err.is_instance_of::<PyValueError>(py));
            assert!(!NotFoundError::new_err("x").is_instance_of::<PyValueError>(py));
        });
    }

    #[test]
    fn stale_version_is_a_conflict() {
        Python::initialize();
        Python::attach(|py| {
            let err = StaleVersionError::new_err("version 3 expected, found 4");
            assert!(err.is_instance_of::<ConflictError>(py));
            assert!(err.is_instance_of::<LexcaseError>(py));
        });
    }
}
