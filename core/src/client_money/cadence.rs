//! How often client accounts must be reconciled.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How often the trust (client) account is reconciled.
///
/// The default is [`Monthly`](Self::Monthly): a calendar month is at most 31 days, so monthly
/// reconciliation also meets the SRA's "at least every five weeks" (SRA Accounts Rules 2019
/// r.8.3) as well as the US states that require monthly reconciliation. [`FiveWeeks`](Self::FiveWeeks)
/// is the SRA's outer limit and does not satisfy a monthly rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ReconciliationCadence {
    /// The same day of the next month, clamped to the month's end (most US state rules).
    #[default]
    Monthly,
    /// Every 35 days (the SRA maximum).
    FiveWeeks,
}

crate::names::stable_names!(ReconciliationCadence, "cadence", "reconciliation cadence", {
    Monthly = "monthly",
    FiveWeeks = "five_weeks",
});

impl ReconciliationCadence {
    /// The latest date the next reconciliation is due, counted from the date of the last one
    /// (`FiveWeeks`: 35 days later; `Monthly`: the same day next month, clamped to the end of a
    /// shorter month). Saturates at the last representable date.
    pub fn next_due(self, last: NaiveDate) -> NaiveDate {
        let next = match self {
            Self::FiveWeeks => last.checked_add_days(Days::new(35)),
            Self::Monthly => last.checked_add_months(Months::new(1)),
        };
        next.unwrap_or(NaiveDate::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn five_weeks_is_35_days() {
        let c = ReconciliationCadence::FiveWeeks;
        assert_eq!(c.next_due(d(2025, 1, 31)), d(2025, 3, 7));
        assert_eq!(c.next_due(d(2024, 12, 31)), d(2025, 2, 4));
    }

    #[test]
    fn monthly_clamps_to_month_end() {
        let c = ReconciliationCadence::Monthly;
        assert_eq!(c.next_due(d(2025, 1, 31)), d(2025, 2, 28));
        assert_eq!(c.next_due(d(2024, 1, 31)), d(2024, 2, 29));
        assert_eq!(c.next_due(d(2025, 3, 31)), d(2025, 4, 30));
        assert_eq!(c.next_due(d(2025, 12, 15)), d(2026, 1, 15));
    }

    #[test]
    fn default_is_monthly_and_saturates() {
        assert_eq!(
            ReconciliationCadence::default(),
            ReconciliationCadence::Monthly
        );
        assert_eq!(
            serde_json::to_value(ReconciliationCadence::FiveWeeks).unwrap(),
            serde_json::json!("five_weeks")
        );
        assert_eq!(
            "five_weeks".parse::<ReconciliationCadence>().unwrap(),
            ReconciliationCadence::FiveWeeks
        );
        assert_eq!(
            ReconciliationCadence::FiveWeeks.next_due(NaiveDate::MAX),
            NaiveDate::MAX
        );
        assert_eq!(
            ReconciliationCadence::Monthly.next_due(NaiveDate::MAX),
            NaiveDate::MAX
        );
    }
}
