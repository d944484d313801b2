//! Contacts: people and organisations, their details, affiliations and identity verification.

use std::time::SystemTime;

use chrono::NaiveDate;
use lexcase::contacts::{
    Affiliation as CoreAffiliation, AffiliationKind as CoreAffiliationKind, Contact as CoreContact,
    ContactChanges as CoreContactChanges, ContactKind as CoreContactKind, Email as CoreEmail,
    Identifier as CoreIdentifier, IdentifierKind as CoreIdentifierKind,
    IdentityStatus as CoreIdentityStatus, IdentityVerification as CoreIdentityVerification,
    NewContact as CoreNewContact, Phone as CorePhone, PostalAddress as CorePostalAddress,
    VerificationMethod as CoreVerificationMethod,
};
use lexcase::store::Paged;
use uuid::Uuid;

use crate::convert::{all, all_opt, instant, mirror_enum};

mirror_enum! {
    /// Person or organisation.
    ContactKind = CoreContactKind {
        /// A natural person.
        Person,
        /// A company, partnership, public body, court …
        Organisation,
    }
}

mirror_enum! {
    /// The kind of an official identifier.
    IdentifierKind = CoreIdentifierKind {
        /// Company registration number (e.g. Companies House).
        CompanyNumber,
        /// Tax identifier (EIN, UTR, …).
        TaxId,
        /// VAT registration number.
        VatNumber,
        /// Anything else (passport, bar number …).
        Other,
    }
}

mirror_enum! {
    /// Where a contact stands in identity verification (AML / KYC).
    IdentityStatus = CoreIdentityStatus {
        /// Nothing done yet.
        NotVerified,
        /// Checks under way.
        Pending,
        /// Identity verified.
        Verified,
        /// Verification failed.
        Failed,
    }
}

mirror_enum! {
    /// How identity was verified.
    VerificationMethod = CoreVerificationMethod {
        /// Original documents seen in person.
        InPerson,
        /// Electronic verification service.
        Electronic,
        /// Certified copies of documents.
        CertifiedCopies,
        /// Video call with documents shown.
        VideoCall,
        /// Reliance on another regulated firm's checks.
        Reliance,
    }
}

mirror_enum! {
    /// The kind of an affiliation, read "this contact `kind` the other".
    AffiliationKind = CoreAffiliationKind {
        /// A person works for (is employed by, an officer of) an organisation.
        WorksFor,
        /// An organisation is a subsidiary of another organisation.
        SubsidiaryOf,
    }
}

/// An email address with an optional label ("work", "home").
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Email {
    /// The address.
    pub address: String,
    /// Optional label.
    #[uniffi(default)]
    pub label: Option<String>,
}

impl From<CoreEmail> for Email {
    fn from(email: CoreEmail) -> Self {
        let CoreEmail { address, label } = email;
        Self { address, label }
    }
}

impl From<Email> for CoreEmail {
    fn from(email: Email) -> Self {
        Self {
            address: email.address,
            label: email.label,
        }
    }
}

/// A telephone number with an optional label.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Phone {
    /// The number as written.
    pub number: String,
    /// Optional label.
    #[uniffi(default)]
    pub label: Option<String>,
}

impl From<CorePhone> for Phone {
    fn from(phone: CorePhone) -> Self {
        let CorePhone { number, label } = phone;
        Self { number, label }
    }
}

impl From<Phone> for CorePhone {
    fn from(phone: Phone) -> Self {
        Self {
            number: phone.number,
            label: phone.label,
        }
    }
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PostalAddress {
    /// Street lines (1 to 4).
    pub lines: Vec<String>,
    /// Town or city.
    #[uniffi(default)]
    pub locality: Option<String>,
    /// County, state or region.
    #[uniffi(default)]
    pub region: Option<String>,
    /// Postcode or ZIP code.
    #[uniffi(default)]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code, e.g. `GB`.
    #[uniffi(default)]
    pub country: Option<String>,
    /// Optional label ("registered office").
    #[uniffi(default)]
    pub label: Option<String>,
}

impl From<CorePostalAddress> for PostalAddress {
    fn from(address: CorePostalAddress) -> Self {
        let CorePostalAddress {
            lines,
            locality,
            region,
            postal_code,
            country,
            label,
        } = address;
        Self {
            lines,
            locality,
            region,
            postal_code,
            country,
            label,
        }
    }
}

impl From<PostalAddress> for CorePostalAddress {
    fn from(address: PostalAddress) -> Self {
        Self {
            lines: address.lines,
            locality: address.locality,
            region: address.region,
            postal_code: address.postal_code,
            country: address.country,
            label: address.label,
        }
    }
}

/// An official identifier of a contact.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Identifier {
    /// What it identifies by.
    pub kind: IdentifierKind,
    /// The value, as issued.
    pub value: String,
    /// Issuing country (ISO 3166-1 alpha-2), if known.
    #[uniffi(default)]
    pub jurisdiction: Option<String>,
}

impl From<CoreIdentifier> for Identifier {
    fn from(identifier: CoreIdentifier) -> Self {
        let CoreIdentifier {
            kind,
            value,
            jurisdiction,
        } = identifier;
        Self {
            kind: kind.into(),
            value,
            jurisdiction,
        }
    }
}

impl From<Identifier> for CoreIdentifier {
    fn from(identifier: Identifier) -> Self {
        Self {
            kind: identifier.kind.into(),
            value: identifier.value,
            jurisdiction: identifier.jurisdiction,
        }
    }
}

/// This contact is affiliated to `other` (works for it, is a subsidiary of it).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Affiliation {
    /// How.
    pub kind: AffiliationKind,
    /// To whom (a contact id).
    pub other: Uuid,
    /// Position or description, e.g. "Finance Director".
    pub position: Option<String>,
}

impl From<CoreAffiliation> for Affiliation {
    fn from(affiliation: CoreAffiliation) -> Self {
        let CoreAffiliation {
            kind,
            other,
            position,
        } = affiliation;
        Self {
            kind: kind.into(),
            other: other.into(),
            position,
        }
    }
}

/// A contact's identity-verification record.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IdentityVerification {
    /// Current status.
    pub status: IdentityStatus,
    /// Date of the check.
    pub checked_on: Option<NaiveDate>,
    /// How it was checked.
    pub method: Option<VerificationMethod>,
    /// Who recorded it (a user id).
    pub recorded_by: Option<Uuid>,
    /// When it was recorded.
    pub recorded_at: Option<SystemTime>,
}

impl From<CoreIdentityVerification> for IdentityVerification {
    fn from(identity: CoreIdentityVerification) -> Self {
        let CoreIdentityVerification {
            status,
            checked_on,
            method,
            recorded_by,
            recorded_at,
        } = identity;
        Self {
            status: status.into(),
            checked_on,
            method: method.map(VerificationMethod::from),
            recorded_by: recorded_by.map(Uuid::from),
            recorded_at: recorded_at.map(instant),
        }
    }
}

/// A contact: a person or an organisation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Contact {
    /// Identifier.
    pub id: Uuid,
    /// Person or organisation.
    pub kind: ContactKind,
    /// The name to show: "Jane Smith" or "Acme Ltd".
    pub display_name: String,
    /// Honorific of a person ("Dr", "Ms").
    pub title: Option<String>,
    /// Given name(s) of a person.
    pub given_name: Option<String>,
    /// Family name of a person.
    pub family_name: Option<String>,
    /// Name of an organisation.
    pub organisation_name: Option<String>,
    /// Email addresses.
    pub emails: Vec<Email>,
    /// Telephone numbers.
    pub phones: Vec<Phone>,
    /// Postal addresses.
    pub addresses: Vec<PostalAddress>,
    /// Official identifiers.
    pub identifiers: Vec<Identifier>,
    /// Organisations this contact works for or is a subsidiary of.
    pub affiliations: Vec<Affiliation>,
    /// Identity verification (AML).
    pub identity: IdentityVerification,
    /// When created.
    pub created_at: SystemTime,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreContact> for Contact {
    fn from(contact: CoreContact) -> Self {
        let display_name = contact.display_name();
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreContact {
            id,
            kind,
            title,
            given_name,
            family_name,
            organisation_name,
            emails,
            phones,
            addresses,
            identifiers,
            affiliations,
            identity,
            created_at,
            version,
        } = contact;
        Self {
            id: id.into(),
            kind: kind.into(),
            display_name,
            title,
            given_name,
            family_name,
            organisation_name,
            emails: all(emails),
            phones: all(phones),
            addresses: all(addresses),
            identifiers: all(identifiers),
            affiliations: all(affiliations),
            identity: identity.into(),
            created_at: instant(created_at),
            version,
        }
    }
}

/// What a contact is created from. A person needs a family name, an organisation its name.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewContact {
    /// Person or organisation.
    pub kind: ContactKind,
    /// Honorific (persons).
    #[uniffi(default)]
    pub title: Option<String>,
    /// Given name(s) (persons).
    #[uniffi(default)]
    pub given_name: Option<String>,
    /// Family name (persons; required).
    #[uniffi(default)]
    pub family_name: Option<String>,
    /// Organisation name (organisations; required).
    #[uniffi(default)]
    pub organisation_name: Option<String>,
    /// Emails.
    #[uniffi(default)]
    pub emails: Vec<Email>,
    /// Phones.
    #[uniffi(default)]
    pub phones: Vec<Phone>,
    /// Addresses.
    #[uniffi(default)]
    pub addresses: Vec<PostalAddress>,
    /// Identifiers.
    #[uniffi(default)]
    pub identifiers: Vec<Identifier>,
}

impl From<NewContact> for CoreNewContact {
    fn from(new: NewContact) -> Self {
        Self {
            kind: new.kind.into(),
            title: new.title,
            given_name: new.given_name,
            family_name: new.family_name,
            organisation_name: new.organisation_name,
            emails: all(new.emails),
            phones: all(new.phones),
            addresses: all(new.addresses),
            identifiers: all(new.identifiers),
        }
    }
}

/// A partial update of a contact; null leaves a field as it is, a list replaces the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ContactChanges {
    /// New title; `""` clears it.
    #[uniffi(default)]
    pub title: Option<String>,
    /// New given name; `""` clears it.
    #[uniffi(default)]
    pub given_name: Option<String>,
    /// New family name.
    #[uniffi(default)]
    pub family_name: Option<String>,
    /// New organisation name.
    #[uniffi(default)]
    pub organisation_name: Option<String>,
    /// Replacement emails.
    #[uniffi(default)]
    pub emails: Option<Vec<Email>>,
    /// Replacement phones.
    #[uniffi(default)]
    pub phones: Option<Vec<Phone>>,
    /// Replacement addresses.
    #[uniffi(default)]
    pub addresses: Option<Vec<PostalAddress>>,
    /// Replacement identifiers.
    #[uniffi(default)]
    pub identifiers: Option<Vec<Identifier>>,
}

impl From<ContactChanges> for CoreContactChanges {
    fn from(changes: ContactChanges) -> Self {
        Self {
            title: changes.title,
            given_name: changes.given_name,
            family_name: changes.family_name,
            organisation_name: changes.organisation_name,
            emails: all_opt(changes.emails),
            phones: all_opt(changes.phones),
            addresses: all_opt(changes.addresses),
            identifiers: all_opt(changes.identifiers),
        }
    }
}

/// One page of contacts and the total number of matches.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ContactPage {
    /// The contacts in this page, ordered by sort name.
    pub items: Vec<Contact>,
    /// How many contacts match in all.
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreContact>> for ContactPage {
    fn from(page: Paged<CoreContact>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}
