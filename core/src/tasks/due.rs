//! When a task falls due: on a date, or counted from a matter's key date or another task's due
//! date (so it moves when its anchor moves).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{DayCount, HolidayCalendar};
use crate::error::{LexcaseError, Result};
use crate::ids::TaskId;
use crate::validate;

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
    /// The due date, given the anchor's date (`None` while the anchor has no date yet). A
    /// date outside the years 1 to 9999 (given, or counted from the anchor) is a validation
    /// error on `due`.
    pub fn resolve(
        &self,
        anchor_date: Option<NaiveDate>,
        calendar: &dyn HolidayCalendar,
    ) -> Result<Option<NaiveDate>> {
        let date = match self {
            TaskDue::On { date } => Some(*date),
            TaskDue::Relative { count, .. } => anchor_date
                .map(|d| count.apply(d, calendar))
                .transpose()
                .map_err(|_| {
                    LexcaseError::validation(
                        "due",
                        "the due date counted from the anchor falls outside the years 1 to 9999",
                    )
                })?,
        };
        date.map(|d| validate::date("due", d)).transpose()
    }

    /// The anchor, for relative rules.
    pub fn anchor(&self) -> Option<&DueAnchor> {
        match self {
            TaskDue::On { .. } => None,
            TaskDue::Relative { anchor, .. } => Some(anchor),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{DayUnit, WeekendsOnly};

    #[test]
    fn due_dates_past_the_year_9999_are_refused_on_due() {
        let last: NaiveDate = "9999-12-31".parse().unwrap();
        let after = |days, unit| TaskDue::Relative {
            anchor: DueAnchor::KeyDate("completion".into()),
            count: DayCount::new(days, unit).unwrap(),
        };
        let on_due = |r: Result<Option<NaiveDate>>| matches!(r, Err(LexcaseError::Validation { field, .. }) if field == "due");
        assert!(on_due(
            after(1, DayUnit::CalendarDays).resolve(Some(last), &WeekendsOnly)
        ));
        assert!(on_due(
            after(1, DayUnit::BusinessDays).resolve(Some(last), &WeekendsOnly)
        ));
        assert!(on_due(
            after(-1, DayUnit::CalendarDays).resolve(Some(NaiveDate::MIN), &WeekendsOnly)
        ));
        assert_eq!(
            after(0, DayUnit::CalendarDays)
                .resolve(Some(last), &WeekendsOnly)
                .unwrap(),
            Some(last)
        );
        let year_10000 = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        assert!(on_due(
            TaskDue::On { date: year_10000 }.resolve(None, &WeekendsOnly)
        ));
        assert_eq!(
            after(1, DayUnit::CalendarDays)
                .resolve(None, &WeekendsOnly)
                .unwrap(),
            None
        );
    }
}
