//! The firm: how it is stored, set up and configured, and its custom-field definitions. The
//! core's setup, settings changes and custom-field definitions cross the FFI as they are
//! (`lexcase::firm`, `lexcase::service::SettingsChanges`); this module keeps the storage's
//! durability (`lexcase_sqlite`, which does not derive) and the settings as shown: the core's
//! `FirmSettings` carries the firm's secret feed key, which never crosses.

pub use lexcase::firm::{CustomFieldDefinition, CustomFieldKind, FirmSetup};
pub use lexcase::service::SettingsChanges;

use lexcase::firm::FirmSettings as CoreFirmSettings;
use lexcase::money::Currency;
use lexcase_sqlite::Durability as CoreDurability;

use super::HolidayList;
use crate::convert::mirror_enum;

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

/// The firm's settings.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FirmSettings {
    /// The firm's name.
    pub name: String,
    /// ISO 4217 currency for new matters and rates unless stated.
    pub default_currency: Currency,
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
    /// The settings as shown: the core's, without the feed key (never shown).
    fn from(settings: CoreFirmSettings) -> Self {
        Self {
            name: settings.name,
            default_currency: settings.default_currency,
            matter_number_format: settings.matter_number_format.into(),
            time_zone: settings.time_zone,
            custom_fields: settings.custom_fields,
            holidays: settings.holidays,
            version: settings.version,
        }
    }
}
