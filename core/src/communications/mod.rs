//! The communication log and email ingestion.
//!
//! A [`Communication`] is one email, call, letter, meeting, message or portal post, with its
//! participants, subject, body and attachments, filed to a matter or waiting in the unfiled
//! queue with the matters it might belong to. [`ParsedEmail::parse`] reads raw RFC 5322 bytes
//! (MIME multipart, encoded words, attachments); [`matter_references`] finds the tokens of a
//! subject line that may be matter numbers.

mod communication;
mod email;
mod kinds;
mod notice;
mod reference;

pub use communication::{Attachment, Communication, MAX_BODY, MAX_CANDIDATES, NewCommunication};
pub use email::{EmailAttachment, MAX_EMAIL_SIZE, ParsedEmail};
pub use kinds::{Channel, Direction, FilingMethod, Participant, ParticipantRole};
pub use notice::IngestNotice;
pub use reference::matter_references;
