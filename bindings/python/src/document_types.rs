//! `Document` and `DocumentVersion`.

use chrono::{DateTime, Utc};
use lexcase::documents::{Document, DocumentVersion};
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::repr;

/// One version of a document's contents.
#[pyclass(frozen, eq, module = "lexcase", name = "DocumentVersion")]
#[derive(Clone, PartialEq)]
pub struct PyDocumentVersion(pub DocumentVersion);

#[pymethods]
impl PyDocumentVersion {
    /// 1, 2, 3 …
    #[getter]
    fn number(&self) -> u32 {
        self.0.number
    }

    /// SHA-256 of the contents as 64 lower-case hex digits (their address in the blob store).
    #[getter]
    fn hash(&self) -> &str {
        self.0.hash.as_str()
    }

    /// Size in bytes.
    #[getter]
    fn size(&self) -> u64 {
        self.0.size
    }

    /// Media type, e.g. `application/pdf`.
    #[getter]
    fn media_type(&self) -> &str {
        &self.0.media_type
    }

    /// Who added it.
    #[getter]
    fn author(&self) -> Uuid {
        self.0.author.into()
    }

    /// When (UTC).
    #[getter]
    fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["number", "hash", "size", "media_type"])
    }
}

/// A document filed to a matter: `status` is `draft`, `final` or `signed`; `versions` holds
/// every version of its contents, oldest first.
#[pyclass(frozen, eq, module = "lexcase", name = "Document")]
#[derive(Clone, PartialEq)]
pub struct PyDocument(pub Document);

#[pymethods]
impl PyDocument {
    /// Identifier.
    #[getter]
    fn id(&self) -> Uuid {
        self.0.id.into()
    }

    /// The matter it is filed to.
    #[getter]
    fn matter(&self) -> Uuid {
        self.0.matter.into()
    }

    /// Name, e.g. "TA6 Property Information Form".
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// Category, e.g. `TA6` (workflow checklist items ask for categories).
    #[getter]
    fn category(&self) -> &str {
        &self.0.category
    }

    /// Where it stands.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// Every version, oldest first (at least one).
    #[getter]
    fn versions(&self) -> Vec<PyDocumentVersion> {
        self.0
            .versions
            .iter()
            .cloned()
            .map(PyDocumentVersion)
            .collect()
    }

    /// Optimistic-concurrency version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["id", "name", "category", "status", "version"],
        )
    }
}
