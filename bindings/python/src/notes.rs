//! `session.notes`.

use lexcase::notes::NoteSubject;
use lexcase::service::Session;
use lexcase::{ContactId, MatterId, NoteId};
use pyo3::prelude::*;

use crate::convert::{Id, page, run};
use crate::note_types::PyNote;
use crate::page::PyPage;

/// Notes (`session.notes`) on matters and contacts. A matter note follows the matter's
/// visibility and needs `edit_matters` to write; a contact note is firm-wide and needs
/// `manage_contacts`. Editing keeps every earlier version.
#[pyclass(frozen, module = "lexcase", name = "NoteService")]
pub struct PyNoteService(pub Session);

#[pymethods]
impl PyNoteService {
    /// Adds a note about a matter.
    fn add_to_matter(&self, py: Python<'_>, matter: Id<MatterId>, body: &str) -> PyResult<PyNote> {
        run(py, || {
            self.0.notes().add(NoteSubject::Matter(matter.0), body)
        })
        .map(PyNote)
    }

    /// Adds a note about a contact.
    fn add_to_contact(
        &self,
        py: Python<'_>,
        contact: Id<ContactId>,
        body: &str,
    ) -> PyResult<PyNote> {
        run(py, || {
            self.0.notes().add(NoteSubject::Contact(contact.0), body)
        })
        .map(PyNote)
    }

    /// A note by id, with its earlier versions.
    fn get(&self, py: Python<'_>, id: Id<NoteId>) -> PyResult<PyNote> {
        run(py, || self.0.notes().get(id.0)).map(PyNote)
    }

    /// Replaces a note's text; the previous text is kept as a revision.
    fn edit(
        &self,
        py: Python<'_>,
        id: Id<NoteId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        body: &str,
    ) -> PyResult<PyNote> {
        run(py, || self.0.notes().edit(id.0, expected_version, body)).map(PyNote)
    }

    /// Notes on a matter, newest first.
    #[pyo3(signature = (matter, offset=0, limit=50, after=None) -> "Page[Note]")]
    fn for_matter(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.notes().for_matter(matter.0, page))?;
        PyPage::new(py, paged, PyNote)
    }

    /// Notes on a contact, newest first.
    #[pyo3(signature = (contact, offset=0, limit=50, after=None) -> "Page[Note]")]
    fn for_contact(
        &self,
        py: Python<'_>,
        contact: Id<ContactId>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.notes().for_contact(contact.0, page))?;
        PyPage::new(py, paged, PyNote)
    }

    /// Notes containing every word of `text` (word prefixes; case and accents ignored), on
    /// matters the acting user may see and on contacts, best match first.
    #[pyo3(signature = (text, offset=0, limit=50, after=None) -> "Page[Note]")]
    fn search(
        &self,
        py: Python<'_>,
        text: &str,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.notes().search(text, page))?;
        PyPage::new(py, paged, PyNote)
    }
}
