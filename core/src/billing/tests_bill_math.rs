//! Bill totals, discounts, tax and contingency fees (STANDARDS §7.2–7.4).

use super::*;
use crate::money::Currency;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn gbp() -> Currency {
    Currency::parse("GBP").unwrap()
}

fn line(quantity: Decimal, unit_price: Decimal, taxable: bool) -> DraftLine {
    DraftLine {
        quantity,
        unit_price,
        discount: None,
        taxable,
    }
}

fn field_of(err: crate::LexcaseError) -> String {
    match err {
        crate::LexcaseError::Validation { field, .. } => field,
        other => panic!("{other:?}"),
    }
}

#[test]
fn uk_invoice_with_vat_and_an_outside_scope_disbursement() {
    // Fees £1,000 (VAT), court fee £100 disbursement (no VAT), firm's rail fare £50 (VAT).
    let lines = [
        line(dec!(1), dec!(1000.00), true),
        line(dec!(1), dec!(100.00), false),
        line(dec!(1), dec!(50.00), true),
    ];
    let t = bill_totals(&lines, None, dec!(0.20), gbp()).unwrap();
    assert_eq!(t.lines[0].tax, dec!(200.00));
    assert_eq!(t.lines[1].tax, dec!(0));
    assert_eq!(t.lines[2].tax, dec!(10.00));
    assert_eq!(t.tax, dec!(210.00));
    assert_eq!(t.net, dec!(1150.00));
    assert_eq!(t.total, dec!(1360.00));
}

#[test]
fn us_invoice_in_a_non_taxing_state() {
    let usd = Currency::parse("USD").unwrap();
    let t = bill_totals(&[line(dec!(4), dec!(250), true)], None, Decimal::ZERO, usd).unwrap();
    assert_eq!((t.net, t.tax, t.total), (dec!(1000), dec!(0), dec!(1000)));
    // Hawaii GET as data, e.g. 4%.
    let t = bill_totals(&[line(dec!(4), dec!(250), true)], None, dec!(0.04), usd).unwrap();
    assert_eq!(t.tax, dec!(40));
}

#[test]
fn gross_and_discounts_round_half_away_from_zero() {
    // 0.1667 h × 212.50 = 35.42375 -> 35.42; 10% discount 3.542 -> 3.54.
    let l = DraftLine {
        discount: Some(Discount::Percent(dec!(10))),
        ..line(dec!(0.1667), dec!(212.50), true)
    };
    let t = bill_totals(&[l], None, dec!(0.2), gbp()).unwrap();
    let lt = &t.lines[0];
    assert_eq!(lt.gross, dec!(35.42));
    assert_eq!(lt.discount, dec!(3.54));
    assert_eq!(lt.net, dec!(31.88));
    assert_eq!(lt.tax, dec!(6.38)); // 6.376
    assert_eq!(lt.total, dec!(38.26));
    let jpy = Currency::parse("JPY").unwrap();
    let t = bill_totals(
        &[line(dec!(1.5), dec!(333), false)],
        None,
        Decimal::ZERO,
        jpy,
    )
    .unwrap();
    assert_eq!(t.gross, dec!(500)); // 499.5 -> 500
}

#[test]
fn bill_discount_is_allocated_by_largest_remainder() {
    let lines = [
        line(dec!(1), dec!(100), true),
        line(dec!(1), dec!(100), true),
        line(dec!(1), dec!(100), true),
    ];
    let t = bill_totals(&lines, Some(&Discount::Amount(dec!(100))), dec!(0.2), gbp()).unwrap();
    let shares: Vec<_> = t.lines.iter().map(|l| l.bill_discount).collect();
    assert_eq!(shares, vec![dec!(33.34), dec!(33.33), dec!(33.33)]);
    assert_eq!(t.discount, dec!(100));
    assert_eq!(t.net, dec!(200));
    assert_eq!(t.tax, t.lines.iter().map(|l| l.tax).sum::<Decimal>());
    // Tax is rounded per line (13.33 × 3), so it may differ by a minor unit from 20% of 200.
    assert_eq!(t.tax, dec!(39.99));
    let t = bill_totals(
        &lines,
        Some(&Discount::Percent(dec!(10))),
        Decimal::ZERO,
        gbp(),
    )
    .unwrap();
    assert_eq!(t.discount, dec!(30));
    assert_eq!(t.total, dec!(270));
}

#[test]
fn credit_lines_use_negative_quantities() {
    let lines = [
        line(dec!(2), dec!(100), true),
        DraftLine {
            discount: Some(Discount::Amount(dec!(10))),
            ..line(dec!(-1), dec!(50), true)
        },
    ];
    let t = bill_totals(&lines, None, dec!(0.2), gbp()).unwrap();
    assert_eq!(t.lines[1].gross, dec!(-50));
    assert_eq!(t.lines[1].discount, dec!(-10));
    assert_eq!(t.lines[1].net, dec!(-40));
    assert_eq!(t.lines[1].tax, dec!(-8));
    assert_eq!(t.total, dec!(192));
    assert_eq!(
        field_of(
            bill_totals(&lines, Some(&Discount::Amount(dec!(1))), dec!(0), gbp()).unwrap_err()
        ),
        "bill_discount"
    );
}

#[test]
fn refusals() {
    let ok = [line(dec!(1), dec!(100), true)];
    let refuse = |lines: &[DraftLine], bd: Option<&Discount>, rate: Decimal| {
        field_of(bill_totals(lines, bd, rate, gbp()).unwrap_err())
    };
    assert_eq!(
        refuse(&[line(dec!(1), dec!(-1), true)], None, dec!(0)),
        "unit_price"
    );
    let big = DraftLine {
        discount: Some(Discount::Amount(dec!(100.01))),
        ..ok[0].clone()
    };
    assert_eq!(refuse(&[big], None, dec!(0)), "discount");
    let pct = DraftLine {
        discount: Some(Discount::Percent(dec!(101))),
        ..ok[0].clone()
    };
    assert_eq!(refuse(&[pct], None, dec!(0)), "discount");
    let neg = DraftLine {
        discount: Some(Discount::Amount(dec!(-1))),
        ..ok[0].clone()
    };
    assert_eq!(refuse(&[neg], None, dec!(0)), "discount");
    assert_eq!(
        refuse(&ok, Some(&Discount::Amount(dec!(100.01))), dec!(0)),
        "bill_discount"
    );
    assert_eq!(
        refuse(&ok, Some(&Discount::Percent(dec!(-5))), dec!(0)),
        "bill_discount"
    );
    assert_eq!(refuse(&ok, None, dec!(-0.1)), "tax_rate");
    assert_eq!(refuse(&ok, None, dec!(1.5)), "tax_rate");
    assert_eq!(
        refuse(&[line(dec!(1000000), dec!(10000000), true)], None, dec!(0)),
        "gross"
    );
    let huge = line(Decimal::MAX, Decimal::MAX, true);
    assert_eq!(refuse(&[huge], None, dec!(0)), "gross");
    // Empty bills are zero everywhere.
    let t = bill_totals(&[], Some(&Discount::Amount(dec!(0))), dec!(0.2), gbp()).unwrap();
    assert_eq!(t.total, dec!(0));
}

#[test]
fn discount_serde_is_tagged() {
    let json = serde_json::to_value(Discount::Percent(dec!(12.5))).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"kind": "percent", "value": "12.5"})
    );
    let back: Discount = serde_json::from_value(json).unwrap();
    assert_eq!(back, Discount::Percent(dec!(12.5)));
}

#[test]
fn contingency_vectors() {
    let usd = Currency::parse("USD").unwrap();
    let third = Decimal::ONE_HUNDRED / Decimal::from(3);
    let gross = contingency_fee(
        dec!(100000),
        dec!(10000),
        third,
        ContingencyBasis::Gross,
        usd,
    )
    .unwrap();
    assert_eq!(
        gross,
        ContingencyFee {
            fee: dec!(33333.33),
            client_net: dec!(56666.67)
        }
    );
    let net =
        contingency_fee(dec!(100000), dec!(10000), third, ContingencyBasis::Net, usd).unwrap();
    assert_eq!(
        net,
        ContingencyFee {
            fee: dec!(30000),
            client_net: dec!(60000)
        }
    );
    let shortfall =
        contingency_fee(dec!(1000), dec!(2000), dec!(25), ContingencyBasis::Net, usd).unwrap();
    assert_eq!(
        shortfall,
        ContingencyFee {
            fee: dec!(0),
            client_net: dec!(-1000)
        }
    );
    for (r, c, p) in [
        (dec!(-1), dec!(0), dec!(10)),
        (dec!(1), dec!(-1), dec!(10)),
        (dec!(1), dec!(0), dec!(101)),
    ] {
        assert!(contingency_fee(r, c, p, ContingencyBasis::Gross, usd).is_err());
    }
    assert_eq!(ContingencyBasis::Net.as_str(), "net");
}

fn any_discount() -> impl Strategy<Value = Option<Discount>> {
    prop_oneof![
        Just(None),
        (0i64..=10000).prop_map(|p| Some(Discount::Percent(Decimal::new(p, 2)))),
        (0i64..=5000).prop_map(|a| Some(Discount::Amount(Decimal::new(a, 2)))),
    ]
}

fn any_line() -> impl Strategy<Value = DraftLine> {
    (
        0i64..=100_000,
        0i64..=100_000,
        any_discount(),
        any::<bool>(),
    )
        .prop_map(|(q, p, d, taxable)| {
            let quantity = Decimal::new(q, 4);
            let unit_price = Decimal::new(p, 2);
            // Keep amount discounts within the line.
            let gross = (quantity * unit_price).round_dp(2);
            let discount = match d {
                Some(Discount::Amount(a)) if a > gross => Some(Discount::Amount(gross)),
                other => other,
            };
            DraftLine {
                quantity,
                unit_price,
                discount,
                taxable,
            }
        })
}

proptest! {
    #[test]
    fn lines_always_sum_to_the_totals(
        lines in prop::collection::vec(any_line(), 0..8),
        bill in prop_oneof![Just(None), (0i64..=10000).prop_map(|p| Some(Discount::Percent(Decimal::new(p, 2))))],
        rate in 0i64..=2500,
    ) {
        let t = bill_totals(&lines, bill.as_ref(), Decimal::new(rate, 4), gbp()).unwrap();
        let sum = |f: fn(&LineTotals) -> Decimal| t.lines.iter().map(f).sum::<Decimal>();
        prop_assert_eq!(t.gross, sum(|l| l.gross));
        prop_assert_eq!(t.discount, sum(|l| l.discount + l.bill_discount));
        prop_assert_eq!(t.net, sum(|l| l.net));
        prop_assert_eq!(t.tax, sum(|l| l.tax));
        prop_assert_eq!(t.total, sum(|l| l.total));
        prop_assert_eq!(t.gross - t.discount, t.net);
        prop_assert_eq!(t.net + t.tax, t.total);
        for l in &t.lines {
            prop_assert_eq!(l.net, l.gross - l.discount - l.bill_discount);
            prop_assert_eq!(l.total.round_dp(2), l.total);
            prop_assert!(l.net >= Decimal::ZERO);
        }
    }

    #[test]
    fn bill_discount_allocations_sum_exactly(
        lines in prop::collection::vec(any_line(), 1..8),
        fraction in 0i64..=1000,
    ) {
        let before = bill_totals(&lines, None, Decimal::ZERO, gbp()).unwrap();
        let amount = (before.net * Decimal::new(fraction, 3)).round_dp(2);
        let t = bill_totals(&lines, Some(&Discount::Amount(amount)), Decimal::ZERO, gbp()).unwrap();
        prop_assert_eq!(t.lines.iter().map(|l| l.bill_discount).sum::<Decimal>(), amount);
        prop_assert_eq!(t.net, before.net - amount);
    }
}
