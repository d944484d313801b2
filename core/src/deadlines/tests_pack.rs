//! Rule packs, serde and malformed input.

use chrono::{NaiveDate, TimeZone, Utc};

use super::test_support::*;
use super::*;
use crate::LexcaseError;

fn is_validation<T: std::fmt::Debug>(r: crate::Result<T>) -> bool {
    matches!(r, Err(LexcaseError::Validation { .. }))
}

#[test]
fn builtin_packs_load_and_validate() {
    let packs = RulePack::builtin();
    let ids: Vec<_> = packs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["frcp", "cpr", "limitation-ew", "sdlt"]);
    for pack in &packs {
        pack.validate().unwrap();
        assert!(!pack.rules.is_empty());
        let json = serde_json::to_string(pack).unwrap();
        assert_eq!(&RulePack::from_json(&json).unwrap(), pack);
        let toml_text = toml::to_string(pack).unwrap();
        assert_eq!(&RulePack::from_toml(&toml_text).unwrap(), pack);
    }
    assert_eq!(
        packs[0].rule("frcp-answer").unwrap().citation,
        "FRCP 12(a)(1)(A)(i)"
    );
    assert!(packs[0].rule("nope").is_none());
    assert_eq!(builtin_rule("sdlt-return").unwrap().period.amount, 14);
    assert!(builtin_rule("nope").is_none());
}

const GOOD: &str = r#"
id = "firm"
version = 2
title = "Firm rules"

[[rules]]
id = "firm-chaser"
title = "Chase the client"
citation = "Firm policy 4"
period = { amount = 10, unit = "days" }
direction = "after"
method = "calendar"
roll = "forward"
service_days = false
court_office_act = false
"#;

#[test]
fn malformed_packs_are_validation_errors() {
    let pack = RulePack::from_toml(GOOD).unwrap();
    assert_eq!(pack.rules[0].options, ReadingOptions::default());
    let bad = |from: &str, to: &str| {
        assert!(GOOD.contains(from), "{from}");
        is_validation(RulePack::from_toml(&GOOD.replacen(from, to, 1)))
    };
    assert!(bad("\"calendar\"", "\"lunar\""), "unknown method");
    assert!(bad("\"days\"", "\"fortnights\""), "unknown unit");
    assert!(bad("\"forward\"", "\"sideways\""), "unknown roll");
    assert!(
        bad(
            "court_office_act = false",
            "court_office_act = false\ncolour = 1"
        ),
        "unknown key"
    );
    assert!(bad(
        "court_office_act = false",
        "court_office_act = false\noptions = { month_end = \"round\" }"
    ));
    assert!(bad(
        "court_office_act = false",
        "court_office_act = false\noptions = { typo = 1 }"
    ));
    assert!(
        bad("version = 2", "version = 2\nextra = true"),
        "unknown pack key"
    );
    assert!(bad("amount = 10", "amount = 10001"), "too many days");
    assert!(bad(
        "amount = 10, unit = \"days\"",
        "amount = 101, unit = \"years\""
    ));
    assert!(bad("amount = 10", "amount = -1"), "negative");
    assert!(bad("\"firm-chaser\"", "\"Firm Chaser\""), "id spelling");
    assert!(bad("\"Chase the client\"", "\"  \""), "empty title");
    assert!(bad("service_days = false", ""), "missing field");
    assert!(
        !bad("method = \"calendar\"", "method = \"frcp6\""),
        "a valid change"
    );
    let duplicate = format!("{GOOD}\n{}", &GOOD[GOOD.find("[[rules]]").unwrap()..]);
    assert!(
        is_validation(RulePack::from_toml(&duplicate)),
        "duplicate ids"
    );
    assert!(is_validation(RulePack::from_toml("not = [toml")));
    assert!(is_validation(RulePack::from_json("{\"id\": 1}")));
}

#[test]
fn meaningless_rules_are_refused() {
    let base = rule(
        14,
        PeriodUnit::Days,
        Direction::After,
        CountingMethod::Frcp6,
    );
    base.validate().unwrap();
    let refused = |change: &dyn Fn(&mut DeadlineRule)| {
        let mut r = base.clone();
        change(&mut r);
        is_validation(r.validate())
            && is_validation(compute_with(
                &r,
                Trigger::Day(d("2026-03-02")),
                None,
                "us-federal",
                "weekends-only",
            ))
    };
    assert!(refused(&|r| r.period.amount = 0), "zero days under FRCP");
    assert!(refused(&|r| r.period = Period {
        amount: 10_001,
        unit: PeriodUnit::Hours
    }));
    assert!(refused(&|r| {
        r.period.unit = PeriodUnit::Hours;
        r.method = CountingMethod::Cpr2_8;
    }));
    assert!(refused(&|r| {
        r.service_days = true;
        r.direction = Direction::Before;
    }));
    assert!(refused(&|r| {
        r.service_days = true;
        r.method = CountingMethod::Cpr2_8;
    }));
    assert!(refused(&|r| {
        r.service_days = true;
        r.period.unit = PeriodUnit::Hours;
    }));
    assert!(refused(&|r| r.citation = "bad\u{7}".into()));
    // Zero days is meaningful for plain counting: the trigger day, rolled.
    let mut zero = rule(
        0,
        PeriodUnit::Days,
        Direction::After,
        CountingMethod::Calendar,
    );
    zero.roll = RollPolicy::Forward;
    let out = compute_with(
        &zero,
        Trigger::Day(d("2026-03-07")),
        None,
        "us-federal",
        "weekends-only",
    );
    assert_eq!(out.unwrap().due, d("2026-03-09"));
}

#[test]
fn out_of_range_dates_are_errors_not_panics() {
    let far = rule(
        5,
        PeriodUnit::Years,
        Direction::After,
        CountingMethod::Calendar,
    );
    for trigger in [NaiveDate::MAX, NaiveDate::MIN] {
        for direction in [Direction::After, Direction::Before] {
            for method in CountingMethod::ALL {
                for unit in [PeriodUnit::Days, PeriodUnit::Years] {
                    let mut r = far.clone();
                    r.direction = direction;
                    r.method = method;
                    r.period.unit = unit;
                    let out = compute_with(
                        &r,
                        Trigger::Day(trigger),
                        None,
                        "england-wales",
                        "weekends-only",
                    );
                    assert!(out.is_ok() || is_validation(out));
                }
            }
        }
    }
    let forward = rule(1, PeriodUnit::Days, Direction::After, CountingMethod::Frcp6);
    assert!(is_validation(compute_with(
        &forward,
        Trigger::Day(NaiveDate::MAX),
        None,
        "us-federal",
        "weekends-only"
    )));
    // Hour periods at the ends of chrono's range.
    let hours = builtin_rule("frcp-hours-example").unwrap();
    let zone: chrono_tz::Tz = "Pacific/Kiritimati".parse().unwrap();
    for at in [
        chrono::DateTime::<Utc>::MAX_UTC,
        chrono::DateTime::<Utc>::MIN_UTC,
    ] {
        for direction in [Direction::After, Direction::Before] {
            let mut r = hours.clone();
            r.direction = direction;
            let out = compute_with(
                &r,
                Trigger::Moment { at, zone },
                None,
                "us-federal",
                "weekends-only",
            );
            assert!(out.is_ok() || is_validation(out));
        }
    }
    // A calendar with no business day at all cannot loop forever.
    let every_day =
        crate::calendar::HolidayList::new("closed", d("2026-01-01").iter_days().take(1_000))
            .unwrap();
    let out = forward.compute(&DeadlineInput {
        trigger: Trigger::Day(d("2026-03-02")),
        service: None,
        holidays: &every_day,
        closures: &every_day,
    });
    assert!(is_validation(out));
}

#[test]
fn triggers_and_results_round_trip_through_json() {
    let zone: chrono_tz::Tz = "Europe/London".parse().unwrap();
    let moment = Trigger::Moment {
        at: Utc.with_ymd_and_hms(2026, 3, 29, 0, 30, 0).unwrap(),
        zone,
    };
    let json = serde_json::to_string(&moment).unwrap();
    assert!(json.contains("Europe/London"), "{json}");
    assert_eq!(serde_json::from_str::<Trigger>(&json).unwrap(), moment);
    assert!(
        serde_json::from_str::<Trigger>(&json.replace("Europe/London", "Mars/Olympus")).is_err()
    );
    let day = Trigger::Day(d("2026-03-02"));
    assert_eq!(
        serde_json::to_string(&day).unwrap(),
        r#"{"day":"2026-03-02"}"#
    );
    // A day period takes the local date of a moment: 00:30 on 29 March (before the clocks change) is 29 March.
    assert_eq!(moment.local_date().unwrap(), d("2026-03-29"));
    let out = run(
        "frcp-answer",
        "2026-03-02",
        None,
        "us-federal",
        "weekends-only",
    );
    let back: ComputedDeadline =
        serde_json::from_str(&serde_json::to_string(&out).unwrap()).unwrap();
    assert_eq!(back, out);
    let input = DeadlineInput {
        trigger: day,
        service: None,
        holidays: &crate::calendar::WeekendsOnly,
        closures: &crate::calendar::WeekendsOnly,
    };
    assert!(format!("{input:?}").contains("weekends-only"));
}

#[test]
fn deadlines_past_the_year_9999_are_refused_on_the_trigger() {
    let on_trigger = |r: crate::Result<ComputedDeadline>| matches!(r, Err(LexcaseError::Validation { field, .. }) if field == "trigger");
    let answer = builtin_rule("frcp-answer").unwrap();
    let from = |rule: &DeadlineRule, day: &str| {
        compute_with(
            rule,
            Trigger::Day(d(day)),
            None,
            "us-federal",
            "weekends-only",
        )
    };
    assert!(on_trigger(from(&answer, "9999-12-31")));
    assert!(
        on_trigger(from(&answer, "9999-12-20")),
        "21 days leave the year"
    );
    assert_eq!(from(&answer, "9999-11-01").unwrap().due, d("9999-11-22"));
    let before = builtin_rule("frcp-motion-before-hearing").unwrap();
    assert!(on_trigger(from(&before, "0001-01-05")));
    let year_10000 = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
    assert!(on_trigger(answer.compute(&DeadlineInput {
        trigger: Trigger::Day(year_10000),
        service: None,
        holidays: &crate::calendar::UsFederal,
        closures: &crate::calendar::WeekendsOnly,
    })));
}
