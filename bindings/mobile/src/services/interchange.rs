//! Interchange: calendars as iCalendar (RFC 5545), contacts as vCard 4.0 and back.

use std::sync::Arc;

use chrono::NaiveDate;
use lexcase::ContactId;
use uuid::Uuid;

use crate::convert::all;
use crate::error::Result;
use crate::progress::{ProgressListener, listened};
use crate::records::Contact;

service_object! {
    /// iCalendar export of calendars, deadlines and tasks; vCard export and import of contacts.
    /// Only what the actor may see is exported.
    InterchangeService
}

#[uniffi::export]
impl InterchangeService {
    /// A user's calendar from `from` to `to` (inclusive, firm's zone) as iCalendar text: the
    /// entries they organise or attend (VEVENT, whole series), the deadlines they are
    /// responsible for and the tasks assigned to them falling due in the range (VTODO).
    pub fn user_calendar(&self, user: Uuid, from: NaiveDate, to: NaiveDate) -> Result<String> {
        Ok(self
            .session
            .interchange()
            .user_calendar(user.into(), from, to)?)
    }

    /// A matter's whole calendar as iCalendar text: its entries, deadlines and dated tasks.
    pub fn matter_calendar(&self, matter: Uuid) -> Result<String> {
        Ok(self.session.interchange().matter_calendar(matter.into())?)
    }

    /// Contacts as vCard 4.0 text, in the order given (an unknown id is `NotFound`).
    pub fn export_contacts(&self, ids: Vec<Uuid>) -> Result<String> {
        let ids: Vec<ContactId> = all(ids);
        Ok(self.session.interchange().export_contacts(&ids)?)
    }

    /// Imports vCard 4.0 text as new contacts (each card's NOTE becomes a note on its
    /// contact), all or nothing: a bad card (no FN, vCard 3.0…) is a `Validation` error and
    /// imports nothing. Needs `manage_contacts`. `listener` hears each card imported
    /// (`contacts.import`) and may cancel (`Cancelled`): then no contact is created.
    #[uniffi::method(default(listener = None))]
    pub fn import_contacts(
        &self,
        vcf: String,
        listener: Option<Arc<dyn ProgressListener>>,
    ) -> Result<Vec<Contact>> {
        listened(listener, |p| {
            self.session
                .interchange()
                .import_contacts_with_progress(&vcf, p)
        })
    }
}
