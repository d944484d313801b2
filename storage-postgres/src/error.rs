//! Translation of PostgreSQL errors into lexcase errors. Messages name what failed (an SQLSTATE
//! code, a constraint), never the data: a server message may quote the values it refused.

use lexcase::{LexcaseError, Result};
use postgres::error::SqlState;

/// The message of a storage error caused by lock contention that outlasted the lock timeout.
pub(crate) const LOCKED: &str =
    "database is locked: another transaction held the firm longer than the lock timeout";

/// The message of a lost or refused connection.
pub(crate) const DISCONNECTED: &str = "the connection to the database was lost";

/// Whether the failure is one a transaction may simply be tried again after: a serialization
/// failure or a deadlock, or a connection that broke.
pub(crate) fn is_transient(error: &postgres::Error) -> bool {
    error.is_closed()
        || matches!(
            error.code(),
            Some(c) if *c == SqlState::T_R_SERIALIZATION_FAILURE
                || *c == SqlState::T_R_DEADLOCK_DETECTED
                || *c == SqlState::ADMIN_SHUTDOWN
        )
}

/// Converts a PostgreSQL failure into [`LexcaseError::Storage`].
pub(crate) fn storage(error: postgres::Error) -> LexcaseError {
    if error.is_closed() {
        return LexcaseError::storage(DISCONNECTED);
    }
    let Some(code) = error.code() else {
        // A client-side failure: a connection, protocol or conversion error.
        return LexcaseError::storage(format!("postgres client: {}", client_kind(&error)));
    };
    if *code == SqlState::LOCK_NOT_AVAILABLE || *code == SqlState::QUERY_CANCELED {
        return LexcaseError::storage(LOCKED);
    }
    if *code == SqlState::T_R_SERIALIZATION_FAILURE || *code == SqlState::T_R_DEADLOCK_DETECTED {
        return LexcaseError::storage(
            "the transaction conflicted with a concurrent one and was rolled back",
        );
    }
    if *code == SqlState::INSUFFICIENT_PRIVILEGE {
        return LexcaseError::storage("the database role lacks a privilege this needs");
    }
    if *code == SqlState::DISK_FULL {
        return LexcaseError::storage("the database disk is full");
    }
    if *code == SqlState::READ_ONLY_SQL_TRANSACTION {
        return LexcaseError::storage("the database is read-only");
    }
    let constraint = error
        .as_db_error()
        .and_then(|e| e.constraint())
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    LexcaseError::storage(format!("postgres error {}{constraint}", code.code()))
}

/// A short description of a client-side error, without its (possibly data-bearing) source.
fn client_kind(error: &postgres::Error) -> &'static str {
    let text = error.to_string();
    if text.starts_with("error serializing") {
        "a value could not be sent"
    } else if text.starts_with("error deserializing") {
        "a stored value could not be read"
    } else if text.starts_with("error connecting") || text.starts_with("error communicating") {
        "cannot reach the database"
    } else if text.contains("authentication") || text.contains("password") {
        "the database refused the credentials"
    } else {
        "the request failed"
    }
}

/// `?`-friendly conversion of PostgreSQL results.
pub(crate) trait Db<T> {
    /// Converts the error with [`storage`].
    fn db(self) -> Result<T>;
}

impl<T> Db<T> for std::result::Result<T, postgres::Error> {
    fn db(self) -> Result<T> {
        self.map_err(storage)
    }
}

impl<T> Db<T> for std::result::Result<T, r2d2::Error> {
    fn db(self) -> Result<T> {
        self.map_err(|_| {
            LexcaseError::storage(
                "no database connection became free within the connection timeout",
            )
        })
    }
}
