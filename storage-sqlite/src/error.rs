//! Translation of SQLite errors into lexcase errors. Messages name what failed, never data.

use std::time::Duration;

use lexcase::{IncompatibleReason, LexcaseError, Result};
use rusqlite::ErrorCode;
use rusqlite::types::FromSqlError;

/// The message of a storage error when SQLite stayed busy through its whole busy timeout.
pub(crate) const BUSY: &str = "timed out waiting for other transactions on the database \
     (they held it longer than the busy timeout, SqliteOptions::busy_timeout)";

/// The error of a transaction that waited its whole busy timeout for the transactions ahead.
pub(crate) fn busy_timeout(timeout: Duration) -> LexcaseError {
    LexcaseError::storage(format!(
        "timed out after {} ms waiting for other transactions on the database \
         (they held it longer than the busy timeout, SqliteOptions::busy_timeout)",
        timeout.as_millis()
    ))
}

/// Whether SQLite refused for contention (busy or locked), so that trying again may succeed.
pub(crate) fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Converts a SQLite failure into [`LexcaseError::Storage`].
pub(crate) fn storage(error: rusqlite::Error) -> LexcaseError {
    match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => LexcaseError::storage(BUSY),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
            LexcaseError::storage("the database file is damaged")
        }
        Some(ErrorCode::DiskFull) => LexcaseError::storage("the disk is full"),
        Some(ErrorCode::ReadOnly) => LexcaseError::storage("the database is read-only"),
        _ => LexcaseError::storage(format!("sqlite: {error}")),
    }
}

/// Converts an error met while opening a file: a file SQLite cannot read as a database is
/// reported as [`IncompatibleReason::Corrupt`].
pub(crate) fn on_open(error: rusqlite::Error) -> LexcaseError {
    match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => corrupt(),
        _ => storage(error),
    }
}

/// The key given does not open the file.
pub(crate) fn wrong_key() -> LexcaseError {
    LexcaseError::IncompatibleDatabase {
        reason: IncompatibleReason::WrongKey,
    }
}

/// The file is not a readable database.
pub(crate) fn corrupt() -> LexcaseError {
    LexcaseError::IncompatibleDatabase {
        reason: IncompatibleReason::Corrupt,
    }
}

/// Maps a uniqueness violation to [`LexcaseError::Conflict`] with the reason given for the
/// violated `table.column` in `reasons`; anything else becomes a storage error.
pub(crate) fn unique(error: rusqlite::Error, reasons: &[(&str, &str)]) -> LexcaseError {
    if let rusqlite::Error::SqliteFailure(failure, Some(message)) = &error {
        let unique_codes = [
            rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE,
            rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY,
        ];
        if failure.code == ErrorCode::ConstraintViolation
            && unique_codes.contains(&failure.extended_code)
        {
            let reason = reasons
                .iter()
                .find(|(column, _)| message.ends_with(column))
                .map_or("a record with the same key already exists", |(_, r)| r);
            return LexcaseError::Conflict {
                reason: reason.to_owned(),
            };
        }
    }
    storage(error)
}

/// `?`-friendly conversion of SQLite results.
pub(crate) trait Db<T> {
    /// Converts the error with [`storage`].
    fn db(self) -> Result<T>;
}

impl<T> Db<T> for rusqlite::Result<T> {
    fn db(self) -> Result<T> {
        self.map_err(storage)
    }
}

impl<T> Db<T> for std::result::Result<T, FromSqlError> {
    fn db(self) -> Result<T> {
        self.map_err(|e| LexcaseError::storage(format!("unexpected stored value: {e}")))
    }
}
