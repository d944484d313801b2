//! The store: one writer connection, a pool of read-only connections (WAL lets readers run
//! beside the writer on their own snapshots), or a single connection for an in-memory database.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lexcase::Result;
use lexcase::store::{ReadTx, Store, WriteTx};
use rusqlite::Connection;

use crate::diagnostics::ConnectionSettings;
use crate::key::DatabaseKey;
use crate::lock::TimedMutex;
use crate::open::{open_memory, open_reader, open_writer};
use crate::options::SqliteOptions;
use crate::queue::WriterQueue;
use crate::readers::ReaderPool;
use crate::tx::{ReadConn, SqliteReadTx, SqliteWriteTx};

/// The path that opens an in-memory database.
pub const MEMORY: &str = ":memory:";

enum Backend {
    /// Readers and the writer share one connection (an in-memory database is private to it).
    Memory { conn: TimedMutex<Connection> },
    /// A file in WAL mode.
    File {
        path: PathBuf,
        options: SqliteOptions,
        // Field order matters: readers close first, so the writer is the last connection and
        // checkpoints the WAL into the main file (and removes it) when the store is dropped.
        readers: ReaderPool,
        writer: TimedMutex<Connection>,
        /// The line writers of this file (in any process) take turns in.
        queue: Option<WriterQueue>,
        /// The key of an encrypted file, for the readers opened later.
        key: Option<Box<DatabaseKey>>,
    },
}

/// A lexcase store in one SQLite file (or in memory).
///
/// Write transactions are serialised on one connection (`BEGIN IMMEDIATE`); read transactions
/// run on read-only connections, each on a consistent snapshot, concurrently with the writer
/// (a reader never blocks a writer, nor a writer a reader). In memory, all transactions share
/// one connection and run one at a time.
///
/// Writers are served in the order they asked, within a process and across processes on the
/// same file (a queue of lock files in `<file>.writers/`), so a call waits for the writers that
/// came before it and no longer: at most [`SqliteOptions::busy_timeout`] in all, after which it
/// fails with a storage error. Contention that SQLite reports before a transaction has run a
/// statement is retried inside the store until then. At most
/// [`SqliteOptions::read_connections`] read transactions run at once; more wait for one to
/// end, also up to the busy timeout.
pub struct SqliteStore {
    backend: Backend,
    busy_timeout: Duration,
}

impl SqliteStore {
    /// Opens (creating if absent) the database at `path`, or an in-memory one for `":memory:"`.
    ///
    /// An existing file is checked before anything is written to it: a file that is not a
    /// database, a database of another application, or a lexcase database newer than this
    /// build is refused with [`lexcase::LexcaseError::IncompatibleDatabase`] and left exactly
    /// as it was. A lexcase database with an older schema is migrated.
    pub fn open(path: impl AsRef<Path>, options: SqliteOptions) -> Result<Self> {
        Self::open_with(path.as_ref(), options, None)
    }

    /// Opens (creating if absent) the encrypted database at `path` with `key` (SQLCipher:
    /// every page is encrypted; see [`DatabaseKey`]). A file the key does not open — another
    /// key, or a plain database — is refused with
    /// [`lexcase::IncompatibleReason::WrongKey`] and left exactly as it was. Needs the
    /// `encryption` feature ([`DatabaseKey::available`]); without it, a validation error.
    /// Keep document contents encrypted too with [`crate::blobs_beside_encrypted`].
    pub fn open_encrypted(
        path: impl AsRef<Path>,
        options: SqliteOptions,
        key: &DatabaseKey,
    ) -> Result<Self> {
        if !DatabaseKey::available() {
            return Err(crate::key::unavailable());
        }
        Self::open_with(path.as_ref(), options, Some(Box::new(key.clone())))
    }

    fn open_with(
        path: &Path,
        options: SqliteOptions,
        key: Option<Box<DatabaseKey>>,
    ) -> Result<Self> {
        if path.as_os_str() == MEMORY {
            return Ok(Self {
                backend: Backend::Memory {
                    conn: TimedMutex::new(open_memory()?),
                },
                busy_timeout: options.busy_timeout,
            });
        }
        let writer = open_writer(path, &options, key.as_deref())?;
        let readers = ReaderPool::new(options.read_connections);
        // One reader now, so that a file a reader cannot open fails at open.
        readers.put_back(open_reader(path, &options, key.as_deref())?);
        Ok(Self {
            backend: Backend::File {
                path: path.to_owned(),
                options,
                readers,
                writer: TimedMutex::new(writer),
                queue: WriterQueue::open(path),
                key,
            },
            busy_timeout: options.busy_timeout,
        })
    }

    /// Opens a new, empty in-memory database with the default options.
    pub fn open_in_memory() -> Result<Self> {
        Self::open(MEMORY, SqliteOptions::default())
    }

    /// The file this store keeps its data in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        match &self.backend {
            Backend::Memory { .. } => None,
            Backend::File { path, .. } => Some(path),
        }
    }

    /// The settings in effect on the writer connection (waits for the writer like a write
    /// transaction does).
    pub fn connection_settings(&self) -> Result<ConnectionSettings> {
        let writer = match &self.backend {
            Backend::Memory { conn } => conn,
            Backend::File { writer, .. } => writer,
        };
        let conn = writer.lock(self.busy_timeout)?;
        ConnectionSettings::of(&conn)
    }

    fn read_conn(&self) -> Result<ReadConn<'_>> {
        match &self.backend {
            Backend::Memory { conn } => Ok(ReadConn::Shared(conn.lock(self.busy_timeout)?)),
            Backend::File {
                path,
                options,
                readers,
                key,
                ..
            } => {
                let deadline = Instant::now() + self.busy_timeout;
                let conn = readers.take(deadline, self.busy_timeout, || {
                    open_reader(path, options, key.as_deref())
                })?;
                Ok(ReadConn::Pooled(conn))
            }
        }
    }
}

impl Store for SqliteStore {
    fn read(&self) -> Result<Box<dyn ReadTx + '_>> {
        Ok(Box::new(SqliteReadTx::begin(self.read_conn()?)?))
    }

    fn write(&self) -> Result<Box<dyn WriteTx + '_>> {
        let timeout = self.busy_timeout;
        let deadline = Instant::now() + timeout;
        let (writer, queue) = match &self.backend {
            Backend::Memory { conn } => (conn, None),
            Backend::File { writer, queue, .. } => (writer, queue.as_ref()),
        };
        // In this process first, then in the line of all processes, then SQLite's lock.
        let conn = writer.lock_until(deadline, timeout)?;
        let turn = match queue {
            Some(queue) => queue.wait_turn(deadline, timeout)?,
            None => None,
        };
        Ok(Box::new(SqliteWriteTx::begin(
            conn, turn, deadline, timeout,
        )?))
    }
}

impl fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.backend {
            Backend::Memory { .. } => f.write_str("SqliteStore(:memory:)"),
            Backend::File { path, options, .. } => f
                .debug_struct("SqliteStore")
                .field("path", path)
                .field("options", options)
                .finish(),
        }
    }
}
