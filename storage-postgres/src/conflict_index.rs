//! The conflict-search index: every contact under the keys of its name's index entry
//! ([`lexcase::conflicts::index_name`]) and the keys of its identifiers, each row keeping the
//! display name, the entry's normalised words and count of significant words, and the bits of
//! the name's other words under that key; the count of rows under each key and family of keys;
//! and who is affiliated to whom. The reads are in [`crate::conflict_reads`].

use std::collections::BTreeSet;

use lexcase::contacts::Contact;
use lexcase::matters::{ConflictCheck, identifier_key};
use lexcase::{MatterId, Result};
use lexcase_sql::Value;
use uuid::Uuid;

use crate::keyed::{self, CONFLICT_CHECK};
use crate::scope::{Scope, text};
use crate::value::Arg;

/// The digits family (`d:530|`) a key (`d:530|j`) belongs to.
fn family_of(key: &str) -> Option<String> {
    let end = key.find('|')?;
    key.starts_with("d:").then(|| key[..=end].to_owned())
}

/// Rewrites a contact's rows in the index, and the counts of the keys and families it leaves
/// or joins.
pub(crate) fn index_contact(scope: &mut Scope<'_>, contact: &Contact) -> Result<()> {
    let id = [Arg::id(contact.id)];
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
    let old: BTreeSet<String> = scope
        .rows(
            "SELECT key FROM contact_name_keys WHERE firm_id = $1 AND contact_id = ?",
            &id,
        )?
        .iter()
        .map(|r| text(r, 0).map(str::to_owned))
        .collect::<Result<_>>()?;
    // The families the old keys were in count once each, like the new ones.
    let old_families: BTreeSet<String> = old.iter().filter_map(|k| family_of(k)).collect();
    let old: BTreeSet<String> = old.into_iter().chain(old_families).collect();
    scope.execute(
        "DELETE FROM contact_name_keys WHERE firm_id = $1 AND contact_id = ?",
        &id,
    )?;
    scope.execute(
        "DELETE FROM contact_affiliations WHERE firm_id = $1 AND contact_id = ?",
        &id,
    )?;
    // The 64 bits as PostgreSQL's signed bigint, bit for bit.
    let rows: Vec<Vec<Value<'_>>> = keys
        .iter()
        .map(|(key, bits)| {
            vec![
                Value::text(key),
                Value::Int(i64::from(entry.significant)),
                Value::Id(contact.id.into()),
                Value::Int(i64::from_ne_bytes(bits.to_ne_bytes())),
                Value::text(&entry.tokens),
                Value::text(&name),
            ]
        })
        .collect();
    scope.insert_rows(
        "INSERT INTO contact_name_keys \
         (firm_id, key, significant, contact_id, other_words, tokens, name)",
        &["text", "integer", "uuid", "bigint", "text", "text"],
        &rows,
        "",
    )?;
    let new: BTreeSet<String> = keys
        .into_iter()
        .map(|(k, _)| k)
        .chain(entry.families)
        .collect();
    let leave: Vec<String> = old.difference(&new).cloned().collect();
    if !leave.is_empty() {
        scope.execute(
            "UPDATE contact_name_key_counts SET entries = entries - 1 \
             WHERE firm_id = $1 AND key = ANY(?)",
            &[Arg::Texts(leave)],
        )?;
    }
    let join: Vec<Vec<Value<'_>>> = new
        .difference(&old)
        .map(|k| vec![Value::text(k), Value::Int(1)])
        .collect();
    scope.insert_rows(
        "INSERT INTO contact_name_key_counts (firm_id, key, entries)",
        &["text", "bigint"],
        &join,
        "ON CONFLICT (firm_id, key) DO UPDATE SET entries = contact_name_key_counts.entries + 1",
    )?;
    let affiliations: BTreeSet<(Uuid, &str)> = contact
        .affiliations
        .iter()
        .map(|a| (a.other.into(), a.kind.as_str()))
        .collect();
    let rows: Vec<Vec<Value<'_>>> = affiliations
        .into_iter()
        .map(|(other, kind)| {
            vec![
                Value::Id(other),
                Value::Id(contact.id.into()),
                Value::text(kind),
            ]
        })
        .collect();
    scope.insert_rows(
        "INSERT INTO contact_affiliations (firm_id, other_id, contact_id, kind)",
        &["uuid", "uuid", "text"],
        &rows,
        "",
    )?;
    Ok(())
}

/// A matter's conflict check.
pub(crate) fn check(scope: &mut Scope<'_>, matter: MatterId) -> Result<Option<ConflictCheck>> {
    keyed::get(scope, CONFLICT_CHECK, &matter.to_string())
}

/// The conflict checks of any of `matters`, in one query.
pub(crate) fn checks(scope: &mut Scope<'_>, matters: &[MatterId]) -> Result<Vec<ConflictCheck>> {
    if matters.is_empty() {
        return Ok(Vec::new());
    }
    keyed::of_keys(scope, CONFLICT_CHECK, crate::compliance::keys(matters))
}

/// Stores a matter's conflict check.
pub(crate) fn put_check(
    scope: &mut Scope<'_>,
    check: &ConflictCheck,
    expected: Option<u64>,
) -> Result<()> {
    keyed::put(
        scope,
        CONFLICT_CHECK,
        &check.matter.to_string(),
        check,
        check.version,
        expected,
    )
}
