//! `Communication` and its parts: `Participant` (constructible from Python, passed to
//! `record`), `Attachment`, `IngestNotice` and `IngestOutcome`.

use chrono::{DateTime, Utc};
use lexcase::communications::{
    Attachment, Communication, IngestNotice, Participant, ParticipantRole,
};
use lexcase::service::IngestOutcome;
use lexcase::{ContactId, UserId};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::{Id, id_opt, parse, repr};
use crate::errors::to_py;

/// Someone who took part in a communication: `role` is `from`, `to`, `cc`, `bcc` or
/// `attendee`; `address` the email address or phone number used (may be empty for a letter);
/// `user` and `contact` who that is in the firm's records, if known. Constructed to pass to
/// `CommunicationService.record`; a bad role or a name or address that is not one line is a
/// `ValidationError`.
#[pyclass(frozen, eq, module = "lexcase", name = "Participant")]
#[derive(Clone, PartialEq)]
pub struct PyParticipant(pub Participant);

#[pymethods]
impl PyParticipant {
    #[new]
    #[pyo3(signature = (role, name="", address="", *, user=None, contact=None))]
    fn new(
        role: &str,
        name: &str,
        address: &str,
        user: Option<Id<UserId>>,
        contact: Option<Id<ContactId>>,
    ) -> PyResult<Self> {
        let mut participant =
            Participant::new(parse::<ParticipantRole>(role)?, name, address).map_err(to_py)?;
        participant.user = id_opt(user);
        participant.contact = id_opt(contact);
        Ok(Self(participant))
    }

    /// Their part.
    #[getter]
    fn role(&self) -> &'static str {
        self.0.role.as_str()
    }

    /// Display name as given.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// Email address or phone number as used.
    #[getter]
    fn address(&self) -> &str {
        &self.0.address
    }

    /// The user of the firm this is, if any.
    #[getter]
    fn user(&self) -> Option<Uuid> {
        self.0.user.map(Into::into)
    }

    /// The contact this is, if any.
    #[getter]
    fn contact(&self) -> Option<Uuid> {
        self.0.contact.map(Into::into)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["role", "name", "address", "user", "contact"],
        )
    }
}

/// An item of `participants=`: a `Participant`.
pub(crate) struct ParticipantArg(pub Participant);

impl<'a, 'py> FromPyObject<'a, 'py> for ParticipantArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match obj.cast::<PyParticipant>() {
            Ok(p) => Ok(Self(p.get().0.clone())),
            Err(_) => Err(PyTypeError::new_err(format!(
                "participants: expected lexcase.Participant, got {}",
                obj.get_type().qualname()?
            ))),
        }
    }
}

/// A file that came with a communication: its contents are in the blob store (read them with
/// `CommunicationService.attachment`), and once the communication is on a matter a document of
/// that matter (category `correspondence`) holds them too.
#[pyclass(frozen, eq, module = "lexcase", name = "Attachment")]
#[derive(Clone, PartialEq)]
pub struct PyAttachment(pub Attachment);

#[pymethods]
impl PyAttachment {
    /// File name as sent (`attachment-N` when the sender gave none).
    #[getter]
    fn file_name(&self) -> &str {
        &self.0.file_name
    }

    /// Media type, e.g. `application/pdf`.
    #[getter]
    fn media_type(&self) -> &str {
        &self.0.media_type
    }

    /// Size in bytes.
    #[getter]
    fn size(&self) -> u64 {
        self.0.size
    }

    /// SHA-256 of the contents as 64 lower-case hex digits.
    #[getter]
    fn hash(&self) -> &str {
        self.0.hash.as_str()
    }

    /// The matter document holding it, once filed.
    #[getter]
    fn document(&self) -> Option<Uuid> {
        self.0.document.map(Into::into)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["file_name", "media_type", "size", "document"],
        )
    }
}

/// One thing ingestion left out or shortened. `kind` is `address_skipped` (a recipient whose
/// address is not an email address: `role` and `address` say which), `subject_truncated`
/// (`count` characters, 300 kept), `body_truncated` (`count` bytes, 1 MiB kept),
/// `participants_truncated` or `candidates_truncated` (`count` found, 500 or 50 kept).
#[pyclass(frozen, eq, module = "lexcase", name = "IngestNotice")]
#[derive(Clone, PartialEq)]
pub struct PyIngestNotice(pub IngestNotice);

#[pymethods]
impl PyIngestNotice {
    /// What was left out or shortened.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind()
    }

    /// Where a skipped address stood: `to`, `cc` or `bcc`.
    #[getter]
    fn role(&self) -> Option<&'static str> {
        match &self.0 {
            IngestNotice::AddressSkipped { role, .. } => Some(role.as_str()),
            _ => None,
        }
    }

    /// A skipped address as written.
    #[getter]
    fn address(&self) -> Option<&str> {
        match &self.0 {
            IngestNotice::AddressSkipped { address, .. } => Some(address),
            _ => None,
        }
    }

    /// The whole length of a shortened text, or how many participants or candidates there
    /// were.
    #[getter]
    fn count(&self) -> Option<u64> {
        self.0.count()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["kind", "role", "address", "count"])
    }
}

/// One communication: an email, call, letter, meeting, message or portal post. `channel` is
/// `email`, `phone`, `letter`, `meeting`, `message` or `portal`; `direction` `inbound`,
/// `outbound` or `internal`; `filing` how it reached its matter: `recorded`, `reference` (the
/// subject named the matter's number), `parties` (its people are parties to exactly one open
/// matter) or `manual` (filed from the unfiled queue), `None` while unfiled.
#[pyclass(frozen, eq, module = "lexcase", name = "Communication")]
#[derive(Clone, PartialEq)]
pub struct PyCommunication(pub Communication);

#[pymethods]
impl PyCommunication {
    /// Identifier.
    #[getter]
    fn id(&self) -> Uuid {
        self.0.id.into()
    }

    /// The matter it is filed to; `None` while it waits in the unfiled queue.
    #[getter]
    fn matter(&self) -> Option<Uuid> {
        self.0.matter.map(Into::into)
    }

    /// Open matters it might belong to, while unfiled (those the acting user may see).
    #[getter]
    fn candidates(&self) -> Vec<Uuid> {
        self.0.candidates.iter().map(|&m| m.into()).collect()
    }

    /// How it was filed.
    #[getter]
    fn filing(&self) -> Option<&'static str> {
        self.0.filing.map(|f| f.as_str())
    }

    /// How it travelled.
    #[getter]
    fn channel(&self) -> &'static str {
        self.0.channel.as_str()
    }

    /// Which way it went, seen from the firm.
    #[getter]
    fn direction(&self) -> &'static str {
        self.0.direction.as_str()
    }

    /// When it was sent or took place (UTC).
    #[getter]
    fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }

    /// Subject.
    #[getter]
    fn subject(&self) -> &str {
        &self.0.subject
    }

    /// Body (plain text) or a summary of a call or meeting.
    #[getter]
    fn body(&self) -> &str {
        &self.0.body
    }

    /// Who took part.
    #[getter]
    fn participants(&self) -> Vec<PyParticipant> {
        self.0
            .participants
            .iter()
            .cloned()
            .map(PyParticipant)
            .collect()
    }

    /// Attached files.
    #[getter]
    fn attachments(&self) -> Vec<PyAttachment> {
        self.0
            .attachments
            .iter()
            .cloned()
            .map(PyAttachment)
            .collect()
    }

    /// The email's Message-ID, without angle brackets.
    #[getter]
    fn message_id(&self) -> Option<&str> {
        self.0.message_id.as_deref()
    }

    /// The Message-ID it replies to.
    #[getter]
    fn in_reply_to(&self) -> Option<&str> {
        self.0.in_reply_to.as_deref()
    }

    /// SHA-256 (hex) of the original message bytes of an ingested email (read them with
    /// `CommunicationService.raw_message`), else `None`.
    #[getter]
    fn raw_hash(&self) -> Option<&str> {
        self.0.raw.as_ref().map(|h| h.as_str())
    }

    /// Who recorded or ingested it.
    #[getter]
    fn recorded_by(&self) -> Uuid {
        self.0.recorded_by.into()
    }

    /// When (UTC).
    #[getter]
    fn recorded_at(&self) -> DateTime<Utc> {
        self.0.recorded_at
    }

    /// Who filed it to its matter.
    #[getter]
    fn filed_by(&self) -> Option<Uuid> {
        self.0.filed_by.map(Into::into)
    }

    /// When (UTC).
    #[getter]
    fn filed_at(&self) -> Option<DateTime<Utc>> {
        self.0.filed_at
    }

    /// What ingestion left out or shortened (empty for most).
    #[getter]
    fn notices(&self) -> Vec<PyIngestNotice> {
        self.0.notices.iter().cloned().map(PyIngestNotice).collect()
    }

    /// Optimistic-concurrency version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &[
                "id",
                "channel",
                "direction",
                "subject",
                "matter",
                "filing",
                "version",
            ],
        )
    }
}

/// What ingesting one email did: the stored `communication` (the earlier one when its
/// Message-ID had been ingested before, in which case `duplicate` is `True` and nothing was
/// written).
#[pyclass(frozen, eq, module = "lexcase", name = "IngestOutcome")]
#[derive(Clone, PartialEq)]
pub struct PyIngestOutcome(pub IngestOutcome);

#[pymethods]
impl PyIngestOutcome {
    /// The stored communication.
    #[getter]
    fn communication(&self) -> PyCommunication {
        PyCommunication(self.0.communication.clone())
    }

    /// Whether the Message-ID had been ingested before.
    #[getter]
    fn duplicate(&self) -> bool {
        self.0.duplicate
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["communication", "duplicate"])
    }
}
