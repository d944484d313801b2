//! The audit trail: events, their verification, and the change feed.

use std::time::SystemTime;

use lexcase::audit::{
    AuditEvent as CoreAuditEvent, AuditHead as CoreAuditHead,
    AuditVerification as CoreAuditVerification, BrokenLink as CoreBrokenLink,
    ChangeBatch as CoreChangeBatch, EntityKind as CoreEntityKind, FieldChange as CoreFieldChange,
};
use uuid::Uuid;

use crate::convert::{all, instant, mirror_enum};

mirror_enum! {
    /// The kind of entity an audit event is about.
    EntityKind = CoreEntityKind {
        /// The firm's settings (entity id: the nil UUID).
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
        /// An appointment (a calendar entry or series).
        Appointment,
        /// A docketed deadline.
        Deadline,
        /// A communication (an email, call, letter or meeting in the log).
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
}

/// One changed field: its dotted path and its value before and after, as JSON text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FieldChange {
    /// Dotted path, e.g. `title` or `key_dates.completion`.
    pub field: String,
    /// JSON of the value before (null when the field was added).
    pub before: Option<String>,
    /// JSON of the value after (null when the field was removed).
    pub after: Option<String>,
}

impl From<CoreFieldChange> for FieldChange {
    fn from(change: CoreFieldChange) -> Self {
        let CoreFieldChange {
            field,
            before,
            after,
        } = change;
        Self {
            field,
            before: before.map(|v| v.to_string()),
            after: after.map(|v| v.to_string()),
        }
    }
}

/// One audit event.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AuditEvent {
    /// Position in the chain, from 1, gapless, for viewers who may see every event; for others
    /// a pseudonym (the same for the event each time, usable as a cursor, in no order).
    pub seq: u64,
    /// Identifier.
    pub id: Uuid,
    /// When it happened.
    pub at: SystemTime,
    /// Who did it (a user id).
    pub actor: Uuid,
    /// The kind of entity changed.
    pub entity_kind: EntityKind,
    /// The entity's id.
    pub entity_id: Uuid,
    /// Every matter the change concerns, in the order recorded.
    pub matters: Vec<Uuid>,
    /// What was done, e.g. `matter.created`, `matter.party_added`.
    pub action: String,
    /// The changed fields.
    pub changes: Vec<FieldChange>,
    /// Hash of the previous event (hex); empty for viewers who may not see every event.
    pub prev_hash: String,
    /// SHA-256 (hex) over `prev_hash` and this event; empty for viewers who may not see every
    /// event.
    pub hash: String,
}

impl From<CoreAuditEvent> for AuditEvent {
    fn from(event: CoreAuditEvent) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreAuditEvent {
            seq,
            id,
            at,
            actor,
            entity_kind,
            entity_id,
            matters,
            action,
            changes,
            prev_hash,
            hash,
        } = event;
        Self {
            seq,
            id: id.into(),
            at: instant(at),
            actor: actor.into(),
            entity_kind: entity_kind.into(),
            entity_id,
            matters: matters.into_iter().map(Uuid::from).collect(),
            action,
            changes: all(changes),
            prev_hash,
            hash,
        }
    }
}

/// Where the audit chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BrokenLink {
    /// Sequence number of the first event that does not verify.
    pub seq: u64,
    /// What is wrong there.
    pub reason: String,
}

impl From<CoreBrokenLink> for BrokenLink {
    fn from(link: CoreBrokenLink) -> Self {
        let CoreBrokenLink { seq, reason } = link;
        Self { seq, reason }
    }
}

/// The outcome of verifying the audit chain.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AuditVerification {
    /// Whether the whole chain verifies.
    pub intact: bool,
    /// Events checked.
    pub events_checked: u64,
    /// The first broken link, or null if the chain is intact.
    pub first_broken: Option<BrokenLink>,
    /// The first event sealed with the firm's audit key when it was not given (it and the
    /// events after it were not checked), or null.
    pub key_needed_from: Option<u64>,
    /// The first event checked that is sealed with the audit key, or null.
    pub keyed_from: Option<u64>,
}

impl From<CoreAuditVerification> for AuditVerification {
    fn from(verification: CoreAuditVerification) -> Self {
        let intact = verification.is_intact();
        let CoreAuditVerification {
            events_checked,
            first_broken,
            key_needed_from,
            keyed_from,
        } = verification;
        Self {
            intact,
            events_checked,
            first_broken: first_broken.map(BrokenLink::from),
            key_needed_from,
            keyed_from,
        }
    }
}

/// The head of the audit chain: the last event's sequence number and hash, to anchor outside
/// the file and give back to `verifyAgainst` later.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AuditHead {
    /// Sequence number of the last event.
    pub seq: u64,
    /// Its hash (hex).
    pub hash: String,
}

impl From<CoreAuditHead> for AuditHead {
    fn from(head: CoreAuditHead) -> Self {
        let CoreAuditHead { seq, hash } = head;
        Self { seq, hash }
    }
}

impl From<AuditHead> for CoreAuditHead {
    fn from(head: AuditHead) -> Self {
        let AuditHead { seq, hash } = head;
        Self { seq, hash }
    }
}

/// A page of the change feed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChangeBatch {
    /// Events after the cursor that the user may see, in order.
    pub events: Vec<AuditEvent>,
    /// Pass this as the cursor next time.
    pub next_cursor: u64,
    /// Whether more events may follow right away.
    pub more: bool,
}

impl From<CoreChangeBatch> for ChangeBatch {
    fn from(batch: CoreChangeBatch) -> Self {
        let CoreChangeBatch {
            events,
            next_cursor,
            more,
        } = batch;
        Self {
            events: all(events),
            next_cursor,
            more,
        }
    }
}
