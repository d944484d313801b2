//! Shared conversion helpers. Each binding type converts to and from its core type in one
//! `From`/`TryFrom` impl beside its definition (under [`crate::records`]); this module holds what
//! those impls share.

use std::time::SystemTime;

use chrono::{DateTime, Utc};

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

/// Converts every element.
pub(crate) fn all<T, U: From<T>>(items: impl IntoIterator<Item = T>) -> Vec<U> {
    items.into_iter().map(U::from).collect()
}

/// Converts every element of an optional list.
pub(crate) fn all_opt<T, U: From<T>>(items: Option<Vec<T>>) -> Option<Vec<U>> {
    items.map(all)
}
