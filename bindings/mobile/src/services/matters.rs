//! Matters: opening, details, lifecycle, parties, team, key dates, custom fields, access.

use chrono::NaiveDate;
use lexcase::{ContactId, MatterId, PartyId, UserId};

use crate::error::Result;
use crate::records::{
    CustomValue, Matter, MatterChanges, MatterFilter, MatterPage, MatterRole, MatterStatus,
    NewMatter, Page, PartyRole, Visibility,
};

service_object! {
    /// Matters. A matter the actor may not see (ethical wall, or team-only and not on the team)
    /// does not exist for them: reads, lists, counts and writes all behave as if it were absent
    /// (`NotFound`). Changes are based on the matter's `expected_version` (else `StaleVersion`).
    MatterService
}

#[uniffi::export]
impl MatterService {
    /// Opens a new matter file in status pending with the next number (needs `open_matters`).
    pub fn create(&self, new: NewMatter) -> Result<Matter> {
        Ok(self.session.matters().create(new)?)
    }

    /// Creates many matters in one transaction (imports): all or none.
    pub fn create_many(&self, new: Vec<NewMatter>) -> Result<Vec<Matter>> {
        Ok(self.session.matters().create_many(new)?)
    }

    /// A matter by id.
    pub fn get(&self, id: MatterId) -> Result<Matter> {
        Ok(self.session.matters().get(id)?)
    }

    /// Matters matching `filter` that the actor may see, newest first, with the total count.
    pub fn list(&self, filter: MatterFilter, page: Page) -> Result<MatterPage> {
        Ok(self
            .session
            .matters()
            .list(filter, page.try_into()?)?
            .into())
    }

    /// The actor's matters (responsible, originating or on the team), newest first.
    pub fn mine(&self, status: Option<MatterStatus>, page: Page) -> Result<MatterPage> {
        Ok(self
            .session
            .matters()
            .mine(status, page.try_into()?)?
            .into())
    }

    /// Changes title, description, practice area, fee earners or billing arrangement.
    pub fn update(
        &self,
        id: MatterId,
        expected_version: u64,
        changes: MatterChanges,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .update(id, expected_version, changes.into())?)
    }

    /// Pending → open (the date opened is today in the firm's zone). Block-severity
    /// compliance rules in force for matter opening stand in the way: a `Validation` error on
    /// `rules` listing them (see `openOverriding`).
    pub fn open(&self, id: MatterId, expected_version: u64) -> Result<Matter> {
        Ok(self.session.matters().open(id, expected_version)?)
    }

    /// Opens a pending matter past the blocking compliance rules in force for matter opening:
    /// each is recorded as overridden with `reason` (see `compliance().overrides`). Needs
    /// `override_workflow_gates`; a blank reason is a `Validation` error.
    pub fn open_overriding(
        &self,
        id: MatterId,
        expected_version: u64,
        reason: String,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .open_overriding(id, expected_version, &reason)?)
    }

    /// Open → closed.
    pub fn close(
        &self,
        id: MatterId,
        expected_version: u64,
        reason: Option<String>,
    ) -> Result<Matter> {
        Ok(self.session.matters().close(id, expected_version, reason)?)
    }

    /// Closed → open again; a reason is required and recorded.
    pub fn reopen(&self, id: MatterId, expected_version: u64, reason: String) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .reopen(id, expected_version, &reason)?)
    }

    /// Closed (or never-opened pending) → archived; archived matters are read-only.
    pub fn archive(
        &self,
        id: MatterId,
        expected_version: u64,
        reason: Option<String>,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .archive(id, expected_version, reason)?)
    }

    /// Adds a contact as a party in `role`, optionally acting for another party.
    pub fn add_party(
        &self,
        id: MatterId,
        expected_version: u64,
        contact: ContactId,
        role: PartyRole,
        acting_for: Option<PartyId>,
        reference: Option<String>,
    ) -> Result<Matter> {
        Ok(self.session.matters().add_party(
            id,
            expected_version,
            contact,
            role,
            acting_for,
            reference,
        )?)
    }

    /// Removes a party (never the last client, never one that others act for).
    pub fn remove_party(
        &self,
        id: MatterId,
        expected_version: u64,
        party: PartyId,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .remove_party(id, expected_version, party)?)
    }

    /// Changes a party's role.
    pub fn change_party_role(
        &self,
        id: MatterId,
        expected_version: u64,
        party: PartyId,
        role: PartyRole,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .change_party_role(id, expected_version, party, role)?)
    }

    /// Records that `party` acts for `acting_for` (or for nobody with null).
    pub fn set_party_acting_for(
        &self,
        id: MatterId,
        expected_version: u64,
        party: PartyId,
        acting_for: Option<PartyId>,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .set_party_acting_for(id, expected_version, party, acting_for)?)
    }

    /// Adds a user to the team (or changes their matter role).
    pub fn add_team_member(
        &self,
        id: MatterId,
        expected_version: u64,
        user: UserId,
        role: MatterRole,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .add_team_member(id, expected_version, user, role)?)
    }

    /// Takes a user off the team.
    pub fn remove_team_member(
        &self,
        id: MatterId,
        expected_version: u64,
        user: UserId,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .remove_team_member(id, expected_version, user)?)
    }

    /// Sets a named key date, or removes it with null.
    pub fn set_key_date(
        &self,
        id: MatterId,
        expected_version: u64,
        name: String,
        date: Option<NaiveDate>,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .set_key_date(id, expected_version, &name, date)?)
    }

    /// Sets a custom field defined in the firm settings, or clears it with null.
    pub fn set_custom_field(
        &self,
        id: MatterId,
        expected_version: u64,
        key: String,
        value: Option<CustomValue>,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .set_custom_field(id, expected_version, &key, value)?)
    }

    /// Makes the matter firm-visible or team-only (needs `manage_matter_access`).
    pub fn set_visibility(
        &self,
        id: MatterId,
        expected_version: u64,
        visibility: Visibility,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .set_visibility(id, expected_version, visibility)?)
    }

    /// Puts up an ethical wall screening `user` from the matter (needs
    /// `manage_matter_access`).
    pub fn add_ethical_wall(
        &self,
        id: MatterId,
        expected_version: u64,
        user: UserId,
        reason: String,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .add_ethical_wall(id, expected_version, user, &reason)?)
    }

    /// Takes down an ethical wall (needs `manage_matter_access`).
    pub fn remove_ethical_wall(
        &self,
        id: MatterId,
        expected_version: u64,
        user: UserId,
    ) -> Result<Matter> {
        Ok(self
            .session
            .matters()
            .remove_ethical_wall(id, expected_version, user)?)
    }
}
