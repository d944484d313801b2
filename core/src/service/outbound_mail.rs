//! Sending email from a matter: composing it (recipients, a subject and body from a firm
//! template, attachments from the matter's documents or rendered now), handing it to a
//! transport, and recording exactly what was sent on the matter.

use std::sync::Arc;

use super::Session;
use super::communications::CommunicationService;
use super::context::ReadCtx;
use super::documents::blob_store;
use super::rendering::{
    FileAs, Output, Prepared, RenderSubject, prepare, produce, record, render_part,
};
use super::templates::{engine_of, letterhead_of, usable};
use crate::access::Capability;
use crate::communications::{
    Attachment, Channel, Communication, ComposedAttachment, ComposedEmail, Direction, FilingMethod,
    MAX_OUTBOUND_ATTACHMENTS, MAX_RECIPIENTS, MailTransport, Mailbox, NewCommunication,
    OutboundAttachment, OutboundEmail, Participant, ParticipantRole, Recipient, new_message_id,
};
use crate::documents::{ContentHash, Document};
use crate::error::{LexcaseError, Result};
use crate::matters::Matter;
use crate::store::Staging;
use crate::templates::{TemplateEngine, TemplateKind, TemplatePart};
use crate::validate;

/// What sending an email did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SentEmail {
    /// The outgoing communication filed to the matter (its `raw` is the hash of the bytes
    /// sent, kept in the blob store).
    pub communication: Communication,
    /// The message as sent.
    pub message: ComposedEmail,
    /// Documents rendered for it and filed to the matter.
    pub documents: Vec<Document>,
}

/// A composed message with what recording it needs.
struct Draft {
    message: ComposedEmail,
    /// The rendered attachments, by their index in `message.attachments`.
    rendered: Vec<(usize, Prepared)>,
    communication: Communication,
}

/// The first email address of a contact.
fn contact_mailbox(ctx: &ReadCtx<'_>, contact: crate::ContactId, field: &str) -> Result<Mailbox> {
    let contact = ctx
        .tx
        .contact(contact)?
        .ok_or_else(|| LexcaseError::not_found("contact"))?;
    let email = contact
        .emails
        .first()
        .ok_or_else(|| LexcaseError::validation(field, "the contact has no email address"))?;
    Ok(Mailbox {
        name: contact.display_name(),
        email: email.address.clone(),
        contact: Some(contact.id),
    })
}

fn mailboxes(
    ctx: &ReadCtx<'_>,
    matter: &Matter,
    list: &[Recipient],
    field: &str,
) -> Result<Vec<Mailbox>> {
    list.iter()
        .enumerate()
        .map(|(i, recipient)| {
            let field = format!("{field}[{i}]");
            match recipient {
                Recipient::Party(party) => {
                    let contact = matter.party(*party)?.contact;
                    contact_mailbox(ctx, contact, &field)
                }
                Recipient::Contact(contact) => contact_mailbox(ctx, *contact, &field),
                Recipient::Address { name, email } => {
                    let email = validate::email(&field, email)?;
                    let found = ctx.tx.contacts_with_email(&email)?;
                    Ok(Mailbox {
                        name: validate::optional_line(&field, name)?.unwrap_or_default(),
                        email,
                        contact: match found.as_slice() {
                            [one] => Some(*one),
                            _ => None,
                        },
                    })
                }
            }
        })
        .collect()
}

fn participants(ctx: &ReadCtx<'_>, message: &ComposedEmail) -> Result<Vec<Participant>> {
    let mut out = vec![Participant {
        user: Some(ctx.actor.id),
        ..Participant::new(
            ParticipantRole::From,
            &message.from.name,
            &message.from.email,
        )?
    }];
    for (role, list) in [
        (ParticipantRole::To, &message.to),
        (ParticipantRole::Cc, &message.cc),
        (ParticipantRole::Bcc, &message.bcc),
    ] {
        for m in list {
            out.push(Participant {
                user: ctx.tx.user_by_email(&m.email)?.map(|u| u.id),
                contact: m.contact,
                ..Participant::new(role, &m.name, &m.email)?
            });
        }
    }
    Ok(out)
}

fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).into_owned()
}

impl CommunicationService<'_> {
    /// Reads and renders everything the message needs, and builds it.
    fn draft(&self, email: &OutboundEmail) -> Result<Draft> {
        let session: &Session = self.session();
        let needs_engine = email.template.is_some()
            || email
                .attachments
                .iter()
                .any(|a| matches!(a, OutboundAttachment::Rendered { .. }));
        let engine: Option<Arc<dyn TemplateEngine>> = if needs_engine {
            Some(engine_of(session)?)
        } else {
            None
        };
        let today = session.firm().today()?;
        let date = session.firm().now();
        let blobs = session.firm().blobs().cloned();
        validate::bounded(
            "to",
            &[&email.to[..], &email.cc, &email.bcc].concat(),
            MAX_RECIPIENTS,
        )?;
        validate::bounded("attachments", &email.attachments, MAX_OUTBOUND_ATTACHMENTS)?;
        // Everything read from one snapshot; rendering happens after it is released.
        struct Read {
            message: ComposedEmail,
            body: Option<Prepared>,
            rendered: Vec<(usize, Prepared)>,
            documents: Vec<(usize, ContentHash)>,
            participants: Vec<Participant>,
        }
        let read = session.read(|ctx| {
            ctx.actor.require(Capability::EditMatters)?;
            let matter = ctx.matter(email.matter)?;
            matter.ensure_editable()?;
            if let Some(bill) = email.bill {
                let bill = super::bills::BillService::visible(ctx, bill)?;
                if !bill.matters.contains(&matter.id) {
                    return Err(LexcaseError::validation(
                        "bill",
                        "the bill is not on this matter",
                    ));
                }
            }
            let domain = match letterhead_of(ctx)?.mail_domain {
                Some(d) => d,
                None => ctx
                    .actor
                    .email
                    .rsplit_once('@')
                    .map(|(_, d)| d.to_owned())
                    .ok_or_else(|| LexcaseError::validation("from", "the sender has no domain"))?,
            };
            let (in_reply_to, references) = match email.in_reply_to {
                Some(id) => {
                    let parent = ctx
                        .tx
                        .communication(id)?
                        .filter(|c| c.matter == Some(matter.id))
                        .ok_or_else(|| LexcaseError::not_found("communication"))?;
                    let id = parent.message_id.clone().ok_or_else(|| {
                        LexcaseError::validation(
                            "in_reply_to",
                            "the communication has no Message-ID",
                        )
                    })?;
                    let refs = parent
                        .in_reply_to
                        .iter()
                        .cloned()
                        .chain([id.clone()])
                        .collect();
                    (Some(id), refs)
                }
                None => (None, Vec::new()),
            };
            let subject_of = |bill: Option<crate::BillId>| match bill {
                Some(b) => RenderSubject::Bill(b),
                None => RenderSubject::Matter(matter.id),
            };
            let body = match &email.template {
                Some(id) => {
                    let template = usable(ctx.tx, id, None)?;
                    if template.kind != TemplateKind::Email {
                        return Err(LexcaseError::validation(
                            "template",
                            "an email is written from an email template",
                        ));
                    }
                    Some(prepare(
                        ctx,
                        template,
                        &subject_of(email.bill),
                        crate::templates::OutputFormat::Text,
                        today,
                    )?)
                }
                None => None,
            };
            let mut rendered = Vec::new();
            let mut documents = Vec::new();
            let mut attachments = Vec::new();
            for (i, attachment) in email.attachments.iter().enumerate() {
                match attachment {
                    OutboundAttachment::Document { document, version } => {
                        let doc = ctx
                            .tx
                            .document(*document)?
                            .filter(|d| d.matter == matter.id)
                            .ok_or_else(|| LexcaseError::not_found("document"))?;
                        let v = doc.version_of(*version)?;
                        documents.push((i, v.hash.clone()));
                        attachments.push(ComposedAttachment {
                            file_name: doc.name.clone(),
                            media_type: v.media_type.clone(),
                            bytes: Vec::new(),
                            document: Some(doc.id),
                        });
                    }
                    OutboundAttachment::Rendered {
                        template,
                        format,
                        bill,
                    } => {
                        let template = usable(ctx.tx, template, None)?;
                        let prepared = prepare(ctx, template, &subject_of(*bill), *format, today)?;
                        attachments.push(ComposedAttachment {
                            file_name: format!("{}.{}", prepared.stem, format.extension()),
                            media_type: format.media_type().to_owned(),
                            bytes: Vec::new(),
                            document: None,
                        });
                        rendered.push((i, prepared));
                    }
                }
            }
            let message = ComposedEmail {
                message_id: new_message_id(&domain),
                from: Mailbox {
                    name: ctx.actor.name.clone(),
                    email: ctx.actor.email.clone(),
                    contact: None,
                },
                to: mailboxes(ctx, &matter, &email.to, "to")?,
                cc: mailboxes(ctx, &matter, &email.cc, "cc")?,
                bcc: mailboxes(ctx, &matter, &email.bcc, "bcc")?,
                subject: String::new(),
                text: String::new(),
                html: None,
                attachments,
                in_reply_to,
                references,
                date,
                raw: Vec::new(),
            };
            let participants = participants(ctx, &message)?;
            Ok(Read {
                message,
                body,
                rendered,
                documents,
                participants,
            })
        })?;
        let Read {
            mut message,
            body,
            rendered,
            documents,
            participants,
        } = read;
        match (&body, &engine) {
            (Some(prepared), Some(engine)) => {
                let part = |p| render_part(&**engine, &prepared.template, p, &prepared.model);
                message.subject = text_of(part(TemplatePart::Subject)?);
                message.text = text_of(part(TemplatePart::Text)?);
                if prepared.template.html.is_some() {
                    message.html = Some(text_of(part(TemplatePart::Html)?));
                }
            }
            _ => {
                message.subject = email.subject.clone().unwrap_or_default();
                message.text = email.body.clone().unwrap_or_default();
            }
        }
        message.subject = validate::required_line("subject", message.subject.trim())?;
        if let Some(engine) = &engine {
            for (i, prepared) in &rendered {
                let format = email.attachments.get(*i).and_then(|a| match a {
                    OutboundAttachment::Rendered { format, .. } => Some(*format),
                    OutboundAttachment::Document { .. } => None,
                });
                let Some(format) = format else { continue };
                let (bytes, _) = produce(&**engine, blobs.as_ref(), prepared, format)?;
                if let Some(a) = message.attachments.get_mut(*i) {
                    a.bytes = bytes;
                }
            }
        }
        if !documents.is_empty() {
            let blobs = blob_store(session)?;
            for (i, hash) in documents {
                if let Some(a) = message.attachments.get_mut(i) {
                    a.bytes = blobs.get(&hash)?;
                }
            }
        }
        message.build()?;
        let communication = Communication::create(
            NewCommunication {
                matter: Some(email.matter),
                channel: Channel::Email,
                direction: Direction::Outbound,
                occurred_at: message.date,
                subject: message.subject.clone(),
                body: message.text.clone(),
                participants,
            },
            FilingMethod::Sent,
            session.actor_id(),
            date,
        )?;
        Ok(Draft {
            message,
            rendered,
            communication,
        })
    }

    /// Composes an email on a matter without sending or recording it: the recipients (parties,
    /// contacts or any address, each checked), the subject and body (from an email template
    /// and the merge model, or as given), the attachments (matter documents, or documents
    /// rendered now), and the RFC 5322 message with a Message-ID in the firm's domain
    /// ([`crate::templates::Letterhead::mail_domain`], else the sender's). Needs
    /// `edit_matters` on an editable matter.
    pub fn compose_email(&self, email: &OutboundEmail) -> Result<ComposedEmail> {
        Ok(self.draft(email)?.message)
    }

    /// Sends an email from a matter through the firm's mail transport
    /// ([`crate::service::Firm::with_mail_transport`]); see
    /// [`CommunicationService::send_email_with`].
    pub fn send_email(&self, email: &OutboundEmail) -> Result<SentEmail> {
        let transport = self
            .session()
            .firm()
            .mail_transport()
            .cloned()
            .ok_or_else(|| {
                LexcaseError::validation("transport", "this firm has no mail transport configured")
            })?;
        self.send_email_with(email, &*transport)
    }

    /// Composes an email (as [`CommunicationService::compose_email`]), hands it to
    /// `transport`, and records it on the matter as an outgoing communication (filed as
    /// `sent`) with the exact bytes sent kept in the blob store, rendered attachments filed as
    /// documents (an issued bill's rendering kept), all in one audited command.
    ///
    /// The message is sent before the command writes (the transport may be slow, or the
    /// caller's own code): a transport failure is [`LexcaseError::Delivery`] and records
    /// nothing at all, so a send is on the matter exactly when it left.
    pub fn send_email_with(
        &self,
        email: &OutboundEmail,
        transport: &dyn MailTransport,
    ) -> Result<SentEmail> {
        let Draft {
            message,
            rendered,
            mut communication,
        } = self.draft(email)?;
        // Staged before the send and the write, published as the write's last step: a failed
        // send or a refused command leaves nothing readable behind. A matter document's
        // contents are published already.
        let mut staging = Staging::new(blob_store(self.session())?);
        let raw = staging.add(&message.raw)?;
        let mut hashes = Vec::with_capacity(message.attachments.len());
        for a in &message.attachments {
            hashes.push(match a.document {
                Some(_) => ContentHash::of(&a.bytes),
                None => staging.add(&a.bytes)?,
            });
        }
        transport.send(&message.envelope(), &message.raw)?;
        let matter = email.matter;
        self.session().write(|ctx| {
            ctx.tx
                .matter(matter)?
                .ok_or_else(|| LexcaseError::not_found("matter"))?;
            let mut documents = Vec::new();
            let mut attachments = Vec::new();
            for (i, (a, hash)) in message.attachments.iter().zip(&hashes).enumerate() {
                let mut document = a.document;
                if let Some((_, prepared)) = rendered.iter().find(|(j, _)| *j == i) {
                    let format = match email.attachments.get(i) {
                        Some(OutboundAttachment::Rendered { format, .. }) => *format,
                        _ => continue,
                    };
                    let output = Output {
                        format,
                        hash,
                        size: a.bytes.len() as u64,
                        text: None,
                        file_name: &a.file_name,
                    };
                    let (_, doc) = record(ctx, prepared, &output, Some(&FileAs::default()))?;
                    if let Some(doc) = doc {
                        document = Some(doc.id);
                        documents.push(doc);
                    }
                }
                attachments.push(Attachment {
                    file_name: a.file_name.clone(),
                    media_type: a.media_type.clone(),
                    size: a.bytes.len() as u64,
                    hash: hash.clone(),
                    document,
                });
            }
            communication.set_attachments(attachments)?;
            communication.message_id = Some(message.message_id.clone());
            communication.in_reply_to = message.in_reply_to.clone();
            communication.raw = Some(raw.clone());
            communication.recorded_at = ctx.now;
            communication.filed_at = Some(ctx.now);
            let communication = ctx.create(communication.clone(), "communication.sent")?;
            staging.publish()?;
            Ok(SentEmail {
                communication,
                message: message.clone(),
                documents,
            })
        })
    }
}
