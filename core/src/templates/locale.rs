//! How money, dates and percentages print: the firm's locale conventions.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::firm::FirmSettings;
use crate::money::Currency;

/// The conventions documents print in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Locale {
    /// England & Wales (and the UK): day-month-year ("31 March 2026", "31/03/2026").
    #[default]
    #[serde(rename = "en-GB")]
    EnGb,
    /// United States: month-day-year ("March 31, 2026", "03/31/2026").
    #[serde(rename = "en-US")]
    EnUs,
}

crate::names::stable_names!(Locale, "locale", "locale", {
    EnGb = "en-GB",
    EnUs = "en-US",
});

/// Groups the digits of a non-negative integer part in threes with commas.
fn grouped(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Locale {
    /// The locale a firm's documents default to: US conventions for a firm in an American
    /// time zone or keeping its books in US dollars, else England & Wales.
    pub fn default_for(settings: &FirmSettings) -> Self {
        if settings.time_zone.starts_with("America/")
            || settings.time_zone.starts_with("US/")
            || settings.time_zone == "Pacific/Honolulu"
            || settings.default_currency.code() == "USD"
        {
            Self::EnUs
        } else {
            Self::EnGb
        }
    }

    /// An amount with its currency symbol and exactly the currency's minor unit, digits
    /// grouped in thousands: `£1,234.50`, `-$12.00`, `¥5,000` (both locales write money
    /// alike; rounded half away from zero to the minor unit, which bill figures already are).
    pub fn money(self, amount: Decimal, currency: Currency) -> String {
        let digits = currency.minor_unit_digits();
        let rounded = amount
            .round_dp_with_strategy(digits, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let plain = format!("{:.*}", digits as usize, rounded.abs());
        let (whole, fraction) = match plain.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (plain.as_str(), None),
        };
        let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
            "-"
        } else {
            ""
        };
        let symbol = currency.symbol();
        let spacer = if symbol.chars().all(|c| c.is_ascii_alphabetic()) {
            " "
        } else {
            ""
        };
        match fraction {
            Some(f) => format!("{sign}{symbol}{spacer}{}.{f}", grouped(whole)),
            None => format!("{sign}{symbol}{spacer}{}", grouped(whole)),
        }
    }

    /// A rate or unit price: like [`Locale::money`] but never rounded, so a rate finer than
    /// the minor unit prints as stored (`£212.125`).
    pub fn rate(self, amount: Decimal, currency: Currency) -> String {
        let scale = amount.normalize().scale();
        if scale <= currency.minor_unit_digits() {
            return self.money(amount, currency);
        }
        let whole = self.money(amount.trunc(), currency);
        let fraction = amount.abs().fract().normalize().to_string();
        let fraction = fraction.trim_start_matches('0');
        match whole.split_once('.') {
            Some((w, _)) => format!("{w}{fraction}"),
            None => format!("{whole}{fraction}"),
        }
    }

    /// A date written out: `31 March 2026` (en-GB) or `March 31, 2026` (en-US).
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Self::EnGb => date.format("%-d %B %Y").to_string(),
            Self::EnUs => date.format("%B %-d, %Y").to_string(),
        }
    }

    /// A date in figures: `31/03/2026` (en-GB) or `03/31/2026` (en-US).
    pub fn short_date(self, date: NaiveDate) -> String {
        match self {
            Self::EnGb => date.format("%d/%m/%Y").to_string(),
            Self::EnUs => date.format("%m/%d/%Y").to_string(),
        }
    }

    /// A fraction as a percentage without trailing zeros: `0.2` → `20%`, `0.175` → `17.5%`.
    pub fn percent(self, fraction: Decimal) -> String {
        format!("{}%", (fraction * Decimal::ONE_HUNDRED).normalize())
    }

    /// A quantity (hours or units) with at least two decimals and at most four:
    /// `1.5` → `1.50`, `0.3333` → `0.3333`, `2` → `2.00`.
    pub fn quantity(self, quantity: Decimal) -> String {
        let mut q = quantity.normalize();
        if q.scale() < 2 {
            q.rescale(2);
        }
        let plain = q.abs().to_string();
        let (whole, fraction) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
        let sign = if q.is_sign_negative() && !q.is_zero() {
            "-"
        } else {
            ""
        };
        format!("{sign}{}.{fraction}", grouped(whole))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn gbp() -> Currency {
        Currency::parse("GBP").unwrap()
    }

    #[test]
    fn money_has_symbol_minor_units_and_groups() {
        let l = Locale::EnGb;
        assert_eq!(l.money(dec!(1234.5), gbp()), "£1,234.50");
        assert_eq!(l.money(dec!(-12), gbp()), "-£12.00");
        assert_eq!(l.money(dec!(0), gbp()), "£0.00");
        assert_eq!(l.money(dec!(1234567.891), gbp()), "£1,234,567.89");
        assert_eq!(
            Locale::EnUs.money(dec!(999.995), Currency::parse("USD").unwrap()),
            "$1,000.00"
        );
        assert_eq!(
            l.money(dec!(5000), Currency::parse("JPY").unwrap()),
            "¥5,000"
        );
        assert_eq!(
            l.money(dec!(10), Currency::parse("CHF").unwrap()),
            "CHF 10.00"
        );
    }

    #[test]
    fn rates_keep_their_precision() {
        assert_eq!(Locale::EnGb.rate(dec!(250), gbp()), "£250.00");
        assert_eq!(Locale::EnGb.rate(dec!(212.125), gbp()), "£212.125");
        assert_eq!(Locale::EnGb.rate(dec!(1212.125), gbp()), "£1,212.125");
        assert_eq!(Locale::EnGb.rate(dec!(0.005), gbp()), "£0.005");
    }

    #[test]
    fn dates_follow_the_locale() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(Locale::EnGb.date(d), "1 March 2026");
        assert_eq!(Locale::EnUs.date(d), "March 1, 2026");
        assert_eq!(Locale::EnGb.short_date(d), "01/03/2026");
        assert_eq!(Locale::EnUs.short_date(d), "03/01/2026");
    }

    #[test]
    fn percentages_and_quantities() {
        assert_eq!(Locale::EnGb.percent(dec!(0.2)), "20%");
        assert_eq!(Locale::EnGb.percent(dec!(0.175)), "17.5%");
        assert_eq!(Locale::EnGb.quantity(dec!(1.5)), "1.50");
        assert_eq!(Locale::EnGb.quantity(dec!(0.3333)), "0.3333");
        assert_eq!(Locale::EnGb.quantity(dec!(-2)), "-2.00");
        assert_eq!(Locale::EnGb.quantity(dec!(1200)), "1,200.00");
    }
}
