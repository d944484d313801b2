//! The store: one writer connection, a pool of read-only connections (WAL lets readers run
//! beside the writer on their own snapshots), or a single connection for an in-memory database.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, TryLockError};
use std::time::Duration;

use lexcase::Result;
use lexcase::store::{ReadTx, Store, WriteTx};
use rusqlite::Connection;

use crate::diagnostics::ConnectionSettings;
use crate::lock::TimedMutex;
use crate::open::{open_memory, open_reader, open_writer};
use crate::options::SqliteOptions;
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
        readers: Vec<Mutex<Connection>>,
        writer: TimedMutex<Connection>,
    },
}

/// A lexcase store in one SQLite file (or in memory).
///
/// Write transactions are serialised on one connection (`BEGIN IMMEDIATE`); read transactions
/// run on read-only connections, each on a consistent snapshot, concurrently with the writer.
/// In memory, all transactions share one connection and run one at a time.
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
        let path = path.as_ref();
        if path.as_os_str() == MEMORY {
            return Ok(Self {
                backend: Backend::Memory {
                    conn: TimedMutex::new(open_memory()?),
                },
                busy_timeout: options.busy_timeout,
            });
        }
        let writer = open_writer(path, &options)?;
        let readers = (0..options.read_connections)
            .map(|_| open_reader(path, &options).map(Mutex::new))
            .collect::<Result<_>>()?;
        Ok(Self {
            backend: Backend::File {
                path: path.to_owned(),
                options,
                readers,
                writer: TimedMutex::new(writer),
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
                ..
            } => {
                for slot in readers {
                    match slot.try_lock() {
                        Ok(conn) => return Ok(ReadConn::Pooled(conn)),
                        Err(TryLockError::Poisoned(p)) => {
                            return Ok(ReadConn::Pooled(p.into_inner()));
                        }
                        Err(TryLockError::WouldBlock) => {}
                    }
                }
                Ok(ReadConn::Extra(Box::new(open_reader(path, options)?)))
            }
        }
    }
}

impl Store for SqliteStore {
    fn read(&self) -> Result<Box<dyn ReadTx + '_>> {
        Ok(Box::new(SqliteReadTx::begin(self.read_conn()?)?))
    }

    fn write(&self) -> Result<Box<dyn WriteTx + '_>> {
        let writer = match &self.backend {
            Backend::Memory { conn } => conn,
            Backend::File { writer, .. } => writer,
        };
        Ok(Box::new(SqliteWriteTx::begin(
            writer.lock(self.busy_timeout)?,
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
