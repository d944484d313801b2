//! What a computation takes (the trigger, how the party was served, the calendars) and what it
//! gives back (the due date and the trace of every step).

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::calendar::HolidayCalendar;
use crate::error::{LexcaseError, Result};

/// The event the period runs from (or back from).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Trigger {
    /// A day: service on 2 March, the hearing on 9 March.
    Day(#[cfg_attr(feature = "uniffi", uniffi(name = "date"))] NaiveDate),
    /// An instant in a court's time zone; hour periods need one. Day periods use its local
    /// date in `zone`.
    Moment {
        /// The instant of the event.
        at: DateTime<Utc>,
        /// The court's time zone (its IANA name in serde and over the FFI).
        #[serde(with = "tz_name")]
        zone: Tz,
    },
}

/// Moments are accepted in the years 1 to 9999 (UTC), so every zone's local time exists.
const MOMENT_YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// Whether `at` is in the supported range of moments.
pub(super) fn moment_in_range(at: &DateTime<Utc>) -> bool {
    MOMENT_YEARS.contains(&at.year())
}

impl Trigger {
    /// An instant in the court's zone, named by IANA (`America/New_York`).
    pub fn moment(at: DateTime<Utc>, zone: &str) -> crate::Result<Self> {
        let zone = crate::appointments::parse_zone(zone.trim())?;
        Ok(Self::Moment { at, zone })
    }

    /// The trigger's day: the date itself, or the local date of the moment in its zone. A
    /// date or moment outside the years 1 to 9999 is a validation error on `trigger`.
    pub fn local_date(&self) -> Result<NaiveDate> {
        match self {
            Self::Day(date) => crate::validate::date("trigger", *date),
            Self::Moment { at, zone } if moment_in_range(at) => {
                Ok(at.with_timezone(zone).date_naive())
            }
            Self::Moment { .. } => Err(LexcaseError::validation(
                "trigger",
                "the moment is outside the years 1 to 9999",
            )),
        }
    }
}

/// Serde for a time zone as its IANA name.
mod tz_name {
    use chrono_tz::Tz;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(zone: &Tz, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(zone.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Tz, D::Error> {
        let name = String::deserialize(d)?;
        name.parse::<Tz>()
            .map_err(|_| D::Error::custom("unknown time zone"))
    }
}

/// How the document that triggers the period was served (FRCP 5(b)(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ServiceMethod {
    /// Handed to the person, or left at their dwelling (5(b)(2)(A)–(B)).
    Personal,
    /// Electronic means (5(b)(2)(E)); no FRCP 6(d) days since 1 Dec 2016.
    Electronic,
    /// Mail (5(b)(2)(C)); FRCP 6(d) adds 3 days.
    Mail,
    /// Left with the court clerk (5(b)(2)(D)); FRCP 6(d) adds 3 days.
    LeftWithClerk,
    /// Other means consented to in writing (5(b)(2)(F)); FRCP 6(d) adds 3 days.
    OtherConsented,
}

crate::names::stable_names!(ServiceMethod, "service", "service method", {
    Personal = "personal",
    Electronic = "electronic",
    Mail = "mail",
    LeftWithClerk = "left_with_clerk",
    OtherConsented = "other_consented",
});

impl ServiceMethod {
    /// Whether FRCP 6(d) (as amended 2016) adds 3 days for this method.
    pub fn adds_service_days(self) -> bool {
        matches!(
            self,
            Self::Mail | Self::LeftWithClerk | Self::OtherConsented
        )
    }
}

/// The input of one computation. Holds borrowed calendars, so it is `Copy` but not serde.
#[derive(Clone, Copy)]
pub struct DeadlineInput<'a> {
    /// The trigger event.
    pub trigger: Trigger,
    /// How the triggering document was served, if the rule depends on it.
    pub service: Option<ServiceMethod>,
    /// Weekends plus legal/bank holidays the roll steps off.
    pub holidays: &'a dyn HolidayCalendar,
    /// Days the court office is closed or inaccessible (for court-office acts).
    pub closures: &'a dyn HolidayCalendar,
}

impl fmt::Debug for DeadlineInput<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeadlineInput")
            .field("trigger", &self.trigger)
            .field("service", &self.service)
            .field("holidays", &self.holidays.id())
            .field("closures", &self.closures.id())
            .finish()
    }
}

/// One step of a computation: which provision, why, and the date it reached.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TraceStep {
    /// The provision applied, e.g. `FRCP 6(a)(1)(A)`.
    pub provision: String,
    /// What it did, e.g. `trigger day 2026-03-02 is not counted`.
    pub explanation: String,
    /// The date the step reached.
    pub date: NaiveDate,
}

/// A computed deadline with its trace; the last step's date is `due`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ComputedDeadline {
    /// The last day for the act.
    pub due: NaiveDate,
    /// For hour periods, the instant the period ends.
    pub due_at: Option<DateTime<Utc>>,
    /// Every step, in order.
    pub trace: Vec<TraceStep>,
}
