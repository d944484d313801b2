//! Writes of the firm's settings, users and contacts, and the firm's named counters.

use lexcase::contacts::Contact;
use lexcase::firm::FirmSettings;
use lexcase::users::User;
use lexcase::{LexcaseError, Result};

use crate::records::{self, Unique, versioned_update};
use crate::scope::{Scope, to_json, to_u64};
use crate::value::Arg;

const FIRM: &str = "firm";

/// Inserts (`expected` = `None`) or updates the firm's settings row.
pub(crate) fn put_firm_settings(
    scope: &mut Scope<'_>,
    settings: &FirmSettings,
    expected: Option<u64>,
) -> Result<()> {
    let body = to_json(FIRM, settings)?;
    let Some(expected) = expected else {
        let inserted = scope.execute(
            "INSERT INTO firm_settings (firm_id, version, body) VALUES ($1, ?, ?) \
             ON CONFLICT DO NOTHING",
            &[Arg::count(settings.version)?, Arg::text(&body)],
        )?;
        if inserted == 0 {
            return Err(LexcaseError::Conflict {
                reason: "the firm is already set up".into(),
            });
        }
        return Ok(());
    };
    versioned_update(
        scope,
        FIRM,
        "SELECT version FROM firm_settings WHERE firm_id = $1",
        &[],
        settings.version,
        expected,
        |scope, version, expected| {
            scope.execute(
                "UPDATE firm_settings SET version = ?, body = ? WHERE firm_id = $1 AND version = ?",
                &[Arg::int(version), Arg::text(&body), Arg::int(expected)],
            )
        },
    )
}

const USER_UNIQUE: &[Unique] = &[Unique {
    columns: &["email"],
    reason: "a user with this email already exists",
}];

/// Inserts a user.
pub(crate) fn insert_user(scope: &mut Scope<'_>, user: &User) -> Result<()> {
    records::insert(scope, user, USER_UNIQUE)
}

/// Updates a user whose stored version is `expected`.
pub(crate) fn update_user(scope: &mut Scope<'_>, user: &User, expected: u64) -> Result<()> {
    records::update(scope, user, user.version, expected, USER_UNIQUE)
}

/// Inserts a contact.
pub(crate) fn insert_contact(scope: &mut Scope<'_>, contact: &Contact) -> Result<()> {
    records::insert(scope, contact, &[])
}

/// Updates a contact whose stored version is `expected`.
pub(crate) fn update_contact(
    scope: &mut Scope<'_>,
    contact: &Contact,
    expected: u64,
) -> Result<()> {
    records::update(scope, contact, contact.version, expected, &[])
}

/// The next value of counter `key`, from 1; gapless because it rolls back with the transaction.
pub(crate) fn next_sequence(scope: &mut Scope<'_>, key: &str) -> Result<u64> {
    let row = scope
        .row(
            "INSERT INTO sequences (firm_id, key, value) VALUES ($1, ?, 1) \
             ON CONFLICT (firm_id, key) DO UPDATE SET value = sequences.value + 1 \
             RETURNING value",
            &[Arg::text(key)],
        )?
        .ok_or_else(|| LexcaseError::storage("a counter returned no value"))?;
    let value: i64 = row
        .try_get(0)
        .map_err(|_| LexcaseError::storage("a stored counter is unreadable"))?;
    to_u64(value)
}
