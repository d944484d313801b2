//! The docket through the services: deadlines computed from rules with traces, recomputed
//! when their key date or chained deadline moves, closed, the register, reminders, walls.

use chrono::NaiveDate;
use lexcase::ErrorCode;
use lexcase::deadlines::{RulePack, ServiceMethod, builtin_rule};
use lexcase::docket::{DeadlineChanges, DeadlineStatus, DeadlineTrigger, NewDeadline};
use lexcase::store::{DeadlineQuery, Page};

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A firm's own rule: a reply 14 days after another deadline, plain counting rolled forward.
const FIRM_PACK: &str = r#"
id = "smith-co"
version = 1
title = "Smith & Co house rules"

[[rules]]
id = "internal-review"
title = "Partner review of the defence"
citation = "Smith & Co practice note 3"
period = { amount = 7, unit = "days" }
direction = "before"
method = "calendar"
roll = "backward"
service_days = false
court_office_act = false
holidays = "england-wales+firm"
"#;

/// Key-date triggers wait undated until set; chains follow; every recomputation is audited.
pub fn deadlines_follow_key_dates_and_chains(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Smith v Jones");
    let docket = f.fee_earner.docket();
    let defence = docket
        .add(NewDeadline::new(
            m.id,
            builtin_rule("cpr-defence-after-acknowledgment").unwrap(),
            DeadlineTrigger::KeyDate {
                name: "particulars_served".into(),
            },
        ))
        .unwrap();
    assert_eq!(defence.computed, None, "waits for its key date");
    assert_eq!(defence.holidays.as_str(), "england-wales");
    assert_eq!(defence.closures.as_str(), "ew-court-office");
    assert_eq!(defence.reminders, vec![30, 7, 1]);
    let review_rule = RulePack::from_toml(FIRM_PACK).unwrap().rules.remove(0);
    let review = docket
        .add(NewDeadline::new(
            m.id,
            review_rule,
            DeadlineTrigger::Deadline { id: defence.id },
        ))
        .unwrap();
    assert_eq!(review.computed, None);

    // Particulars served Monday 7 December 2026: 28 days → Monday 4 January 2027.
    let m = f.fee_earner.matters().get(m.id).unwrap();
    f.fee_earner
        .matters()
        .set_key_date(
            m.id,
            m.version,
            "particulars_served",
            Some(day("2026-12-07")),
        )
        .unwrap();
    let defence = docket.get(defence.id).unwrap();
    assert_eq!(defence.due(), Some(day("2027-01-04")));
    let trace = &defence.computed.as_ref().unwrap().trace;
    assert!(trace.iter().any(|s| s.provision.starts_with("CPR 2.8")));
    assert_eq!(trace.last().unwrap().date, day("2027-01-04"));
    // 7 days before Monday 4 January is Monday 28 December 2026, a bank holiday (Boxing Day
    // substitute): rolled back to Thursday 24 December.
    let review = docket.get(review.id).unwrap();
    assert_eq!(review.due(), Some(day("2026-12-24")));

    // The key date moves: both follow, audited as recomputations.
    let m = f.fee_earner.matters().get(m.id).unwrap();
    f.fee_earner
        .matters()
        .set_key_date(
            m.id,
            m.version,
            "particulars_served",
            Some(day("2026-12-14")),
        )
        .unwrap();
    assert_eq!(
        docket.get(defence.id).unwrap().due(),
        Some(day("2027-01-11"))
    );
    assert_eq!(
        docket.get(review.id).unwrap().due(),
        Some(day("2027-01-04"))
    );
    let actions: Vec<_> = docket
        .history(review.id)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        vec![
            "deadline.entered",
            "deadline.recomputed",
            "deadline.recomputed"
        ]
    );

    // A chain cannot become a circle.
    let defence = docket.get(defence.id).unwrap();
    assert_invalid(
        docket.update(
            defence.id,
            defence.version,
            DeadlineChanges {
                trigger: Some(DeadlineTrigger::Deadline { id: review.id }),
                ..DeadlineChanges::default()
            },
        ),
        "trigger",
    );

    // Reply to a counterclaim served by mail on Friday 4 December 2026: 21 days → Christmas
    // Day (a legal holiday) → Monday 28 December; 6(d) adds 3 → Thursday 31 December.
    let answer = docket
        .add(NewDeadline {
            service: Some(ServiceMethod::Mail),
            ..NewDeadline::new(
                m.id,
                builtin_rule("frcp-reply-counterclaim").unwrap(),
                DeadlineTrigger::Date {
                    date: day("2026-12-04"),
                },
            )
        })
        .unwrap();
    assert_eq!(answer.due(), Some(day("2026-12-31")));
    assert!(
        answer
            .computed
            .as_ref()
            .unwrap()
            .trace
            .iter()
            .any(|s| s.provision.contains("6(d)"))
    );
    let electronic = docket
        .update(
            answer.id,
            answer.version,
            DeadlineChanges {
                service: Some(Some(ServiceMethod::Electronic)),
                ..DeadlineChanges::default()
            },
        )
        .unwrap();
    assert_eq!(electronic.due(), Some(day("2026-12-28")));
    let done = docket.complete(electronic.id, electronic.version).unwrap();
    assert_eq!(
        (done.status, done.closed_by),
        (DeadlineStatus::Done, Some(f.fee_earner.actor_id()))
    );
    assert_code(
        docket.vacate(done.id, done.version, "settled"),
        ErrorCode::InvalidTransition,
    );
    let review = docket.get(review.id).unwrap();
    assert_invalid(docket.vacate(review.id, review.version, " "), "reason");
    let vacated = docket
        .vacate(review.id, review.version, "defence filed early")
        .unwrap();
    assert_eq!(vacated.status, DeadlineStatus::Vacated);
}

/// The register answers who entered what on a day; reminders fall 30/7/1 days before;
/// walled users see nothing; bad input writes nothing.
pub fn register_reminders_walls_and_bad_input(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Estate of A. Person");
    let sdlt = f
        .paralegal
        .docket()
        .add(NewDeadline {
            responsible: Some(f.fee_earner.actor_id()),
            ..NewDeadline::new(
                m.id,
                builtin_rule("sdlt-return").unwrap(),
                DeadlineTrigger::Date {
                    date: day("2027-01-15"),
                },
            )
        })
        .unwrap();
    assert_eq!(sdlt.due(), Some(day("2027-01-29")));
    assert_eq!(sdlt.entered_on, day("2026-11-27"));
    let register = f
        .partner
        .docket()
        .entered_on(day("2026-11-27"), Page::default())
        .unwrap();
    assert_eq!(register.total, 1);
    assert_eq!(register.items[0].entered_by, f.paralegal.actor_id());
    assert_eq!(
        f.partner
            .docket()
            .entered_on(day("2026-11-26"), Page::default())
            .unwrap()
            .total,
        0
    );
    let reminders = f
        .fee_earner
        .docket()
        .reminders(
            day("2026-12-01"),
            day("2027-01-31"),
            Some(f.fee_earner.actor_id()),
        )
        .unwrap();
    let days: Vec<_> = reminders
        .iter()
        .map(|r| (r.remind_on, r.days_before))
        .collect();
    assert_eq!(
        days,
        vec![
            (day("2026-12-30"), 30),
            (day("2027-01-22"), 7),
            (day("2027-01-28"), 1)
        ]
    );
    let upcoming = f
        .fee_earner
        .docket()
        .list(
            &DeadlineQuery {
                open_only: true,
                due_from: Some(day("2027-01-01")),
                due_to: Some(day("2027-01-31")),
                ..DeadlineQuery::default()
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!(upcoming.total, 1);

    let m = f.fee_earner.matters().get(m.id).unwrap();
    f.admin
        .matters()
        .add_ethical_wall(m.id, m.version, f.fee_earner2.actor_id(), "conflict")
        .unwrap();
    let walled = f.fee_earner2.docket();
    assert_code(walled.get(sdlt.id), ErrorCode::NotFound);
    assert_eq!(
        walled
            .entered_on(day("2026-11-27"), Page::default())
            .unwrap()
            .total,
        0
    );
    assert!(
        walled
            .reminders(day("2026-12-01"), day("2027-01-31"), None)
            .unwrap()
            .is_empty()
    );

    let before = f.audit_len();
    let docket = f.fee_earner.docket();
    let rule = builtin_rule("frcp-answer").unwrap();
    let trigger = DeadlineTrigger::Date {
        date: day("2026-12-04"),
    };
    let on = |new: NewDeadline| docket.add(new);
    assert_invalid(
        on(NewDeadline {
            holidays: Some("mars".into()),
            ..NewDeadline::new(m.id, rule.clone(), trigger.clone())
        }),
        "calendar",
    );
    assert_invalid(
        on(NewDeadline {
            reminders: Some(vec![400]),
            ..NewDeadline::new(m.id, rule.clone(), trigger.clone())
        }),
        "reminders",
    );
    let mut zero = rule.clone();
    zero.period.amount = 0;
    assert_code(
        on(NewDeadline::new(m.id, zero, trigger.clone())),
        ErrorCode::Validation,
    );
    let hours = builtin_rule("frcp-hours-example").unwrap();
    assert_code(
        on(NewDeadline::new(m.id, hours, trigger.clone())),
        ErrorCode::Validation,
    );
    assert_code(
        f.read_only
            .docket()
            .add(NewDeadline::new(m.id, rule.clone(), trigger.clone())),
        ErrorCode::PermissionDenied,
    );
    assert_code(
        docket.update(sdlt.id, sdlt.version + 1, DeadlineChanges::default()),
        ErrorCode::StaleVersion,
    );
    assert!(RulePack::from_toml("id = 1").is_err());
    assert_eq!(f.audit_len(), before, "nothing was written");
}
