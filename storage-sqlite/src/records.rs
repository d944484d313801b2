//! Reading and writing the shared records ([`lexcase_sql::Record`]) with prepared statements.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use lexcase::Result;
use lexcase_sql::{Cols, Record, Value};
use rusqlite::{Connection, params_from_iter};

use crate::error::{Db, unique};
use crate::value::{SqlRow, params};
use crate::write::versioned_update;

/// The statement text of `kind` for `table`, built once per process.
fn statement(
    kind: &'static str,
    table: &'static str,
    build: impl FnOnce() -> String,
) -> &'static str {
    static CACHE: OnceLock<Mutex<HashMap<(&'static str, &'static str), &'static str>>> =
        OnceLock::new();
    let mut cache = CACHE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    cache
        .entry((kind, table))
        .or_insert_with(|| Box::leak(build().into_boxed_str()))
}

/// Inserts `record`; a duplicate key is a conflict with the reason given for its column.
pub(crate) fn insert<R: Record>(
    conn: &Connection,
    record: &R,
    reasons: &[(&str, &str)],
) -> Result<()> {
    let sql = statement("insert", R::TABLE, lexcase_sql::insert_sql::<R>);
    let values = record.values()?;
    conn.prepare_cached(sql)
        .db()?
        .execute(params_from_iter(params(&values)))
        .map_err(|e| unique(e, reasons))?;
    Ok(())
}

/// Inserts every record of a list (child rows).
pub(crate) fn insert_all<R: Record>(conn: &Connection, records: &[R]) -> Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    let sql = statement("insert", R::TABLE, lexcase_sql::insert_sql::<R>);
    let mut stmt = conn.prepare_cached(sql).db()?;
    for record in records {
        let values = record.values()?;
        stmt.execute(params_from_iter(params(&values))).db()?;
    }
    Ok(())
}

/// Updates `record` (keyed by its first column, with a `version` column) from the stored
/// version `expected` to `version`.
pub(crate) fn update<R: Record>(
    conn: &Connection,
    record: &R,
    version: u64,
    expected: u64,
    reasons: &[(&str, &str)],
) -> Result<()> {
    let sql = statement("update", R::TABLE, lexcase_sql::update_sql::<R>);
    let version_sql = statement("version", R::TABLE, || {
        format!(
            "SELECT version FROM {} WHERE {} = ?1",
            R::TABLE,
            R::COLUMNS[0]
        )
    });
    let mut values = record.values()?;
    let key = values.remove(0);
    versioned_update(
        conn,
        R::WHAT,
        version_sql,
        &crate::value::Param(&key),
        version,
        expected,
        |_, expected| {
            values.push(key.clone());
            values.push(Value::Int(expected));
            conn.prepare_cached(sql)
                .db()?
                .execute(params_from_iter(params(&values)))
                .map_err(|e| unique(e, reasons))
        },
    )
}

/// Reads one record, if `sql` (selecting [`Record::COLUMNS`] first) finds it.
pub(crate) fn one<R: Record>(
    conn: &Connection,
    sql: &str,
    args: &[Value<'_>],
) -> Result<Option<R>> {
    let mut stmt = conn.prepare_cached(sql).db()?;
    let mut rows = stmt.query(params_from_iter(params(args))).db()?;
    match rows.next().db()? {
        Some(row) => Ok(Some(R::read(&mut Cols::new(&SqlRow(row), R::WHAT))?)),
        None => Ok(None),
    }
}

/// Calls `f` with each record `sql` finds, in order, without collecting them.
pub(crate) fn each<R: Record>(
    conn: &Connection,
    sql: &str,
    args: &[Value<'_>],
    mut f: impl FnMut(R) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql).db()?;
    let mut rows = stmt.query(params_from_iter(params(args))).db()?;
    while let Some(row) = rows.next().db()? {
        f(R::read(&mut Cols::new(&SqlRow(row), R::WHAT))?)?;
    }
    Ok(())
}

/// Every record `sql` finds, in order.
pub(crate) fn many<R: Record>(conn: &Connection, sql: &str, args: &[Value<'_>]) -> Result<Vec<R>> {
    let mut out = Vec::new();
    each(conn, sql, args, |r| {
        out.push(r);
        Ok(())
    })?;
    Ok(out)
}
