//! What re-running every conflict check did (`conflicts().recheckAll`).

use lexcase::service::{ConflictRecheck as CoreRecheck, RecheckedMatter as CoreRechecked};
use uuid::Uuid;

/// A matter whose re-run conflict check found hits it did not have before.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RecheckedMatter {
    /// The matter.
    pub matter: Uuid,
    /// Its number.
    pub number: String,
    /// How many of its check's hits are new (each awaits a decision).
    pub new_hits: u64,
}

impl From<CoreRechecked> for RecheckedMatter {
    fn from(r: CoreRechecked) -> Self {
        Self {
            matter: r.matter.into(),
            number: r.number,
            new_hits: r.new_hits,
        }
    }
}

/// How many stored checks were run again, and the matters whose check found new hits (newest
/// matter first).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ConflictRecheck {
    /// How many stored checks were run again.
    pub rechecked: u64,
    /// The matters whose check found new hits.
    pub with_new_hits: Vec<RecheckedMatter>,
}

impl From<CoreRecheck> for ConflictRecheck {
    fn from(r: CoreRecheck) -> Self {
        Self {
            rechecked: r.rechecked,
            with_new_hits: crate::convert::all(r.with_new_hits),
        }
    }
}
