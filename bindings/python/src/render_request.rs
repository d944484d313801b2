//! `RenderRequest`: one document to render, as `DocumentService.render` takes it in keyword
//! arguments and `DocumentService.render_many` in a list.

use lexcase::money::Currency;
use lexcase::service::{FileAs, RenderRequest, RenderSubject};
use lexcase::templates::OutputFormat;
use lexcase::{BillId, ContactId, DocumentId, LexcaseError, MatterId};
use pyo3::prelude::*;

use crate::convert::{Id, id_opt, parse};
use crate::errors::to_py;

/// What a document is about, from keyword arguments: a bill; a client's statement in a
/// currency (with a matter to file it to); or a matter.
pub(crate) fn subject(
    matter: Option<Id<MatterId>>,
    bill: Option<Id<BillId>>,
    client: Option<Id<ContactId>>,
    currency: Option<&str>,
) -> PyResult<RenderSubject> {
    match (bill, client) {
        (Some(bill), None) => Ok(RenderSubject::Bill(bill.0)),
        (None, Some(client)) => {
            let currency = currency.ok_or_else(|| {
                to_py(LexcaseError::validation(
                    "currency",
                    "a statement needs a currency",
                ))
            })?;
            Ok(RenderSubject::Statement {
                client: client.0,
                currency: Currency::parse(currency).map_err(to_py)?,
                matter: id_opt(matter),
            })
        }
        (None, None) => matter.map(|m| RenderSubject::Matter(m.0)).ok_or_else(|| {
            to_py(LexcaseError::validation(
                "subject",
                "give a matter, a bill, or a client and currency",
            ))
        }),
        (Some(_), Some(_)) => Err(to_py(LexcaseError::validation(
            "subject",
            "give a bill or a client, not both",
        ))),
    }
}

/// A document to render from firm template `template` in `format` (`pdf`, `html` or `text`)
/// about a `matter`, a `bill`, or a `client`'s statement in `currency` (filed to `matter` when
/// given); with `file=True` filed to the matter (as a new document named `name` in
/// `category`, or as a new version of `new_version_of` at `expected_version`).
#[pyclass(frozen, module = "lexcase", name = "RenderRequest")]
pub struct PyRenderRequest(pub RenderRequest);

#[pymethods]
impl PyRenderRequest {
    #[new]
    #[pyo3(signature = (template, *, format: "Literal['pdf', 'html', 'text']"="pdf", matter=None, bill=None, client=None, currency=None, version=None, file=false, name=None, category=None, new_version_of=None, expected_version=None))]
    pub(crate) fn new(
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
    ) -> PyResult<Self> {
        let new_version_of = match (new_version_of, expected_version) {
            (Some(id), Some(v)) => Some((id.0, v)),
            (None, None) => None,
            _ => {
                return Err(to_py(LexcaseError::validation(
                    "expected_version",
                    "give new_version_of and expected_version together",
                )));
            }
        };
        Ok(Self(RenderRequest {
            template: template.to_owned(),
            version,
            format: parse::<OutputFormat>(format)?,
            subject: subject(matter, bill, client, currency)?,
            file: (file || new_version_of.is_some()).then_some(FileAs {
                name,
                category,
                new_version_of,
            }),
        }))
    }

    /// The template id.
    #[getter]
    fn template(&self) -> &str {
        &self.0.template
    }

    /// `pdf`, `html` or `text`.
    #[getter]
    fn format(&self) -> &'static str {
        self.0.format.as_str()
    }

    /// Whether the rendering is filed to its matter.
    #[getter]
    fn file(&self) -> bool {
        self.0.file.is_some()
    }

    fn __repr__(&self) -> String {
        format!(
            "RenderRequest({:?}, format={:?}, file={})",
            self.0.template,
            self.0.format.as_str(),
            if self.0.file.is_some() {
                "True"
            } else {
                "False"
            }
        )
    }
}
