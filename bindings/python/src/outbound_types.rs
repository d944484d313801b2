//! Outgoing email: `Recipient` and `OutgoingAttachment` (what to send), `Mailbox`,
//! `ComposedEmail` and `SentEmail` (what was built and sent).

use chrono::{DateTime, Utc};
use lexcase::communications::{
    ComposedAttachment, ComposedEmail, Mailbox, OutboundAttachment, Recipient,
};
use lexcase::service::SentEmail;
use lexcase::templates::OutputFormat;
use lexcase::{BillId, ContactId, DocumentId, PartyId};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use uuid::Uuid;

use crate::communication_types::PyCommunication;
use crate::convert::{Id, id_opt, parse, repr};
use crate::document_types::PyDocument;

/// Who an email goes to: `Recipient.party(id)` (a party to the matter),
/// `Recipient.contact(id)` (at their first email address) or `Recipient.address(email,
/// name="")`. A plain `str` is taken as an address.
#[pyclass(frozen, module = "lexcase", name = "Recipient")]
#[derive(Clone)]
pub struct PyRecipient(pub Recipient);

#[pymethods]
impl PyRecipient {
    /// A party to the matter, at their first email address.
    #[staticmethod]
    fn party(id: Id<PartyId>) -> Self {
        Self(Recipient::Party(id.0))
    }

    /// A contact, at their first email address.
    #[staticmethod]
    fn contact(id: Id<ContactId>) -> Self {
        Self(Recipient::Contact(id.0))
    }

    /// Any address (checked when the email is composed).
    #[staticmethod]
    #[pyo3(signature = (email, name=""))]
    fn address(email: &str, name: &str) -> Self {
        Self(Recipient::Address {
            name: name.to_owned(),
            email: email.to_owned(),
        })
    }

    fn __repr__(&self) -> String {
        match &self.0 {
            Recipient::Party(id) => format!("Recipient.party(UUID('{id}'))"),
            Recipient::Contact(id) => format!("Recipient.contact(UUID('{id}'))"),
            Recipient::Address { .. } => "Recipient.address(...)".to_owned(),
        }
    }
}

/// A recipient argument: a `Recipient` or an address `str`.
pub(crate) struct RecipientArg(pub Recipient);

impl<'a, 'py> FromPyObject<'a, 'py> for RecipientArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(r) = obj.cast::<PyRecipient>() {
            return Ok(Self(r.get().0.clone()));
        }
        if obj.is_instance_of::<PyString>() {
            return Ok(Self(Recipient::Address {
                name: String::new(),
                email: obj.extract::<String>()?,
            }));
        }
        Err(PyTypeError::new_err(
            "expected a Recipient or an address str",
        ))
    }
}

/// A file to attach: `OutgoingAttachment.document(id, version=None)` (a document of the
/// matter) or `OutgoingAttachment.rendered(template, format="pdf", bill=None)` (rendered now
/// and filed to the matter with the send).
#[pyclass(frozen, module = "lexcase", name = "OutgoingAttachment")]
#[derive(Clone)]
pub struct PyOutgoingAttachment(pub OutboundAttachment);

#[pymethods]
impl PyOutgoingAttachment {
    /// A version of one of the matter's documents (the latest with `None`).
    #[staticmethod]
    #[pyo3(signature = (id, version=None))]
    fn document(id: Id<DocumentId>, version: Option<u32>) -> Self {
        Self(OutboundAttachment::Document {
            document: id.0,
            version,
        })
    }

    /// A document rendered now from `template` in `format`, about `bill` if given (else the
    /// matter).
    #[staticmethod]
    #[pyo3(signature = (template, format="pdf", bill=None))]
    fn rendered(template: &str, format: &str, bill: Option<Id<BillId>>) -> PyResult<Self> {
        Ok(Self(OutboundAttachment::Rendered {
            template: template.to_owned(),
            format: parse::<OutputFormat>(format)?,
            bill: id_opt(bill),
        }))
    }

    fn __repr__(&self) -> String {
        match &self.0 {
            OutboundAttachment::Document { document, .. } => {
                format!("OutgoingAttachment.document(UUID('{document}'))")
            }
            OutboundAttachment::Rendered {
                template, format, ..
            } => format!(
                "OutgoingAttachment.rendered({template:?}, {:?})",
                format.as_str()
            ),
        }
    }
}

/// A named address of a message.
#[pyclass(frozen, module = "lexcase", name = "Mailbox")]
#[derive(Clone)]
pub struct PyMailbox(pub Mailbox);

#[pymethods]
impl PyMailbox {
    /// Display name (may be empty).
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The address.
    #[getter]
    fn email(&self) -> &str {
        &self.0.email
    }

    /// The contact it belongs to, if known.
    #[getter]
    fn contact(&self) -> Option<Uuid> {
        self.0.contact.map(Into::into)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["name", "email"])
    }
}

/// A file of a composed message.
#[pyclass(frozen, module = "lexcase", name = "ComposedAttachment")]
pub struct PyComposedAttachment(pub ComposedAttachment);

#[pymethods]
impl PyComposedAttachment {
    /// File name.
    #[getter]
    fn file_name(&self) -> &str {
        &self.0.file_name
    }

    /// Media type.
    #[getter]
    fn media_type(&self) -> &str {
        &self.0.media_type
    }

    /// The contents.
    #[getter]
    fn content<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.bytes)
    }

    /// The matter document it is (for attached documents).
    #[getter]
    fn document(&self) -> Option<Uuid> {
        self.0.document.map(Into::into)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["file_name", "media_type"])
    }
}

fn mailboxes(list: &[Mailbox]) -> Vec<PyMailbox> {
    list.iter().cloned().map(PyMailbox).collect()
}

/// An outgoing message: its parts, and `raw`, the RFC 5322 bytes exactly as handed to the
/// transport.
#[pyclass(frozen, module = "lexcase", name = "ComposedEmail")]
pub struct PyComposedEmail(pub ComposedEmail);

#[pymethods]
impl PyComposedEmail {
    /// The Message-ID, without angle brackets (in the firm's domain).
    #[getter]
    fn message_id(&self) -> &str {
        &self.0.message_id
    }

    /// The sender (the acting user).
    #[getter]
    fn sender(&self) -> PyMailbox {
        PyMailbox(self.0.from.clone())
    }

    /// Addressees.
    #[getter]
    fn to(&self) -> Vec<PyMailbox> {
        mailboxes(&self.0.to)
    }

    /// Copied.
    #[getter]
    fn cc(&self) -> Vec<PyMailbox> {
        mailboxes(&self.0.cc)
    }

    /// Blind-copied (in the envelope only).
    #[getter]
    fn bcc(&self) -> Vec<PyMailbox> {
        mailboxes(&self.0.bcc)
    }

    /// Every envelope recipient, once each.
    #[getter]
    fn envelope_to(&self) -> Vec<String> {
        self.0.envelope().to
    }

    /// Subject.
    #[getter]
    fn subject(&self) -> &str {
        &self.0.subject
    }

    /// Plain-text body.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    /// HTML body, when the template has one.
    #[getter]
    fn html(&self) -> Option<&str> {
        self.0.html.as_deref()
    }

    /// Attachments.
    #[getter]
    fn attachments(&self) -> Vec<PyComposedAttachment> {
        self.0
            .attachments
            .iter()
            .cloned()
            .map(PyComposedAttachment)
            .collect()
    }

    /// The Message-ID it replies to.
    #[getter]
    fn in_reply_to(&self) -> Option<&str> {
        self.0.in_reply_to.as_deref()
    }

    /// The thread it continues, oldest first.
    #[getter]
    fn references(&self) -> Vec<String> {
        self.0.references.clone()
    }

    /// When it is dated (UTC).
    #[getter]
    fn date(&self) -> DateTime<Utc> {
        self.0.date
    }

    /// The RFC 5322 message.
    #[getter]
    fn raw<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.raw)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["message_id", "subject"])
    }
}

/// What sending an email did: the outgoing communication on the matter, the message as
/// sent, and the documents rendered for it and filed.
#[pyclass(frozen, module = "lexcase", name = "SentEmail")]
pub struct PySentEmail(pub SentEmail);

#[pymethods]
impl PySentEmail {
    /// The outgoing communication (its raw message is the bytes sent).
    #[getter]
    fn communication(&self) -> PyCommunication {
        PyCommunication(self.0.communication.clone())
    }

    /// The message as sent.
    #[getter]
    fn message(&self) -> PyComposedEmail {
        PyComposedEmail(self.0.message.clone())
    }

    /// Documents rendered for it and filed to the matter.
    #[getter]
    fn documents(&self) -> Vec<PyDocument> {
        self.0.documents.iter().cloned().map(PyDocument).collect()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["communication"])
    }
}
