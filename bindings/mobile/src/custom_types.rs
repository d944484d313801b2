//! Foreign ("remote") types passed over the FFI as ISO strings.
//!
//! `bindings/mobile/uniffi.toml` maps them to `java.math.BigDecimal` / `java.time.LocalDate` in
//! Kotlin; Swift sees them as `String` until it gets a mapping too.
//!
//! A string that fails to parse surfaces as an internal error, not a typed error, so exported
//! functions that take free text validate it themselves and return [`crate::LexcaseError`].

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The ISO 8601 calendar-date format used on the wire.
const DATE_FORMAT: &str = "%Y-%m-%d";

uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |amount| amount.to_string(),
    try_lift: |text| Ok(Decimal::from_str_exact(&text)?),
});

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |date| date.format(DATE_FORMAT).to_string(),
    try_lift: |text| Ok(NaiveDate::parse_from_str(&text, DATE_FORMAT)?),
});
