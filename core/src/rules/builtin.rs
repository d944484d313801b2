//! The built-in rule packs, compiled into the library.

/// TOML sources of the built-in packs, in order.
pub(crate) const SOURCES: [&str; 4] = [
    include_str!("builtin/core.toml"),
    include_str!("builtin/ew-conveyancing.toml"),
    include_str!("builtin/ew-litigation.toml"),
    include_str!("builtin/us.toml"),
];
