//! Utilisation and realisation ratios.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{LexcaseError, Result};
use crate::money::Money;

/// Decimal places of a ratio.
const RATIO_DP: u32 = 4;

fn ratio(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    numerator
        .checked_div(denominator)
        .map(|r| r.round_dp_with_strategy(RATIO_DP, RoundingStrategy::MidpointAwayFromZero))
}

/// Billable time as a fraction of available time (0.75 is 75%; above 1 when more was billed
/// than available), rounded half away from zero to 4 decimal places. `None` when no time was
/// available.
pub fn utilisation(billable_seconds: u64, available_seconds: u64) -> Option<Decimal> {
    if available_seconds == 0 {
        return None;
    }
    ratio(
        Decimal::from(billable_seconds),
        Decimal::from(available_seconds),
    )
}

/// The amount billed as a fraction of the recorded value of the work (time at standard rates),
/// rounded half away from zero to 4 decimal places. `None` when nothing was recorded. Both
/// amounts must be in one currency and not negative (validation errors).
pub fn realisation(billed: Money, recorded_value: Money) -> Result<Option<Decimal>> {
    if billed.currency != recorded_value.currency {
        return Err(LexcaseError::validation(
            "currency",
            "billed and recorded value are in different currencies",
        ));
    }
    if billed.amount < Decimal::ZERO {
        return Err(LexcaseError::validation("billed", "must not be negative"));
    }
    if recorded_value.amount < Decimal::ZERO {
        return Err(LexcaseError::validation(
            "recorded_value",
            "must not be negative",
        ));
    }
    if recorded_value.amount.is_zero() {
        return Ok(None);
    }
    Ok(ratio(billed.amount, recorded_value.amount))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use rust_decimal_macros::dec;

    fn gbp(amount: Decimal) -> Money {
        Money::new(amount, Currency::parse("GBP").unwrap(), "x").unwrap()
    }

    #[test]
    fn utilisation_is_a_4dp_fraction() {
        assert_eq!(utilisation(0, 0), None);
        assert_eq!(utilisation(10, 0), None);
        assert_eq!(utilisation(0, 3600), Some(dec!(0)));
        assert_eq!(utilisation(27_000, 36_000), Some(dec!(0.75)));
        assert_eq!(utilisation(1, 3), Some(dec!(0.3333)));
        assert_eq!(utilisation(2, 3), Some(dec!(0.6667)));
        assert_eq!(utilisation(45, 36), Some(dec!(1.25)));
        assert_eq!(utilisation(u64::MAX, 1), Some(Decimal::from(u64::MAX)));
    }

    #[test]
    fn realisation_is_billed_over_recorded() {
        assert_eq!(
            realisation(gbp(dec!(900)), gbp(dec!(1000))).unwrap(),
            Some(dec!(0.9))
        );
        assert_eq!(
            realisation(gbp(dec!(1)), gbp(dec!(3))).unwrap(),
            Some(dec!(0.3333))
        );
        assert_eq!(realisation(gbp(dec!(5)), gbp(dec!(0))).unwrap(), None);
        assert!(realisation(gbp(dec!(-1)), gbp(dec!(3))).is_err());
        assert!(realisation(gbp(dec!(1)), gbp(dec!(-3))).is_err());
        let usd = Money::new(dec!(1), Currency::parse("USD").unwrap(), "x").unwrap();
        assert!(realisation(gbp(dec!(1)), usd).is_err());
    }
}
