//! The communication aggregate.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Channel, Direction, FilingMethod, IngestNotice, Participant};
use crate::documents::ContentHash;
use crate::error::Result;
use crate::ids::{CommunicationId, DocumentId, MatterId, UserId};
use crate::validate;

/// The most participants a communication keeps.
pub const MAX_PARTICIPANTS: usize = 500;
const MAX_ATTACHMENTS: usize = 200;
/// The most matters an unfiled communication keeps as candidates.
pub const MAX_CANDIDATES: usize = 50;
/// The longest body kept: 1 MiB of UTF-8 text.
pub const MAX_BODY: usize = 1024 * 1024;

/// A file that came with a communication: its contents are in the blob store, and once the
/// communication is on a matter, a document of that matter holds them too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Attachment {
    /// File name as sent.
    pub file_name: String,
    /// Media type.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the contents.
    pub hash: ContentHash,
    /// The matter document holding it, once filed.
    pub document: Option<DocumentId>,
}

/// One communication: an email, call, letter, meeting, message or portal post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Communication {
    /// Identifier.
    pub id: CommunicationId,
    /// The matter it is filed to; `None` while it waits in the unfiled queue.
    pub matter: Option<MatterId>,
    /// Open matters it might belong to, while unfiled.
    pub candidates: Vec<MatterId>,
    /// How it was filed.
    pub filing: Option<FilingMethod>,
    /// Channel.
    pub channel: Channel,
    /// Direction.
    pub direction: Direction,
    /// When it was sent or took place.
    pub occurred_at: DateTime<Utc>,
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
    /// SHA-256 of the original message bytes (kept in the blob store as evidence).
    pub raw: Option<ContentHash>,
    /// Who recorded or ingested it.
    pub recorded_by: UserId,
    /// When.
    pub recorded_at: DateTime<Utc>,
    /// Who filed it to its matter.
    pub filed_by: Option<UserId>,
    /// When.
    pub filed_at: Option<DateTime<Utc>>,
    /// What ingestion left out or shortened (empty for most).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<IngestNotice>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What a communication is recorded with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewCommunication {
    /// Channel.
    pub channel: Channel,
    /// Direction.
    pub direction: Direction,
    /// When it was sent or took place.
    pub occurred_at: DateTime<Utc>,
    /// The matter; `None` puts it in the unfiled queue.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub matter: Option<MatterId>,
    /// Subject.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub subject: String,
    /// Body or summary.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub body: String,
    /// Who took part (names and addresses are checked as [`Participant::new`] does).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub participants: Vec<Participant>,
}

impl Communication {
    /// Builds a communication at version 1, filed (as `filing`) when it has a matter.
    pub fn create(
        new: NewCommunication,
        filing: FilingMethod,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        validate::bounded("participants", &new.participants, MAX_PARTICIPANTS)?;
        let participants = new
            .participants
            .into_iter()
            .map(Participant::checked)
            .collect::<Result<Vec<_>>>()?;
        let subject = validate::optional_line("subject", &new.subject)?.unwrap_or_default();
        let body = validate::long_text("body", &new.body, MAX_BODY)?;
        let filed = new.matter.is_some();
        Ok(Self {
            id: CommunicationId::new(),
            matter: new.matter,
            candidates: Vec::new(),
            filing: filed.then_some(filing),
            channel: new.channel,
            direction: new.direction,
            occurred_at: new.occurred_at,
            subject,
            body,
            participants,
            attachments: Vec::new(),
            message_id: None,
            in_reply_to: None,
            raw: None,
            recorded_by: by,
            recorded_at: now,
            filed_by: filed.then_some(by),
            filed_at: filed.then_some(now),
            notices: Vec::new(),
            version: 1,
        })
    }

    /// Attaches files (checked: at most 200).
    pub fn set_attachments(&mut self, attachments: Vec<Attachment>) -> Result<()> {
        validate::bounded("attachments", &attachments, MAX_ATTACHMENTS)?;
        self.attachments = attachments;
        Ok(())
    }

    /// Leaves it unfiled with the matters it might belong to (given oldest first): beyond
    /// [`MAX_CANDIDATES`], the most recent are kept and the shortening is noted.
    pub fn set_candidates(&mut self, mut candidates: Vec<MatterId>) {
        if candidates.len() > MAX_CANDIDATES {
            self.notices.push(IngestNotice::CandidatesTruncated {
                found: candidates.len() as u64,
            });
            candidates.drain(..candidates.len() - MAX_CANDIDATES);
        }
        self.candidates = candidates;
    }

    /// Files it to `matter` (refiling moves it; the history keeps where it was).
    pub fn file_to(&mut self, matter: MatterId, how: FilingMethod, by: UserId, now: DateTime<Utc>) {
        self.matter = Some(matter);
        self.candidates.clear();
        self.filing = Some(how);
        self.filed_by = Some(by);
        self.filed_at = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::communications::ParticipantRole;
    use crate::error::LexcaseError;

    fn new_with(name: &str) -> NewCommunication {
        NewCommunication {
            channel: Channel::Letter,
            direction: Direction::Inbound,
            occurred_at: Utc::now(),
            matter: None,
            subject: String::new(),
            body: String::new(),
            participants: vec![Participant {
                role: ParticipantRole::From,
                name: name.to_owned(),
                address: " 1 High Street ".to_owned(),
                user: None,
                contact: None,
            }],
        }
    }

    #[test]
    fn participants_built_field_by_field_are_checked_and_trimmed_on_create() {
        let by = UserId::new();
        let refused = Communication::create(
            new_with("Jane\nSmith"),
            FilingMethod::Recorded,
            by,
            Utc::now(),
        );
        assert!(
            matches!(refused, Err(LexcaseError::Validation { ref field, .. }) if field == "name")
        );
        let comm = Communication::create(
            new_with("  Jane Smith "),
            FilingMethod::Recorded,
            by,
            Utc::now(),
        )
        .unwrap();
        assert_eq!(comm.participants[0].name, "Jane Smith");
        assert_eq!(comm.participants[0].address, "1 High Street");
    }
}
