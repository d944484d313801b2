//! Conflict checks: searching names and identifiers, running a matter's check, deciding hits.

use std::sync::Arc;

use lexcase::MatterId;

use crate::error::Result;
use crate::progress::{ProgressListener, listened};
use crate::recheck::ConflictRecheck;
use crate::records::{ConflictCheck, ConflictHit, HitDisposition};

service_object! {
    /// Conflict checks over every contact and every matter party (current, closed and archived
    /// matters, every role) and their affiliates. Searching and running checks need
    /// `open_matters` or `edit_matters`; clearing a hit needs the same, waiving or declining needs
    /// `manage_matter_access`. A hit on a matter the actor may not see says only that a conflict
    /// exists (`withheld`).
    ConflictService
}

#[uniffi::export]
impl ConflictService {
    /// Searches names and identifiers (company numbers, tax ids), best hit first. A blank
    /// name is a `Validation` error (field `names`); at most 100 of each.
    pub fn search(&self, names: Vec<String>, identifiers: Vec<String>) -> Result<Vec<ConflictHit>> {
        Ok(self.session.conflicts().search(&names, &identifiers)?)
    }

    /// Re-runs every stored conflict check on the matters the actor may see that are not
    /// archived (after taking on many new contacts, or when the matching rules change), in one
    /// command: all or none. Decisions already made about the same hits are kept; a matter
    /// behind a wall from the actor is left as it is. Needs `open_matters` or `edit_matters`.
    /// `listener` hears the matters looked at (`conflicts.recheck`) and may cancel
    /// (`Cancelled`): then no check is re-run.
    #[uniffi::method(default(listener = None))]
    pub fn recheck_all(
        &self,
        listener: Option<Arc<dyn ProgressListener>>,
    ) -> Result<ConflictRecheck> {
        listened(listener, |p| {
            self.session.conflicts().recheck_all_with_progress(p)
        })
    }

    /// Runs the matter's check over its parties and stores it; decisions already made about
    /// the same hits are kept. Adding a party re-runs a stored check by itself.
    pub fn run(&self, matter: MatterId) -> Result<ConflictCheck> {
        Ok(self.session.conflicts().run(matter)?)
    }

    /// The matter's check, or null if none was run.
    pub fn get(&self, matter: MatterId) -> Result<Option<ConflictCheck>> {
        Ok(self.session.conflicts().get(matter)?)
    }

    /// Records a decision about hit number `hit` (its index in the check's `hits`) with a
    /// note; based on the check's `expected_version` (else `StaleVersion`). An index past the
    /// end is `NotFound`, a blank note a `Validation` error (field `note`).
    pub fn decide(
        &self,
        matter: MatterId,
        expected_version: u64,
        hit: u64,
        disposition: HitDisposition,
        note: String,
    ) -> Result<ConflictCheck> {
        // An index too large for this platform is past the end of any check.
        let index = usize::try_from(hit).unwrap_or(usize::MAX);
        Ok(self
            .session
            .conflicts()
            .decide(matter, expected_version, index, disposition, &note)?)
    }
}
