//! The foreign-language face of the domain types (only with the `uniffi` feature).
//!
//! The Kotlin and Swift bindings (`bindings/mobile`) pass the core's own records and enums
//! over the FFI: each derives `uniffi::Record` or `uniffi::Enum` under this feature, beside
//! its definition. This module declares, once, the types that are not records themselves:
//!
//! | Rust | wire | Kotlin (see `core/uniffi.toml`) | Swift |
//! |---|---|---|---|
//! | `uuid::Uuid`, every typed id (`MatterId` …) | `"0190…"` | `java.util.UUID` | `String` |
//! | `rust_decimal::Decimal` | `"250.10"` | `java.math.BigDecimal` | `String` |
//! | `chrono::NaiveDate` | `"2024-02-29"` | `java.time.LocalDate` | `String` |
//! | `chrono::NaiveDateTime` | `"2026-12-01T09:30:00"` | `java.time.LocalDateTime` | `String` |
//! | `chrono::DateTime<Utc>` ([`UtcDateTime`]) | timestamp | `java.time.Instant` | `Date` |
//! | [`Currency`](crate::money::Currency) | `"GBP"` | `String` | `String` |
//! | `chrono_tz::Tz` (a court's zone) | `"America/New_York"` | `String` | `String` |
//! | `BTreeMap<K, V>` | map | `Map<K, V>` | `[K: V]` |
//!
//! A value that does not lift (a malformed string, an unknown currency or zone, an instant
//! out of range) is refused with [`FfiError::Validation`]: uniffi hands an error raised while
//! lifting an argument back as the function's own error when it is that type, so every
//! exported function that takes one of these types returns `Result<_, FfiError>`.

mod custom_types;
mod error;
mod maps;

pub use custom_types::{UtcDateTime, parse_date_time};
pub use error::FfiError;
