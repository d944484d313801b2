//! Time and expenses through the services: the rate hierarchy, rounding policies kept on the
//! entry, UTBMS code restrictions, the timer, time from a communication, who sees what.

use chrono::{Duration, NaiveDate};
use lexcase::ErrorCode;
use lexcase::billing::{Aggregation, CodePolicy, CodeSet, RoundingMode, RoundingPolicy};
use lexcase::communications::{Channel, Direction, NewCommunication};
use lexcase::money::{Currency, Money};
use lexcase::store::{Page, WorkQuery};
use lexcase::timekeeping::{
    Billability, ExpenseTax, NewExpense, NewTerms, NewTimeEntry, RateSource, TermsScope,
    TimeEntryChanges, TimeSource, WorkStatus,
};
use rust_decimal::Decimal;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid, start_instant};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn gbp(s: &str) -> Money {
    Money::new(
        s.parse().unwrap(),
        Currency::parse("GBP").unwrap(),
        "amount",
    )
    .unwrap()
}

fn policy(increment: u32, mode: RoundingMode) -> RoundingPolicy {
    RoundingPolicy {
        increment_minutes: increment,
        mode,
        minimum_minutes: 0,
        aggregation: Aggregation::PerEntry,
    }
}

/// The first rule of the hierarchy that gives a rate wins and is recorded; the policy in force
/// is kept on the entry, so a later change does not rewrite it; codes are checked.
pub fn rates_rounding_and_codes(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Smith v Jones");
    let client = m.clients().next().unwrap();
    let time = f.fee_earner.time();
    let on = |seconds, text: &str| NewTimeEntry::new(m.id, day("2026-11-26"), seconds, text);

    // 80 minutes at the fee earner's default 250.00, rounded up to 6 minutes: 1.4 h = 350.00.
    let e = time.record(on(4_800, "Drafting particulars")).unwrap();
    assert_eq!(
        (e.rate, e.rate_source),
        (gbp("250.00"), RateSource::UserDefault)
    );
    assert_eq!(e.rounding, RoundingPolicy::default());
    assert_eq!(e.value(), gbp("350.00"));

    let billing = f.accounts.time();
    let mut client_terms = NewTerms::new(TermsScope::Client(client));
    client_terms.rate = Some(gbp("300").into());
    client_terms.codes = Some(CodePolicy {
        task_sets: vec![CodeSet::Litigation],
        allowed: vec![],
    });
    billing.set_terms(client_terms, 0).unwrap();
    assert_eq!(
        time.record(on(600, "Call")).unwrap().rate_source,
        RateSource::Client
    );

    let mut matter_terms = NewTerms::new(TermsScope::Matter(m.id));
    matter_terms
        .user_rates
        .insert(f.fee_earner.actor_id(), gbp("320").into());
    matter_terms.rounding = Some(policy(10, RoundingMode::Up));
    let matter_terms = billing.set_terms(matter_terms, 0).unwrap();
    let later = time.record(on(600, "Letter")).unwrap();
    assert_eq!(
        (later.rate, later.rate_source),
        (gbp("320"), RateSource::MatterUser)
    );
    assert_eq!(later.rounding.increment_minutes, 10);
    // The first entry keeps the policy it was recorded under.
    assert_eq!(time.get(e.id).unwrap().rounding, RoundingPolicy::default());
    let mut manual = on(600, "Hearing");
    manual.rate = Some(gbp("400").into());
    assert_eq!(time.record(manual).unwrap().rate_source, RateSource::Manual);

    // Codes: the client takes litigation codes only.
    let mut coded = on(600, "Deposition");
    coded.task_code = Some("l330".into());
    coded.activity_code = Some("A104".into());
    let coded = time.record(coded).unwrap();
    assert_eq!(coded.task_code.as_deref(), Some("L330"));
    for (task, field) in [("B110", "task_code"), ("L170", "task_code")] {
        let mut bad = on(600, "x");
        bad.task_code = Some(task.into());
        assert_invalid(time.record(bad), field);
    }
    // Terms need manage_billing and are versioned.
    assert_code(
        f.fee_earner
            .time()
            .set_terms(matter_terms.clone().into(), matter_terms.version),
        ErrorCode::PermissionDenied,
    );
    assert_code(
        billing.set_terms(matter_terms.into(), 0),
        ErrorCode::StaleVersion,
    );

    // Editing unbilled time; written-off time is frozen.
    let e = time
        .update(
            e.id,
            e.version,
            TimeEntryChanges {
                seconds: Some(3_600),
                billability: Some(Billability::NoCharge),
                ..TimeEntryChanges::default()
            },
        )
        .unwrap();
    assert_eq!(e.value(), gbp("0.00"));
    assert_code(time.write_off(e.id, e.version), ErrorCode::PermissionDenied);
    let e = billing.write_off(e.id, e.version).unwrap();
    assert_eq!(e.status, WorkStatus::WrittenOff);
    assert_code(
        time.update(e.id, e.version, TimeEntryChanges::default()),
        ErrorCode::InvalidTransition,
    );

    // A fee earner lists their own time; everyone's needs view_rates.
    let mine = WorkQuery {
        user: Some(f.fee_earner.actor_id()),
        ..WorkQuery::default()
    };
    assert_eq!(time.list(&mine, Page::default()).unwrap().total, 5);
    assert_code(
        time.list(&WorkQuery::default(), Page::default()),
        ErrorCode::PermissionDenied,
    );
    assert_eq!(
        billing
            .list(&WorkQuery::default(), Page::default())
            .unwrap()
            .total,
        5
    );
    assert_code(f.paralegal.time().get(coded.id), ErrorCode::NotFound);
    // The audit trail shows a paralegal that the entry was recorded, not at what rate.
    let seen = f.paralegal.audit().history(coded.id.into()).unwrap();
    let rates: Vec<_> = seen[0]
        .changes
        .iter()
        .filter(|c| c.field.starts_with("rate"))
        .collect();
    assert!(!rates.is_empty());
    let redacted = Some(serde_json::json!("[redacted]"));
    assert!(rates.iter().all(|c| c.after == redacted));
    assert!(
        f.partner.audit().history(coded.id.into()).unwrap()[0]
            .changes
            .iter()
            .any(|c| c.field.starts_with("rate") && c.after != redacted)
    );

    let before = f.audit_len();
    assert_invalid(time.record(on(0, "nothing")), "seconds");
    assert_invalid(time.record(on(24 * 3600 + 1, "too long")), "seconds");
    assert_invalid(time.record(on(60, " ")), "narrative");
    assert_code(
        f.read_only.time().record(on(60, "x")),
        ErrorCode::PermissionDenied,
    );
    let mut other = on(60, "for a colleague");
    other.user = Some(f.partner.actor_id());
    assert_code(time.record(other), ErrorCode::PermissionDenied);
    assert_code(
        time.record_many(vec![on(60, "ok"), on(0, "bad")]),
        ErrorCode::Validation,
    );
    assert_eq!(f.audit_len(), before, "nothing was written");
    f.assert_state_explained();
}

/// The timer runs, pauses, resumes and stops into an entry; one per user; time can come
/// from a communication; expenses carry their tax treatment.
pub fn timers_sources_and_expenses(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Estate of A. Person");
    let time = f.fee_earner.time();
    let timer = time.start_timer(m.id, "Reviewing the will").unwrap();
    assert!(matches!(
        time.start_timer(m.id, "again"),
        Err(lexcase::LexcaseError::Conflict { .. })
    ));
    f.clock.set(start_instant() + Duration::minutes(20));
    time.pause_timer().unwrap();
    f.clock.set(start_instant() + Duration::minutes(50));
    assert_eq!(
        time.timer()
            .unwrap()
            .unwrap()
            .elapsed(start_instant() + Duration::hours(9)),
        1_200
    );
    time.resume_timer().unwrap();
    f.clock.set(start_instant() + Duration::minutes(60));
    let entry = time.stop_timer(None).unwrap();
    assert_eq!((entry.seconds, entry.source), (1_800, TimeSource::Timer));
    assert_eq!(
        (entry.narrative.as_str(), entry.matter),
        ("Reviewing the will", timer.matter)
    );
    assert!(time.timer().unwrap().is_none());
    assert_code(time.pause_timer(), ErrorCode::NotFound);

    let call = f
        .fee_earner
        .communications()
        .record(NewCommunication {
            matter: Some(m.id),
            channel: Channel::Phone,
            direction: Direction::Inbound,
            occurred_at: start_instant(),
            subject: "Call with the executor".into(),
            body: String::new(),
            participants: vec![],
        })
        .unwrap();
    let from_call = time
        .record_for(TimeSource::Communication(call.id), 720, None)
        .unwrap();
    assert_eq!(from_call.narrative, "Call with the executor");
    assert_eq!(
        (from_call.matter, from_call.date),
        (m.id, day("2026-11-27"))
    );

    let fee = time
        .record_expense(NewExpense {
            matter: m.id,
            date: day("2026-11-27"),
            description: "Probate application fee".into(),
            quantity: Decimal::ONE,
            unit_cost: gbp("300").into(),
            expense_code: Some("E112".into()),
            vendor: "HMCTS".into(),
            receipt: None,
            tax: ExpenseTax::Disbursement,
            billable: true,
        })
        .unwrap();
    assert_eq!(fee.amount(), gbp("300.00"));
    let mut bad = NewExpense {
        expense_code: Some("E999".into()),
        ..NewExpense {
            matter: m.id,
            date: day("2026-11-27"),
            description: "x".into(),
            quantity: Decimal::ONE,
            unit_cost: gbp("1").into(),
            expense_code: None,
            vendor: String::new(),
            receipt: None,
            tax: ExpenseTax::VatableCost,
            billable: true,
        }
    };
    assert_invalid(time.record_expense(bad.clone()), "expense_code");
    bad.expense_code = None;
    bad.unit_cost = Money::new(Decimal::ONE, Currency::parse("USD").unwrap(), "x")
        .unwrap()
        .into();
    assert_invalid(time.record_expense(bad.clone()), "unit_cost");
    bad.unit_cost = gbp("1").into();
    bad.quantity = Decimal::ZERO;
    assert_invalid(time.record_expense(bad), "quantity");
    f.assert_state_explained();
}

/// A timer whose matter was walled off from its user, or archived, cannot be stopped into an
/// entry any more, but it can be discarded, so that the user can start another.
pub fn timers_on_walled_or_archived_matters_can_be_discarded(store: SharedStore) {
    let f = Fixture::new(store);
    let time = f.fee_earner2.time();
    let walled = f.matter("Walled matter");
    time.start_timer(walled.id, "Drafting").unwrap();
    f.admin
        .matters()
        .add_ethical_wall(
            walled.id,
            walled.version,
            Fixture::id(&f.fee_earner2),
            "acted for the other side",
        )
        .unwrap();
    assert_code(time.stop_timer(None), ErrorCode::NotFound);
    assert!(time.start_timer(f.matter("Other").id, "x").is_err());
    let discarded = time.discard_timer().unwrap();
    assert_eq!(discarded.matter, walled.id);
    assert!(time.timer().unwrap().is_none());
    assert_code(time.discard_timer(), ErrorCode::NotFound);

    let archived = f.matter("Archived matter");
    time.start_timer(archived.id, "Reading").unwrap();
    f.admin
        .matters()
        .archive(archived.id, archived.version, None)
        .unwrap();
    assert!(time.stop_timer(None).is_err());
    time.discard_timer().unwrap();
    let next = f.matter("Next matter");
    assert_eq!(
        time.start_timer(next.id, "New work").unwrap().matter,
        next.id
    );
}

/// A negative rate (time of negative value) is refused when recording and when changing an
/// entry, and nothing is written; a statement for a client that does not exist is not found
/// (not an empty statement).
pub fn negative_rates_and_unknown_clients_are_refused(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Smith v Jones");
    let before = f.audit_len();
    let mut negative = NewTimeEntry::new(m.id, day("2026-11-02"), 600, "Work");
    negative.rate = Some(gbp("-250").into());
    assert_invalid(f.fee_earner.time().record(negative.clone()), "rate");
    assert_invalid(f.fee_earner.time().record_many(vec![negative]), "rate");
    assert_eq!(f.audit_len(), before, "nothing was written");
    let e = f
        .fee_earner
        .time()
        .record(NewTimeEntry::new(m.id, day("2026-11-02"), 600, "Work"))
        .unwrap();
    assert_invalid(
        f.fee_earner.time().update(
            e.id,
            e.version,
            TimeEntryChanges {
                rate: Some(gbp("-1").into()),
                ..TimeEntryChanges::default()
            },
        ),
        "rate",
    );
    assert_eq!(f.fee_earner.time().get(e.id).unwrap().version, e.version);
    assert_code(
        f.accounts
            .payments()
            .statement(lexcase::ContactId::new(), Currency::parse("GBP").unwrap()),
        ErrorCode::NotFound,
    );
}
