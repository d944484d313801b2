//! Conflict checks: hits with why they matched, the check stored on a matter, and the
//! decision recorded about each hit. Why a name matched is the core's `MatchReason`, crossing
//! the FFI as it is; the check, its hits and decisions are matters types (`lexcase::matters`)
//! and stay mirrored here until that module derives them (the check's `status` and
//! `unresolved` are derived).

use std::time::SystemTime;

pub use lexcase::conflicts::MatchReason;
use lexcase::matters::{
    ConflictCheck as CoreConflictCheck, ConflictHit as CoreConflictHit, Decision as CoreDecision,
    HitDisposition as CoreHitDisposition,
};
use uuid::Uuid;

use crate::convert::{all, instant, mirror_enum};

mirror_enum! {
    /// What was decided about a hit.
    HitDisposition = CoreHitDisposition {
        /// Not a conflict (a different person, an unrelated matter); needs the right to search.
        Cleared,
        /// A conflict the affected clients consented to, confirmed in writing; needs
        /// `manage_matter_access`.
        Waived,
        /// A conflict: the firm declines (or withdraws from) the matter; needs
        /// `manage_matter_access`.
        Declined,
    }
}

/// A decision about a hit.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Decision {
    /// What was decided.
    pub disposition: HitDisposition,
    /// Why (a consent reference, the reason it is not the same person…).
    pub note: String,
    /// Who decided (a user id).
    pub by: Uuid,
    /// When.
    pub at: SystemTime,
}

impl From<CoreDecision> for Decision {
    fn from(decision: CoreDecision) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreDecision {
            disposition,
            note,
            by,
            at,
        } = decision;
        Self {
            disposition: disposition.into(),
            note,
            by: by.into(),
            at: instant(at),
        }
    }
}

/// One hit: a contact whose name or identifier matched a searched name, and where it stands
/// in the firm's records.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ConflictHit {
    /// The searched name (or identifier) that matched.
    pub query: String,
    /// The contact found.
    pub contact: Uuid,
    /// The contact's name as on file.
    pub name: String,
    /// Match score, 0–1000.
    pub score: u16,
    /// Why it matched, in plain words.
    pub explanation: String,
    /// The reasons, for programs.
    pub reasons: Vec<MatchReason>,
    /// The matter the contact is a party to (null for a contact on no matter).
    pub matter: Option<Uuid>,
    /// That matter's number.
    pub matter_number: Option<String>,
    /// That matter's status (`open`, `closed`, …).
    pub matter_status: Option<String>,
    /// The contact's role on that matter (`client`, `opposing_party`, …).
    pub role: Option<String>,
    /// How the contact relates to the name found, when found through an affiliation
    /// (e.g. "Dana Scully works for Globex Corporation").
    pub via: Option<String>,
    /// Whether the details were withheld: the viewer may not see the matter (an ethical
    /// wall); the hit still says that a conflict exists.
    pub withheld: bool,
    /// What was decided about it.
    pub decision: Option<Decision>,
}

impl From<CoreConflictHit> for ConflictHit {
    fn from(hit: CoreConflictHit) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreConflictHit {
            query,
            contact,
            name,
            score,
            explanation,
            reasons,
            matter,
            matter_number,
            matter_status,
            role,
            via,
            withheld,
            decision,
        } = hit;
        Self {
            query,
            contact: contact.into(),
            name,
            score,
            explanation,
            reasons,
            matter: matter.map(Into::into),
            matter_number,
            matter_status,
            role,
            via,
            withheld,
            decision: decision.map(Into::into),
        }
    }
}

/// A matter's conflict check.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ConflictCheck {
    /// The matter checked.
    pub matter: Uuid,
    /// The names searched.
    pub names: Vec<String>,
    /// The identifiers searched (company numbers, tax ids).
    pub identifiers: Vec<String>,
    /// The hits, best first; decide one by its index in this list.
    pub hits: Vec<ConflictHit>,
    /// Who ran it last (a user id).
    pub run_by: Uuid,
    /// When.
    pub run_at: SystemTime,
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
        let status = check.status().to_owned();
        let unresolved = check.unresolved() as u64;
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreConflictCheck {
            matter,
            names,
            identifiers,
            hits,
            run_by,
            run_at,
            version,
        } = check;
        Self {
            matter: matter.into(),
            names,
            identifiers,
            hits: all(hits),
            run_by: run_by.into(),
            run_at: instant(run_at),
            status,
            unresolved,
            version,
        }
    }
}
