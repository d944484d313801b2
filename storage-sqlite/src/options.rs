//! How a store is opened: durability, busy timeout, size of the reader pool.

use std::time::Duration;

/// How hard a commit works to survive a power cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Durability {
    /// `synchronous=FULL`: a committed transaction survives a crash and a power cut. The default,
    /// as a legal record must be; bounded by the disk's fsync rate.
    #[default]
    Full,
    /// `synchronous=NORMAL`: survives a crash of the process, but the last commits may be lost on
    /// a power cut. Several times faster per commit; choose it only on purpose.
    Normal,
}

impl Durability {
    /// The value of SQLite's `synchronous` pragma for this level.
    pub(crate) fn pragma_value(self) -> &'static str {
        match self {
            Durability::Full => "FULL",
            Durability::Normal => "NORMAL",
        }
    }
}

/// Options for [`crate::SqliteStore::open`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SqliteOptions {
    /// Commit durability (file databases). Default [`Durability::Full`].
    pub durability: Durability,
    /// How long to wait for the write lock (another writer in this or another process) before
    /// failing with a "database is locked" storage error. Default 5 seconds.
    pub busy_timeout: Duration,
    /// How many idle read-only connections a file store keeps for read transactions. More
    /// concurrent readers are served by opening extra connections. Default 4.
    pub read_connections: usize,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        Self {
            durability: Durability::Full,
            busy_timeout: Duration::from_secs(5),
            read_connections: 4,
        }
    }
}
