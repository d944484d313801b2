//! How a PostgreSQL database is opened: its schema, the connection pool, lock waits, and
//! whether migrations run and a role that bypasses row security is accepted.

use std::time::Duration;

use lexcase::{LexcaseError, Result};

/// Options for [`crate::PgDatabase::connect`] and [`crate::PgStore::open`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgOptions {
    /// The PostgreSQL schema lexcase keeps its tables in (created by the first migration).
    /// A plain lower-case identifier. Default `lexcase`.
    pub schema: String,
    /// Most connections the pool opens (each transaction holds one). Default 10.
    pub max_connections: u32,
    /// How long a transaction waits for a free connection. Default 30 seconds.
    pub connection_timeout: Duration,
    /// How long a write waits for the firm's write lock (another writer of the same firm, in
    /// any process) or any other lock before failing with a "database is locked" storage
    /// error. Default 30 seconds.
    pub lock_timeout: Duration,
    /// Apply pending migrations when connecting (the role must own the schema or be allowed to
    /// create it). When false, a database that needs migrating is refused. Default true.
    pub migrate: bool,
    /// Accept a role that passes row-level security (a superuser or a role with BYPASSRLS).
    /// Such a role loses the second wall between firms, so it is refused by default.
    pub allow_rls_bypass: bool,
}

impl Default for PgOptions {
    fn default() -> Self {
        Self {
            schema: "lexcase".into(),
            max_connections: 10,
            connection_timeout: Duration::from_secs(30),
            lock_timeout: Duration::from_secs(30),
            migrate: true,
            allow_rls_bypass: false,
        }
    }
}

/// Checks that `name` is a plain identifier (`[a-z_][a-z0-9_]*`, at most 63 bytes), so it can
/// be written into statements unquoted.
pub(crate) fn identifier<'a>(field: &str, name: &'a str) -> Result<&'a str> {
    let mut chars = name.chars();
    let plain = matches!(chars.next(), Some('a'..='z' | '_'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
        && name.len() <= 63;
    if plain {
        Ok(name)
    } else {
        Err(LexcaseError::validation(
            field,
            "expected a plain lower-case identifier (letters, digits, underscores)",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_plain() {
        assert!(identifier("schema", "lexcase").is_ok());
        assert!(identifier("schema", "lexcase_test_2").is_ok());
        for bad in ["", "Lexcase", "1x", "a-b", "a;drop", "a\"b"] {
            assert!(identifier("schema", bad).is_err(), "{bad}");
        }
    }
}
