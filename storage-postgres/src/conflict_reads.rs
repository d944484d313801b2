//! The conflict-search reads: index entries (one range of its primary key per key, visited as
//! they stream in, without touching the contacts), and batched reads of the contacts, parties,
//! affiliates and visible matters of what matched. Lists of ids are bound as one array
//! parameter, so each statement keeps one shape.

use lexcase::access::{Viewer, Visibility};
use lexcase::conflicts::Probe;
use lexcase::contacts::Contact;
use lexcase::store::{ContactParty, IndexEntry};
use lexcase::{ContactId, LexcaseError, MatterId, Result};
use uuid::Uuid;

use crate::communications::ids;
use crate::records::select;
use crate::scope::{Scope, text};
use crate::value::Arg;

fn bad() -> LexcaseError {
    LexcaseError::storage("a stored conflict index row is unreadable")
}

/// `ids` sorted, without duplicates.
fn distinct<T: Copy + Ord>(ids: &[T]) -> Vec<T> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted
}

/// Index entries under any of `keys` (from the counts kept beside the index; a key named twice
/// counts twice), at most `cap`.
pub(crate) fn count_keys(scope: &mut Scope<'_>, keys: &[String], cap: u32) -> Result<u32> {
    if keys.is_empty() {
        return Ok(0);
    }
    let rows = scope.rows(
        "SELECT key, entries FROM contact_name_key_counts WHERE firm_id = $1 AND key = ANY(?)",
        &[Arg::Texts(keys.to_vec())],
    )?;
    let mut counts = std::collections::HashMap::with_capacity(rows.len());
    for row in &rows {
        let entries: i64 = row.try_get(1).map_err(|_| bad())?;
        counts.insert(
            text(row, 0)?.to_owned(),
            u64::try_from(entries).unwrap_or(0),
        );
    }
    let total: u64 = keys.iter().filter_map(|k| counts.get(k)).sum();
    Ok(u32::try_from(total).unwrap_or(u32::MAX).min(cap))
}

/// The tests on significance and word bits, on the row's leading columns.
const FILTER: &str = "significant <= ?::bigint AND (?::bigint IS NULL OR significant <= 1 \
                      OR (other_words & ?::bigint) <> 0)";

/// Visits every entry the probe reads (once per key), streaming the rows. A family of keys is
/// read as the range of keys starting with it (keys sort byte by byte).
pub(crate) fn scan(
    scope: &mut Scope<'_>,
    probe: &Probe,
    visit: &mut dyn FnMut(IndexEntry<'_>) -> Result<()>,
) -> Result<()> {
    let max = probe.max_significant.map_or(i64::MAX, i64::from);
    let sharing = || match probe.sharing {
        Some(bits) => Arg::int(i64::from_ne_bytes(bits.to_ne_bytes())),
        None => Arg::Value(lexcase_sql::Value::Null),
    };
    let exact = format!(
        "SELECT contact_id, name, tokens, significant FROM contact_name_keys \
         WHERE firm_id = $1 AND key = ? AND {FILTER}"
    );
    for key in &probe.keys {
        let args = [Arg::text(key), Arg::int(max), sharing(), sharing()];
        scope.each(&exact, &args, |row| visit_row(row, visit))?;
    }
    let range = format!(
        "SELECT contact_id, name, tokens, significant FROM contact_name_keys \
         WHERE firm_id = $1 AND key >= ? AND key < ? AND {FILTER}"
    );
    for prefix in &probe.prefixes {
        // Every key starting with the prefix sorts before it followed by the last character.
        let end = format!("{prefix}\u{10FFFF}");
        let args = [
            Arg::text(prefix),
            Arg::string(end),
            Arg::int(max),
            sharing(),
            sharing(),
        ];
        scope.each(&range, &args, |row| visit_row(row, visit))?;
    }
    Ok(())
}

/// Visits one row of a scan.
fn visit_row(
    row: &postgres::Row,
    visit: &mut dyn FnMut(IndexEntry<'_>) -> Result<()>,
) -> Result<()> {
    let contact: Uuid = row.try_get(0).map_err(|_| bad())?;
    let significant: i32 = row.try_get(3).map_err(|_| bad())?;
    visit(IndexEntry {
        contact: ContactId::from(contact),
        name: text(row, 1)?,
        tokens: text(row, 2)?,
        significant: u16::try_from(significant).unwrap_or(u16::MAX),
    })
}

/// The contacts with these ids, in id order.
pub(crate) fn contacts(scope: &mut Scope<'_>, ids: &[ContactId]) -> Result<Vec<Contact>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    scope.records(
        &format!("{} ORDER BY c.id", select::<Contact>("c", "c.id = ANY(?)")),
        &[Arg::ids(&distinct(ids))],
    )
}

/// Every matter party of these contacts with the matter's number and status, by contact,
/// matter and role (sorted here, by the role's name as Rust orders it).
pub(crate) fn parties(scope: &mut Scope<'_>, contacts: &[ContactId]) -> Result<Vec<ContactParty>> {
    if contacts.is_empty() {
        return Ok(Vec::new());
    }
    let rows = scope.rows(
        "SELECT DISTINCT p.contact_id, p.matter_id, p.role, m.number, m.status \
         FROM matter_parties p JOIN matters m ON m.firm_id = $1 AND m.id = p.matter_id \
         WHERE p.firm_id = $1 AND p.contact_id = ANY(?)",
        &[Arg::ids(&distinct(contacts))],
    )?;
    let unreadable = || LexcaseError::storage("a stored party is unreadable");
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let contact: Uuid = row.try_get(0).map_err(|_| unreadable())?;
        let matter: Uuid = row.try_get(1).map_err(|_| unreadable())?;
        out.push(ContactParty {
            contact: ContactId::from(contact),
            matter: MatterId::from(matter),
            role: text(row, 2)?.parse()?,
            matter_number: text(row, 3)?.to_owned(),
            matter_status: text(row, 4)?.parse()?,
        });
    }
    out.sort_by(|a, b| {
        (a.contact, a.matter, a.role.as_str()).cmp(&(b.contact, b.matter, b.role.as_str()))
    });
    out.dedup_by(|a, b| (a.contact, a.matter, a.role) == (b.contact, b.matter, b.role));
    Ok(out)
}

/// (named, affiliated) pairs for every contact naming one of `contacts` in an affiliation.
pub(crate) fn affiliates(
    scope: &mut Scope<'_>,
    contacts: &[ContactId],
) -> Result<Vec<(ContactId, ContactId)>> {
    if contacts.is_empty() {
        return Ok(Vec::new());
    }
    let rows = scope.rows(
        "SELECT DISTINCT other_id, contact_id FROM contact_affiliations \
         WHERE firm_id = $1 AND other_id = ANY(?) ORDER BY other_id, contact_id",
        &[Arg::ids(&distinct(contacts))],
    )?;
    rows.iter()
        .map(|r| {
            let named: Uuid = r.try_get(0).map_err(|_| bad())?;
            let other: Uuid = r.try_get(1).map_err(|_| bad())?;
            Ok((ContactId::from(named), ContactId::from(other)))
        })
        .collect()
}

/// Those of `contacts` that name another contact in an affiliation, in id order.
pub(crate) fn naming_others(
    scope: &mut Scope<'_>,
    contacts: &[ContactId],
) -> Result<Vec<ContactId>> {
    if contacts.is_empty() {
        return Ok(Vec::new());
    }
    let rows = scope.rows(
        "SELECT DISTINCT contact_id FROM contact_affiliations \
         WHERE firm_id = $1 AND contact_id = ANY(?) ORDER BY contact_id",
        &[Arg::ids(&distinct(contacts))],
    )?;
    ids(&rows)
}

/// Those of `matters` that exist and `viewer` may see, in id order: the rule of
/// [`Viewer::can_see`], probed per matter through the walls and members indexes rather than
/// by listing the viewer's matters.
pub(crate) fn visible(
    scope: &mut Scope<'_>,
    matters: &[MatterId],
    viewer: &Viewer,
) -> Result<Vec<MatterId>> {
    if matters.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = String::from(
        "SELECT m.id FROM matters m WHERE m.firm_id = $1 AND m.id = ANY(?) AND NOT EXISTS \
         (SELECT 1 FROM matter_walls w WHERE w.firm_id = $1 AND w.user_id = ? \
         AND w.matter_id = m.id)",
    );
    let mut args = vec![Arg::ids(&distinct(matters)), Arg::id(viewer.user)];
    if !viewer.sees_restricted {
        sql.push_str(
            " AND (m.visibility = ? OR EXISTS (SELECT 1 FROM matter_members mm \
             WHERE mm.firm_id = $1 AND mm.matter_id = m.id AND mm.user_id = ?))",
        );
        args.push(Arg::text(Visibility::Firm.as_str()));
        args.push(Arg::id(viewer.user));
    }
    sql.push_str(" ORDER BY m.id");
    let rows = scope.rows(&sql, &args)?;
    ids(&rows)
}
