//! Foreign ("remote") types carried over the FFI as strings or timestamps (see the table in
//! the module above). A `NaiveDateTime` is a wall-clock date and time with no zone or offset
//! (the zone travels beside it). It is sent as `yyyy-MM-ddTHH:mm:ss` with a fraction only when
//! there is one; it is read from that form and the form without seconds (`2026-12-01T09:30`,
//! which `LocalDateTime.toString()` gives at a whole minute). A leap second (`:60`) is refused:
//! `java.time` cannot read it back.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use uuid::Uuid;

use super::FfiError;
use crate::money::Currency;

/// An instant, as the FFI names it (`java.time.Instant` in Kotlin, `Date` in Swift).
pub type UtcDateTime = DateTime<Utc>;

/// The ISO 8601 calendar-date format used on the wire.
const DATE_FORMAT: &str = "%Y-%m-%d";

/// The ISO 8601 local date-time format sent on the wire (`%.f`: the fraction only when non-zero).
const DATE_TIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.f";

/// The forms a local date-time is read from: with seconds (and an optional fraction), or
/// without seconds.
const DATE_TIME_INPUTS: [&str; 2] = [DATE_TIME_FORMAT, "%Y-%m-%dT%H:%M"];

/// Reads a wire local date-time (see the module documentation); else a `Validation` error on
/// `date_time`.
pub fn parse_date_time(text: &str) -> Result<NaiveDateTime, FfiError> {
    let parsed = DATE_TIME_INPUTS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .ok_or_else(|| {
            unreadable(
                "date_time",
                "not an ISO local date-time (yyyy-mm-ddThh:mm[:ss])",
            )
        })?;
    if parsed.nanosecond() >= 1_000_000_000 {
        return Err(unreadable("date_time", "a leap second is not accepted"));
    }
    Ok(parsed)
}

/// An instant from the foreign side as a chrono UTC time; one outside chrono's range is a
/// `Validation` error on `instant` (chrono's own conversion would panic).
fn utc(at: SystemTime) -> Result<UtcDateTime, FfiError> {
    let out_of_range = || unreadable("instant", "instant out of range");
    let (secs, nanos) = match at.duration_since(UNIX_EPOCH) {
        Ok(after) => (
            i64::try_from(after.as_secs()).map_err(|_| out_of_range())?,
            after.subsec_nanos(),
        ),
        Err(before) => {
            let before = before.duration();
            let secs = i64::try_from(before.as_secs()).map_err(|_| out_of_range())?;
            match before.subsec_nanos() {
                0 => (-secs, 0),
                n => (-secs - 1, 1_000_000_000 - n),
            }
        }
    };
    Utc.timestamp_opt(secs, nanos)
        .single()
        .ok_or_else(out_of_range)
}

fn unreadable(field: &str, reason: &str) -> FfiError {
    FfiError::Validation {
        field: field.to_owned(),
        reason: reason.to_owned(),
        detail: None,
    }
}

uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |amount| amount.to_string(),
    try_lift: |text| Ok(Decimal::from_str_exact(&text)
        .map_err(|_| unreadable("decimal", "not a decimal number within range"))?),
});

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |date| date.format(DATE_FORMAT).to_string(),
    try_lift: |text| Ok(NaiveDate::parse_from_str(&text, DATE_FORMAT)
        .map_err(|_| unreadable("date", "not an ISO date (yyyy-mm-dd)"))?),
});

uniffi::custom_type!(Uuid, String, {
    remote,
    lower: |id| id.to_string(),
    try_lift: |text| Ok(Uuid::parse_str(&text).map_err(|_| unreadable("id", "not a UUID"))?),
});

uniffi::custom_type!(NaiveDateTime, String, {
    remote,
    lower: |at| at.format(DATE_TIME_FORMAT).to_string(),
    try_lift: |text| Ok(parse_date_time(&text)?),
});

uniffi::custom_type!(UtcDateTime, SystemTime, {
    remote,
    lower: |at| at.into(),
    try_lift: |at| Ok(utc(at)?),
});

uniffi::custom_type!(Tz, String, {
    remote,
    lower: |zone| zone.name().to_owned(),
    try_lift: |name| Ok(crate::appointments::parse_zone(name.trim()).map_err(FfiError::from)?),
});

uniffi::custom_type!(Currency, String, {
    lower: |currency| currency.code().to_owned(),
    try_lift: |code| Ok(Currency::parse(&code).map_err(FfiError::from)?),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_date_times_read_both_iso_forms_and_refuse_garbage() {
        let at = parse_date_time("2026-12-01T09:30").unwrap();
        assert_eq!(at, parse_date_time("2026-12-01T09:30:00").unwrap());
        assert_eq!(
            at.format(DATE_TIME_FORMAT).to_string(),
            "2026-12-01T09:30:00"
        );
        let fine = parse_date_time("2026-12-01T09:30:00.250").unwrap();
        assert_eq!(
            fine.format(DATE_TIME_FORMAT).to_string(),
            "2026-12-01T09:30:00.250"
        );
        for bad in [
            "",
            "2026-12-01",
            "2026-12-01 09:30",
            "2026-13-01T09:30",
            "09:30",
            "2026-06-30T23:59:60",
        ] {
            assert!(
                matches!(parse_date_time(bad), Err(FfiError::Validation { field, .. }) if field == "date_time"),
                "{bad:?} accepted"
            );
        }
    }

    #[test]
    fn instants_round_trip_and_refuse_what_chrono_cannot_hold() {
        let at = Utc.timestamp_opt(-1, 250_000_000).single().unwrap();
        assert_eq!(utc(at.into()).unwrap(), at);
        let far = UNIX_EPOCH + std::time::Duration::from_secs(u64::MAX / 2);
        assert!(matches!(utc(far), Err(FfiError::Validation { field, .. }) if field == "instant"));
    }
}
