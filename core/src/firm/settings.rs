//! The firm's settings.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{CustomFieldDefinition, FeedKey, MatterNumberFormat};
use crate::calendar::{HolidayCalendar, HolidayList, WeekendsOnly};
use crate::error::{LexcaseError, Result};
use crate::money::Currency;
use crate::validate;

/// The firm's settings: one per database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirmSettings {
    /// The firm's name.
    pub name: String,
    /// Currency for new matters and rates unless stated.
    pub default_currency: Currency,
    /// How new matter numbers are made.
    pub matter_number_format: MatterNumberFormat,
    /// The firm's IANA time zone, e.g. `Europe/London`; "today" is a date in this zone.
    pub time_zone: String,
    /// Custom fields that matters may carry.
    pub custom_fields: Vec<CustomFieldDefinition>,
    /// The firm's holidays, skipped (with weekends) when counting business days.
    #[serde(default)]
    pub holidays: Option<HolidayList>,
    /// The secret that keys the change feed's pseudonyms (made at initialisation; `None` for
    /// firms set up before it existed, and in every copy the services show or audit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed_key: Option<FeedKey>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What a new firm is set up with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FirmSetup {
    /// The firm's name.
    pub name: String,
    /// ISO 4217 code, e.g. `GBP`.
    pub default_currency: String,
    /// E.g. `{CLIENT3}-{SEQ:4}`.
    pub matter_number_format: String,
    /// IANA zone, e.g. `Europe/London`.
    pub time_zone: String,
}

impl FirmSettings {
    /// Validates a setup into settings at version 1.
    pub fn from_setup(setup: &FirmSetup) -> Result<Self> {
        let settings = Self {
            name: validate::required_line("name", &setup.name)?,
            default_currency: Currency::parse(&setup.default_currency)?,
            matter_number_format: MatterNumberFormat::parse(&setup.matter_number_format)?,
            time_zone: setup.time_zone.trim().to_owned(),
            custom_fields: Vec::new(),
            holidays: None,
            feed_key: Some(FeedKey::random()),
            version: 1,
        };
        settings.zone()?;
        Ok(settings)
    }

    /// The settings as shown to users and recorded in the audit trail: without the feed key.
    pub fn without_secrets(&self) -> Self {
        Self {
            feed_key: None,
            ..self.clone()
        }
    }

    /// The firm's time zone.
    pub fn zone(&self) -> Result<Tz> {
        self.time_zone
            .parse::<Tz>()
            .map_err(|_| LexcaseError::validation("time_zone", "not an IANA time zone"))
    }

    /// The calendar date of `at` in the firm's zone.
    pub fn date_of(&self, at: DateTime<Utc>) -> Result<NaiveDate> {
        Ok(at.with_timezone(&self.zone()?).date_naive())
    }

    /// Checks a set of custom-field definitions: keys unique.
    pub fn check_custom_fields(fields: &[CustomFieldDefinition]) -> Result<()> {
        validate::bounded("custom_fields", fields, 500)?;
        let mut keys: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
        keys.sort_unstable();
        if keys.windows(2).any(|w| w[0] == w[1]) {
            return Err(LexcaseError::validation("custom_fields", "duplicate key"));
        }
        Ok(())
    }

    /// The calendar business days are counted on: the firm's holidays, or weekends only.
    pub fn calendar(&self) -> &dyn HolidayCalendar {
        match &self.holidays {
            Some(list) => list,
            None => &WeekendsOnly,
        }
    }

    /// The definition of custom field `key`.
    pub fn custom_field(&self, key: &str) -> Option<&CustomFieldDefinition> {
        self.custom_fields.iter().find(|f| f.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> FirmSetup {
        FirmSetup {
            name: "Smith & Co".into(),
            default_currency: "GBP".into(),
            matter_number_format: "{CLIENT3}-{SEQ:4}".into(),
            time_zone: "Europe/London".into(),
        }
    }

    #[test]
    fn validates_every_field() {
        assert!(FirmSettings::from_setup(&setup()).is_ok());
        let bad = [
            FirmSetup {
                name: " ".into(),
                ..setup()
            },
            FirmSetup {
                default_currency: "POUNDS".into(),
                ..setup()
            },
            FirmSetup {
                matter_number_format: "{X}".into(),
                ..setup()
            },
            FirmSetup {
                time_zone: "Mars/Olympus".into(),
                ..setup()
            },
        ];
        for (setup, field) in
            bad.iter()
                .zip(["name", "currency", "matter_number_format", "time_zone"])
        {
            match FirmSettings::from_setup(setup).unwrap_err() {
                LexcaseError::Validation { field: f, .. } => assert_eq!(f, field),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn today_is_a_date_in_the_firms_zone() {
        let s = FirmSettings {
            time_zone: "America/New_York".into(),
            ..FirmSettings::from_setup(&setup()).unwrap()
        };
        let late = "2026-11-28T03:00:00Z".parse().unwrap();
        assert_eq!(
            s.date_of(late).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
        );
    }
}
