//! `session.communications`.

use lexcase::communications::{Channel, Direction, NewCommunication, OutboundEmail};
use lexcase::service::Session;
use lexcase::{BillId, CommunicationId, LexcaseError, MatterId};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::communication_types::{ParticipantArg, PyCommunication, PyIngestOutcome};
use crate::convert::{Id, InstantArg, id_opt, page, parse, run};
use crate::errors::to_py;
use crate::mail_sender::PySender;
use crate::outbound_types::{PyComposedEmail, PyOutgoingAttachment, PySentEmail, RecipientArg};
use crate::page::PyPage;

/// An outgoing email from keyword arguments.
fn outbound(
    matter: Id<MatterId>,
    to: Vec<RecipientArg>,
    cc: Vec<RecipientArg>,
    bcc: Vec<RecipientArg>,
    template: Option<String>,
    subject: Option<String>,
    body: Option<String>,
    bill: Option<Id<BillId>>,
    attachments: Vec<PyRef<'_, PyOutgoingAttachment>>,
    in_reply_to: Option<Id<CommunicationId>>,
) -> OutboundEmail {
    let list = |v: Vec<RecipientArg>| v.into_iter().map(|r| r.0).collect();
    OutboundEmail {
        matter: matter.0,
        to: list(to),
        cc: list(cc),
        bcc: list(bcc),
        template,
        subject,
        body,
        bill: id_opt(bill),
        attachments: attachments.iter().map(|a| a.0.clone()).collect(),
        in_reply_to: id_opt(in_reply_to),
    }
}

/// The communication log (`session.communications`): calls, letters, meetings and messages
/// recorded by hand, and emails ingested from their raw bytes and filed to their matter
/// automatically (a reply to a message sent from or filed to a matter first, then the matter
/// number in the subject, else the one open matter the sender or recipients are parties to,
/// else the unfiled queue with the candidate matters), and email sent from a matter. A
/// communication on a matter follows the matter's visibility; recording, ingesting, filing
/// and the unfiled queue need `edit_matters`. Contents are `bytes`.
#[pyclass(frozen, module = "lexcase", name = "CommunicationService")]
pub struct PyCommunicationService(pub Session);

#[pymethods]
impl PyCommunicationService {
    /// Records a call, letter, meeting or message on `matter` (or, without one, into the
    /// unfiled queue). `channel` is `email`, `phone`, `letter`, `meeting`, `message` or
    /// `portal`; `direction` `inbound`, `outbound` or `internal`; `occurred_at` an aware
    /// `datetime` (any zone); `participants` a sequence of `Participant`.
    #[pyo3(signature = (*, channel, direction, occurred_at, subject="", body="", matter=None, participants=Vec::new()))]
    fn record(
        &self,
        py: Python<'_>,
        channel: &str,
        direction: &str,
        occurred_at: InstantArg,
        subject: &str,
        body: &str,
        matter: Option<Id<MatterId>>,
        participants: Vec<ParticipantArg>,
    ) -> PyResult<PyCommunication> {
        let new = NewCommunication {
            matter: id_opt(matter),
            channel: parse::<Channel>(channel)?,
            direction: parse::<Direction>(direction)?,
            occurred_at: occurred_at.0,
            subject: subject.to_owned(),
            body: body.to_owned(),
            participants: participants.into_iter().map(|p| p.0).collect(),
        };
        run(py, || self.0.communications().record(new)).map(PyCommunication)
    }

    /// Ingests one raw RFC 5322 message (`bytes`): keeps the original and its attachments,
    /// files it and files its attachments as `correspondence` documents of the matter. A
    /// Message-ID seen before returns the earlier communication with `duplicate=True` and
    /// writes nothing. Malformed mail is a `ValidationError` (field `email`).
    fn ingest_email(&self, py: Python<'_>, raw: &[u8]) -> PyResult<PyIngestOutcome> {
        run(py, || self.0.communications().ingest_email(raw)).map(PyIngestOutcome)
    }

    /// Files a communication from the unfiled queue to `matter` (its attachments become
    /// documents there). A filed communication is not moved (`ValidationError`).
    fn file(
        &self,
        py: Python<'_>,
        id: Id<CommunicationId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        matter: Id<MatterId>,
    ) -> PyResult<PyCommunication> {
        run(py, || {
            self.0
                .communications()
                .file(id.0, expected_version, matter.0)
        })
        .map(PyCommunication)
    }

    /// Composes an email on `matter` without sending or recording it: recipients (`Recipient`
    /// or address `str`), the subject and body from an email `template` (with `bill` as a
    /// merge field when given) or as given, attachments (`OutgoingAttachment`), and the
    /// RFC 5322 message with a Message-ID in the firm's domain.
    #[pyo3(signature = (matter, *, to, cc=Vec::new(), bcc=Vec::new(), template=None, subject=None, body=None, bill=None, attachments=Vec::new(), in_reply_to=None))]
    fn compose_email(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        to: Vec<RecipientArg>,
        cc: Vec<RecipientArg>,
        bcc: Vec<RecipientArg>,
        template: Option<String>,
        subject: Option<String>,
        body: Option<String>,
        bill: Option<Id<BillId>>,
        attachments: Vec<PyRef<'_, PyOutgoingAttachment>>,
        in_reply_to: Option<Id<CommunicationId>>,
    ) -> PyResult<PyComposedEmail> {
        let email = outbound(
            matter,
            to,
            cc,
            bcc,
            template,
            subject,
            body,
            bill,
            attachments,
            in_reply_to,
        );
        run(py, || self.0.communications().compose_email(&email)).map(PyComposedEmail)
    }

    /// Composes an email (as `compose_email`), sends it through `sender` (a callable
    /// `sender(envelope_from, envelope_to, message)`) or else the firm's transport
    /// (`Firm.with_smtp` / `Firm.with_mail_sender`), and records it on the matter as an
    /// outgoing communication keeping the exact bytes sent, rendered attachments filed as
    /// documents, in one audited command. A transport failure raises `DeliveryError` and
    /// records nothing.
    #[pyo3(signature = (matter, *, to, cc=Vec::new(), bcc=Vec::new(), template=None, subject=None, body=None, bill=None, attachments=Vec::new(), in_reply_to=None, sender: "_Sender | None"=None))]
    fn send_email(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        to: Vec<RecipientArg>,
        cc: Vec<RecipientArg>,
        bcc: Vec<RecipientArg>,
        template: Option<String>,
        subject: Option<String>,
        body: Option<String>,
        bill: Option<Id<BillId>>,
        attachments: Vec<PyRef<'_, PyOutgoingAttachment>>,
        in_reply_to: Option<Id<CommunicationId>>,
        sender: Option<Bound<'_, PyAny>>,
    ) -> PyResult<PySentEmail> {
        let email = outbound(
            matter,
            to,
            cc,
            bcc,
            template,
            subject,
            body,
            bill,
            attachments,
            in_reply_to,
        );
        let sent = match sender {
            Some(sender) => {
                if !sender.is_callable() {
                    return Err(PyTypeError::new_err("expected a callable sender"));
                }
                let sender = PySender(sender.unbind());
                run(py, || {
                    self.0.communications().send_email_with(&email, &sender)
                })?
            }
            None => run(py, || self.0.communications().send_email(&email))?,
        };
        Ok(PySentEmail(sent))
    }

    /// A communication by id.
    fn get(&self, py: Python<'_>, id: Id<CommunicationId>) -> PyResult<PyCommunication> {
        run(py, || self.0.communications().get(id.0)).map(PyCommunication)
    }

    /// A matter's communications, newest first.
    #[pyo3(signature = (matter, *, offset=0, limit=50, after=None) -> "Page[Communication]")]
    fn of_matter(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.communications().of_matter(matter.0, page))?;
        PyPage::new(py, paged, PyCommunication)
    }

    /// The unfiled queue, oldest first.
    #[pyo3(signature = (*, offset=0, limit=50, after=None) -> "Page[Communication]")]
    fn unfiled(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.communications().unfiled(page))?;
        PyPage::new(py, paged, PyCommunication)
    }

    /// The original bytes of an ingested email, verified against their hash (changed contents
    /// raise `IntegrityError`; a communication not ingested from an email is a
    /// `ValidationError`).
    fn raw_message<'py>(
        &self,
        py: Python<'py>,
        id: Id<CommunicationId>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = run(py, || self.0.communications().raw_message(id.0))?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// The contents of attachment `index` (from 0, in the order of `attachments`), verified
    /// against their hash.
    fn attachment<'py>(
        &self,
        py: Python<'py>,
        id: Id<CommunicationId>,
        #[pyo3(from_py_with = crate::ints::index)] index: i64,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let index = usize::try_from(index)
            .map_err(|_| to_py(LexcaseError::validation("index", "must not be negative")))?;
        let bytes = run(py, || self.0.communications().attachment(id.0, index))?;
        Ok(PyBytes::new(py, &bytes))
    }
}
