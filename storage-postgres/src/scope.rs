//! A firm's view of a connection inside a transaction: every statement gets the firm's id as
//! `$1` and its other parameters as `$2…` (written `?`), runs as a cached prepared statement,
//! and any failure marks the transaction as failed (PostgreSQL has aborted it).

use std::cell::RefMut;

use lexcase::{LexcaseError, Result};
use lexcase_sql::{Cols, Record, Value};
use postgres::Row;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::connection::PgConn;
use crate::error::storage;
use crate::value::{Arg, PgRow};

/// The connection of a transaction, scoped to its firm.
pub(crate) struct Scope<'a> {
    conn: RefMut<'a, PgConn>,
    firm: Uuid,
}

/// The JSON body of an aggregate.
pub(crate) fn to_json<T: serde::Serialize>(entity: &str, value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|_| LexcaseError::storage(format!("could not encode the {entity} record")))
}

/// An aggregate from its JSON body.
pub(crate) fn from_json<T: DeserializeOwned>(entity: &str, body: &str) -> Result<T> {
    serde_json::from_str(body)
        .map_err(|_| LexcaseError::storage(format!("the stored {entity} record is unreadable")))
}

/// A stored integer that must not be negative.
pub(crate) fn to_u64(value: i64) -> Result<u64> {
    u64::try_from(value).map_err(|_| LexcaseError::storage("a stored counter is negative"))
}

/// A version or count for a `bigint` column.
pub(crate) fn to_i64(field: &str, value: u64) -> Result<i64> {
    i64::try_from(value).map_err(|_| LexcaseError::validation(field, "too large"))
}

impl<'a> Scope<'a> {
    /// `conn` acting for `firm`.
    pub(crate) fn new(conn: RefMut<'a, PgConn>, firm: Uuid) -> Self {
        Self { conn, firm }
    }

    /// Marks the transaction as failed, so that it cannot commit (a write left half done).
    pub(crate) fn poison(&mut self) {
        self.conn.failed = true;
    }

    fn fail(&mut self, error: postgres::Error) -> postgres::Error {
        self.conn.failed = true;
        self.conn.transient = crate::error::is_transient(&error);
        if error.is_closed() {
            self.conn.broken = true;
        }
        error
    }

    fn run<T>(
        &mut self,
        sql: &str,
        args: &[Arg<'_>],
        map: impl FnOnce(postgres::Error) -> LexcaseError,
        call: impl FnOnce(
            &mut postgres::Client,
            &postgres::Statement,
            &[&(dyn ToSql + Sync)],
        ) -> std::result::Result<T, postgres::Error>,
    ) -> Result<T> {
        let statement = match self.conn.prepare(sql) {
            Ok(s) => s,
            Err(e) => {
                self.conn.failed = true;
                return Err(e);
            }
        };
        let mut params: Vec<&(dyn ToSql + Sync)> = Vec::with_capacity(args.len() + 1);
        params.push(&self.firm);
        params.extend(args.iter().map(|a| a as &(dyn ToSql + Sync)));
        let result = call(&mut self.conn.client, &statement, &params);
        result.map_err(|e| map(self.fail(e)))
    }

    /// The types of `sql`'s parameters (`$1` first), as the server inferred them.
    pub(crate) fn param_types(&mut self, sql: &str) -> Result<Vec<postgres::types::Type>> {
        match self.conn.prepare(sql) {
            Ok(statement) => Ok(statement.params().to_vec()),
            Err(e) => {
                self.conn.failed = true;
                Err(e)
            }
        }
    }

    /// Every row `sql` returns.
    pub(crate) fn rows(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<Vec<Row>> {
        self.run(sql, args, storage, |c, s, p| c.query(s, p))
    }

    /// The first row `sql` returns, if any.
    pub(crate) fn row(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<Option<Row>> {
        Ok(self.rows(sql, args)?.into_iter().next())
    }

    /// Runs a statement; the number of rows it changed.
    pub(crate) fn execute(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        self.run(sql, args, storage, |c, s, p| c.execute(s, p))
    }

    /// Calls `f` with each row `sql` returns, streaming them.
    pub(crate) fn each(
        &mut self,
        sql: &str,
        args: &[Arg<'_>],
        mut f: impl FnMut(&Row) -> Result<()>,
    ) -> Result<()> {
        let mut failure = None;
        self.run(sql, args, storage, |c, s, p| {
            let mut rows = c.query_raw(s, p.iter().copied())?;
            while let Some(row) = rows.next()? {
                if let Err(e) = f(&row) {
                    failure = Some(e);
                    break;
                }
            }
            Ok(())
        })?;
        match failure {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Inserts `rows` with one statement, `head` naming the table and its columns
    /// (`INSERT INTO t (firm_id, a, b)`, the firm's id first and given by the store), `types`
    /// the SQL types of the other columns and `tail` what follows (`ON CONFLICT …`); the
    /// number of rows inserted. On PostgreSQL each column is bound as one array and the rows
    /// come from `unnest`, so the statement has one shape whatever the number of rows. On
    /// Citus the rows are a multi-row `VALUES`, which Citus sends to the firm's shard as an
    /// INSERT; an `INSERT … SELECT` from `unnest` it would copy in with COPY, which row
    /// security refuses.
    pub(crate) fn insert_rows(
        &mut self,
        head: &str,
        types: &[&str],
        rows: &[Vec<Value<'_>>],
        tail: &str,
    ) -> Result<u64> {
        if rows.is_empty() {
            return Ok(0);
        }
        if rows.iter().any(|r| r.len() != types.len()) {
            return Err(LexcaseError::storage(
                "a row to insert has the wrong columns",
            ));
        }
        if !self.conn.citus {
            let arrays: Vec<String> = types.iter().map(|t| format!("?::{t}[]")).collect();
            let sql = format!(
                "{head} SELECT $1::uuid, u.* FROM unnest({}) AS u {tail}",
                arrays.join(", ")
            );
            let columns: Vec<Arg<'_>> = (0..types.len())
                .map(|i| Arg::Column(rows.iter().map(|r| r[i].clone()).collect()))
                .collect();
            return self.execute(&sql, &columns);
        }
        // Bound parameters are at most 65535 a statement: a long list goes in several.
        let per_statement = (60_000 / types.len().max(1)).max(1);
        let mut inserted = 0;
        for chunk in rows.chunks(per_statement) {
            let row = format!(
                "($1::uuid, {})",
                types
                    .iter()
                    .map(|t| format!("?::{t}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let sql = format!("{head} VALUES {} {tail}", vec![row; chunk.len()].join(", "));
            let args: Vec<Arg<'_>> = chunk
                .iter()
                .flat_map(|r| r.iter().cloned().map(Arg::Value))
                .collect();
            inserted += self.execute(&sql, &args)?;
        }
        Ok(inserted)
    }

    /// The single integer a `SELECT count(*)` (or any one-`bigint` query) returns.
    pub(crate) fn count(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        let row = self
            .row(sql, args)?
            .ok_or_else(|| LexcaseError::storage("a count returned no row"))?;
        let n: i64 = row
            .try_get(0)
            .map_err(|_| LexcaseError::storage("a count is unreadable"))?;
        to_u64(n)
    }

    /// The first row's JSON body (column 0), decoded.
    pub(crate) fn body<T: DeserializeOwned>(
        &mut self,
        entity: &str,
        sql: &str,
        args: &[Arg<'_>],
    ) -> Result<Option<T>> {
        match self.row(sql, args)? {
            Some(row) => Ok(Some(from_json(entity, text(&row, 0)?)?)),
            None => Ok(None),
        }
    }

    /// Every row's JSON body (column 0), decoded.
    pub(crate) fn bodies<T: DeserializeOwned>(
        &mut self,
        entity: &str,
        sql: &str,
        args: &[Arg<'_>],
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.each(sql, args, |row| {
            out.push(from_json(entity, text(row, 0)?)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// One record, if `sql` (selecting [`Record::COLUMNS`] first) finds it.
    pub(crate) fn record<R: Record>(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<Option<R>> {
        match self.row(sql, args)? {
            Some(row) => Ok(Some(read::<R>(&row)?)),
            None => Ok(None),
        }
    }

    /// Every record `sql` finds, in order.
    pub(crate) fn records<R: Record>(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<Vec<R>> {
        let mut out = Vec::new();
        self.each(sql, args, |row| {
            out.push(read::<R>(row)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// Reads a row's first columns as the record `R`.
pub(crate) fn read<R: Record>(row: &Row) -> Result<R> {
    R::read(&mut Cols::new(&PgRow(row), R::WHAT))
}

/// Column `index` as text.
pub(crate) fn text(row: &Row, index: usize) -> Result<&str> {
    row.try_get(index)
        .map_err(|_| LexcaseError::storage("a stored text is unreadable"))
}
