//! The raw store contract: round trips, versions, rollback, uniqueness, sequences, audit head.

use lexcase::ErrorCode;
use lexcase::access::{Role, Viewer, Visibility};
use lexcase::audit::{AuditHead, AuditRecord, EntityKind};
use lexcase::contacts::{Contact, NewContact};
use lexcase::firm::FirmSettings;
use lexcase::matters::{BillingKind, Matter, NewMatter};
use lexcase::money::Currency;
use lexcase::store::{MatterQuery, Page};
use lexcase::users::User;

use crate::fixture::{SharedStore, assert_code, new_user, setup};

fn gbp() -> Currency {
    Currency::parse("GBP").unwrap()
}

fn user(name: &str) -> User {
    User::create(
        &new_user(name, Role::FeeEarner),
        gbp(),
        lexcase::clock::Clock::now(&lexcase::clock::SystemClock),
    )
    .unwrap()
}

fn matter(contact: &Contact, responsible: &User, number: &str) -> Matter {
    let new = NewMatter {
        title: "Estate of Brown".into(),
        description: "Probate".into(),
        practice_area: "probate".into(),
        clients: vec![contact.id],
        responsible: responsible.id,
        originating: None,
        billing: BillingKind::Hourly,
        currency: Some(gbp()),
        visibility: Visibility::Firm,
        team: vec![],
        key_dates: Default::default(),
    };
    let today = lexcase::clock::Clock::now(&lexcase::clock::SystemClock).date_naive();
    Matter::create(
        new,
        gbp(),
        number.into(),
        responsible.id,
        lexcase::clock::Clock::now(&lexcase::clock::SystemClock),
        today,
    )
    .unwrap()
}

/// Settings are absent before initialisation and round-trip exactly.
pub fn settings_round_trip(store: SharedStore) {
    assert!(store.read().unwrap().firm_settings().unwrap().is_none());
    let settings = FirmSettings::from_setup(&setup()).unwrap();
    let mut tx = store.write().unwrap();
    tx.put_firm_settings(&settings, None).unwrap();
    tx.commit().unwrap();
    assert_eq!(
        store.read().unwrap().firm_settings().unwrap(),
        Some(settings.clone())
    );
    let mut tx = store.write().unwrap();
    let stale = FirmSettings {
        version: 6,
        ..settings.clone()
    };
    assert_code(
        tx.put_firm_settings(&stale, Some(5)),
        ErrorCode::StaleVersion,
    );
    let next = FirmSettings {
        version: 2,
        name: "Smith LLP".into(),
        ..settings
    };
    tx.put_firm_settings(&next, Some(1)).unwrap();
    tx.commit().unwrap();
    assert_eq!(
        store.read().unwrap().firm_settings().unwrap().unwrap().name,
        "Smith LLP"
    );
}

/// Users, contacts and matters come back exactly as stored.
pub fn ids_and_aggregates_round_trip(store: SharedStore) {
    let u = user("Ann Able");
    let c = Contact::create(
        NewContact::person("Jane", "Müller"),
        lexcase::clock::Clock::now(&lexcase::clock::SystemClock),
    )
    .unwrap();
    let m = matter(&c, &u, "MUL-0001");
    let mut tx = store.write().unwrap();
    tx.insert_user(&u).unwrap();
    tx.insert_contact(&c).unwrap();
    tx.insert_matter(&m).unwrap();
    tx.commit().unwrap();
    let r = store.read().unwrap();
    assert_eq!(r.user(u.id).unwrap(), Some(u.clone()));
    assert_eq!(r.user_by_email(&u.email).unwrap(), Some(u));
    assert_eq!(r.contact(c.id).unwrap(), Some(c));
    assert_eq!(r.matter(m.id).unwrap(), Some(m));
    assert_eq!(r.matter(lexcase::MatterId::new()).unwrap(), None);
}

/// An update based on an old version fails and changes nothing.
pub fn stale_version_is_refused(store: SharedStore) {
    let u = user("Ann Able");
    let mut tx = store.write().unwrap();
    tx.insert_user(&u).unwrap();
    tx.commit().unwrap();
    let mut tx = store.write().unwrap();
    let mut v2 = u.clone();
    v2.name = "Ann Baker".into();
    v2.version = 2;
    tx.update_user(&v2, 1).unwrap();
    let mut stale = u.clone();
    stale.name = "Lost Update".into();
    stale.version = 2;
    match tx.update_user(&stale, 1).unwrap_err() {
        lexcase::LexcaseError::StaleVersion {
            expected, actual, ..
        } => {
            assert_eq!((expected, actual), (1, 2));
        }
        other => panic!("{other:?}"),
    }
    tx.commit().unwrap();
    assert_eq!(
        store.read().unwrap().user(u.id).unwrap().unwrap().name,
        "Ann Baker"
    );
    let mut tx = store.write().unwrap();
    let mut ghost = user("Ghost");
    ghost.version = 2;
    assert_code(tx.update_user(&ghost, 1), ErrorCode::NotFound);
}

/// Dropping a write transaction without commit leaves nothing behind.
pub fn dropped_write_is_rolled_back(store: SharedStore) {
    let u = user("Ann Able");
    {
        let mut tx = store.write().unwrap();
        tx.insert_user(&u).unwrap();
        tx.next_sequence("X").unwrap();
    }
    let r = store.read().unwrap();
    assert_eq!(r.user(u.id).unwrap(), None);
    drop(r);
    let mut tx = store.write().unwrap();
    assert_eq!(tx.next_sequence("X").unwrap(), 1);
}

/// Duplicate emails and matter numbers are conflicts.
pub fn duplicate_keys_conflict(store: SharedStore) {
    let a = user("Ann Able");
    let mut b = user("Ann Able");
    b.name = "Other".into();
    let mut tx = store.write().unwrap();
    tx.insert_user(&a).unwrap();
    assert_code(tx.insert_user(&b), ErrorCode::Conflict);
    let c = Contact::create(
        NewContact::person("Jane", "Doe"),
        lexcase::clock::Clock::now(&lexcase::clock::SystemClock),
    )
    .unwrap();
    tx.insert_contact(&c).unwrap();
    tx.insert_matter(&matter(&c, &a, "DOE-0001")).unwrap();
    assert_code(
        tx.insert_matter(&matter(&c, &a, "DOE-0001")),
        ErrorCode::Conflict,
    );
}

/// Counters run from 1 without gaps, separately per key, and survive commit.
pub fn sequences_are_gapless_per_key(store: SharedStore) {
    let mut tx = store.write().unwrap();
    assert_eq!(tx.next_sequence("SMI-{SEQ}").unwrap(), 1);
    assert_eq!(tx.next_sequence("SMI-{SEQ}").unwrap(), 2);
    assert_eq!(tx.next_sequence("JON-{SEQ}").unwrap(), 1);
    tx.commit().unwrap();
    let mut tx = store.write().unwrap();
    assert_eq!(tx.next_sequence("SMI-{SEQ}").unwrap(), 3);
}

/// Appended events come back in order and the head follows them.
pub fn audit_head_follows_appends(store: SharedStore) {
    let actor = user("Ann Able");
    let mut head: Option<AuditHead> = None;
    let mut tx = store.write().unwrap();
    let mut events = Vec::new();
    for i in 0..3 {
        let mut e = AuditRecord::new(
            lexcase::clock::Clock::now(&lexcase::clock::SystemClock),
            actor.id,
            EntityKind::User,
            actor.id.into(),
            vec![],
            &format!("user.test{i}"),
            &lexcase::audit::diff(None, Some(&serde_json::json!({ "n": i }))),
        );
        e.seal(head.as_ref().map(|h| (h.seq, h.hash_bytes().unwrap())));
        tx.append_audit(&e).unwrap();
        head = Some(AuditHead::of(&e));
        events.push(e);
    }
    tx.commit().unwrap();
    let r = store.read().unwrap();
    assert_eq!(r.audit_head().unwrap(), head);
    assert_eq!(r.audit_records(0, 10).unwrap(), events);
    assert_eq!(r.audit_records(1, 1).unwrap(), events[1..2].to_vec());
    assert_eq!(r.audit_records_for(actor.id.into()).unwrap().len(), 3);
    // A list query on an empty matter table counts nothing.
    let viewer = Viewer {
        user: actor.id,
        sees_restricted: true,
    };
    let page = r
        .matters(&MatterQuery::default(), &viewer, Page::default())
        .unwrap();
    assert_eq!(page.total, 0);
}

/// Every kind of column comes back exactly, at the edges of its range: exact decimals of the
/// largest magnitude and the finest scale, money in millionths up to the domain's limit (and
/// summed by the store), dates from 0001-01-01 to 9999-12-31, instants to the microsecond at
/// both ends of that range, text with quotes, wildcards and characters outside the BMP, and
/// bytes of every value.
pub fn every_type_round_trips_at_its_extremes(store: SharedStore) {
    use chrono::{NaiveDate, TimeZone, Utc};
    use lexcase::billing::RoundingPolicy;
    use lexcase::client_money::{ClientMoneyEntry, ClientMoneyEntryKind};
    use lexcase::money::Money;
    use lexcase::store::WorkQuery;
    use lexcase::timekeeping::{
        Billability, Expense, ExpenseTax, RateSource, TimeEntry, TimeSource, WorkStatus,
    };
    use rust_decimal::Decimal;

    let first_day = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
    let last_day = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    let first_instant =
        Utc.with_ymd_and_hms(1, 1, 1, 0, 0, 0).unwrap() + chrono::Duration::microseconds(1);
    let last_instant = Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).unwrap()
        + chrono::Duration::microseconds(999_999);
    let odd_text = "O'Brien \"Q\" \\ 50%_off — Zoë 🦀 ∑ 日本";

    let mut rich = user("Max Rate");
    rich.name = format!("{odd_text} {}", "x".repeat(2000));
    rich.default_rate = Some(Money {
        amount: Decimal::MAX,
        currency: gbp(),
    });
    rich.created_at = first_instant;
    let mut fine = user("Fine Rate");
    fine.default_rate = Some(Money {
        amount: Decimal::new(1, 28),
        currency: Currency::parse("JPY").unwrap(),
    });
    fine.created_at = last_instant;
    let mut poor = user("Min Rate");
    poor.default_rate = Some(Money {
        amount: Decimal::MIN,
        currency: gbp(),
    });

    let mut client = Contact::create(
        NewContact::person("Zoë 🦀", odd_text),
        lexcase::clock::Clock::now(&lexcase::clock::SystemClock),
    )
    .unwrap();
    client.identity.checked_on = Some(first_day);
    client.identity.recorded_at = Some(last_instant);
    client.created_at = first_instant;

    let mut m = matter(&client, &rich, "EXT-0001");
    m.title = odd_text.into();
    m.opened_on = Some(first_day);
    m.closed_on = Some(last_day);
    m.created_at = last_instant;
    m.key_dates.insert("completion".into(), last_day);
    m.key_dates.insert("exchange".into(), first_day);

    // Money at the domain's limit: a trillion units less one millionth.
    let limit = Decimal::new(999_999_999_999_999_999, 6);
    let receipt = |date, at| ClientMoneyEntry {
        id: lexcase::TrustEntryId::new(),
        matter: m.id,
        client: client.id,
        kind: ClientMoneyEntryKind::Receipt,
        amount: Money {
            amount: limit,
            currency: gbp(),
        },
        date,
        reference: odd_text.into(),
        counterparty: String::new(),
        description: "on account".into(),
        bill: None,
        reverses: None,
        override_reason: None,
        recorded_by: rich.id,
        recorded_at: at,
        version: 1,
    };
    let early = receipt(first_day, first_instant);
    let late = receipt(last_day, last_instant);

    let entry = |date, at, seconds, rate: Decimal| TimeEntry {
        id: lexcase::TimeEntryId::new(),
        matter: m.id,
        user: rich.id,
        date,
        seconds,
        narrative: odd_text.into(),
        task_code: Some("L110".into()),
        activity_code: None,
        billability: Billability::Billable,
        rate: Money {
            amount: rate,
            currency: gbp(),
        },
        rate_source: RateSource::Manual,
        rounding: RoundingPolicy::default(),
        status: WorkStatus::Unbilled,
        bill: None,
        source: TimeSource::Typed,
        recorded_by: rich.id,
        recorded_at: at,
        version: 1,
    };
    let times = [
        entry(first_day, first_instant, 1, Decimal::new(1, 6)),
        entry(
            last_day,
            last_instant,
            86_400,
            Decimal::new(999_999_999_999, 6),
        ),
        entry(last_day, first_instant, 60, Decimal::new(25_000, 2)),
    ];
    let expense = Expense {
        id: lexcase::ExpenseId::new(),
        matter: m.id,
        date: last_day,
        description: odd_text.into(),
        quantity: Decimal::new(123_456_789, 9),
        unit_cost: Money {
            amount: Decimal::new(1, 6),
            currency: gbp(),
        },
        expense_code: Some("E101".into()),
        vendor: String::new(),
        receipt: None,
        tax: ExpenseTax::Disbursement,
        billable: false,
        status: WorkStatus::Unbilled,
        bill: None,
        recorded_by: rich.id,
        recorded_at: last_instant,
        version: 1,
    };
    let changes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
    let mut event = AuditRecord::new(
        last_instant,
        rich.id,
        EntityKind::Matter,
        m.id.into(),
        vec![m.id],
        odd_text,
        &lexcase::audit::diff(None, Some(&serde_json::json!({ "n": 1 }))),
    );
    event.changes = changes.clone();
    event.seal(None);

    let mut tx = store.write().unwrap();
    for u in [&rich, &fine, &poor] {
        tx.insert_user(u).unwrap();
    }
    tx.insert_contact(&client).unwrap();
    tx.insert_matter(&m).unwrap();
    tx.insert_trust_entry(&early).unwrap();
    tx.insert_trust_entry(&late).unwrap();
    for t in &times {
        tx.insert_time_entry(t).unwrap();
    }
    tx.insert_expense(&expense).unwrap();
    tx.append_audit(&event).unwrap();
    tx.commit().unwrap();

    let r = store.read().unwrap();
    for u in [&rich, &fine, &poor] {
        assert_eq!(r.user(u.id).unwrap().as_ref(), Some(u));
    }
    let back = r.user(rich.id).unwrap().unwrap();
    assert_eq!(
        back.default_rate.unwrap().amount.to_string(),
        Decimal::MAX.to_string()
    );
    let back = r.user(fine.id).unwrap().unwrap();
    assert_eq!(back.default_rate.unwrap().amount.scale(), 28);
    assert_eq!(r.contact(client.id).unwrap(), Some(client.clone()));
    assert_eq!(r.matter(m.id).unwrap(), Some(m.clone()));
    assert_eq!(r.trust_entry(early.id).unwrap(), Some(early.clone()));
    assert_eq!(r.trust_entry(late.id).unwrap(), Some(late.clone()));
    assert_eq!(
        r.trust_entries_until(first_day).unwrap(),
        vec![early.clone()]
    );
    assert_eq!(r.trust_entries_until(last_day).unwrap().len(), 2);
    // Summed by the store: twice the limit, exactly.
    let viewer = Viewer {
        user: rich.id,
        sees_restricted: true,
    };
    let balances = r.client_money_balances(&viewer, last_day).unwrap();
    assert_eq!(balances.len(), 1);
    assert_eq!(balances[0].balance.amount, limit * Decimal::TWO);
    for t in &times {
        assert_eq!(r.time_entry(t.id).unwrap().as_ref(), Some(t));
    }
    assert_eq!(r.expense(expense.id).unwrap(), Some(expense.clone()));
    // Dates at both ends filter and order exactly; a cursor carries them across pages.
    let all = r
        .all_time_entries(&WorkQuery {
            matter: Some(m.id),
            ..Default::default()
        })
        .unwrap();
    let ids: Vec<_> = all.iter().map(|t| t.id).collect();
    assert_eq!(ids, vec![times[0].id, times[2].id, times[1].id]);
    let only_last = r
        .all_time_entries(&WorkQuery {
            from: Some(last_day),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(only_last.len(), 2);
    let mut page = Page {
        limit: 1,
        ..Page::default()
    };
    let mut paged = Vec::new();
    loop {
        let p = r
            .time_entries(&WorkQuery::default(), &viewer, page.clone())
            .unwrap();
        assert_eq!(p.total, 3);
        paged.extend(p.items.iter().map(|t| t.id));
        match p.next {
            Some(next) => page = Page::after(next, 1).unwrap(),
            None => break,
        }
    }
    assert_eq!(paged, ids);
    let wip = r
        .work_in_progress(&viewer, lexcase::store::WipBy::Matter)
        .unwrap();
    let expected: Decimal = times.iter().map(|t| t.value().amount).sum();
    assert_eq!(wip[0].unbilled_time_value, expected);
    assert_eq!(wip[0].unbilled_seconds, 86_461);
    let events = r.audit_records(0, 10).unwrap();
    assert_eq!(events, vec![event.clone()]);
    assert_eq!(events[0].changes, changes);
    assert_eq!(events[0].at, last_instant);
}
