//! What kind of entry an appointment is, and who attends it.

use serde::{Deserialize, Serialize};

use crate::ids::{ContactId, UserId};

/// The kind of calendar entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AppointmentKind {
    /// An appointment (with a client, a witness, an expert…).
    #[default]
    Appointment,
    /// A meeting.
    Meeting,
    /// A court or tribunal hearing.
    Hearing,
    /// A telephone or video call.
    Call,
}

crate::names::stable_names!(AppointmentKind, "kind", "appointment kind", {
    Appointment = "appointment",
    Meeting = "meeting",
    Hearing = "hearing",
    Call = "call",
});

/// Someone attending: a user of the firm or a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Attendee {
    /// A user of the firm.
    User(#[cfg_attr(feature = "uniffi", uniffi(name = "id"))] UserId),
    /// A contact (client, counsel, witness…).
    Contact(#[cfg_attr(feature = "uniffi", uniffi(name = "id"))] ContactId),
}

impl Attendee {
    /// The user, when the attendee is one.
    pub fn user(self) -> Option<UserId> {
        match self {
            Self::User(u) => Some(u),
            Self::Contact(_) => None,
        }
    }
}
