//! The raw store contract: round trips, versions, rollback, uniqueness, sequences, audit head.

use lexcase::ErrorCode;
use lexcase::access::{Role, Viewer, Visibility};
use lexcase::audit::{AuditHead, AuditRecord, EntityKind};
use lexcase::contacts::{Contact, NewContact};
use lexcase::firm::FirmSettings;
use lexcase::matters::{BillingArrangement, BillingKind, Matter, NewMatter};
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
        billing: BillingArrangement {
            kind: BillingKind::Hourly,
            currency: gbp(),
        },
        visibility: Visibility::Firm,
        team: vec![],
        key_dates: Default::default(),
    };
    let today = lexcase::clock::Clock::now(&lexcase::clock::SystemClock).date_naive();
    Matter::create(
        new,
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
