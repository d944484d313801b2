//! What the store's writer connection is actually running with, for support and tests.

use lexcase::Result;
use rusqlite::Connection;

use crate::error::Db;

/// The settings in effect on the writer connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionSettings {
    /// `PRAGMA journal_mode`: `wal` for files, `memory` in memory.
    pub journal_mode: String,
    /// `PRAGMA synchronous`: 2 = FULL, 1 = NORMAL.
    pub synchronous: i64,
    /// `PRAGMA foreign_keys`.
    pub foreign_keys: bool,
    /// `PRAGMA busy_timeout`, in milliseconds.
    pub busy_timeout_ms: i64,
    /// `PRAGMA user_version`: the schema version.
    pub schema_version: i64,
    /// `PRAGMA application_id`.
    pub application_id: i32,
}

impl ConnectionSettings {
    /// Reads the settings of `conn`.
    pub(crate) fn of(conn: &Connection) -> Result<Self> {
        fn pragma<T: rusqlite::types::FromSql>(conn: &Connection, name: &str) -> Result<T> {
            conn.pragma_query_value(None, name, |r| r.get(0)).db()
        }
        Ok(Self {
            journal_mode: pragma(conn, "journal_mode")?,
            synchronous: pragma(conn, "synchronous")?,
            foreign_keys: pragma(conn, "foreign_keys")?,
            busy_timeout_ms: pragma(conn, "busy_timeout")?,
            schema_version: pragma(conn, "user_version")?,
            application_id: pragma(conn, "application_id")?,
        })
    }
}
