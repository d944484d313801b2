//! The conflict-search reads: index entries (one range of its primary key per key, visited in
//! place without touching the contacts), and batched reads of the contacts, parties,
//! affiliates and visible matters of what matched. Lists of ids are bound in chunks of a
//! fixed size (the last id repeated), so each statement is prepared once.

use lexcase::access::{Viewer, Visibility};
use lexcase::conflicts::Probe;
use lexcase::contacts::Contact;
use lexcase::store::{ContactParty, IndexEntry};
use lexcase::{ContactId, LexcaseError, MatterId, Result};
use lexcase_sql::{Value as Column, select_sql};
use rusqlite::types::Value;
use rusqlite::{Connection, params, params_from_iter};

use crate::error::Db;
use crate::records;

/// How many ids one statement binds.
const CHUNK: usize = 100;

/// `ids` sorted, without duplicates, in chunks of exactly [`CHUNK`] (the last padded with its
/// last id), as 16-byte blobs.
fn chunks<T: Copy + Ord>(ids: &[T], bytes: impl Fn(T) -> [u8; 16]) -> Vec<Vec<[u8; 16]>> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted
        .chunks(CHUNK)
        .map(|chunk| {
            let mut out: Vec<[u8; 16]> = chunk.iter().map(|&id| bytes(id)).collect();
            if let Some(&last) = out.last() {
                out.resize(CHUNK, last);
            }
            out
        })
        .collect()
}

/// `?, ?, …` for one chunk.
fn marks() -> String {
    vec!["?"; CHUNK].join(", ")
}

fn blob16(raw: &[u8]) -> Result<[u8; 16]> {
    raw.try_into()
        .map_err(|_| LexcaseError::storage("a stored id is not 16 bytes"))
}

/// Index entries under any of `keys` (from the counts kept beside the index), at most `cap`.
pub(crate) fn count_keys(conn: &Connection, keys: &[String], cap: u32) -> Result<u32> {
    let mut stmt = conn
        .prepare_cached("SELECT entries FROM contact_name_key_counts WHERE key = ?1")
        .db()?;
    let mut total: u64 = 0;
    for key in keys {
        let mut rows = stmt.query([key]).db()?;
        if let Some(row) = rows.next().db()? {
            total += u64::try_from(row.get::<_, i64>(0).db()?).unwrap_or(0);
        }
    }
    Ok(u32::try_from(total).unwrap_or(u32::MAX).min(cap))
}

/// Visits every entry the probe reads (once per key), reading the row in place; the tests on
/// significance and word bits run in SQL, on the row's leading columns. A family of keys is
/// read as the range of keys starting with it.
pub(crate) fn scan(
    conn: &Connection,
    probe: &Probe,
    visit: &mut dyn FnMut(IndexEntry<'_>) -> Result<()>,
) -> Result<()> {
    let max = probe.max_significant.map_or(i64::MAX, i64::from);
    let sharing = probe
        .sharing
        .map(|bits| i64::from_ne_bytes(bits.to_ne_bytes()));
    let filter =
        "significant <= ?3 AND (?4 IS NULL OR significant <= 1 OR (other_words & ?4) != 0)";
    let mut exact = conn
        .prepare_cached(&format!(
            "SELECT contact_id, name, tokens, significant FROM contact_name_keys \
             WHERE key = ?1 AND {filter}"
        ))
        .db()?;
    for key in &probe.keys {
        let rows = exact
            .query(params![key, None::<String>, max, sharing])
            .db()?;
        visit_rows(rows, visit)?;
    }
    let mut range = conn
        .prepare_cached(&format!(
            "SELECT contact_id, name, tokens, significant FROM contact_name_keys \
             WHERE key >= ?1 AND key < ?2 AND {filter}"
        ))
        .db()?;
    for prefix in &probe.prefixes {
        // Every key starting with the prefix sorts before it followed by the last character.
        let end = format!("{prefix}\u{10FFFF}");
        let rows = range.query(params![prefix, end, max, sharing]).db()?;
        visit_rows(rows, visit)?;
    }
    Ok(())
}

/// Visits the rows of a scan.
fn visit_rows(
    mut rows: rusqlite::Rows<'_>,
    visit: &mut dyn FnMut(IndexEntry<'_>) -> Result<()>,
) -> Result<()> {
    while let Some(row) = rows.next().db()? {
        visit(IndexEntry {
            contact: ContactId::from_bytes(blob16(row.get_ref(0).db()?.as_blob().db()?)?),
            name: row.get_ref(1).db()?.as_str().db()?,
            tokens: row.get_ref(2).db()?.as_str().db()?,
            significant: u16::try_from(row.get_ref(3).db()?.as_i64().db()?).unwrap_or(u16::MAX),
        })?;
    }
    Ok(())
}

/// The contacts with these ids, in id order.
pub(crate) fn contacts(conn: &Connection, ids: &[ContactId]) -> Result<Vec<Contact>> {
    let sql = format!(
        "{} WHERE c.id IN ({}) ORDER BY c.id",
        select_sql::<Contact>("c"),
        marks()
    );
    let mut out = Vec::with_capacity(ids.len());
    for chunk in chunks(ids, ContactId::to_bytes) {
        let args: Vec<Column<'_>> = chunk
            .iter()
            .map(|b| Column::id(ContactId::from_bytes(*b)))
            .collect();
        out.extend(records::many::<Contact>(conn, &sql, &args)?);
    }
    Ok(out)
}

/// Every matter party of these contacts with the matter's number and status, by contact,
/// matter and role (sorted and deduplicated here rather than through SQL's temporary trees).
pub(crate) fn parties(conn: &Connection, contacts: &[ContactId]) -> Result<Vec<ContactParty>> {
    let sql = format!(
        "SELECT p.contact_id, p.matter_id, p.role, m.number, m.status \
         FROM matter_parties p JOIN matters m ON m.id = p.matter_id \
         WHERE p.contact_id IN ({})",
        marks()
    );
    let mut stmt = conn.prepare_cached(&sql).db()?;
    let mut out = Vec::new();
    for chunk in chunks(contacts, ContactId::to_bytes) {
        let mut rows = stmt.query(params_from_iter(chunk.iter())).db()?;
        while let Some(row) = rows.next().db()? {
            out.push(ContactParty {
                contact: ContactId::from_bytes(blob16(row.get_ref(0).db()?.as_blob().db()?)?),
                matter: MatterId::from_bytes(blob16(row.get_ref(1).db()?.as_blob().db()?)?),
                role: row.get_ref(2).db()?.as_str().db()?.parse()?,
                matter_number: row.get(3).db()?,
                matter_status: row.get_ref(4).db()?.as_str().db()?.parse()?,
            });
        }
    }
    out.sort_by(|a, b| {
        (a.contact, a.matter, a.role.as_str()).cmp(&(b.contact, b.matter, b.role.as_str()))
    });
    out.dedup_by(|a, b| (a.contact, a.matter, a.role) == (b.contact, b.matter, b.role));
    Ok(out)
}

/// (named, affiliated) pairs for every contact naming one of `contacts` in an affiliation.
pub(crate) fn affiliates(
    conn: &Connection,
    contacts: &[ContactId],
) -> Result<Vec<(ContactId, ContactId)>> {
    let sql = format!(
        "SELECT DISTINCT other_id, contact_id FROM contact_affiliations \
         WHERE other_id IN ({}) ORDER BY other_id, contact_id",
        marks()
    );
    let mut stmt = conn.prepare_cached(&sql).db()?;
    let mut out = Vec::new();
    for chunk in chunks(contacts, ContactId::to_bytes) {
        let mut rows = stmt.query(params_from_iter(chunk.iter())).db()?;
        while let Some(row) = rows.next().db()? {
            out.push((
                ContactId::from_bytes(blob16(row.get_ref(0).db()?.as_blob().db()?)?),
                ContactId::from_bytes(blob16(row.get_ref(1).db()?.as_blob().db()?)?),
            ));
        }
    }
    Ok(out)
}

/// Those of `contacts` that name another contact in an affiliation, in id order.
pub(crate) fn naming_others(conn: &Connection, contacts: &[ContactId]) -> Result<Vec<ContactId>> {
    let sql = format!(
        "SELECT DISTINCT contact_id FROM contact_affiliations \
         WHERE contact_id IN ({}) ORDER BY contact_id",
        marks()
    );
    let mut stmt = conn.prepare_cached(&sql).db()?;
    let mut out = Vec::new();
    for chunk in chunks(contacts, ContactId::to_bytes) {
        let mut rows = stmt.query(params_from_iter(chunk.iter())).db()?;
        while let Some(row) = rows.next().db()? {
            out.push(ContactId::from_bytes(blob16(
                row.get_ref(0).db()?.as_blob().db()?,
            )?));
        }
    }
    Ok(out)
}

/// Those of `matters` that exist and `viewer` may see, in id order: the rule of
/// [`Viewer::can_see`] (as [`crate::matter_list`] applies it to lists), probed per matter
/// through the walls and members indexes rather than by listing the viewer's matters.
pub(crate) fn visible(
    conn: &Connection,
    matters: &[MatterId],
    viewer: &Viewer,
) -> Result<Vec<MatterId>> {
    let mut sql = format!(
        "SELECT m.id FROM matters m WHERE m.id IN ({}) AND NOT EXISTS \
         (SELECT 1 FROM matter_walls w WHERE w.user_id = ? AND w.matter_id = m.id)",
        marks()
    );
    let me = Value::Blob(viewer.user.to_bytes().to_vec());
    let mut rule = vec![me.clone()];
    if !viewer.sees_restricted {
        sql.push_str(
            " AND (m.visibility = ? OR EXISTS (SELECT 1 FROM matter_members mm \
             WHERE mm.matter_id = m.id AND mm.user_id = ?))",
        );
        rule.push(Value::Text(Visibility::Firm.as_str().to_owned()));
        rule.push(me);
    }
    sql.push_str(" ORDER BY m.id");
    let mut stmt = conn.prepare_cached(&sql).db()?;
    let mut out = Vec::new();
    for chunk in chunks(matters, MatterId::to_bytes) {
        let args: Vec<Value> = chunk
            .iter()
            .map(|b| Value::Blob(b.to_vec()))
            .chain(rule.iter().cloned())
            .collect();
        let mut rows = stmt.query(params_from_iter(args)).db()?;
        while let Some(row) = rows.next().db()? {
            out.push(MatterId::from_bytes(blob16(
                row.get_ref(0).db()?.as_blob().db()?,
            )?));
        }
    }
    Ok(out)
}
