//! Documents: filing contents to a matter, new versions, status, verified reading, search.

use std::sync::Arc;

use super::Session;
use super::context::{ReadCtx, WriteCtx};
use crate::access::Capability;
use crate::documents::{ContentHash, Document, DocumentStatus, NewDocument};
use crate::error::{LexcaseError, Result};
use crate::ids::{DocumentId, MatterId};
use crate::store::{BlobStore, Page, Paged, Staging};

/// Documents. They follow their matter's visibility; filing and changing need `edit_matters`.
/// Contents go to the firm's blob store first (content-addressed, so a failed filing leaves at
/// most an unreferenced blob, never a record without contents).
#[derive(Debug)]
pub struct DocumentService<'s> {
    session: &'s Session,
}

fn checked_text(text: Option<&str>) -> Result<Option<String>> {
    text.map(|t| {
        if t.len() > 10 * 1024 * 1024 {
            return Err(LexcaseError::validation("text", "more than 10 MiB of text"));
        }
        Ok(t.chars()
            .filter(|c| !c.is_control() || c.is_whitespace())
            .collect())
    })
    .transpose()
}

/// The firm's blob store, which filing contents needs.
pub(crate) fn blob_store(session: &Session) -> Result<Arc<dyn BlobStore>> {
    session.firm().blobs().cloned().ok_or_else(|| {
        LexcaseError::validation("documents", "this firm has no blob store configured")
    })
}

/// Files a document whose contents are already in the blob store, inside a command (also used
/// for the attachments of filed communications): stores it, indexes `text` and ticks the
/// workflow item asking for its category.
pub(crate) fn insert(
    ctx: &mut WriteCtx<'_>,
    new: NewDocument,
    hash: ContentHash,
    size: u64,
    text: Option<&str>,
) -> Result<Document> {
    let doc = Document::create(new, hash, size, ctx.actor.id, ctx.now)?;
    let doc = ctx.create(doc, "document.added")?;
    ctx.tx.index_document_text(doc.id, text.unwrap_or(""))?;
    super::reactions::document_filed(ctx, doc.matter, &doc.category)?;
    Ok(doc)
}

impl<'s> DocumentService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    pub(crate) fn session(&self) -> &'s Session {
        self.session
    }

    fn blobs(&self) -> Result<Arc<dyn BlobStore>> {
        blob_store(self.session)
    }

    fn editable(ctx: &WriteCtx<'_>, matter: MatterId) -> Result<()> {
        ctx.matter(matter)?.ensure_editable()?;
        ctx.require(Capability::EditMatters)
    }

    /// Files a document with its first version; `text` (extracted by the caller) is indexed for
    /// search. A document of a category a workflow item asks for ticks that item.
    pub fn add(&self, new: NewDocument, contents: &[u8], text: Option<&str>) -> Result<Document> {
        let text = checked_text(text)?;
        let mut staging = Staging::new(self.blobs()?);
        let hash = staging.add(contents)?;
        self.session.write(|ctx| {
            Self::editable(ctx, new.matter)?;
            let doc = insert(ctx, new, hash, contents.len() as u64, text.as_deref())?;
            staging.publish()?;
            Ok(doc)
        })
    }

    fn visible(ctx: &ReadCtx<'_>, id: DocumentId) -> Result<Document> {
        let doc = ctx
            .tx
            .document(id)?
            .ok_or_else(|| LexcaseError::not_found("document"))?;
        ctx.matter(doc.matter)
            .map_err(|_| LexcaseError::not_found("document"))?;
        Ok(doc)
    }

    /// A document by id.
    pub fn get(&self, id: DocumentId) -> Result<Document> {
        self.session.read(|ctx| Self::visible(ctx, id))
    }

    /// The contents of version `number` (the latest with `None`), verified against its hash.
    pub fn contents(&self, id: DocumentId, number: Option<u32>) -> Result<Vec<u8>> {
        let hash = self
            .session
            .read(|ctx| Ok(Self::visible(ctx, id)?.version_of(number)?.hash.clone()))?;
        self.blobs()?.get(&hash)
    }

    /// Adds a version (a final document returns to draft; a signed one takes no more).
    pub fn add_version(
        &self,
        id: DocumentId,
        expected_version: u64,
        contents: &[u8],
        media_type: &str,
        text: Option<&str>,
    ) -> Result<Document> {
        let text = checked_text(text)?;
        let mut staging = Staging::new(self.blobs()?);
        let hash = staging.add(contents)?;
        self.change(id, expected_version, "document.version_added", |d, ctx| {
            d.add_version(
                hash,
                contents.len() as u64,
                media_type,
                ctx.actor.id,
                ctx.now,
            )?;
            ctx.tx
                .index_document_text(d.id, text.as_deref().unwrap_or(""))?;
            staging.publish()
        })
    }

    /// Moves the document to `status` (draft ↔ final → signed).
    pub fn set_status(
        &self,
        id: DocumentId,
        expected_version: u64,
        status: DocumentStatus,
    ) -> Result<Document> {
        self.change(id, expected_version, "document.status_set", |d, _| {
            d.status.check_transition(status)?;
            d.status = status;
            Ok(())
        })
    }

    fn change(
        &self,
        id: DocumentId,
        expected_version: u64,
        action: &str,
        f: impl FnOnce(&mut Document, &mut WriteCtx<'_>) -> Result<()>,
    ) -> Result<Document> {
        self.session.write(|ctx| {
            let before = ctx
                .tx
                .document(id)?
                .ok_or_else(|| LexcaseError::not_found("document"))?;
            ctx.matter(before.matter)
                .map_err(|_| LexcaseError::not_found("document"))?;
            Self::editable(ctx, before.matter)?;
            super::context::check_version("document", before.version, expected_version)?;
            let mut after = before.clone();
            f(&mut after, ctx)?;
            ctx.amend(before, expected_version, action, |d, _| {
                *d = Document {
                    version: d.version,
                    ..after
                };
                Ok(())
            })
        })
    }

    /// A matter's documents, newest first.
    pub fn for_matter(&self, matter: MatterId, page: Page) -> Result<Paged<Document>> {
        self.session.read(|ctx| {
            ctx.matter(matter)?;
            ctx.tx.documents_of_matter(matter, page)
        })
    }

    /// Documents whose indexed text (of their latest version) contains every word of `text`
    /// as a prefix, on matters the actor may see, best match first.
    pub fn search(&self, text: &str, page: Page) -> Result<Paged<Document>> {
        let words = crate::text::search_words(text)?;
        self.session
            .read(|ctx| ctx.tx.search_documents(&words, &ctx.viewer(), page))
    }
}
