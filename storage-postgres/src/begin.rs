//! Beginning and ending transactions on a pooled connection, for one firm.
//!
//! Every transaction names its firm first (`SET LOCAL lexcase.firm`, which row-level security
//! reads). A read runs at REPEATABLE READ, READ ONLY, on a snapshot taken when it begins. A
//! write runs at READ COMMITTED and first locks its firm's row (`FOR NO KEY UPDATE`): writers
//! of one firm take turns, from any process, as SQLite's single writer does, while other firms
//! and all readers go on beside them. That lock makes every read-then-write of a command see
//! the latest committed state (the audit chain's head above all), so versions and the chain
//! hold without SERIALIZABLE, and ordinary contention waits rather than fails. A transient
//! failure (a connection that broke, a serialization failure or deadlock) while a transaction
//! begins, or in a short transaction the store runs whole (document contents), is retried here.

use std::cell::{RefCell, RefMut};

use lexcase::{LexcaseError, Result};
use postgres::SimpleQueryMessage;
use uuid::Uuid;

use crate::connection::PgConn;
use crate::database::Shared;
use crate::error::{Db, is_transient, storage};
use crate::scope::Scope;

/// A connection of the pool.
pub(crate) type Pooled = r2d2::PooledConnection<crate::connection::Manager>;

/// Attempts at a transaction before a transient failure is reported.
const ATTEMPTS: u32 = 4;

/// A transaction's connection, borrowed by one statement at a time.
pub(crate) struct TxConn {
    conn: RefCell<Pooled>,
    firm: Uuid,
}

impl TxConn {
    /// The connection scoped to the firm.
    pub(crate) fn scope(&self) -> Result<Scope<'_>> {
        let conn = self
            .conn
            .try_borrow_mut()
            .map_err(|_| LexcaseError::storage("the transaction is already in use"))?;
        Ok(Scope::new(RefMut::map(conn, |c| &mut **c), self.firm))
    }

    /// Commits, unless a statement failed (then nothing is committed).
    pub(crate) fn commit(&self) -> Result<()> {
        let mut conn = self
            .conn
            .try_borrow_mut()
            .map_err(|_| LexcaseError::storage("the transaction is already in use"))?;
        if conn.failed {
            return Err(LexcaseError::storage(
                "a statement of the transaction failed, so nothing was committed",
            ));
        }
        let committed = conn.client.batch_execute("COMMIT");
        conn.in_tx = false;
        if let Err(e) = &committed {
            conn.transient = is_transient(e);
        }
        match committed {
            Ok(()) => Ok(()),
            Err(e) if e.is_closed() => {
                conn.broken = true;
                Err(LexcaseError::storage(
                    "the connection was lost while committing: the outcome is unknown",
                ))
            }
            Err(e) => Err(storage(e)),
        }
    }
}

impl Drop for TxConn {
    fn drop(&mut self) {
        self.conn.get_mut().end();
    }
}

/// A connection of `shared`'s pool with no transaction left open on it.
fn checkout(shared: &Shared) -> Result<Pooled> {
    let mut conn = shared.pool.get().db()?;
    if let Err(e) = conn.reset() {
        conn.broken = true;
        return Err(e);
    }
    Ok(conn)
}

/// Runs `begin` on a fresh connection until it succeeds or fails for a reason other than a
/// transient one.
fn begin_with(
    shared: &Shared,
    firm: Uuid,
    mut begin: impl FnMut(&mut PgConn) -> std::result::Result<(), BeginError>,
) -> Result<TxConn> {
    let mut attempt = 1;
    loop {
        let mut conn = checkout(shared)?;
        match begin(&mut conn) {
            Ok(()) => {
                return Ok(TxConn {
                    conn: RefCell::new(conn),
                    firm,
                });
            }
            Err(BeginError::Db(e)) if is_transient(&e) && attempt < ATTEMPTS => {
                conn.end();
                conn.broken |= e.is_closed();
                attempt += 1;
            }
            Err(BeginError::Db(e)) => {
                conn.end();
                conn.broken |= e.is_closed();
                return Err(storage(e));
            }
            Err(BeginError::Lexcase(e)) => {
                conn.end();
                return Err(e);
            }
        }
    }
}

/// Why a transaction could not begin.
enum BeginError {
    Db(postgres::Error),
    Lexcase(LexcaseError),
}

impl From<postgres::Error> for BeginError {
    fn from(e: postgres::Error) -> Self {
        BeginError::Db(e)
    }
}

/// Begins a read transaction of `firm` on a snapshot taken now.
pub(crate) fn begin_read(shared: &Shared, firm: Uuid) -> Result<TxConn> {
    let statements = [
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY".to_owned(),
        format!("SET LOCAL lexcase.firm = '{firm}'"),
        "SELECT 1".to_owned(),
    ];
    begin_with(shared, firm, |conn| {
        conn.in_tx = true;
        run(shared, conn, &statements)?;
        Ok(())
    })
}

/// Runs `statements` (without parameters) in order and returns what the last one returned:
/// in one round trip on PostgreSQL; one by one on Citus, which passes each `SET LOCAL` on to
/// the workers by its query text (a batch would be passed on whole).
pub(crate) fn run(
    shared: &Shared,
    conn: &mut PgConn,
    statements: &[String],
) -> std::result::Result<Vec<SimpleQueryMessage>, postgres::Error> {
    if !shared.citus {
        return conn.client.simple_query(&statements.join("; "));
    }
    let mut last = Vec::new();
    for statement in statements {
        last = conn.client.simple_query(statement)?;
    }
    Ok(last)
}

/// Begins the write transaction of `firm`: waits (up to the lock timeout) for the firm's
/// write lock. A firm the database does not hold is not found.
pub(crate) fn begin_write(shared: &Shared, firm: Uuid) -> Result<TxConn> {
    let statements = [
        "BEGIN ISOLATION LEVEL READ COMMITTED".to_owned(),
        format!("SET LOCAL lexcase.firm = '{firm}'"),
        format!(
            "SET LOCAL lock_timeout = {}",
            shared.options.lock_timeout.as_millis().max(1)
        ),
        format!("SELECT 1 FROM firms WHERE firm_id = '{firm}' FOR NO KEY UPDATE"),
    ];
    begin_with(shared, firm, |conn| {
        conn.in_tx = true;
        let locked = rows_of(&run(shared, conn, &statements)?);
        if locked == 1 {
            Ok(())
        } else {
            Err(BeginError::Lexcase(LexcaseError::not_found("firm")))
        }
    })
}

/// The number of rows the statements of a simple query returned.
fn rows_of(messages: &[SimpleQueryMessage]) -> usize {
    messages
        .iter()
        .filter(|m| matches!(m, SimpleQueryMessage::Row(_)))
        .count()
}

/// Runs `f` as a whole, short transaction of `firm` (a read when `read_only`), retrying it on
/// a transient failure: for work that needs no firm lock (document contents).
pub(crate) fn short<T>(
    shared: &Shared,
    firm: Uuid,
    read_only: bool,
    mut f: impl FnMut(&mut Scope<'_>) -> Result<T>,
) -> Result<T> {
    let mut attempt = 1;
    loop {
        let tx = if read_only {
            begin_read(shared, firm)?
        } else {
            let statements = [
                "BEGIN ISOLATION LEVEL READ COMMITTED".to_owned(),
                format!("SET LOCAL lexcase.firm = '{firm}'"),
            ];
            begin_with(shared, firm, |conn| {
                conn.in_tx = true;
                run(shared, conn, &statements)?;
                Ok(())
            })?
        };
        let done = {
            let mut scope = tx.scope()?;
            f(&mut scope)
        };
        let outcome = done.and_then(|value| tx.commit().map(|()| value));
        let transient = tx.last_error_transient();
        match outcome {
            Err(_) if transient && attempt < ATTEMPTS => attempt += 1,
            other => return other,
        }
    }
}

impl TxConn {
    /// Whether the transaction failed in a way worth trying again (a broken connection).
    fn last_error_transient(&self) -> bool {
        self.conn
            .try_borrow()
            .map(|c| c.transient || c.broken || c.client.is_closed())
            .unwrap_or(false)
    }
}

/// Whether firm `firm` exists, creating it first when `create`; contents it staged and
/// abandoned are collected.
pub(crate) fn firm_row(shared: &Shared, firm: Uuid, create: bool) -> Result<bool> {
    short(shared, firm, false, |scope| {
        if create {
            scope.execute(
                "INSERT INTO firms (firm_id) VALUES ($1) ON CONFLICT DO NOTHING",
                &[],
            )?;
        }
        let exists = scope
            .row("SELECT 1 FROM firms WHERE firm_id = $1", &[])?
            .is_some();
        if exists {
            // Contents staged a day ago belong to no command: their process stopped.
            scope.execute(
                "DELETE FROM blob_staging WHERE firm_id = $1 \
                 AND staged_at < now() - interval '1 day'",
                &[],
            )?;
        }
        Ok(exists)
    })
}
