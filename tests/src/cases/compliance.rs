//! Compliance rules through the services: packs in force, the opening gate and its
//! authorised override, findings on a sweep, rules gating a stage advance, a firm's own pack
//! tested before it is installed.

use chrono::NaiveDate;
use lexcase::ErrorCode;
use lexcase::client_money::{ClientMoneyEntryKind, NewClientMoneyEntry};
use lexcase::contacts::{IdentityStatus, VerificationMethod};
use lexcase::money::{Currency, Money};
use lexcase::rules::{CompliancePack, Severity};
use lexcase::timekeeping::NewTimeEntry;
use lexcase::workflow::MoveOutcome;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// With the core pack in force a matter opens only once its conflict check is cleared (or a
/// partner overrides, with a reason, kept on the matter); sweeps report findings; with the
/// conveyancing pack in force, money received from an unverified client blocks the next stage.
pub fn packs_in_force_gate_opening_and_stages(store: SharedStore) {
    let f = Fixture::new(store);
    // No pack in force: nothing stands in the way (the firm chooses its packs).
    let m = f.matter("Before any rules");
    f.fee_earner.matters().open(m.id, m.version).unwrap();
    assert!(f.fee_earner.compliance().packs().unwrap().is_empty());
    assert_code(
        f.fee_earner
            .compliance()
            .set_packs_in_force(&["core".into()]),
        ErrorCode::PermissionDenied,
    );
    assert_invalid(
        f.admin.compliance().set_packs_in_force(&["mars".into()]),
        "packs",
    );
    let packs = f
        .admin
        .compliance()
        .set_packs_in_force(&["core".into(), "ew-conveyancing".into()])
        .unwrap();
    assert_eq!(packs.len(), 2);

    let fe = f.fee_earner.matters();
    // Each matter gets a client of its own, so the conflict checks below are clear.
    let fresh = |title: &str, given: &str, family: &str| {
        let client = f.person(given, family);
        fe.create(f.new_matter(title, vec![client.id])).unwrap()
    };
    let m = fresh("Purchase of 1 Elm Road", "Olive", "Quartermaine");
    let blocked = fe.open(m.id, m.version).unwrap_err();
    assert!(
        matches!(&blocked, lexcase::LexcaseError::Validation { field, reason, .. } if field == "rules" && reason.contains("conflict_check_cleared"))
    );
    let check = f.fee_earner.conflicts().run(m.id).unwrap();
    assert_eq!(check.status(), "clear");
    let m = fe.open(m.id, m.version).unwrap();

    // Overriding needs override_workflow_gates and a reason; it is kept and shown.
    let other = fresh("Urgent injunction", "Ravi", "Underhill");
    assert_code(
        fe.open_overriding(other.id, other.version, "court tomorrow"),
        ErrorCode::PermissionDenied,
    );
    let other = f
        .partner
        .matters()
        .open_overriding(
            other.id,
            other.version,
            "injunction hearing at 10:00; check to follow",
        )
        .unwrap();
    let overrides = f.partner.compliance().overrides(other.id).unwrap();
    assert_eq!(overrides.len(), 1);
    assert_eq!(
        (overrides[0].rule.as_str(), overrides[0].by),
        ("conflict_check_cleared", f.partner.actor_id())
    );
    let found = f.partner.compliance().evaluate(other.id).unwrap();
    let conflict = found
        .findings
        .iter()
        .find(|x| x.finding.rule == "conflict_check_cleared")
        .unwrap();
    assert_eq!(conflict.finding.severity, Severity::Block);
    assert!(conflict.overridden.is_some(), "the override is visible");
    assert!(conflict.finding.message.contains(&other.number));

    // Time on a closed matter is a finding of the sweep.
    let closed = fe.close(m.id, m.version, None).unwrap();
    f.fee_earner
        .time()
        .record(NewTimeEntry::new(
            closed.id,
            day("2026-12-01"),
            600,
            "After closing",
        ))
        .unwrap();
    let sweep = f.partner.compliance().sweep().unwrap();
    let on_closed = sweep
        .iter()
        .find(|c| c.matter == closed.id)
        .expect("closed matter swept");
    assert!(
        on_closed
            .findings
            .iter()
            .any(|x| x.finding.rule == "no_time_after_close")
    );
    assert!(
        on_closed.findings[0]
            .finding
            .facts
            .contains_key("time.entries_after_close")
            || on_closed
                .findings
                .iter()
                .any(|x| !x.finding.facts.is_empty())
    );

    // Conveyancing: money in from a client whose identity is not verified blocks the stage
    // advance (besides the checklist); verified, the rule no longer blocks.
    let p = fresh("Purchase of 2 Oak Lane", "Wilma", "Xenakis");
    f.fee_earner.conflicts().run(p.id).unwrap();
    let p = fe.open(p.id, p.version).unwrap();
    let client = p.clients().next().unwrap();
    let w = f
        .fee_earner
        .workflow()
        .start(p.id, "ew-residential-purchase", None)
        .unwrap();
    f.accounts
        .client_money()
        .record(
            NewClientMoneyEntry {
                matter: p.id,
                client,
                kind: ClientMoneyEntryKind::Receipt,
                amount: Money::new("500".parse().unwrap(), Currency::parse("GBP").unwrap(), "a")
                    .unwrap()
                    .into(),
                date: day("2026-11-27"),
                reference: String::new(),
                counterparty: "Jane Smith".into(),
                description: "Search fees on account".into(),
                bill: None,
                reverses: None,
            },
            None,
        )
        .unwrap();
    let result = f
        .fee_earner
        .workflow()
        .move_to(p.id, w.version, "pre_exchange", None)
        .unwrap();
    let MoveOutcome::Blocked(blockers) = &result.outcome else {
        panic!("expected a block")
    };
    assert!(
        blockers
            .iter()
            .any(|b| b.source == "rule:identity_before_funds"),
        "{blockers:?}"
    );
    let contact = f.admin.contacts().get(client).unwrap();
    f.admin
        .contacts()
        .record_identity_verification(
            client,
            contact.version,
            IdentityStatus::Verified,
            Some(day("2026-11-27")),
            Some(VerificationMethod::Electronic),
        )
        .unwrap();
    let result = f
        .fee_earner
        .workflow()
        .move_to(p.id, w.version, "pre_exchange", None)
        .unwrap();
    if let MoveOutcome::Blocked(blockers) = &result.outcome {
        assert!(
            blockers.iter().all(|b| !b.source.starts_with("rule:")),
            "{blockers:?}"
        );
    }
    let moved = f
        .partner
        .workflow()
        .move_to(
            p.id,
            w.version,
            "pre_exchange",
            Some("checklist finished on paper"),
        )
        .unwrap();
    assert!(matches!(moved.outcome, MoveOutcome::Moved(_)));
}

const FIRM_PACK: &str = r#"
id = "smith-co"
version = 1
title = "Smith & Co house rules"

[[rules]]
id = "high_wip"
version = 1
title = "WIP above 10,000 needs a bill"
condition = 'time.unbilled_value > 10000.0'
severity = "warn"
message = "Matter {matter.number} has {time.unbilled_value} unbilled."
remedy = "Bill the client or agree a payment on account."

[[tests]]
name = "fires above the limit"
facts = { time = { unbilled_value = 12000.0 } }
expect = ["high_wip"]

[[tests]]
name = "quiet below it"
facts = { time = { unbilled_value = 9000.0 } }
expect = EXPECT
"#;

/// A firm's own pack runs its tests before it goes in; failing tests, bad conditions and
/// stale versions are refused.
pub fn firm_packs_are_tested_before_install(store: SharedStore) {
    let f = Fixture::new(store);
    let compliance = f.admin.compliance();
    let failing =
        CompliancePack::from_toml(&FIRM_PACK.replace("EXPECT", "[\"high_wip\"]")).unwrap();
    let outcomes = compliance.test_pack(&failing).unwrap();
    assert_eq!(outcomes.iter().filter(|o| !o.passed).count(), 1);
    assert_invalid(compliance.install_pack(failing), "tests");
    let good = CompliancePack::from_toml(&FIRM_PACK.replace("EXPECT", "[]")).unwrap();
    assert_code(
        f.fee_earner.compliance().install_pack(good.clone()),
        ErrorCode::PermissionDenied,
    );
    compliance.install_pack(good.clone()).unwrap();
    assert!(
        compliance
            .packs()
            .unwrap()
            .iter()
            .any(|p| p.id == "smith-co")
    );
    assert_invalid(compliance.install_pack(good), "version");
    let bad = FIRM_PACK
        .replace("EXPECT", "[]")
        .replace("time.unbilled_value > 10000.0", "time.no_such_fact > 1");
    assert!(CompliancePack::from_toml(&bad).is_err());
    let not_cel = FIRM_PACK
        .replace("EXPECT", "[]")
        .replace("time.unbilled_value > 10000.0", "time.unbilled_value >>> 1");
    assert!(CompliancePack::from_toml(&not_cel).is_err());
}
