//! The PostgreSQL side of `lexcase.open`: telling a URL from a path, the firm's id, and one
//! connected database per URL for the whole process (its firms share the pool).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use lexcase::LexcaseError;
use lexcase::service::Firm;
use lexcase_postgres::{PgDatabase, PgOptions};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use uuid::Uuid;

use crate::errors::to_py;

/// Whether `path` is a PostgreSQL URL rather than a file.
pub(crate) fn is_postgres_url(path: &str) -> bool {
    path.starts_with("postgresql://") || path.starts_with("postgres://")
}

/// The firm's id: a `uuid.UUID` or its text; required with a URL.
pub(crate) fn firm_id(firm: Option<&Bound<'_, PyAny>>) -> PyResult<Uuid> {
    let Some(firm) = firm else {
        return Err(to_py(LexcaseError::validation(
            "firm",
            "a PostgreSQL database holds many firms: name one (firm=its id)",
        )));
    };
    if firm.is_instance_of::<PyString>() {
        return firm
            .extract::<String>()?
            .parse()
            .map_err(|_| to_py(LexcaseError::validation("firm", "not a UUID")));
    }
    firm.extract::<Uuid>()
        .map_err(|_| PyTypeError::new_err("firm must be a uuid.UUID or its text"))
}

/// `url` without its user name and password (for `repr`).
pub(crate) fn without_credentials(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_owned(),
    }
}

/// Opens firm `firm` on the database at `url` (connected once per process and URL), with its
/// document contents in the database.
pub(crate) fn open_postgres(url: &str, firm: Uuid) -> lexcase::Result<Firm> {
    static DATABASES: OnceLock<Mutex<HashMap<String, PgDatabase>>> = OnceLock::new();
    let database = {
        let mut open = DATABASES
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        match open.get(url) {
            Some(db) => db.clone(),
            None => {
                let db = PgDatabase::connect(url, PgOptions::default())?;
                open.insert(url.to_owned(), db.clone());
                db
            }
        }
    };
    let store = database.open_firm(firm)?;
    let blobs = store.blobs();
    Ok(Firm::new(store).with_blobs(std::sync::Arc::new(blobs)))
}

/// Brings lexcase's schema in the PostgreSQL database at `url` up to date, connecting as the
/// role that owns it (or may create it), and grants `app_role` (a login role for the
/// application, which must exist) what the application needs and nothing more. Returns the
/// schema version it found. A schema that is not lexcase's, or is newer, raises
/// `IncompatibleDatabaseError` and is left as it was.
#[pyfunction]
#[pyo3(signature = (url, *, app_role=None))]
pub fn migrate_postgres(py: Python<'_>, url: String, app_role: Option<String>) -> PyResult<i64> {
    if !is_postgres_url(&url) {
        return Err(to_py(LexcaseError::validation(
            "url",
            "expected a postgresql:// URL",
        )));
    }
    let options = lexcase_postgres::MigrateOptions {
        app_role,
        ..lexcase_postgres::MigrateOptions::default()
    };
    crate::convert::run(py, || lexcase_postgres::migrate(&url, &options))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths_and_shown_without_credentials() {
        assert!(is_postgres_url("postgresql://app@db/firms"));
        assert!(is_postgres_url("postgres://db/firms"));
        assert!(!is_postgres_url("firms.lexcase"));
        assert!(!is_postgres_url(":memory:"));
        assert_eq!(
            without_credentials("postgresql://app:secret@db:5432/firms?sslmode=disable"),
            "postgresql://db:5432/firms?sslmode=disable"
        );
        assert_eq!(
            without_credentials("postgres://db/firms"),
            "postgres://db/firms"
        );
    }
}
