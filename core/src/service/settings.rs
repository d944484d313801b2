//! The firm's settings and custom-field definitions.

use super::Session;
use crate::access::Capability;
use crate::calendar::HolidayList;
use crate::error::{LexcaseError, Result};
use crate::firm::{CustomFieldDefinition, FirmSettings, MatterNumberFormat};
use crate::money::Currency;
use crate::validate;

/// Changes to the settings; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SettingsChanges {
    /// New firm name.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// New default currency (ISO 4217).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub default_currency: Option<String>,
    /// New matter-number format (applies to matters opened from now on).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub matter_number_format: Option<String>,
    /// New IANA time zone.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub time_zone: Option<String>,
}

/// Settings of the firm (reading is open to all users; changing needs `manage_firm`).
#[derive(Debug)]
pub struct SettingsService<'s> {
    session: &'s Session,
}

impl<'s> SettingsService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// The current settings (without the feed key, which is never shown).
    pub fn get(&self) -> Result<FirmSettings> {
        self.session
            .read(|ctx| Ok(super::context::load_settings(ctx.tx)?.without_secrets()))
    }

    fn change(
        &self,
        expected_version: u64,
        action: &str,
        f: impl FnOnce(&mut FirmSettings) -> Result<()>,
    ) -> Result<FirmSettings> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageFirm)?;
            let before = ctx.settings.clone();
            let after = ctx.amend(before, expected_version, action, |s, _| f(s))?;
            Ok(after.without_secrets())
        })
    }

    /// Changes name, currency, number format or zone.
    pub fn update(&self, expected_version: u64, changes: &SettingsChanges) -> Result<FirmSettings> {
        self.change(expected_version, "firm.updated", |s| {
            if let Some(name) = &changes.name {
                s.name = validate::required_line("name", name)?;
            }
            if let Some(c) = &changes.default_currency {
                s.default_currency = Currency::parse(c)?;
            }
            if let Some(f) = &changes.matter_number_format {
                s.matter_number_format = MatterNumberFormat::parse(f)?;
            }
            if let Some(z) = &changes.time_zone {
                s.time_zone = z.trim().to_owned();
                s.zone()?;
            }
            Ok(())
        })
    }

    /// Sets (or with `None` removes) the firm's holiday calendar for business-day counting.
    /// Due dates already computed keep their dates until their anchors move.
    pub fn set_holidays(
        &self,
        expected_version: u64,
        holidays: Option<HolidayList>,
    ) -> Result<FirmSettings> {
        self.change(expected_version, "firm.holidays_set", |s| {
            s.holidays = holidays
                .map(|h| HolidayList::new(&h.id, h.dates))
                .transpose()?;
            Ok(())
        })
    }

    /// Adds a custom-field definition (its key must be new).
    pub fn define_custom_field(
        &self,
        expected_version: u64,
        definition: CustomFieldDefinition,
    ) -> Result<FirmSettings> {
        self.change(expected_version, "firm.custom_field_defined", |s| {
            let def = CustomFieldDefinition::new(
                &definition.key,
                &definition.label,
                definition.kind,
                definition.choices,
            )?;
            if s.custom_field(&def.key).is_some() {
                return Err(LexcaseError::Conflict {
                    reason: "a custom field with this key exists".into(),
                });
            }
            s.custom_fields.push(def);
            FirmSettings::check_custom_fields(&s.custom_fields)
        })
    }
}
