//! Every list the store serves, paged one way: by offset (the total counted with the page) or
//! by cursor (keyset: the rows after the last key, the total carried in the cursor).

use lexcase::store::{Page, Paged};
use lexcase::{LexcaseError, Result};
use lexcase_sql::keyset::{KeyValue, Position, SortKey, after_predicate, after_values, order_by};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, Row, params_from_iter};

use crate::codec::to_i64;
use crate::error::Db;
use crate::read::count;

/// A list query: the item columns, the tables, the conditions with their parameters (in the
/// order of their placeholders) and the sort keys, whose last one must make the order total
/// (an id).
pub(crate) struct List<'a> {
    /// What an item is read from, e.g. `t.body` or a record's column list.
    pub columns: &'a str,
    /// `FROM` clause, e.g. `tasks t`.
    pub from: &'a str,
    /// `AND`-ed conditions.
    pub conditions: Vec<String>,
    /// Their parameters.
    pub params: Vec<Value>,
    /// The order, with a unique last key.
    pub keys: &'a [SortKey],
}

fn key_value(raw: ValueRef<'_>) -> Result<KeyValue> {
    Ok(match raw {
        ValueRef::Integer(i) => KeyValue::Int(i),
        ValueRef::Text(t) => KeyValue::Text(
            String::from_utf8(t.to_vec())
                .map_err(|_| LexcaseError::storage("a sort key is unreadable"))?,
        ),
        ValueRef::Blob(b) => KeyValue::Bytes(b.to_vec()),
        ValueRef::Null | ValueRef::Real(_) => {
            return Err(LexcaseError::storage("a sort key is missing"));
        }
    })
}

fn sqlite(value: KeyValue) -> Value {
    match value {
        KeyValue::Int(i) => Value::Integer(i),
        KeyValue::Text(t) => Value::Text(t),
        KeyValue::Bytes(b) => Value::Blob(b),
    }
}

fn where_clause(conditions: &[String]) -> String {
    if conditions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conditions.join(" AND "))
    }
}

/// One page of `list`, each row read by `read`.
pub(crate) fn page<T>(
    conn: &Connection,
    mut list: List<'_>,
    page: &Page,
    mut read: impl FnMut(&Row<'_>) -> Result<T>,
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
            list.params
                .extend(after_values(&position.key).into_iter().map(sqlite));
            position.total
        }
        None => {
            let total = count(
                conn,
                &format!(
                    "SELECT count(*) FROM {}{}",
                    list.from,
                    where_clause(&list.conditions)
                ),
                params_from_iter(list.params.iter()),
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
    list.params.push(Value::Integer(i64::from(page.limit)));
    if page.after.is_none() && page.offset > 0 {
        sql.push_str(" OFFSET ?");
        list.params
            .push(Value::Integer(to_i64("offset", page.offset)?));
    }
    let mut stmt = conn.prepare_cached(&sql).db()?;
    let width = stmt.column_count();
    let mut rows = stmt.query(params_from_iter(list.params.iter())).db()?;
    let mut items = Vec::new();
    let mut last: Vec<KeyValue> = Vec::new();
    while let Some(row) = rows.next().db()? {
        items.push(read(row)?);
        last.clear();
        for i in width - list.keys.len()..width {
            last.push(key_value(row.get_ref(i).db()?)?);
        }
    }
    let next = if items.len() == page.limit as usize {
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
pub(crate) fn record<R: lexcase_sql::Record>(row: &Row<'_>) -> Result<R> {
    R::read(&mut lexcase_sql::Cols::new(
        &crate::value::SqlRow(row),
        R::WHAT,
    ))
}

/// Reads a row's first column as the JSON body of an `entity`.
pub(crate) fn body<T: serde::de::DeserializeOwned>(
    entity: &'static str,
) -> impl FnMut(&Row<'_>) -> Result<T> {
    move |row| crate::codec::from_json(entity, row.get_ref(0).db()?.as_str().db()?)
}

/// A shared column value as a SQLite parameter.
pub(crate) fn param(value: &lexcase_sql::Value<'_>) -> Value {
    use lexcase_sql::Value as V;
    match value {
        V::Null => Value::Null,
        V::Bool(b) => Value::Integer(i64::from(*b)),
        V::Int(i) => Value::Integer(*i),
        V::Text(s) | V::Json(s) => Value::Text(s.to_string()),
        V::Bytes(b) => Value::Blob(b.to_vec()),
        V::Id(u) => Value::Blob(u.as_bytes().to_vec()),
        V::Date(d) => Value::Integer(crate::value::day_number(*d)),
        V::Instant(t) => Value::Integer(crate::value::micros(*t)),
        V::Decimal(d) => Value::Text(d.to_string()),
    }
}
