//! Documents: filing contents to a matter, new versions, status, verified reading, search.

use std::sync::Arc;

use lexcase::{DocumentId, MatterId};

use crate::error::Result;
use crate::progress::{ProgressListener, listened};
use crate::records::{
    Document, DocumentPage, DocumentStatus, NewDocument, Page, RenderRequest, RenderSubject,
    RenderedDocument, TemplateKind,
};

service_object! {
    /// Documents. They follow their matter's visibility (for a user who may not see the matter its
    /// documents do not exist); filing and changing need `edit_matters`. Contents go to the firm's
    /// blob store (`<database>.blobs` beside a database file, memory for `":memory:"`), addressed
    /// by their SHA-256; reading them back verifies them, and contents changed on disk are refused
    /// with `Integrity`. Changes are based on the document's `expected_version` (else
    /// `StaleVersion`).
    DocumentService
}

#[uniffi::export]
impl DocumentService {
    /// Files a document with its first version, as a draft; `text` (extracted by the app, at
    /// most 10 MiB) is indexed for search. A document of a category a workflow checklist item
    /// asks for ticks that item.
    pub fn add(
        &self,
        new: NewDocument,
        contents: Vec<u8>,
        text: Option<String>,
    ) -> Result<Document> {
        Ok(self
            .session
            .documents()
            .add(new, &contents, text.as_deref())?)
    }

    /// A document by id.
    pub fn get(&self, id: DocumentId) -> Result<Document> {
        Ok(self.session.documents().get(id)?)
    }

    /// The contents of version `version_number` (the latest when null), verified against
    /// their hash.
    pub fn contents(&self, id: DocumentId, version_number: Option<u32>) -> Result<Vec<u8>> {
        Ok(self.session.documents().contents(id, version_number)?)
    }

    /// Adds a version, replacing the indexed text: a final document returns to draft; a signed
    /// one is refused with `InvalidTransition`.
    pub fn add_version(
        &self,
        id: DocumentId,
        expected_version: u64,
        contents: Vec<u8>,
        media_type: String,
        text: Option<String>,
    ) -> Result<Document> {
        Ok(self.session.documents().add_version(
            id,
            expected_version,
            &contents,
            &media_type,
            text.as_deref(),
        )?)
    }

    /// Moves the document to `status` (draft ↔ final → signed; else `InvalidTransition`).
    pub fn set_status(
        &self,
        id: DocumentId,
        expected_version: u64,
        status: DocumentStatus,
    ) -> Result<Document> {
        Ok(self
            .session
            .documents()
            .set_status(id, expected_version, status)?)
    }

    /// A matter's documents, newest first.
    pub fn for_matter(&self, matter: MatterId, page: Page) -> Result<DocumentPage> {
        Ok(self
            .session
            .documents()
            .for_matter(matter, page.try_into()?)?
            .into())
    }

    /// Documents whose indexed text (of their latest version) contains every word of `text` as
    /// a prefix (case and accents ignored; at most 20 words), on matters the actor may see,
    /// best match first.
    pub fn search(&self, text: String, page: Page) -> Result<DocumentPage> {
        Ok(self
            .session
            .documents()
            .search(&text, page.try_into()?)?
            .into())
    }

    /// Renders a document from a firm template — text, HTML, or PDF/A-2b typeset with Typst —
    /// about a matter, a bill or a statement, and files it to the matter when `file` is given
    /// (in the same audited command). An issued bill's first rendering in a format is kept
    /// with the bill: later renderings return those bytes (`reprint`), byte-identical.
    pub fn render(&self, request: RenderRequest) -> Result<RenderedDocument> {
        Ok(self.session.documents().render(request.try_into()?)?)
    }

    /// Renders many documents (a bill run's invoices, a month's statements), each as `render`
    /// would, in the order given (at most 1,000): all or nothing. `listener` hears each one
    /// rendered (`render.documents`), then each one kept with its issued bill or filed
    /// (`render.record`), and may cancel (`Cancelled`): then nothing is kept or filed.
    #[uniffi::method(default(listener = None))]
    pub fn render_many(
        &self,
        requests: Vec<RenderRequest>,
        listener: Option<Arc<dyn ProgressListener>>,
    ) -> Result<Vec<RenderedDocument>> {
        let requests = requests
            .into_iter()
            .map(TryInto::try_into)
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let rendered = listened(listener, |p| {
            self.session
                .documents()
                .render_many_with_progress(requests, p)
        });
        rendered.map(crate::convert::all)
    }

    /// The merge model a template of `kind` would print about `subject`, as JSON: what
    /// template authors write against.
    pub fn merge_model(&self, kind: TemplateKind, subject: RenderSubject) -> Result<String> {
        let model = self.session.documents().merge_model(kind, &subject)?;
        serde_json::to_string_pretty(&model)
            .map_err(|e| lexcase::LexcaseError::storage(e.to_string()).into())
    }
}
