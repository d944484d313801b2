//! Shared conversion helpers. Each binding type converts to and from its core type in one
//! `From`/`TryFrom` impl beside its definition (under [`crate::records`]); this module holds what
//! those impls share.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, TimeZone, Utc};

use crate::error::LexcaseError;

/// Declares a fieldless `uniffi::Enum` that mirrors a core enum variant for variant, with
/// `From` both ways. A variant added to the core enum fails to compile here until mirrored.
macro_rules! mirror_enum {
    (
        $(#[$meta:meta])*
        $name:ident = $core:ident {
            $($(#[$variant_meta:meta])* $variant:ident),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        pub enum $name {
            $($(#[$variant_meta])* $variant),+
        }

        impl From<$core> for $name {
            fn from(value: $core) -> Self {
                match value {
                    $($core::$variant => Self::$variant),+
                }
            }
        }

        impl From<$name> for $core {
            fn from(value: $name) -> Self {
                match value {
                    $($name::$variant => Self::$variant),+
                }
            }
        }
    };
}

pub(crate) use mirror_enum;

/// An instant as uniffi's timestamp (`java.time.Instant` in Kotlin, `Date` in Swift).
pub(crate) fn instant(at: DateTime<Utc>) -> SystemTime {
    at.into()
}

/// An instant from the foreign side as a chrono UTC time; one outside chrono's range is a
/// `Validation` error on `field` (chrono's own conversion would panic).
pub(crate) fn utc(at: SystemTime, field: &str) -> Result<DateTime<Utc>, LexcaseError> {
    let out_of_range = || LexcaseError::Validation {
        field: field.to_owned(),
        reason: "instant out of range".to_owned(),
        detail: None,
    };
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

/// Converts every element.
pub(crate) fn all<T, U: From<T>>(items: impl IntoIterator<Item = T>) -> Vec<U> {
    items.into_iter().map(U::from).collect()
}

/// Converts every element of an optional list.
pub(crate) fn all_opt<T, U: From<T>>(items: Option<Vec<T>>) -> Option<Vec<U>> {
    items.map(all)
}
