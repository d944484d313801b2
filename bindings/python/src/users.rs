//! `User` and `session.users`.

use lexcase::UserId;
use lexcase::access::Role;
use lexcase::service::Session;
use lexcase::users::{NewUser, User, UserChanges};
use pyo3::prelude::*;

use crate::convert::{Id, decimal_opt, page, parse, parse_opt, run};
use crate::page::PyPage;
use crate::record::py_record;

py_record! {
    /// A user of the firm (fee earner or staff). `default_rate` is `None` when the viewer may not
    /// see rates.
    PyUser(User) as "User" eq;
    repr(id, name, email, role, active, version);
    |u| {
        /// Identifier.
        id,
        /// Full name.
        name,
        /// Email, unique in the firm.
        email,
        /// Firm role: `admin`, `partner`, `fee_earner`, `paralegal`, `secretary`, `accounts` or
        /// `read_only`.
        role,
        /// Default hourly rate (exact), or `None` (none set, or hidden from the viewer).
        default_rate = u.default_rate.map(|m| m.amount),
        /// ISO 4217 currency of the default rate.
        rate_currency = u.default_rate.map(|m| m.currency),
        /// LEDES timekeeper classification code, e.g. `PT`, `AS`, `PL`.
        timekeeper_code,
        /// Whether the user may act (inactive users keep their history).
        active,
        /// When the user was created (UTC).
        created_at,
        /// Optimistic-concurrency version: pass it back as `expected_version` to change the user.
        version,
    }
}

/// The firm's users (`session.users`). Everybody may list users; creating and changing them
/// needs the `manage_users` capability.
#[pyclass(frozen, module = "lexcase", name = "UserService")]
pub struct PyUserService(pub Session);

#[pymethods]
impl PyUserService {
    /// The acting user.
    fn me(&self, py: Python<'_>) -> PyResult<PyUser> {
        run(py, || self.0.users().me()).map(PyUser)
    }

    /// Creates a user. `role` is a role name; `default_rate` is a `decimal.Decimal` or a string
    /// (never a float), in `rate_currency` or the firm's currency.
    #[pyo3(signature = (*, name, email, role, default_rate: "_Amount | None"=None, rate_currency=None, timekeeper_code=None))]
    fn create(
        &self,
        py: Python<'_>,
        name: String,
        email: String,
        role: &str,
        default_rate: Option<&Bound<'_, PyAny>>,
        rate_currency: Option<String>,
        timekeeper_code: Option<String>,
    ) -> PyResult<PyUser> {
        let new = NewUser {
            name,
            email,
            role: parse::<Role>(role)?,
            default_rate: decimal_opt(default_rate, "default_rate")?,
            rate_currency,
            timekeeper_code,
        };
        run(py, || self.0.users().create(&new)).map(PyUser)
    }

    /// A user by id.
    fn get(&self, py: Python<'_>, id: Id<UserId>) -> PyResult<PyUser> {
        run(py, || self.0.users().get(id.0)).map(PyUser)
    }

    /// Users ordered by name, one page at a time.
    #[pyo3(signature = (*, offset=0, limit=50, after=None) -> "Page[User]")]
    fn list(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.users().list(page))?;
        PyPage::new(py, paged, PyUser)
    }

    /// Changes a user; `None` leaves a field as it is. `timekeeper_code=""` clears the code.
    /// The firm always keeps an active admin.
    #[pyo3(signature = (id, expected_version, *, name=None, email=None, role=None, default_rate: "_Amount | None"=None, rate_currency=None, timekeeper_code=None, active=None))]
    fn update(
        &self,
        py: Python<'_>,
        id: Id<UserId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        name: Option<String>,
        email: Option<String>,
        role: Option<&str>,
        default_rate: Option<&Bound<'_, PyAny>>,
        rate_currency: Option<String>,
        timekeeper_code: Option<String>,
        active: Option<bool>,
    ) -> PyResult<PyUser> {
        let changes = UserChanges {
            name,
            email,
            role: parse_opt::<Role>(role)?,
            default_rate: decimal_opt(default_rate, "default_rate")?,
            rate_currency,
            timekeeper_code,
            active,
        };
        run(py, || {
            self.0.users().update(id.0, expected_version, &changes)
        })
        .map(PyUser)
    }
}
