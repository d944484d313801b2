//! Money the stores sum: an integer count of millionths of the currency unit.
//!
//! [`Money`](lexcase::money::Money) carries at most six decimal places and at most a trillion
//! units, so every amount fits an `i64` of millionths exactly, and SQL `sum()` over such a
//! column is exact on every engine. Reading gives the canonical form `Money::new` gives: no
//! trailing zeros beyond the currency's minor unit, at least its digits (`250.00 GBP`,
//! `212.125 USD`, `5000 JPY`).

use lexcase::money::Currency;
use lexcase::{LexcaseError, Result};
use rust_decimal::Decimal;

/// Decimal places kept.
pub const SCALE: u32 = 6;

/// An amount as millionths; more than six places or more than `i64` holds is refused.
pub fn to_units(amount: Decimal) -> Result<i64> {
    let mut scaled = amount;
    scaled.rescale(SCALE);
    if scaled != amount {
        return Err(LexcaseError::validation(
            "amount",
            format!("more than {SCALE} decimal places"),
        ));
    }
    i64::try_from(scaled.mantissa())
        .map_err(|_| LexcaseError::validation("amount", "too large to store"))
}

/// Millionths back to an amount in `currency`'s canonical form.
pub fn amount(units: i64, currency: Currency) -> Decimal {
    canonical(Decimal::new(units, SCALE), currency)
}

/// `amount` in `currency`'s canonical form ([`Currency::canonical`]).
pub fn canonical(amount: Decimal, currency: Currency) -> Decimal {
    currency.canonical(amount)
}

/// A sum of millionths read back from SQL (which may have widened it) as an amount.
pub fn sum(units: i128, currency: Currency) -> Result<Decimal> {
    let units = i64::try_from(units)
        .map_err(|_| LexcaseError::validation("amount", "the total is too large"))?;
    Ok(amount(units, currency))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn gbp() -> Currency {
        Currency::parse("GBP").unwrap()
    }

    #[test]
    fn units_round_trip_in_canonical_form() {
        for (text, units, back) in [
            ("250", 250_000_000, "250.00"),
            ("250.5", 250_500_000, "250.50"),
            ("0.000001", 1, "0.000001"),
            ("-12.345", -12_345_000, "-12.345"),
            ("0", 0, "0.00"),
        ] {
            let d: Decimal = text.parse().unwrap();
            assert_eq!(to_units(d).unwrap(), units);
            assert_eq!(amount(units, gbp()).to_string(), back);
        }
        let yen = Currency::parse("JPY").unwrap();
        assert_eq!(amount(5_000_000_000, yen).to_string(), "5000");
        assert!(to_units("0.0000001".parse().unwrap()).is_err());
        assert!(to_units(Decimal::MAX).is_err());
    }

    proptest! {
        #[test]
        fn any_money_amount_round_trips(whole in -1_000_000_000_000i64..=1_000_000_000_000, micros in 0i64..1_000_000, scale in 0u32..=6) {
            let mut d = Decimal::new(whole * 1_000_000 + micros, 6);
            d.rescale(scale);
            let units = to_units(d).unwrap();
            prop_assert_eq!(amount(units, gbp()), d);
        }
    }
}
