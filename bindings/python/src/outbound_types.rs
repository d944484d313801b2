//! Outgoing email: `Recipient` and `OutgoingAttachment` (what to send), `Mailbox`,
//! `ComposedEmail` and `SentEmail` (what was built and sent).

use lexcase::communications::{
    ComposedAttachment, ComposedEmail, Mailbox, OutboundAttachment, Recipient,
};
use lexcase::service::SentEmail;
use lexcase::templates::OutputFormat;
use lexcase::{BillId, ContactId, DocumentId, PartyId};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{Id, id_opt, parse};
use crate::record::{Bytes, py_record};

py_record! {
    /// Who an email goes to: `Recipient.party(id)` (a party to the matter),
    /// `Recipient.contact(id)` (at their first email address) or `Recipient.address(email,
    /// name="")`. A plain `str` is taken as an address.
    PyRecipient(Recipient) as "Recipient";
    |r| {
    }
    methods {
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

py_record! {
    /// A file to attach: `OutgoingAttachment.document(id, version=None)` (a document of the
    /// matter) or `OutgoingAttachment.rendered(template, format="pdf", bill=None)` (rendered now
    /// and filed to the matter with the send).
    PyOutgoingAttachment(OutboundAttachment) as "OutgoingAttachment";
    |o| {
    }
    methods {
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
        #[pyo3(signature = (template, format: "Literal['pdf', 'html', 'text']"="pdf", bill=None))]
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
}

py_record! {
    /// A named address of a message.
    PyMailbox(Mailbox) as "Mailbox";
    repr(name, email);
    |m| {
        /// Display name (may be empty).
        name,
        /// The address.
        email,
        /// The contact it belongs to, if known.
        contact,
    }
}

py_record! {
    /// A file of a composed message.
    PyComposedAttachment(ComposedAttachment) as "ComposedAttachment";
    repr(file_name, media_type);
    |c| {
        /// File name.
        file_name,
        /// Media type.
        media_type,
        /// The matter document it is (for attached documents).
        document,
        /// The contents.
        content = Bytes(&c.bytes),
    }
}

py_record! {
    /// An outgoing message: its parts, and `raw`, the RFC 5322 bytes exactly as handed to the
    /// transport.
    PyComposedEmail(ComposedEmail) as "ComposedEmail";
    repr(message_id, subject);
    |c| {
        /// The Message-ID, without angle brackets (in the firm's domain).
        message_id,
        /// The sender (the acting user).
        sender = c.from,
        /// Addressees.
        to,
        /// Copied.
        cc,
        /// Blind-copied (in the envelope only).
        bcc,
        /// Every envelope recipient, once each.
        envelope_to = c.envelope().to,
        /// Subject.
        subject,
        /// Plain-text body.
        text,
        /// HTML body, when the template has one.
        html,
        /// Attachments.
        attachments,
        /// The Message-ID it replies to.
        in_reply_to,
        /// The thread it continues, oldest first.
        references,
        /// When it is dated (UTC).
        date,
        /// The RFC 5322 message.
        raw = Bytes(&c.raw),
    }
}

py_record! {
    /// What sending an email did: the outgoing communication on the matter, the message as
    /// sent, and the documents rendered for it and filed.
    PySentEmail(SentEmail) as "SentEmail";
    repr(communication);
    |s| {
        /// The outgoing communication (its raw message is the bytes sent).
        communication,
        /// The message as sent.
        message,
        /// Documents rendered for it and filed to the matter.
        documents,
    }
}
