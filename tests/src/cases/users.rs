//! Users: who may create them, who sees rates, the last admin, inactive users, bad input.

use lexcase::ErrorCode;
use lexcase::access::Role;
use lexcase::store::Page;
use lexcase::users::UserChanges;
use rust_decimal::Decimal;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid, new_user};

/// Only roles with `manage_users` create or change users; emails are unique.
pub fn only_user_managers_create_users(store: SharedStore) {
    let f = Fixture::new(store);
    for s in [
        &f.partner,
        &f.fee_earner,
        &f.paralegal,
        &f.secretary,
        &f.accounts,
        &f.read_only,
    ] {
        assert_code(
            s.users().create(&new_user("New Person", Role::Paralegal)),
            ErrorCode::PermissionDenied,
        );
    }
    let u = f
        .admin
        .users()
        .create(&new_user("New Person", Role::Paralegal))
        .unwrap();
    assert_code(
        f.admin
            .users()
            .create(&new_user("New Person", Role::Secretary)),
        ErrorCode::Conflict,
    );
    let change = UserChanges {
        role: Some(Role::FeeEarner),
        ..Default::default()
    };
    assert_code(
        f.partner.users().update(u.id, u.version, &change),
        ErrorCode::PermissionDenied,
    );
    let u2 = f.admin.users().update(u.id, u.version, &change).unwrap();
    assert_eq!((u2.role, u2.version), (Role::FeeEarner, 2));
    let partner_email = f.partner.users().me().unwrap().email;
    let clash = UserChanges {
        email: Some(partner_email),
        ..Default::default()
    };
    assert_code(
        f.admin.users().update(u.id, u2.version, &clash),
        ErrorCode::Conflict,
    );
    assert_code(
        f.admin.users().get(lexcase::UserId::new()),
        ErrorCode::NotFound,
    );
}

/// Rates are visible to partners, accounts, admins and the user themself only.
pub fn rates_are_hidden_without_view_rates(store: SharedStore) {
    let f = Fixture::new(store);
    let fee_earner = f.fee_earner.actor_id();
    let partner_id = f.partner.actor_id();
    for s in [&f.admin, &f.partner, &f.accounts] {
        assert!(s.users().get(fee_earner).unwrap().default_rate.is_some());
    }
    assert!(
        f.fee_earner
            .users()
            .get(fee_earner)
            .unwrap()
            .default_rate
            .is_some(),
        "own rate"
    );
    for s in [&f.fee_earner, &f.paralegal, &f.secretary, &f.read_only] {
        assert!(s.users().get(partner_id).unwrap().default_rate.is_none());
        let all = s.users().list(Page::default()).unwrap();
        assert_eq!(all.total, 8);
        assert!(
            all.items
                .iter()
                .filter(|u| u.id != s.actor_id())
                .all(|u| u.default_rate.is_none())
        );
    }
    // The change feed redacts rates too.
    let events = f.read_only.audit().changes_since(0, 1000).unwrap().events;
    let rate_values: Vec<_> = events
        .iter()
        .filter(|e| e.entity_id != uuid::Uuid::from(f.read_only.actor_id()))
        .flat_map(|e| &e.changes)
        .filter(|c| c.field.starts_with("default_rate"))
        .collect();
    assert!(!rate_values.is_empty());
    assert!(
        rate_values
            .iter()
            .all(|c| c.after == Some(serde_json::json!("[redacted]")))
    );
    f.assert_state_explained();
}

/// The firm cannot lose its last active admin.
pub fn the_last_admin_is_kept(store: SharedStore) {
    let f = Fixture::new(store);
    let me = f.admin.users().me().unwrap();
    let demote = UserChanges {
        role: Some(Role::Partner),
        ..Default::default()
    };
    assert_invalid(f.admin.users().update(me.id, me.version, &demote), "role");
    let deactivate = UserChanges {
        active: Some(false),
        ..Default::default()
    };
    assert_invalid(
        f.admin.users().update(me.id, me.version, &deactivate),
        "role",
    );
    let other = f
        .admin
        .users()
        .create(&new_user("Second Admin", Role::Admin))
        .unwrap();
    f.admin.users().update(me.id, me.version, &demote).unwrap();
    assert_code(
        f.admin.users().create(&new_user("X Y", Role::Admin)),
        ErrorCode::PermissionDenied,
    );
    assert!(other.active);
}

/// A deactivated user's session can do nothing; nor can a new session start.
pub fn inactive_users_cannot_act(store: SharedStore) {
    let f = Fixture::new(store);
    let u = f.fee_earner.users().me().unwrap();
    let off = UserChanges {
        active: Some(false),
        ..Default::default()
    };
    f.admin.users().update(u.id, u.version, &off).unwrap();
    assert_code(f.fee_earner.users().me(), ErrorCode::PermissionDenied);
    assert_code(
        f.fee_earner
            .contacts()
            .create(lexcase::contacts::NewContact::person("A", "B")),
        ErrorCode::PermissionDenied,
    );
    assert_code(f.firm.session(u.id), ErrorCode::PermissionDenied);
    // Inactive users cannot be given new work either.
    let client = f.person("Jane", "Smith");
    let mut new = f.new_matter("Sale", vec![client.id]);
    new.responsible = u.id;
    assert_invalid(f.partner.matters().create(new), "responsible");
}

/// Every field of a user refuses garbage, and nothing is written.
pub fn garbage_user_input_is_refused_and_nothing_written(store: SharedStore) {
    let f = Fixture::new(store);
    let head = f.audit_head();
    let cases = [
        (
            lexcase::users::NewUser {
                name: "".into(),
                ..new_user("A B", Role::Paralegal)
            },
            "name",
        ),
        (
            lexcase::users::NewUser {
                name: "x".repeat(10_000),
                ..new_user("A B", Role::Paralegal)
            },
            "name",
        ),
        (
            lexcase::users::NewUser {
                email: "a@@b".into(),
                ..new_user("A B", Role::Paralegal)
            },
            "email",
        ),
        (
            lexcase::users::NewUser {
                default_rate: Some(Decimal::new(-1, 0)),
                ..new_user("A B", Role::Paralegal)
            },
            "default_rate",
        ),
        (
            lexcase::users::NewUser {
                default_rate: Some(Decimal::new(1, 9)),
                ..new_user("A B", Role::Paralegal)
            },
            "default_rate",
        ),
        (
            lexcase::users::NewUser {
                rate_currency: Some("gbp".into()),
                ..new_user("A B", Role::Paralegal)
            },
            "currency",
        ),
        (
            lexcase::users::NewUser {
                timekeeper_code: Some("toolongcode1".into()),
                ..new_user("A B", Role::Paralegal)
            },
            "timekeeper_code",
        ),
    ];
    for (new, field) in cases {
        assert_invalid(f.admin.users().create(&new), field);
    }
    let u = f.paralegal.users().me().unwrap();
    let bad = UserChanges {
        name: Some("Fine".into()),
        email: Some("broken".into()),
        ..Default::default()
    };
    assert_invalid(f.admin.users().update(u.id, u.version, &bad), "email");
    let only_currency = UserChanges {
        rate_currency: Some("USD".into()),
        ..Default::default()
    };
    assert_invalid(
        f.admin.users().update(u.id, u.version, &only_currency),
        "rate_currency",
    );
    assert_eq!(
        f.admin.users().get(u.id).unwrap(),
        u,
        "nothing half-written"
    );
    assert_eq!(f.audit_head(), head);
    assert_eq!(f.admin.users().list(Page::default()).unwrap().total, 8);
}
