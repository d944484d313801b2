//! The audit trail: append-only, hash-chained events written in the same transaction as the
//! change they record. It doubles as the change feed for front ends that sync.

mod chain;
mod diff;
mod event;

pub use chain::{AuditVerification, BrokenLink, ChainVerifier, GENESIS_HASH};
pub use diff::diff;
pub use event::{AuditEvent, AuditHead, ChangeBatch, EntityKind, FieldChange};
