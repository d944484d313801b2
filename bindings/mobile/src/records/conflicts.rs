//! Conflict checks: the core's checks, hits, why they matched and the decisions about them
//! cross the FFI as they are (`lexcase::conflicts`, `lexcase::matters`); a check's derived
//! `status()` and `unresolved()` are methods of the core record.

pub use lexcase::conflicts::MatchReason;
pub use lexcase::matters::{ConflictCheck, ConflictHit, Decision, HitDisposition};
