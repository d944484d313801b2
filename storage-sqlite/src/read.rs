//! Reads of aggregates by key and the user and contact lists.

use lexcase::contacts::Contact;
use lexcase::firm::FirmSettings;
use lexcase::store::{ContactQuery, Page, Paged};
use lexcase::users::User;
use lexcase::{ContactId, Result, UserId};
use lexcase_sql::keyset::SortKey;
use lexcase_sql::{Value as Column, column_list, select_sql};
use rusqlite::types::Value;
use rusqlite::{Connection, Params};
use serde::de::DeserializeOwned;

use crate::codec::{from_json, like_escape, to_u64};
use crate::error::Db;
use crate::paging::{self, List};
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
    const ORDER: &[SortKey] = &[SortKey::asc("u.name COLLATE NOCASE"), SortKey::asc("u.id")];
    paging::page(
        conn,
        List {
            columns: &column_list::<User>(Some("u")),
            from: "users u",
            conditions: Vec::new(),
            params: Vec::new(),
            keys: ORDER,
        },
        &page,
        paging::record,
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
    const ORDER: &[SortKey] = &[
        SortKey::asc("c.sort_name COLLATE NOCASE"),
        SortKey::asc("c.id"),
    ];
    let mut conditions = Vec::new();
    let mut params = Vec::new();
    if let Some(prefix) = &query.name_prefix {
        let prefix = like_escape(prefix);
        conditions
            .push(r"(c.search_key LIKE ? ESCAPE '\' OR c.search_key LIKE ? ESCAPE '\')".into());
        params.push(Value::Text(format!("{prefix}%")));
        params.push(Value::Text(format!("% {prefix}%")));
    }
    if let Some(kind) = query.kind {
        conditions.push("c.kind = ?".into());
        params.push(Value::Text(kind.as_str().into()));
    }
    paging::page(
        conn,
        List {
            columns: &column_list::<Contact>(Some("c")),
            from: "contacts c",
            conditions,
            params,
            keys: ORDER,
        },
        &page,
        paging::record,
    )
}
