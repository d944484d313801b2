//! Shared conversion helpers for what the binding still converts (the core's own records and
//! enums cross the FFI as they are): pages of core lists, enums of crates without a `uniffi`
//! feature (`lexcase_sqlite::Durability`), instants given as foreign timestamps, and lists of
//! the few records with a derived field.

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

/// Declares a page of a core list (`lexcase::store::Paged<T>` of a core type that crosses the
/// FFI as it is): the items, the total and the cursor of the next page, with `From<Paged<T>>`.
/// The two literals document `items` and `total` (what the list holds, what is counted).
macro_rules! page_record {
    (
        $(#[$meta:meta])*
        $name:ident of $item:ty, items: $items_doc:literal, total: $total_doc:literal $(,)?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
        pub struct $name {
            #[doc = $items_doc]
            pub items: Vec<$item>,
            #[doc = $total_doc]
            pub total: u64,
            /// Pass as `Page.after` to read the next page (null at the end of the list).
            pub next_cursor: Option<String>,
        }

        impl From<lexcase::store::Paged<$item>> for $name {
            fn from(page: lexcase::store::Paged<$item>) -> Self {
                Self {
                    items: page.items,
                    total: page.total,
                    next_cursor: page.next.map(|c| c.as_str().to_owned()),
                }
            }
        }
    };
}

pub(crate) use page_record;

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
