//! Matters: lifecycle, parties, team, queries, custom fields, key dates, bad input, versions.

use chrono::{Duration, NaiveDate};
use lexcase::ErrorCode;
use lexcase::firm::{CustomFieldDefinition, CustomFieldKind};
use lexcase::matters::{
    BillingArrangement, BillingKind, CustomValue, MatterChanges, MatterRole, MatterStatus,
    PartyRole, TeamMember,
};
use lexcase::money::Currency;
use lexcase::service::MatterFilter;
use lexcase::store::Page;
use rust_decimal::Decimal;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid, start_instant};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// pending → open → closed → reopened (with reason) → closed → archived, each dated.
pub fn lifecycle_with_dates_and_history(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase of 12 Acacia Avenue");
    assert_eq!(m.status, MatterStatus::Pending);
    let ms = f.fee_earner.matters();
    let m = ms.open(m.id, m.version).unwrap();
    assert_eq!((m.status, m.opened_on), (MatterStatus::Open, Some(day(27))));
    assert_code(ms.open(m.id, m.version), ErrorCode::InvalidTransition);
    assert_code(
        ms.archive(m.id, m.version, None),
        ErrorCode::PermissionDenied,
    );
    assert_code(
        f.partner.matters().archive(m.id, m.version, None),
        ErrorCode::InvalidTransition,
    );
    f.clock.set(start_instant() + Duration::days(1));
    let m = ms.close(m.id, m.version, Some("completed".into())).unwrap();
    assert_eq!(m.closed_on, Some(day(28)));
    assert_invalid(ms.reopen(m.id, m.version, " "), "reason");
    assert_code(ms.open(m.id, m.version), ErrorCode::InvalidTransition);
    let m = ms
        .reopen(m.id, m.version, "client asked for more work")
        .unwrap();
    assert_eq!(
        (m.status, m.closed_on, m.opened_on),
        (MatterStatus::Open, None, Some(day(27)))
    );
    let m = ms.close(m.id, m.version, None).unwrap();
    let m = f
        .partner
        .matters()
        .archive(m.id, m.version, Some("file retention".into()))
        .unwrap();
    assert_eq!(m.archived_on, Some(day(28)));
    let steps: Vec<_> = m.status_history.iter().map(|s| (s.from, s.to)).collect();
    use MatterStatus::*;
    assert_eq!(
        steps,
        [
            (None, Pending),
            (Some(Pending), Open),
            (Some(Open), Closed),
            (Some(Closed), Open),
            (Some(Open), Closed),
            (Some(Closed), Archived)
        ]
    );
    assert_eq!(
        m.status_history[3].reason.as_deref(),
        Some("client asked for more work")
    );
    assert_code(
        ms.set_key_date(m.id, m.version, "trial", Some(day(30))),
        ErrorCode::InvalidTransition,
    );
    assert_code(
        f.secretary.matters().close(m.id, m.version, None),
        ErrorCode::PermissionDenied,
    );
    let actions: Vec<_> = f
        .admin
        .audit()
        .history(m.id.into())
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            "matter.created",
            "matter.opened",
            "matter.closed",
            "matter.reopened",
            "matter.closed",
            "matter.archived"
        ]
    );
    f.assert_state_explained();
}

/// Parties in typed roles, counsel acting for a party, one contact in different roles.
pub fn parties_roles_and_links(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Smith v Jones");
    let jones = f.person("Tom", "Jones");
    let counsel = f.organisation("Crook & Co LLP");
    let ms = f.paralegal.matters();
    let m = ms
        .add_party(
            m.id,
            m.version,
            jones.id,
            PartyRole::OpposingParty,
            None,
            None,
        )
        .unwrap();
    let jones_party = m.parties.last().unwrap().id;
    let m = ms
        .add_party(
            m.id,
            m.version,
            counsel.id,
            PartyRole::OpposingCounsel,
            Some(jones_party),
            Some("CR/123".into()),
        )
        .unwrap();
    let counsel_party = m.parties.last().unwrap().clone();
    assert_eq!(counsel_party.acting_for, Some(jones_party));
    assert_eq!(counsel_party.reference.as_deref(), Some("CR/123"));
    assert_code(
        ms.add_party(
            m.id,
            m.version,
            jones.id,
            PartyRole::OpposingParty,
            None,
            None,
        ),
        ErrorCode::Conflict,
    );
    assert_code(
        ms.add_party(
            m.id,
            m.version,
            lexcase::ContactId::new(),
            PartyRole::Witness,
            None,
            None,
        ),
        ErrorCode::NotFound,
    );
    assert_invalid(ms.remove_party(m.id, m.version, jones_party), "parties");
    let client_party = m.parties[0].id;
    assert_invalid(ms.remove_party(m.id, m.version, client_party), "parties");
    assert_invalid(
        ms.change_party_role(m.id, m.version, client_party, PartyRole::Witness),
        "parties",
    );
    assert_invalid(
        ms.set_party_acting_for(m.id, m.version, jones_party, Some(counsel_party.id)),
        "acting_for",
    );
    // The same contact may hold another role on another matter.
    let other = f
        .fee_earner
        .matters()
        .create(f.new_matter("Jones purchase", vec![jones.id]))
        .unwrap();
    assert_eq!(other.clients().collect::<Vec<_>>(), [jones.id]);
    let m = ms
        .set_party_acting_for(m.id, m.version, counsel_party.id, None)
        .unwrap();
    let m = ms.remove_party(m.id, m.version, jones_party).unwrap();
    let m = ms
        .change_party_role(m.id, m.version, counsel_party.id, PartyRole::CoCounsel)
        .unwrap();
    assert_eq!(
        m.party(counsel_party.id).unwrap().role,
        PartyRole::CoCounsel
    );
    assert_code(
        ms.remove_party(m.id, m.version, lexcase::PartyId::new()),
        ErrorCode::NotFound,
    );
    assert_code(
        f.read_only
            .matters()
            .add_party(m.id, m.version, jones.id, PartyRole::Witness, None, None),
        ErrorCode::PermissionDenied,
    );
    f.assert_state_explained();
}

/// Team members with matter roles; "my matters" covers responsible, originating and team.
pub fn team_and_my_matters(store: SharedStore) {
    let f = Fixture::new(store);
    let m1 = f.matter("One");
    let _m2 = f.matter("Two");
    let ms = f.fee_earner.matters();
    let para = f.paralegal.actor_id();
    let m1 = ms
        .add_team_member(m1.id, m1.version, para, MatterRole::Paralegal)
        .unwrap();
    let m1 = ms
        .add_team_member(m1.id, m1.version, para, MatterRole::Secretary)
        .unwrap();
    assert_eq!(
        m1.team,
        [TeamMember {
            user: para,
            role: MatterRole::Secretary
        }]
    );
    assert_code(
        ms.add_team_member(m1.id, m1.version, lexcase::UserId::new(), MatterRole::Other),
        ErrorCode::NotFound,
    );
    let mine =
        |s: &lexcase::service::Session| s.matters().mine(None, Page::default()).unwrap().total;
    assert_eq!(mine(&f.fee_earner), 2);
    assert_eq!(mine(&f.partner), 2, "originating");
    assert_eq!(mine(&f.paralegal), 1, "team");
    assert_eq!(mine(&f.secretary), 0);
    let m1 = ms.remove_team_member(m1.id, m1.version, para).unwrap();
    assert_code(
        ms.remove_team_member(m1.id, m1.version, para),
        ErrorCode::NotFound,
    );
    assert_eq!(mine(&f.paralegal), 0);
    let open = f
        .fee_earner
        .matters()
        .mine(Some(MatterStatus::Open), Page::default())
        .unwrap();
    assert_eq!(open.total, 0);
    let moved = ms
        .update(
            m1.id,
            m1.version,
            MatterChanges {
                responsible: Some(f.fee_earner2.actor_id()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(moved.responsible, f.fee_earner2.actor_id());
    assert_eq!(mine(&f.fee_earner2), 1);
    f.assert_state_explained();
}

/// Every filter, combined filters, free text over number, title and party names, pages.
pub fn queries_filter_and_paginate(store: SharedStore) {
    let f = Fixture::new(store);
    let smith = f.person("Jane", "Smith");
    let brown = f.organisation("Brown Ærospace Ltd");
    let ms = f.fee_earner.matters();
    let mut made = Vec::new();
    for i in 0..12 {
        let client = if i % 3 == 0 { brown.id } else { smith.id };
        let mut new = f.new_matter(
            &format!(
                "Matter {i} {}",
                if i % 2 == 0 { "purchase" } else { "lease" }
            ),
            vec![client],
        );
        if i % 4 == 0 {
            new.practice_area = "Litigation".into();
            new.responsible = f.fee_earner2.actor_id();
        }
        made.push(ms.create(new).unwrap());
    }
    for m in made.iter().take(5) {
        ms.open(m.id, m.version).unwrap();
    }
    let total = |filter: MatterFilter| {
        f.read_only
            .matters()
            .list(filter, Page::default())
            .unwrap()
            .total
    };
    assert_eq!(total(MatterFilter::default()), 12);
    assert_eq!(
        total(MatterFilter {
            status: Some(MatterStatus::Open),
            ..Default::default()
        }),
        5
    );
    assert_eq!(
        total(MatterFilter {
            status: Some(MatterStatus::Closed),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        total(MatterFilter {
            practice_area: Some("litigation".into()),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        total(MatterFilter {
            fee_earner: Some(f.fee_earner2.actor_id()),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        total(MatterFilter {
            client: Some(brown.id),
            ..Default::default()
        }),
        4
    );
    assert_eq!(
        total(MatterFilter {
            text: Some("PURCHASE".into()),
            ..Default::default()
        }),
        6
    );
    assert_eq!(
        total(MatterFilter {
            text: Some("aerospace".into()),
            ..Default::default()
        }),
        4,
        "party name, folded"
    );
    assert_eq!(
        total(MatterFilter {
            text: Some(made[5].number.clone()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        total(MatterFilter {
            text: Some("100%_".into()),
            ..Default::default()
        }),
        0,
        "wildcards are literal"
    );
    assert_eq!(
        total(MatterFilter {
            client: Some(brown.id),
            text: Some("purchase".into()),
            status: Some(MatterStatus::Open),
            ..Default::default()
        }),
        1
    );
    let first = f
        .read_only
        .matters()
        .list(MatterFilter::default(), Page::new(0, 5).unwrap())
        .unwrap();
    let third = f
        .read_only
        .matters()
        .list(MatterFilter::default(), Page::new(10, 5).unwrap())
        .unwrap();
    assert_eq!(
        (first.items.len(), third.items.len(), third.total),
        (5, 2, 12)
    );
    assert_eq!(first.items[0].id, made[11].id, "newest first");
    assert_eq!(third.items[1].id, made[0].id);
    assert!(Page::new(0, 0).is_err() && Page::new(0, 1001).is_err());
    // Renaming a contact is reflected in text search at once.
    let smith = f.admin.contacts().get(smith.id).unwrap();
    f.admin
        .contacts()
        .update(
            smith.id,
            smith.version,
            lexcase::contacts::ContactChanges {
                family_name: Some("Smythe".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        total(MatterFilter {
            text: Some("smythe".into()),
            ..Default::default()
        }),
        8
    );
    assert_invalid(
        f.read_only.matters().list(
            MatterFilter {
                text: Some("\u{7}".into()),
                ..Default::default()
            },
            Page::default(),
        ),
        "text",
    );
}

/// Custom fields are typed by their definition.
pub fn custom_fields_are_typed(store: SharedStore) {
    let f = Fixture::new(store);
    let defs = [
        ("lender_ref", CustomFieldKind::Text, vec![]),
        ("plots", CustomFieldKind::Number, vec![]),
        ("deposit", CustomFieldKind::Decimal, vec![]),
        ("exchange", CustomFieldKind::Date, vec![]),
        ("leasehold", CustomFieldKind::Bool, vec![]),
        (
            "tenure",
            CustomFieldKind::Choice,
            vec!["freehold".to_string(), "leasehold".to_string()],
        ),
        ("introducer", CustomFieldKind::ContactRef, vec![]),
    ];
    let mut version = f.admin.settings().get().unwrap().version;
    for (key, kind, choices) in defs {
        let def = CustomFieldDefinition::new(key, key, kind, choices).unwrap();
        assert_code(
            f.partner
                .settings()
                .define_custom_field(version, def.clone()),
            ErrorCode::PermissionDenied,
        );
        version = f
            .admin
            .settings()
            .define_custom_field(version, def)
            .unwrap()
            .version;
    }
    let agent = f.organisation("Homes Estate Agents");
    let m = f.matter("Purchase");
    let ms = f.fee_earner.matters();
    let good = [
        ("lender_ref", CustomValue::Text("MORT-1".into())),
        ("plots", CustomValue::Number(2)),
        ("deposit", CustomValue::Decimal(Decimal::new(2500000, 2))),
        ("exchange", CustomValue::Date(day(30))),
        ("leasehold", CustomValue::Bool(false)),
        ("tenure", CustomValue::Choice("freehold".into())),
        ("introducer", CustomValue::ContactRef(agent.id)),
    ];
    let mut m = m;
    for (key, value) in good.clone() {
        m = ms
            .set_custom_field(m.id, m.version, key, Some(value))
            .unwrap();
    }
    assert_eq!(m.custom_fields.len(), 7);
    assert_eq!(
        m.custom_fields["deposit"],
        CustomValue::Decimal(Decimal::new(2500000, 2))
    );
    assert_invalid(
        ms.set_custom_field(
            m.id,
            m.version,
            "plots",
            Some(CustomValue::Text("two".into())),
        ),
        "custom_fields.plots",
    );
    assert_invalid(
        ms.set_custom_field(
            m.id,
            m.version,
            "tenure",
            Some(CustomValue::Choice("commonhold".into())),
        ),
        "custom_fields.tenure",
    );
    assert_invalid(
        ms.set_custom_field(m.id, m.version, "nope", Some(CustomValue::Bool(true))),
        "custom_fields",
    );
    assert_invalid(
        ms.set_custom_field(
            m.id,
            m.version,
            "lender_ref",
            Some(CustomValue::Text("".into())),
        ),
        "custom_fields.lender_ref",
    );
    assert_code(
        ms.set_custom_field(
            m.id,
            m.version,
            "introducer",
            Some(CustomValue::ContactRef(lexcase::ContactId::new())),
        ),
        ErrorCode::NotFound,
    );
    let m = ms.set_custom_field(m.id, m.version, "plots", None).unwrap();
    assert!(!m.custom_fields.contains_key("plots"));
    assert_code(
        ms.set_custom_field(m.id, m.version, "plots", None),
        ErrorCode::NotFound,
    );
    assert_eq!(f.read_only.matters().get(m.id).unwrap(), m);
    f.assert_state_explained();
}

/// Named key dates are set, moved and removed.
pub fn key_dates(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase");
    let ms = f.secretary.matters();
    let m = ms
        .set_key_date(m.id, m.version, "completion", Some(day(30)))
        .unwrap();
    let m = ms
        .set_key_date(m.id, m.version, "completion", Some(day(29)))
        .unwrap();
    let m = ms
        .set_key_date(m.id, m.version, "exchange", Some(day(28)))
        .unwrap();
    assert_eq!(m.key_dates.len(), 2);
    assert_eq!(m.key_dates["completion"], day(29));
    let m = ms.set_key_date(m.id, m.version, "exchange", None).unwrap();
    assert_code(
        ms.set_key_date(m.id, m.version, "exchange", None),
        ErrorCode::NotFound,
    );
    assert_invalid(
        ms.set_key_date(m.id, m.version, "", Some(day(1))),
        "key_dates",
    );
    assert_invalid(
        ms.set_key_date(m.id, m.version, &"k".repeat(101), Some(day(1))),
        "key_dates",
    );
    let history = f.admin.audit().history(m.id.into()).unwrap();
    let moved = history
        .iter()
        .find(|e| {
            e.changes
                .iter()
                .any(|c| c.before.is_some() && c.field == "key_dates.completion")
        })
        .unwrap();
    assert_eq!(
        moved.changes[0].before,
        Some(serde_json::json!("2026-11-30"))
    );
    assert_eq!(
        moved.changes[0].after,
        Some(serde_json::json!("2026-11-29"))
    );
    f.assert_state_explained();
}

/// Every field of a new or changed matter refuses garbage; nothing is written.
pub fn garbage_matter_input_is_refused_and_nothing_written(store: SharedStore) {
    let f = Fixture::new(store);
    let client = f.person("Jane", "Smith");
    let head = f.audit_head();
    let base = f.new_matter("Purchase", vec![client.id]);
    let ms = f.fee_earner.matters();
    let cases: Vec<(lexcase::matters::NewMatter, &str)> = vec![
        (
            lexcase::matters::NewMatter {
                title: " ".into(),
                ..base.clone()
            },
            "title",
        ),
        (
            lexcase::matters::NewMatter {
                title: "t".repeat(301),
                ..base.clone()
            },
            "title",
        ),
        (
            lexcase::matters::NewMatter {
                description: "\u{1b}[31m".into(),
                ..base.clone()
            },
            "description",
        ),
        (
            lexcase::matters::NewMatter {
                description: "d".repeat(20_001),
                ..base.clone()
            },
            "description",
        ),
        (
            lexcase::matters::NewMatter {
                practice_area: "".into(),
                ..base.clone()
            },
            "practice_area",
        ),
        (
            lexcase::matters::NewMatter {
                clients: vec![],
                ..base.clone()
            },
            "clients",
        ),
        (
            lexcase::matters::NewMatter {
                key_dates: [(" ".to_string(), day(1))].into(),
                ..base.clone()
            },
            "key_dates",
        ),
    ];
    for (new, field) in cases {
        assert_invalid(ms.create(new), field);
    }
    assert_code(
        ms.create(lexcase::matters::NewMatter {
            clients: vec![lexcase::ContactId::new()],
            ..base.clone()
        }),
        ErrorCode::NotFound,
    );
    assert_code(
        ms.create(lexcase::matters::NewMatter {
            responsible: lexcase::UserId::new(),
            ..base.clone()
        }),
        ErrorCode::NotFound,
    );
    assert_code(
        ms.create(lexcase::matters::NewMatter {
            team: vec![TeamMember {
                user: lexcase::UserId::new(),
                role: MatterRole::Other,
            }],
            ..base.clone()
        }),
        ErrorCode::NotFound,
    );
    assert_eq!(f.audit_head(), head);
    assert_eq!(Fixture::visible_total(&f.admin), 0);
    // A refused matter consumes no number.
    let m = ms.create(base.clone()).unwrap();
    assert_eq!(m.number, "SMI-0001");
    let bad = MatterChanges {
        title: Some("New title".into()),
        practice_area: Some("\n".into()),
        ..Default::default()
    };
    assert_invalid(ms.update(m.id, m.version, bad), "practice_area");
    let usd = BillingArrangement {
        kind: BillingKind::Contingency,
        currency: Currency::parse("USD").unwrap(),
    };
    let m2 = ms
        .update(
            m.id,
            m.version,
            MatterChanges {
                billing: Some(usd),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(m2.billing, usd);
    assert_eq!(ms.get(m.id).unwrap().title, "Purchase");
    assert_invalid(
        ms.create_many(vec![
            base.clone(),
            lexcase::matters::NewMatter {
                title: "".into(),
                ..base
            },
        ]),
        "title",
    );
    assert_eq!(
        Fixture::visible_total(&f.admin),
        1,
        "batches are all or nothing"
    );
}

/// A change based on an old version fails as stale and writes nothing.
pub fn stale_versions_are_refused_without_writing(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase");
    let a = f.fee_earner.matters();
    let b = f.paralegal.matters();
    let m2 = a
        .set_key_date(m.id, m.version, "completion", Some(day(30)))
        .unwrap();
    let head = f.audit_head();
    match b
        .set_key_date(m.id, m.version, "exchange", Some(day(28)))
        .unwrap_err()
    {
        lexcase::LexcaseError::StaleVersion {
            expected, actual, ..
        } => assert_eq!((expected, actual), (1, 2)),
        other => panic!("{other:?}"),
    }
    assert_eq!(a.get(m.id).unwrap(), m2);
    assert_eq!(f.audit_head(), head);
}
