//! Values of custom fields, typed by their definition.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::firm::{CustomFieldDefinition, CustomFieldKind};
use crate::ids::ContactId;
use crate::validate;

/// A custom field's value. (Kotlin and Swift name each variant's value `value`.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CustomValue {
    /// Text.
    Text(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] String),
    /// Whole number.
    Number(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] i64),
    /// Exact decimal.
    Decimal(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] Decimal),
    /// Date.
    Date(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] NaiveDate),
    /// Yes/no.
    Bool(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] bool),
    /// One of the definition's choices.
    Choice(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] String),
    /// A contact (the service checks it exists).
    ContactRef(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] ContactId),
}

impl CustomValue {
    /// The kind of this value.
    pub fn kind(&self) -> CustomFieldKind {
        match self {
            Self::Text(_) => CustomFieldKind::Text,
            Self::Number(_) => CustomFieldKind::Number,
            Self::Decimal(_) => CustomFieldKind::Decimal,
            Self::Date(_) => CustomFieldKind::Date,
            Self::Bool(_) => CustomFieldKind::Bool,
            Self::Choice(_) => CustomFieldKind::Choice,
            Self::ContactRef(_) => CustomFieldKind::ContactRef,
        }
    }

    /// Checks the value against its definition; returns the normalised value. A text value is
    /// accepted for a choice field (bindings without a separate choice type send text).
    pub fn checked(self, def: &CustomFieldDefinition) -> Result<Self> {
        let field = format!("custom_fields.{}", def.key);
        let value = match (self, def.kind) {
            (Self::Text(t), CustomFieldKind::Choice) => Self::Choice(t),
            (v, _) => v,
        };
        if value.kind() != def.kind {
            return Err(LexcaseError::validation(
                field,
                format!("expected a {} value", def.kind.as_str()),
            ));
        }
        Ok(match value {
            Self::Text(t) => Self::Text(validate::required_line(&field, &t)?),
            Self::Choice(c) if !def.choices.contains(&c) => {
                return Err(LexcaseError::validation(field, "not one of the choices"));
            }
            Self::Decimal(d) if d.abs() > crate::money::Money::MAX_ABS => {
                return Err(LexcaseError::validation(field, "too large"));
            }
            other => other,
        })
    }
}
