//! `Contact` and its parts: `Email`, `Phone`, `PostalAddress`, `Identifier` (constructible from
//! Python, the core checks them when a contact is saved), `Affiliation` and
//! `IdentityVerification`.

use chrono::{DateTime, NaiveDate, Utc};
use lexcase::contacts::{
    Affiliation, Contact, Email, Identifier, IdentifierKind, IdentityVerification, Phone,
    PostalAddress,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use uuid::Uuid;

use crate::convert::{parse, repr};

/// An email address with an optional label ("work", "home"). Where a list of emails is
/// expected, a plain `str` is accepted too.
#[pyclass(frozen, eq, hash, module = "lexcase", name = "Email")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyEmail(pub Email);

#[pymethods]
impl PyEmail {
    #[new]
    #[pyo3(signature = (address, label=None))]
    fn new(address: String, label: Option<String>) -> Self {
        Self(Email { address, label })
    }

    /// The address.
    #[getter]
    fn address(&self) -> &str {
        &self.0.address
    }

    /// Optional label.
    #[getter]
    fn label(&self) -> Option<&str> {
        self.0.label.as_deref()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["address", "label"])
    }
}

/// A telephone number with an optional label. Where a list of phones is expected, a plain
/// `str` is accepted too.
#[pyclass(frozen, eq, hash, module = "lexcase", name = "Phone")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyPhone(pub Phone);

#[pymethods]
impl PyPhone {
    #[new]
    #[pyo3(signature = (number, label=None))]
    fn new(number: String, label: Option<String>) -> Self {
        Self(Phone { number, label })
    }

    /// The number as written.
    #[getter]
    fn number(&self) -> &str {
        &self.0.number
    }

    /// Optional label.
    #[getter]
    fn label(&self) -> Option<&str> {
        self.0.label.as_deref()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["number", "label"])
    }
}

/// A postal address: 1 to 4 street lines, locality, region, postal code, ISO 3166-1 alpha-2
/// country code and an optional label.
#[pyclass(frozen, eq, hash, module = "lexcase", name = "PostalAddress")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyPostalAddress(pub PostalAddress);

#[pymethods]
impl PyPostalAddress {
    #[new]
    #[pyo3(signature = (lines, locality=None, region=None, postal_code=None, country=None, label=None))]
    fn new(
        lines: Vec<String>,
        locality: Option<String>,
        region: Option<String>,
        postal_code: Option<String>,
        country: Option<String>,
        label: Option<String>,
    ) -> Self {
        Self(PostalAddress {
            lines,
            locality,
            region,
            postal_code,
            country,
            label,
        })
    }

    /// Street lines.
    #[getter]
    fn lines(&self) -> Vec<String> {
        self.0.lines.clone()
    }

    /// Town or city.
    #[getter]
    fn locality(&self) -> Option<&str> {
        self.0.locality.as_deref()
    }

    /// County, state or region.
    #[getter]
    fn region(&self) -> Option<&str> {
        self.0.region.as_deref()
    }

    /// Postcode or ZIP code.
    #[getter]
    fn postal_code(&self) -> Option<&str> {
        self.0.postal_code.as_deref()
    }

    /// ISO 3166-1 alpha-2 country code.
    #[getter]
    fn country(&self) -> Option<&str> {
        self.0.country.as_deref()
    }

    /// Optional label ("registered office").
    #[getter]
    fn label(&self) -> Option<&str> {
        self.0.label.as_deref()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &[
                "lines",
                "locality",
                "region",
                "postal_code",
                "country",
                "label",
            ],
        )
    }
}

/// An official identifier: `kind` is `company_number`, `tax_id`, `vat_number` or `other`;
/// `jurisdiction` an ISO 3166-1 alpha-2 country code.
#[pyclass(frozen, eq, hash, module = "lexcase", name = "Identifier")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyIdentifier(pub Identifier);

#[pymethods]
impl PyIdentifier {
    #[new]
    #[pyo3(signature = (kind, value, jurisdiction=None))]
    fn new(kind: &str, value: String, jurisdiction: Option<String>) -> PyResult<Self> {
        Ok(Self(Identifier {
            kind: parse::<IdentifierKind>(kind)?,
            value,
            jurisdiction,
        }))
    }

    /// The kind of identifier.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The value, as issued.
    #[getter]
    fn value(&self) -> &str {
        &self.0.value
    }

    /// Issuing country, if known.
    #[getter]
    fn jurisdiction(&self) -> Option<&str> {
        self.0.jurisdiction.as_deref()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["kind", "value", "jurisdiction"])
    }
}

/// This contact `kind` (`works_for`, `subsidiary_of`) the contact `other`.
#[pyclass(frozen, eq, hash, module = "lexcase", name = "Affiliation")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyAffiliation(pub Affiliation);

#[pymethods]
impl PyAffiliation {
    /// `works_for` or `subsidiary_of`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The other contact's id.
    #[getter]
    fn other(&self) -> Uuid {
        self.0.other.into()
    }

    /// Position or description, e.g. "Finance Director".
    #[getter]
    fn position(&self) -> Option<&str> {
        self.0.position.as_deref()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["kind", "other", "position"])
    }
}

/// A contact's identity verification (AML): `status` is `not_verified`, `pending`, `verified`
/// or `failed`; `method` `in_person`, `electronic`, `certified_copies`, `video_call` or
/// `reliance`.
#[pyclass(frozen, eq, module = "lexcase", name = "IdentityVerification")]
#[derive(Clone, PartialEq)]
pub struct PyIdentityVerification(pub IdentityVerification);

#[pymethods]
impl PyIdentityVerification {
    /// Current status.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// Date of the check.
    #[getter]
    fn checked_on(&self) -> Option<NaiveDate> {
        self.0.checked_on
    }

    /// How identity was checked.
    #[getter]
    fn method(&self) -> Option<&'static str> {
        self.0.method.map(|m| m.as_str())
    }

    /// Who recorded it.
    #[getter]
    fn recorded_by(&self) -> Option<Uuid> {
        self.0.recorded_by.map(Uuid::from)
    }

    /// When it was recorded (UTC).
    #[getter]
    fn recorded_at(&self) -> Option<DateTime<Utc>> {
        self.0.recorded_at
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["status", "checked_on", "method"])
    }
}

/// A contact: a person or an organisation (`kind` is `person` or `organisation`).
#[pyclass(frozen, eq, module = "lexcase", name = "Contact")]
#[derive(PartialEq)]
pub struct PyContact(pub Contact);

#[pymethods]
impl PyContact {
    /// Identifier.
    #[getter]
    fn id(&self) -> Uuid {
        self.0.id.into()
    }

    /// `person` or `organisation`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// Honorific of a person ("Dr", "Ms").
    #[getter]
    fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }

    /// Given name(s) of a person.
    #[getter]
    fn given_name(&self) -> Option<&str> {
        self.0.given_name.as_deref()
    }

    /// Family name of a person.
    #[getter]
    fn family_name(&self) -> Option<&str> {
        self.0.family_name.as_deref()
    }

    /// Name of an organisation.
    #[getter]
    fn organisation_name(&self) -> Option<&str> {
        self.0.organisation_name.as_deref()
    }

    /// The name to show: "Jane Smith" or "Acme Ltd".
    #[getter]
    fn display_name(&self) -> String {
        self.0.display_name()
    }

    /// Email addresses.
    #[getter]
    fn emails(&self) -> Vec<PyEmail> {
        self.0.emails.iter().cloned().map(PyEmail).collect()
    }

    /// Telephone numbers.
    #[getter]
    fn phones(&self) -> Vec<PyPhone> {
        self.0.phones.iter().cloned().map(PyPhone).collect()
    }

    /// Postal addresses.
    #[getter]
    fn addresses(&self) -> Vec<PyPostalAddress> {
        self.0
            .addresses
            .iter()
            .cloned()
            .map(PyPostalAddress)
            .collect()
    }

    /// Official identifiers.
    #[getter]
    fn identifiers(&self) -> Vec<PyIdentifier> {
        self.0
            .identifiers
            .iter()
            .cloned()
            .map(PyIdentifier)
            .collect()
    }

    /// Organisations this contact works for or is a subsidiary of.
    #[getter]
    fn affiliations(&self) -> Vec<PyAffiliation> {
        self.0
            .affiliations
            .iter()
            .cloned()
            .map(PyAffiliation)
            .collect()
    }

    /// Identity verification (AML).
    #[getter]
    fn identity(&self) -> PyIdentityVerification {
        PyIdentityVerification(self.0.identity.clone())
    }

    /// When created (UTC).
    #[getter]
    fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Optimistic-concurrency version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["id", "kind", "display_name", "version"])
    }
}

fn wrong_item(what: &str, expected: &str, obj: &Bound<'_, PyAny>) -> PyErr {
    let got = obj
        .get_type()
        .qualname()
        .map(|n| n.to_string())
        .unwrap_or_default();
    PyTypeError::new_err(format!("{what}: expected {expected}, got {got}"))
}

/// An item of `emails=`: a `str` or an `Email`.
pub(crate) struct EmailArg(pub Email);

impl<'a, 'py> FromPyObject<'a, 'py> for EmailArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyString>() {
            return Ok(Self(Email {
                address: obj.extract()?,
                label: None,
            }));
        }
        match obj.cast::<PyEmail>() {
            Ok(email) => Ok(Self(email.get().0.clone())),
            Err(_) => Err(wrong_item("emails", "str or lexcase.Email", &obj)),
        }
    }
}

/// An item of `phones=`: a `str` or a `Phone`.
pub(crate) struct PhoneArg(pub Phone);

impl<'a, 'py> FromPyObject<'a, 'py> for PhoneArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyString>() {
            return Ok(Self(Phone {
                number: obj.extract()?,
                label: None,
            }));
        }
        match obj.cast::<PyPhone>() {
            Ok(phone) => Ok(Self(phone.get().0.clone())),
            Err(_) => Err(wrong_item("phones", "str or lexcase.Phone", &obj)),
        }
    }
}

/// An item of `addresses=`: a `PostalAddress`.
pub(crate) struct AddressArg(pub PostalAddress);

impl<'a, 'py> FromPyObject<'a, 'py> for AddressArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match obj.cast::<PyPostalAddress>() {
            Ok(address) => Ok(Self(address.get().0.clone())),
            Err(_) => Err(wrong_item("addresses", "lexcase.PostalAddress", &obj)),
        }
    }
}

/// An item of `identifiers=`: an `Identifier`.
pub(crate) struct IdentifierArg(pub Identifier);

impl<'a, 'py> FromPyObject<'a, 'py> for IdentifierArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match obj.cast::<PyIdentifier>() {
            Ok(identifier) => Ok(Self(identifier.get().0.clone())),
            Err(_) => Err(wrong_item("identifiers", "lexcase.Identifier", &obj)),
        }
    }
}
