//! The vocabulary of the communication log: channel, direction, participants, how it was filed.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::ids::{ContactId, UserId};
use crate::validate;

/// How the communication travelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Channel {
    /// Email.
    #[default]
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

crate::names::stable_names!(Channel, "channel", "channel", {
    Email = "email",
    Phone = "phone",
    Letter = "letter",
    Meeting = "meeting",
    Message = "message",
    Portal = "portal",
});

/// Which way it went, seen from the firm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Direction {
    /// Received by the firm.
    #[default]
    Inbound,
    /// Sent by the firm.
    Outbound,
    /// Between people of the firm.
    Internal,
}

crate::names::stable_names!(Direction, "direction", "direction", {
    Inbound = "inbound",
    Outbound = "outbound",
    Internal = "internal",
});

/// A participant's part in the communication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ParticipantRole {
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

crate::names::stable_names!(ParticipantRole, "role", "participant role", {
    From = "from",
    To = "to",
    Cc = "cc",
    Bcc = "bcc",
    Attendee = "attendee",
});

/// Someone who took part, with the address used and who that is in the firm's records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Participant {
    /// Their part.
    pub role: ParticipantRole,
    /// Display name as given.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub name: String,
    /// Email address or phone number as used (may be empty for a letter).
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub address: String,
    /// The user of the firm this is, if any.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user: Option<UserId>,
    /// The contact this is, if any.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub contact: Option<ContactId>,
}

impl Participant {
    /// A participant known only by name and address.
    pub fn new(role: ParticipantRole, name: &str, address: &str) -> Result<Self> {
        Ok(Self {
            role,
            name: validate::optional_line("name", name)?.unwrap_or_default(),
            address: validate::optional_line("address", address)?.unwrap_or_default(),
            user: None,
            contact: None,
        })
    }

    /// The same participant with its name and address checked and trimmed as [`Self::new`]
    /// does (for one built field by field, e.g. lifted from a binding).
    pub fn checked(self) -> Result<Self> {
        Ok(Self {
            user: self.user,
            contact: self.contact,
            ..Self::new(self.role, &self.name, &self.address)?
        })
    }
}

/// How a communication reached its matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FilingMethod {
    /// Recorded straight onto the matter.
    Recorded,
    /// Ingested: the subject named the matter's number.
    Reference,
    /// Ingested: the sender or recipients are parties to exactly one open matter.
    Parties,
    /// Filed by hand from the unfiled queue.
    Manual,
    /// Ingested: it answers (In-Reply-To or References) a message sent from or filed to the
    /// matter. Checked before every other rule.
    Reply,
    /// Sent from the matter by lexcase (the exact bytes sent are kept).
    Sent,
}

crate::names::stable_names!(FilingMethod, "filing", "filing method", {
    Recorded = "recorded",
    Reference = "reference",
    Parties = "parties",
    Manual = "manual",
    Reply = "reply",
    Sent = "sent",
});
