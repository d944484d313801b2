//! How a store is opened: durability, busy timeout, bound of the reader pool.

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
    /// The longest a call waits to start its transaction, in all: for the writers ahead of it
    /// (in this or another process, served in the order they asked), or for a free read
    /// connection. Past it the call fails with a storage error ("timed out … busy timeout")
    /// and nothing is written. Default 30 seconds.
    ///
    /// A write waits for the transactions that asked before it and no others, so with `n`
    /// processes writing at once a call waits about `n - 1` transactions (milliseconds for
    /// lexcase's commands); only a transaction held longer than this timeout (a very large
    /// import, a program holding a write transaction open) makes the ones behind it fail.
    pub busy_timeout: Duration,
    /// The most read-only connections a file store opens (at least one); read transactions
    /// beyond that many at once wait for one to end (up to `busy_timeout`). Readers never
    /// block writers (WAL). Default 4.
    pub read_connections: usize,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        Self {
            durability: Durability::Full,
            busy_timeout: Duration::from_secs(30),
            read_connections: 4,
        }
    }
}
