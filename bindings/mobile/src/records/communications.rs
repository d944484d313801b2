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

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use chrono::{DateTime, Utc};

    use crate::convert::utc;
    use crate::error::LexcaseError;

    #[test]
    fn instants_convert_both_sides_of_the_epoch_and_refuse_the_far_future() {
        let after = UNIX_EPOCH + Duration::new(1_800_000_000, 5);
        assert_eq!(utc(after, "at").unwrap(), DateTime::<Utc>::from(after));
        let before = UNIX_EPOCH - Duration::new(86_400, 250);
        assert_eq!(utc(before, "at").unwrap(), DateTime::<Utc>::from(before));
        let far = UNIX_EPOCH + Duration::from_secs(i64::MAX as u64 / 2);
        assert!(matches!(
            utc(far, "occurred_at"),
            Err(LexcaseError::Validation { field, .. }) if field == "occurred_at"
        ));
    }
}
