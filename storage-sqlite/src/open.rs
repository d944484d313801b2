//! Opening a database file: refuse what is not ours before writing a byte, then configure the
//! connections and migrate.

use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::Path;

use lexcase::{LexcaseError, Result};
use rusqlite::{Connection, OpenFlags};

use crate::error::{Db, corrupt, on_open, wrong_key};
use crate::key::DatabaseKey;
use crate::migrations::{check, inspect, migrate};
use crate::options::SqliteOptions;

/// The first 16 bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Prepared statements each connection keeps (the list queries have many shapes).
const STATEMENT_CACHE: usize = 128;

fn io_error(error: &std::io::Error) -> LexcaseError {
    LexcaseError::storage(format!("cannot read the database file: {}", error.kind()))
}

/// Refuses an existing file that is not a usable lexcase database, without writing to it:
/// first by its header bytes, then through a read-only connection (which, unlike a read-write
/// one, never checkpoints or otherwise rewrites a foreign file when it closes). An encrypted
/// file has no readable header: with a key, the read-only connection decides.
fn check_existing(path: &Path, key: Option<&DatabaseKey>) -> Result<()> {
    let len = match std::fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_error(&e)),
    };
    if len == 0 {
        return Ok(());
    }
    let mut header = [0u8; 16];
    let bad = || {
        if key.is_some() {
            wrong_key()
        } else {
            corrupt()
        }
    };
    match File::open(path).and_then(|mut f| f.read_exact(&mut header)) {
        // A plain database given a key: the key does not open it.
        Ok(()) if &header == SQLITE_MAGIC && key.is_some() => return Err(wrong_key()),
        Ok(()) if &header == SQLITE_MAGIC || key.is_some() => {}
        Ok(()) => return Err(corrupt()),
        Err(e) if e.kind() == ErrorKind::UnexpectedEof => return Err(bad()),
        Err(e) => return Err(io_error(&e)),
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let keyed = |conn: Connection| -> Result<Connection> {
        if let Some(key) = key {
            key.apply(&conn)?;
        }
        Ok(conn)
    };
    match Connection::open_with_flags(path, flags)
        .map_err(on_open)
        .and_then(keyed)
        .and_then(|conn| inspect(&conn).map_err(|e| if key.is_some() { keyed_error(e) } else { e }))
    {
        Ok(state) => check(state).map(|_| ()),
        Err(e @ LexcaseError::IncompatibleDatabase { .. }) => Err(e),
        // The read-only look was not possible (e.g. a hot journal needs recovery): the
        // read-write connection checks again before writing anything.
        Err(_) => Ok(()),
    }
}

/// A file that SQLCipher cannot read with the key given was opened with another key (or is
/// not a database at all, which cannot be told apart).
fn keyed_error(error: LexcaseError) -> LexcaseError {
    match error {
        LexcaseError::IncompatibleDatabase { .. } => wrong_key(),
        other => other,
    }
}

/// Creates the database file, readable and writable by its owner only, if it is absent
/// (SQLite gives its `-wal` and `-shm` files the same permissions).
fn create_private(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
        // Let SQLite report what is wrong with the path.
        Err(_) => Ok(()),
    }
}

/// Opens, checks, configures and migrates the writer connection of a file database.
pub(crate) fn open_writer(
    path: &Path,
    options: &SqliteOptions,
    key: Option<&DatabaseKey>,
) -> Result<Connection> {
    check_existing(path, key)?;
    create_private(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(on_open)?;
    if let Some(key) = key {
        key.apply(&conn)?;
    }
    conn.busy_timeout(options.busy_timeout).db()?;
    // Check again on this connection before the first write (journal mode is one).
    let state = inspect(&conn).map_err(|e| if key.is_some() { keyed_error(e) } else { e })?;
    check(state)?;
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .map_err(on_open)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(LexcaseError::storage(
            "the database could not be switched to WAL journal mode",
        ));
    }
    conn.pragma_update(None, "synchronous", options.durability.pragma_value())
        .db()?;
    configure(&conn)?;
    conn.pragma_update(None, "cache_size", -16_384).db()?;
    // After a checkpoint, keep at most 64 MiB of WAL file on disk.
    conn.pragma_update(None, "journal_size_limit", 64 * 1024 * 1024)
        .db()?;
    migrate(&mut conn)?;
    let tx = conn.transaction().db()?;
    crate::conflict_index::ensure_built(&tx)?;
    tx.commit().db()?;
    Ok(conn)
}

/// Opens a read-only connection to a file the writer has opened (and migrated).
pub(crate) fn open_reader(
    path: &Path,
    options: &SqliteOptions,
    key: Option<&DatabaseKey>,
) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(on_open)?;
    if let Some(key) = key {
        key.apply(&conn)?;
    }
    conn.busy_timeout(options.busy_timeout).db()?;
    configure(&conn)?;
    conn.pragma_update(None, "cache_size", -8_192).db()?;
    Ok(conn)
}

/// Opens and migrates a private in-memory database.
pub(crate) fn open_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory().db()?;
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Settings every connection gets.
fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", true).db()?;
    conn.pragma_update(None, "temp_store", "MEMORY").db()?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // `rarray(?)`: a list of values as one parameter (set-based updates of many rows).
    rusqlite::vtab::array::load_module(conn).db()?;
    Ok(())
}
