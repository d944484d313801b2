//! Contacts: the core's records and enums cross the FFI as they are (`lexcase::contacts`; a
//! contact's derived `displayName()` is a method of the core record); this module adds the page.

pub use lexcase::contacts::{
    Affiliation, AffiliationKind, Contact, ContactChanges, ContactKind, Email, Identifier,
    IdentifierKind, IdentityStatus, IdentityVerification, NewContact, Phone, PostalAddress,
    VerificationMethod,
};

use crate::convert::page_record;

page_record! {
    /// One page of contacts and the total number of matches.
    ContactPage of Contact,
    items: "The contacts in this page, ordered by sort name.",
    total: "How many contacts match in all.",
}
