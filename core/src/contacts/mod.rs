//! Contacts: people and organisations, with their addresses, identifiers, affiliations and
//! identity verification.

mod affiliation;
mod contact;
mod details;
mod identity;

pub use affiliation::{Affiliation, AffiliationKind};
pub use contact::{Contact, ContactChanges, ContactKind, NewContact, display_name_of};
pub use details::{Email, Identifier, IdentifierKind, Phone, PostalAddress};
pub use identity::{IdentityStatus, IdentityVerification, VerificationMethod};
