//! The foreign types this crate's own signatures use, declared once in the core
//! (`lexcase::ffi`, with the wire forms and the Kotlin mappings) and reused here.

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use lexcase::ffi::UtcDateTime;
use rust_decimal::Decimal;
use uuid::Uuid;

uniffi::use_remote_type!(lexcase::Decimal);
uniffi::use_remote_type!(lexcase::NaiveDate);
uniffi::use_remote_type!(lexcase::NaiveDateTime);
uniffi::use_remote_type!(lexcase::Uuid);
uniffi::use_remote_type!(lexcase::UtcDateTime);
uniffi::use_remote_type!(lexcase::Tz);
