//! How a matter is billed.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::error::{LexcaseError, Result};
use crate::money::Currency;

/// The kind of billing arrangement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BillingKind {
    /// Time at hourly rates.
    Hourly,
    /// An agreed fixed fee.
    FixedFee,
    /// A share of the recovery.
    Contingency,
    /// Not billed (pro bono, internal).
    NonBillable,
}

impl BillingKind {
    /// Every kind.
    pub const ALL: [BillingKind; 4] = [
        Self::Hourly,
        Self::FixedFee,
        Self::Contingency,
        Self::NonBillable,
    ];

    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hourly => "hourly",
            Self::FixedFee => "fixed_fee",
            Self::Contingency => "contingency",
            Self::NonBillable => "non_billable",
        }
    }
}

impl FromStr for BillingKind {
    type Err = LexcaseError;
    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| LexcaseError::validation("billing", "unknown billing arrangement"))
    }
}

/// A matter's billing arrangement: its kind and currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BillingArrangement {
    /// Hourly, fixed fee, contingency or non-billable.
    pub kind: BillingKind,
    /// The currency the matter is billed in.
    pub currency: Currency,
}
