//! What the conflict-search reads of [`super::ReadTx`] return.

use crate::ids::{ContactId, MatterId};
use crate::matters::{MatterStatus, PartyRole};

/// One entry of the conflict index as a scan visits it: a contact filed under a key, with
/// what the index keeps beside it, so that a search can test and score the name without
/// reading the contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexEntry<'a> {
    /// The contact.
    pub contact: ContactId,
    /// Its display name.
    pub name: &'a str,
    /// Its display name's normalised words, joined by single spaces
    /// ([`crate::conflicts::IndexedName::tokens`]).
    pub tokens: &'a str,
    /// How many of those words are significant.
    pub significant: u16,
}

/// A contact's place on a matter, with the matter columns a conflict hit shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactParty {
    /// The contact.
    pub contact: ContactId,
    /// The matter it is a party to.
    pub matter: MatterId,
    /// Its role there.
    pub role: PartyRole,
    /// The matter's number.
    pub matter_number: String,
    /// The matter's status.
    pub matter_status: MatterStatus,
}
