//! `session.documents`.

use lexcase::documents::{DocumentStatus, NewDocument};
use lexcase::service::{RenderRequest, Session};
use lexcase::templates::TemplateKind;
use lexcase::{BillId, ContactId, DocumentId, LexcaseError, MatterId};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::convert::{Id, page, parse, run};
use crate::document_types::PyDocument;
use crate::errors::to_py;
use crate::page::PyPage;
use crate::progress::run_with_progress;
use crate::render_request::{PyRenderRequest, subject};
use crate::template_types::PyRenderedDocument;

/// Documents (`session.documents`) filed to matters, with numbered versions whose contents
/// live in the firm's blob store. They follow their matter's visibility; filing and changing
/// need `edit_matters`. Contents are `bytes` (a `str` is a `TypeError`).
#[pyclass(frozen, module = "lexcase", name = "DocumentService")]
pub struct PyDocumentService(pub Session);

#[pymethods]
impl PyDocumentService {
    /// Files a document with its first version; `text` (extracted by the caller) is indexed
    /// for search. A document of a category a workflow checklist item asks for ticks that item.
    #[pyo3(signature = (matter, *, name, category, media_type, contents, text=None))]
    fn add(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        name: String,
        category: String,
        media_type: String,
        contents: &[u8],
        text: Option<&str>,
    ) -> PyResult<PyDocument> {
        let new = NewDocument {
            matter: matter.0,
            name,
            category,
            media_type,
        };
        run(py, || self.0.documents().add(new, contents, text)).map(PyDocument)
    }

    /// A document by id.
    fn get(&self, py: Python<'_>, id: Id<DocumentId>) -> PyResult<PyDocument> {
        run(py, || self.0.documents().get(id.0)).map(PyDocument)
    }

    /// The contents of version `version` (the latest with `None`), verified against their
    /// hash: contents changed on disk raise `IntegrityError`.
    #[pyo3(signature = (id, version=None))]
    fn contents<'py>(
        &self,
        py: Python<'py>,
        id: Id<DocumentId>,
        #[pyo3(from_py_with = crate::ints::version)] version: Option<u32>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = run(py, || self.0.documents().contents(id.0, version))?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// Adds a version (a final document returns to draft; a signed one takes no more and
    /// raises `InvalidTransitionError`).
    #[pyo3(signature = (id, expected_version, *, contents, media_type, text=None))]
    fn add_version(
        &self,
        py: Python<'_>,
        id: Id<DocumentId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        contents: &[u8],
        media_type: &str,
        text: Option<&str>,
    ) -> PyResult<PyDocument> {
        run(py, || {
            self.0
                .documents()
                .add_version(id.0, expected_version, contents, media_type, text)
        })
        .map(PyDocument)
    }

    /// Moves the document to `status` (`draft` ↔ `final` → `signed`).
    fn set_status(
        &self,
        py: Python<'_>,
        id: Id<DocumentId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        status: &str,
    ) -> PyResult<PyDocument> {
        let status = parse::<DocumentStatus>(status)?;
        run(py, || {
            self.0
                .documents()
                .set_status(id.0, expected_version, status)
        })
        .map(PyDocument)
    }

    /// Renders a document from firm template `template` in `format` (`pdf`, `html` or
    /// `text`) about a `matter`, a `bill`, or a `client`'s statement in `currency`; with
    /// `file=True` files it to the matter in the same audited command (as a new document named
    /// `name` in `category`, or as a new version of `new_version_of` at `expected_version`).
    /// An issued bill's first rendering in a format is kept, and later ones return those
    /// bytes (`reprint=True`), so a reprint is byte-identical. The arguments are those of
    /// `RenderRequest`.
    #[pyo3(signature = (template, *, format: "Literal['pdf', 'html', 'text']"="pdf", matter=None, bill=None, client=None, currency=None, version=None, file=false, name=None, category=None, new_version_of=None, expected_version=None))]
    fn render(
        &self,
        py: Python<'_>,
        template: &str,
        format: &str,
        matter: Option<Id<MatterId>>,
        bill: Option<Id<BillId>>,
        client: Option<Id<ContactId>>,
        currency: Option<&str>,
        version: Option<u32>,
        file: bool,
        name: Option<String>,
        category: Option<String>,
        new_version_of: Option<Id<DocumentId>>,
        expected_version: Option<u64>,
    ) -> PyResult<PyRenderedDocument> {
        let request = PyRenderRequest::new(
            template,
            format,
            matter,
            bill,
            client,
            currency,
            version,
            file,
            name,
            category,
            new_version_of,
            expected_version,
        )?
        .0;
        run(py, || self.0.documents().render(request)).map(PyRenderedDocument)
    }

    /// Renders many documents (a bill run's invoices, a month's statements), each a
    /// `RenderRequest`, as `render` would, in the order given (at most 1,000): all or nothing.
    /// `progress(phase, done, total)` is called for each document rendered
    /// (`render.documents`), then for each one kept with its issued bill or filed
    /// (`render.record`); returning `False` — or raising — cancels: `CancelledError` (or the
    /// callable's exception), and nothing is kept or filed.
    #[pyo3(signature = (requests, *, progress: "_Progress | None"=None))]
    fn render_many(
        &self,
        py: Python<'_>,
        requests: Vec<PyRef<'_, PyRenderRequest>>,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Vec<PyRenderedDocument>> {
        let requests: Vec<RenderRequest> = requests.iter().map(|r| r.0.clone()).collect();
        let rendered = run_with_progress(py, progress, |p| {
            self.0.documents().render_many_with_progress(requests, p)
        })?;
        Ok(rendered.into_iter().map(PyRenderedDocument).collect())
    }

    /// The merge model (as JSON text) a template of `kind` prints about a `matter`, a `bill`
    /// or a `client`'s statement in `currency`: what template authors write against.
    #[pyo3(signature = (kind, *, matter=None, bill=None, client=None, currency=None))]
    fn merge_model(
        &self,
        py: Python<'_>,
        kind: &str,
        matter: Option<Id<MatterId>>,
        bill: Option<Id<BillId>>,
        client: Option<Id<ContactId>>,
        currency: Option<&str>,
    ) -> PyResult<String> {
        let kind = parse::<TemplateKind>(kind)?;
        let subject = subject(matter, bill, client, currency)?;
        let model = run(py, || self.0.documents().merge_model(kind, &subject))?;
        serde_json::to_string_pretty(&model)
            .map_err(|_| to_py(LexcaseError::storage("the merge model cannot be written")))
    }

    /// A matter's documents, newest first.
    #[pyo3(signature = (matter, offset=0, limit=50, after=None) -> "Page[Document]")]
    fn for_matter(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.documents().for_matter(matter.0, page))?;
        PyPage::new(py, paged, PyDocument)
    }

    /// Documents whose indexed text (of their latest version) contains every word of `text`
    /// as a prefix (case and accents ignored), on matters the acting user may see, best match
    /// first.
    #[pyo3(signature = (text, offset=0, limit=50, after=None) -> "Page[Document]")]
    fn search(
        &self,
        py: Python<'_>,
        text: &str,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.documents().search(text, page))?;
        PyPage::new(py, paged, PyDocument)
    }
}
