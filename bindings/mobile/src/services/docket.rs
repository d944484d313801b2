//! The docket: deadlines computed from court and statutory rules, kept in step with their
//! triggers, closed, the register and reminders.

use chrono::NaiveDate;
use lexcase::{DeadlineId, UserId};

use crate::error::Result;
use crate::records::{
    AuditEvent, Deadline, DeadlineChanges, DeadlinePage, DeadlineQuery, DeadlineReminder,
    NewDeadline, Page,
};

service_object! {
    /// Deadlines. They follow their matter's visibility (for a user who may not see the matter
    /// they do not exist); entering and changing them needs `edit_matters`. Changes are based on
    /// the deadline's `expected_version` (else `StaleVersion`); a closed deadline cannot be
    /// changed (`InvalidTransition`).
    DocketService
}

#[uniffi::export]
impl DocketService {
    /// Enters a deadline on a matter and computes it; it waits undated (`computed` null) while
    /// its key date or chained deadline has none. A bad rule or calendar spec is a
    /// `Validation` error.
    pub fn add(&self, new: NewDeadline) -> Result<Deadline> {
        Ok(self.session.docket().add(new)?)
    }

    /// A deadline by id.
    pub fn get(&self, id: DeadlineId) -> Result<Deadline> {
        Ok(self.session.docket().get(id)?)
    }

    /// The deadline's history (entered, recomputed, changed, closed — who and when).
    pub fn history(&self, id: DeadlineId) -> Result<Vec<AuditEvent>> {
        Ok(self.session.docket().history(id)?)
    }

    /// Changes title, trigger, service method, calendars, reminders or the responsible user;
    /// the date is recomputed, and deadlines chained to this one move with it.
    pub fn update(
        &self,
        id: DeadlineId,
        expected_version: u64,
        changes: DeadlineChanges,
    ) -> Result<Deadline> {
        Ok(self
            .session
            .docket()
            .update(id, expected_version, changes.into())?)
    }

    /// Marks the deadline met.
    pub fn complete(&self, id: DeadlineId, expected_version: u64) -> Result<Deadline> {
        Ok(self.session.docket().complete(id, expected_version)?)
    }

    /// Marks the deadline as no longer applying, with the reason (one line, not empty).
    pub fn vacate(
        &self,
        id: DeadlineId,
        expected_version: u64,
        reason: String,
    ) -> Result<Deadline> {
        Ok(self
            .session
            .docket()
            .vacate(id, expected_version, &reason)?)
    }

    /// Deadlines matching `query` on matters the actor may see, soonest first.
    pub fn list(&self, query: DeadlineQuery, page: Page) -> Result<DeadlinePage> {
        Ok(self.session.docket().list(&query, page.try_into()?)?.into())
    }

    /// The register: deadlines entered on `day` (in the firm's zone), with who entered each
    /// (`enteredBy`), in the order they were entered.
    pub fn entered_on(&self, day: NaiveDate, page: Page) -> Result<DeadlinePage> {
        Ok(self
            .session
            .docket()
            .entered_on(day, page.try_into()?)?
            .into())
    }

    /// Reminders falling from `from` to `to` (inclusive, at most 366 days) for open deadlines,
    /// optionally only those `responsible` is responsible for, by reminder day then due date.
    pub fn reminders(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        responsible: Option<UserId>,
    ) -> Result<Vec<DeadlineReminder>> {
        Ok(self.session.docket().reminders(from, to, responsible)?)
    }
}
