//! Versions of a rule: when a rule changes (SDLT's 30 days became 14 for effective dates on
//! or after 1 March 2019), each version says when it is in force and what it changes; the
//! computation takes the version in force on the trigger date.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::rule::{DeadlineRule, Period};
use crate::error::{LexcaseError, Result};
use crate::validate;

/// The most versions one rule may carry.
const MAX_VERSIONS: usize = 50;

/// One version of a rule: the trigger dates it applies to and what it changes. Fields left
/// out are the rule's own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RuleVersion {
    /// What the trace calls it, e.g. `Finance Act 2019`.
    pub name: String,
    /// The first trigger date it applies to (inclusive); from the beginning when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub in_force_from: Option<NaiveDate>,
    /// The first trigger date it no longer applies to (exclusive); open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub in_force_until: Option<NaiveDate>,
    /// The period while it is in force; the rule's own when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub period: Option<Period>,
    /// The citation while it is in force; the rule's own when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub citation: Option<String>,
}

impl RuleVersion {
    /// Whether it is in force for a trigger on `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.in_force_from.is_none_or(|from| from <= date)
            && self.in_force_until.is_none_or(|until| date < until)
    }

    /// When it is in force, in words: `from 2019-03-01`, `until 2019-03-01`, `always`.
    pub fn span(&self) -> String {
        match (self.in_force_from, self.in_force_until) {
            (Some(from), Some(until)) => format!("from {from} until {until}"),
            (Some(from), None) => format!("from {from}"),
            (None, Some(until)) => format!("until {until}"),
            (None, None) => "always".to_owned(),
        }
    }
}

impl DeadlineRule {
    /// The rule as it stands for a trigger on `date`: itself when it has no versions, else
    /// with the changes of the version in force then (and that version). A date no version
    /// covers is a validation error on `trigger`.
    pub fn in_force(
        &self,
        date: NaiveDate,
    ) -> Result<(Cow<'_, DeadlineRule>, Option<&RuleVersion>)> {
        if self.versions.is_empty() {
            return Ok((Cow::Borrowed(self), None));
        }
        let version = self
            .versions
            .iter()
            .find(|v| v.covers(date))
            .ok_or_else(|| {
                LexcaseError::validation(
                    "trigger",
                    format!("rule {} has no version in force on {date}", self.id),
                )
            })?;
        Ok((Cow::Owned(self.with_version(version)), Some(version)))
    }

    /// The rule with `version`'s changes and without versions.
    fn with_version(&self, version: &RuleVersion) -> DeadlineRule {
        let mut rule = self.clone();
        rule.versions = Vec::new();
        if let Some(period) = version.period {
            rule.period = period;
        }
        if let Some(citation) = &version.citation {
            rule.citation.clone_from(citation);
        }
        rule
    }

    /// Checks the versions: named, a start before the end, no two in force on the same day,
    /// and the rule valid as each version changes it.
    pub(super) fn validate_versions(&self) -> Result<()> {
        validate::bounded("versions", &self.versions, MAX_VERSIONS)?;
        let invalid = |why: String| LexcaseError::validation("versions", why);
        for version in &self.versions {
            validate::required_line("name", &version.name)
                .map_err(|_| invalid("every version needs a name".to_owned()))?;
            if let Some(citation) = &version.citation {
                validate::required_line("citation", citation)
                    .map_err(|_| invalid(format!("version {}: empty citation", version.name)))?;
            }
            if let (Some(from), Some(until)) = (version.in_force_from, version.in_force_until)
                && from >= until
            {
                return Err(invalid(format!(
                    "version {}: it ends before it starts",
                    version.name
                )));
            }
            self.with_version(version)
                .validate()
                .map_err(|e| invalid(format!("version {}: {e}", version.name)))?;
        }
        let mut by_start: Vec<&RuleVersion> = self.versions.iter().collect();
        by_start.sort_by_key(|v| v.in_force_from);
        for pair in by_start.windows(2) {
            let (earlier, later) = (pair[0], pair[1]);
            let overlaps = match (earlier.in_force_until, later.in_force_from) {
                (Some(until), Some(from)) => from < until,
                _ => true,
            };
            if overlaps {
                return Err(invalid(format!(
                    "versions {} and {} are both in force on some days",
                    earlier.name, later.name
                )));
            }
        }
        Ok(())
    }
}
