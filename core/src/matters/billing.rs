//! How a matter is billed.

use serde::{Deserialize, Serialize};

use crate::money::Currency;

/// The kind of billing arrangement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

crate::names::stable_names!(BillingKind, "billing", "billing arrangement", {
    Hourly = "hourly",
    FixedFee = "fixed_fee",
    Contingency = "contingency",
    NonBillable = "non_billable",
});

/// A matter's billing arrangement: its kind and currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BillingArrangement {
    /// Hourly, fixed fee, contingency or non-billable.
    pub kind: BillingKind,
    /// The currency the matter is billed in.
    pub currency: Currency,
}
