//! Firm-defined custom fields for matters, typed: text, number, decimal, date, bool, choice,
//! contact reference.

use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::validate;

/// The type of a custom field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CustomFieldKind {
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

crate::names::stable_names!(CustomFieldKind, "kind", "custom field kind", {
    Text = "text",
    Number = "number",
    Decimal = "decimal",
    Date = "date",
    Bool = "bool",
    Choice = "choice",
    ContactRef = "contact_ref",
});

/// The definition of one custom field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CustomFieldDefinition {
    /// Machine key, `[a-z0-9_]`, 1–64 characters, unique in the firm.
    pub key: String,
    /// Label shown to users.
    pub label: String,
    /// The type of its values.
    pub kind: CustomFieldKind,
    /// Allowed values, for `choice` fields (required and only there).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub choices: Vec<String>,
}

impl CustomFieldDefinition {
    /// Builds and checks a definition.
    pub fn new(
        key: &str,
        label: &str,
        kind: CustomFieldKind,
        choices: Vec<String>,
    ) -> Result<Self> {
        let key = key.trim();
        if key.is_empty()
            || key.len() > 64
            || !key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return Err(LexcaseError::validation(
                "key",
                "use 1 to 64 characters a-z, 0-9 and _",
            ));
        }
        let label = validate::required_line("label", label)?;
        validate::bounded("choices", &choices, 200)?;
        let choices = choices
            .iter()
            .map(|c| validate::required_line("choices", c))
            .collect::<Result<Vec<_>>>()?;
        match (kind, choices.is_empty()) {
            (CustomFieldKind::Choice, true) => {
                return Err(LexcaseError::validation(
                    "choices",
                    "a choice field needs choices",
                ));
            }
            (CustomFieldKind::Choice, false) => {}
            (_, false) => {
                return Err(LexcaseError::validation(
                    "choices",
                    "only choice fields have choices",
                ));
            }
            (_, true) => {}
        }
        let mut sorted = choices.clone();
        sorted.sort();
        sorted.dedup();
        if sorted.len() != choices.len() {
            return Err(LexcaseError::validation("choices", "duplicate choice"));
        }
        Ok(Self {
            key: key.to_owned(),
            label,
            kind,
            choices,
        })
    }
}
