//! One pooled connection: the blocking client, its prepared statements and where its
//! transaction stands; and the pool's manager, which opens connections on the store's schema.

use std::collections::HashMap;

use lexcase::Result;
use postgres::{Client, Config, NoTls, Statement};

use crate::error::Db;
use crate::sql::numbered;

/// Prepared statements a connection keeps before it starts over (the list queries have many
/// shapes; the rest are fixed).
const STATEMENT_CACHE: usize = 512;

/// A connection of the pool.
pub(crate) struct PgConn {
    pub(crate) client: Client,
    /// Prepared statements by their text as the store writes it (before numbering).
    statements: HashMap<String, Statement>,
    /// A transaction was begun on this connection and has not ended.
    pub(crate) in_tx: bool,
    /// A statement of the current transaction failed: PostgreSQL has aborted it.
    pub(crate) failed: bool,
    /// The failure of the current transaction was transient (worth trying the whole
    /// transaction again).
    pub(crate) transient: bool,
    /// The connection is in a state the store cannot vouch for: the pool drops it.
    pub(crate) broken: bool,
    /// The server is a Citus coordinator.
    pub(crate) citus: bool,
}

impl std::fmt::Debug for PgConn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgConn")
            .field("statements", &self.statements.len())
            .field("in_tx", &self.in_tx)
            .finish()
    }
}

impl PgConn {
    fn new(client: Client, citus: bool) -> Self {
        Self {
            citus,
            client,
            statements: HashMap::new(),
            in_tx: false,
            failed: false,
            transient: false,
            broken: false,
        }
    }

    /// The prepared statement of `sql` (with `?` placeholders after `$1`), prepared once per
    /// connection.
    pub(crate) fn prepare(&mut self, sql: &str) -> Result<Statement> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(&numbered(sql)).db()?;
        if self.statements.len() >= STATEMENT_CACHE {
            self.statements.clear();
        }
        self.statements.insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }

    /// Ends a transaction a previous holder left open (after a panic, say).
    pub(crate) fn reset(&mut self) -> Result<()> {
        if self.in_tx {
            self.client.batch_execute("ROLLBACK").db()?;
            self.in_tx = false;
        }
        self.failed = false;
        self.transient = false;
        Ok(())
    }

    /// Rolls back the open transaction, if any; a connection that cannot is dropped by the
    /// pool.
    pub(crate) fn end(&mut self) {
        if self.in_tx {
            if self.client.batch_execute("ROLLBACK").is_err() {
                self.broken = true;
            }
            self.in_tx = false;
        }
        self.failed = false;
        self.transient = false;
    }
}

/// Opens the pool's connections.
#[derive(Debug)]
pub(crate) struct Manager {
    pub(crate) config: Config,
    /// The server is a Citus coordinator.
    pub(crate) citus: bool,
}

impl r2d2::ManageConnection for Manager {
    type Connection = PgConn;
    type Error = postgres::Error;

    fn connect(&self) -> std::result::Result<PgConn, postgres::Error> {
        self.config
            .connect(NoTls)
            .map(|client| PgConn::new(client, self.citus))
    }

    fn is_valid(&self, conn: &mut PgConn) -> std::result::Result<(), postgres::Error> {
        conn.client.simple_query("").map(|_| ())
    }

    fn has_broken(&self, conn: &mut PgConn) -> bool {
        conn.broken || conn.client.is_closed()
    }
}
