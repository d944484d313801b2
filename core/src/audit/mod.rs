//! The audit trail: append-only, hash-chained events written in the same transaction as the
//! change they record. It doubles as the change feed for front ends that sync.

mod chain;
mod created;
mod diff;
pub mod encoding;
mod event;
mod feed_cipher;
mod key;
mod record;
mod state;

pub use chain::{AuditVerification, BrokenLink, ChainVerifier, GENESIS_HASH};
pub use created::created_changes;
pub use diff::diff;
pub use event::{AuditEvent, AuditHead, ChangeBatch, EntityKind, FieldChange};
pub use feed_cipher::FeedCipher;
pub use key::{AuditKey, MIN_AUDIT_KEY_BYTES};
pub use record::{AuditRecord, GENESIS, Hash, HashScheme};
pub use state::{MAX_LISTED, Replay, STATE_KINDS, StateVerification, UnexplainedRow, changes_row};
