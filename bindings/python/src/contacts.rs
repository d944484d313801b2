//! `session.contacts`.

use lexcase::ContactId;
use lexcase::contacts::{
    AffiliationKind, ContactChanges, ContactKind, IdentityStatus, NewContact, VerificationMethod,
};
use lexcase::service::Session;
use pyo3::prelude::*;

use crate::contact_types::{AddressArg, EmailArg, IdentifierArg, PhoneArg, PyContact};
use crate::convert::{DateArg, Id, date_opt, page, parse, parse_opt, run};
use crate::page::PyPage;

/// The contact details given to `create_person`, `create_organisation` and `update`.
struct Details {
    emails: Vec<EmailArg>,
    phones: Vec<PhoneArg>,
    addresses: Vec<AddressArg>,
    identifiers: Vec<IdentifierArg>,
}

impl Details {
    fn into_new(self, new: NewContact) -> NewContact {
        NewContact {
            emails: self.emails.into_iter().map(|e| e.0).collect(),
            phones: self.phones.into_iter().map(|p| p.0).collect(),
            addresses: self.addresses.into_iter().map(|a| a.0).collect(),
            identifiers: self.identifiers.into_iter().map(|i| i.0).collect(),
            ..new
        }
    }
}

/// Contacts of the firm (`session.contacts`): people and organisations. Everybody may read
/// them; changing them needs the `manage_contacts` capability.
#[pyclass(frozen, module = "lexcase", name = "ContactService")]
pub struct PyContactService(pub Session);

#[pymethods]
impl PyContactService {
    /// Creates a person. `emails` and `phones` take `str` or `Email`/`Phone` items.
    #[pyo3(signature = (*, given_name, family_name, title=None, emails=Vec::new(), phones=Vec::new(), addresses=Vec::new(), identifiers=Vec::new()))]
    fn create_person(
        &self,
        py: Python<'_>,
        given_name: &str,
        family_name: &str,
        title: Option<String>,
        emails: Vec<EmailArg>,
        phones: Vec<PhoneArg>,
        addresses: Vec<AddressArg>,
        identifiers: Vec<IdentifierArg>,
    ) -> PyResult<PyContact> {
        let details = Details {
            emails,
            phones,
            addresses,
            identifiers,
        };
        let new = details.into_new(NewContact {
            title,
            ..NewContact::person(given_name, family_name)
        });
        run(py, || self.0.contacts().create(new)).map(PyContact)
    }

    /// Creates an organisation (a company, partnership, public body, court …).
    #[pyo3(signature = (*, name, emails=Vec::new(), phones=Vec::new(), addresses=Vec::new(), identifiers=Vec::new()))]
    fn create_organisation(
        &self,
        py: Python<'_>,
        name: &str,
        emails: Vec<EmailArg>,
        phones: Vec<PhoneArg>,
        addresses: Vec<AddressArg>,
        identifiers: Vec<IdentifierArg>,
    ) -> PyResult<PyContact> {
        let details = Details {
            emails,
            phones,
            addresses,
            identifiers,
        };
        let new = details.into_new(NewContact::organisation(name));
        run(py, || self.0.contacts().create(new)).map(PyContact)
    }

    /// A contact by id.
    fn get(&self, py: Python<'_>, id: Id<ContactId>) -> PyResult<PyContact> {
        run(py, || self.0.contacts().get(id.0)).map(PyContact)
    }

    /// Contacts with a word of their name starting with `prefix` (case and accents ignored;
    /// `""` lists all), optionally only `kind` (`person` or `organisation`), by sort name.
    #[pyo3(signature = (prefix="", *, kind=None, offset=0, limit=50, after=None) -> "Page[Contact]")]
    fn search(
        &self,
        py: Python<'_>,
        prefix: &str,
        kind: Option<&str>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let kind = parse_opt::<ContactKind>(kind)?;
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.contacts().search(prefix, kind, page))?;
        PyPage::new(py, paged, PyContact)
    }

    /// Changes names or replaces whole lists of details; `None` leaves a field as it is and
    /// `""` clears an optional name.
    #[pyo3(signature = (id, expected_version, *, title=None, given_name=None, family_name=None, organisation_name=None, emails=None, phones=None, addresses=None, identifiers=None))]
    fn update(
        &self,
        py: Python<'_>,
        id: Id<ContactId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        title: Option<String>,
        given_name: Option<String>,
        family_name: Option<String>,
        organisation_name: Option<String>,
        emails: Option<Vec<EmailArg>>,
        phones: Option<Vec<PhoneArg>>,
        addresses: Option<Vec<AddressArg>>,
        identifiers: Option<Vec<IdentifierArg>>,
    ) -> PyResult<PyContact> {
        let changes = ContactChanges {
            title,
            given_name,
            family_name,
            organisation_name,
            emails: emails.map(|v| v.into_iter().map(|e| e.0).collect()),
            phones: phones.map(|v| v.into_iter().map(|p| p.0).collect()),
            addresses: addresses.map(|v| v.into_iter().map(|a| a.0).collect()),
            identifiers: identifiers.map(|v| v.into_iter().map(|i| i.0).collect()),
        };
        run(py, || {
            self.0.contacts().update(id.0, expected_version, changes)
        })
        .map(PyContact)
    }

    /// Records the outcome of identity verification: `status` is `not_verified`, `pending`,
    /// `verified` (needs `checked_on` and `method`) or `failed` (needs `checked_on`).
    #[pyo3(signature = (id, expected_version, *, status, checked_on=None, method=None))]
    fn record_identity_verification(
        &self,
        py: Python<'_>,
        id: Id<ContactId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        status: &str,
        checked_on: Option<DateArg>,
        method: Option<&str>,
    ) -> PyResult<PyContact> {
        let status = parse::<IdentityStatus>(status)?;
        let method = parse_opt::<VerificationMethod>(method)?;
        let checked_on = date_opt(checked_on);
        run(py, || {
            self.0.contacts().record_identity_verification(
                id.0,
                expected_version,
                status,
                checked_on,
                method,
            )
        })
        .map(PyContact)
    }

    /// Records that this contact `kind` (`works_for`, `subsidiary_of`) the contact `other`.
    #[pyo3(signature = (id, expected_version, *, kind, other, position=None))]
    fn add_affiliation(
        &self,
        py: Python<'_>,
        id: Id<ContactId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        kind: &str,
        other: Id<ContactId>,
        position: Option<&str>,
    ) -> PyResult<PyContact> {
        let kind = parse::<AffiliationKind>(kind)?;
        run(py, || {
            self.0
                .contacts()
                .add_affiliation(id.0, expected_version, kind, other.0, position)
        })
        .map(PyContact)
    }

    /// Removes an affiliation.
    #[pyo3(signature = (id, expected_version, *, kind, other))]
    fn remove_affiliation(
        &self,
        py: Python<'_>,
        id: Id<ContactId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        kind: &str,
        other: Id<ContactId>,
    ) -> PyResult<PyContact> {
        let kind = parse::<AffiliationKind>(kind)?;
        run(py, || {
            self.0
                .contacts()
                .remove_affiliation(id.0, expected_version, kind, other.0)
        })
        .map(PyContact)
    }
}
