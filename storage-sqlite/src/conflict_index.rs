//! The conflict-search index: every contact under the blocking keys of its name and the keys
//! of its identifiers, and who is affiliated to whom.

use lexcase::contacts::Contact;
use lexcase::matters::{ConflictCheck, PartyRole, identifier_key};
use lexcase::{ContactId, MatterId, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, params, params_from_iter};

use crate::error::Db;
use crate::keyed;

/// The keyed-record kind of a matter's conflict check (keyed by matter id).
pub(crate) const CHECK: &str = "conflict_check";

/// The keys a contact is found under.
fn keys_of(contact: &Contact) -> Vec<String> {
    let mut keys = lexcase::conflicts::blocking_keys(&contact.display_name());
    keys.extend(contact.identifiers.iter().map(|i| identifier_key(&i.value)));
    keys.sort();
    keys.dedup();
    keys
}

/// Rewrites a contact's rows in the index.
pub(crate) fn index_contact(conn: &Connection, contact: &Contact) -> Result<()> {
    let id = contact.id.to_bytes();
    conn.prepare_cached("DELETE FROM contact_name_keys WHERE contact_id = ?1")
        .db()?
        .execute([id])
        .db()?;
    conn.prepare_cached("DELETE FROM contact_affiliations WHERE contact_id = ?1")
        .db()?
        .execute([id])
        .db()?;
    let mut key = conn
        .prepare_cached(
            "INSERT INTO contact_name_keys (key, contact_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        )
        .db()?;
    for k in keys_of(contact) {
        key.execute(params![k, id]).db()?;
    }
    let mut affiliation = conn
        .prepare_cached(
            "INSERT INTO contact_affiliations (other_id, contact_id, kind) VALUES (?1, ?2, ?3) \
             ON CONFLICT DO NOTHING",
        )
        .db()?;
    for a in &contact.affiliations {
        affiliation
            .execute(params![a.other.to_bytes(), id, a.kind.as_str()])
            .db()?;
    }
    Ok(())
}

/// Builds the index from the stored contacts when it is empty but contacts exist (a file
/// migrated from an earlier schema).
pub(crate) fn ensure_built(conn: &Connection) -> Result<()> {
    let indexed: i64 = conn
        .query_row("SELECT count(*) FROM contact_name_keys", [], |r| r.get(0))
        .db()?;
    if indexed > 0 {
        return Ok(());
    }
    crate::records::each(
        conn,
        &lexcase_sql::select_sql::<Contact>("c"),
        &[],
        |contact: Contact| index_contact(conn, &contact),
    )
}

/// Contacts under any of `keys`.
pub(crate) fn contacts_with_keys(
    conn: &Connection,
    keys: &[String],
    limit: u32,
) -> Result<Vec<(ContactId, String)>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; keys.len()].join(", ");
    let sql = format!(
        "SELECT c.id, c.search_key FROM contacts c WHERE c.id IN \
         (SELECT contact_id FROM contact_name_keys WHERE key IN ({marks})) \
         ORDER BY c.id LIMIT {limit}"
    );
    let mut stmt = conn.prepare(&sql).db()?;
    let rows = stmt
        .query_map(
            params_from_iter(keys.iter().map(|k| Value::Text(k.clone()))),
            |r| Ok((r.get::<_, [u8; 16]>(0)?, r.get::<_, String>(1)?)),
        )
        .db()?;
    rows.map(|r| r.db().map(|(id, name)| (ContactId::from_bytes(id), name)))
        .collect()
}

/// Contacts affiliated to `contact`.
pub(crate) fn affiliated_to(conn: &Connection, contact: ContactId) -> Result<Vec<ContactId>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT DISTINCT contact_id FROM contact_affiliations WHERE other_id = ?1 ORDER BY contact_id",
        )
        .db()?;
    let rows = stmt
        .query_map([contact.to_bytes()], |r| r.get::<_, [u8; 16]>(0))
        .db()?;
    rows.map(|r| r.db().map(ContactId::from_bytes)).collect()
}

/// Every matter a contact is a party to, with the role.
pub(crate) fn parties_of(
    conn: &Connection,
    contact: ContactId,
) -> Result<Vec<(MatterId, PartyRole)>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT DISTINCT matter_id, role FROM matter_parties WHERE contact_id = ?1 \
             ORDER BY matter_id, role",
        )
        .db()?;
    let rows = stmt
        .query_map([contact.to_bytes()], |r| {
            Ok((r.get::<_, [u8; 16]>(0)?, r.get::<_, String>(1)?))
        })
        .db()?;
    let mut out = Vec::new();
    for row in rows {
        let (matter, role) = row.db()?;
        out.push((MatterId::from_bytes(matter), role.parse()?));
    }
    Ok(out)
}

/// A matter's conflict check.
pub(crate) fn check(conn: &Connection, matter: MatterId) -> Result<Option<ConflictCheck>> {
    keyed::get(conn, CHECK, &matter.to_string())
}

/// Stores a matter's conflict check.
pub(crate) fn put_check(
    conn: &Connection,
    check: &ConflictCheck,
    expected: Option<u64>,
) -> Result<()> {
    keyed::put(
        conn,
        CHECK,
        &check.matter.to_string(),
        check,
        check.version,
        expected,
    )
}
