//! `lexcase.open` and `Firm`.

use std::path::PathBuf;
use std::sync::Arc;

use lexcase::access::Role;
use lexcase::audit::AuditKey;
use lexcase::firm::FirmSetup;
use lexcase::service::Firm;
use lexcase::users::NewUser;
use lexcase::{LexcaseError, UserId};
use lexcase_sqlite::{
    DatabaseKey, Durability, SqliteOptions, SqliteStore, blobs_beside, blobs_beside_encrypted,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{Id, decimal_opt, run};
use crate::errors::to_py;
use crate::mail_sender::PySender;
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
/// copying or backing up the firm). Documents and email are rendered from the firm's
/// templates (text, HTML and PDF); email is sent once a transport is set with `with_smtp` or
/// `with_mail_sender`.
///
/// `key` (at least 16 bytes; 32 random bytes are best) encrypts the database (SQLCipher) and
/// the document contents at rest; it is never stored. A file the key does not open raises
/// `IncompatibleDatabaseError` and is left untouched (an encrypted file opened without a key
/// reads as corrupt). `lexcase.ENCRYPTION` says whether this build can encrypt.
///
/// `audit_key` (at least 16 bytes, kept outside the file) seals the audit chain with
/// HMAC-SHA256 from the next event on; once it is, the firm must be opened with the same key
/// to write, and to verify the keyed events.
///
/// With a PostgreSQL URL (`postgresql://user@host/db`) and `firm` (its id, a `uuid.UUID` or
/// its text), opens that firm of the shared database, creating it if the database does not
/// hold it yet; document contents are kept in the database. The schema is migrated on first
/// use. Firms opened on the same URL share one pool of connections. `key` applies to SQLite
/// files only (a PostgreSQL server encrypts its own storage); `audit_key` applies to both.
#[pyfunction]
#[pyo3(signature = (path, durability="full", *, key=None, audit_key=None, firm=None))]
pub fn open(
    py: Python<'_>,
    path: PathBuf,
    durability: &str,
    key: Option<&[u8]>,
    audit_key: Option<&[u8]>,
    firm: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyFirm> {
    let key = key.map(DatabaseKey::new).transpose().map_err(to_py)?;
    let audit_key = audit_key.map(AuditKey::new).transpose().map_err(to_py)?;
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
    // Every firm renders from its templates, and seals its chain when given the audit key.
    let finish = |firm: Firm| {
        let firm = firm.with_engine(Arc::new(lexcase_render::Engine::new()));
        match audit_key {
            Some(key) => firm.with_audit_key(key),
            None => firm,
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
        if key.is_some() {
            return Err(to_py(LexcaseError::validation(
                "key",
                "applies to SQLite files; a PostgreSQL server encrypts its own storage",
            )));
        }
        let url = text.to_owned();
        let opened = run(py, || crate::backends::open_postgres(&url, firm))?;
        return Ok(PyFirm {
            firm: finish(opened),
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
    let opened = run(py, || {
        // The store first: a file that is not a lexcase database gets no blob directory.
        Ok(match &key {
            Some(key) => Firm::new(SqliteStore::open_encrypted(&path, options, key)?)
                .with_blobs(blobs_beside_encrypted(&path, key)?),
            None => Firm::new(SqliteStore::open(&path, options)?).with_blobs(blobs_beside(&path)?),
        })
    })?;
    Ok(PyFirm {
        firm: finish(opened),
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
    /// Writes the whole firm to a new archive file at `path` (a zip of JSON Lines per record
    /// kind, the document contents and the audit log with its head; it refuses a file that
    /// exists) and returns its manifest as a dict. `progress(phase, done, total)` is called as
    /// it goes (`total` is `None` when not known in advance); returning `False` — or raising —
    /// cancels: `CancelledError` (or the callable's exception) and no file is left.
    #[pyo3(signature = (path, *, progress: "_Progress | None"=None) -> "dict[str, object]")]
    fn export_archive(
        &self,
        py: Python<'_>,
        path: PathBuf,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let manifest = crate::progress::run_with_progress(py, progress, |p| {
            crate::archive::export(&self.firm, &path, p)
        })?;
        json_to_py(py, &manifest)
    }

    /// Reads the archive file at `path` into this firm, whose store must be empty (a new file
    /// or firm), and returns its manifest as a dict. The whole archive is checked before
    /// anything is written (a damaged, cut-off or newer archive raises `InvalidArchiveError`),
    /// then it is written in one transaction: records, contents and the audit chain exactly
    /// as exported. `progress` as for `export_archive`; a cancelled import writes nothing.
    #[pyo3(signature = (path, *, progress: "_Progress | None"=None) -> "dict[str, object]")]
    fn import_archive(
        &self,
        py: Python<'_>,
        path: PathBuf,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let manifest = crate::progress::run_with_progress(py, progress, |p| {
            crate::archive::import(&self.firm, &path, p)
        })?;
        json_to_py(py, &manifest)
    }

    /// Whether the firm has been set up.
    fn is_initialised(&self, py: Python<'_>) -> PyResult<bool> {
        run(py, || self.firm.is_initialised())
    }

    /// Sets up a new firm and its first administrator in one audited transaction; returns the
    /// administrator. Raises `ConflictError` if the firm is already set up.
    #[pyo3(signature = (*, name, currency, matter_number_format, time_zone, admin_name, admin_email, admin_timekeeper_code=None, admin_default_rate: "_Amount | None"=None))]
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

    /// The same firm sending email through an SMTP server: `security` is `starttls` (port
    /// 587, STARTTLS required), `tls` (port 465) or `none` (a relay on this machine only;
    /// credentials are refused with it). The password is kept in memory only.
    #[pyo3(signature = (host, port=587, *, security: "Literal['starttls', 'tls', 'none']"="starttls", username=None, password=None, hello_name=None, timeout_seconds=60))]
    fn with_smtp(
        &self,
        host: &str,
        port: u16,
        security: &str,
        username: Option<String>,
        password: Option<String>,
        hello_name: Option<String>,
        timeout_seconds: u64,
    ) -> PyResult<PyFirm> {
        let config = lexcase_smtp::SmtpConfig {
            username,
            password,
            hello_name,
            timeout_seconds,
            ..lexcase_smtp::SmtpConfig::new(
                host,
                port,
                lexcase_smtp::Security::parse(security).map_err(to_py)?,
            )
        };
        let smtp = lexcase_smtp::SmtpTransport::new(&config).map_err(to_py)?;
        Ok(PyFirm {
            firm: self.firm.clone().with_mail_transport(Arc::new(smtp)),
            repr: self.repr.clone(),
        })
    }

    /// The same firm sending email by calling `sender(envelope_from, envelope_to, message)`
    /// (`str`, `list[str]`, `bytes`): for applications that deliver mail their own way. The
    /// message must be delivered exactly as given; an exception raised by `sender` fails the
    /// send (`DeliveryError`) and nothing is recorded.
    #[pyo3(signature = (sender: "_Sender"))]
    fn with_mail_sender(&self, sender: Bound<'_, PyAny>) -> PyResult<PyFirm> {
        if !sender.is_callable() {
            return Err(PyTypeError::new_err("expected a callable sender"));
        }
        Ok(PyFirm {
            firm: self
                .firm
                .clone()
                .with_mail_transport(Arc::new(PySender(sender.unbind()))),
            repr: self.repr.clone(),
        })
    }

    fn __repr__(&self) -> String {
        self.repr.clone()
    }
}

/// A JSON text as Python data (`json.loads`).
fn json_to_py(py: Python<'_>, text: &str) -> PyResult<Py<PyAny>> {
    Ok(py.import("json")?.call_method1("loads", (text,))?.unbind())
}
