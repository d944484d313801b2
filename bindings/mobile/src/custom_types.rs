//! Foreign ("remote") types passed over the FFI as strings.
//!
//! | Rust | wire | Kotlin (see `uniffi.toml`) | Swift |
//! |---|---|---|---|
//! | `rust_decimal::Decimal` | `"250.10"` | `java.math.BigDecimal` | `String` |
//! | `chrono::NaiveDate` | `"2024-02-29"` | `java.time.LocalDate` | `String` |
//! | `uuid::Uuid` | `"0190…"` | `java.util.UUID` | `String` |
//!
//! A string that does not parse is refused with [`LexcaseError::Validation`] (field `decimal`,
//! `date` or `id`): uniffi hands an error raised while lifting an argument back to the caller
//! as the function's own error type when it is that type, so it arrives typed (Kotlin
//! `LexcaseException.Validation`), not as an internal error. Every exported function that
//! takes one of these types returns `Result<_, LexcaseError>`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::error::LexcaseError;

/// The ISO 8601 calendar-date format used on the wire.
const DATE_FORMAT: &str = "%Y-%m-%d";

fn unreadable(field: &str, reason: &str) -> LexcaseError {
    LexcaseError::Validation {
        field: field.to_owned(),
        reason: reason.to_owned(),
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
