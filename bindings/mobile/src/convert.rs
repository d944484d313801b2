//! Shared conversion helpers for what the binding still converts (the core's own records and
//! enums cross the FFI as they are): pages of core lists, enums of crates without a `uniffi`
//! feature (`lexcase_sqlite::Durability`) and lists of the few records with a derived field.

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

/// Converts every element.
pub(crate) fn all<T, U: From<T>>(items: impl IntoIterator<Item = T>) -> Vec<U> {
    items.into_iter().map(U::from).collect()
}

/// A string on the wire, as the foreign side writes it (for the lift tests).
#[cfg(test)]
pub(crate) fn wire(text: &str) -> Vec<u8> {
    let mut wire = Vec::new();
    <String as uniffi::Lower<crate::UniFfiTag>>::write(text.into(), &mut wire);
    wire
}

/// `T` lifted from `text` on the wire, as an exported function lifts its argument (for the
/// lift tests).
#[cfg(test)]
pub(crate) fn lifted<T: uniffi::Lift<crate::UniFfiTag>>(text: &str) -> uniffi::Result<T> {
    T::try_read(&mut wire(text).as_slice())
}
