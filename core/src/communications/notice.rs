//! What ingestion left out or shortened when it accepted a message.

use serde::{Deserialize, Serialize};

use super::ParticipantRole;

/// One thing a communication lost on the way in. Ordinary mail is accepted whole where it
/// can be and otherwise filed with what fits, each shortening noted here and kept with the
/// communication (the original message is always kept whole as evidence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum IngestNotice {
    /// A recipient whose address is not an email address was left out of the participants.
    AddressSkipped {
        /// Where the address stood (to, cc or bcc).
        role: ParticipantRole,
        /// The address as written.
        address: String,
    },
    /// The subject was longer than 300 characters; its first 300 are kept.
    SubjectTruncated {
        /// The length of the whole subject, in characters.
        chars: u64,
    },
    /// The body was longer than 1 MiB of text; its first 1 MiB is kept.
    BodyTruncated {
        /// The length of the whole body, in bytes of UTF-8.
        bytes: u64,
    },
    /// The message named more than 500 participants; the first 500 are kept.
    ParticipantsTruncated {
        /// How many it named.
        found: u64,
    },
    /// More open matters could hold the message than the queue keeps; the 50 most recently
    /// created are kept as candidates.
    CandidatesTruncated {
        /// How many matters could hold it.
        found: u64,
    },
}

impl IngestNotice {
    /// Its kind, as stored: `address_skipped`, `subject_truncated`, `body_truncated`,
    /// `participants_truncated` or `candidates_truncated`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::AddressSkipped { .. } => "address_skipped",
            Self::SubjectTruncated { .. } => "subject_truncated",
            Self::BodyTruncated { .. } => "body_truncated",
            Self::ParticipantsTruncated { .. } => "participants_truncated",
            Self::CandidatesTruncated { .. } => "candidates_truncated",
        }
    }

    /// The number it carries: the whole length of a shortened text (bytes of a body,
    /// characters of a subject) or how many participants or candidates there were.
    pub fn count(&self) -> Option<u64> {
        match self {
            Self::AddressSkipped { .. } => None,
            Self::SubjectTruncated { chars: n }
            | Self::BodyTruncated { bytes: n }
            | Self::ParticipantsTruncated { found: n }
            | Self::CandidatesTruncated { found: n } => Some(*n),
        }
    }
}
