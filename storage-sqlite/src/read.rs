//! Reads of aggregates by key and the user and contact lists.

use lexcase::contacts::Contact;
use lexcase::firm::FirmSettings;
use lexcase::store::{ContactQuery, Page, Paged};
use lexcase::users::User;
use lexcase::{ContactId, Result, UserId};
use lexcase_sql::{Value as Column, select_sql};
use rusqlite::types::Value;
use rusqlite::{Connection, Params, params_from_iter};
use serde::de::DeserializeOwned;

use crate::codec::{from_json, like_escape, to_i64, to_u64};
use crate::error::Db;
use crate::records;

/// The first row's JSON body (column 0), decoded.
pub(crate) fn one<T: DeserializeOwned>(
    conn: &Connection,
    entity: &str,
    sql: &str,
    params: impl Params,
) -> Result<Option<T>> {
    let mut stmt = conn.prepare_cached(sql).db()?;
    let mut rows = stmt.query(params).db()?;
    match rows.next().db()? {
        Some(row) => Ok(Some(from_json(
            entity,
            row.get_ref(0).db()?.as_str().db()?,
        )?)),
        None => Ok(None),
    }
}

/// Every row's JSON body (column 0), decoded.
pub(crate) fn many<T: DeserializeOwned>(
    conn: &Connection,
    entity: &str,
    sql: &str,
    params: impl Params,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql).db()?;
    let mut rows = stmt.query(params).db()?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().db()? {
        out.push(from_json(entity, row.get_ref(0).db()?.as_str().db()?)?);
    }
    Ok(out)
}

/// The single integer a `SELECT count(*)` returns.
pub(crate) fn count(conn: &Connection, sql: &str, params: impl Params) -> Result<u64> {
    let n: i64 = conn
        .prepare_cached(sql)
        .db()?
        .query_row(params, |r| r.get(0))
        .db()?;
    to_u64(n)
}

/// Runs a list query: `count_sql` and `page_sql` share `filter_params`; `page_sql` takes the
/// limit and offset after them. The page query is skipped when it cannot return anything.
pub(crate) fn paged<T: DeserializeOwned>(
    conn: &Connection,
    entity: &str,
    count_sql: &str,
    page_sql: &str,
    mut filter_params: Vec<Value>,
    page: Page,
) -> Result<Paged<T>> {
    let total = count(conn, count_sql, params_from_iter(filter_params.iter()))?;
    if total <= page.offset || page.limit == 0 {
        return Ok(Paged {
            items: Vec::new(),
            total,
        });
    }
    filter_params.push(Value::Integer(i64::from(page.limit)));
    filter_params.push(Value::Integer(to_i64("offset", page.offset)?));
    let items = many(
        conn,
        entity,
        page_sql,
        params_from_iter(filter_params.iter()),
    )?;
    Ok(Paged { items, total })
}

/// A `WHERE` clause from conditions joined by `AND` (empty when there are none).
pub(crate) fn where_clause(conditions: &[&str]) -> String {
    if conditions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conditions.join(" AND "))
    }
}

/// The firm's settings.
pub(crate) fn firm_settings(conn: &Connection) -> Result<Option<FirmSettings>> {
    one(
        conn,
        "firm",
        "SELECT body FROM firm_settings WHERE id = 1",
        [],
    )
}

/// A user by id.
pub(crate) fn user(conn: &Connection, id: UserId) -> Result<Option<User>> {
    records::one(
        conn,
        &format!("{} WHERE u.id = ?", select_sql::<User>("u")),
        &[Column::id(id)],
    )
}

/// A user by exact email.
pub(crate) fn user_by_email(conn: &Connection, email: &str) -> Result<Option<User>> {
    records::one(
        conn,
        &format!("{} WHERE u.email = ?", select_sql::<User>("u")),
        &[Column::text(email)],
    )
}

/// Users by name, then id.
pub(crate) fn users(conn: &Connection, page: Page) -> Result<Paged<User>> {
    records::paged(
        conn,
        "SELECT count(*) FROM users",
        &format!(
            "{} ORDER BY u.name COLLATE NOCASE, u.id LIMIT ? OFFSET ?",
            select_sql::<User>("u")
        ),
        Vec::new(),
        page,
    )
}

/// A contact by id.
pub(crate) fn contact(conn: &Connection, id: ContactId) -> Result<Option<Contact>> {
    records::one(
        conn,
        &format!("{} WHERE c.id = ?", select_sql::<Contact>("c")),
        &[Column::id(id)],
    )
}

/// Contacts matching `query` by sort name, then id. The name prefix matches the start of the
/// search key or the start of any later word of it (words are separated by single spaces).
pub(crate) fn contacts(
    conn: &Connection,
    query: &ContactQuery,
    page: Page,
) -> Result<Paged<Contact>> {
    let mut conditions = Vec::new();
    let mut args: Vec<Column<'_>> = Vec::new();
    if let Some(prefix) = &query.name_prefix {
        let prefix = like_escape(prefix);
        conditions.push(r"(c.search_key LIKE ? ESCAPE '\' OR c.search_key LIKE ? ESCAPE '\')");
        args.push(Column::Text(format!("{prefix}%").into()));
        args.push(Column::Text(format!("% {prefix}%").into()));
    }
    if let Some(kind) = query.kind {
        conditions.push("c.kind = ?");
        args.push(Column::name(kind.as_str()));
    }
    let filter = where_clause(&conditions);
    records::paged(
        conn,
        &format!("SELECT count(*) FROM contacts c{filter}"),
        &format!(
            "{}{filter} ORDER BY c.sort_name COLLATE NOCASE, c.id LIMIT ? OFFSET ?",
            select_sql::<Contact>("c")
        ),
        args,
        page,
    )
}
