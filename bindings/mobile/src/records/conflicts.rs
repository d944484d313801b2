//! Conflict checks: the core's hits, why they matched and the decisions about them cross the
//! FFI as they are (`lexcase::conflicts`, `lexcase::matters`); this module keeps the check
//! stored on a matter as Kotlin reads it, with its derived `status` and `unresolved`.

pub use lexcase::conflicts::MatchReason;
pub use lexcase::matters::{ConflictHit, Decision, HitDisposition};

use lexcase::ffi::UtcDateTime;
use lexcase::matters::ConflictCheck as CoreConflictCheck;
use lexcase::{MatterId, UserId};

/// A matter's conflict check.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ConflictCheck {
    /// The matter checked.
    pub matter: MatterId,
    /// The names searched.
    pub names: Vec<String>,
    /// The identifiers searched (company numbers, tax ids).
    pub identifiers: Vec<String>,
    /// The hits, best first; decide one by its index in this list.
    pub hits: Vec<ConflictHit>,
    /// Who ran it last (a user id).
    pub run_by: UserId,
    /// When.
    pub run_at: UtcDateTime,
    /// `clear` (no hits), `hits` (some undecided), `declined` (a hit led to declining) or
    /// `resolved` (every hit cleared or waived).
    pub status: String,
    /// How many hits have no decision.
    pub unresolved: u64,
    /// Optimistic-concurrency version: pass it back to `decide`.
    pub version: u64,
}

impl From<CoreConflictCheck> for ConflictCheck {
    fn from(check: CoreConflictCheck) -> Self {
        Self {
            status: check.status().to_owned(),
            unresolved: check.unresolved() as u64,
            matter: check.matter,
            names: check.names,
            identifiers: check.identifiers,
            hits: check.hits,
            run_by: check.run_by,
            run_at: check.run_at,
            version: check.version,
        }
    }
}
