//! The Python exception hierarchy of lexcase.
//!
//! Every error raised by lexcase derives from [`LexcaseError`]. [`ValidationError`] is also a
//! `ValueError`, so callers that already catch `ValueError` for bad input keep working.
//! The types are created with pyo3's `create_exception!`, so Rust code raises them with e.g.
//! `NotFoundError::new_err("matter not found")`.

use lexcase::LexcaseError as CoreError;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};

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
    IntegrityError,
    StorageError,
    "Stored data no longer matches its checksum (a document's contents were changed)."
);
create_exception!(
    lexcase,
    IncompatibleDatabaseError,
    StorageError,
    "The database file was written by a newer lexcase or is not a lexcase database."
);

create_exception!(
    lexcase,
    TemplateError,
    LexcaseError,
    "A document or email template was refused: it does not parse, names a merge field its kind does not have, or failed when rendered."
);
create_exception!(
    lexcase,
    DeliveryError,
    LexcaseError,
    "A message could not be handed to the mail transport; nothing was recorded."
);
create_exception!(
    lexcase,
    InvalidArchiveError,
    LexcaseError,
    "A firm archive is not one, is damaged or cut off, or is newer than this lexcase; nothing was written."
);
create_exception!(
    lexcase,
    CancelledError,
    LexcaseError,
    "The progress callback cancelled the call; nothing was written."
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

/// Converts a core error into the Python exception of its variant.
///
/// The message is the core's `Display` text (never client data). Every exception carries
/// `code` (the stable [`lexcase::ErrorCode`] string) and the variant's fields as attributes:
/// `entity`, `field`, `reason`, `action`, `from_state`, `to_state`, `expected`, `actual`,
/// `template`, `part`, `line`, `permanent`, `smtp_code`.
pub fn to_py(err: CoreError) -> PyErr {
    // If building the exception fails (out of memory), raise that failure instead.
    Python::attach(|py| build(py, &err).unwrap_or_else(|failure| failure))
}

/// The values behind a refusal as a dict (`kind` and its values; money as `Decimal` amounts
/// with their `currency`), or `None`.
fn detail_dict<'py>(
    py: Python<'py>,
    detail: Option<&lexcase::ErrorDetail>,
) -> PyResult<Bound<'py, PyAny>> {
    use lexcase::ErrorDetail;
    let Some(detail) = detail else {
        return Ok(py.None().into_bound(py));
    };
    let dict = pyo3::types::PyDict::new(py);
    match detail {
        ErrorDetail::Overdraw {
            balance,
            withdrawal,
        } => {
            dict.set_item("kind", "overdraw")?;
            dict.set_item("balance", balance.amount)?;
            dict.set_item("withdrawal", withdrawal.amount)?;
            dict.set_item("currency", balance.currency.code())?;
        }
        ErrorDetail::Outstanding { outstanding } => {
            dict.set_item("kind", "outstanding")?;
            dict.set_item("outstanding", outstanding.amount)?;
            dict.set_item("currency", outstanding.currency.code())?;
        }
        ErrorDetail::Address { address } => {
            dict.set_item("kind", "address")?;
            dict.set_item("address", address)?;
        }
    }
    Ok(dict.into_any())
}

fn build(py: Python<'_>, err: &CoreError) -> PyResult<PyErr> {
    let (class, attrs): (Bound<'_, PyType>, Vec<(&str, Bound<'_, PyAny>)>) = match err {
        CoreError::NotFound { entity } => (
            py.get_type::<NotFoundError>(),
            vec![("entity", entity.into_pyobject(py)?.into_any())],
        ),
        CoreError::Validation {
            field,
            reason,
            detail,
        } => (
            py.get_type::<ValidationError>(),
            vec![
                ("field", field.into_pyobject(py)?.into_any()),
                ("reason", reason.into_pyobject(py)?.into_any()),
                ("detail", detail_dict(py, detail.as_deref())?),
            ],
        ),
        CoreError::PermissionDenied { action } => (
            py.get_type::<PermissionDeniedError>(),
            vec![("action", action.into_pyobject(py)?.into_any())],
        ),
        CoreError::InvalidTransition { entity, from, to } => (
            py.get_type::<InvalidTransitionError>(),
            vec![
                ("entity", entity.into_pyobject(py)?.into_any()),
                ("from_state", from.into_pyobject(py)?.into_any()),
                ("to_state", to.into_pyobject(py)?.into_any()),
            ],
        ),
        CoreError::StaleVersion {
            entity,
            expected,
            actual,
        } => (
            py.get_type::<StaleVersionError>(),
            vec![
                ("entity", entity.into_pyobject(py)?.into_any()),
                ("expected", expected.into_pyobject(py)?.into_any()),
                ("actual", actual.into_pyobject(py)?.into_any()),
                ("reason", err.to_string().into_pyobject(py)?.into_any()),
            ],
        ),
        CoreError::Conflict { reason } => (
            py.get_type::<ConflictError>(),
            vec![("reason", reason.into_pyobject(py)?.into_any())],
        ),
        CoreError::Storage { message } => (
            py.get_type::<StorageError>(),
            vec![("reason", message.into_pyobject(py)?.into_any())],
        ),
        CoreError::Integrity { reason } => (
            py.get_type::<IntegrityError>(),
            vec![("reason", reason.into_pyobject(py)?.into_any())],
        ),
        CoreError::IncompatibleDatabase { reason } => (
            py.get_type::<IncompatibleDatabaseError>(),
            vec![("reason", reason.to_string().into_pyobject(py)?.into_any())],
        ),
        CoreError::Template {
            template,
            part,
            line,
            field,
            reason,
        } => (
            py.get_type::<TemplateError>(),
            vec![
                ("template", template.into_pyobject(py)?.into_any()),
                ("part", part.into_pyobject(py)?.into_any()),
                ("line", line.into_pyobject(py)?.into_any()),
                ("field", field.into_pyobject(py)?.into_any()),
                ("reason", reason.into_pyobject(py)?.into_any()),
            ],
        ),
        CoreError::Delivery {
            reason,
            permanent,
            code,
        } => (
            py.get_type::<DeliveryError>(),
            vec![
                ("reason", reason.into_pyobject(py)?.into_any()),
                (
                    "permanent",
                    permanent.into_pyobject(py)?.to_owned().into_any(),
                ),
                ("smtp_code", code.into_pyobject(py)?.into_any()),
            ],
        ),
        CoreError::InvalidArchive { reason } => (
            py.get_type::<InvalidArchiveError>(),
            vec![("reason", reason.into_pyobject(py)?.into_any())],
        ),
        CoreError::Cancelled => (py.get_type::<CancelledError>(), vec![]),
    };
    let exception = class.call1((err.to_string(),))?;
    exception.setattr("code", err.code().as_str())?;
    for (name, value) in attrs {
        exception.setattr(name, value)?;
    }
    Ok(PyErr::from_value(exception))
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
    m.add("IntegrityError", py.get_type::<IntegrityError>())?;
    m.add(
        "IncompatibleDatabaseError",
        py.get_type::<IncompatibleDatabaseError>(),
    )?;
    m.add("TemplateError", py.get_type::<TemplateError>())?;
    m.add("DeliveryError", py.get_type::<DeliveryError>())?;
    m.add("InvalidArchiveError", py.get_type::<InvalidArchiveError>())?;
    m.add("CancelledError", py.get_type::<CancelledError>())?;
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
    fn core_errors_become_their_exception_with_attributes() {
        Python::initialize();
        Python::attach(|py| {
            ensure_validation_error_is_value_error(py).expect("bases can be set");
            let err = to_py(CoreError::validation("title", "must not be empty"));
            assert!(err.is_instance_of::<ValidationError>(py));
            let value = err.value(py);
            let get = |name: &str| -> String {
                value
                    .getattr(name)
                    .and_then(|v| v.extract())
                    .expect("attribute is a str")
            };
            assert_eq!(get("code"), "validation");
            assert_eq!(get("field"), "title");
            assert_eq!(get("reason"), "must not be empty");
            assert_eq!(
                value.str().expect("str").to_string(),
                "invalid title: must not be empty"
            );

            let err = to_py(CoreError::StaleVersion {
                entity: "matter",
                expected: 3,
                actual: 4,
            });
            assert!(err.is_instance_of::<ConflictError>(py));
            let actual: u64 = err
                .value(py)
                .getattr("actual")
                .and_then(|v| v.extract())
                .expect("actual is an int");
            assert_eq!(actual, 4);
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
