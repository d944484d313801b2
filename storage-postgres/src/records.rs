//! Writing the shared records ([`lexcase_sql::Record`]) with the firm's id in front, and the
//! optimistic version check every update makes.
//!
//! A write the caller may expect to fail (a duplicate key, a stale version) is told apart
//! without raising a database error: inserts skip conflicting rows (`ON CONFLICT DO NOTHING`)
//! and then look up which key was taken, updates look for a taken unique value first. The
//! firm's write lock makes those look-ups exact, and the transaction stays usable after a
//! conflict, as it does on SQLite.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use lexcase::{LexcaseError, Result};
use lexcase_sql::{Record, Value, column_list};

use crate::scope::{Scope, to_i64, to_u64};
use crate::value::Arg;

/// A unique key of a table other than its id: its columns and the reason a duplicate gives.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unique {
    /// The key's columns (without the firm).
    pub columns: &'static [&'static str],
    /// The conflict's reason.
    pub reason: &'static str,
}

/// The statement text of `kind` for `table`, built once per process.
pub(crate) fn statement(
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

/// `SELECT columns FROM table alias WHERE alias.firm_id = $1 AND filter` for `R`.
pub(crate) fn select<R: Record>(alias: &str, filter: &str) -> String {
    format!(
        "SELECT {} FROM {} {alias} WHERE {alias}.firm_id = $1 AND {filter}",
        column_list::<R>(Some(alias)),
        R::TABLE
    )
}

/// `SELECT columns FROM table alias WHERE alias.firm_id = $1` for `R`, to which `rest` (more
/// conditions starting with `AND`, an `ORDER BY`) is appended.
pub(crate) fn select_all<R: Record>(alias: &str, rest: &str) -> String {
    format!(
        "SELECT {} FROM {} {alias} WHERE {alias}.firm_id = $1{rest}",
        column_list::<R>(Some(alias)),
        R::TABLE
    )
}

/// `INSERT INTO table (firm_id, columns) VALUES ($1, ?, …) ON CONFLICT DO NOTHING` for `R`.
fn insert_sql<R: Record>() -> String {
    let marks = vec!["?"; R::COLUMNS.len()].join(", ");
    format!(
        "INSERT INTO {} (firm_id, {}) VALUES ($1, {marks}) ON CONFLICT DO NOTHING",
        R::TABLE,
        column_list::<R>(None)
    )
}

/// `UPDATE table SET c = ?, … WHERE firm_id = $1 AND key = ? AND version = ?` for `R`.
fn update_sql<R: Record>() -> String {
    let sets: Vec<String> = R::COLUMNS[1..].iter().map(|c| format!("{c} = ?")).collect();
    format!(
        "UPDATE {} SET {} WHERE firm_id = $1 AND {} = ? AND version = ?",
        R::TABLE,
        sets.join(", "),
        R::COLUMNS[0]
    )
}

fn version_sql<R: Record>() -> &'static str {
    statement("version", R::TABLE, || {
        format!(
            "SELECT version FROM {} WHERE firm_id = $1 AND {} = ?",
            R::TABLE,
            R::COLUMNS[0]
        )
    })
}

/// The generic reason of a duplicate id.
fn exists(what: &str) -> LexcaseError {
    LexcaseError::Conflict {
        reason: format!("the {what} already exists"),
    }
}

/// Whether a row other than `except` (a key value) holds `values` in `columns` of `table`.
pub(crate) fn taken(
    scope: &mut Scope<'_>,
    table: &str,
    key: &str,
    columns: &[&str],
    values: Vec<Arg<'_>>,
    except: Option<Arg<'_>>,
) -> Result<bool> {
    let mut conditions: Vec<String> = columns.iter().map(|c| format!("{c} = ?")).collect();
    let mut args = values;
    if let Some(except) = except {
        conditions.push(format!("{key} <> ?"));
        args.push(except);
    }
    let sql = format!(
        "SELECT 1 FROM {table} WHERE firm_id = $1 AND {} LIMIT 1",
        conditions.join(" AND ")
    );
    Ok(scope.row(&sql, &args)?.is_some())
}

/// The first of `uniques` that another row (not `except`) of `R`'s table already holds with
/// the record's `values`.
fn first_taken<R: Record>(
    scope: &mut Scope<'_>,
    values: &[Value<'_>],
    uniques: &[Unique],
    except: Option<&Value<'_>>,
) -> Result<Option<&'static str>> {
    for u in uniques {
        let mut args = Vec::with_capacity(u.columns.len());
        for column in u.columns {
            let i = R::COLUMNS
                .iter()
                .position(|c| c == column)
                .ok_or_else(|| LexcaseError::storage("a unique key names an unknown column"))?;
            args.push(Arg::Value(values[i].clone()));
        }
        if args.iter().any(|a| matches!(a, Arg::Value(Value::Null))) {
            continue;
        }
        let except = except.map(|v| Arg::Value(v.clone()));
        if taken(scope, R::TABLE, R::COLUMNS[0], u.columns, args, except)? {
            return Ok(Some(u.reason));
        }
    }
    Ok(None)
}

/// Inserts `record`; a taken key is a conflict with the reason of the first of `uniques` that
/// is taken, else "the … already exists".
pub(crate) fn insert<R: Record>(
    scope: &mut Scope<'_>,
    record: &R,
    uniques: &[Unique],
) -> Result<()> {
    let sql = statement("insert", R::TABLE, insert_sql::<R>);
    let values = record.values()?;
    let args: Vec<Arg<'_>> = values.iter().cloned().map(Arg::Value).collect();
    if scope.execute(sql, &args)? == 1 {
        return Ok(());
    }
    match first_taken::<R>(scope, &values, uniques, None)? {
        Some(reason) => Err(LexcaseError::Conflict {
            reason: reason.to_owned(),
        }),
        None => Err(exists(R::WHAT)),
    }
}

/// Inserts every record of a list (child rows, whose keys their parent decides) in one
/// statement: each column bound as one array. A row that is not inserted leaves its parent
/// half written: the transaction is failed.
pub(crate) fn insert_all<R: Record>(scope: &mut Scope<'_>, records: &[R]) -> Result<()> {
    match records {
        [] => return Ok(()),
        [one] => {
            let sql = statement("insert", R::TABLE, insert_sql::<R>);
            let args: Vec<Arg<'_>> = one.values()?.into_iter().map(Arg::Value).collect();
            if scope.execute(sql, &args)? == 1 {
                return Ok(());
            }
        }
        many => {
            let single = statement("insert", R::TABLE, insert_sql::<R>);
            let types: Vec<String> = scope
                .param_types(single)?
                .iter()
                .skip(1)
                .map(|t| t.name().to_owned())
                .collect();
            let types: Vec<&str> = types.iter().map(String::as_str).collect();
            let head = statement("insert head", R::TABLE, || {
                format!(
                    "INSERT INTO {} (firm_id, {})",
                    R::TABLE,
                    column_list::<R>(None)
                )
            });
            let rows = many
                .iter()
                .map(Record::values)
                .collect::<Result<Vec<_>>>()?;
            let inserted = scope.insert_rows(head, &types, &rows, "ON CONFLICT DO NOTHING")?;
            if usize::try_from(inserted).ok() == Some(many.len()) {
                return Ok(());
            }
        }
    }
    scope.poison();
    Err(LexcaseError::storage(format!(
        "a {} row was refused as a duplicate",
        R::WHAT
    )))
}

/// Updates `record` (keyed by its first column, with a `version` column) from the stored
/// version `expected` to `version`; a unique value another row holds is a conflict.
pub(crate) fn update<R: Record>(
    scope: &mut Scope<'_>,
    record: &R,
    version: u64,
    expected: u64,
    uniques: &[Unique],
) -> Result<()> {
    let sql = statement("update", R::TABLE, update_sql::<R>);
    let values = record.values()?;
    let key = values[0].clone();
    versioned_update(
        scope,
        R::WHAT,
        version_sql::<R>(),
        &[Arg::Value(key.clone())],
        version,
        expected,
        |scope, _, expected| {
            if let Some(reason) = first_taken::<R>(scope, &values, uniques, Some(&key))? {
                return Err(LexcaseError::Conflict {
                    reason: reason.to_owned(),
                });
            }
            let mut args: Vec<Arg<'_>> = values[1..].iter().cloned().map(Arg::Value).collect();
            args.push(Arg::Value(key.clone()));
            args.push(Arg::int(expected));
            scope.execute(sql, &args)
        },
    )
}

/// Runs an optimistic update: `update` gets the new and the expected version and returns how
/// many rows it changed. When nothing changed (or the update refused), or the entity does not
/// carry `expected + 1`, the stored version decides the error: missing → not found, different
/// from `expected` → stale, otherwise the update's own error (a conflict), or the entity's own
/// version is wrong → validation.
pub(crate) fn versioned_update(
    scope: &mut Scope<'_>,
    entity: &'static str,
    version_sql: &str,
    key: &[Arg<'_>],
    version: u64,
    expected: u64,
    update: impl FnOnce(&mut Scope<'_>, i64, i64) -> Result<u64>,
) -> Result<()> {
    let mut refused = None;
    if expected.checked_add(1) == Some(version) {
        match update(
            scope,
            to_i64("version", version)?,
            to_i64("version", expected)?,
        ) {
            Ok(changed) if changed > 0 => return Ok(()),
            Ok(_) => {}
            Err(e @ LexcaseError::Conflict { .. }) => refused = Some(e),
            Err(e) => return Err(e),
        }
    }
    let stored: Option<i64> = match scope.row(version_sql, key)? {
        Some(row) => Some(
            row.try_get(0)
                .map_err(|_| LexcaseError::storage("a stored version is unreadable"))?,
        ),
        None => None,
    };
    match stored {
        None => Err(LexcaseError::not_found(entity)),
        Some(actual) if to_u64(actual)? != expected => Err(LexcaseError::StaleVersion {
            entity,
            expected,
            actual: to_u64(actual)?,
        }),
        Some(_) => Err(refused.unwrap_or_else(|| {
            LexcaseError::validation(
                "version",
                "the updated entity must carry the expected version plus one",
            )
        })),
    }
}
