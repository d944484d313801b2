//! What a deadline rule answers, and its versions with the trigger dates they are in force.

use chrono::NaiveDate;
use lexcase::deadlines::{Question as CoreQuestion, RuleVersion as CoreRuleVersion};

use super::docket::Period;
use crate::convert::mirror_enum;

mirror_enum! {
    /// The question a deadline rule answers.
    DeadlineQuestion = CoreQuestion {
        /// The last day for the act (the default).
        LastDayForAct,
        /// The earliest day a later event may take place, at least the period (CPR 2.8 clear
        /// days) after a step taken on the trigger day.
        EarliestDayForEvent,
    }
}

/// One version of a deadline rule: the trigger dates it is in force (from inclusive, until
/// exclusive, null for open-ended) and what it changes (null keeps the rule's own).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RuleVersion {
    /// What the trace calls it, e.g. `Finance Act 2019`.
    pub name: String,
    /// The first trigger date it applies to.
    #[uniffi(default)]
    pub in_force_from: Option<NaiveDate>,
    /// The first trigger date it no longer applies to.
    #[uniffi(default)]
    pub in_force_until: Option<NaiveDate>,
    /// The period while it is in force.
    #[uniffi(default)]
    pub period: Option<Period>,
    /// The citation while it is in force.
    #[uniffi(default)]
    pub citation: Option<String>,
}

impl From<CoreRuleVersion> for RuleVersion {
    fn from(version: CoreRuleVersion) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreRuleVersion {
            name,
            in_force_from,
            in_force_until,
            period,
            citation,
        } = version;
        Self {
            name,
            in_force_from,
            in_force_until,
            period: period.map(Into::into),
            citation,
        }
    }
}

impl From<RuleVersion> for CoreRuleVersion {
    fn from(version: RuleVersion) -> Self {
        let RuleVersion {
            name,
            in_force_from,
            in_force_until,
            period,
            citation,
        } = version;
        Self {
            name,
            in_force_from,
            in_force_until,
            period: period.map(Into::into),
            citation,
        }
    }
}
