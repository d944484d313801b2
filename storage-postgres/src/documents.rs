//! Documents: reads, the per-matter list, full-text search of their text, writes.

use chrono::{DateTime, Utc};
use lexcase::access::Viewer;
use lexcase::documents::Document;
use lexcase::store::{Page, Paged};
use lexcase::{DocumentId, LexcaseError, MatterId, Result};
use lexcase_sql::keyset::SortKey;

use crate::fulltext::{FullText, vector};
use crate::paging::{self, List};
use crate::records::versioned_update;
use crate::scope::{Scope, to_json};
use crate::value::Arg;

/// A document by id.
pub(crate) fn document(scope: &mut Scope<'_>, id: DocumentId) -> Result<Option<Document>> {
    scope.body(
        DocumentId::ENTITY,
        "SELECT body FROM documents WHERE firm_id = $1 AND id = ?",
        &[Arg::id(id)],
    )
}

/// A matter's documents, most recently changed first.
pub(crate) fn of_matter(
    scope: &mut Scope<'_>,
    matter: MatterId,
    page: Page,
) -> Result<Paged<Document>> {
    const ORDER: &[SortKey] = &[SortKey::desc("d.updated_at"), SortKey::desc("d.id")];
    paging::page(
        scope,
        List {
            columns: "d.body",
            from: "documents d",
            conditions: vec!["d.firm_id = $1".into(), "d.matter_id = ?".into()],
            args: vec![Arg::id(matter)],
            keys: ORDER,
        },
        &page,
        paging::body(DocumentId::ENTITY),
    )
}

/// Documents whose text matches all `words`, on matters `viewer` may see.
pub(crate) fn search(
    scope: &mut Scope<'_>,
    words: &[String],
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Document>> {
    FullText {
        entity: DocumentId::ENTITY,
        table: "documents",
        matterless_visible: false,
        order: "o.updated_at DESC",
    }
    .run(scope, words, viewer, page)
}

/// When the latest version was filed (the epoch without a version).
fn updated_at(document: &Document) -> DateTime<Utc> {
    document.versions.last().map(|v| v.at).unwrap_or_default()
}

/// When the first version was filed.
fn first_filed_at(document: &Document) -> Option<DateTime<Utc>> {
    document.versions.first().map(|v| v.at)
}

/// Inserts a document.
pub(crate) fn insert(scope: &mut Scope<'_>, document: &Document) -> Result<()> {
    let inserted = scope.execute(
        "INSERT INTO documents (firm_id, id, version, matter_id, updated_at, category, status, \
         first_filed_at, body) VALUES ($1, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        &[
            Arg::id(document.id),
            Arg::count(document.version)?,
            Arg::id(document.matter),
            Arg::instant(updated_at(document)),
            Arg::text(&document.category),
            Arg::text(document.status.as_str()),
            Arg::opt_instant(first_filed_at(document)),
            Arg::string(to_json(DocumentId::ENTITY, document)?),
        ],
    )?;
    if inserted == 0 {
        return Err(LexcaseError::Conflict {
            reason: "the document already exists".into(),
        });
    }
    Ok(())
}

/// Updates a document stored at `expected`.
pub(crate) fn update(scope: &mut Scope<'_>, document: &Document, expected: u64) -> Result<()> {
    let body = to_json(DocumentId::ENTITY, document)?;
    versioned_update(
        scope,
        DocumentId::ENTITY,
        "SELECT version FROM documents WHERE firm_id = $1 AND id = ?",
        &[Arg::id(document.id)],
        document.version,
        expected,
        |scope, version, expected| {
            scope.execute(
                "UPDATE documents SET version = ?, updated_at = ?, category = ?, status = ?, \
                 first_filed_at = ?, body = ? WHERE firm_id = $1 AND id = ? AND version = ?",
                &[
                    Arg::int(version),
                    Arg::instant(updated_at(document)),
                    Arg::text(&document.category),
                    Arg::text(document.status.as_str()),
                    Arg::opt_instant(first_filed_at(document)),
                    Arg::text(&body),
                    Arg::id(document.id),
                    Arg::int(expected),
                ],
            )
        },
    )
}

/// Replaces a document's searchable text (none when it is only white space, as on SQLite) and
/// the words built from it (none for text without words).
pub(crate) fn index_text(scope: &mut Scope<'_>, document: DocumentId, text: &str) -> Result<()> {
    let words = vector(text);
    let words = (!words.is_empty()).then_some(words);
    let kept = (!text.trim().is_empty()).then_some(text);
    scope.execute(
        "UPDATE documents SET words = ?::text::tsvector, text = ? WHERE firm_id = $1 AND id = ?",
        &[
            Arg::opt_text(words.as_deref()),
            Arg::opt_text(kept),
            Arg::id(document),
        ],
    )?;
    Ok(())
}
