//! The conflict-search index: every contact under the keys of its name's index entry
//! ([`lexcase::conflicts::index_name`]) and the keys of its identifiers, each row keeping the
//! display name, the entry's normalised words and count of significant words, and the bits of
//! the name's other words under that key; and who is affiliated to whom.
//! The reads are in [`crate::conflict_reads`].

use std::collections::BTreeSet;

use lexcase::contacts::Contact;
use lexcase::matters::{ConflictCheck, identifier_key};
use lexcase::{MatterId, Result};
use rusqlite::{Connection, params};

use crate::error::Db;
use crate::keyed;

pub(crate) use lexcase_sql::keyed::CONFLICT_CHECK as CHECK;

/// The digits family (`d:530|`) a key (`d:530|j`) belongs to.
fn family_of(key: &str) -> Option<String> {
    let end = key.find('|')?;
    key.starts_with("d:").then(|| key[..=end].to_owned())
}

/// Rewrites a contact's rows in the index, and the counts of the keys and families it leaves
/// or joins.
pub(crate) fn index_contact(conn: &Connection, contact: &Contact) -> Result<()> {
    let id = contact.id.to_bytes();
    let name = contact.display_name();
    let entry = lexcase::conflicts::index_name(&name);
    // Identifier keys come from no word of the name: the bits of all its words go with them.
    let mut keys: Vec<(String, u64)> = entry
        .keys
        .iter()
        .map(|k| (k.key.clone(), k.other_words))
        .collect();
    for i in &contact.identifiers {
        let key = identifier_key(&i.value);
        if !keys.iter().any(|(k, _)| *k == key) {
            keys.push((key, entry.words));
        }
    }
    let old: BTreeSet<String> = {
        let mut stmt = conn
            .prepare_cached("SELECT key FROM contact_name_keys WHERE contact_id = ?1")
            .db()?;
        let rows = stmt.query_map([id], |r| r.get::<_, String>(0)).db()?;
        rows.map(|r| r.db()).collect::<Result<_>>()?
    };
    // The families the old keys were in count once each, like the new ones.
    let old_families: BTreeSet<String> = old.iter().filter_map(|k| family_of(k)).collect();
    let old: BTreeSet<String> = old.into_iter().chain(old_families).collect();
    conn.prepare_cached("DELETE FROM contact_name_keys WHERE contact_id = ?1")
        .db()?
        .execute([id])
        .db()?;
    conn.prepare_cached("DELETE FROM contact_affiliations WHERE contact_id = ?1")
        .db()?
        .execute([id])
        .db()?;
    let mut insert = conn
        .prepare_cached(
            "INSERT INTO contact_name_keys \
             (key, significant, contact_id, other_words, tokens, name) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .db()?;
    for (key, other_words) in &keys {
        // The 64 bits as SQLite's signed integer, bit for bit.
        let bits = i64::from_ne_bytes(other_words.to_ne_bytes());
        insert
            .execute(params![
                key,
                entry.significant,
                id,
                bits,
                entry.tokens,
                name
            ])
            .db()?;
    }
    let new: BTreeSet<String> = keys
        .into_iter()
        .map(|(k, _)| k)
        .chain(entry.families)
        .collect();
    let mut leave = conn
        .prepare_cached("UPDATE contact_name_key_counts SET entries = entries - 1 WHERE key = ?1")
        .db()?;
    for k in old.difference(&new) {
        leave.execute([k]).db()?;
    }
    let mut join = conn
        .prepare_cached(
            "INSERT INTO contact_name_key_counts (key, entries) VALUES (?1, 1) \
             ON CONFLICT (key) DO UPDATE SET entries = entries + 1",
        )
        .db()?;
    for k in new.difference(&old) {
        join.execute([k]).db()?;
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
    // An existence check: counting the rows would read the whole index at every open.
    let indexed: bool = conn
        .query_row("SELECT EXISTS (SELECT 1 FROM contact_name_keys)", [], |r| {
            r.get(0)
        })
        .db()?;
    if indexed {
        return Ok(());
    }
    crate::records::each(
        conn,
        &lexcase_sql::select_sql::<Contact>("c"),
        &[],
        |contact: Contact| index_contact(conn, &contact),
    )
}

/// A matter's conflict check.
pub(crate) fn check(conn: &Connection, matter: MatterId) -> Result<Option<ConflictCheck>> {
    keyed::get(conn, CHECK, &matter.to_string())
}

/// The conflict checks of any of `matters`, in one query.
pub(crate) fn checks(conn: &Connection, matters: &[MatterId]) -> Result<Vec<ConflictCheck>> {
    if matters.is_empty() {
        return Ok(Vec::new());
    }
    crate::compliance::keyed_bodies(conn, CHECK, matters)
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
