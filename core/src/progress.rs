//! Progress of long calls (export, import, sweeps, batch imports, re-checks, batch renderings)
//! and how a caller cancels them.
//!
//! A long call reports [`ProgressUpdate`]s to a [`Progress`] callback: the phase it is in, how
//! much of it is done and, when known, how much there is. The callback answers [`Flow`]:
//! [`Flow::Cancel`] makes the call stop at that point with [`LexcaseError::Cancelled`],
//! leaving nothing half-written (the write transaction is rolled back, staged contents are
//! discarded). Any closure `FnMut(ProgressUpdate) -> Flow` is a [`Progress`].
//!
//! The long calls and their phases (stable names; every phase but the archive's starts by
//! reporting 0 done, so that a progress bar learns its total first):
//!
//! | call | phases |
//! |---|---|
//! | [`Firm::export_archive_with_progress`](crate::service::Firm::export_archive_with_progress) | `export.records` (no total), `export.contents`, `export.audit` |
//! | [`Firm::import_archive_with_progress`](crate::service::Firm::import_archive_with_progress) | `import.check`, `import.contents`, `import.write` |
//! | [`ComplianceService::sweep_with_progress`](crate::service::ComplianceService::sweep_with_progress) | `sweep.matters` |
//! | [`InterchangeService::import_contacts_with_progress`](crate::service::InterchangeService::import_contacts_with_progress) | `contacts.import` |
//! | [`TimeService::record_many_with_progress`](crate::service::TimeService::record_many_with_progress) | `time.record` |
//! | [`ConflictService::recheck_all_with_progress`](crate::service::ConflictService::recheck_all_with_progress) | `conflicts.recheck` |
//! | [`DocumentService::render_many_with_progress`](crate::service::DocumentService::render_many_with_progress) | `render.documents`, then `render.record` |

use crate::error::{LexcaseError, Result};

/// How far a long call has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressUpdate {
    /// What the call is doing, a stable name such as `export.records` or `import.audit`.
    pub phase: &'static str,
    /// How many items of this phase are done.
    pub done: u64,
    /// How many items the phase has, when known in advance.
    pub total: Option<u64>,
}

/// What a progress callback asks of the call reporting to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Go on.
    Continue,
    /// Stop now: the call fails with [`LexcaseError::Cancelled`] and writes nothing.
    Cancel,
}

/// A progress callback.
pub trait Progress {
    /// Receives one update; the answer says whether the call goes on.
    fn update(&mut self, update: ProgressUpdate) -> Flow;
}

impl<F: FnMut(ProgressUpdate) -> Flow> Progress for F {
    fn update(&mut self, update: ProgressUpdate) -> Flow {
        self(update)
    }
}

/// A callback that hears nothing and never cancels (what the calls without `_with_progress`
/// use).
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {
    fn update(&mut self, _update: ProgressUpdate) -> Flow {
        Flow::Continue
    }
}

/// Reports `done` of `total` in `phase` to `progress`: an error when it asks to cancel.
pub fn report(
    progress: &mut dyn Progress,
    phase: &'static str,
    done: u64,
    total: Option<u64>,
) -> Result<()> {
    match progress.update(ProgressUpdate { phase, done, total }) {
        Flow::Continue => Ok(()),
        Flow::Cancel => Err(LexcaseError::Cancelled),
    }
}

/// One phase of a long call, counted item by item: each step is reported to the callback,
/// whose cancel ends the call there.
pub(crate) struct Counter<'p> {
    progress: &'p mut dyn Progress,
    phase: &'static str,
    done: u64,
    total: Option<u64>,
}

impl<'p> Counter<'p> {
    /// Starts `phase`, of `total` items when known: reports that none is done yet (so a
    /// progress bar learns the total before the first item).
    pub(crate) fn start(
        progress: &'p mut dyn Progress,
        phase: &'static str,
        total: Option<u64>,
    ) -> Result<Self> {
        report(progress, phase, 0, total)?;
        Ok(Self {
            progress,
            phase,
            done: 0,
            total,
        })
    }

    /// `n` more items are done.
    pub(crate) fn add(&mut self, n: u64) -> Result<()> {
        self.done += n;
        report(self.progress, self.phase, self.done, self.total)
    }

    /// One more item is done.
    pub(crate) fn step(&mut self) -> Result<()> {
        self.add(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closure_cancels_and_silent_never_does() {
        let mut seen = Vec::new();
        let mut stop_at_two = |u: ProgressUpdate| {
            seen.push(u.done);
            if u.done >= 2 {
                Flow::Cancel
            } else {
                Flow::Continue
            }
        };
        assert!(report(&mut stop_at_two, "p", 1, Some(3)).is_ok());
        assert_eq!(
            report(&mut stop_at_two, "p", 2, Some(3)),
            Err(LexcaseError::Cancelled)
        );
        assert_eq!(seen, vec![1, 2]);
        assert!(report(&mut Silent, "p", 9, None).is_ok());
    }

    #[test]
    fn a_counter_reports_its_start_and_every_step() {
        let mut seen = Vec::new();
        let mut record = |u: ProgressUpdate| {
            seen.push((u.phase, u.done, u.total));
            if u.done == 3 {
                Flow::Cancel
            } else {
                Flow::Continue
            }
        };
        let mut counter = Counter::start(&mut record, "q", Some(4)).unwrap();
        counter.step().unwrap();
        assert_eq!(counter.add(2), Err(LexcaseError::Cancelled));
        assert_eq!(
            seen,
            vec![("q", 0, Some(4)), ("q", 1, Some(4)), ("q", 3, Some(4))]
        );
    }
}
