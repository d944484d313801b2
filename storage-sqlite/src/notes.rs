//! Notes: reads, the per-subject list, full-text search, writes (text kept in an FTS5 index).

use lexcase::access::Viewer;
use lexcase::notes::{Note, NoteSubject};
use lexcase::store::{Page, Paged};
use lexcase::{NoteId, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, params, params_from_iter};

use crate::codec::{to_i64, to_json};
use crate::error::{Db, unique};
use crate::matter_list::on_visible_matter;
use crate::paging::{self, List};
use crate::read::{count, many, one};
use crate::value::micros;
use crate::write::versioned_update;
use lexcase_sql::keyset::SortKey;

const NOTE_UNIQUE: &[(&str, &str)] = &[("notes.id", "the note already exists")];

/// A note by id.
pub(crate) fn note(conn: &Connection, id: NoteId) -> Result<Option<Note>> {
    one(
        conn,
        NoteId::ENTITY,
        "SELECT body FROM notes WHERE id = ?1",
        [id.to_bytes()],
    )
}

fn subject_column(subject: &NoteSubject) -> (&'static str, Value) {
    match subject {
        NoteSubject::Matter(m) => ("matter_id", Value::Blob(m.to_bytes().to_vec())),
        NoteSubject::Contact(c) => ("contact_id", Value::Blob(c.to_bytes().to_vec())),
    }
}

/// Notes about a subject, newest first.
pub(crate) fn about(conn: &Connection, subject: &NoteSubject, page: Page) -> Result<Paged<Note>> {
    const ORDER: &[SortKey] = &[SortKey::desc("n.written_at"), SortKey::desc("n.id")];
    let (column, id) = subject_column(subject);
    paging::page(
        conn,
        List {
            columns: "n.body",
            from: "notes n",
            conditions: vec![format!("n.{column} = ?")],
            params: vec![id],
            keys: ORDER,
        },
        &page,
        paging::body(NoteId::ENTITY),
    )
}

/// An FTS5 query matching every word as a prefix: each word quoted (so operators and
/// punctuation in user text are literal) and starred.
fn match_expression(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One full-text search: rows of `from` (an FTS5 table `index` joined to its owners, aliased
/// `o`) whose text matches every word as a prefix and whose matter (`o.matter_id`) `viewer` may
/// see — or that have no matter, when `matterless_visible`. Best match first, then `order`.
pub(crate) struct FullText<'a> {
    /// Entity name for decoding errors.
    pub entity: &'static str,
    /// The FTS5 table.
    pub index: &'a str,
    /// `index JOIN owners o ON …`.
    pub from: &'a str,
    /// Whether owners without a matter are visible to everyone.
    pub matterless_visible: bool,
    /// Tie-break after the rank.
    pub order: &'a str,
}

impl FullText<'_> {
    /// Runs the search for `words` (none: nothing found).
    pub(crate) fn run<T: serde::de::DeserializeOwned>(
        &self,
        conn: &Connection,
        words: &[String],
        viewer: &Viewer,
        page: Page,
    ) -> Result<Paged<T>> {
        paging::ranked_only(&page)?;
        if words.is_empty() {
            return Ok(Paged {
                items: Vec::new(),
                total: 0,
                next: None,
            });
        }
        let (visible, matter_params) = on_visible_matter("o.matter_id", viewer);
        let mut params = vec![Value::Text(match_expression(words))];
        params.extend(matter_params);
        let visible = if self.matterless_visible {
            format!("(o.matter_id IS NULL OR {visible})")
        } else {
            visible
        };
        let (index, from, order) = (self.index, self.from, self.order);
        let filter = format!("{index} MATCH ? AND {visible}");
        let total = count(
            conn,
            &format!("SELECT count(*) FROM {from} WHERE {filter}"),
            params_from_iter(params.iter()),
        )?;
        if total <= page.offset {
            return Ok(Paged {
                items: Vec::new(),
                total,
                next: None,
            });
        }
        params.push(Value::Integer(i64::from(page.limit)));
        params.push(Value::Integer(to_i64("offset", page.offset)?));
        let items = many(
            conn,
            self.entity,
            &format!(
                "SELECT o.body FROM {from} WHERE {filter} ORDER BY {index}.rank, {order} \
                 LIMIT ? OFFSET ?"
            ),
            params_from_iter(params.iter()),
        )?;
        Ok(Paged {
            items,
            total,
            next: None,
        })
    }
}

/// Notes matching all `words`, on visible matters or on contacts, best match first.
pub(crate) fn search(
    conn: &Connection,
    words: &[String],
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Note>> {
    FullText {
        entity: NoteId::ENTITY,
        index: "notes_text",
        from: "notes_text JOIN notes o ON o.rowid = notes_text.rowid",
        matterless_visible: true,
        order: "o.written_at DESC",
    }
    .run(conn, words, viewer, page)
}

fn reindex(conn: &Connection, note: &Note) -> Result<()> {
    let rowid: i64 = conn
        .prepare_cached("SELECT rowid FROM notes WHERE id = ?1")
        .db()?
        .query_row([note.id.to_bytes()], |r| r.get(0))
        .db()?;
    conn.prepare_cached("DELETE FROM notes_text WHERE rowid = ?1")
        .db()?
        .execute([rowid])
        .db()?;
    conn.prepare_cached("INSERT INTO notes_text (rowid, text) VALUES (?1, ?2)")
        .db()?
        .execute(params![rowid, note.body])
        .db()?;
    Ok(())
}

fn subject_ids(note: &Note) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
    match note.subject {
        NoteSubject::Matter(m) => (Some(m.to_bytes().to_vec()), None),
        NoteSubject::Contact(c) => (None, Some(c.to_bytes().to_vec())),
    }
}

/// Inserts a note and indexes its text.
pub(crate) fn insert(conn: &Connection, note: &Note) -> Result<()> {
    let (matter, contact) = subject_ids(note);
    conn.prepare_cached(
        "INSERT INTO notes (id, version, matter_id, contact_id, written_at, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .db()?
    .execute(params![
        note.id.to_bytes(),
        to_i64("version", note.version)?,
        matter,
        contact,
        micros(note.written_at),
        to_json(NoteId::ENTITY, note)?
    ])
    .map_err(|e| unique(e, NOTE_UNIQUE))?;
    reindex(conn, note)
}

/// Updates a note stored at `expected` and re-indexes its text.
pub(crate) fn update(conn: &Connection, note: &Note, expected: u64) -> Result<()> {
    let id = note.id.to_bytes();
    let body = to_json(NoteId::ENTITY, note)?;
    versioned_update(
        conn,
        NoteId::ENTITY,
        "SELECT version FROM notes WHERE id = ?1",
        &id,
        note.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE notes SET version = ?1, written_at = ?2, body = ?3 WHERE id = ?4 AND version = ?5",
            )
            .db()?
            .execute(params![version, micros(note.written_at), body, id, expected])
            .db()
        },
    )?;
    reindex(conn, note)
}
