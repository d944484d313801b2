//! Reading raw RFC 5322 messages (MIME multipart, encoded words, attachments) with
//! `mail-parser`.

use chrono::{DateTime, Utc};
use mail_parser::{Address, MessageParser, MimeHeaders};

use super::{Participant, ParticipantRole};
use crate::documents::media_type;
use crate::error::{LexcaseError, Result};

/// The largest message accepted (50 MiB).
pub const MAX_EMAIL_SIZE: usize = 50 * 1024 * 1024;

/// A file attached to an email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAttachment {
    /// File name (`attachment-N` when the sender gave none).
    pub file_name: String,
    /// Media type (`application/octet-stream` when unknown).
    pub media_type: String,
    /// Decoded contents.
    pub contents: Vec<u8>,
}

/// What lexcase keeps of an email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedEmail {
    /// Message-ID without angle brackets.
    pub message_id: Option<String>,
    /// The Message-ID it replies to.
    pub in_reply_to: Option<String>,
    /// When it was sent (the Date header); `None` when absent.
    pub sent_at: Option<DateTime<Utc>>,
    /// Decoded subject.
    pub subject: String,
    /// The plain-text body (from the HTML part when there is no text part).
    pub body: String,
    /// Sender and recipients, in header order (From, To, Cc, Bcc).
    pub participants: Vec<Participant>,
    /// Attachments.
    pub attachments: Vec<EmailAttachment>,
}

fn malformed(reason: impl Into<String>) -> LexcaseError {
    LexcaseError::validation("email", reason)
}

fn participants(role: ParticipantRole, address: Option<&Address<'_>>) -> Result<Vec<Participant>> {
    let Some(address) = address else {
        return Ok(Vec::new());
    };
    address
        .iter()
        .filter_map(|a| a.address.as_deref().map(|addr| (a.name.as_deref(), addr)))
        .map(|(name, addr)| {
            let addr = crate::validate::email("address", addr).map_err(|_| {
                LexcaseError::refused(
                    "email",
                    format!("a {role} address is not an email address"),
                    crate::ErrorDetail::Address {
                        address: addr.to_owned(),
                    },
                )
            })?;
            Participant::new(role, name.unwrap_or(""), &addr)
        })
        .collect()
}

/// The control characters a stored line may not hold (tabs and newlines become spaces).
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

impl ParsedEmail {
    /// Parses a raw message. Empty input, input over [`MAX_EMAIL_SIZE`], bytes that are not
    /// an RFC 5322 message, a message without a From address, or an address that is not an
    /// email address are validation errors (field `email`).
    pub fn parse(raw: &[u8]) -> Result<Self> {
        if raw.iter().all(u8::is_ascii_whitespace) {
            return Err(malformed("the message is empty"));
        }
        if raw.len() > MAX_EMAIL_SIZE {
            return Err(malformed("the message is larger than 50 MiB"));
        }
        let message = MessageParser::default()
            .parse(raw)
            .ok_or_else(|| malformed("not an RFC 5322 message"))?;
        let mut people = participants(ParticipantRole::From, message.from())?;
        if people.is_empty() {
            return Err(malformed("the message has no From address"));
        }
        people.extend(participants(ParticipantRole::To, message.to())?);
        people.extend(participants(ParticipantRole::Cc, message.cc())?);
        people.extend(participants(ParticipantRole::Bcc, message.bcc())?);
        let sent_at = match message.date() {
            Some(d) if d.is_valid() => Some(
                DateTime::from_timestamp(d.to_timestamp(), 0)
                    .ok_or_else(|| malformed("the Date header is out of range"))?,
            ),
            Some(_) => return Err(malformed("the Date header is not a valid date")),
            None => None,
        };
        let body = message
            .body_text(0)
            .map(|b| b.replace("\r\n", "\n"))
            .unwrap_or_default();
        let attachments = message
            .attachments()
            .enumerate()
            .map(|(i, part)| {
                let declared = part.content_type().map(|ct| match ct.subtype() {
                    Some(sub) => format!("{}/{}", ct.ctype(), sub),
                    None => ct.ctype().to_owned(),
                });
                EmailAttachment {
                    file_name: part
                        .attachment_name()
                        .map(one_line)
                        .filter(|n| !n.is_empty())
                        .unwrap_or_else(|| format!("attachment-{}", i + 1)),
                    media_type: declared
                        .and_then(|m| media_type(&m).ok())
                        .unwrap_or_else(|| "application/octet-stream".into()),
                    contents: part.contents().to_vec(),
                }
            })
            .collect();
        Ok(Self {
            message_id: message.message_id().map(one_line).filter(|m| !m.is_empty()),
            in_reply_to: message.in_reply_to().as_text().map(one_line),
            sent_at,
            subject: message.subject().map(one_line).unwrap_or_default(),
            body: body
                .chars()
                .filter(|c| !c.is_control() || c.is_whitespace())
                .collect(),
            participants: people,
            attachments,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MULTIPART: &str = "From: =?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?= <jose@example.com>\r\n\
To: Alice Smith <alice@firm.example>, bob@firm.example\r\n\
Cc: <carol@example.org>\r\n\
Subject: =?UTF-8?B?UmU6IFtTTUktMDAwMV0gQ29tcGxldGlvbiDigJMgZGF0ZQ==?=\r\n\
Date: Thu, 26 Nov 2026 16:05:00 +0000\r\n\
Message-ID: <abc123@example.com>\r\n\
In-Reply-To: <prev@firm.example>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\
\r\n\
--XYZ\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
Completion can be on Friday.\r\n\
--XYZ\r\n\
Content-Type: application/pdf; name=\"TA6.pdf\"\r\n\
Content-Disposition: attachment; filename=\"TA6.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQK\r\n\
--XYZ--\r\n";

    #[test]
    fn reads_headers_encoded_words_body_and_attachments() {
        let mail = ParsedEmail::parse(MULTIPART.as_bytes()).unwrap();
        assert_eq!(mail.subject, "Re: [SMI-0001] Completion – date");
        assert_eq!(mail.message_id.as_deref(), Some("abc123@example.com"));
        assert_eq!(mail.in_reply_to.as_deref(), Some("prev@firm.example"));
        assert_eq!(
            mail.sent_at.unwrap().to_rfc3339(),
            "2026-11-26T16:05:00+00:00"
        );
        assert_eq!(mail.body.trim(), "Completion can be on Friday.");
        let roles: Vec<_> = mail
            .participants
            .iter()
            .map(|p| (p.role, p.address.as_str()))
            .collect();
        assert_eq!(
            roles,
            vec![
                (ParticipantRole::From, "jose@example.com"),
                (ParticipantRole::To, "alice@firm.example"),
                (ParticipantRole::To, "bob@firm.example"),
                (ParticipantRole::Cc, "carol@example.org"),
            ]
        );
        assert_eq!(mail.participants[0].name, "José García");
        assert_eq!(mail.attachments.len(), 1);
        assert_eq!(mail.attachments[0].file_name, "TA6.pdf");
        assert_eq!(mail.attachments[0].media_type, "application/pdf");
        assert_eq!(mail.attachments[0].contents, b"%PDF-1.4\n");
    }

    #[test]
    fn malformed_mail_is_a_typed_error() {
        for raw in [
            &b""[..],
            b"   \r\n",
            b"Subject: no sender\r\n\r\nbody",
            b"From: not an address\r\nSubject: x\r\n\r\nbody",
        ] {
            let err = ParsedEmail::parse(raw).unwrap_err();
            assert_eq!(err.code(), crate::ErrorCode::Validation, "{raw:?}");
        }
    }
}
