//! `Contact` and its parts: `Email`, `Phone`, `PostalAddress`, `Identifier` (constructible from
//! Python, the core checks them when a contact is saved), `Affiliation` and
//! `IdentityVerification`.

use lexcase::contacts::{
    Affiliation, Contact, Email, Identifier, IdentifierKind, IdentityVerification, Phone,
    PostalAddress,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::parse;
use crate::record::py_record;

py_record! {
    /// An email address with an optional label ("work", "home"). Where a list of emails is
    /// expected, a plain `str` is accepted too.
    PyEmail(Email) as "Email" eq hash;
    repr(address, label);
    |e| {
        /// The address.
        address,
        /// Optional label.
        label,
    }
    methods {
        #[new]
        #[pyo3(signature = (address, label=None))]
        fn new(address: String, label: Option<String>) -> Self {
            Self(Email { address, label })
        }
    }
}

py_record! {
    /// A telephone number with an optional label. Where a list of phones is expected, a plain
    /// `str` is accepted too.
    PyPhone(Phone) as "Phone" eq hash;
    repr(number, label);
    |p| {
        /// The number as written.
        number,
        /// Optional label.
        label,
    }
    methods {
        #[new]
        #[pyo3(signature = (number, label=None))]
        fn new(number: String, label: Option<String>) -> Self {
            Self(Phone { number, label })
        }
    }
}

py_record! {
    /// A postal address: 1 to 4 street lines, locality, region, postal code, ISO 3166-1 alpha-2
    /// country code and an optional label.
    PyPostalAddress(PostalAddress) as "PostalAddress" eq hash;
    repr(lines, locality, region, postal_code, country, label);
    |p| {
        /// Street lines.
        lines,
        /// Town or city.
        locality,
        /// County, state or region.
        region,
        /// Postcode or ZIP code.
        postal_code,
        /// ISO 3166-1 alpha-2 country code.
        country,
        /// Optional label ("registered office").
        label,
    }
    methods {
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
    }
}

py_record! {
    /// An official identifier: `kind` is `company_number`, `tax_id`, `vat_number` or `other`;
    /// `jurisdiction` an ISO 3166-1 alpha-2 country code.
    PyIdentifier(Identifier) as "Identifier" eq hash;
    repr(kind, value, jurisdiction);
    |i| {
        /// The kind of identifier.
        kind,
        /// The value, as issued.
        value,
        /// Issuing country, if known.
        jurisdiction,
    }
    methods {
        #[new]
        #[pyo3(signature = (kind, value, jurisdiction=None))]
        fn new(kind: &str, value: String, jurisdiction: Option<String>) -> PyResult<Self> {
            Ok(Self(Identifier {
                kind: parse::<IdentifierKind>(kind)?,
                value,
                jurisdiction,
            }))
        }
    }
}

py_record! {
    /// This contact `kind` (`works_for`, `subsidiary_of`) the contact `other`.
    PyAffiliation(Affiliation) as "Affiliation" eq hash;
    repr(kind, other, position);
    |a| {
        /// `works_for` or `subsidiary_of`.
        kind,
        /// The other contact's id.
        other,
        /// Position or description, e.g. "Finance Director".
        position,
    }
}

py_record! {
    /// A contact's identity verification (AML): `status` is `not_verified`, `pending`, `verified`
    /// or `failed`; `method` `in_person`, `electronic`, `certified_copies`, `video_call` or
    /// `reliance`.
    PyIdentityVerification(IdentityVerification) as "IdentityVerification" eq;
    repr(status, checked_on, method);
    |i| {
        /// Current status.
        status,
        /// Date of the check.
        checked_on,
        /// How identity was checked.
        method,
        /// Who recorded it.
        recorded_by,
        /// When it was recorded (UTC).
        recorded_at,
    }
}

py_record! {
    /// A contact: a person or an organisation (`kind` is `person` or `organisation`).
    PyContact(Contact) as "Contact" eq;
    repr(id, kind, display_name, version);
    |c| {
        /// Identifier.
        id,
        /// `person` or `organisation`.
        kind,
        /// Honorific of a person ("Dr", "Ms").
        title,
        /// Given name(s) of a person.
        given_name,
        /// Family name of a person.
        family_name,
        /// Name of an organisation.
        organisation_name,
        /// The name to show: "Jane Smith" or "Acme Ltd".
        display_name = c.display_name(),
        /// Email addresses.
        emails,
        /// Telephone numbers.
        phones,
        /// Postal addresses.
        addresses,
        /// Official identifiers.
        identifiers,
        /// Organisations this contact works for or is a subsidiary of.
        affiliations,
        /// Identity verification (AML).
        identity,
        /// When created (UTC).
        created_at,
        /// Optimistic-concurrency version.
        version,
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
