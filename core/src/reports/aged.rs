//! Aged debt: outstanding bills by age.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::money::{Currency, Money};

/// One outstanding amount to age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receivable {
    /// The date the bill was issued; the age counts from this date (not from a due date), the
    /// usual convention for a law firm's aged-debtors report.
    pub issued_on: NaiveDate,
    /// What is still owed, not negative.
    pub outstanding: Money,
}

/// Outstanding amounts by age at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AgedDebt {
    /// The date the ages are counted to.
    pub as_of: NaiveDate,
    /// The currency of every amount.
    pub currency: Currency,
    /// 0 to 30 days old (and anything dated after `as_of`).
    pub current: Money,
    /// 31 to 60 days old.
    pub days_31_60: Money,
    /// 61 to 90 days old.
    pub days_61_90: Money,
    /// 91 days old or more.
    pub over_90: Money,
    /// The sum of the four buckets.
    pub total: Money,
}

/// The first issue date of each older bucket at `as_of`: an amount issued on or after
/// `bounds[0]` is current (0–30 days, or dated after `as_of`), on or after `bounds[1]` is 31–60
/// days old, on or after `bounds[2]` 61–90, and earlier is over 90. Stores sum by these dates.
pub fn aging_bounds(as_of: NaiveDate) -> [NaiveDate; 3] {
    let back = |days: u64| {
        as_of
            .checked_sub_days(chrono::Days::new(days))
            .unwrap_or(NaiveDate::MIN)
    };
    [back(30), back(60), back(90)]
}

/// Aged debt from the four sums a store computed with [`aging_bounds`].
pub fn aged_debt_of(
    buckets: [Decimal; 4],
    as_of: NaiveDate,
    currency: Currency,
) -> Result<AgedDebt> {
    let total = buckets
        .iter()
        .try_fold(Decimal::ZERO, |t, b| t.checked_add(*b))
        .ok_or_else(|| LexcaseError::validation("outstanding", "overflow"))?;
    let money = |amount| Money::new(amount, currency, "outstanding");
    Ok(AgedDebt {
        as_of,
        currency,
        current: money(buckets[0])?,
        days_31_60: money(buckets[1])?,
        days_61_90: money(buckets[2])?,
        over_90: money(buckets[3])?,
        total: money(total)?,
    })
}

/// Ages `items` at `as_of` in one pass: the age is `as_of − issued_on` in days; 0–30 days
/// (inclusive, and future-dated items) is current, then 31–60, 61–90 and 91 or more. Refused
/// with a validation error: an item in another currency or with a negative outstanding amount
/// (allocate credits first), or a total too large for [`Money`].
pub fn aged_debt(items: &[Receivable], as_of: NaiveDate, currency: Currency) -> Result<AgedDebt> {
    let mut buckets = [Decimal::ZERO; 4];
    for item in items {
        if item.outstanding.currency != currency {
            return Err(LexcaseError::validation(
                "currency",
                "cannot age amounts in different currencies",
            ));
        }
        if item.outstanding.amount < Decimal::ZERO {
            return Err(LexcaseError::validation(
                "outstanding",
                "must not be negative",
            ));
        }
        let age = (as_of - item.issued_on).num_days();
        let bucket = match age {
            ..=30 => 0,
            31..=60 => 1,
            61..=90 => 2,
            _ => 3,
        };
        buckets[bucket] = buckets[bucket]
            .checked_add(item.outstanding.amount)
            .ok_or_else(|| LexcaseError::validation("outstanding", "overflow"))?;
    }
    aged_debt_of(buckets, as_of, currency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn gbp() -> Currency {
        Currency::parse("GBP").unwrap()
    }

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
    }

    fn aged(days: u64, pence: i64) -> Receivable {
        Receivable {
            issued_on: as_of().checked_sub_days(Days::new(days)).unwrap(),
            outstanding: Money::new(Decimal::new(pence, 2), gbp(), "x").unwrap(),
        }
    }

    fn buckets(r: &AgedDebt) -> [Decimal; 4] {
        [
            r.current.amount,
            r.days_31_60.amount,
            r.days_61_90.amount,
            r.over_90.amount,
        ]
    }

    #[test]
    fn boundaries() {
        let one = dec!(1.00);
        let z = dec!(0);
        for (days, expected) in [
            (0, [one, z, z, z]),
            (30, [one, z, z, z]),
            (31, [z, one, z, z]),
            (60, [z, one, z, z]),
            (61, [z, z, one, z]),
            (90, [z, z, one, z]),
            (91, [z, z, z, one]),
            (4000, [z, z, z, one]),
        ] {
            let r = aged_debt(&[aged(days, 100)], as_of(), gbp()).unwrap();
            assert_eq!(buckets(&r), expected, "{days} days");
            assert_eq!(r.total.amount, one);
        }
    }

    #[test]
    fn future_dated_is_current_and_empty_is_zero() {
        let future = Receivable {
            issued_on: as_of().checked_add_days(Days::new(10)).unwrap(),
            outstanding: Money::new(dec!(5), gbp(), "x").unwrap(),
        };
        let r = aged_debt(&[future], as_of(), gbp()).unwrap();
        assert_eq!(r.current.amount, dec!(5));
        let r = aged_debt(&[], as_of(), gbp()).unwrap();
        assert_eq!(
            r.total,
            Money::zero(gbp()).checked_add(Money::zero(gbp())).unwrap()
        );
        assert_eq!(r.total.to_string(), "0.00 GBP");
    }

    #[test]
    fn refuses_mixed_currencies_and_credits() {
        let usd = Receivable {
            issued_on: as_of(),
            outstanding: Money::new(dec!(1), Currency::parse("USD").unwrap(), "x").unwrap(),
        };
        assert!(aged_debt(&[aged(1, 1), usd], as_of(), gbp()).is_err());
        assert!(aged_debt(&[aged(1, -1)], as_of(), gbp()).is_err());
    }

    #[test]
    fn ages_100k_items() {
        let items: Vec<Receivable> = (0..100_000u64).map(|i| aged(i % 200, 12345)).collect();
        let r = aged_debt(&items, as_of(), gbp()).unwrap();
        assert_eq!(r.total.amount, dec!(12_345_000.00));
    }

    proptest! {
        /// The dates stores sum by put every amount in the bucket its age says.
        #[test]
        fn bounds_agree_with_ages(as_of_day in 0u64..60_000, age in -400i64..400) {
            let epoch = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
            let as_of = epoch.checked_add_days(Days::new(as_of_day)).unwrap();
            let issued = as_of - chrono::Duration::days(age);
            let b = aging_bounds(as_of);
            let by_bounds = if issued >= b[0] {
                0
            } else if issued >= b[1] {
                1
            } else if issued >= b[2] {
                2
            } else {
                3
            };
            let by_age = match age {
                ..=30 => 0,
                31..=60 => 1,
                61..=90 => 2,
                _ => 3,
            };
            prop_assert_eq!(by_bounds, by_age);
        }

        #[test]
        fn buckets_sum_to_the_total(
            items in prop::collection::vec((0u64..500, 0i64..100_000_000), 0..200),
        ) {
            let items: Vec<Receivable> = items.into_iter().map(|(d, p)| aged(d, p)).collect();
            let r = aged_debt(&items, as_of(), gbp()).unwrap();
            prop_assert_eq!(buckets(&r).iter().sum::<Decimal>(), r.total.amount);
            let expected: Decimal = items.iter().map(|i| i.outstanding.amount).sum();
            prop_assert_eq!(r.total.amount, expected);
        }
    }
}
