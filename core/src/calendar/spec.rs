//! Naming the calendars a deadline is computed with: built-in calendars and the firm's own
//! list, joined with `+`.

use serde::{Deserialize, Serialize};

use super::{HolidayCalendar, HolidayList, UnionCalendar, WeekendsOnly, named};
use crate::error::{LexcaseError, Result};

/// The part of a spec that means the firm's own holiday list (its settings).
const FIRM: &str = "firm";

/// A calendar named by data: one or more of the built-in calendars
/// ([`super::NAMED_CALENDARS`]) and `firm` (the firm's own holiday list), joined
/// with `+`, e.g. `us-federal+firm`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CalendarSpec(String);

// Crosses the FFI as its text (Kotlin `String`); a spec naming an unknown calendar lifts as the
// same validation error as `CalendarSpec::parse`.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(CalendarSpec, String, {
    lower: |spec| spec.0,
    try_lift: |text| Ok(CalendarSpec::parse(&text).map_err(crate::ffi::FfiError::from)?),
});

impl TryFrom<String> for CalendarSpec {
    type Error = LexcaseError;
    fn try_from(text: String) -> Result<Self> {
        Self::parse(&text)
    }
}

impl From<CalendarSpec> for String {
    fn from(spec: CalendarSpec) -> Self {
        spec.0
    }
}

impl CalendarSpec {
    /// Parses and checks a spec (every part must be known).
    pub fn parse(text: &str) -> Result<Self> {
        let parts: Vec<String> = text
            .split('+')
            .map(|p| p.trim().to_ascii_lowercase())
            .collect();
        let spec = Self(parts.join("+"));
        spec.resolve(None)?;
        Ok(spec)
    }

    /// A spec of one built-in calendar id, taken as given (for ids from
    /// [`super::NAMED_CALENDARS`]; a wrong id fails when resolved).
    pub(crate) fn built_in(id: &str) -> Self {
        Self(id.to_owned())
    }

    /// The spec text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The calendar this spec names; `firm` is the firm's holiday list (none configured
    /// reads as no holidays).
    pub fn resolve(&self, firm: Option<&HolidayList>) -> Result<Box<dyn HolidayCalendar>> {
        let mut parts: Vec<Box<dyn HolidayCalendar>> = Vec::new();
        for part in self.0.split('+').map(str::trim) {
            if part.is_empty() {
                return Err(LexcaseError::validation(
                    "calendar",
                    "an empty calendar name",
                ));
            }
            parts.push(if part == FIRM {
                match firm {
                    Some(list) => Box::new(list.clone()),
                    None => Box::new(WeekendsOnly),
                }
            } else {
                named(part)?
            });
        }
        if parts.len() == 1 {
            return parts
                .pop()
                .ok_or_else(|| LexcaseError::validation("calendar", "no calendar named"));
        }
        Ok(Box::new(UnionCalendar::new(&self.0, parts)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_name_built_in_calendars_and_the_firms_list() {
        let firm = HolidayList::new("smith-co", ["2026-12-24".parse().unwrap()]).unwrap();
        let cal = CalendarSpec::parse("US-Federal + firm").unwrap();
        assert_eq!(cal.as_str(), "us-federal+firm");
        let resolved = cal.resolve(Some(&firm)).unwrap();
        assert!(resolved.is_holiday("2026-12-24".parse().unwrap()));
        assert!(resolved.is_holiday("2026-12-25".parse().unwrap()));
        assert!(CalendarSpec::parse("mars").is_err());
        assert!(CalendarSpec::parse("us-federal++firm").is_err());
        assert!(CalendarSpec::parse("").is_err());
        for id in super::super::NAMED_CALENDARS {
            assert!(CalendarSpec::built_in(id).resolve(None).is_ok());
        }
    }
}
