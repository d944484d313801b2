//! The firm's billing defaults.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::billing::RoundingPolicy;
use crate::client_money::ReconciliationCadence;
use crate::error::{LexcaseError, Result};
use crate::money::Money;
use crate::validate;

/// The firm's billing defaults, one record per firm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FirmBillingSettings {
    /// The rounding policy when neither the matter nor the client sets one.
    pub rounding: RoundingPolicy,
    /// Hourly rates per UTBMS activity code (after client terms, before user defaults).
    pub activity_rates: BTreeMap<String, Money>,
    /// The tax on fees, e.g. `VAT`.
    pub tax_name: String,
    /// Its rate as a fraction (0.20 for 20 %; 0 for none).
    pub tax_rate: Decimal,
    /// The firm's id on LEDES invoices (US firms: their federal taxpayer id).
    pub law_firm_id: String,
    /// Invoice number format, e.g. `INV{YYYY}{SEQ:5}` (gapless per rendered prefix; LEDES
    /// allows letters and digits only).
    pub invoice_number_format: String,
    /// Days from issue to payment due.
    pub payment_terms_days: u32,
    /// How often client money must be reconciled.
    pub reconciliation: ReconciliationCadence,
    /// Optimistic-concurrency version (0 until first saved).
    pub version: u64,
}

impl Default for FirmBillingSettings {
    fn default() -> Self {
        Self {
            rounding: RoundingPolicy::default(),
            activity_rates: BTreeMap::new(),
            tax_name: "VAT".into(),
            tax_rate: Decimal::ZERO,
            law_firm_id: String::new(),
            invoice_number_format: "INV{SEQ:6}".into(),
            payment_terms_days: 30,
            reconciliation: ReconciliationCadence::default(),
            version: 0,
        }
    }
}

impl FirmBillingSettings {
    /// Checks every field and returns the settings with the activity rates in their
    /// currency's canonical form (as [`Money::new`] gives them).
    pub fn checked(mut self) -> Result<Self> {
        self.validate()?;
        for rate in self.activity_rates.values_mut() {
            *rate = rate.checked("activity_rates")?;
        }
        Ok(self)
    }

    /// Checks every field.
    pub fn validate(&self) -> Result<()> {
        self.rounding.validate()?;
        for (code, rate) in &self.activity_rates {
            crate::billing::check_code(crate::billing::CodeKind::Activity, code)?;
            Money::non_negative(rate.amount, rate.currency, "activity_rates")?;
        }
        validate::required_line("tax_name", &self.tax_name)?;
        if self.tax_rate < Decimal::ZERO
            || self.tax_rate >= Decimal::ONE
            || self.tax_rate.scale() > 6
        {
            return Err(LexcaseError::validation(
                "tax_rate",
                "a fraction from 0 to below 1 (0.20 for 20 %)",
            ));
        }
        validate::optional_line("law_firm_id", &self.law_firm_id)?;
        crate::firm::MatterNumberFormat::parse(&self.invoice_number_format)?;
        if self.payment_terms_days > 365 {
            return Err(LexcaseError::validation(
                "payment_terms_days",
                "at most 365 days",
            ));
        }
        Ok(())
    }
}
