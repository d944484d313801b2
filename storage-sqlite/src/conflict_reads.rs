//! The conflict-search reads: candidates from the index (one range of its primary key per
//! key, read without touching the contacts), and batched reads of the contacts, parties,
//! affiliates and visible matters of what matched. Lists of ids are bound in chunks of a
//! fixed size (the last id repeated), so each statement is prepared once.

use std::collections::HashSet;

use lexcase::access::Viewer;
use lexcase::contacts::Contact;
use lexcase::store::{ContactParty, NameCandidate};
use lexcase::{ContactId, LexcaseError, MatterId, Result};
use lexcase_sql::{Value as Column, select_sql};
use rusqlite::types::Value;
use rusqlite::{Connection, params, params_from_iter};

use crate::error::Db;
use crate::{matter_list, records};

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

/// Index entries under any of `keys`, counting at most `cap`.
pub(crate) fn count_keys(conn: &Connection, keys: &[String], cap: u32) -> Result<u32> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT count(*) FROM \
             (SELECT 1 FROM contact_name_keys WHERE key = ?1 LIMIT ?2)",
        )
        .db()?;
    let mut total: u32 = 0;
    for key in keys {
        let left = cap.saturating_sub(total);
        if left == 0 {
            break;
        }
        let n: u32 = stmt.query_row(params![key, left], |r| r.get(0)).db()?;
        total = total.saturating_add(n);
    }
    Ok(total)
}

/// Every contact under any of `keys` whose name has at most `max_significant` significant
/// words, once each, in id order.
pub(crate) fn candidates(
    conn: &Connection,
    keys: &[String],
    max_significant: Option<u16>,
) -> Result<Vec<NameCandidate>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT contact_id, tokens, significant FROM contact_name_keys \
             WHERE key = ?1 AND significant <= ?2",
        )
        .db()?;
    let max = max_significant.map_or(i64::MAX, i64::from);
    let mut seen: HashSet<[u8; 16]> = HashSet::new();
    let mut out = Vec::new();
    for key in keys {
        let mut rows = stmt.query(params![key, max]).db()?;
        while let Some(row) = rows.next().db()? {
            let id = blob16(row.get_ref(0).db()?.as_blob().db()?)?;
            if !seen.insert(id) {
                continue;
            }
            out.push(NameCandidate {
                contact: ContactId::from_bytes(id),
                tokens: row.get_ref(1).db()?.as_str().db()?.to_owned(),
                significant: u16::try_from(row.get::<_, i64>(2).db()?).unwrap_or(u16::MAX),
            });
        }
    }
    out.sort_unstable_by_key(|c| c.contact);
    Ok(out)
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
/// matter and role.
pub(crate) fn parties(conn: &Connection, contacts: &[ContactId]) -> Result<Vec<ContactParty>> {
    let sql = format!(
        "SELECT DISTINCT p.contact_id, p.matter_id, p.role, m.number, m.status \
         FROM matter_parties p JOIN matters m ON m.id = p.matter_id \
         WHERE p.contact_id IN ({}) ORDER BY p.contact_id, p.matter_id, p.role",
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

/// Those of `matters` that exist and `viewer` may see, in id order.
pub(crate) fn visible(
    conn: &Connection,
    matters: &[MatterId],
    viewer: &Viewer,
) -> Result<Vec<MatterId>> {
    let (conditions, rule) = matter_list::visible_to(viewer);
    let sql = format!(
        "SELECT m.id FROM matters m WHERE m.id IN ({}) AND {} ORDER BY m.id",
        marks(),
        conditions.join(" AND ")
    );
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
