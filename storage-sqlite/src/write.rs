//! Writes of aggregates with optimistic versions, the matter side tables, and sequences.

use lexcase::contacts::Contact;
use lexcase::firm::FirmSettings;
use lexcase::matters::Matter;
use lexcase::users::User;
use lexcase::{ContactId, LexcaseError, MatterId, Result, UserId, text};
use rusqlite::{Connection, OptionalExtension, params};

use crate::codec::{time_to_text, to_i64, to_json, to_u64};
use crate::error::{Db, unique};

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
    let body = to_json(UserId::ENTITY, user)?;
    conn.prepare_cached(
        "INSERT INTO users (id, version, email, name, body) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .db()?
    .execute(params![
        user.id.to_bytes(),
        to_i64("version", user.version)?,
        user.email,
        user.name,
        body
    ])
    .map_err(|e| unique(e, USER_UNIQUE))?;
    Ok(())
}

/// Updates a user whose stored version is `expected`.
pub(crate) fn update_user(conn: &Connection, user: &User, expected: u64) -> Result<()> {
    let body = to_json(UserId::ENTITY, user)?;
    let id = user.id.to_bytes();
    versioned_update(
        conn,
        UserId::ENTITY,
        "SELECT version FROM users WHERE id = ?1",
        &id,
        user.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE users SET version = ?1, email = ?2, name = ?3, body = ?4 \
                 WHERE id = ?5 AND version = ?6",
            )
            .db()?
            .execute(params![version, user.email, user.name, body, id, expected])
            .map_err(|e| unique(e, USER_UNIQUE))
        },
    )
}

/// Inserts a contact.
pub(crate) fn insert_contact(conn: &Connection, contact: &Contact) -> Result<()> {
    let body = to_json(ContactId::ENTITY, contact)?;
    conn.prepare_cached(
        "INSERT INTO contacts (id, version, kind, sort_name, search_key, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .db()?
    .execute(params![
        contact.id.to_bytes(),
        to_i64("version", contact.version)?,
        contact.kind.as_str(),
        contact.sort_name(),
        contact.search_key(),
        body
    ])
    .map_err(|e| unique(e, &[("contacts.id", "the contact already exists")]))?;
    Ok(())
}

/// Updates a contact whose stored version is `expected`.
pub(crate) fn update_contact(conn: &Connection, contact: &Contact, expected: u64) -> Result<()> {
    let body = to_json(ContactId::ENTITY, contact)?;
    let id = contact.id.to_bytes();
    versioned_update(
        conn,
        ContactId::ENTITY,
        "SELECT version FROM contacts WHERE id = ?1",
        &id,
        contact.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE contacts SET version = ?1, kind = ?2, sort_name = ?3, search_key = ?4, \
                 body = ?5 WHERE id = ?6 AND version = ?7",
            )
            .db()?
            .execute(params![
                version,
                contact.kind.as_str(),
                contact.sort_name(),
                contact.search_key(),
                body,
                id,
                expected
            ])
            .db()
        },
    )
}

const MATTER_UNIQUE: &[(&str, &str)] = &[
    ("matters.number", "a matter with this number already exists"),
    ("matters.id", "the matter already exists"),
];

/// The columns of a matter row that are copies of its body.
struct MatterColumns {
    practice_area_folded: String,
    search_text: String,
    created_at: String,
    body: String,
}

impl MatterColumns {
    fn of(matter: &Matter) -> Result<Self> {
        Ok(Self {
            practice_area_folded: matter.practice_area.to_lowercase(),
            search_text: text::fold(&format!("{} {}", matter.number, matter.title)),
            created_at: time_to_text(matter.created_at),
            body: to_json(MatterId::ENTITY, matter)?,
        })
    }
}

/// Inserts a matter and its member, wall and party rows.
pub(crate) fn insert_matter(conn: &Connection, matter: &Matter) -> Result<()> {
    let columns = MatterColumns::of(matter)?;
    atomically(conn, |conn| {
        conn.prepare_cached(
            "INSERT INTO matters (id, version, number, status, practice_area_folded, \
             search_text, visibility, created_at, body) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .db()?
        .execute(params![
            matter.id.to_bytes(),
            to_i64("version", matter.version)?,
            matter.number,
            matter.status.as_str(),
            columns.practice_area_folded,
            columns.search_text,
            matter.access.visibility.as_str(),
            columns.created_at,
            columns.body
        ])
        .map_err(|e| unique(e, MATTER_UNIQUE))?;
        insert_side_rows(conn, matter)
    })
}

/// Updates a matter whose stored version is `expected`, and rewrites its side rows.
pub(crate) fn update_matter(conn: &Connection, matter: &Matter, expected: u64) -> Result<()> {
    let columns = MatterColumns::of(matter)?;
    let id = matter.id.to_bytes();
    atomically(conn, |conn| {
        versioned_update(
            conn,
            MatterId::ENTITY,
            "SELECT version FROM matters WHERE id = ?1",
            &id,
            matter.version,
            expected,
            |version, expected| {
                conn.prepare_cached(
                    "UPDATE matters SET version = ?1, number = ?2, status = ?3, \
                     practice_area_folded = ?4, search_text = ?5, visibility = ?6, \
                     created_at = ?7, body = ?8 WHERE id = ?9 AND version = ?10",
                )
                .db()?
                .execute(params![
                    version,
                    matter.number,
                    matter.status.as_str(),
                    columns.practice_area_folded,
                    columns.search_text,
                    matter.access.visibility.as_str(),
                    columns.created_at,
                    columns.body,
                    id,
                    expected
                ])
                .map_err(|e| unique(e, MATTER_UNIQUE))
            },
        )?;
        for sql in [
            "DELETE FROM matter_members WHERE matter_id = ?1",
            "DELETE FROM matter_walls WHERE matter_id = ?1",
            "DELETE FROM matter_parties WHERE matter_id = ?1",
        ] {
            conn.prepare_cached(sql).db()?.execute([id]).db()?;
        }
        insert_side_rows(conn, matter)
    })
}

/// Writes the rows the list query filters on: team users, walled users, parties.
fn insert_side_rows(conn: &Connection, matter: &Matter) -> Result<()> {
    let id = matter.id.to_bytes();
    let mut members = conn
        .prepare_cached(
            "INSERT INTO matter_members (matter_id, user_id) VALUES (?1, ?2) \
             ON CONFLICT DO NOTHING",
        )
        .db()?;
    for user in matter.team_users() {
        members.execute(params![id, user.to_bytes()]).db()?;
    }
    let mut walls = conn
        .prepare_cached(
            "INSERT INTO matter_walls (matter_id, user_id) VALUES (?1, ?2) \
             ON CONFLICT DO NOTHING",
        )
        .db()?;
    for wall in &matter.access.walls {
        walls.execute(params![id, wall.user.to_bytes()]).db()?;
    }
    let mut parties = conn
        .prepare_cached(
            "INSERT INTO matter_parties (matter_id, contact_id, role) VALUES (?1, ?2, ?3) \
             ON CONFLICT DO NOTHING",
        )
        .db()?;
    for party in &matter.parties {
        parties
            .execute(params![id, party.contact.to_bytes(), party.role.as_str()])
            .db()?;
    }
    Ok(())
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
