//! The communication log: emails, calls, letters, meetings, messages and portal posts, filed
//! to a matter or waiting in the unfiled queue.

use std::time::SystemTime;

use lexcase::communications::{
    Attachment as CoreAttachment, Channel as CoreChannel, Communication as CoreCommunication,
    Direction as CoreDirection, FilingMethod as CoreFilingMethod, IngestNotice as CoreIngestNotice,
    NewCommunication as CoreNewCommunication, Participant as CoreParticipant,
    ParticipantRole as CoreParticipantRole,
};
use lexcase::service::IngestOutcome as CoreIngestOutcome;
use lexcase::store::Paged;
use lexcase::{ContactId, MatterId, UserId};
use uuid::Uuid;

use crate::convert::{all, instant, mirror_enum, utc};
use crate::error::LexcaseError;

mirror_enum! {
    /// How the communication travelled.
    Channel = CoreChannel {
        /// Email.
        Email,
        /// Telephone call.
        Phone,
        /// Letter (post, DX, hand delivery).
        Letter,
        /// Meeting in person or by video.
        Meeting,
        /// Text or instant message.
        Message,
        /// Client portal.
        Portal,
    }
}

mirror_enum! {
    /// Which way it went, seen from the firm.
    Direction = CoreDirection {
        /// Received by the firm.
        Inbound,
        /// Sent by the firm.
        Outbound,
        /// Between people of the firm.
        Internal,
    }
}

mirror_enum! {
    /// A participant's part in the communication.
    ParticipantRole = CoreParticipantRole {
        /// Sender or caller.
        From,
        /// Addressee.
        To,
        /// Copied.
        Cc,
        /// Blind-copied.
        Bcc,
        /// Present (a call or meeting).
        Attendee,
    }
}

mirror_enum! {
    /// How a communication reached its matter.
    FilingMethod = CoreFilingMethod {
        /// Recorded straight onto the matter.
        Recorded,
        /// Ingested: the subject named the matter's number.
        Reference,
        /// Ingested: the sender or recipients are parties to exactly one open matter.
        Parties,
        /// Filed by hand from the unfiled queue.
        Manual,
    }
}

/// One thing ingestion left out or shortened (the original message is kept whole).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum IngestNotice {
    /// A recipient whose address is not an email address was left out.
    AddressSkipped {
        /// Where it stood (to, cc or bcc).
        role: ParticipantRole,
        /// The address as written.
        address: String,
    },
    /// The subject was longer than 300 characters; the first 300 are kept.
    SubjectTruncated {
        /// The whole subject's length in characters.
        chars: u64,
    },
    /// The body was longer than 1 MiB; the first 1 MiB is kept.
    BodyTruncated {
        /// The whole body's length in bytes.
        bytes: u64,
    },
    /// More than 500 participants; the first 500 are kept.
    ParticipantsTruncated {
        /// How many the message named.
        found: u64,
    },
    /// More than 50 open matters could hold it; the 50 newest are kept as candidates.
    CandidatesTruncated {
        /// How many could hold it.
        found: u64,
    },
}

impl From<CoreIngestNotice> for IngestNotice {
    fn from(notice: CoreIngestNotice) -> Self {
        match notice {
            CoreIngestNotice::AddressSkipped { role, address } => Self::AddressSkipped {
                role: role.into(),
                address,
            },
            CoreIngestNotice::SubjectTruncated { chars } => Self::SubjectTruncated { chars },
            CoreIngestNotice::BodyTruncated { bytes } => Self::BodyTruncated { bytes },
            CoreIngestNotice::ParticipantsTruncated { found } => {
                Self::ParticipantsTruncated { found }
            }
            CoreIngestNotice::CandidatesTruncated { found } => Self::CandidatesTruncated { found },
        }
    }
}

/// Someone who took part, with the address used and who that is in the firm's records.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Participant {
    /// Their part.
    pub role: ParticipantRole,
    /// Display name as given (one line; may be empty).
    #[uniffi(default = "")]
    pub name: String,
    /// Email address or phone number as used (one line; may be empty for a letter).
    #[uniffi(default = "")]
    pub address: String,
    /// The user of the firm this is, if any.
    #[uniffi(default)]
    pub user: Option<Uuid>,
    /// The contact this is, if any.
    #[uniffi(default)]
    pub contact: Option<Uuid>,
}

impl From<CoreParticipant> for Participant {
    fn from(participant: CoreParticipant) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreParticipant {
            role,
            name,
            address,
            user,
            contact,
        } = participant;
        Self {
            role: role.into(),
            name,
            address,
            user: user.map(Uuid::from),
            contact: contact.map(Uuid::from),
        }
    }
}

impl TryFrom<Participant> for CoreParticipant {
    type Error = LexcaseError;
    /// Checks the name and address (single lines) as the core constructor does.
    fn try_from(participant: Participant) -> Result<Self, LexcaseError> {
        let Participant {
            role,
            name,
            address,
            user,
            contact,
        } = participant;
        let mut core = CoreParticipant::new(role.into(), &name, &address)?;
        core.user = user.map(UserId::from);
        core.contact = contact.map(ContactId::from);
        Ok(core)
    }
}

/// A file that came with a communication: its contents are in the blob store (read them with
/// `attachment(id, index)`), and once the communication is on a matter, a `correspondence`
/// document of that matter holds them too.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Attachment {
    /// File name as sent.
    pub file_name: String,
    /// Media type.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the contents, lowercase hex.
    pub hash: String,
    /// The matter document holding it, once filed.
    pub document: Option<Uuid>,
}

impl From<CoreAttachment> for Attachment {
    fn from(attachment: CoreAttachment) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreAttachment {
            file_name,
            media_type,
            size,
            hash,
            document,
        } = attachment;
        Self {
            file_name,
            media_type,
            size,
            hash: hash.into(),
            document: document.map(Uuid::from),
        }
    }
}

/// One communication: an email, call, letter, meeting, message or portal post.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Communication {
    /// Identifier.
    pub id: Uuid,
    /// The matter it is filed to; null while it waits in the unfiled queue.
    pub matter: Option<Uuid>,
    /// Open matters it might belong to, while unfiled (those the actor may see).
    pub candidates: Vec<Uuid>,
    /// How it was filed; null while unfiled.
    pub filing: Option<FilingMethod>,
    /// Channel.
    pub channel: Channel,
    /// Direction.
    pub direction: Direction,
    /// When it was sent or took place.
    pub occurred_at: SystemTime,
    /// Subject.
    pub subject: String,
    /// Body (plain text) or a summary of a call or meeting.
    pub body: String,
    /// Who took part.
    pub participants: Vec<Participant>,
    /// Attached files.
    pub attachments: Vec<Attachment>,
    /// The email's Message-ID, without angle brackets.
    pub message_id: Option<String>,
    /// The Message-ID it replies to.
    pub in_reply_to: Option<String>,
    /// SHA-256 (lowercase hex) of the original message bytes; null unless ingested.
    pub raw: Option<String>,
    /// Who recorded or ingested it (a user id).
    pub recorded_by: Uuid,
    /// When.
    pub recorded_at: SystemTime,
    /// Who filed it to its matter.
    pub filed_by: Option<Uuid>,
    /// When.
    pub filed_at: Option<SystemTime>,
    /// What ingestion left out or shortened (empty for most).
    pub notices: Vec<IngestNotice>,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreCommunication> for Communication {
    fn from(comm: CoreCommunication) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreCommunication {
            id,
            matter,
            candidates,
            filing,
            channel,
            direction,
            occurred_at,
            subject,
            body,
            participants,
            attachments,
            message_id,
            in_reply_to,
            raw,
            recorded_by,
            recorded_at,
            filed_by,
            filed_at,
            notices,
            version,
        } = comm;
        Self {
            id: id.into(),
            matter: matter.map(Uuid::from),
            candidates: candidates.into_iter().map(Uuid::from).collect(),
            filing: filing.map(FilingMethod::from),
            channel: channel.into(),
            direction: direction.into(),
            occurred_at: instant(occurred_at),
            subject,
            body,
            participants: all(participants),
            attachments: all(attachments),
            message_id,
            in_reply_to,
            raw: raw.map(String::from),
            recorded_by: recorded_by.into(),
            recorded_at: instant(recorded_at),
            filed_by: filed_by.map(Uuid::from),
            filed_at: filed_at.map(instant),
            notices: all(notices),
            version,
        }
    }
}

/// What a call, letter, meeting or message is recorded with.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewCommunication {
    /// Channel.
    pub channel: Channel,
    /// Direction.
    pub direction: Direction,
    /// When it was sent or took place.
    pub occurred_at: SystemTime,
    /// The matter; null puts it in the unfiled queue.
    #[uniffi(default)]
    pub matter: Option<Uuid>,
    /// Subject (one line).
    #[uniffi(default = "")]
    pub subject: String,
    /// Body or summary (at most 1 MiB).
    #[uniffi(default = "")]
    pub body: String,
    /// Who took part.
    #[uniffi(default)]
    pub participants: Vec<Participant>,
}

impl TryFrom<NewCommunication> for CoreNewCommunication {
    type Error = LexcaseError;
    fn try_from(new: NewCommunication) -> Result<Self, LexcaseError> {
        // Destructured without `..`: a field added here must reach the core type.
        let NewCommunication {
            channel,
            direction,
            occurred_at,
            matter,
            subject,
            body,
            participants,
        } = new;
        Ok(Self {
            matter: matter.map(MatterId::from),
            channel: channel.into(),
            direction: direction.into(),
            occurred_at: utc(occurred_at, "occurred_at")?,
            subject,
            body,
            participants: participants
                .into_iter()
                .map(CoreParticipant::try_from)
                .collect::<Result<_, _>>()?,
        })
    }
}

/// What ingesting one email did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IngestOutcome {
    /// The stored communication (the earlier one when the message was already ingested).
    pub communication: Communication,
    /// Whether the Message-ID had been ingested before (nothing was written).
    pub duplicate: bool,
}

impl From<CoreIngestOutcome> for IngestOutcome {
    fn from(outcome: CoreIngestOutcome) -> Self {
        let CoreIngestOutcome {
            communication,
            duplicate,
        } = outcome;
        Self {
            communication: communication.into(),
            duplicate,
        }
    }
}

/// One page of communications and the total number in the list.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CommunicationPage {
    /// The communications in this page.
    pub items: Vec<Communication>,
    /// How many there are in all.
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreCommunication>> for CommunicationPage {
    fn from(page: Paged<CoreCommunication>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    #[test]
    fn instants_convert_both_sides_of_the_epoch_and_refuse_the_far_future() {
        let after = UNIX_EPOCH + Duration::new(1_800_000_000, 5);
        assert_eq!(instant(utc(after, "at").unwrap()), after);
        let before = UNIX_EPOCH - Duration::new(86_400, 250);
        assert_eq!(instant(utc(before, "at").unwrap()), before);
        let far = UNIX_EPOCH + Duration::from_secs(i64::MAX as u64 / 2);
        assert!(matches!(
            utc(far, "occurred_at"),
            Err(LexcaseError::Validation { field, .. }) if field == "occurred_at"
        ));
    }
}
