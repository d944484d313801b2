//! Writes of aggregates with optimistic versions, the matter side tables, and sequences.

use lexcase::contacts::Contact;
use lexcase::firm::FirmSettings;
use lexcase::users::User;
use lexcase::{LexcaseError, Result};
use rusqlite::{Connection, OptionalExtension, params};

use crate::codec::{to_i64, to_json, to_u64};
use crate::error::{Db, unique};
use crate::records;

/// Runs `f` inside a savepoint: if it fails, none of its statements stay in the transaction.
pub(crate) fn atomically<T>(
    conn: &Connection,
    f: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    conn.prepare_cached("SAVEPOINT lexcase_write")
        .db()?
        .execute([])
        .db()?;
    match f(conn) {
        Ok(value) => {
            conn.prepare_cached("RELEASE lexcase_write")
                .db()?
                .execute([])
                .db()?;
            Ok(value)
        }
        Err(error) => {
            // Undo, then drop the savepoint; the caller's transaction stays usable.
            let _ = conn.execute_batch("ROLLBACK TO lexcase_write; RELEASE lexcase_write");
            Err(error)
        }
    }
}

/// Runs an optimistic update: `update` gets the new and the expected version as column values
/// and returns how many rows it changed. When nothing changed, or the entity does not carry
/// `expected + 1`, the stored version decides the error: missing → not found, different from
/// `expected` → stale, otherwise the entity's own version is wrong → validation.
pub(crate) fn versioned_update(
    conn: &Connection,
    entity: &'static str,
    version_sql: &str,
    id: &dyn rusqlite::ToSql,
    version: u64,
    expected: u64,
    update: impl FnOnce(i64, i64) -> Result<usize>,
) -> Result<()> {
    if expected.checked_add(1) == Some(version) {
        let changed = update(to_i64("version", version)?, to_i64("version", expected)?)?;
        if changed > 0 {
            return Ok(());
        }
    }
    let stored = conn
        .prepare_cached(version_sql)
        .db()?
        .query_row([id], |r| r.get::<_, i64>(0))
        .optional()
        .db()?;
    match stored {
        None => Err(LexcaseError::not_found(entity)),
        Some(actual) if to_u64(actual)? != expected => Err(LexcaseError::StaleVersion {
            entity,
            expected,
            actual: to_u64(actual)?,
        }),
        Some(_) => Err(LexcaseError::validation(
            "version",
            "the updated entity must carry the expected version plus one",
        )),
    }
}

const FIRM: &str = "firm";

/// Inserts (`expected` = `None`) or updates the single settings row.
pub(crate) fn put_firm_settings(
    conn: &Connection,
    settings: &FirmSettings,
    expected: Option<u64>,
) -> Result<()> {
    let body = to_json(FIRM, settings)?;
    let Some(expected) = expected else {
        let version = to_i64("version", settings.version)?;
        conn.prepare_cached("INSERT INTO firm_settings (id, version, body) VALUES (1, ?1, ?2)")
            .db()?
            .execute(params![version, body])
            .map_err(|e| unique(e, &[("firm_settings.id", "the firm is already set up")]))?;
        return Ok(());
    };
    versioned_update(
        conn,
        FIRM,
        "SELECT version FROM firm_settings WHERE id = ?1",
        &1,
        settings.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE firm_settings SET version = ?1, body = ?2 WHERE id = 1 AND version = ?3",
            )
            .db()?
            .execute(params![version, body, expected])
            .db()
        },
    )
}

const USER_UNIQUE: &[(&str, &str)] = &[
    ("users.email", "a user with this email already exists"),
    ("users.id", "the user already exists"),
];

/// Inserts a user.
pub(crate) fn insert_user(conn: &Connection, user: &User) -> Result<()> {
    records::insert(conn, user, USER_UNIQUE)
}

/// Updates a user whose stored version is `expected`.
pub(crate) fn update_user(conn: &Connection, user: &User, expected: u64) -> Result<()> {
    records::update(conn, user, user.version, expected, USER_UNIQUE)
}

/// Inserts a contact.
pub(crate) fn insert_contact(conn: &Connection, contact: &Contact) -> Result<()> {
    records::insert(
        conn,
        contact,
        &[("contacts.id", "the contact already exists")],
    )
}

/// Updates a contact whose stored version is `expected`.
pub(crate) fn update_contact(conn: &Connection, contact: &Contact, expected: u64) -> Result<()> {
    records::update(conn, contact, contact.version, expected, &[])
}

/// The next value of counter `key`, from 1; gapless because it rolls back with the transaction.
pub(crate) fn next_sequence(conn: &Connection, key: &str) -> Result<u64> {
    let value: i64 = conn
        .prepare_cached(
            "INSERT INTO sequences (key, value) VALUES (?1, 1) \
             ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING value",
        )
        .db()?
        .query_row([key], |r| r.get(0))
        .db()?;
    to_u64(value)
}
