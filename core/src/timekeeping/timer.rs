//! The running timer: one per user, started, paused, resumed and stopped into a time entry.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::entry::MAX_ENTRY_SECONDS;
use crate::error::{LexcaseError, Result};
use crate::ids::{MatterId, UserId};
use crate::validate;

/// Whether the timer is counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TimerState {
    /// Counting since `running_since`.
    Running,
    /// Stopped for now; `elapsed_seconds` holds the time so far.
    Paused,
}

crate::names::stable_names!(TimerState, "state", "timer state", {
    Running = "running",
    Paused = "paused",
});

/// A user's timer (at most one each).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Timer {
    /// Whose timer.
    pub user: UserId,
    /// The matter the time is for.
    pub matter: MatterId,
    /// What is being done.
    pub narrative: String,
    /// When it was first started.
    pub started_at: DateTime<Utc>,
    /// Whole seconds counted before the current run.
    pub elapsed_seconds: u32,
    /// When the current run began (`None` while paused).
    pub running_since: Option<DateTime<Utc>>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// The timer's derived state (exported to the FFI as a method of the record).
#[cfg_attr(feature = "uniffi", uniffi::export)]
impl Timer {
    /// Running or paused.
    pub fn state(&self) -> TimerState {
        match self.running_since {
            Some(_) => TimerState::Running,
            None => TimerState::Paused,
        }
    }
}

impl Timer {
    /// A timer running from `now`.
    pub fn start(
        user: UserId,
        matter: MatterId,
        narrative: &str,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        Ok(Self {
            user,
            matter,
            narrative: validate::text("narrative", narrative)?,
            started_at: now,
            elapsed_seconds: 0,
            running_since: Some(now),
            version: 1,
        })
    }

    /// Whole seconds counted up to `now` (a clock that went backwards counts as no time).
    pub fn elapsed(&self, now: DateTime<Utc>) -> u32 {
        let run = self
            .running_since
            .map(|since| (now - since).num_seconds().max(0))
            .unwrap_or(0);
        let run = u32::try_from(run).unwrap_or(u32::MAX);
        self.elapsed_seconds
            .saturating_add(run)
            .min(MAX_ENTRY_SECONDS)
    }

    /// Pauses a running timer.
    pub fn pause(&mut self, now: DateTime<Utc>) -> Result<()> {
        if self.state() != TimerState::Running {
            return Err(transition("paused", "paused"));
        }
        self.elapsed_seconds = self.elapsed(now);
        self.running_since = None;
        Ok(())
    }

    /// Resumes a paused timer.
    pub fn resume(&mut self, now: DateTime<Utc>) -> Result<()> {
        if self.state() != TimerState::Paused {
            return Err(transition("running", "running"));
        }
        self.running_since = Some(now);
        Ok(())
    }
}

fn transition(from: &str, to: &str) -> LexcaseError {
    LexcaseError::InvalidTransition {
        entity: "timer",
        from: from.into(),
        to: to.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn counts_runs_and_pauses_in_whole_seconds() {
        let t0 = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
        let mut timer = Timer::start(UserId::new(), MatterId::new(), "Drafting", t0).unwrap();
        timer.pause(t0 + Duration::seconds(600)).unwrap();
        assert!(timer.pause(t0 + Duration::seconds(700)).is_err());
        assert_eq!(timer.elapsed(t0 + Duration::hours(5)), 600);
        timer.resume(t0 + Duration::seconds(1_000)).unwrap();
        assert!(timer.resume(t0 + Duration::seconds(1_001)).is_err());
        assert_eq!(timer.elapsed(t0 + Duration::milliseconds(1_200_999)), 800);
        assert_eq!(timer.elapsed(t0 + Duration::days(3)), MAX_ENTRY_SECONDS);
        assert_eq!(timer.elapsed(t0 - Duration::hours(1)), 600);
    }
}
