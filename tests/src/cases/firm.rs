//! Firm set-up, matter numbering and settings.

use lexcase::ErrorCode;
use lexcase::access::Role;
use lexcase::firm::{CustomFieldDefinition, CustomFieldKind};
use lexcase::service::{Firm, SettingsChanges};

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid, new_user, setup};

/// A firm is set up once; sessions need an existing, active user.
pub fn initialises_once(store: SharedStore) {
    let firm = Firm::with_clock(store, std::sync::Arc::new(lexcase::clock::SystemClock));
    assert!(!firm.is_initialised().unwrap());
    assert_code(firm.settings(), ErrorCode::NotFound);
    let mut bad = setup();
    bad.time_zone = "Nowhere/Special".into();
    assert_invalid(
        firm.initialise(&bad, &new_user("Ada", Role::Admin)),
        "time_zone",
    );
    assert!(
        !firm.is_initialised().unwrap(),
        "a refused set-up writes nothing"
    );
    let admin = firm
        .initialise(&setup(), &new_user("Ada", Role::ReadOnly))
        .unwrap();
    assert_eq!(admin.role, Role::Admin, "the first user is always an admin");
    assert_code(
        firm.initialise(&setup(), &new_user("Eve", Role::Admin)),
        ErrorCode::Conflict,
    );
    assert_code(firm.session(lexcase::UserId::new()), ErrorCode::NotFound);
    let session = firm.session(admin.id).unwrap();
    assert!(session.audit().verify().unwrap().is_intact());
    let actions: Vec<_> = session
        .audit()
        .changes_since(0, 10)
        .unwrap()
        .events
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions[..2], ["firm.initialised", "user.created"]);
    let builtins = lexcase::workflow::builtin::SOURCES.len();
    assert_eq!(actions.len(), 2 + builtins, "and the built-in templates");
    assert!(
        actions[2..]
            .iter()
            .all(|a| a == "workflow.template_registered")
    );
}

/// `{CLIENT3}-{SEQ:4}` counts per client prefix; a new format applies to new matters.
pub fn matter_numbers_follow_the_format(store: SharedStore) {
    let f = Fixture::new(store);
    let smith = f.person("Jane", "Smith");
    let smithers = f.organisation("Smithers Ltd");
    let jones = f.person("Tom", "Jones");
    let m = |c: &lexcase::contacts::Contact| {
        f.fee_earner
            .matters()
            .create(f.new_matter("Matter", vec![c.id]))
            .unwrap()
            .number
    };
    assert_eq!(m(&smith), "SMI-0001");
    assert_eq!(m(&smithers), "SMI-0002");
    assert_eq!(m(&jones), "JON-0001");
    let settings = f.admin.settings().get().unwrap();
    let changes = SettingsChanges {
        matter_number_format: Some("{YYYY}/{SEQ}".into()),
        ..Default::default()
    };
    f.admin
        .settings()
        .update(settings.version, &changes)
        .unwrap();
    assert_eq!(m(&jones), "2026/1");
    assert_eq!(m(&smith), "2026/2");
}

/// Changing settings needs `manage_firm`; bad values are refused.
pub fn settings_need_manage_firm_and_validate(store: SharedStore) {
    let f = Fixture::new(store);
    let v = f.admin.settings().get().unwrap().version;
    let rename = SettingsChanges {
        name: Some("Smith LLP".into()),
        ..Default::default()
    };
    assert_code(
        f.partner.settings().update(v, &rename),
        ErrorCode::PermissionDenied,
    );
    for (changes, field) in [
        (
            SettingsChanges {
                name: Some(" ".into()),
                ..Default::default()
            },
            "name",
        ),
        (
            SettingsChanges {
                default_currency: Some("EURO".into()),
                ..Default::default()
            },
            "currency",
        ),
        (
            SettingsChanges {
                matter_number_format: Some("{SEQ".into()),
                ..Default::default()
            },
            "matter_number_format",
        ),
        (
            SettingsChanges {
                time_zone: Some("UTC+1".into()),
                ..Default::default()
            },
            "time_zone",
        ),
    ] {
        assert_invalid(f.admin.settings().update(v, &changes), field);
    }
    let s = f.admin.settings().update(v, &rename).unwrap();
    assert_eq!((s.name.as_str(), s.version), ("Smith LLP", v + 1));
    assert_code(
        f.admin.settings().update(v, &rename),
        ErrorCode::StaleVersion,
    );
    let def = CustomFieldDefinition::new(
        "lender_ref",
        "Lender reference",
        CustomFieldKind::Text,
        vec![],
    )
    .unwrap();
    let s = f
        .admin
        .settings()
        .define_custom_field(s.version, def.clone())
        .unwrap();
    assert_code(
        f.admin.settings().define_custom_field(s.version, def),
        ErrorCode::Conflict,
    );
    assert!(CustomFieldDefinition::new("Bad Key", "x", CustomFieldKind::Text, vec![]).is_err());
    assert!(
        CustomFieldDefinition::new("tenure", "Tenure", CustomFieldKind::Choice, vec![]).is_err()
    );
}
