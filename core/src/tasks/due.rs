//! When a task falls due: on a date, or counted from a matter's key date or another task's due
//! date (so it moves when its anchor moves).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{DayCount, HolidayCalendar};
use crate::error::Result;
use crate::ids::TaskId;

/// What a relative due date counts from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum DueAnchor {
    /// A key date of the task's matter, by name.
    KeyDate(String),
    /// Another task's due date.
    Task(TaskId),
}

/// A task's due rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TaskDue {
    /// On a fixed date.
    On {
        /// The date.
        date: NaiveDate,
    },
    /// Counted from an anchor.
    Relative {
        /// What it counts from.
        anchor: DueAnchor,
        /// How far, in calendar or business days, before (negative) or after.
        count: DayCount,
    },
}

impl TaskDue {
    /// The due date, given the anchor's date (`None` while the anchor has no date yet).
    pub fn resolve(
        &self,
        anchor_date: Option<NaiveDate>,
        calendar: &dyn HolidayCalendar,
    ) -> Result<Option<NaiveDate>> {
        match self {
            TaskDue::On { date } => Ok(Some(*date)),
            TaskDue::Relative { count, .. } => {
                anchor_date.map(|d| count.apply(d, calendar)).transpose()
            }
        }
    }

    /// The anchor, for relative rules.
    pub fn anchor(&self) -> Option<&DueAnchor> {
        match self {
            TaskDue::On { .. } => None,
            TaskDue::Relative { anchor, .. } => Some(anchor),
        }
    }
}
