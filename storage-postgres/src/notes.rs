//! Notes: reads, the per-subject list, full-text search, writes (each note's folded words kept
//! beside it).

use lexcase::access::Viewer;
use lexcase::notes::{Note, NoteSubject};
use lexcase::store::{Page, Paged};
use lexcase::{LexcaseError, NoteId, Result};
use lexcase_sql::keyset::SortKey;

use crate::fulltext::{FullText, vector};
use crate::paging::{self, List};
use crate::records::versioned_update;
use crate::scope::{Scope, to_json};
use crate::value::Arg;

/// A note by id.
pub(crate) fn note(scope: &mut Scope<'_>, id: NoteId) -> Result<Option<Note>> {
    scope.body(
        NoteId::ENTITY,
        "SELECT body FROM notes WHERE firm_id = $1 AND id = ?",
        &[Arg::id(id)],
    )
}

/// Notes about a subject, newest first.
pub(crate) fn about(
    scope: &mut Scope<'_>,
    subject: &NoteSubject,
    page: Page,
) -> Result<Paged<Note>> {
    const ORDER: &[SortKey] = &[SortKey::desc("n.written_at"), SortKey::desc("n.id")];
    let (condition, id) = match subject {
        NoteSubject::Matter(m) => ("n.matter_id = ?", Arg::id(*m)),
        NoteSubject::Contact(c) => ("n.contact_id = ?", Arg::id(*c)),
    };
    paging::page(
        scope,
        List {
            columns: "n.body",
            from: "notes n",
            conditions: vec!["n.firm_id = $1".into(), condition.into()],
            args: vec![id],
            keys: ORDER,
        },
        &page,
        paging::body(NoteId::ENTITY),
    )
}

/// Notes matching all `words`, on visible matters or on contacts, best match first.
pub(crate) fn search(
    scope: &mut Scope<'_>,
    words: &[String],
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Note>> {
    FullText {
        entity: NoteId::ENTITY,
        table: "notes",
        matterless_visible: true,
        order: "o.written_at DESC",
    }
    .run(scope, words, viewer, page)
}

fn subject_ids(note: &Note) -> [Arg<'static>; 2] {
    match note.subject {
        NoteSubject::Matter(m) => [Arg::id(m), Arg::opt_id(None::<uuid::Uuid>)],
        NoteSubject::Contact(c) => [Arg::opt_id(None::<uuid::Uuid>), Arg::id(c)],
    }
}

/// Inserts a note with its words.
pub(crate) fn insert(scope: &mut Scope<'_>, note: &Note) -> Result<()> {
    let [matter, contact] = subject_ids(note);
    let inserted = scope.execute(
        "INSERT INTO notes (firm_id, id, version, matter_id, contact_id, written_at, words, body) \
         VALUES ($1, ?, ?, ?, ?, ?, ?::text::tsvector, ?) ON CONFLICT DO NOTHING",
        &[
            Arg::id(note.id),
            Arg::count(note.version)?,
            matter,
            contact,
            Arg::instant(note.written_at),
            Arg::string(vector(&note.body)),
            Arg::string(to_json(NoteId::ENTITY, note)?),
        ],
    )?;
    if inserted == 0 {
        return Err(LexcaseError::Conflict {
            reason: "the note already exists".into(),
        });
    }
    Ok(())
}

/// Updates a note stored at `expected` and its words.
pub(crate) fn update(scope: &mut Scope<'_>, note: &Note, expected: u64) -> Result<()> {
    let body = to_json(NoteId::ENTITY, note)?;
    let words = vector(&note.body);
    versioned_update(
        scope,
        NoteId::ENTITY,
        "SELECT version FROM notes WHERE firm_id = $1 AND id = ?",
        &[Arg::id(note.id)],
        note.version,
        expected,
        |scope, version, expected| {
            scope.execute(
                "UPDATE notes SET version = ?, written_at = ?, words = ?::text::tsvector, \
                 body = ? WHERE firm_id = $1 AND id = ? AND version = ?",
                &[
                    Arg::int(version),
                    Arg::instant(note.written_at),
                    Arg::text(&words),
                    Arg::text(&body),
                    Arg::id(note.id),
                    Arg::int(expected),
                ],
            )
        },
    )
}
