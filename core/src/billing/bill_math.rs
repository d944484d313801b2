//! Bill totals with line and bill discounts and tax, and contingency fees, in exact decimals.
//!
//! Rounding points (all to the currency's minor unit, half away from zero):
//! 1. `gross = quantity × unit_price`, rounded;
//! 2. a line discount (percent of gross, or an amount) is rounded;
//! 3. a bill discount (percent of the bill's net after line discounts, rounded; or an amount,
//!    rounded) is allocated over the lines in proportion to their net by largest remainder in
//!    minor units (ties to the earlier line), so the allocations sum exactly to it;
//! 4. `tax = net × rate`, rounded on each taxable line;
//! 5. every bill total is the sum of its lines, so the lines always add up to what is printed.
//!
//! Decisions: a credit line has a **negative quantity** (unit prices are never negative); its
//! line discount takes the sign of its gross and never exceeds it in size. A bill discount is
//! refused on a bill that has credit lines (a proportional allocation over mixed signs has no
//! sensible meaning). Any amount above [`Money::MAX_ABS`] is refused as an overflow.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::money::{Currency, Money};

/// A discount: a percentage (0–100) or a fixed non-negative amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Discount {
    /// Percent off, 0 to 100.
    Percent(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] Decimal),
    /// A fixed amount off, not negative.
    Amount(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] Decimal),
}

impl Discount {
    /// Checks the range; `field` names the input in errors.
    pub fn validate(&self, field: &str) -> Result<()> {
        match *self {
            Self::Percent(p) if p < Decimal::ZERO || p > Decimal::ONE_HUNDRED => Err(
                LexcaseError::validation(field, "a percentage must be between 0 and 100"),
            ),
            Self::Amount(a) if a < Decimal::ZERO => Err(LexcaseError::validation(
                field,
                "an amount must not be negative",
            )),
            _ => Ok(()),
        }
    }
}

/// One line of a draft bill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftLine {
    /// Hours or items; negative for a credit line.
    pub quantity: Decimal,
    /// Rate or unit price; never negative.
    pub unit_price: Decimal,
    /// An optional line discount.
    pub discount: Option<Discount>,
    /// Whether tax applies to the line.
    pub taxable: bool,
}

/// The computed amounts of one line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LineTotals {
    /// Quantity × unit price, rounded.
    pub gross: Decimal,
    /// The line's own discount, rounded.
    pub discount: Decimal,
    /// The line's share of the bill discount.
    pub bill_discount: Decimal,
    /// Gross less both discounts.
    pub net: Decimal,
    /// Tax on the net (zero when not taxable).
    pub tax: Decimal,
    /// Net plus tax.
    pub total: Decimal,
}

/// The computed amounts of a bill; each total is the sum of its lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BillTotals {
    /// Per line, in input order (each line carries its own copy, so the bill's JSON leaves
    /// this list out).
    #[serde(skip_serializing, default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub lines: Vec<LineTotals>,
    /// Sum of line gross.
    pub gross: Decimal,
    /// Sum of line and bill discounts.
    pub discount: Decimal,
    /// Sum of line net.
    pub net: Decimal,
    /// Sum of line tax.
    pub tax: Decimal,
    /// Sum of line totals.
    pub total: Decimal,
}

pub(crate) fn round(amount: Decimal, currency: Currency) -> Decimal {
    amount.round_dp_with_strategy(
        currency.minor_unit_digits(),
        RoundingStrategy::MidpointAwayFromZero,
    )
}

fn overflow(field: &str) -> LexcaseError {
    LexcaseError::validation(field, "amount too large")
}

fn bounded(amount: Decimal, field: &str) -> Result<Decimal> {
    if amount.abs() > Money::MAX_ABS {
        Err(overflow(field))
    } else {
        Ok(amount)
    }
}

fn mul(a: Decimal, b: Decimal, field: &str) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(|| overflow(field))
}

fn percent_of(amount: Decimal, percent: Decimal, field: &str) -> Result<Decimal> {
    Ok(mul(amount, percent, field)? / Decimal::ONE_HUNDRED)
}

/// Computes a bill's totals. `tax_rate` is a fraction (0.20 for 20%; 0 for none).
pub fn bill_totals(
    lines: &[DraftLine],
    bill_discount: Option<&Discount>,
    tax_rate: Decimal,
    currency: Currency,
) -> Result<BillTotals> {
    if tax_rate < Decimal::ZERO || tax_rate > Decimal::ONE {
        return Err(LexcaseError::validation(
            "tax_rate",
            "must be a fraction between 0 and 1",
        ));
    }
    let mut out: Vec<LineTotals> = Vec::with_capacity(lines.len());
    for line in lines {
        out.push(line_before_bill_discount(line, currency)?);
    }
    if let Some(discount) = bill_discount {
        allocate_bill_discount(&mut out, discount, currency)?;
    }
    for (totals, line) in out.iter_mut().zip(lines) {
        totals.net = totals.gross - totals.discount - totals.bill_discount;
        totals.tax = if line.taxable {
            round(mul(totals.net, tax_rate, "tax")?, currency)
        } else {
            Decimal::ZERO
        };
        totals.total = totals.net + totals.tax;
    }
    let sum = |f: fn(&LineTotals) -> Decimal| -> Result<Decimal> {
        let total = out
            .iter()
            .try_fold(Decimal::ZERO, |acc, l| acc.checked_add(f(l)));
        bounded(total.ok_or_else(|| overflow("total"))?, "total")
    };
    // Every figure in the currency's canonical form (0.00, not 0), as stores give it back.
    let c = |amount: Decimal| currency.canonical(amount);
    let totals = BillTotals {
        gross: c(sum(|l| l.gross)?),
        discount: c(sum(|l| l.discount + l.bill_discount)?),
        net: c(sum(|l| l.net)?),
        tax: c(sum(|l| l.tax)?),
        total: c(sum(|l| l.total)?),
        lines: out
            .into_iter()
            .map(|l| LineTotals {
                gross: c(l.gross),
                discount: c(l.discount),
                bill_discount: c(l.bill_discount),
                net: c(l.net),
                tax: c(l.tax),
                total: c(l.total),
            })
            .collect(),
    };
    Ok(totals)
}

fn line_before_bill_discount(line: &DraftLine, currency: Currency) -> Result<LineTotals> {
    if line.unit_price < Decimal::ZERO {
        return Err(LexcaseError::validation(
            "unit_price",
            "must not be negative; use a negative quantity for a credit",
        ));
    }
    let gross = bounded(
        round(mul(line.quantity, line.unit_price, "gross")?, currency),
        "gross",
    )?;
    let discount = match line.discount {
        None => Decimal::ZERO,
        Some(d) => {
            d.validate("discount")?;
            let amount = match d {
                Discount::Percent(p) => round(percent_of(gross, p, "discount")?, currency),
                Discount::Amount(a) => {
                    let a = round(bounded(a, "discount")?, currency);
                    if gross < Decimal::ZERO { -a } else { a }
                }
            };
            if amount.abs() > gross.abs() {
                return Err(LexcaseError::validation(
                    "discount",
                    "larger than the line it applies to",
                ));
            }
            amount
        }
    };
    Ok(LineTotals {
        gross,
        discount,
        bill_discount: Decimal::ZERO,
        net: gross - discount,
        tax: Decimal::ZERO,
        total: Decimal::ZERO,
    })
}

fn allocate_bill_discount(
    lines: &mut [LineTotals],
    discount: &Discount,
    currency: Currency,
) -> Result<()> {
    const FIELD: &str = "bill_discount";
    discount.validate(FIELD)?;
    if lines.iter().any(|l| l.net < Decimal::ZERO) {
        return Err(LexcaseError::validation(
            FIELD,
            "cannot be applied to a bill with credit lines",
        ));
    }
    let net: Decimal = lines.iter().map(|l| l.net).sum();
    let amount = match *discount {
        Discount::Percent(p) => round(percent_of(net, p, FIELD)?, currency),
        Discount::Amount(a) => round(bounded(a, FIELD)?, currency),
    };
    if amount > net {
        return Err(LexcaseError::validation(
            FIELD,
            "larger than the bill it applies to",
        ));
    }
    let weights: Vec<i128> = lines
        .iter()
        .map(|l| to_minor(l.net, currency))
        .collect::<Result<_>>()?;
    let shares = largest_remainder(to_minor(amount, currency)?, &weights);
    let scale = currency.minor_unit_digits();
    for (line, share) in lines.iter_mut().zip(shares) {
        line.bill_discount =
            Decimal::try_from_i128_with_scale(share, scale).map_err(|_| overflow(FIELD))?;
    }
    Ok(())
}

/// An amount already rounded to the minor unit, as an integer count of minor units.
fn to_minor(amount: Decimal, currency: Currency) -> Result<i128> {
    let mut a = amount;
    a.rescale(currency.minor_unit_digits());
    if a.scale() != currency.minor_unit_digits() {
        return Err(overflow("amount"));
    }
    Ok(a.mantissa())
}

/// Splits `amount` (≥ 0) over non-negative `weights` in proportion, by largest remainder, ties
/// to the earlier index; the shares sum exactly to `amount` (all zero when the weights are).
pub(crate) fn largest_remainder(amount: i128, weights: &[i128]) -> Vec<i128> {
    let total: i128 = weights.iter().sum();
    if total <= 0 || amount <= 0 {
        return vec![0; weights.len()];
    }
    let mut shares = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let product = amount * w;
        shares.push(product / total);
        remainders.push((product % total, i));
    }
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = amount - shares.iter().sum::<i128>();
    for &(_, i) in remainders
        .iter()
        .take(usize::try_from(missing).unwrap_or(0))
    {
        shares[i] += 1;
    }
    shares
}

/// Whether the contingency percentage is taken before or after costs are deducted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ContingencyBasis {
    /// Percentage of the whole recovery; costs then come out of the client's share.
    #[default]
    Gross,
    /// Percentage of the recovery after costs.
    Net,
}

crate::names::stable_names!(ContingencyBasis, "basis", "contingency basis", {
    Gross = "gross",
    Net = "net",
});

/// A contingency fee calculation (Model Rule 1.5(c) closing statement figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContingencyFee {
    /// The lawyer's fee, rounded to the minor unit.
    pub fee: Decimal,
    /// What the client receives: recovery − costs − fee (negative when costs exceed the rest).
    pub client_net: Decimal,
}

/// Computes a contingency fee. `percent` is 0–100 (pass `100/3` for 33⅓ %); recovery and costs
/// must not be negative. On the net basis the fee is taken on `max(recovery − costs, 0)`.
pub fn contingency_fee(
    recovery: Decimal,
    costs: Decimal,
    percent: Decimal,
    basis: ContingencyBasis,
    currency: Currency,
) -> Result<ContingencyFee> {
    if recovery < Decimal::ZERO {
        return Err(LexcaseError::validation("recovery", "must not be negative"));
    }
    if costs < Decimal::ZERO {
        return Err(LexcaseError::validation("costs", "must not be negative"));
    }
    if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        return Err(LexcaseError::validation(
            "percent",
            "must be between 0 and 100",
        ));
    }
    let recovery = bounded(recovery, "recovery")?;
    let costs = bounded(costs, "costs")?;
    let base = match basis {
        ContingencyBasis::Gross => recovery,
        ContingencyBasis::Net => (recovery - costs).max(Decimal::ZERO),
    };
    let fee = round(percent_of(base, percent, "fee")?, currency);
    Ok(ContingencyFee {
        fee,
        client_net: round(recovery - costs - fee, currency),
    })
}
