//! A deadline rule as data: the period, its direction from the trigger, the counting method,
//! the roll policy and the explicit choices for the ambiguous readings.

use serde::{Deserialize, Serialize};

use super::question::Question;
use super::version::RuleVersion;
use crate::calendar::CalendarSpec;
use crate::error::{LexcaseError, Result};
use crate::validate;

/// The unit a period is stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PeriodUnit {
    /// Elapsed hours (FRCP 6(a)(2)); needs a trigger moment.
    Hours,
    /// Days.
    Days,
    /// Weeks of seven days.
    Weeks,
    /// Calendar months (CPR 2.10).
    Months,
    /// Calendar years.
    Years,
}

crate::names::stable_names!(PeriodUnit, "unit", "period unit", {
    Hours = "hours", Days = "days", Weeks = "weeks", Months = "months", Years = "years",
});

impl PeriodUnit {
    /// The largest amount accepted in this unit (about 400 days of hours; 100 years).
    pub fn max_amount(self) -> u32 {
        match self {
            Self::Hours | Self::Days => 10_000,
            Self::Weeks => 1_430,
            Self::Months => 1_200,
            Self::Years => 100,
        }
    }
}

/// A period of time: `21 days`, `4 months`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Period {
    /// How many units.
    pub amount: u32,
    /// The unit.
    pub unit: PeriodUnit,
}

/// Whether the deadline falls after or before the trigger event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "uniffi", uniffi(name = "PeriodDirection"))]
pub enum Direction {
    /// Within the period after the trigger (answer 21 days after service).
    After,
    /// At least the period before the trigger (served 14 days before the hearing).
    Before,
}

crate::names::stable_names!(Direction, "direction", "direction", {
    After = "after", Before = "before",
});

/// How the days of the period are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CountingMethod {
    /// FRCP 6(a): leave out the trigger day, count every day, roll off weekends and legal
    /// holidays; hours elapse from the trigger moment; 6(d) service days.
    Frcp6,
    /// CPR 2.8: clear days; periods of five days or less skip weekends, bank holidays,
    /// Christmas Day and Good Friday; months are calendar months (CPR 2.10).
    #[serde(rename = "cpr2_8")]
    Cpr2_8,
    /// Plain counting: every day counts (trigger day left out), then the roll policy.
    Calendar,
}

crate::names::stable_names!(CountingMethod, "method", "counting method", {
    Frcp6 = "frcp6", Cpr2_8 = "cpr2_8", Calendar = "calendar",
});

/// What happens when the last day is a weekend or holiday of the holiday calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RollPolicy {
    /// To the next business day.
    Forward,
    /// To the previous business day.
    Backward,
    /// No roll: the last day stands.
    None,
    /// FRCP 6(a)(5): forward for periods after the trigger, backward for periods before it.
    Auto,
}

crate::names::stable_names!(RollPolicy, "roll", "roll policy", {
    Forward = "forward", Backward = "backward", None = "none", Auto = "auto",
});

/// When the three FRCP 6(d) service days are added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ServiceDaysReading {
    /// Implemented reading: compute under 6(a) including its roll, add 3 days, roll again.
    #[default]
    AfterRoll,
    /// Other reading: add 3 days to the unrolled last day, then roll once.
    BeforeRoll,
}

crate::names::stable_names!(ServiceDaysReading, "service_days_reading", "service days reading", {
    AfterRoll = "after_roll", BeforeRoll = "before_roll",
});

/// What a month or year period does when the corresponding day does not exist (31 January
/// plus one month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MonthEndReading {
    /// The last day of the shorter month (28/29 February): the corresponding-date rule.
    #[default]
    Clamp,
    /// The first day of the month after it (1 March).
    NextMonthStart,
}

crate::names::stable_names!(MonthEndReading, "month_end", "month end reading", {
    Clamp = "clamp", NextMonthStart = "next_month_start",
});

/// Explicit choices for the readings of the rules that are open to argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReadingOptions {
    /// FRCP 6(d): the 3 days after the 6(a) roll (default) or before it.
    pub service_days: ServiceDaysReading,
    /// Month and year periods ending on a day the month lacks.
    pub month_end: MonthEndReading,
}

/// A deadline rule: `Answer to complaint`, 21 days after service, FRCP 6 counting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeadlineRule {
    /// Stable id, e.g. `frcp-answer` (lower-case letters, digits and hyphens).
    pub id: String,
    /// What must be done, e.g. `Answer to complaint`.
    pub title: String,
    /// Where the period comes from, e.g. `FRCP 12(a)(1)(A)(i)`.
    pub citation: String,
    /// The period.
    pub period: Period,
    /// After or before the trigger event.
    pub direction: Direction,
    /// How days are counted.
    pub method: CountingMethod,
    /// Rolling off weekends and holidays.
    pub roll: RollPolicy,
    /// FRCP 6(d): add 3 days when served by mail, left with the clerk or other consented means.
    pub service_days: bool,
    /// The act is done at the court office: a closure on the last day extends the time to the
    /// next day the office is open, forward even for periods counted back from an event
    /// (FRCP 6(a)(3), CPR 2.8(5)).
    pub court_office_act: bool,
    /// The readings chosen where the rules are ambiguous.
    #[serde(default)]
    pub options: ReadingOptions,
    /// The legal-holiday calendar the rule is usually computed with (e.g. `england-wales`);
    /// the counting method's usual one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub holidays: Option<CalendarSpec>,
    /// The court-office closure calendar the rule is usually computed with (e.g.
    /// `ew-court-office`); the counting method's usual one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub closures: Option<CalendarSpec>,
    /// The question the rule answers: the last day for the act (the default) or the earliest
    /// day for a later event.
    #[serde(default, skip_serializing_if = "Question::is_default")]
    pub answers: Question,
    /// Versions with the trigger dates they are in force (empty: the rule never changed).
    /// The computation takes the version in force on the trigger date and names it in the
    /// trace.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub versions: Vec<RuleVersion>,
}

impl DeadlineRule {
    /// The legal-holiday calendar the rule is computed with unless a deadline names one: the
    /// rule's own, else its counting method's usual one (US federal holidays for FRCP 6,
    /// England & Wales bank holidays for CPR 2.8, weekends only for plain counting).
    pub fn usual_holidays(&self) -> CalendarSpec {
        self.holidays.clone().unwrap_or_else(|| {
            CalendarSpec::built_in(match self.method {
                CountingMethod::Frcp6 => "us-federal",
                CountingMethod::Cpr2_8 => "england-wales",
                CountingMethod::Calendar => "weekends-only",
            })
        })
    }

    /// The court-office closure calendar the rule is computed with unless a deadline names
    /// one: the rule's own, else the PD 2A closures for CPR 2.8 and none beyond weekends
    /// otherwise.
    pub fn usual_closures(&self) -> CalendarSpec {
        self.closures.clone().unwrap_or_else(|| {
            CalendarSpec::built_in(match self.method {
                CountingMethod::Cpr2_8 => "ew-court-office",
                CountingMethod::Frcp6 | CountingMethod::Calendar => "weekends-only",
            })
        })
    }

    /// Checks the rule: text fields, a sane non-zero amount, combinations that make sense
    /// (service days only for FRCP periods after service in days; hours not under CPR 2.8;
    /// the earliest day for an event only under CPR 2.8) and its versions.
    pub fn validate(&self) -> Result<()> {
        validate::required_line("id", &self.id)?;
        if !self
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(LexcaseError::validation(
                "id",
                "use lower-case letters, digits and hyphens",
            ));
        }
        validate::required_line("title", &self.title)?;
        validate::required_line("citation", &self.citation)?;
        let Period { amount, unit } = self.period;
        if amount == 0 && self.method != CountingMethod::Calendar {
            return Err(LexcaseError::validation(
                "period",
                "a zero period is meaningless for this counting method",
            ));
        }
        if amount > unit.max_amount() {
            return Err(LexcaseError::validation(
                "period",
                format!("more than {} {unit}", unit.max_amount()),
            ));
        }
        if unit == PeriodUnit::Hours && self.method == CountingMethod::Cpr2_8 {
            return Err(LexcaseError::validation(
                "period",
                "CPR 2.8 does not count hours",
            ));
        }
        if self.service_days {
            let why = if self.method != CountingMethod::Frcp6 {
                Some("service days (FRCP 6(d)) apply only to the frcp6 method")
            } else if self.direction != Direction::After {
                Some("service days apply only to periods after being served")
            } else if unit == PeriodUnit::Hours {
                Some("service days do not apply to hour periods")
            } else {
                None
            };
            if let Some(why) = why {
                return Err(LexcaseError::validation("service_days", why));
            }
        }
        self.answers.check(self)?;
        if !self.versions.is_empty() {
            self.validate_versions()?;
        }
        Ok(())
    }
}
