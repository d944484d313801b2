//! Audit events.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ids::{EventId, MatterId, UserId};

/// The kind of entity an event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum EntityKind {
    /// The firm's settings.
    Firm,
    /// A user.
    User,
    /// A contact.
    Contact,
    /// A matter (and its workflow).
    Matter,
    /// A task.
    Task,
    /// A note.
    Note,
    /// A document.
    Document,
    /// A calendar entry.
    Appointment,
    /// A docketed deadline.
    Deadline,
    /// A communication.
    Communication,
    /// A time entry.
    TimeEntry,
    /// An expense or disbursement.
    Expense,
    /// A bill (invoice or credit note).
    Bill,
    /// A payment received.
    Payment,
    /// A client-money (trust) ledger entry or reconciliation.
    ClientMoney,
}

crate::names::stable_names!(EntityKind, "entity_kind", "entity kind", {
    Firm = "firm",
    User = "user",
    Contact = "contact",
    Matter = "matter",
    Task = "task",
    Note = "note",
    Document = "document",
    Appointment = "appointment",
    Deadline = "deadline",
    Communication = "communication",
    TimeEntry = "time_entry",
    Expense = "expense",
    Bill = "bill",
    Payment = "payment",
    ClientMoney = "client_money",
});

/// A JSON value as the FFI carries it: its JSON text (`"Smith"`, `12`, `{"a":1}`); text that
/// is not JSON lifts as a `Validation` error on `value`.
#[cfg(feature = "uniffi")]
pub type JsonValue = serde_json::Value;

#[cfg(feature = "uniffi")]
uniffi::custom_type!(JsonValue, String, {
    remote,
    lower: |value| value.to_string(),
    try_lift: |text| Ok(serde_json::from_str(&text).map_err(|_| {
        crate::ffi::FfiError::from(crate::LexcaseError::validation("value", "not JSON text"))
    })?),
});

/// One changed field: its dotted path and its value before and after (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldChange {
    /// Dotted path, e.g. `title` or `key_dates.completion`.
    pub field: String,
    /// Value before, as JSON (`None` when the field was added).
    pub before: Option<serde_json::Value>,
    /// Value after, as JSON (`None` when the field was removed).
    pub after: Option<serde_json::Value>,
}

/// One audit event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AuditEvent {
    /// Position in the chain, from 1, gapless — as shown to viewers who may see every event.
    /// Others are shown a pseudonym: a number that is the same for one event every time, can
    /// be passed back as a cursor, but says nothing about order or gaps
    /// ([`super::FeedCipher`]).
    pub seq: u64,
    /// Identifier.
    pub id: EventId,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Who did it.
    pub actor: UserId,
    /// The kind of entity changed.
    pub entity_kind: EntityKind,
    /// The entity's id.
    pub entity_id: Uuid,
    /// Every matter the change concerns (for access filtering of the feed), in the order
    /// recorded; empty for firm-wide changes.
    pub matters: Vec<MatterId>,
    /// What was done, e.g. `matter.created`, `matter.party_added`.
    pub action: String,
    /// The changed fields.
    pub changes: Vec<FieldChange>,
    /// Hash of the previous event (hex), or [`super::GENESIS_HASH`]; empty for viewers who
    /// may not see every event.
    pub prev_hash: String,
    /// SHA-256 (hex) over the previous hash and the encoding of this event; empty for viewers
    /// who may not see every event.
    pub hash: String,
}

/// The last event's position and hash, kept by the store beside the log so that a truncated
/// tail is detected too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AuditHead {
    /// Sequence number of the last event.
    pub seq: u64,
    /// Its hash (hex).
    pub hash: String,
}

impl AuditHead {
    /// The head of a chain whose last event is `record`.
    pub fn of(record: &super::AuditRecord) -> Self {
        Self {
            seq: record.seq,
            hash: hex::encode(record.hash),
        }
    }

    /// Reads a head written by its [`std::fmt::Display`] form, `<seq>:<hash in hex>` (for
    /// example from an email or a backup log where it was anchored).
    pub fn parse(text: &str) -> crate::Result<Self> {
        let invalid = || crate::LexcaseError::validation("head", "expected <seq>:<64 hex digits>");
        let (seq, hash) = text.trim().split_once(':').ok_or_else(invalid)?;
        let head = Self {
            seq: seq.trim().parse().map_err(|_| invalid())?,
            hash: hash.trim().to_ascii_lowercase(),
        };
        head.hash_bytes().ok_or_else(invalid)?;
        Ok(head)
    }

    /// The hash as bytes (`None` if it is not 64 hex digits).
    pub fn hash_bytes(&self) -> Option<super::Hash> {
        let mut out = [0u8; 32];
        hex::decode_to_slice(&self.hash, &mut out).ok()?;
        Some(out)
    }
}

impl std::fmt::Display for AuditHead {
    /// `<seq>:<hash in hex>`, read back by [`AuditHead::parse`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.seq, self.hash)
    }
}

/// A page of the change feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChangeBatch {
    /// Events after the cursor that the user may see, in order.
    pub events: Vec<AuditEvent>,
    /// Pass this as the cursor next time (for viewers shown pseudonyms, a new value each call).
    pub next_cursor: u64,
    /// Whether more events may follow right away.
    pub more: bool,
}
