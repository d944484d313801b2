//! `session.templates`.

use lexcase::service::Session;
use lexcase::templates::{Letterhead, Locale, NewTemplate, OutputFormat, TemplatePart};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::convert::{parse, parse_opt, run};
use crate::errors::to_py;
use crate::template_types::{PyDocumentTemplate, PyLetterhead};

/// Document and email templates (`session.templates`): firm data, versioned like rule packs.
/// Built-in ones (`invoice`, `statement`, `client_care_letter`, `matter_report`,
/// `cover_email`) ship with lexcase; a firm installs its own, or a higher version of a
/// built-in id, which replaces it for new documents. A template naming a merge field its kind
/// does not have is refused at install with a `TemplateError` naming the field. Installing,
/// retiring and the letterhead need `manage_firm`; anyone may list, read and preview.
#[pyclass(frozen, module = "lexcase", name = "TemplateService")]
pub struct PyTemplateService(pub Session);

fn new_template(
    id: String,
    version: u32,
    kind: &str,
    name: String,
    subject: Option<String>,
    text: Option<String>,
    html: Option<String>,
    typst: Option<String>,
) -> PyResult<NewTemplate> {
    Ok(NewTemplate {
        id,
        version,
        kind: parse(kind)?,
        name,
        subject,
        text,
        html,
        typst,
    })
}

#[pymethods]
impl PyTemplateService {
    /// The current version of every template, built-in and installed, in id order.
    fn list(&self, py: Python<'_>) -> PyResult<Vec<PyDocumentTemplate>> {
        let all = run(py, || self.0.templates().list())?;
        Ok(all.into_iter().map(PyDocumentTemplate).collect())
    }

    /// Every version of template `id`, lowest first.
    fn versions(&self, py: Python<'_>, id: &str) -> PyResult<Vec<PyDocumentTemplate>> {
        let all = run(py, || self.0.templates().versions(id))?;
        Ok(all.into_iter().map(PyDocumentTemplate).collect())
    }

    /// Template `id` at `version` (the current one with `None`).
    #[pyo3(signature = (id, version=None))]
    fn get(&self, py: Python<'_>, id: &str, version: Option<u32>) -> PyResult<PyDocumentTemplate> {
        run(py, || self.0.templates().get(id, version)).map(PyDocumentTemplate)
    }

    /// The merge fields a template of `kind` may name (`matter.number`,
    /// `bill.lines[].gross`, …), in order.
    fn fields(&self, kind: &str) -> PyResult<Vec<String>> {
        Ok(self.0.templates().fields(parse(kind)?))
    }

    /// Checks a template without installing it (syntax and every merge field it names).
    #[pyo3(signature = (*, id, version, kind, name, subject=None, text=None, html=None, typst=None))]
    fn check(
        &self,
        py: Python<'_>,
        id: String,
        version: u32,
        kind: &str,
        name: String,
        subject: Option<String>,
        text: Option<String>,
        html: Option<String>,
        typst: Option<String>,
    ) -> PyResult<PyDocumentTemplate> {
        let new = new_template(id, version, kind, name, subject, text, html, typst)?;
        run(py, || self.0.templates().check(new)).map(PyDocumentTemplate)
    }

    /// Installs a template version (above every version of the same id).
    #[pyo3(signature = (*, id, version, kind, name, subject=None, text=None, html=None, typst=None))]
    fn install(
        &self,
        py: Python<'_>,
        id: String,
        version: u32,
        kind: &str,
        name: String,
        subject: Option<String>,
        text: Option<String>,
        html: Option<String>,
        typst: Option<String>,
    ) -> PyResult<PyDocumentTemplate> {
        let new = new_template(id, version, kind, name, subject, text, html, typst)?;
        run(py, || self.0.templates().install(new)).map(PyDocumentTemplate)
    }

    /// Installs a template written as TOML (the keyword arguments of `install` as keys; parts
    /// as multi-line strings).
    fn install_toml(&self, py: Python<'_>, source: &str) -> PyResult<PyDocumentTemplate> {
        let new = NewTemplate::from_toml(source).map_err(to_py)?;
        run(py, || self.0.templates().install(new)).map(PyDocumentTemplate)
    }

    /// Retires template `id`: its current version renders no new documents.
    fn retire(&self, py: Python<'_>, id: &str) -> PyResult<PyDocumentTemplate> {
        run(py, || self.0.templates().retire(id)).map(PyDocumentTemplate)
    }

    /// Renders template `id` in `format` (`text`, `html` or `pdf`) with a sample of invented
    /// people and figures: how it looks.
    #[pyo3(signature = (id, format: "Literal['pdf', 'html', 'text']"="pdf", *, version=None))]
    fn preview<'py>(
        &self,
        py: Python<'py>,
        id: &str,
        format: &str,
        version: Option<u32>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let format = parse::<OutputFormat>(format)?;
        let bytes = run(py, || self.0.templates().preview(id, version, format))?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// Renders one part (`subject`, `text`, `html` or `typst`) of template `id` with the
    /// sample.
    #[pyo3(signature = (id, part, *, version=None))]
    fn preview_part<'py>(
        &self,
        py: Python<'py>,
        id: &str,
        part: &str,
        version: Option<u32>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let part = parse::<TemplatePart>(part)?;
        let bytes = run(py, || self.0.templates().preview_part(id, version, part))?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// The firm's letterhead (empty until set, version 0).
    fn letterhead(&self, py: Python<'_>) -> PyResult<PyLetterhead> {
        run(py, || self.0.templates().letterhead()).map(PyLetterhead)
    }

    /// Replaces the letterhead; `expected_version` is the stored version (0 before the first
    /// save).
    #[pyo3(signature = (*, expected_version, address=Vec::new(), email=None, phone=None, website=None, vat_number=None, regulation=None, payment_details=Vec::new(), locale: "Literal['en-GB', 'en-US'] | None"=None, mail_domain=None))]
    fn set_letterhead(
        &self,
        py: Python<'_>,
        expected_version: u64,
        address: Vec<String>,
        email: Option<String>,
        phone: Option<String>,
        website: Option<String>,
        vat_number: Option<String>,
        regulation: Option<String>,
        payment_details: Vec<String>,
        locale: Option<&str>,
        mail_domain: Option<String>,
    ) -> PyResult<PyLetterhead> {
        let letterhead = Letterhead {
            address,
            email,
            phone,
            website,
            vat_number,
            regulation,
            payment_details,
            locale: parse_opt::<Locale>(locale)?,
            mail_domain,
            version: expected_version,
        };
        run(py, || self.0.templates().set_letterhead(letterhead)).map(PyLetterhead)
    }
}
