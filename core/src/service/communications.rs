//! The communication log: recording calls, letters and meetings, ingesting email and filing
//! it to its matter, the unfiled queue.

use super::Session;
use super::context::{ReadCtx, WriteCtx};
use super::disclosure::Disclosure;
use super::documents::{blob_store, insert as insert_document};
use crate::access::Capability;
use crate::communications::{
    Attachment, Communication, Direction, FilingMethod, IngestNotice, NewCommunication,
    ParsedEmail, ParticipantRole, matter_references,
};
use crate::documents::NewDocument;
use crate::error::{LexcaseError, Result};
use crate::ids::{CommunicationId, ContactId, MatterId};
use crate::store::{Page, Paged, Staging};

/// The document category attachments are filed under.
pub const CORRESPONDENCE: &str = "correspondence";

/// What ingesting one email did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IngestOutcome {
    /// The stored communication (the earlier one when the message was already ingested).
    pub communication: Communication,
    /// Whether the Message-ID had been ingested before (nothing was written).
    pub duplicate: bool,
}

/// Communications. One filed to a matter follows the matter's visibility; recording, filing
/// and the unfiled queue need `edit_matters`.
#[derive(Debug)]
pub struct CommunicationService<'s> {
    session: &'s Session,
}

/// Files the attachments of a communication on `matter` as documents.
fn file_attachments(
    ctx: &mut WriteCtx<'_>,
    attachments: &mut [Attachment],
    matter: MatterId,
) -> Result<()> {
    for attachment in attachments.iter_mut().filter(|a| a.document.is_none()) {
        let doc = insert_document(
            ctx,
            NewDocument {
                matter,
                name: attachment.file_name.clone(),
                category: CORRESPONDENCE.into(),
                media_type: attachment.media_type.clone(),
            },
            attachment.hash.clone(),
            attachment.size,
            None,
        )?;
        attachment.document = Some(doc.id);
    }
    Ok(())
}

/// A communication as a viewer may see it: the candidates they may not see are left out, and
/// so is the count of matters that could hold it (counted over the matters its ingester could
/// see, it may count one hidden from this viewer) unless nothing is hidden from them.
fn as_seen(
    comm: &mut Communication,
    disclosure: &Disclosure<'_>,
    sees: impl Fn(MatterId) -> bool,
) -> Result<()> {
    comm.candidates.retain(|m| sees(*m));
    if comm
        .notices
        .iter()
        .any(|n| matches!(n, IngestNotice::CandidatesTruncated { .. }))
        && !disclosure.hides_nothing()?
    {
        comm.notices
            .retain(|n| !matches!(n, IngestNotice::CandidatesTruncated { .. }));
    }
    Ok(())
}

/// Matches participants' addresses to the firm's users and contacts, and tells the direction.
fn identify(ctx: &WriteCtx<'_>, comm: &mut Communication) -> Result<Vec<ContactId>> {
    let mut contacts = Vec::new();
    for p in &mut comm.participants {
        p.user = ctx.tx.user_by_email(&p.address)?.map(|u| u.id);
        let found = ctx.tx.contacts_with_email(&p.address)?;
        // An address shared by several contacts names none of them, but all count for filing.
        p.contact = match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        if p.user.is_none() {
            contacts.extend(found);
        }
    }
    let from_firm = comm
        .participants
        .iter()
        .any(|p| p.role == ParticipantRole::From && p.user.is_some());
    let all_firm = comm.participants.iter().all(|p| p.user.is_some());
    comm.direction = match (from_firm, all_firm) {
        (true, true) => Direction::Internal,
        (true, false) => Direction::Outbound,
        _ => Direction::Inbound,
    };
    contacts.sort();
    contacts.dedup();
    Ok(contacts)
}

/// The Message-IDs an email answers, nearest first: In-Reply-To, then References from the
/// newest back, each once.
fn thread_of(mail: &ParsedEmail) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for id in mail.in_reply_to.iter().chain(mail.references.iter().rev()) {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    ids
}

/// Where an email belongs: the matter of the nearest message of its thread that was sent from
/// or filed to a matter the actor may file to; else the first subject token that is the
/// number of such a matter; else the one live matter its outside participants are parties to;
/// else the queue, with the candidates.
fn filing_for(
    ctx: &WriteCtx<'_>,
    thread: &[String],
    subject: &str,
    contacts: &[ContactId],
) -> Result<Result<(MatterId, FilingMethod), Vec<MatterId>>> {
    for id in thread {
        if let Some(earlier) = ctx.tx.communication_by_message_id(id)?
            && let Some(matter) = earlier.matter
            && ctx
                .matter(matter)
                .is_ok_and(|m| m.ensure_editable().is_ok())
        {
            return Ok(Ok((matter, FilingMethod::Reply)));
        }
    }
    for token in matter_references(subject) {
        if let Some(matter) = ctx.tx.matter_by_number(&token)?
            && ctx.matter(matter.id).is_ok()
            && matter.ensure_editable().is_ok()
        {
            return Ok(Ok((matter.id, FilingMethod::Reference)));
        }
    }
    let candidates: Vec<MatterId> = ctx
        .tx
        .live_matters_with_parties(contacts)?
        .into_iter()
        .filter(|m| ctx.matter(*m).is_ok())
        .collect();
    Ok(match candidates.as_slice() {
        [one] => Ok((*one, FilingMethod::Parties)),
        _ => Err(candidates),
    })
}

impl<'s> CommunicationService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    pub(crate) fn session(&self) -> &'s Session {
        self.session
    }

    /// Records a call, letter, meeting or message (on a matter, or into the unfiled queue).
    pub fn record(&self, new: NewCommunication) -> Result<Communication> {
        self.session.write(|ctx| {
            ctx.require(Capability::EditMatters)?;
            if let Some(matter) = new.matter {
                ctx.matter(matter)?.ensure_editable()?;
            }
            for p in &new.participants {
                if let Some(user) = p.user {
                    ctx.active_user(user, "participants")?;
                }
                if let Some(contact) = p.contact {
                    ctx.contact(contact)?;
                }
            }
            let comm = Communication::create(new, FilingMethod::Recorded, ctx.actor.id, ctx.now)?;
            ctx.create(comm, "communication.recorded")
        })
    }

    /// Ingests one raw RFC 5322 message: keeps the original bytes and the attachments in the
    /// blob store, files it (a reply — its In-Reply-To or References name a message sent from
    /// or filed to a matter — to that matter, before any other rule; else a subject
    /// reference; else parties of exactly one live matter; else the unfiled queue with its
    /// candidates) and files attachments as `correspondence`
    /// documents. A Message-ID seen before returns the earlier communication and writes
    /// nothing; if the earlier one is on a matter the actor may not see it is a conflict (as
    /// when a concurrent ingest of the same message wins), never the communication.
    /// Malformed or cut-off mail is a validation error and writes nothing; what does not fit (a
    /// bad recipient address, a body over 1 MiB, more than 50 candidate matters) is shortened
    /// and listed in the communication's notices. The contents are written before the writer
    /// lock is taken and kept only if the message is filed.
    pub fn ingest_email(&self, raw: &[u8]) -> Result<IngestOutcome> {
        let mail = ParsedEmail::parse(raw)?;
        let mut staging = Staging::new(blob_store(self.session)?);
        let raw_hash = staging.add(raw)?;
        let attachments = mail
            .attachments
            .iter()
            .map(|a| {
                Ok(Attachment {
                    file_name: a.file_name.clone(),
                    media_type: a.media_type.clone(),
                    size: a.contents.len() as u64,
                    hash: staging.add(&a.contents)?,
                    document: None,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        self.session.write(|ctx| {
            ctx.require(Capability::EditMatters)?;
            if let Some(id) = &mail.message_id
                && let Some(mut earlier) = ctx.tx.communication_by_message_id(id)?
            {
                if let Some(matter) = earlier.matter
                    && ctx.matter(matter).is_err()
                {
                    return Err(LexcaseError::Conflict {
                        reason: "a message with this Message-ID was already ingested".into(),
                    });
                }
                as_seen(&mut earlier, &ctx.disclosure(), |m| ctx.matter(m).is_ok())?;
                return Ok(IngestOutcome {
                    communication: earlier,
                    duplicate: true,
                });
            }
            let new = NewCommunication {
                matter: None,
                channel: crate::communications::Channel::Email,
                direction: Direction::Inbound,
                occurred_at: mail.sent_at.unwrap_or(ctx.now),
                subject: mail.subject.clone(),
                body: mail.body.clone(),
                participants: mail.participants.clone(),
            };
            let mut comm =
                Communication::create(new, FilingMethod::Reference, ctx.actor.id, ctx.now)?;
            comm.message_id = mail.message_id.clone();
            comm.in_reply_to = mail.in_reply_to.clone();
            comm.raw = Some(raw_hash.clone());
            comm.notices = mail.notices.clone();
            comm.set_attachments(attachments.clone())?;
            let contacts = identify(ctx, &mut comm)?;
            match filing_for(ctx, &thread_of(&mail), &comm.subject, &contacts)? {
                Ok((matter, how)) => {
                    comm.file_to(matter, how, ctx.actor.id, ctx.now);
                    file_attachments(ctx, &mut comm.attachments, matter)?;
                }
                Err(candidates) => comm.set_candidates(candidates),
            }
            let communication = ctx.create(comm, "communication.ingested")?;
            staging.publish()?;
            Ok(IngestOutcome {
                communication,
                duplicate: false,
            })
        })
    }

    /// Files a communication from the unfiled queue to `matter` (its attachments become
    /// documents there). Filed communications are not moved; one filed to a matter the actor
    /// may not see is not found, as a missing one.
    pub fn file(
        &self,
        id: CommunicationId,
        expected_version: u64,
        matter: MatterId,
    ) -> Result<Communication> {
        self.session.write(|ctx| {
            ctx.require(Capability::EditMatters)?;
            ctx.matter(matter)?.ensure_editable()?;
            let before = ctx
                .tx
                .communication(id)?
                .ok_or_else(|| LexcaseError::not_found("communication"))?;
            if let Some(filed) = before.matter
                && ctx.matter(filed).is_err()
            {
                return Err(LexcaseError::not_found("communication"));
            }
            if before.matter.is_some() {
                return Err(LexcaseError::validation(
                    "matter",
                    "the communication is already filed",
                ));
            }
            let mut attachments = before.attachments.clone();
            file_attachments(ctx, &mut attachments, matter)?;
            let mut after =
                ctx.amend(before, expected_version, "communication.filed", |c, ctx| {
                    c.file_to(matter, FilingMethod::Manual, ctx.actor.id, ctx.now);
                    c.attachments = attachments;
                    Ok(())
                })?;
            as_seen(&mut after, &ctx.disclosure(), |_| true)?;
            Ok(after)
        })
    }

    fn visible(ctx: &ReadCtx<'_>, id: CommunicationId) -> Result<Communication> {
        let mut comm = ctx
            .tx
            .communication(id)?
            .ok_or_else(|| LexcaseError::not_found("communication"))?;
        match comm.matter {
            Some(matter) => {
                ctx.matter(matter)
                    .map_err(|_| LexcaseError::not_found("communication"))?;
            }
            None => ctx.actor.require(Capability::EditMatters)?,
        }
        as_seen(&mut comm, &ctx.disclosure(), |m| ctx.matter(m).is_ok())?;
        Ok(comm)
    }

    /// A communication by id.
    pub fn get(&self, id: CommunicationId) -> Result<Communication> {
        self.session.read(|ctx| Self::visible(ctx, id))
    }

    /// A matter's communications, newest first.
    pub fn of_matter(&self, matter: MatterId, page: Page) -> Result<Paged<Communication>> {
        self.session.read(|ctx| {
            ctx.matter(matter)?;
            let mut page = ctx.tx.communications_of_matter(matter, page)?;
            let disclosure = ctx.disclosure();
            for comm in &mut page.items {
                as_seen(comm, &disclosure, |_| true)?;
            }
            Ok(page)
        })
    }

    /// The unfiled queue, oldest first; candidates the actor may not see are left out.
    pub fn unfiled(&self, page: Page) -> Result<Paged<Communication>> {
        self.session.read(|ctx| {
            ctx.actor.require(Capability::EditMatters)?;
            let mut queue = ctx.tx.unfiled_communications(page)?;
            let disclosure = ctx.disclosure();
            for comm in &mut queue.items {
                as_seen(comm, &disclosure, |m| ctx.matter(m).is_ok())?;
            }
            Ok(queue)
        })
    }

    /// The original message bytes of an ingested email, verified against their hash.
    pub fn raw_message(&self, id: CommunicationId) -> Result<Vec<u8>> {
        let hash = self.get(id)?.raw.ok_or_else(|| {
            LexcaseError::validation("communication", "it was not ingested from an email")
        })?;
        blob_store(self.session)?.get(&hash)
    }

    /// The contents of attachment `index`, verified against their hash.
    pub fn attachment(&self, id: CommunicationId, index: usize) -> Result<Vec<u8>> {
        let comm = self.get(id)?;
        let attachment = comm
            .attachments
            .get(index)
            .ok_or_else(|| LexcaseError::not_found("attachment"))?;
        blob_store(self.session)?.get(&attachment.hash)
    }
}
