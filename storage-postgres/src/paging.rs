//! Every list the store serves, paged one way: by offset (the total counted with the page) or
//! by cursor (keyset: the rows after the last key, the total carried in the cursor).
//!
//! The sort keys are the expressions of `ORDER BY` themselves (`lower(u.name)` where SQLite
//! sorts `COLLATE NOCASE`), selected after the item's columns, so the cursor holds exactly what
//! the order compares.

use lexcase::store::{Page, Paged};
use lexcase::{LexcaseError, Result};
use lexcase_sql::keyset::{KeyValue, Position, SortKey, after_predicate, after_values, order_by};
use postgres::Row;

use crate::scope::Scope;
use crate::sql::where_clause;
use crate::value::{Arg, key_arg, key_value};

/// A list query: the item columns, the tables, the conditions with their parameters (in the
/// order of their placeholders; the firm's condition included) and the sort keys, whose last
/// one must make the order total (an id).
pub(crate) struct List<'a> {
    /// What an item is read from, e.g. `t.body` or a record's column list.
    pub columns: &'a str,
    /// `FROM` clause, e.g. `tasks t`.
    pub from: &'a str,
    /// `AND`-ed conditions.
    pub conditions: Vec<String>,
    /// Their parameters.
    pub args: Vec<Arg<'a>>,
    /// The order, with a unique last key.
    pub keys: &'a [SortKey],
}

/// One page of `list`, each row read by `read`.
pub(crate) fn page<T>(
    scope: &mut Scope<'_>,
    mut list: List<'_>,
    page: &Page,
    mut read: impl FnMut(&Row) -> Result<T>,
) -> Result<Paged<T>> {
    let total = match &page.after {
        Some(cursor) => {
            if page.offset != 0 {
                return Err(LexcaseError::validation(
                    "offset",
                    "a page after a cursor takes no offset",
                ));
            }
            let position = Position::of(cursor, list.keys.len())?;
            list.conditions.push(after_predicate(list.keys));
            list.args
                .extend(after_values(&position.key).into_iter().map(key_arg));
            position.total
        }
        None => {
            let total = scope.count(
                &format!(
                    "SELECT count(*) FROM {}{}",
                    list.from,
                    where_clause(&list.conditions)
                ),
                &list.args,
            )?;
            if total <= page.offset {
                return Ok(Paged {
                    items: Vec::new(),
                    total,
                    next: None,
                });
            }
            total
        }
    };
    let keys: Vec<&str> = list.keys.iter().map(|k| k.expr).collect();
    let mut sql = format!(
        "SELECT {}, {} FROM {}{} {} LIMIT ?",
        list.columns,
        keys.join(", "),
        list.from,
        where_clause(&list.conditions),
        order_by(list.keys)
    );
    list.args.push(Arg::int(i64::from(page.limit)));
    if page.after.is_none() && page.offset > 0 {
        sql.push_str(" OFFSET ?");
        list.args
            .push(Arg::int(i64::try_from(page.offset).map_err(|_| {
                LexcaseError::validation("offset", "too large")
            })?));
    }
    let rows = scope.rows(&sql, &list.args)?;
    let mut items = Vec::with_capacity(rows.len());
    let mut last: Vec<KeyValue> = Vec::new();
    for row in &rows {
        items.push(read(row)?);
    }
    if let Some(row) = rows.last() {
        let width = row.len();
        for i in width - list.keys.len()..width {
            last.push(key_value(row, i)?);
        }
    }
    let next = if items.len() == page.limit as usize && !items.is_empty() {
        Some(Position { key: last, total }.to_cursor()?)
    } else {
        None
    };
    Ok(Paged { items, total, next })
}

/// A page of a list ranked by relevance (full-text search): by offset only, so a cursor is
/// refused and none is given.
pub(crate) fn ranked_only(page: &Page) -> Result<()> {
    if page.after.is_some() {
        return Err(LexcaseError::validation(
            "cursor",
            "search results are ranked and page by offset",
        ));
    }
    Ok(())
}

/// Reads a row's first columns as the record `R`.
pub(crate) fn record<R: lexcase_sql::Record>(row: &Row) -> Result<R> {
    crate::scope::read(row)
}

/// Reads a row's first column as the JSON body of an `entity`.
pub(crate) fn body<T: serde::de::DeserializeOwned>(
    entity: &'static str,
) -> impl FnMut(&Row) -> Result<T> {
    move |row| crate::scope::from_json(entity, crate::scope::text(row, 0)?)
}
