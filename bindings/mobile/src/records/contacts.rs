//! Contacts: the core's records and enums cross the FFI as they are (`lexcase::contacts`);
//! this module keeps the contact as Kotlin reads it (with its derived display name) and its page.

pub use lexcase::contacts::{
    Affiliation, AffiliationKind, ContactChanges, ContactKind, Email, Identifier, IdentifierKind,
    IdentityStatus, IdentityVerification, NewContact, Phone, PostalAddress, VerificationMethod,
};

use lexcase::ContactId;
use lexcase::contacts::Contact as CoreContact;
use lexcase::ffi::UtcDateTime;
use lexcase::store::Paged;

/// A contact: a person or an organisation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Contact {
    /// Identifier.
    pub id: ContactId,
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
    pub created_at: UtcDateTime,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreContact> for Contact {
    fn from(contact: CoreContact) -> Self {
        Self {
            display_name: contact.display_name(),
            id: contact.id,
            kind: contact.kind,
            title: contact.title,
            given_name: contact.given_name,
            family_name: contact.family_name,
            organisation_name: contact.organisation_name,
            emails: contact.emails,
            phones: contact.phones,
            addresses: contact.addresses,
            identifiers: contact.identifiers,
            affiliations: contact.affiliations,
            identity: contact.identity,
            created_at: contact.created_at,
            version: contact.version,
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
            items: page.items.into_iter().map(Contact::from).collect(),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}
