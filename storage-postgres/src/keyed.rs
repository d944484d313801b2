//! Single records stored by kind and key (a user's timer, a client's billing terms, the
//! firm's billing settings, reconciliations, rule overrides and packs, conflict checks), with
//! optimistic versions.

use lexcase::{LexcaseError, Result};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::records::versioned_update;
use crate::scope::{Scope, to_json, to_u64};
use crate::value::Arg;

pub(crate) use lexcase_sql::keyed::*;

const VERSION_SQL: &str =
    "SELECT version FROM keyed_records WHERE firm_id = $1 AND kind = ? AND key = ?";

/// The record of `kind` stored under `key`.
pub(crate) fn get<T: DeserializeOwned>(
    scope: &mut Scope<'_>,
    kind: &str,
    key: &str,
) -> Result<Option<T>> {
    scope.body(
        kind,
        "SELECT body FROM keyed_records WHERE firm_id = $1 AND kind = ? AND key = ?",
        &[Arg::text(kind), Arg::text(key)],
    )
}

/// Every record of `kind`, in key order.
pub(crate) fn all<T: DeserializeOwned>(scope: &mut Scope<'_>, kind: &str) -> Result<Vec<T>> {
    scope.bodies(
        kind,
        "SELECT body FROM keyed_records WHERE firm_id = $1 AND kind = ? ORDER BY key",
        &[Arg::text(kind)],
    )
}

/// The records of `kind` under any of `keys`, in no particular order.
pub(crate) fn of_keys<T: DeserializeOwned>(
    scope: &mut Scope<'_>,
    kind: &str,
    keys: Vec<String>,
) -> Result<Vec<T>> {
    scope.bodies(
        kind,
        "SELECT body FROM keyed_records WHERE firm_id = $1 AND kind = ? AND key = ANY(?)",
        &[Arg::text(kind), Arg::Texts(keys)],
    )
}

/// Stores the record of `kind` under `key`, replacing any (for records that are versioned by
/// their content, like rule packs).
pub(crate) fn replace<T: Serialize>(
    scope: &mut Scope<'_>,
    kind: &str,
    key: &str,
    value: &T,
) -> Result<()> {
    let body = to_json(kind, value)?;
    scope.execute(
        "INSERT INTO keyed_records (firm_id, kind, key, version, body) VALUES ($1, ?, ?, 1, ?) \
         ON CONFLICT (firm_id, kind, key) \
         DO UPDATE SET version = keyed_records.version + 1, body = excluded.body",
        &[Arg::text(kind), Arg::text(key), Arg::text(&body)],
    )?;
    Ok(())
}

/// The record of `kind` with the greatest key.
pub(crate) fn latest<T: DeserializeOwned>(scope: &mut Scope<'_>, kind: &str) -> Result<Option<T>> {
    scope.body(
        kind,
        "SELECT body FROM keyed_records WHERE firm_id = $1 AND kind = ? \
         ORDER BY key DESC LIMIT 1",
        &[Arg::text(kind)],
    )
}

/// Inserts (`expected` = `None`) or updates the record of `kind` under `key`.
pub(crate) fn put<T: Serialize>(
    scope: &mut Scope<'_>,
    kind: &'static str,
    key: &str,
    value: &T,
    version: u64,
    expected: Option<u64>,
) -> Result<()> {
    let body = to_json(kind, value)?;
    let Some(expected) = expected else {
        let inserted = scope.execute(
            "INSERT INTO keyed_records (firm_id, kind, key, version, body) \
             VALUES ($1, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            &[
                Arg::text(kind),
                Arg::text(key),
                Arg::count(version)?,
                Arg::text(&body),
            ],
        )?;
        if inserted == 0 {
            return Err(LexcaseError::Conflict {
                reason: "the record already exists".into(),
            });
        }
        return Ok(());
    };
    versioned_update(
        scope,
        kind,
        VERSION_SQL,
        &[Arg::text(kind), Arg::text(key)],
        version,
        expected,
        |scope, version, expected| {
            scope.execute(
                "UPDATE keyed_records SET version = ?, body = ? \
                 WHERE firm_id = $1 AND kind = ? AND key = ? AND version = ?",
                &[
                    Arg::int(version),
                    Arg::text(&body),
                    Arg::text(kind),
                    Arg::text(key),
                    Arg::int(expected),
                ],
            )
        },
    )
}

/// Removes the record of `kind` under `key` stored at `expected`.
pub(crate) fn delete(
    scope: &mut Scope<'_>,
    kind: &'static str,
    key: &str,
    expected: u64,
) -> Result<()> {
    let removed = scope.execute(
        "DELETE FROM keyed_records WHERE firm_id = $1 AND kind = ? AND key = ? AND version = ?",
        &[Arg::text(kind), Arg::text(key), Arg::count(expected)?],
    )?;
    if removed == 1 {
        return Ok(());
    }
    let actual = scope.row(VERSION_SQL, &[Arg::text(kind), Arg::text(key)])?;
    match actual {
        None => Err(LexcaseError::not_found(kind)),
        Some(row) => {
            let actual: i64 = row
                .try_get(0)
                .map_err(|_| LexcaseError::storage("a stored version is unreadable"))?;
            Err(LexcaseError::StaleVersion {
                entity: kind,
                expected,
                actual: to_u64(actual)?,
            })
        }
    }
}
