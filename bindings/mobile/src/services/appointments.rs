//! The calendar: entries with attendees and recurrence, changes to one occurrence or the whole
//! series, agendas, a matter's calendar and clashes.

use chrono::{NaiveDate, NaiveDateTime};
use lexcase::{AppointmentId, MatterId, UserId};

use crate::error::Result;
use crate::records::{
    Appointment, AppointmentChanges, AuditEvent, Clash, NewAppointment, Occurrence,
    OccurrenceChange,
};

service_object! {
    /// Calendar entries. An entry on a matter follows the matter's visibility (for a user who may
    /// not see the matter it does not exist) and needs `edit_matters` to change; an entry on no
    /// matter is visible to the firm and changed by its organiser, a user attending, or anyone with
    /// `edit_matters`. Changes are based on the entry's `expected_version` (else `StaleVersion`).
    /// Date ranges are inclusive, read in the firm's zone, and cover at most 366 days.
    AppointmentService
}

#[uniffi::export]
impl AppointmentService {
    /// Puts an entry in the calendar. An unknown zone, a local time a clock change skips, an
    /// end not after the start or an unreadable RRULE is a `Validation` error.
    pub fn create(&self, new: NewAppointment) -> Result<Appointment> {
        Ok(self.session.appointments().create(new)?)
    }

    /// An entry by id.
    pub fn get(&self, id: AppointmentId) -> Result<Appointment> {
        Ok(self.session.appointments().get(id)?)
    }

    /// Changes the whole entry (every occurrence of a series). A cancelled entry cannot be
    /// changed (`Validation`, field `status`).
    pub fn update(
        &self,
        id: AppointmentId,
        expected_version: u64,
        changes: AppointmentChanges,
    ) -> Result<Appointment> {
        Ok(self
            .session
            .appointments()
            .update(id, expected_version, changes.into())?)
    }

    /// Moves, retitles or cancels one occurrence of a series, named by its original start
    /// (`Occurrence.originalStart`), replacing any earlier change to it. A start the rule does
    /// not give is a `Validation` error (field `original_start`).
    pub fn change_occurrence(
        &self,
        id: AppointmentId,
        expected_version: u64,
        original_start: NaiveDateTime,
        change: OccurrenceChange,
    ) -> Result<Appointment> {
        Ok(self.session.appointments().change_occurrence(
            id,
            expected_version,
            original_start,
            change,
        )?)
    }

    /// Cancels the whole entry (it stays, with its history).
    pub fn cancel(&self, id: AppointmentId, expected_version: u64) -> Result<Appointment> {
        Ok(self.session.appointments().cancel(id, expected_version)?)
    }

    /// The entry's history (created, moved, changed, cancelled — who and when), oldest first.
    pub fn history(&self, id: AppointmentId) -> Result<Vec<AuditEvent>> {
        Ok(self.session.appointments().history(id)?)
    }

    /// A user's agenda: the occurrences of entries they organise or attend from `from` to `to`
    /// (inclusive), in start order; entries on matters the actor may not see are left out.
    pub fn agenda(&self, user: UserId, from: NaiveDate, to: NaiveDate) -> Result<Vec<Occurrence>> {
        Ok(self.session.appointments().agenda(user, from, to)?)
    }

    /// A matter's calendar from `from` to `to` (inclusive), in start order.
    pub fn of_matter(
        &self,
        matter: MatterId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Occurrence>> {
        Ok(self.session.appointments().of_matter(matter, from, to)?)
    }

    /// Where a user's timed occurrences overlap from `from` to `to` (inclusive); all-day
    /// entries do not block time.
    pub fn clashes(&self, user: UserId, from: NaiveDate, to: NaiveDate) -> Result<Vec<Clash>> {
        Ok(self.session.appointments().clashes(user, from, to)?)
    }
}
