//! Outgoing email: what a caller asks to send from a matter, and the RFC 5322 message built
//! for it (with `mail-builder`).

use chrono::{DateTime, Utc};
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::message_id::MessageId;

use super::Envelope;
use crate::error::{LexcaseError, Result};
use crate::ids::{BillId, CommunicationId, ContactId, DocumentId, MatterId, PartyId};
use crate::templates::OutputFormat;

/// The most recipients (To, Cc and Bcc together) one message may have.
pub const MAX_RECIPIENTS: usize = 100;
/// The most attachments one message may have.
pub const MAX_OUTBOUND_ATTACHMENTS: usize = 20;

/// Who an email goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Recipient {
    /// A party to the matter, at their first email address.
    Party(#[cfg_attr(feature = "uniffi", uniffi(name = "party"))] PartyId),
    /// A contact, at their first email address.
    Contact(#[cfg_attr(feature = "uniffi", uniffi(name = "contact"))] ContactId),
    /// Any address.
    Address {
        /// Display name (may be empty).
        name: String,
        /// The address.
        email: String,
    },
}

/// A file to attach.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum OutboundAttachment {
    /// A document of the matter (a version of it; the latest with `None`).
    Document {
        /// The document.
        document: DocumentId,
        /// The version number.
        version: Option<u32>,
    },
    /// A document rendered now from a template (filed to the matter with the send); an issued
    /// bill's kept rendering is attached as kept.
    Rendered {
        /// The template id.
        template: String,
        /// The format.
        format: OutputFormat,
        /// The bill it renders (invoices), if any.
        bill: Option<BillId>,
    },
}

/// An email to send from a matter.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OutboundEmail {
    /// The matter it is sent from (and filed to).
    pub matter: MatterId,
    /// Addressees.
    pub to: Vec<Recipient>,
    /// Copied.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cc: Vec<Recipient>,
    /// Blind-copied (in the envelope, not the headers).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bcc: Vec<Recipient>,
    /// An email template (kind `email`) for the subject and body; else `subject` and `body`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub template: Option<String>,
    /// The subject, when no template gives it.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub subject: Option<String>,
    /// The plain-text body, when no template gives it.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub body: Option<String>,
    /// A bill the template may name (`bill.*`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bill: Option<BillId>,
    /// Files to attach.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub attachments: Vec<OutboundAttachment>,
    /// A communication of the matter this answers (sets In-Reply-To and References).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub in_reply_to: Option<CommunicationId>,
}

impl OutboundEmail {
    /// An email from `matter` to `to` with a subject and a plain-text body.
    pub fn new(matter: MatterId, to: Vec<Recipient>, subject: &str, body: &str) -> Self {
        Self {
            matter,
            to,
            cc: Vec::new(),
            bcc: Vec::new(),
            template: None,
            subject: Some(subject.to_owned()),
            body: Some(body.to_owned()),
            bill: None,
            attachments: Vec::new(),
            in_reply_to: None,
        }
    }
}

/// A named address of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Mailbox {
    /// Display name (may be empty).
    pub name: String,
    /// The address.
    pub email: String,
    /// The contact it belongs to, if known.
    pub contact: Option<ContactId>,
}

/// A file of a composed message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ComposedAttachment {
    /// File name.
    pub file_name: String,
    /// Media type.
    pub media_type: String,
    /// The contents.
    pub bytes: Vec<u8>,
    /// The matter document it is (for attached documents).
    pub document: Option<DocumentId>,
}

/// Everything an outgoing message is made of, and the message itself.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ComposedEmail {
    /// The Message-ID, without angle brackets (in the firm's domain).
    pub message_id: String,
    /// The sender (the acting user).
    pub from: Mailbox,
    /// Addressees.
    pub to: Vec<Mailbox>,
    /// Copied.
    pub cc: Vec<Mailbox>,
    /// Blind-copied.
    pub bcc: Vec<Mailbox>,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// HTML body, when the template has one.
    pub html: Option<String>,
    /// Attachments.
    pub attachments: Vec<ComposedAttachment>,
    /// The Message-ID it replies to.
    pub in_reply_to: Option<String>,
    /// The thread it continues (oldest first), ending with `in_reply_to`.
    pub references: Vec<String>,
    /// When it is dated.
    pub date: DateTime<Utc>,
    /// The RFC 5322 message, exactly as it is handed to the transport.
    pub raw: Vec<u8>,
}

/// A Message-ID in `domain`: a UUID v7 (unique and time-ordered) at the domain.
pub fn new_message_id(domain: &str) -> String {
    format!("{}@{}", uuid::Uuid::now_v7().simple(), domain)
}

/// Line endings as RFC 5322 wants them (CRLF), whatever the template wrote.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

fn addresses(list: &[Mailbox]) -> Address<'static> {
    Address::new_list(
        list.iter()
            .map(|m| {
                Address::new_address(
                    Some(m.name.clone()).filter(|n| !n.is_empty()),
                    m.email.clone(),
                )
            })
            .collect(),
    )
}

impl ComposedEmail {
    /// The SMTP envelope: from the sender, to every recipient once.
    pub fn envelope(&self) -> Envelope {
        let mut to: Vec<String> = Vec::new();
        for m in self.to.iter().chain(&self.cc).chain(&self.bcc) {
            if !to.iter().any(|t| t.eq_ignore_ascii_case(&m.email)) {
                to.push(m.email.clone());
            }
        }
        Envelope {
            from: self.from.email.clone(),
            to,
        }
    }

    /// Builds [`ComposedEmail::raw`] from the other fields: headers (Message-ID, Date, From,
    /// To, Cc, Subject, In-Reply-To, References; no Bcc), a text body, an HTML alternative and
    /// the attachments, CRLF line endings throughout.
    pub fn build(&mut self) -> Result<()> {
        if self.to.is_empty() && self.cc.is_empty() && self.bcc.is_empty() {
            return Err(LexcaseError::validation("to", "an email needs a recipient"));
        }
        let mut message = MessageBuilder::new()
            .message_id(self.message_id.clone())
            .date(self.date.timestamp())
            .from(addresses(std::slice::from_ref(&self.from)))
            .subject(self.subject.clone())
            .text_body(crlf(&self.text));
        if !self.to.is_empty() {
            message = message.to(addresses(&self.to));
        }
        if !self.cc.is_empty() {
            message = message.cc(addresses(&self.cc));
        }
        if let Some(parent) = &self.in_reply_to {
            message = message
                .in_reply_to(MessageId::new(parent.clone()))
                .references(MessageId::new_list(self.references.iter().cloned()));
        }
        if let Some(html) = &self.html {
            message = message.html_body(crlf(html));
        }
        for a in &self.attachments {
            message =
                message.attachment(a.media_type.clone(), a.file_name.clone(), a.bytes.clone());
        }
        self.raw = message
            .write_to_vec()
            .map_err(|_| LexcaseError::storage("the message could not be written"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::communications::ParsedEmail;

    fn mailbox(name: &str, email: &str) -> Mailbox {
        Mailbox {
            name: name.into(),
            email: email.into(),
            contact: None,
        }
    }

    #[test]
    fn builds_a_message_that_reads_back() {
        let mut mail = ComposedEmail {
            message_id: new_message_id("smith.example"),
            from: mailbox("Ada Admin", "ada@smith.example"),
            to: vec![mailbox("José García", "jose@example.com")],
            cc: vec![],
            bcc: vec![mailbox("", "file@smith.example")],
            subject: "SMI-0001: Purchase – completion".into(),
            text: "Dear José,\nPlease find the invoice attached.\n".into(),
            html: Some("<p>Dear José,</p>".into()),
            attachments: vec![ComposedAttachment {
                file_name: "Invoice INV000001.pdf".into(),
                media_type: "application/pdf".into(),
                bytes: b"%PDF-1.7\n".to_vec(),
                document: None,
            }],
            in_reply_to: Some("prev@example.com".into()),
            references: vec!["first@example.com".into(), "prev@example.com".into()],
            date: DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
            raw: Vec::new(),
        };
        mail.build().unwrap();
        let text = String::from_utf8_lossy(&mail.raw);
        assert!(!text.contains("file@smith.example"), "Bcc is not a header");
        assert!(text.lines().all(|l| l.len() <= 998));
        let parsed = ParsedEmail::parse(&mail.raw).unwrap();
        assert_eq!(parsed.message_id.as_deref(), Some(mail.message_id.as_str()));
        assert_eq!(parsed.subject, mail.subject);
        assert_eq!(parsed.in_reply_to.as_deref(), Some("prev@example.com"));
        assert_eq!(
            parsed.references,
            vec!["first@example.com", "prev@example.com"]
        );
        assert_eq!(parsed.attachments.len(), 1);
        assert_eq!(parsed.attachments[0].contents, b"%PDF-1.7\n");
        assert_eq!(
            mail.envelope().to,
            vec!["jose@example.com", "file@smith.example"]
        );
    }
}
