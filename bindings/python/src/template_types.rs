//! `DocumentTemplate`, `Letterhead` and `RenderedDocument`.

use chrono::{DateTime, Utc};
use lexcase::templates::{DocumentTemplate, Letterhead, RenderedDocument};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use uuid::Uuid;

use crate::convert::repr;
use crate::document_types::PyDocument;

/// A document or email template: built in, or installed by the firm. `kind` is `invoice`,
/// `statement`, `client_care_letter`, `matter_report`, `letter` or `email`; its parts are
/// minijinja `subject`, `text` and `html` and a Typst `typst` body for PDF.
#[pyclass(frozen, eq, module = "lexcase", name = "DocumentTemplate")]
#[derive(Clone, PartialEq)]
pub struct PyDocumentTemplate(pub DocumentTemplate);

#[pymethods]
impl PyDocumentTemplate {
    /// Stable id, e.g. `invoice`.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// Version.
    #[getter]
    fn version(&self) -> u32 {
        self.0.version
    }

    /// What it produces.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// Its name for people.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// An email's subject line.
    #[getter]
    fn subject(&self) -> Option<&str> {
        self.0.subject.as_deref()
    }

    /// Plain-text body.
    #[getter]
    fn text(&self) -> Option<&str> {
        self.0.text.as_deref()
    }

    /// HTML body.
    #[getter]
    fn html(&self) -> Option<&str> {
        self.0.html.as_deref()
    }

    /// Typst body (PDF).
    #[getter]
    fn typst(&self) -> Option<&str> {
        self.0.typst.as_deref()
    }

    /// The parts it has: `subject`, `text`, `html`, `typst`.
    #[getter]
    fn parts(&self) -> Vec<&'static str> {
        self.0.parts().into_iter().map(|p| p.as_str()).collect()
    }

    /// Whether it ships with lexcase.
    #[getter]
    fn builtin(&self) -> bool {
        self.0.builtin
    }

    /// Whether the firm retired it (it renders no new documents).
    #[getter]
    fn retired(&self) -> bool {
        self.0.retired
    }

    /// Who installed (or retired) it.
    #[getter]
    fn installed_by(&self) -> Option<Uuid> {
        self.0.installed_by.map(Into::into)
    }

    /// When (UTC).
    #[getter]
    fn installed_at(&self) -> Option<DateTime<Utc>> {
        self.0.installed_at
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["id", "version", "kind", "builtin", "retired"],
        )
    }
}

/// The firm's letterhead: what its documents print about it, the locale they print in
/// (`en-GB`: day-month-year; `en-US`: month-day-year; `None` follows the firm's zone and
/// currency) and the domain Message-IDs of its email are made in.
#[pyclass(frozen, eq, module = "lexcase", name = "Letterhead")]
#[derive(Clone, PartialEq)]
pub struct PyLetterhead(pub Letterhead);

#[pymethods]
impl PyLetterhead {
    /// Postal address, one line each.
    #[getter]
    fn address(&self) -> Vec<String> {
        self.0.address.clone()
    }

    /// General email address.
    #[getter]
    fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }

    /// Telephone.
    #[getter]
    fn phone(&self) -> Option<&str> {
        self.0.phone.as_deref()
    }

    /// Web site.
    #[getter]
    fn website(&self) -> Option<&str> {
        self.0.website.as_deref()
    }

    /// VAT registration number.
    #[getter]
    fn vat_number(&self) -> Option<&str> {
        self.0.vat_number.as_deref()
    }

    /// The regulatory line.
    #[getter]
    fn regulation(&self) -> Option<&str> {
        self.0.regulation.as_deref()
    }

    /// How to pay, one line each.
    #[getter]
    fn payment_details(&self) -> Vec<String> {
        self.0.payment_details.clone()
    }

    /// `en-GB`, `en-US`, or `None` (follows the firm's zone and currency).
    #[getter]
    fn locale(&self) -> Option<&'static str> {
        self.0.locale.map(|l| l.as_str())
    }

    /// The domain of sent email's Message-IDs (`None`: the sender's).
    #[getter]
    fn mail_domain(&self) -> Option<&str> {
        self.0.mail_domain.as_deref()
    }

    /// Optimistic-concurrency version (0 before it is first saved).
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["address", "locale", "version"])
    }
}

/// A rendered document: its bytes (UTF-8 text or HTML, or a PDF), and the document it was
/// filed as when filing was asked for. `reprint` says the bytes are an issued bill's kept
/// rendering.
#[pyclass(frozen, module = "lexcase", name = "RenderedDocument")]
pub struct PyRenderedDocument(pub RenderedDocument);

#[pymethods]
impl PyRenderedDocument {
    /// The bytes.
    #[getter]
    fn content<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.bytes)
    }

    /// `text`, `html` or `pdf`.
    #[getter]
    fn format(&self) -> &'static str {
        self.0.format.as_str()
    }

    /// The media type, e.g. `application/pdf`.
    #[getter]
    fn media_type(&self) -> &'static str {
        self.0.format.media_type()
    }

    /// A file name for it, e.g. `Invoice INV000012.pdf`.
    #[getter]
    fn file_name(&self) -> &str {
        &self.0.file_name
    }

    /// The template it was rendered from.
    #[getter]
    fn template(&self) -> &str {
        &self.0.template
    }

    /// That template's version.
    #[getter]
    fn template_version(&self) -> u32 {
        self.0.template_version
    }

    /// SHA-256 of the bytes, 64 hex digits.
    #[getter]
    fn hash(&self) -> &str {
        self.0.hash.as_str()
    }

    /// The matter document it was filed as.
    #[getter]
    fn document(&self) -> Option<PyDocument> {
        self.0.document.clone().map(PyDocument)
    }

    /// Whether these are an issued bill's kept bytes (a reprint).
    #[getter]
    fn reprint(&self) -> bool {
        self.0.reprint
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &[
                "file_name",
                "format",
                "template",
                "template_version",
                "reprint",
            ],
        )
    }
}
