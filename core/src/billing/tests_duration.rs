//! Duration parsing, formatting and billed units.

use super::*;
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn refused(text: &str) -> String {
    match parse_duration(text).unwrap_err() {
        crate::LexcaseError::Validation { field, reason, .. } => {
            assert_eq!(field, "duration");
            reason
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn accepts_the_usual_forms() {
    for (text, seconds) in [
        ("1h20m", 4800),
        ("1h 20m", 4800),
        ("1H20M", 4800),
        ("1.5h", 5400),
        ("0.3", 1080),
        ("2", 7200),
        ("90m", 5400),
        ("1:20", 4800),
        ("0:05", 300),
        ("45 min", 2700),
        ("2 hours", 7200),
        ("1 hour 5 minutes", 3900),
        ("1.25 hrs", 4500),
        ("30s", 30),
        ("1m30s", 90),
        ("0", 0),
        (".5", 1800),
        (".25h", 900),
        ("1h20", 4800),
        ("1h 5", 3900),
        ("24h", 86400),
        ("  6m ", 360),
    ] {
        assert_eq!(parse_duration(text).unwrap(), seconds, "{text}");
    }
}

#[test]
fn refuses_with_helpful_reasons() {
    assert!(refused("").contains("empty"));
    assert!(refused("   ").contains("empty"));
    assert!(refused("-1h").contains("negative"));
    assert!(refused("1:75").contains("00 to 59"));
    assert!(refused("25h").contains("24 hours"));
    assert!(refused("24:01").contains("24 hours"));
    assert!(refused("0.333").contains("2 decimals"));
    assert!(refused("1.234h").contains("2 decimals"));
    assert!(parse_duration("5").is_ok());
    for garbage in [
        "abc", "1x", "h", "1.", ".5.5", "1h1h", "20m1h", "1.5m", "1:2", "1:", "5 5", ".", "1h20 5",
        "20 1h", "1h20m5", "h20m",
    ] {
        assert!(parse_duration(garbage).is_err(), "{garbage}");
    }
}

#[test]
fn formats_compactly() {
    assert_eq!(format_duration(4800), "1h20m");
    assert_eq!(format_duration(0), "0m");
    assert_eq!(format_duration(2700), "45m");
    assert_eq!(format_duration(7200), "2h");
    assert_eq!(format_duration(3630), "1h30s");
}

#[test]
fn billed_units_have_four_decimals() {
    assert_eq!(hours(5400), dec!(1.5));
    assert_eq!(hours(360), dec!(0.1));
    assert_eq!(hours(60), dec!(0.0167));
    assert_eq!(hours(1), dec!(0.0003));
    assert_eq!(hours(0), dec!(0));
}

proptest! {
    #[test]
    fn whole_minutes_round_trip(minutes in 0u32..=1440) {
        let s = minutes * 60;
        prop_assert_eq!(parse_duration(&format_duration(s)).unwrap(), s);
    }

    #[test]
    fn every_second_round_trips(s in 0u32..=86400) {
        prop_assert_eq!(parse_duration(&format_duration(s)).unwrap(), s);
    }
}
