//! `session.documents`.

use lexcase::documents::{DocumentStatus, NewDocument};
use lexcase::service::Session;
use lexcase::{DocumentId, MatterId};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::convert::{Id, page, parse, run};
use crate::document_types::PyDocument;
use crate::page::PyPage;

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

    /// A matter's documents, newest first.
    #[pyo3(signature = (matter, offset=0, limit=50, after=None))]
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
    #[pyo3(signature = (text, offset=0, limit=50, after=None))]
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
