//! Exact money: a `Decimal` amount in an ISO 4217 currency. Never a binary float.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::error::{LexcaseError, Result};

/// An active ISO 4217 currency, stored by its three-letter code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency(iso_currency::Currency);

impl Currency {
    /// Parses a three-letter ISO 4217 code such as `GBP` (upper case only).
    pub fn parse(code: &str) -> Result<Self> {
        let invalid = || LexcaseError::validation("currency", "not an ISO 4217 currency code");
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(invalid());
        }
        iso_currency::Currency::from_code(code)
            .filter(|c| c.exponent().is_some())
            .map(Self)
            .ok_or_else(invalid)
    }

    /// The three-letter code.
    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// `amount` in its canonical form in this currency: no trailing zeros beyond the minor
    /// unit, and at least the minor unit's digits ("250.00 GBP", "212.125 USD", "0.00 GBP",
    /// "5000 JPY"), so that equal amounts look alike in every binding and after a store has
    /// kept them.
    pub fn canonical(&self, amount: Decimal) -> Decimal {
        let mut amount = amount.normalize();
        let minor = self.minor_unit_digits();
        if amount.scale() < minor {
            amount.rescale(minor);
        }
        amount
    }

    /// The symbol documents print: `£`, `$`, `€`, `¥` and `₹` for GBP, USD, EUR, JPY and
    /// INR, and the code itself for every other currency (a bare `$` or `kr` would be
    /// ambiguous).
    pub fn symbol(&self) -> &'static str {
        match self.code() {
            "GBP" => "£",
            "USD" => "$",
            "EUR" => "€",
            "JPY" => "¥",
            "INR" => "₹",
            code => code,
        }
    }

    /// Digits after the decimal point of the currency's minor unit (2 for GBP, 0 for JPY).
    pub fn minor_unit_digits(&self) -> u32 {
        // `parse` admits only currencies with an exponent.
        u32::from(self.0.exponent().unwrap_or(2))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = LexcaseError;
    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Currency {
    type Error = LexcaseError;
    fn try_from(s: String) -> Result<Self> {
        Self::parse(&s)
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> Self {
        c.code().to_owned()
    }
}

/// An exact amount of money in one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Money {
    /// The amount; its scale never exceeds [`Money::MAX_SCALE`].
    pub amount: Decimal,
    /// The currency of the amount.
    pub currency: Currency,
}

impl Money {
    /// The most decimal places an amount or rate may carry (rates may be finer than the minor unit).
    pub const MAX_SCALE: u32 = 6;
    /// The largest absolute amount accepted (one trillion): larger is surely a typing error.
    pub const MAX_ABS: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

    /// Builds money, checking scale and magnitude. `field` names the input in errors.
    pub fn new(amount: Decimal, currency: Currency, field: &str) -> Result<Self> {
        if amount.normalize().scale() > Self::MAX_SCALE {
            return Err(LexcaseError::validation(
                field,
                format!("more than {} decimal places", Self::MAX_SCALE),
            ));
        }
        if amount.abs() > Self::MAX_ABS {
            return Err(LexcaseError::validation(field, "amount too large"));
        }
        Ok(Self {
            amount: currency.canonical(amount),
            currency,
        })
    }

    /// Checks money built elsewhere (e.g. lifted from a foreign language) as [`Money::new`]
    /// does: within scale and magnitude, in canonical form, else a `Validation` error on
    /// `field`.
    pub fn checked(self, field: &str) -> Result<Self> {
        Self::new(self.amount, self.currency, field)
    }

    /// Builds a non-negative amount (a rate, a price).
    pub fn non_negative(amount: Decimal, currency: Currency, field: &str) -> Result<Self> {
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(LexcaseError::validation(field, "must not be negative"));
        }
        Self::new(amount, currency, field)
    }

    /// Zero in `currency`.
    pub fn zero(currency: Currency) -> Self {
        Self {
            amount: Decimal::ZERO,
            currency,
        }
    }

    /// Adds two amounts of the same currency; mixed currencies are a validation error.
    pub fn checked_add(self, other: Self) -> Result<Self> {
        if self.currency != other.currency {
            return Err(LexcaseError::validation(
                "currency",
                "cannot add amounts in different currencies",
            ));
        }
        let amount = self
            .amount
            .checked_add(other.amount)
            .ok_or_else(|| LexcaseError::validation("amount", "overflow"))?;
        Ok(Self { amount, ..self })
    }

    /// Rounds to the currency's minor unit, half away from zero (the documented rounding point).
    pub fn round_to_minor_unit(self) -> Self {
        Self {
            amount: self.amount.round_dp_with_strategy(
                self.currency.minor_unit_digits(),
                RoundingStrategy::MidpointAwayFromZero,
            ),
            ..self
        }
    }
}

/// An amount given to a service whose currency may be left to its context: `None` is the
/// currency the context implies (the matter's for work and client money, the firm's default
/// currency otherwise), which the service fills in inside the same transaction, so every
/// front end gets the same default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Amount {
    /// The amount.
    pub amount: Decimal,
    /// Its currency, or `None` for the context's.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub currency: Option<Currency>,
}

impl Amount {
    /// An amount in the currency of its context.
    pub fn new(amount: Decimal) -> Self {
        Self {
            amount,
            currency: None,
        }
    }

    /// The amount as money, in `default` unless it names its own currency; scale and
    /// magnitude are checked as [`Money::new`] checks them. `field` names the input in errors.
    pub fn or_currency(self, default: Currency, field: &str) -> Result<Money> {
        Money::new(self.amount, self.currency.unwrap_or(default), field)
    }
}

impl From<Money> for Amount {
    fn from(money: Money) -> Self {
        Self {
            amount: money.amount,
            currency: Some(money.currency),
        }
    }
}

impl fmt::Display for Money {
    /// "275.00 GBP": at least the currency's minor-unit digits, more only if the amount has them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.amount.scale().max(self.currency.minor_unit_digits()) as usize;
        write!(f, "{:.digits$} {}", self.amount, self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn gbp() -> Currency {
        Currency::parse("GBP").unwrap()
    }

    #[test]
    fn parses_iso_codes_and_refuses_garbage() {
        assert_eq!(gbp().code(), "GBP");
        assert_eq!(Currency::parse("JPY").unwrap().minor_unit_digits(), 0);
        for bad in ["", "gbp", "GBPX", "XXZ", "12€", "XAU"] {
            assert_eq!(
                Currency::parse(bad).unwrap_err().code(),
                crate::ErrorCode::Validation,
                "{bad}"
            );
        }
    }

    #[test]
    fn an_amount_without_a_currency_takes_the_one_its_context_gives() {
        let usd = Currency::parse("USD").unwrap();
        let given = Amount::new(dec!(12.5)).or_currency(gbp(), "rate").unwrap();
        assert_eq!(given, Money::new(dec!(12.5), gbp(), "rate").unwrap());
        let named = Amount::from(Money::new(dec!(3), usd, "rate").unwrap());
        assert_eq!(named.or_currency(gbp(), "rate").unwrap().currency, usd);
        let err = Amount::new(dec!(0.0000001))
            .or_currency(gbp(), "rate")
            .unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Validation);
    }

    #[test]
    fn refuses_mixed_currencies_and_bad_amounts() {
        let usd = Currency::parse("USD").unwrap();
        let err = Money::zero(gbp())
            .checked_add(Money::zero(usd))
            .unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Validation);
        assert!(Money::non_negative(dec!(-1), gbp(), "rate").is_err());
        assert!(Money::new(dec!(0.0000001), gbp(), "rate").is_err());
        assert!(Money::new(dec!(2000000000000), gbp(), "rate").is_err());
        assert_eq!(Money::MAX_ABS, dec!(1000000000000));
    }

    #[test]
    fn amounts_keep_the_minor_unit_and_drop_other_trailing_zeros() {
        let scale = |a, c: &str| {
            Money::new(a, Currency::parse(c).unwrap(), "x")
                .unwrap()
                .amount
                .to_string()
        };
        assert_eq!(scale(dec!(250), "GBP"), "250.00");
        assert_eq!(scale(dec!(250.1000), "GBP"), "250.10");
        assert_eq!(scale(dec!(212.1250), "USD"), "212.125");
        assert_eq!(scale(dec!(5000.0), "JPY"), "5000");
    }

    #[test]
    fn displays_at_least_the_minor_unit() {
        let show = |a, c: &str| {
            Money::new(a, Currency::parse(c).unwrap(), "x")
                .unwrap()
                .to_string()
        };
        assert_eq!(show(dec!(275), "GBP"), "275.00 GBP");
        assert_eq!(show(dec!(212.125), "USD"), "212.125 USD");
        assert_eq!(show(dec!(5000), "JPY"), "5000 JPY");
        assert_eq!(show(dec!(-1.5), "BHD"), "-1.500 BHD");
    }

    #[test]
    fn rounds_half_away_from_zero() {
        let m = Money::new(dec!(2.345), gbp(), "x")
            .unwrap()
            .round_to_minor_unit();
        assert_eq!(m.amount, dec!(2.35));
        let m = Money::new(dec!(-2.345), gbp(), "x")
            .unwrap()
            .round_to_minor_unit();
        assert_eq!(m.amount, dec!(-2.35));
    }

    proptest! {
        #[test]
        fn addition_is_exact(a in -1_000_000_000i64..1_000_000_000, b in -1_000_000_000i64..1_000_000_000) {
            let x = Money::new(Decimal::new(a, 2), gbp(), "a").unwrap();
            let y = Money::new(Decimal::new(b, 2), gbp(), "b").unwrap();
            let sum = x.checked_add(y).unwrap();
            prop_assert_eq!(sum.amount, Decimal::new(a + b, 2));
            prop_assert_eq!(sum.round_to_minor_unit(), sum);
        }
    }
}
