//! The communication log: recording calls, letters and meetings, ingesting email and filing it
//! to its matter, the unfiled queue.

use std::sync::Arc;

use lexcase::{CommunicationId, MatterId};

use crate::error::{LexcaseError, Result};
use crate::mail::{ForeignTransport, MailSender};
use crate::records::{
    Communication, CommunicationPage, ComposedEmail, IngestOutcome, NewCommunication,
    OutboundEmail, Page, SentEmail,
};

service_object! {
    /// Communications. One filed to a matter follows the matter's visibility (for a user who may
    /// not see the matter it does not exist); recording, ingesting, filing and the unfiled queue
    /// need `edit_matters`. Original email bytes and attachments go to the firm's blob store and
    /// are verified when read back (else `Integrity`).
    CommunicationService
}

#[uniffi::export]
impl CommunicationService {
    /// Records a call, letter, meeting or message, on a matter or into the unfiled queue.
    pub fn record(&self, new: NewCommunication) -> Result<Communication> {
        Ok(self.session.communications().record(new)?)
    }

    /// Ingests one raw RFC 5322 message (MIME multipart, attachments): files it by a matter
    /// number in the subject, else to the one live matter its outside participants are parties
    /// to, else leaves it in the unfiled queue with its candidates; attachments on a matter
    /// become `correspondence` documents. A Message-ID seen before returns the earlier
    /// communication with `duplicate = true` and writes nothing. Malformed mail is a
    /// `Validation` error and writes nothing.
    pub fn ingest_email(&self, raw: Vec<u8>) -> Result<IngestOutcome> {
        Ok(self.session.communications().ingest_email(&raw)?)
    }

    /// Files a communication from the unfiled queue to `matter` (its attachments become
    /// documents there). One already filed is a `Validation` error (field `matter`).
    pub fn file(
        &self,
        id: CommunicationId,
        expected_version: u64,
        matter: MatterId,
    ) -> Result<Communication> {
        Ok(self
            .session
            .communications()
            .file(id, expected_version, matter)?)
    }

    /// A communication by id.
    pub fn get(&self, id: CommunicationId) -> Result<Communication> {
        Ok(self.session.communications().get(id)?)
    }

    /// A matter's communications, newest first.
    pub fn of_matter(&self, matter: MatterId, page: Page) -> Result<CommunicationPage> {
        Ok(self
            .session
            .communications()
            .of_matter(matter, page.try_into()?)?
            .into())
    }

    /// The unfiled queue, oldest first.
    pub fn unfiled(&self, page: Page) -> Result<CommunicationPage> {
        Ok(self
            .session
            .communications()
            .unfiled(page.try_into()?)?
            .into())
    }

    /// The original bytes of an ingested email, verified against their hash; a communication
    /// not ingested from an email is a `Validation` error (field `communication`).
    pub fn raw_message(&self, id: CommunicationId) -> Result<Vec<u8>> {
        Ok(self.session.communications().raw_message(id)?)
    }

    /// The contents of attachment `index` (from 0, in `attachments` order), verified against
    /// their hash; an index past the end is `NotFound` (entity `attachment`).
    pub fn attachment(&self, id: CommunicationId, index: u32) -> Result<Vec<u8>> {
        let index = usize::try_from(index).map_err(|_| LexcaseError::NotFound {
            entity: "attachment".to_owned(),
        })?;
        Ok(self.session.communications().attachment(id, index)?)
    }

    /// Composes an email on a matter without sending or recording it: recipients (parties,
    /// contacts or any address), subject and body (from an email template and the merge model,
    /// or as given), attachments (matter documents, or documents rendered now), and the
    /// RFC 5322 message with a Message-ID in the firm's domain. Needs `edit_matters`.
    pub fn compose_email(&self, email: OutboundEmail) -> Result<ComposedEmail> {
        Ok(self.session.communications().compose_email(&email)?)
    }

    /// Sends an email from a matter through the firm's transport (`Firm.withSmtp` or
    /// `Firm.withMailSender`; none is a `Validation` error on `transport`) and records it on the
    /// matter, filed as `SENT`, with the exact bytes sent, rendered attachments filed as
    /// documents, in one audited command. A failed delivery is a `Delivery` error and records
    /// nothing.
    pub fn send_email(&self, email: OutboundEmail) -> Result<SentEmail> {
        Ok(self.session.communications().send_email(&email)?)
    }

    /// As `sendEmail`, through `sender` for this one message.
    pub fn send_email_with(
        &self,
        email: OutboundEmail,
        sender: Arc<dyn MailSender>,
    ) -> Result<SentEmail> {
        Ok(self
            .session
            .communications()
            .send_email_with(&email, &ForeignTransport(sender))?)
    }
}
