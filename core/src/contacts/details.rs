//! The ways of reaching and identifying a contact: emails, phones, postal addresses, identifiers.

use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::validate;

/// An email address with an optional label ("work", "home").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Email {
    /// The address, checked and with the domain lower-cased.
    pub address: String,
    /// Optional label.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub label: Option<String>,
}

impl Email {
    /// Checks an email.
    pub fn new(address: &str, label: Option<&str>) -> Result<Self> {
        Ok(Self {
            address: validate::email("emails", address)?,
            label: label
                .map(|l| validate::optional_line("label", l))
                .transpose()?
                .flatten(),
        })
    }
}

/// A telephone number with an optional label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Phone {
    /// The number as written (checked).
    pub number: String,
    /// Optional label.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub label: Option<String>,
}

impl Phone {
    /// Checks a phone number.
    pub fn new(number: &str, label: Option<&str>) -> Result<Self> {
        Ok(Self {
            number: validate::phone("phones", number)?,
            label: label
                .map(|l| validate::optional_line("label", l))
                .transpose()?
                .flatten(),
        })
    }
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PostalAddress {
    /// Street lines (1 to 4).
    pub lines: Vec<String>,
    /// Town or city.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub locality: Option<String>,
    /// County, state or region.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub region: Option<String>,
    /// Postcode or ZIP code.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code, upper case.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub country: Option<String>,
    /// Optional label ("registered office").
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub label: Option<String>,
}

impl PostalAddress {
    /// Checks an address: 1–4 non-empty lines, bounded fields, a two-letter country code.
    pub fn checked(self) -> Result<Self> {
        if self.lines.is_empty() || self.lines.len() > 4 {
            return Err(LexcaseError::validation(
                "addresses",
                "use 1 to 4 address lines",
            ));
        }
        let lines = self
            .lines
            .iter()
            .map(|l| validate::required_line("addresses", l))
            .collect::<Result<Vec<_>>>()?;
        let opt = |v: Option<String>| -> Result<Option<String>> {
            Ok(v.map(|v| validate::optional_line("addresses", &v))
                .transpose()?
                .flatten())
        };
        let country = opt(self.country)?
            .map(|c| validate::country_code("country", &c))
            .transpose()?;
        Ok(Self {
            lines,
            locality: opt(self.locality)?,
            region: opt(self.region)?,
            postal_code: opt(self.postal_code)?,
            country,
            label: opt(self.label)?,
        })
    }
}

/// The kind of an official identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum IdentifierKind {
    /// Company registration number (e.g. Companies House).
    CompanyNumber,
    /// Tax identifier (EIN, UTR, …).
    TaxId,
    /// VAT registration number.
    VatNumber,
    /// Anything else (passport, bar number …).
    Other,
}

crate::names::stable_names!(IdentifierKind, "identifiers", "identifier kind", {
    CompanyNumber = "company_number",
    TaxId = "tax_id",
    VatNumber = "vat_number",
    Other = "other",
});

/// An official identifier of a contact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Identifier {
    /// What it identifies by.
    pub kind: IdentifierKind,
    /// The value, as issued.
    pub value: String,
    /// Issuing country (ISO 3166-1 alpha-2), if known.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub jurisdiction: Option<String>,
}

impl Identifier {
    /// Checks an identifier.
    pub fn new(kind: IdentifierKind, value: &str, jurisdiction: Option<&str>) -> Result<Self> {
        let jurisdiction = jurisdiction
            .map(|j| validate::optional_line("jurisdiction", j))
            .transpose()?
            .flatten()
            .map(|j| validate::country_code("jurisdiction", &j))
            .transpose()?;
        let value = validate::required_line("identifiers", value)?;
        if value.len() > 64 {
            return Err(LexcaseError::validation(
                "identifiers",
                "longer than 64 characters",
            ));
        }
        Ok(Self {
            kind,
            value,
            jurisdiction,
        })
    }
}
