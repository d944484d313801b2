//! `Communication` and its parts: `Participant` (constructible from Python, passed to
//! `record`), `Attachment`, `IngestNotice` and `IngestOutcome`.

use lexcase::communications::{
    Attachment, Communication, IngestNotice, Participant, ParticipantRole,
};
use lexcase::service::IngestOutcome;
use lexcase::{ContactId, UserId};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::convert::{Id, id_opt, parse};
use crate::errors::to_py;
use crate::record::py_record;

py_record! {
    /// Someone who took part in a communication: `role` is `from`, `to`, `cc`, `bcc` or
    /// `attendee`; `address` the email address or phone number used (may be empty for a letter);
    /// `user` and `contact` who that is in the firm's records, if known. Constructed to pass to
    /// `CommunicationService.record`; a bad role or a name or address that is not one line is a
    /// `ValidationError`.
    PyParticipant(Participant) as "Participant" eq;
    repr(role, name, address, user, contact);
    |p| {
        /// Their part.
        role,
        /// Display name as given.
        name,
        /// Email address or phone number as used.
        address,
        /// The user of the firm this is, if any.
        user,
        /// The contact this is, if any.
        contact,
    }
    methods {
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

py_record! {
    /// A file that came with a communication: its contents are in the blob store (read them with
    /// `CommunicationService.attachment`), and once the communication is on a matter a document of
    /// that matter (category `correspondence`) holds them too.
    PyAttachment(Attachment) as "Attachment" eq;
    repr(file_name, media_type, size, document);
    |a| {
        /// File name as sent (`attachment-N` when the sender gave none).
        file_name,
        /// Media type, e.g. `application/pdf`.
        media_type,
        /// Size in bytes.
        size,
        /// SHA-256 of the contents as 64 lower-case hex digits.
        hash,
        /// The matter document holding it, once filed.
        document,
    }
}

py_record! {
    /// One thing ingestion left out or shortened. `kind` is `address_skipped` (a recipient whose
    /// address is not an email address: `role` and `address` say which), `subject_truncated`
    /// (`count` characters, 300 kept), `body_truncated` (`count` bytes, 1 MiB kept),
    /// `participants_truncated` or `candidates_truncated` (`count` found, 500 or 50 kept).
    PyIngestNotice(IngestNotice) as "IngestNotice" eq;
    repr(kind, role, address, count);
    |i| {
        /// What was left out or shortened.
        kind = i.kind(),
        /// Where a skipped address stood: `to`, `cc` or `bcc`.
        role = match i {
            IngestNotice::AddressSkipped { role, .. } => Some(role.as_str()),
            _ => None,
        },
        /// A skipped address as written.
        address = match i {
            IngestNotice::AddressSkipped { address, .. } => Some(address),
            _ => None,
        },
        /// The whole length of a shortened text, or how many participants or candidates there
        /// were.
        count = i.count(),
    }
}

py_record! {
    /// One communication: an email, call, letter, meeting, message or portal post. `channel` is
    /// `email`, `phone`, `letter`, `meeting`, `message` or `portal`; `direction` `inbound`,
    /// `outbound` or `internal`; `filing` how it reached its matter: `recorded`, `reference` (the
    /// subject named the matter's number), `parties` (its people are parties to exactly one open
    /// matter), `manual` (filed from the unfiled queue), `reply` (it answers a message sent from
    /// or filed to the matter) or `sent` (sent from the matter), `None` while unfiled.
    PyCommunication(Communication) as "Communication" eq;
    repr(id, channel, direction, subject, matter, filing, version);
    |c| {
        /// Identifier.
        id,
        /// The matter it is filed to; `None` while it waits in the unfiled queue.
        matter,
        /// Open matters it might belong to, while unfiled (those the acting user may see).
        candidates,
        /// How it was filed.
        filing,
        /// How it travelled.
        channel,
        /// Which way it went, seen from the firm.
        direction,
        /// When it was sent or took place (UTC).
        occurred_at,
        /// Subject.
        subject,
        /// Body (plain text) or a summary of a call or meeting.
        body,
        /// Who took part.
        participants,
        /// Attached files.
        attachments,
        /// The email's Message-ID, without angle brackets.
        message_id,
        /// The Message-ID it replies to.
        in_reply_to,
        /// SHA-256 (hex) of the original message bytes of an ingested email (read them with
        /// `CommunicationService.raw_message`), else `None`.
        raw_hash = c.raw,
        /// Who recorded or ingested it.
        recorded_by,
        /// When (UTC).
        recorded_at,
        /// Who filed it to its matter.
        filed_by,
        /// When (UTC).
        filed_at,
        /// What ingestion left out or shortened (empty for most).
        notices,
        /// Optimistic-concurrency version.
        version,
    }
}

py_record! {
    /// What ingesting one email did: the stored `communication` (the earlier one when its
    /// Message-ID had been ingested before, in which case `duplicate` is `True` and nothing was
    /// written).
    PyIngestOutcome(IngestOutcome) as "IngestOutcome" eq;
    repr(communication, duplicate);
    |i| {
        /// The stored communication.
        communication,
        /// Whether the Message-ID had been ingested before.
        duplicate,
    }
}
