//! Rounding recorded time to billing increments (STANDARDS §7.1): up, nearest or down, to an
//! increment of 1–60 minutes, with an optional minimum, per entry or per day.
//!
//! Nearest rounds half up at the half-increment boundary, which reproduces the nearest-tenth
//! table (2 min → 0.0 h, 3 min → 0.1 h, 9 min → 0.2 h). Per-day aggregation (required by e.g.
//! Massachusetts CPCS) rounds the day's total once and spreads it back over the entries in whole
//! increments by largest remainder, ties to the earlier entry, so the entries sum to the rounded
//! total.

use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};

/// Which way time is rounded to the increment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RoundingMode {
    /// Up to the next increment (the usual law-firm ceiling).
    #[default]
    Up,
    /// To the nearest increment, half up.
    Nearest,
    /// Down to the increment (some client guidelines require it).
    Down,
}

crate::names::stable_names!(RoundingMode, "rounding_mode", "rounding mode", {
    Up = "up",
    Nearest = "nearest",
    Down = "down",
});

/// What is rounded: each entry, or each day's total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Aggregation {
    /// Every entry is rounded on its own.
    #[default]
    PerEntry,
    /// The day's entries (for one matter) are totalled and rounded once.
    PerDay,
}

crate::names::stable_names!(Aggregation, "aggregation", "aggregation", {
    PerEntry = "per_entry",
    PerDay = "per_day",
});

/// A rounding policy; the default is 6-minute increments, rounded up, no minimum, per entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoundingPolicy {
    /// The increment in minutes, 1 to 60 (1 = exact minutes; 6 = tenths of an hour).
    pub increment_minutes: u32,
    /// Which way to round.
    pub mode: RoundingMode,
    /// The least billed for non-zero time, in minutes (0 = none), at most 60.
    pub minimum_minutes: u32,
    /// Per entry or per day.
    pub aggregation: Aggregation,
}

impl Default for RoundingPolicy {
    fn default() -> Self {
        Self {
            increment_minutes: 6,
            mode: RoundingMode::Up,
            minimum_minutes: 0,
            aggregation: Aggregation::PerEntry,
        }
    }
}

/// The largest accepted minimum, in minutes.
pub const MAX_MINIMUM_MINUTES: u32 = 60;

impl RoundingPolicy {
    /// Checks the increment (1–60 minutes) and the minimum (0–60 minutes).
    pub fn validate(&self) -> Result<()> {
        if !(1..=60).contains(&self.increment_minutes) {
            return Err(LexcaseError::validation(
                "increment_minutes",
                "must be between 1 and 60",
            ));
        }
        if self.minimum_minutes > MAX_MINIMUM_MINUTES {
            return Err(LexcaseError::validation(
                "minimum_minutes",
                "must be between 0 and 60",
            ));
        }
        Ok(())
    }

    /// The increment in seconds; an out-of-range increment (see [`Self::validate`]) is clamped.
    fn increment(&self) -> u64 {
        u64::from(self.increment_minutes.clamp(1, 60)) * 60
    }

    fn minimum(&self) -> u64 {
        u64::from(self.minimum_minutes.min(MAX_MINIMUM_MINUTES)) * 60
    }

    /// Rounds to the increment by the mode, without the minimum.
    fn snap(&self, seconds: u64) -> u64 {
        let inc = self.increment();
        let units = match self.mode {
            RoundingMode::Up => seconds.div_ceil(inc),
            RoundingMode::Down => seconds / inc,
            RoundingMode::Nearest => seconds.saturating_add(inc / 2) / inc,
        };
        units.saturating_mul(inc)
    }

    /// Applies the minimum to non-zero time.
    fn with_minimum(&self, raw: u64, rounded: u64) -> u64 {
        if raw > 0 {
            rounded.max(self.minimum())
        } else {
            rounded
        }
    }

    /// Rounds one entry's seconds (minimum included), ignoring the aggregation.
    pub fn round_entry(&self, seconds: u64) -> u64 {
        self.with_minimum(seconds, self.snap(seconds))
    }

    /// Rounds one day's entries (for one matter), returning the billed seconds of each entry.
    /// Per entry: each is rounded. Per day: the total is rounded once (minimum included) and
    /// distributed back in whole increments by largest remainder (ties to the earlier entry);
    /// any part of a minimum that is not a whole increment goes to the largest entry.
    pub fn round_day(&self, entries: &[u64]) -> Vec<u64> {
        match self.aggregation {
            Aggregation::PerEntry => entries.iter().map(|&s| self.round_entry(s)).collect(),
            Aggregation::PerDay => self.distribute(entries),
        }
    }

    fn distribute(&self, entries: &[u64]) -> Vec<u64> {
        let total: u128 = entries.iter().map(|&s| u128::from(s)).sum();
        let mut out = vec![0u64; entries.len()];
        if total == 0 {
            return out;
        }
        let raw_total = u64::try_from(total).unwrap_or(u64::MAX);
        let rounded = self.round_entry(raw_total);
        let inc = self.increment();
        let units = u128::from(rounded / inc);
        let leftover = rounded % inc;
        let mut given = 0u128;
        let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(entries.len());
        for (i, &s) in entries.iter().enumerate() {
            let share = units * u128::from(s);
            let whole = share / total;
            given += whole;
            out[i] = u64::try_from(whole).unwrap_or(u64::MAX).saturating_mul(inc);
            remainders.push((share % total, i));
        }
        // Largest remainder first; among equal remainders the earlier entry.
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let missing = usize::try_from(units - given).unwrap_or(usize::MAX);
        for &(_, i) in remainders.iter().take(missing) {
            out[i] = out[i].saturating_add(inc);
        }
        if leftover > 0 {
            let largest = (0..entries.len())
                .max_by(|&a, &b| entries[a].cmp(&entries[b]).then(b.cmp(&a)))
                .unwrap_or(0);
            out[largest] = out[largest].saturating_add(leftover);
        }
        out
    }
}
