//! When a task falls due: on a date, or counted from a matter's key date or another task's due
//! date (so it moves when its anchor moves).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{DayCount, DayUnit, HolidayCalendar};
use crate::error::{LexcaseError, Result};
use crate::ids::TaskId;
use crate::validate;

/// What a relative due date counts from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DueAnchor {
    /// A key date of the task's matter, by name.
    KeyDate(#[cfg_attr(feature = "uniffi", uniffi(name = "name"))] String),
    /// Another task's due date.
    Task(#[cfg_attr(feature = "uniffi", uniffi(name = "id"))] TaskId),
}

/// A task's due rule. A relative rule's day count is checked (at most 10,000 days either way)
/// when the rule is given to a task ([`TaskDue::count`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "StoredDue", into = "StoredDue")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TaskDue {
    /// On a fixed date.
    On {
        /// The date.
        date: NaiveDate,
    },
    /// Counted from an anchor; the task moves when its anchor moves.
    Relative {
        /// What it counts from.
        anchor: DueAnchor,
        /// Days after (positive) or before (negative); at most 10,000 either way.
        days: i32,
        /// Calendar or business days (weekends and the firm's holidays are not business days).
        unit: DayUnit,
    },
}

/// How a due rule is stored: a relative rule keeps its count as one `count` object.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum StoredDue {
    /// On a fixed date.
    On {
        /// The date.
        date: NaiveDate,
    },
    /// Counted from an anchor.
    Relative {
        /// What it counts from.
        anchor: DueAnchor,
        /// How far.
        count: DayCount,
    },
}

impl From<StoredDue> for TaskDue {
    fn from(stored: StoredDue) -> Self {
        match stored {
            StoredDue::On { date } => Self::On { date },
            StoredDue::Relative { anchor, count } => Self::Relative {
                anchor,
                days: count.days,
                unit: count.unit,
            },
        }
    }
}

impl From<TaskDue> for StoredDue {
    fn from(due: TaskDue) -> Self {
        match due {
            TaskDue::On { date } => Self::On { date },
            TaskDue::Relative { anchor, days, unit } => Self::Relative {
                anchor,
                count: DayCount { days, unit },
            },
        }
    }
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
            TaskDue::Relative { days, unit, .. } => anchor_date
                .map(|d| DayCount::new(*days, *unit)?.apply(d, calendar))
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

    /// The checked day count of a relative rule (a validation error on `days` beyond 10,000
    /// days either way); `None` for a fixed date.
    pub fn count(&self) -> Result<Option<DayCount>> {
        match self {
            TaskDue::On { .. } => Ok(None),
            TaskDue::Relative { days, unit, .. } => DayCount::new(*days, *unit).map(Some),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::WeekendsOnly;

    #[test]
    fn due_dates_past_the_year_9999_are_refused_on_due() {
        let last: NaiveDate = "9999-12-31".parse().unwrap();
        let after = |days, unit| TaskDue::Relative {
            anchor: DueAnchor::KeyDate("completion".into()),
            days,
            unit,
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

    #[test]
    fn relative_rules_are_stored_with_their_count_as_one_object() {
        let due = TaskDue::Relative {
            anchor: DueAnchor::KeyDate("completion".into()),
            days: -5,
            unit: DayUnit::BusinessDays,
        };
        let json = serde_json::to_value(&due).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "kind": "relative",
                "anchor": { "kind": "key_date", "value": "completion" },
                "count": { "days": -5, "unit": "business_days" },
            })
        );
        assert_eq!(serde_json::from_value::<TaskDue>(json).unwrap(), due);
    }
}
