//! Contacts: people and organisations, firm-wide.

use chrono::NaiveDate;
use lexcase::ContactId;

use crate::error::Result;
use crate::records::{
    AffiliationKind, Contact, ContactChanges, ContactKind, ContactPage, IdentityStatus, NewContact,
    Page, VerificationMethod,
};

service_object! {
    /// Contacts of the firm. Everybody may read them; changing needs `manage_contacts`. Changes
    /// are based on the contact's `expected_version` (else `StaleVersion`).
    ContactService
}

#[uniffi::export]
impl ContactService {
    /// Creates a contact.
    pub fn create(&self, new: NewContact) -> Result<Contact> {
        Ok(self.session.contacts().create(new)?)
    }

    /// Creates many contacts in one transaction (imports): all or none.
    pub fn create_many(&self, new: Vec<NewContact>) -> Result<Vec<Contact>> {
        Ok(self.session.contacts().create_many(new)?)
    }

    /// A contact by id.
    pub fn get(&self, id: ContactId) -> Result<Contact> {
        Ok(self.session.contacts().get(id)?)
    }

    /// Contacts whose name has a word starting with `name_prefix` (case and accents ignored;
    /// empty lists all), optionally of one kind, ordered by sort name, with the total count.
    pub fn search(
        &self,
        name_prefix: String,
        kind: Option<ContactKind>,
        page: Page,
    ) -> Result<ContactPage> {
        Ok(self
            .session
            .contacts()
            .search(&name_prefix, kind, page.try_into()?)?
            .into())
    }

    /// Changes names or replaces lists of details.
    pub fn update(
        &self,
        id: ContactId,
        expected_version: u64,
        changes: ContactChanges,
    ) -> Result<Contact> {
        Ok(self
            .session
            .contacts()
            .update(id, expected_version, changes)?)
    }

    /// Records the outcome of identity verification (verified needs a date and a method,
    /// failed a date; never a future date).
    pub fn record_identity_verification(
        &self,
        id: ContactId,
        expected_version: u64,
        status: IdentityStatus,
        checked_on: Option<NaiveDate>,
        method: Option<VerificationMethod>,
    ) -> Result<Contact> {
        Ok(self.session.contacts().record_identity_verification(
            id,
            expected_version,
            status,
            checked_on,
            method,
        )?)
    }

    /// Records that this contact works for / is a subsidiary of `other`.
    pub fn add_affiliation(
        &self,
        id: ContactId,
        expected_version: u64,
        kind: AffiliationKind,
        other: ContactId,
        position: Option<String>,
    ) -> Result<Contact> {
        Ok(self.session.contacts().add_affiliation(
            id,
            expected_version,
            kind,
            other,
            position.as_deref(),
        )?)
    }

    /// Removes an affiliation.
    pub fn remove_affiliation(
        &self,
        id: ContactId,
        expected_version: u64,
        kind: AffiliationKind,
        other: ContactId,
    ) -> Result<Contact> {
        Ok(self
            .session
            .contacts()
            .remove_affiliation(id, expected_version, kind, other)?)
    }
}
