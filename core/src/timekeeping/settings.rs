//! The firm's billing defaults.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::billing::RoundingPolicy;
use crate::client_money::ReconciliationCadence;
use crate::error::{LexcaseError, Result};
use crate::money::{Amount, Currency, Money};
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

/// A change to the firm's billing settings: a field left `None` keeps its value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BillingSettingsChanges {
    /// The rounding policy when neither the matter nor the client sets one.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub rounding: Option<RoundingPolicy>,
    /// Hourly rates per UTBMS activity code, replacing the current ones; a rate that names no
    /// currency is in the firm's default currency.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub activity_rates: Option<BTreeMap<String, Amount>>,
    /// The tax on fees, e.g. `VAT`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tax_name: Option<String>,
    /// Its rate as a fraction (0.20 for 20 %; 0 for none).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tax_rate: Option<Decimal>,
    /// The firm's id on LEDES invoices.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub law_firm_id: Option<String>,
    /// Invoice number format, e.g. `INV{YYYY}{SEQ:5}`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub invoice_number_format: Option<String>,
    /// Days from issue to payment due.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub payment_terms_days: Option<u32>,
    /// How often client money must be reconciled.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reconciliation: Option<ReconciliationCadence>,
}

impl FirmBillingSettings {
    /// These settings with `changes` applied and checked as [`checked`](Self::checked)
    /// checks them; an activity rate that names no currency is in `currency`, the firm's
    /// default.
    pub fn changed(self, changes: BillingSettingsChanges, currency: Currency) -> Result<Self> {
        let BillingSettingsChanges {
            rounding,
            activity_rates,
            tax_name,
            tax_rate,
            law_firm_id,
            invoice_number_format,
            payment_terms_days,
            reconciliation,
        } = changes;
        let activity_rates = match activity_rates {
            Some(rates) => rates
                .into_iter()
                .map(|(code, rate)| Ok((code, rate.or_currency(currency, "activity_rates")?)))
                .collect::<Result<_>>()?,
            None => self.activity_rates,
        };
        Self {
            rounding: rounding.unwrap_or(self.rounding),
            activity_rates,
            tax_name: tax_name.unwrap_or(self.tax_name),
            tax_rate: tax_rate.unwrap_or(self.tax_rate),
            law_firm_id: law_firm_id.unwrap_or(self.law_firm_id),
            invoice_number_format: invoice_number_format.unwrap_or(self.invoice_number_format),
            payment_terms_days: payment_terms_days.unwrap_or(self.payment_terms_days),
            reconciliation: reconciliation.unwrap_or(self.reconciliation),
            version: self.version,
        }
        .checked()
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn currency(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    #[test]
    fn a_change_keeps_what_it_leaves_out_and_prices_rates_in_the_firm_currency() {
        let before = FirmBillingSettings {
            tax_name: "GST".into(),
            tax_rate: dec!(0.2),
            version: 3,
            ..FirmBillingSettings::default()
        };
        let rates = BTreeMap::from([
            ("A101".to_owned(), Amount::new(dec!(200))),
            (
                "A102".to_owned(),
                Amount {
                    amount: dec!(150),
                    currency: Some(currency("USD")),
                },
            ),
        ]);
        let after = before
            .clone()
            .changed(
                BillingSettingsChanges {
                    activity_rates: Some(rates),
                    payment_terms_days: Some(14),
                    ..BillingSettingsChanges::default()
                },
                currency("GBP"),
            )
            .unwrap();
        assert_eq!(after.activity_rates["A101"].currency, currency("GBP"));
        assert_eq!(after.activity_rates["A102"].currency, currency("USD"));
        assert_eq!(after.payment_terms_days, 14);
        assert_eq!(after.tax_rate, dec!(0.2));
        assert_eq!(after.tax_name, "GST");
        assert_eq!(after.version, 3);
    }

    #[test]
    fn a_change_that_breaks_a_rule_is_refused_naming_its_field() {
        let refused = |changes: BillingSettingsChanges| match FirmBillingSettings::default()
            .changed(changes, currency("GBP"))
        {
            Err(LexcaseError::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        };
        let bad_code = BTreeMap::from([("Z999".to_owned(), Amount::new(dec!(1)))]);
        assert_eq!(
            refused(BillingSettingsChanges {
                activity_rates: Some(bad_code),
                ..Default::default()
            }),
            "activity_code"
        );
        assert_eq!(
            refused(BillingSettingsChanges {
                tax_rate: Some(dec!(1)),
                ..Default::default()
            }),
            "tax_rate"
        );
        assert_eq!(
            refused(BillingSettingsChanges {
                payment_terms_days: Some(366),
                ..Default::default()
            }),
            "payment_terms_days"
        );
    }
}
