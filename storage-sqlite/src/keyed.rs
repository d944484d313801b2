//! Single records stored by kind and key (a user's timer, a client's billing terms, the
//! firm's billing settings), with optimistic versions.

use lexcase::{LexcaseError, Result};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::codec::{to_i64, to_json, to_u64};
use crate::error::{Db, unique};
use crate::read::one;
use crate::write::versioned_update;

pub(crate) use lexcase_sql::keyed::*;

/// The record of `kind` stored under `key`.
pub(crate) fn get<T: DeserializeOwned>(
    conn: &Connection,
    kind: &str,
    key: &str,
) -> Result<Option<T>> {
    one(
        conn,
        kind,
        "SELECT body FROM keyed_records WHERE kind = ?1 AND key = ?2",
        params![kind, key],
    )
}

/// Every record of `kind`, in key order.
pub(crate) fn all<T: DeserializeOwned>(conn: &Connection, kind: &str) -> Result<Vec<T>> {
    crate::read::many(
        conn,
        kind,
        "SELECT body FROM keyed_records WHERE kind = ?1 ORDER BY key",
        [kind],
    )
}

/// Stores the record of `kind` under `key`, replacing any (for records that are versioned by
/// their content, like rule packs).
pub(crate) fn replace<T: Serialize>(
    conn: &Connection,
    kind: &str,
    key: &str,
    value: &T,
) -> Result<()> {
    let body = to_json(kind, value)?;
    conn.prepare_cached(
        "INSERT INTO keyed_records (kind, key, version, body) VALUES (?1, ?2, 1, ?3) \
         ON CONFLICT (kind, key) DO UPDATE SET version = version + 1, body = excluded.body",
    )
    .db()?
    .execute(params![kind, key, body])
    .db()?;
    Ok(())
}

/// The record of `kind` with the greatest key.
pub(crate) fn latest<T: DeserializeOwned>(conn: &Connection, kind: &str) -> Result<Option<T>> {
    one(
        conn,
        kind,
        "SELECT body FROM keyed_records WHERE kind = ?1 ORDER BY key DESC LIMIT 1",
        [kind],
    )
}

/// Inserts (`expected` = `None`) or updates the record of `kind` under `key`.
pub(crate) fn put<T: Serialize>(
    conn: &Connection,
    kind: &'static str,
    key: &str,
    value: &T,
    version: u64,
    expected: Option<u64>,
) -> Result<()> {
    let body = to_json(kind, value)?;
    let Some(expected) = expected else {
        conn.prepare_cached(
            "INSERT INTO keyed_records (kind, key, version, body) VALUES (?1, ?2, ?3, ?4)",
        )
        .db()?
        .execute(params![kind, key, to_i64("version", version)?, body])
        .map_err(|e| unique(e, &[("keyed_records.key", "the record already exists")]))?;
        return Ok(());
    };
    versioned_update(
        conn,
        kind,
        &version_sql(kind),
        &key,
        version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE keyed_records SET version = ?1, body = ?2 \
                 WHERE kind = ?3 AND key = ?4 AND version = ?5",
            )
            .db()?
            .execute(params![version, body, kind, key, expected])
            .db()
        },
    )
}

/// Removes the record of `kind` under `key` stored at `expected`.
pub(crate) fn delete(
    conn: &Connection,
    kind: &'static str,
    key: &str,
    expected: u64,
) -> Result<()> {
    let removed = conn
        .prepare_cached("DELETE FROM keyed_records WHERE kind = ?1 AND key = ?2 AND version = ?3")
        .db()?
        .execute(params![kind, key, to_i64("version", expected)?])
        .db()?;
    if removed == 1 {
        return Ok(());
    }
    let actual: Option<i64> = conn
        .prepare_cached(&version_sql(kind))
        .db()?
        .query_row([key], |r| r.get(0))
        .optional()
        .db()?;
    match actual {
        None => Err(LexcaseError::not_found(kind)),
        Some(actual) => Err(LexcaseError::StaleVersion {
            entity: kind,
            expected,
            actual: to_u64(actual)?,
        }),
    }
}

/// The query of a record's stored version by key (`kind` is one of the adapter's own
/// constants, never input).
fn version_sql(kind: &str) -> String {
    format!("SELECT version FROM keyed_records WHERE kind = '{kind}' AND key = ?1")
}
