//! The calendar: entries with attendees and recurrence, changes to one occurrence or the whole
//! series, agendas, a matter's calendar and clashes.

use chrono::{NaiveDate, NaiveDateTime};
use lexcase::service::Session;
use uuid::Uuid;

use crate::convert::all;
use crate::error::Result;
use crate::records::{
    Appointment, AppointmentChanges, AuditEvent, Clash, NewAppointment, Occurrence,
    OccurrenceChange,
};

/// Calendar entries. An entry on a matter follows the matter's visibility (for a user who may
/// not see the matter it does not exist) and needs `edit_matters` to change; an entry on no
/// matter is visible to the firm and changed by its organiser, a user attending, or anyone with
/// `edit_matters`. Changes are based on the entry's `expected_version` (else `StaleVersion`).
/// Date ranges are inclusive, read in the firm's zone, and cover at most 366 days.
#[derive(Debug, uniffi::Object)]
pub struct AppointmentService {
    session: Session,
}

impl AppointmentService {
    pub(crate) fn new(session: Session) -> Self {
        Self { session }
    }
}

#[uniffi::export]
impl AppointmentService {
    /// Puts an entry in the calendar. An unknown zone, a local time a clock change skips, an
    /// end not after the start or an unreadable RRULE is a `Validation` error.
    pub fn create(&self, new: NewAppointment) -> Result<Appointment> {
        Ok(self.session.appointments().create(new.into())?.into())
    }

    /// An entry by id.
    pub fn get(&self, id: Uuid) -> Result<Appointment> {
        Ok(self.session.appointments().get(id.into())?.into())
    }

    /// Changes the whole entry (every occurrence of a series). A cancelled entry cannot be
    /// changed (`Validation`, field `status`).
    pub fn update(
        &self,
        id: Uuid,
        expected_version: u64,
        changes: AppointmentChanges,
    ) -> Result<Appointment> {
        Ok(self
            .session
            .appointments()
            .update(id.into(), expected_version, changes.into())?
            .into())
    }

    /// Moves, retitles or cancels one occurrence of a series, named by its original start
    /// (`Occurrence.originalStart`), replacing any earlier change to it. A start the rule does
    /// not give is a `Validation` error (field `original_start`).
    pub fn change_occurrence(
        &self,
        id: Uuid,
        expected_version: u64,
        original_start: NaiveDateTime,
        change: OccurrenceChange,
    ) -> Result<Appointment> {
        Ok(self
            .session
            .appointments()
            .change_occurrence(id.into(), expected_version, original_start, change.into())?
            .into())
    }

    /// Cancels the whole entry (it stays, with its history).
    pub fn cancel(&self, id: Uuid, expected_version: u64) -> Result<Appointment> {
        Ok(self
            .session
            .appointments()
            .cancel(id.into(), expected_version)?
            .into())
    }

    /// The entry's history (created, moved, changed, cancelled — who and when), oldest first.
    pub fn history(&self, id: Uuid) -> Result<Vec<AuditEvent>> {
        Ok(all(self.session.appointments().history(id.into())?))
    }

    /// A user's agenda: the occurrences of entries they organise or attend from `from` to `to`
    /// (inclusive), in start order; entries on matters the actor may not see are left out.
    pub fn agenda(&self, user: Uuid, from: NaiveDate, to: NaiveDate) -> Result<Vec<Occurrence>> {
        Ok(all(self.session.appointments().agenda(
            user.into(),
            from,
            to,
        )?))
    }

    /// A matter's calendar from `from` to `to` (inclusive), in start order.
    pub fn of_matter(
        &self,
        matter: Uuid,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Occurrence>> {
        Ok(all(self.session.appointments().of_matter(
            matter.into(),
            from,
            to,
        )?))
    }

    /// Where a user's timed occurrences overlap from `from` to `to` (inclusive); all-day
    /// entries do not block time.
    pub fn clashes(&self, user: Uuid, from: NaiveDate, to: NaiveDate) -> Result<Vec<Clash>> {
        Ok(all(self.session.appointments().clashes(
            user.into(),
            from,
            to,
        )?))
    }
}
