//! Documents: reads, the per-matter list, full-text search of their text, writes.

use lexcase::access::Viewer;
use lexcase::documents::Document;
use lexcase::store::{Page, Paged};
use lexcase::{DocumentId, MatterId, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, params};

use crate::codec::{to_i64, to_json};
use crate::error::{Db, unique};
use crate::notes::FullText;
use crate::paging::{self, List};
use crate::read::one;
use crate::value::micros;
use crate::write::versioned_update;
use lexcase_sql::keyset::SortKey;

const DOCUMENT_UNIQUE: &[(&str, &str)] = &[("documents.id", "the document already exists")];

/// A document by id.
pub(crate) fn document(conn: &Connection, id: DocumentId) -> Result<Option<Document>> {
    one(
        conn,
        DocumentId::ENTITY,
        "SELECT body FROM documents WHERE id = ?1",
        [id.to_bytes()],
    )
}

/// A matter's documents, most recently changed first.
pub(crate) fn of_matter(
    conn: &Connection,
    matter: MatterId,
    page: Page,
) -> Result<Paged<Document>> {
    const ORDER: &[SortKey] = &[SortKey::desc("d.updated_at"), SortKey::desc("d.id")];
    paging::page(
        conn,
        List {
            columns: "d.body",
            from: "documents d",
            conditions: vec!["d.matter_id = ?".into()],
            params: vec![Value::Blob(matter.to_bytes().to_vec())],
            keys: ORDER,
        },
        &page,
        paging::body(DocumentId::ENTITY),
    )
}

/// Documents whose text matches all `words`, on matters `viewer` may see.
pub(crate) fn search(
    conn: &Connection,
    words: &[String],
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Document>> {
    FullText {
        entity: DocumentId::ENTITY,
        index: "documents_text",
        from: "documents_text JOIN documents o ON o.id = documents_text.document_id",
        matterless_visible: false,
        order: "o.updated_at DESC",
    }
    .run(conn, words, viewer, page)
}

fn updated_at(document: &Document) -> i64 {
    document
        .versions
        .last()
        .map(|v| micros(v.at))
        .unwrap_or_default()
}

/// When the first version was filed.
fn first_filed_at(document: &Document) -> Option<i64> {
    document.versions.first().map(|v| micros(v.at))
}

/// Inserts a document.
pub(crate) fn insert(conn: &Connection, document: &Document) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO documents (id, version, matter_id, updated_at, category, status, \
         first_filed_at, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .db()?
    .execute(params![
        document.id.to_bytes(),
        to_i64("version", document.version)?,
        document.matter.to_bytes(),
        updated_at(document),
        document.category,
        document.status.as_str(),
        first_filed_at(document),
        to_json(DocumentId::ENTITY, document)?
    ])
    .map_err(|e| unique(e, DOCUMENT_UNIQUE))?;
    Ok(())
}

/// Updates a document stored at `expected`.
pub(crate) fn update(conn: &Connection, document: &Document, expected: u64) -> Result<()> {
    let id = document.id.to_bytes();
    let body = to_json(DocumentId::ENTITY, document)?;
    versioned_update(
        conn,
        DocumentId::ENTITY,
        "SELECT version FROM documents WHERE id = ?1",
        &id,
        document.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE documents SET version = ?1, updated_at = ?2, category = ?3, status = ?4, \
                 first_filed_at = ?5, body = ?6 WHERE id = ?7 AND version = ?8",
            )
            .db()?
            .execute(params![
                version,
                updated_at(document),
                document.category,
                document.status.as_str(),
                first_filed_at(document),
                body,
                id,
                expected
            ])
            .db()
        },
    )
}

/// Replaces a document's searchable text.
pub(crate) fn index_text(conn: &Connection, document: DocumentId, text: &str) -> Result<()> {
    let id = document.to_bytes();
    conn.prepare_cached("DELETE FROM documents_text WHERE document_id = ?1")
        .db()?
        .execute([id])
        .db()?;
    if !text.trim().is_empty() {
        conn.prepare_cached("INSERT INTO documents_text (document_id, text) VALUES (?1, ?2)")
            .db()?
            .execute(params![id, text])
            .db()?;
    }
    Ok(())
}
