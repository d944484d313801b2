//! Which question a rule answers: the last day for an act, or the earliest day for a later
//! event that must be kept at least the period away from a step.

use serde::{Deserialize, Serialize};

use super::rule::{CountingMethod, DeadlineRule, Direction, PeriodUnit, RollPolicy};
use crate::error::{LexcaseError, Result};

/// The question a rule answers. Packs name it in the `answers` field; a rule without one
/// answers [`Question::LastDayForAct`], as every rule did before the field existed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "uniffi", uniffi(name = "DeadlineQuestion"))]
pub enum Question {
    /// The last day for the act: within the period after the trigger (answer 21 days after
    /// service), or at least the period before it (serve 3 clear days before the hearing).
    #[default]
    LastDayForAct,
    /// The earliest day a later event may take place when at least the period must separate
    /// it from a step taken on the trigger day: CPR 2.8 clear days, the day of the step and
    /// the day of the event both left out (step on Monday 1st, 3 clear days → the event on
    /// Friday 5th at the earliest). Needs `direction = "after"`.
    EarliestDayForEvent,
}

crate::names::stable_names!(Question, "answers", "question", {
    LastDayForAct = "last_day_for_act",
    EarliestDayForEvent = "earliest_day_for_event",
});

impl Question {
    /// Whether this is the default question (serde leaves it out).
    pub(super) fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// What the closing step of a trace calls the date, e.g. `last day for`.
    pub(super) fn closing_words(self) -> &'static str {
        match self {
            Self::LastDayForAct => "last day for",
            Self::EarliestDayForEvent => "earliest day for",
        }
    }

    /// Refuses combinations where the question has no meaning. The earliest day for an event
    /// is answered for CPR 2.8 clear days (days or weeks) after the step, never rolled back
    /// (that would leave fewer clear days) and never extended for a court-office closure (an
    /// event is not an act at the office).
    pub(super) fn check(self, rule: &DeadlineRule) -> Result<()> {
        if self == Self::LastDayForAct {
            return Ok(());
        }
        let why = if rule.method != CountingMethod::Cpr2_8 {
            Some("the earliest day for an event is counted in CPR 2.8 clear days (method cpr2_8)")
        } else if !matches!(rule.period.unit, PeriodUnit::Days | PeriodUnit::Weeks) {
            Some("clear days are counted in days or weeks")
        } else if rule.direction != Direction::After {
            Some("the event comes after the step: use direction after")
        } else if rule.roll == RollPolicy::Backward {
            Some("rolling back would leave fewer clear days than the period")
        } else if rule.court_office_act {
            Some("an event is not an act at the court office")
        } else {
            None
        };
        match why {
            Some(why) => Err(LexcaseError::validation("answers", why)),
            None => Ok(()),
        }
    }
}
