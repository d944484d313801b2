//! Foreign ("remote") types passed over the FFI as strings.
//!
//! | Rust | wire | Kotlin (see `uniffi.toml`) | Swift |
//! |---|---|---|---|
//! | `rust_decimal::Decimal` | `"250.10"` | `java.math.BigDecimal` | `String` |
//! | `chrono::NaiveDate` | `"2024-02-29"` | `java.time.LocalDate` | `String` |
//! | `uuid::Uuid` | `"0190…"` | `java.util.UUID` | `String` |
//! | `chrono::NaiveDateTime` | `"2026-12-01T09:30:00"` | `java.time.LocalDateTime` | `String` |
//!
//! A `NaiveDateTime` is a wall-clock date and time with no zone or offset (the zone travels
//! beside it, e.g. in `Schedule.Timed`). Rust sends `yyyy-MM-ddTHH:mm:ss` with a fraction only
//! when there is one; it accepts that form and the form without seconds (`2026-12-01T09:30`,
//! which `LocalDateTime.toString()` gives at a whole minute). A leap second (`:60`) is refused:
//! `java.time` cannot read it back.
//!
//! A string that does not parse is refused with [`LexcaseError::Validation`] (field `decimal`,
//! `date`, `date_time` or `id`): uniffi hands an error raised while lifting an argument back to the caller
//! as the function's own error type when it is that type, so it arrives typed (Kotlin
//! `LexcaseException.Validation`), not as an internal error. Every exported function that
//! takes one of these types returns `Result<_, LexcaseError>`.

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::error::LexcaseError;

/// The ISO 8601 calendar-date format used on the wire.
const DATE_FORMAT: &str = "%Y-%m-%d";

/// The ISO 8601 local date-time format sent on the wire (`%.f`: the fraction only when non-zero).
const DATE_TIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.f";

/// The forms a local date-time is read from: with seconds (and an optional fraction), or
/// without seconds.
const DATE_TIME_INPUTS: [&str; 2] = [DATE_TIME_FORMAT, "%Y-%m-%dT%H:%M"];

/// Reads a wire local date-time (see the module table).
pub(crate) fn parse_date_time(text: &str) -> Result<NaiveDateTime, LexcaseError> {
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

fn unreadable(field: &str, reason: &str) -> LexcaseError {
    LexcaseError::Validation {
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
                matches!(parse_date_time(bad), Err(LexcaseError::Validation { field, .. }) if field == "date_time"),
                "{bad:?} accepted"
            );
        }
    }
}
