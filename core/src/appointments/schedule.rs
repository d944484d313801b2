//! When an entry happens: whole days, or a start and end in an IANA time zone.

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};

/// The longest single entry: 31 days.
const MAX_SPAN_DAYS: i64 = 31;

/// When an entry (or one occurrence of it) happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Schedule {
    /// Whole days, from `first_day` to `last_day` inclusive; dates, not instants.
    AllDay {
        /// The first day.
        first_day: NaiveDate,
        /// The last day (inclusive).
        last_day: NaiveDate,
    },
    /// A start and an end as wall-clock times in `zone`.
    Timed {
        /// Start, local time in `zone`.
        start: NaiveDateTime,
        /// End (after the start), local time in `zone`.
        end: NaiveDateTime,
        /// IANA time zone, e.g. `Europe/London`.
        zone: String,
    },
}

/// A local time in `zone` as an instant: a time skipped by a clock change is refused, a
/// repeated one means its first occurrence.
pub(crate) fn instant(zone: Tz, local: NaiveDateTime, field: &str) -> Result<DateTime<Utc>> {
    zone.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            LexcaseError::validation(field, format!("{local} does not exist in {}", zone.name()))
        })
}

/// Parses an IANA zone name.
pub(crate) fn parse_zone(zone: &str) -> Result<Tz> {
    zone.parse::<Tz>()
        .map_err(|_| LexcaseError::validation("zone", "not an IANA time zone"))
}

impl Schedule {
    /// A timed entry from `start` to `end` in `zone`.
    pub fn timed(start: NaiveDateTime, end: NaiveDateTime, zone: &str) -> Self {
        Self::Timed {
            start,
            end,
            zone: zone.trim().to_owned(),
        }
    }

    /// An all-day entry over `first_day..=last_day`.
    pub fn all_day(first_day: NaiveDate, last_day: NaiveDate) -> Self {
        Self::AllDay {
            first_day,
            last_day,
        }
    }

    /// The schedule with its zone name trimmed, checked as [`Schedule::validate`] checks it.
    pub fn checked(self) -> Result<Self> {
        let schedule = match self {
            Self::Timed { start, end, zone } => Self::timed(start, end, &zone),
            all_day @ Self::AllDay { .. } => all_day,
        };
        schedule.validate()?;
        Ok(schedule)
    }

    /// Checks the schedule: a known zone, local times that exist, the end after the start,
    /// at most 31 days long.
    pub fn validate(&self) -> Result<()> {
        let span = match self {
            Self::AllDay {
                first_day,
                last_day,
            } => {
                if last_day < first_day {
                    return Err(LexcaseError::validation(
                        "schedule",
                        "the last day is before the first",
                    ));
                }
                (*last_day - *first_day).num_days() + 1
            }
            Self::Timed { start, end, zone } => {
                let tz = parse_zone(zone)?;
                let (from, to) = (instant(tz, *start, "start")?, instant(tz, *end, "end")?);
                if to <= from {
                    return Err(LexcaseError::validation(
                        "schedule",
                        "the end is not after the start",
                    ));
                }
                (to - from).num_days()
            }
        };
        if span > MAX_SPAN_DAYS {
            return Err(LexcaseError::validation(
                "schedule",
                "an entry lasts at most 31 days",
            ));
        }
        Ok(())
    }

    /// Whether this is an all-day entry.
    pub fn is_all_day(&self) -> bool {
        matches!(self, Self::AllDay { .. })
    }

    /// The start as a local date-time (midnight of the first day for all-day entries): the
    /// key that names an occurrence of a series.
    pub fn local_start(&self) -> NaiveDateTime {
        match self {
            Self::AllDay { first_day, .. } => first_day.and_time(NaiveTime::MIN),
            Self::Timed { start, .. } => *start,
        }
    }

    /// The instants the entry covers, `[start, end)`. All-day entries cover their days in
    /// `day_zone` (the firm's zone).
    pub fn span(&self, day_zone: Tz) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
        match self {
            Self::AllDay {
                first_day,
                last_day,
            } => {
                let after = last_day
                    .checked_add_days(Days::new(1))
                    .ok_or_else(|| LexcaseError::validation("schedule", "date out of range"))?;
                Ok((
                    instant(day_zone, first_day.and_time(NaiveTime::MIN), "first_day")?,
                    instant(day_zone, after.and_time(NaiveTime::MIN), "last_day")?,
                ))
            }
            Self::Timed { start, end, zone } => {
                let tz = parse_zone(zone)?;
                Ok((instant(tz, *start, "start")?, instant(tz, *end, "end")?))
            }
        }
    }

    /// The same entry moved so that it starts at `local_start` (same zone, same length).
    pub(crate) fn starting_at(&self, local_start: NaiveDateTime) -> Self {
        match self {
            Self::AllDay {
                first_day,
                last_day,
            } => {
                let first = local_start.date();
                Self::AllDay {
                    first_day: first,
                    last_day: first + (*last_day - *first_day),
                }
            }
            Self::Timed { start, end, zone } => Self::Timed {
                start: local_start,
                end: local_start + (*end - *start),
                zone: zone.clone(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    #[test]
    fn checks_zone_order_gaps_and_length() {
        let ok = Schedule::timed(
            at("2026-12-01T09:00:00"),
            at("2026-12-01T10:00:00"),
            "Europe/London",
        );
        assert!(ok.validate().is_ok());
        let bad_zone = Schedule::timed(
            at("2026-12-01T09:00:00"),
            at("2026-12-01T10:00:00"),
            "Mars/Base",
        );
        assert!(bad_zone.validate().is_err());
        let backwards =
            Schedule::timed(at("2026-12-01T10:00:00"), at("2026-12-01T09:00:00"), "UTC");
        assert!(backwards.validate().is_err());
        // 01:30 on 29 March 2026 does not exist in London (clocks go forward at 01:00).
        let gap = Schedule::timed(
            at("2026-03-29T01:30:00"),
            at("2026-03-29T03:00:00"),
            "Europe/London",
        );
        assert!(gap.validate().is_err());
        let long = Schedule::all_day("2026-01-01".parse().unwrap(), "2026-03-01".parse().unwrap());
        assert!(long.validate().is_err());
    }

    #[test]
    fn all_day_covers_whole_days_in_the_firm_zone() {
        let day = Schedule::all_day("2026-07-01".parse().unwrap(), "2026-07-01".parse().unwrap());
        let (from, to) = day.span(chrono_tz::Europe::London).unwrap();
        assert_eq!(from.to_rfc3339(), "2026-06-30T23:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2026-07-01T23:00:00+00:00");
    }

    #[test]
    fn a_checked_schedule_has_its_zone_name_trimmed() {
        let at = |text: &str| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap();
        let padded = Schedule::Timed {
            start: at("2026-12-01T09:00"),
            end: at("2026-12-01T10:00"),
            zone: " Europe/London ".into(),
        };
        assert_eq!(
            padded.checked().unwrap(),
            Schedule::timed(
                at("2026-12-01T09:00"),
                at("2026-12-01T10:00"),
                "Europe/London"
            )
        );
    }
}
