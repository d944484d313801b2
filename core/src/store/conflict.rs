//! What the conflict-search reads of [`super::ReadTx`] return.

use crate::ids::{ContactId, MatterId};
use crate::matters::{MatterStatus, PartyRole};

/// A contact found in the conflict index, with what its entry keeps
/// ([`crate::conflicts::IndexedName`] of its display name), so that a search can score it
/// without reading the contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCandidate {
    /// The contact.
    pub contact: ContactId,
    /// Its name's normalised words, joined by single spaces.
    pub tokens: String,
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
