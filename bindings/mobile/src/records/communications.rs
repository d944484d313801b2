//! The communication log: the core's records and enums cross the FFI as they are
//! (`lexcase::communications`, `lexcase::service::IngestOutcome`); this module keeps the page of
//! communications.

pub use lexcase::communications::{
    Attachment, Channel, Communication, Direction, FilingMethod, IngestNotice, NewCommunication,
    Participant, ParticipantRole,
};
pub use lexcase::service::IngestOutcome;

use crate::convert::page_record;

page_record! {
    /// One page of communications and the total number in the list.
    CommunicationPage of Communication,
    items: "The communications in this page.",
    total: "How many there are in all.",
}
