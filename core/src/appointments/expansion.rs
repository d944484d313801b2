//! Expanding a recurring series over a window, with work bounded by the window rather than by
//! the age of the series, and a typed error instead of a silent cut-off.
//!
//! The `rrule` crate expands a series occurrence by occurrence from its start. A daily
//! meeting started in 1990 would be stepped through 36 years to show a week of 2026. So a
//! rule without COUNT is first moved forward by whole periods to shortly before the window
//! (see [`fast_forward`]): the work is then the occurrences of the window and of a period or
//! two before it. A rule with COUNT, and one finer than daily that filters days, is stepped
//! from its start; both are bounded when set (COUNT or UNTIL, at most [`MAX_OCCURRENCES`]
//! occurrences). [`MAX_STEPS`] is a safety net for series stored before those checks.

use chrono::{DateTime, NaiveDateTime, Utc};
use rrule::RRuleSet;

use super::fast_forward::fast_forward;
use super::recurrence::MAX_OCCURRENCES;
use crate::error::{LexcaseError, Result};

/// The most occurrences one expansion may step through (those before the window included):
/// a safety net well above what a bounded series or a moved start needs.
const MAX_STEPS: usize = 200_000;

/// The occurrences of a window and the work it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Expansion {
    /// Local starts of the occurrences starting in the window, in order.
    pub starts: Vec<NaiveDateTime>,
    /// How many occurrences were generated to find them (the work done).
    pub generated: usize,
}

/// The error for a window holding more occurrences of one series than one expansion returns.
fn too_many() -> LexcaseError {
    LexcaseError::validation(
        "to",
        format!(
            "the range holds more than {MAX_OCCURRENCES} occurrences of one entry; ask for a shorter range"
        ),
    )
}

/// The occurrences of `series` starting in `[from, to]` (inclusive). More than
/// [`MAX_OCCURRENCES`] in the window is a validation error on `to`, never a truncated list.
/// `filters_days` says whether the rule as written filters days (see [`fast_forward`]).
pub(crate) fn expand(
    series: RRuleSet,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    filters_days: bool,
) -> Result<Expansion> {
    let series = fast_forward(&series, from, filters_days)
        .unwrap_or(series)
        .limit();
    let mut out = Expansion {
        starts: Vec::new(),
        generated: 0,
    };
    for occurrence in &series {
        out.generated += 1;
        let at = occurrence.with_timezone(&Utc);
        if at > to {
            break;
        }
        if at >= from {
            if out.starts.len() >= usize::from(MAX_OCCURRENCES) {
                return Err(too_many());
            }
            out.starts.push(occurrence.naive_local());
        }
        if out.generated >= MAX_STEPS {
            return Err(LexcaseError::validation(
                "recurrence",
                format!(
                    "the series has more than {MAX_STEPS} occurrences to step through; give the rule COUNT or UNTIL"
                ),
            ));
        }
    }
    Ok(out)
}
