//! Reading raw RFC 5322 messages (MIME multipart, encoded words, attachments) with
//! `mail-parser`.

use chrono::{DateTime, Utc};
use mail_parser::{Address, Message, MessageParser, MimeHeaders};

use super::communication::{MAX_BODY, MAX_PARTICIPANTS};
use super::{IngestNotice, Participant, ParticipantRole};
use crate::documents::media_type;
use crate::error::{LexcaseError, Result};
use crate::validate;

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
    /// What was left out or shortened.
    pub notices: Vec<IngestNotice>,
}

fn malformed(reason: impl Into<String>) -> LexcaseError {
    LexcaseError::validation("email", reason)
}

/// The participants under one header. A sender whose address is not an email address
/// refuses the message; a recipient's is left out and noted.
fn participants(
    role: ParticipantRole,
    address: Option<&Address<'_>>,
    notices: &mut Vec<IngestNotice>,
) -> Result<Vec<Participant>> {
    let Some(address) = address else {
        return Ok(Vec::new());
    };
    let mut people = Vec::new();
    for (name, addr) in address
        .iter()
        .filter_map(|a| a.address.as_deref().map(|addr| (a.name.as_deref(), addr)))
    {
        match crate::validate::email("address", addr) {
            Ok(valid) => people.push(Participant::new(
                role,
                &clip(&one_line(name.unwrap_or("")), validate::MAX_LINE),
                &valid,
            )?),
            Err(_) if role == ParticipantRole::From => {
                return Err(LexcaseError::refused(
                    "email",
                    format!("a {role} address is not an email address"),
                    crate::ErrorDetail::Address {
                        address: addr.to_owned(),
                    },
                ));
            }
            Err(_) => notices.push(IngestNotice::AddressSkipped {
                role,
                address: clip(&one_line(addr), validate::MAX_LINE),
            }),
        }
    }
    Ok(people)
}

/// The control characters a stored line may not hold (tabs and newlines become spaces).
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// At most `max` characters of `text`.
fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// A file name of at most `max` characters that keeps its extension.
fn clip_file_name(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_owned();
    }
    match name.rsplit_once('.') {
        Some((stem, ext)) if ext.chars().count() < max / 2 => {
            format!("{}.{ext}", clip(stem, max - ext.chars().count() - 1))
        }
        _ => clip(name, max),
    }
}

/// A body as stored: line ends as `\n`, form feeds and vertical tabs as line breaks, tabs
/// kept, every other control character dropped.
fn normalised_body(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\u{b}' | '\u{c}' => out.push('\n'),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The first `max` bytes of `text`, cut at a character boundary.
fn truncated(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// Refuses a message that was cut off or damaged in transit: a multipart body whose closing
/// boundary never comes (RFC 2046 5.1.1), or a part that cannot be decoded.
fn complete(message: &Message<'_>, raw: &[u8]) -> Result<()> {
    for (i, part) in message.parts.iter().enumerate() {
        if part.is_encoding_problem {
            let name = part
                .attachment_name()
                .map(|n| format!(" ({})", clip(&one_line(n), 80)))
                .unwrap_or_default();
            return Err(malformed(format!(
                "the message is cut off or damaged: part {}{name} cannot be decoded",
                i + 1
            )));
        }
        let boundary = part
            .content_type()
            .filter(|ct| ct.ctype().eq_ignore_ascii_case("multipart"))
            .and_then(|ct| ct.attribute("boundary"));
        if let Some(boundary) = boundary {
            let close = format!("--{boundary}--");
            let from = (part.offset_body as usize).min(raw.len());
            if memchr::memmem::find(&raw[from..], close.as_bytes()).is_none() {
                return Err(malformed(
                    "the message is cut off: a multipart body never reaches its closing boundary",
                ));
            }
        }
    }
    Ok(())
}

impl ParsedEmail {
    /// Parses a raw message. Empty input, input over [`MAX_EMAIL_SIZE`], bytes that are not
    /// an RFC 5322 message, a message cut off or damaged in transit, a message without a From
    /// address, or a sender whose address is not an email address are validation errors
    /// (field `email`). What does not fit is shortened and noted in
    /// [`notices`](Self::notices): a recipient address that is not an email address, a body
    /// over 1 MiB, a subject over 300 characters, more than 500 participants.
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
        complete(&message, raw)?;
        let mut notices = Vec::new();
        let mut people = participants(ParticipantRole::From, message.from(), &mut notices)?;
        if people.is_empty() {
            return Err(malformed("the message has no From address"));
        }
        people.extend(participants(
            ParticipantRole::To,
            message.to(),
            &mut notices,
        )?);
        people.extend(participants(
            ParticipantRole::Cc,
            message.cc(),
            &mut notices,
        )?);
        people.extend(participants(
            ParticipantRole::Bcc,
            message.bcc(),
            &mut notices,
        )?);
        if people.len() > MAX_PARTICIPANTS {
            notices.push(IngestNotice::ParticipantsTruncated {
                found: people.len() as u64,
            });
            people.truncate(MAX_PARTICIPANTS);
        }
        let sent_at = match message.date() {
            Some(d) if d.is_valid() => Some(
                DateTime::from_timestamp(d.to_timestamp(), 0)
                    .ok_or_else(|| malformed("the Date header is out of range"))?,
            ),
            Some(_) => return Err(malformed("the Date header is not a valid date")),
            None => None,
        };
        let body = normalised_body(&message.body_text(0).unwrap_or_default());
        if body.len() > MAX_BODY {
            notices.push(IngestNotice::BodyTruncated {
                bytes: body.len() as u64,
            });
        }
        let subject = one_line(message.subject().unwrap_or_default());
        let subject_chars = subject.chars().count();
        if subject_chars > validate::MAX_LINE {
            notices.push(IngestNotice::SubjectTruncated {
                chars: subject_chars as u64,
            });
        }
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
                        .map(|n| clip_file_name(&one_line(n), validate::MAX_LINE))
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
            subject: clip(&subject, validate::MAX_LINE),
            body: truncated(body, MAX_BODY),
            participants: people,
            attachments,
            notices,
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

    fn plain(headers: &str, body: &str) -> Vec<u8> {
        format!("From: jane@example.com\r\n{headers}\r\n\r\n{body}").into_bytes()
    }

    #[test]
    fn bodies_up_to_1_mib_are_kept_with_control_characters_normalised() {
        let body = "Line one\u{c}Line two\u{0}\u{7}\r\n\tIndented\rLast\r\n".repeat(2_000);
        let mail = ParsedEmail::parse(&plain("Subject: x", &body)).unwrap();
        assert!(
            mail.body.len() > 20_000 * 2,
            "longer than a note's 20 000 characters"
        );
        assert!(
            mail.body
                .starts_with("Line one\nLine two\n\tIndented\nLast\nLine one")
        );
        assert!(mail.notices.is_empty());
        let huge = "é".repeat(MAX_BODY);
        let mail = ParsedEmail::parse(&plain(
            "Subject: x\r\nContent-Type: text/plain; charset=utf-8",
            &huge,
        ))
        .unwrap();
        assert!(mail.body.len() <= MAX_BODY && mail.body.len() > MAX_BODY - 2);
        assert_eq!(
            mail.notices,
            vec![IngestNotice::BodyTruncated {
                bytes: huge.len() as u64
            }]
        );
    }

    #[test]
    fn long_subjects_names_and_recipient_lists_are_shortened_and_noted() {
        let subject = "Re: ".repeat(100);
        let to: Vec<String> = (0..600).map(|i| format!("p{i}@example.com")).collect();
        let headers = format!(
            "Subject: {subject}\r\nTo: {}\r\nCc: \"{}\" <cc@example.com>",
            to.join(", "),
            "N".repeat(400)
        );
        let mail = ParsedEmail::parse(&plain(&headers, "hello")).unwrap();
        assert_eq!(mail.subject.chars().count(), validate::MAX_LINE);
        assert_eq!(mail.participants.len(), MAX_PARTICIPANTS);
        assert_eq!(
            mail.notices,
            vec![
                IngestNotice::ParticipantsTruncated { found: 602 },
                IngestNotice::SubjectTruncated { chars: 399 },
            ]
        );
        assert_eq!(
            clip_file_name(&format!("{}.pdf", "a".repeat(400)), 300).len(),
            300
        );
        assert!(clip_file_name(&format!("{}.pdf", "a".repeat(400)), 300).ends_with(".pdf"));
    }

    #[test]
    fn a_bad_recipient_is_skipped_and_a_bad_sender_refused() {
        let mail = ParsedEmail::parse(&plain(
            "To: ok@example.com, Bad <bad@@example>\r\nCc: other@example.org",
            "hello",
        ))
        .unwrap();
        assert_eq!(mail.participants.len(), 3);
        assert_eq!(
            mail.notices,
            vec![IngestNotice::AddressSkipped {
                role: ParticipantRole::To,
                address: "bad@@example".into()
            }]
        );
        let err = ParsedEmail::parse(b"From: Bad <bad@@example>\r\nTo: ok@example.com\r\n\r\nhi")
            .unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Validation);
        assert!(
            !err.to_string().contains("bad@@example"),
            "no address in the message"
        );
    }

    #[test]
    fn mail_cut_off_or_damaged_in_transit_is_refused() {
        let whole = MULTIPART.as_bytes();
        ParsedEmail::parse(whole).unwrap();
        for cut in [whole.len() - 9, whole.len() - 16, whole.len() - 60] {
            let err = ParsedEmail::parse(&whole[..cut]).unwrap_err();
            assert!(err.to_string().contains("cut off"), "{cut}: {err}");
        }
        let damaged = MULTIPART.replace("JVBERi0xLjQK", "JVBE!!Ri0xLjQK");
        let err = ParsedEmail::parse(damaged.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("TA6.pdf"), "{err}");
    }
}
