//! `lexcase.open` and `Firm`.

use std::path::PathBuf;

use lexcase::access::Role;
use lexcase::firm::FirmSetup;
use lexcase::service::Firm;
use lexcase::users::NewUser;
use lexcase::{LexcaseError, UserId};
use lexcase_sqlite::{Durability, SqliteOptions, SqliteStore, blobs_beside};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{Id, decimal_opt, run};
use crate::errors::to_py;
use crate::session::PySession;
use crate::settings::PyFirmSettings;
use crate::users::PyUser;

/// Opens (creating if absent) the firm database at `path`, or a private in-memory one for
/// `":memory:"`. `durability="full"` (the default) makes every commit survive a power cut;
/// `"normal"` only a crash of the process, and is faster.
///
/// A file that is not a lexcase database, or one written by a newer lexcase, raises
/// `IncompatibleDatabaseError` and is left untouched.
///
/// Document contents are kept in memory for `":memory:"`, and otherwise in the directory
/// `<path>.blobs` beside the database file (created if missing; keep it with the file when
/// copying or backing up the firm).
///
/// With a PostgreSQL URL (`postgresql://user@host/db`) and `firm` (its id, a `uuid.UUID` or
/// its text), opens that firm of the shared database, creating it if the database does not
/// hold it yet; document contents are kept in the database. The schema is migrated on first
/// use. Firms opened on the same URL share one pool of connections.
#[pyfunction]
#[pyo3(signature = (path, durability="full", *, firm=None))]
pub fn open(
    py: Python<'_>,
    path: PathBuf,
    durability: &str,
    firm: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyFirm> {
    let durability = match durability {
        "full" => Durability::Full,
        "normal" => Durability::Normal,
        _ => {
            return Err(to_py(LexcaseError::validation(
                "durability",
                "expected full or normal",
            )));
        }
    };
    let text = path.to_str().unwrap_or_default();
    if crate::backends::is_postgres_url(text) {
        let firm = crate::backends::firm_id(firm)?;
        if durability != Durability::Full {
            return Err(to_py(LexcaseError::validation(
                "durability",
                "applies to SQLite files; on PostgreSQL the server's settings decide",
            )));
        }
        let url = text.to_owned();
        let opened = run(py, || crate::backends::open_postgres(&url, firm))?;
        return Ok(PyFirm {
            firm: opened,
            repr: format!(
                "Firm(url={}, firm={})",
                PyString::new(py, &crate::backends::without_credentials(text)).repr()?,
                PyString::new(py, &firm.to_string()).repr()?
            ),
        });
    }
    if firm.is_some() {
        return Err(to_py(LexcaseError::validation(
            "firm",
            "a firm id is given with a PostgreSQL URL only (a file holds one firm)",
        )));
    }
    let options = SqliteOptions {
        durability,
        ..SqliteOptions::default()
    };
    let firm = run(py, || {
        // The store first: a file that is not a lexcase database gets no blob directory.
        let store = SqliteStore::open(&path, options)?;
        Ok(Firm::new(store).with_blobs(blobs_beside(&path)?))
    })?;
    Ok(PyFirm {
        firm,
        repr: format!(
            "Firm(path={})",
            PyString::new(py, &path.display().to_string()).repr()?
        ),
    })
}

/// A firm: one database (or one firm of a PostgreSQL database). Set it up once with
/// `initialise`, then act through a `Session` for a user. Share it freely between threads.
#[pyclass(frozen, module = "lexcase", name = "Firm")]
pub struct PyFirm {
    firm: Firm,
    /// What `repr` shows: the path, or the URL without credentials and the firm's id.
    repr: String,
}

#[pymethods]
impl PyFirm {
    /// Whether the firm has been set up.
    fn is_initialised(&self, py: Python<'_>) -> PyResult<bool> {
        run(py, || self.firm.is_initialised())
    }

    /// Sets up a new firm and its first administrator in one audited transaction; returns the
    /// administrator. Raises `ConflictError` if the firm is already set up.
    #[pyo3(signature = (*, name, currency, matter_number_format, time_zone, admin_name, admin_email, admin_timekeeper_code=None, admin_default_rate=None))]
    fn initialise(
        &self,
        py: Python<'_>,
        name: String,
        currency: String,
        matter_number_format: String,
        time_zone: String,
        admin_name: String,
        admin_email: String,
        admin_timekeeper_code: Option<String>,
        admin_default_rate: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyUser> {
        let setup = FirmSetup {
            name,
            default_currency: currency,
            matter_number_format,
            time_zone,
        };
        let admin = NewUser {
            name: admin_name,
            email: admin_email,
            role: Role::Admin,
            default_rate: decimal_opt(admin_default_rate, "admin_default_rate")?,
            rate_currency: None,
            timekeeper_code: admin_timekeeper_code,
        };
        run(py, || self.firm.initialise(&setup, &admin)).map(PyUser)
    }

    /// The firm's settings.
    fn settings(&self, py: Python<'_>) -> PyResult<PyFirmSettings> {
        run(py, || self.firm.settings()).map(PyFirmSettings)
    }

    /// A session acting as the user with this id, who must exist and be active.
    fn session(&self, py: Python<'_>, user_id: Id<UserId>) -> PyResult<PySession> {
        run(py, || self.firm.session(user_id.0)).map(PySession)
    }

    /// A session acting as the user with this email (once the front end has authenticated
    /// them), who must exist and be active.
    fn session_by_email(&self, py: Python<'_>, email: &str) -> PyResult<PySession> {
        run(py, || self.firm.session_by_email(email)).map(PySession)
    }

    fn __repr__(&self) -> String {
        self.repr.clone()
    }
}
