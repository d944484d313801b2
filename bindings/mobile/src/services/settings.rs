//! The firm's settings and custom-field definitions.

use crate::error::Result;
use crate::records::{CustomFieldDefinition, FirmSettings, HolidayList, SettingsChanges};

service_object! {
    /// Settings of the firm: reading is open to all users; changing needs `manage_firm`.
    SettingsService
}

#[uniffi::export]
impl SettingsService {
    /// The current settings.
    pub fn get(&self) -> Result<FirmSettings> {
        Ok(self.session.settings().get()?.into())
    }

    /// Changes name, currency, number format or zone, based on `expected_version`.
    pub fn update(&self, expected_version: u64, changes: SettingsChanges) -> Result<FirmSettings> {
        Ok(self
            .session
            .settings()
            .update(expected_version, &changes)?
            .into())
    }

    /// Adds a custom-field definition (its key must be new), based on `expected_version`.
    pub fn define_custom_field(
        &self,
        expected_version: u64,
        definition: CustomFieldDefinition,
    ) -> Result<FirmSettings> {
        Ok(self
            .session
            .settings()
            .define_custom_field(expected_version, definition)?
            .into())
    }

    /// Sets (or with null removes) the firm's holiday calendar for business-day counting,
    /// based on `expected_version`. Due dates already computed keep their dates until their
    /// anchors move.
    pub fn set_holidays(
        &self,
        expected_version: u64,
        holidays: Option<HolidayList>,
    ) -> Result<FirmSettings> {
        Ok(self
            .session
            .settings()
            .set_holidays(expected_version, holidays)?
            .into())
    }
}
