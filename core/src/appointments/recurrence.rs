//! Recurrence: an RFC 5545 `RRULE` value, checked and expanded with the `rrule` crate.

use chrono::{DateTime, NaiveDateTime, NaiveTime, TimeZone, Utc};
use rrule::{Frequency, RRule, RRuleSet, Unvalidated};
use serde::{Deserialize, Serialize};

use super::expansion::{self, Expansion};
use super::fast_forward;
use super::schedule::{Schedule, instant, parse_zone};
use crate::error::{LexcaseError, Result};

/// The most occurrences one series may have, and one expansion may return.
pub const MAX_OCCURRENCES: u16 = 10_000;

/// An RFC 5545 recurrence rule, the value of an `RRULE` line, e.g.
/// `FREQ=WEEKLY;BYDAY=TU;COUNT=10`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Recurrence(String);

// Crosses the FFI as its rule text (Kotlin `String`); a rule that does not parse lifts as the
// same validation error (field `recurrence`) as `Recurrence::parse`.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(Recurrence, String, {
    lower: |rule| rule.0,
    try_lift: |text| Ok(Recurrence::parse(&text).map_err(crate::ffi::FfiError::from)?),
});

impl Recurrence {
    /// Parses and checks a rule (an optional `RRULE:` prefix is accepted). Refused (a
    /// validation error on `recurrence`): a rule that does not parse, more than one line,
    /// `INTERVAL=0`, and an HOURLY, MINUTELY or SECONDLY rule without COUNT or UNTIL.
    pub fn parse(text: &str) -> Result<Self> {
        let text = text.trim();
        let text = text
            .strip_prefix("RRULE:")
            .or_else(|| text.strip_prefix("rrule:"))
            .unwrap_or(text)
            .to_owned();
        if text.contains(['\r', '\n']) {
            return Err(LexcaseError::validation(
                "recurrence",
                "one RRULE line only",
            ));
        }
        let rule = Self::unvalidated(&text)?;
        if rule.get_interval() == 0 {
            return Err(LexcaseError::validation(
                "recurrence",
                "INTERVAL must be at least 1",
            ));
        }
        let finer_than_daily = matches!(
            rule.get_freq(),
            Frequency::Hourly | Frequency::Minutely | Frequency::Secondly
        );
        if finer_than_daily && rule.get_count().is_none() && rule.get_until().is_none() {
            return Err(LexcaseError::validation(
                "recurrence",
                "an HOURLY, MINUTELY or SECONDLY rule needs COUNT or UNTIL",
            ));
        }
        Ok(Self(text))
    }

    /// The rule text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn unvalidated(text: &str) -> Result<RRule<Unvalidated>> {
        text.parse::<RRule<Unvalidated>>()
            .map_err(|e| LexcaseError::validation("recurrence", e.to_string()))
    }

    /// The series this rule makes from the first occurrence's schedule. All-day series
    /// recur on dates (expanded in UTC); timed ones on wall-clock times of their zone, so a
    /// 09:00 meeting stays at 09:00 across clock changes.
    fn series(&self, first: &Schedule) -> Result<RRuleSet> {
        let start = match first {
            Schedule::AllDay { first_day, .. } => {
                rrule::Tz::UTC.from_utc_datetime(&first_day.and_time(NaiveTime::MIN))
            }
            Schedule::Timed { start, zone, .. } => {
                let tz = parse_zone(zone)?;
                instant(tz, *start, "start")?.with_timezone(&rrule::Tz::Tz(tz))
            }
        };
        Self::unvalidated(&self.0)?
            .build(start)
            .map_err(|e| LexcaseError::validation("recurrence", e.to_string()))
    }

    /// Checks the rule against its first occurrence and returns the local start of the last
    /// occurrence, or `None` when the series never ends. Refused: a series longer than
    /// [`MAX_OCCURRENCES`], and one with no occurrence at all (`FREQ=DAILY;BYMONTH=2;
    /// BYMONTHDAY=30`), which every expansion would search for in vain.
    pub fn last_start(&self, first: &Schedule) -> Result<Option<NaiveDateTime>> {
        let series = self.series(first)?;
        let bounded = series
            .get_rrule()
            .iter()
            .any(|r| r.get_count().is_some() || r.get_until().is_some());
        let none = || LexcaseError::validation("recurrence", "the rule gives no occurrence");
        if !bounded {
            if series.all(1).dates.is_empty() {
                return Err(none());
            }
            return Ok(None);
        }
        let result = series.all(MAX_OCCURRENCES);
        if result.limited && result.dates.len() >= usize::from(MAX_OCCURRENCES) {
            return Err(LexcaseError::validation(
                "recurrence",
                "a series has at most 10000 occurrences",
            ));
        }
        match result.dates.last() {
            Some(last) => Ok(Some(last.naive_local())),
            None => Err(none()),
        }
    }

    /// The local starts of the occurrences starting in `[from, to]` (inclusive). More than
    /// [`MAX_OCCURRENCES`] is a validation error on `to`, never a cut-off list.
    pub(crate) fn starts_between(
        &self,
        first: &Schedule,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<NaiveDateTime>> {
        Ok(self.expansion(first, from, to)?.starts)
    }

    /// [`Recurrence::starts_between`] with the work it took.
    pub(crate) fn expansion(
        &self,
        first: &Schedule,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Expansion> {
        let filters_days = fast_forward::filters_days(&Self::unvalidated(&self.0)?);
        expansion::expand(self.series(first)?, from, to, filters_days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    #[test]
    fn rejects_rules_that_do_not_parse() {
        assert!(Recurrence::parse("FREQ=SOMETIMES").is_err());
        assert!(Recurrence::parse("COUNT=3").is_err());
        assert!(Recurrence::parse("FREQ=DAILY\nFREQ=WEEKLY").is_err());
        assert_eq!(
            Recurrence::parse("RRULE:FREQ=DAILY;COUNT=2")
                .unwrap()
                .as_str(),
            "FREQ=DAILY;COUNT=2"
        );
    }

    #[test]
    fn weekly_meeting_keeps_its_wall_clock_time_across_dst() {
        let first = Schedule::timed(
            at("2026-10-20T09:00:00"),
            at("2026-10-20T10:00:00"),
            "Europe/London",
        );
        let rule = Recurrence::parse("FREQ=WEEKLY;COUNT=3").unwrap();
        let from = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap();
        let to = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
        let starts = rule.starts_between(&first, from, to).unwrap();
        assert_eq!(
            starts,
            vec![
                at("2026-10-20T09:00:00"),
                at("2026-10-27T09:00:00"),
                at("2026-11-03T09:00:00")
            ]
        );
        assert_eq!(
            rule.last_start(&first).unwrap(),
            Some(at("2026-11-03T09:00:00"))
        );
    }

    #[test]
    fn open_ended_and_oversized_series() {
        let first = Schedule::all_day("2026-01-05".parse().unwrap(), "2026-01-05".parse().unwrap());
        assert_eq!(
            Recurrence::parse("FREQ=WEEKLY")
                .unwrap()
                .last_start(&first)
                .unwrap(),
            None
        );
        assert!(
            Recurrence::parse("FREQ=DAILY;COUNT=20000")
                .unwrap()
                .last_start(&first)
                .is_err()
        );
        // A rule with no occurrence at all, open-ended or not.
        for rule in [
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
            "FREQ=DAILY;UNTIL=20250101T000000Z",
        ] {
            assert!(
                Recurrence::parse(rule).unwrap().last_start(&first).is_err(),
                "{rule}"
            );
        }
    }
}
