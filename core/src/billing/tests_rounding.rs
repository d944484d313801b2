//! Rounding vectors (STANDARDS §7.4) and properties.

use super::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn policy(
    increment: u32,
    mode: RoundingMode,
    minimum: u32,
    aggregation: Aggregation,
) -> RoundingPolicy {
    RoundingPolicy {
        increment_minutes: increment,
        mode,
        minimum_minutes: minimum,
        aggregation,
    }
}

fn tenths(p: &RoundingPolicy, minutes: u64) -> Decimal {
    hours(p.round_entry(minutes * 60))
}

#[test]
fn default_is_six_minutes_up_per_entry() {
    let p = RoundingPolicy::default();
    assert_eq!(p, policy(6, RoundingMode::Up, 0, Aggregation::PerEntry));
    assert!(p.validate().is_ok());
    assert_eq!(serde_json::from_str::<RoundingPolicy>("{}").unwrap(), p);
    let json =
        serde_json::to_value(policy(15, RoundingMode::Nearest, 6, Aggregation::PerDay)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"increment_minutes": 15, "mode": "nearest", "minimum_minutes": 6, "aggregation": "per_day"})
    );
}

#[test]
fn validate_bounds() {
    assert!(
        policy(0, RoundingMode::Up, 0, Aggregation::PerEntry)
            .validate()
            .is_err()
    );
    assert!(
        policy(61, RoundingMode::Up, 0, Aggregation::PerEntry)
            .validate()
            .is_err()
    );
    assert!(
        policy(1, RoundingMode::Up, 0, Aggregation::PerEntry)
            .validate()
            .is_ok()
    );
    assert!(
        policy(60, RoundingMode::Up, 60, Aggregation::PerEntry)
            .validate()
            .is_ok()
    );
    assert!(
        policy(6, RoundingMode::Up, 61, Aggregation::PerEntry)
            .validate()
            .is_err()
    );
    // An invalid increment is clamped rather than dividing by zero.
    assert_eq!(
        policy(0, RoundingMode::Up, 0, Aggregation::PerEntry).round_entry(90),
        120
    );
}

#[test]
fn nearest_tenth_table() {
    let p = policy(6, RoundingMode::Nearest, 0, Aggregation::PerEntry);
    let table: [(u64, u64, Decimal); 11] = [
        (0, 2, dec!(0.0)),
        (3, 8, dec!(0.1)),
        (9, 14, dec!(0.2)),
        (15, 20, dec!(0.3)),
        (21, 26, dec!(0.4)),
        (27, 32, dec!(0.5)),
        (33, 38, dec!(0.6)),
        (39, 44, dec!(0.7)),
        (45, 50, dec!(0.8)),
        (51, 56, dec!(0.9)),
        (57, 60, dec!(1.0)),
    ];
    for (from, to, expected) in table {
        for m in from..=to {
            assert_eq!(tenths(&p, m), expected, "{m} min");
        }
    }
    assert_eq!(tenths(&p, 96), dec!(1.6));
    assert_eq!(tenths(&p, 158), dec!(2.6));
}

#[test]
fn cpcs_vectors() {
    let entry = policy(6, RoundingMode::Nearest, 0, Aggregation::PerEntry);
    assert_eq!(tenths(&entry, 5), dec!(0.1));
    assert_eq!(tenths(&entry, 8), dec!(0.1));
    assert_eq!(
        entry
            .round_day(&[480, 780])
            .into_iter()
            .map(hours)
            .collect::<Vec<_>>(),
        vec![dec!(0.1), dec!(0.2)]
    );
    let day = policy(6, RoundingMode::Nearest, 0, Aggregation::PerDay);
    let calls = day.round_day(&[180, 180, 180, 180]);
    assert_eq!(
        hours(calls.iter().sum()),
        dec!(0.2),
        "four 3-min calls: 0.2 not 0.4"
    );
    assert_eq!(
        calls,
        vec![360, 360, 0, 0],
        "ties go to the earlier entries"
    );
    assert_eq!(
        hours(entry.round_day(&[180, 180, 180, 180]).iter().sum()),
        dec!(0.4)
    );
    assert_eq!(day.round_day(&[180]), vec![360], "single 3-min call: 0.1");
    assert_eq!(
        hours(day.round_entry(480)),
        dec!(0.1),
        "8/60 = 0.133 -> 0.1"
    );
}

#[test]
fn ceiling_vectors() {
    let p = RoundingPolicy::default();
    for (minutes, expected) in [
        (1, dec!(0.1)),
        (6, dec!(0.1)),
        (7, dec!(0.2)),
        (13, dec!(0.3)),
        (60, dec!(1.0)),
    ] {
        assert_eq!(tenths(&p, minutes), expected, "{minutes}");
    }
    let quarter = policy(15, RoundingMode::Up, 0, Aggregation::PerEntry);
    assert_eq!(tenths(&quarter, 5), dec!(0.25));
    // The ABA abuse case: two 5-minute calls billed separately come to 0.5 h.
    assert_eq!(
        hours(quarter.round_day(&[300, 300]).iter().sum()),
        dec!(0.5)
    );
    let quarter_day = policy(15, RoundingMode::Up, 0, Aggregation::PerDay);
    assert_eq!(quarter_day.round_day(&[300, 300]), vec![900, 0]);
}

#[test]
fn down_and_exact_minutes() {
    let down = policy(6, RoundingMode::Down, 0, Aggregation::PerEntry);
    assert_eq!(tenths(&down, 11), dec!(0.1));
    assert_eq!(tenths(&down, 5), dec!(0));
    let exact = policy(1, RoundingMode::Up, 0, Aggregation::PerEntry);
    assert_eq!(exact.round_entry(61), 120);
    assert_eq!(exact.round_entry(120), 120);
}

#[test]
fn minimums_apply_to_non_zero_time() {
    let p = policy(6, RoundingMode::Up, 12, Aggregation::PerEntry);
    assert_eq!(p.round_entry(0), 0);
    assert_eq!(p.round_entry(60), 720);
    assert_eq!(p.round_entry(1000), 1080);
    assert_eq!(p.round_day(&[60, 60, 0]), vec![720, 720, 0]);
    let day = policy(6, RoundingMode::Up, 12, Aggregation::PerDay);
    assert_eq!(day.round_day(&[60, 60, 0]), vec![360, 360, 0]);
    assert_eq!(day.round_day(&[0, 0]), vec![0, 0]);
    // A minimum that is not a whole increment: the odd part goes to the largest entry.
    let odd = policy(6, RoundingMode::Down, 10, Aggregation::PerDay);
    assert_eq!(odd.round_day(&[60, 120]), vec![0, 600]);
}

fn any_policy() -> impl Strategy<Value = RoundingPolicy> {
    (
        prop::sample::select(vec![1u32, 5, 6, 10, 15, 30, 60]),
        prop::sample::select(RoundingMode::ALL.to_vec()),
        prop::sample::select(vec![0u32, 6, 10, 12, 15]),
        prop::sample::select(Aggregation::ALL.to_vec()),
    )
        .prop_map(|(i, m, min, a)| policy(i, m, min, a))
}

proptest! {
    #[test]
    fn round_entry_is_monotone_and_on_the_grid(p in any_policy(), a in 0u64..200_000, b in 0u64..200_000) {
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(p.round_entry(lo) <= p.round_entry(hi));
        let r = p.round_entry(a);
        let inc = u64::from(p.increment_minutes) * 60;
        prop_assert!(r % inc == 0 || r == u64::from(p.minimum_minutes) * 60);
    }

    #[test]
    fn up_is_at_least_exact_and_down_at_most(p in any_policy(), s in 0u64..200_000) {
        let up = RoundingPolicy { mode: RoundingMode::Up, minimum_minutes: 0, ..p };
        let down = RoundingPolicy { mode: RoundingMode::Down, minimum_minutes: 0, ..p };
        let near = RoundingPolicy { mode: RoundingMode::Nearest, minimum_minutes: 0, ..p };
        prop_assert!(up.round_entry(s) >= s);
        prop_assert!(down.round_entry(s) <= s);
        prop_assert!(down.round_entry(s) <= near.round_entry(s));
        prop_assert!(near.round_entry(s) <= up.round_entry(s));
    }

    #[test]
    fn per_day_sums_to_the_rounded_total(p in any_policy(), entries in prop::collection::vec(0u64..20_000, 0..8)) {
        let day = RoundingPolicy { aggregation: Aggregation::PerDay, ..p };
        let out = day.round_day(&entries);
        prop_assert_eq!(out.len(), entries.len());
        let total: u64 = entries.iter().sum();
        prop_assert_eq!(out.iter().sum::<u64>(), day.round_entry(total));
        let entry_up = RoundingPolicy { aggregation: Aggregation::PerEntry, mode: RoundingMode::Up, ..p };
        prop_assert!(out.iter().sum::<u64>() <= entry_up.round_day(&entries).iter().sum::<u64>());
        for (o, e) in out.iter().zip(&entries) {
            if *e == 0 { prop_assert_eq!(*o, 0); }
        }
    }
}

#[test]
fn stable_names_match_serde() {
    for mode in RoundingMode::ALL {
        assert_eq!(
            serde_json::to_value(mode).unwrap(),
            serde_json::json!(mode.as_str())
        );
        assert_eq!(mode.as_str().parse::<RoundingMode>().unwrap(), mode);
    }
    for a in Aggregation::ALL {
        assert_eq!(
            serde_json::to_value(a).unwrap(),
            serde_json::json!(a.as_str())
        );
        assert_eq!(a.as_str().parse::<Aggregation>().unwrap(), a);
    }
    for b in ContingencyBasis::ALL {
        assert_eq!(
            serde_json::to_value(b).unwrap(),
            serde_json::json!(b.as_str())
        );
        assert_eq!(b.as_str().parse::<ContingencyBasis>().unwrap(), b);
    }
    assert!("Up".parse::<RoundingMode>().is_err());
    assert!("".parse::<Aggregation>().is_err());
}
