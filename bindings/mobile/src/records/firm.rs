//! The firm: how it is stored, set up and configured, and its custom-field definitions.

use lexcase::firm::{
    CustomFieldDefinition as CoreCustomFieldDefinition, CustomFieldKind as CoreCustomFieldKind,
    FirmSettings as CoreFirmSettings, FirmSetup as CoreFirmSetup,
};
use lexcase::service::SettingsChanges as CoreSettingsChanges;
use lexcase_sqlite::Durability as CoreDurability;

use super::HolidayList;
use crate::convert::{all, mirror_enum};

mirror_enum! {
    /// How hard a commit works to survive a power cut (file databases).
    Durability = CoreDurability {
        /// A committed change survives a crash and a power cut. The right choice for a legal
        /// record.
        Full,
        /// Survives a crash of the app, but the last commits may be lost on a power cut;
        /// several times faster per commit. Choose it only on purpose.
        Normal,
    }
}

mirror_enum! {
    /// The type of a custom field.
    CustomFieldKind = CoreCustomFieldKind {
        /// Free text (one line).
        Text,
        /// A whole number.
        Number,
        /// An exact decimal.
        Decimal,
        /// A calendar date.
        Date,
        /// Yes or no.
        Bool,
        /// One of the definition's choices.
        Choice,
        /// A contact.
        ContactRef,
    }
}

/// What a new firm is set up with.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FirmSetup {
    /// The firm's name.
    pub name: String,
    /// ISO 4217 code, e.g. `GBP`.
    pub default_currency: String,
    /// How matter numbers are made, e.g. `{CLIENT3}-{SEQ:4}`.
    pub matter_number_format: String,
    /// IANA time zone, e.g. `Europe/London`.
    pub time_zone: String,
}

impl From<FirmSetup> for CoreFirmSetup {
    fn from(setup: FirmSetup) -> Self {
        Self {
            name: setup.name,
            default_currency: setup.default_currency,
            matter_number_format: setup.matter_number_format,
            time_zone: setup.time_zone,
        }
    }
}

/// The definition of one custom field that matters may carry.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CustomFieldDefinition {
    /// Machine key, `[a-z0-9_]`, 1–64 characters, unique in the firm.
    pub key: String,
    /// Label shown to users.
    pub label: String,
    /// The type of its values.
    pub kind: CustomFieldKind,
    /// Allowed values, for choice fields (required and only there).
    #[uniffi(default)]
    pub choices: Vec<String>,
}

impl From<CoreCustomFieldDefinition> for CustomFieldDefinition {
    fn from(definition: CoreCustomFieldDefinition) -> Self {
        let CoreCustomFieldDefinition {
            key,
            label,
            kind,
            choices,
        } = definition;
        Self {
            key,
            label,
            kind: kind.into(),
            choices,
        }
    }
}

impl From<CustomFieldDefinition> for CoreCustomFieldDefinition {
    fn from(definition: CustomFieldDefinition) -> Self {
        Self {
            key: definition.key,
            label: definition.label,
            kind: definition.kind.into(),
            choices: definition.choices,
        }
    }
}

/// The firm's settings.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FirmSettings {
    /// The firm's name.
    pub name: String,
    /// ISO 4217 currency for new matters and rates unless stated.
    pub default_currency: String,
    /// How new matter numbers are made.
    pub matter_number_format: String,
    /// The firm's IANA time zone; "today" is a date in this zone.
    pub time_zone: String,
    /// Custom fields that matters may carry.
    pub custom_fields: Vec<CustomFieldDefinition>,
    /// The holidays business-day counting steps over (besides weekends); null for none.
    pub holidays: Option<HolidayList>,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreFirmSettings> for FirmSettings {
    fn from(settings: CoreFirmSettings) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreFirmSettings {
            name,
            default_currency,
            matter_number_format,
            time_zone,
            custom_fields,
            holidays,
            feed_key: _,
            version,
        } = settings;
        Self {
            name,
            default_currency: default_currency.code().to_owned(),
            matter_number_format: matter_number_format.into(),
            time_zone,
            custom_fields: all(custom_fields),
            holidays,
            version,
        }
    }
}

/// Changes to the settings; null leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct SettingsChanges {
    /// New firm name.
    #[uniffi(default)]
    pub name: Option<String>,
    /// New default currency (ISO 4217).
    #[uniffi(default)]
    pub default_currency: Option<String>,
    /// New matter-number format (applies to matters opened from now on).
    #[uniffi(default)]
    pub matter_number_format: Option<String>,
    /// New IANA time zone.
    #[uniffi(default)]
    pub time_zone: Option<String>,
}

impl From<SettingsChanges> for CoreSettingsChanges {
    fn from(changes: SettingsChanges) -> Self {
        Self {
            name: changes.name,
            default_currency: changes.default_currency,
            matter_number_format: changes.matter_number_format,
            time_zone: changes.time_zone,
        }
    }
}
