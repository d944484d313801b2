//! `Note` and `NoteRevision`.

use chrono::{DateTime, Utc};
use lexcase::notes::{Note, NoteRevision};
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::repr;

/// An earlier version of a note's text.
#[pyclass(frozen, eq, module = "lexcase", name = "NoteRevision")]
#[derive(Clone, PartialEq)]
pub struct PyNoteRevision(pub NoteRevision);

#[pymethods]
impl PyNoteRevision {
    /// The text as it was.
    #[getter]
    fn body(&self) -> &str {
        &self.0.body
    }

    /// Who wrote that version.
    #[getter]
    fn by(&self) -> Uuid {
        self.0.by.into()
    }

    /// When (UTC).
    #[getter]
    fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["by", "at"])
    }
}

/// A note about a matter (`matter` set) or a contact (`contact` set), with every earlier
/// version of its text.
#[pyclass(frozen, eq, module = "lexcase", name = "Note")]
#[derive(Clone, PartialEq)]
pub struct PyNote(pub Note);

#[pymethods]
impl PyNote {
    /// Identifier.
    #[getter]
    fn id(&self) -> Uuid {
        self.0.id.into()
    }

    /// The matter it is about, for a matter note.
    #[getter]
    fn matter(&self) -> Option<Uuid> {
        self.0.subject.matter().map(Into::into)
    }

    /// The contact it is about, for a contact note.
    #[getter]
    fn contact(&self) -> Option<Uuid> {
        match self.0.subject {
            lexcase::notes::NoteSubject::Contact(c) => Some(c.into()),
            lexcase::notes::NoteSubject::Matter(_) => None,
        }
    }

    /// The current text.
    #[getter]
    fn body(&self) -> &str {
        &self.0.body
    }

    /// Who wrote the current text.
    #[getter]
    fn author(&self) -> Uuid {
        self.0.author.into()
    }

    /// When the current text was written (UTC).
    #[getter]
    fn written_at(&self) -> DateTime<Utc> {
        self.0.written_at
    }

    /// Earlier versions of the text, oldest first.
    #[getter]
    fn revisions(&self) -> Vec<PyNoteRevision> {
        self.0
            .revisions
            .iter()
            .cloned()
            .map(PyNoteRevision)
            .collect()
    }

    /// Optimistic-concurrency version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["id", "matter", "contact", "version"])
    }
}
