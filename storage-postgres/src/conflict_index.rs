//! The conflict-search index: every contact under the blocking keys of its name and the keys
//! of its identifiers, and who is affiliated to whom.

use lexcase::contacts::Contact;
use lexcase::matters::{ConflictCheck, PartyRole, identifier_key};
use lexcase::{ContactId, LexcaseError, MatterId, Result};
use uuid::Uuid;

use crate::communications::ids;
use crate::keyed::{self, CONFLICT_CHECK};
use crate::scope::Scope;
use crate::value::Arg;

/// The keys a contact is found under.
fn keys_of(contact: &Contact) -> Vec<String> {
    let mut keys = lexcase::conflicts::blocking_keys(&contact.display_name());
    keys.extend(contact.identifiers.iter().map(|i| identifier_key(&i.value)));
    keys.sort();
    keys.dedup();
    keys
}

/// Rewrites a contact's rows in the index.
pub(crate) fn index_contact(scope: &mut Scope<'_>, contact: &Contact) -> Result<()> {
    let id = [Arg::id(contact.id)];
    scope.execute(
        "DELETE FROM contact_name_keys WHERE firm_id = $1 AND contact_id = ?",
        &id,
    )?;
    scope.execute(
        "DELETE FROM contact_affiliations WHERE firm_id = $1 AND contact_id = ?",
        &id,
    )?;
    let keys = keys_of(contact);
    if !keys.is_empty() {
        scope.execute(
            "INSERT INTO contact_name_keys (firm_id, key, contact_id) \
             SELECT $1::uuid, k, ?::uuid FROM unnest(?::text[]) AS k",
            &[Arg::id(contact.id), Arg::Texts(keys)],
        )?;
    }
    if !contact.affiliations.is_empty() {
        let others: Vec<Uuid> = contact
            .affiliations
            .iter()
            .map(|a| a.other.into())
            .collect();
        let kinds: Vec<String> = contact
            .affiliations
            .iter()
            .map(|a| a.kind.as_str().to_owned())
            .collect();
        scope.execute(
            "INSERT INTO contact_affiliations (firm_id, other_id, contact_id, kind) \
             SELECT DISTINCT $1::uuid, o, ?::uuid, k FROM unnest(?::uuid[], ?::text[]) AS a (o, k)",
            &[Arg::id(contact.id), Arg::Ids(others), Arg::Texts(kinds)],
        )?;
    }
    Ok(())
}

/// Contacts under any of `keys`, at most `limit`, in id order, with their folded names.
pub(crate) fn contacts_with_keys(
    scope: &mut Scope<'_>,
    keys: &[String],
    limit: u32,
) -> Result<Vec<(ContactId, String)>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let rows = scope.rows(
        "SELECT c.id, c.search_key FROM contacts c WHERE c.firm_id = $1 AND c.id IN \
         (SELECT k.contact_id FROM contact_name_keys k WHERE k.firm_id = $1 AND k.key = ANY(?)) \
         ORDER BY c.id LIMIT ?",
        &[Arg::Texts(keys.to_vec()), Arg::int(i64::from(limit))],
    )?;
    let bad = || LexcaseError::storage("a stored contact is unreadable");
    rows.iter()
        .map(|r| {
            Ok((
                ContactId::from(r.try_get::<_, Uuid>(0).map_err(|_| bad())?),
                r.try_get::<_, String>(1).map_err(|_| bad())?,
            ))
        })
        .collect()
}

/// Contacts affiliated to `contact`.
pub(crate) fn affiliated_to(scope: &mut Scope<'_>, contact: ContactId) -> Result<Vec<ContactId>> {
    let rows = scope.rows(
        "SELECT DISTINCT contact_id FROM contact_affiliations WHERE firm_id = $1 AND other_id = ? \
         ORDER BY contact_id",
        &[Arg::id(contact)],
    )?;
    ids(&rows)
}

/// Every matter a contact is a party to, with the role.
pub(crate) fn parties_of(
    scope: &mut Scope<'_>,
    contact: ContactId,
) -> Result<Vec<(MatterId, PartyRole)>> {
    let rows = scope.rows(
        "SELECT DISTINCT matter_id, role FROM matter_parties WHERE firm_id = $1 \
         AND contact_id = ? ORDER BY matter_id, role",
        &[Arg::id(contact)],
    )?;
    let bad = || LexcaseError::storage("a stored party is unreadable");
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let matter: Uuid = row.try_get(0).map_err(|_| bad())?;
        let role: &str = row.try_get(1).map_err(|_| bad())?;
        out.push((MatterId::from(matter), role.parse()?));
    }
    Ok(out)
}

/// A matter's conflict check.
pub(crate) fn check(scope: &mut Scope<'_>, matter: MatterId) -> Result<Option<ConflictCheck>> {
    keyed::get(scope, CONFLICT_CHECK, &matter.to_string())
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
