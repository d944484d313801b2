//! Typed identifiers: UUID v7 behind one newtype per entity, so a `ContactId` can never be
//! passed where a `MatterId` is expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

use crate::error::LexcaseError;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $entity:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        // Kotlin and Swift see the id as a UUID (a type alias named after the id).
        #[cfg(feature = "uniffi")]
        uniffi::custom_newtype!($name, Uuid);

        impl $name {
            /// A new, time-ordered (UUID v7) identifier.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
            /// Wraps an existing UUID.
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }
            /// The underlying UUID.
            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }
            /// The 16 bytes stored by the adapters.
            pub fn to_bytes(self) -> [u8; 16] {
                *self.0.as_bytes()
            }
            /// Rebuilds an id from 16 stored bytes.
            pub fn from_bytes(bytes: [u8; 16]) -> Self {
                Self(Uuid::from_bytes(bytes))
            }
            /// The entity kind this id names, for error messages.
            pub const ENTITY: &'static str = $entity;
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = LexcaseError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s)
                    .map(Self)
                    .map_err(|_| LexcaseError::validation(concat!($entity, "_id"), "not a UUID"))
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }
    };
}

typed_id!(
    /// Identifies a user of the firm (fee earner or staff).
    UserId,
    "user"
);
typed_id!(
    /// Identifies a contact (person or organisation).
    ContactId,
    "contact"
);
typed_id!(
    /// Identifies a matter (case).
    MatterId,
    "matter"
);
typed_id!(
    /// Identifies a party: one contact in one role on one matter.
    PartyId,
    "party"
);
typed_id!(
    /// Identifies a task.
    TaskId,
    "task"
);
typed_id!(
    /// Identifies a note.
    NoteId,
    "note"
);
typed_id!(
    /// Identifies a document.
    DocumentId,
    "document"
);
typed_id!(
    /// Identifies an audit event.
    EventId,
    "event"
);
typed_id!(
    /// Identifies a calendar entry (appointment, hearing, meeting), series or single.
    AppointmentId,
    "appointment"
);
typed_id!(
    /// Identifies a docketed deadline.
    DeadlineId,
    "deadline"
);
typed_id!(
    /// Identifies a communication (email, call, letter, meeting, message).
    CommunicationId,
    "communication"
);
typed_id!(
    /// Identifies a time entry.
    TimeEntryId,
    "time_entry"
);
typed_id!(
    /// Identifies an expense or disbursement.
    ExpenseId,
    "expense"
);
typed_id!(
    /// Identifies a bill (invoice or credit note).
    BillId,
    "bill"
);
typed_id!(
    /// Identifies a payment received against bills.
    PaymentId,
    "payment"
);
typed_id!(
    /// Identifies an entry in the client-money (trust) ledger.
    TrustEntryId,
    "trust_entry"
);
