//! Tests of the rules engine.

use std::collections::BTreeMap;

use super::*;
use crate::LexcaseError;

fn facts(json: serde_json::Value) -> Facts {
    serde_json::from_value(json).unwrap()
}

fn pack_with(rule_toml: &str) -> String {
    format!("id = \"t\"\nversion = 1\ntitle = \"T\"\n[[rules]]\n{rule_toml}\n")
}

fn rule(condition: &str, message: &str) -> String {
    pack_with(&format!(
        "id = \"r\"\nversion = 2\ntitle = \"R\"\ncondition = '''{condition}'''\nseverity = \"warn\"\nmessage = \"{message}\"\nremedy = \"Fix it.\""
    ))
}

fn reason(result: crate::Result<CompliancePack>) -> String {
    match result {
        Err(LexcaseError::Validation { reason, .. }) => reason,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn builtin_packs_load_and_their_tests_pass() {
    let packs = CompliancePack::builtin();
    let ids: Vec<&str> = packs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["core", "ew-conveyancing", "ew-litigation", "us"]);
    for pack in &packs {
        let outcomes = pack.run_tests();
        assert!(!outcomes.is_empty());
        for o in &outcomes {
            assert!(o.passed, "{}: {o:?}", pack.id);
        }
    }
    CompiledPacks::new(packs).unwrap();
}

#[test]
fn every_builtin_rule_fires_and_passes_in_its_tests() {
    for pack in CompliancePack::builtin() {
        for rule in &pack.rules {
            assert!(
                pack.tests.iter().any(|t| t.expect.contains(&rule.id)),
                "{} fires in no test",
                rule.id
            );
        }
        assert!(pack.tests.iter().any(|t| t.expect.is_empty()));
    }
}

#[test]
fn builtin_sources_load_without_error() {
    for text in builtin::SOURCES {
        CompliancePack::from_toml(text).unwrap();
    }
}

#[test]
fn load_checks_refuse_malformed_rules() {
    let cases: Vec<(String, &str)> = vec![
        (rule("", "m"), "empty condition"),
        (rule("   ", "m"), "empty condition"),
        (rule("matter.status ==", "m"), "does not parse"),
        (
            rule("matters.status == 'open'", "m"),
            "unknown fact `matters`",
        ),
        (
            rule("matter.stat == 'open'", "m"),
            "unknown fact field `stat`",
        ),
        (
            rule("clients.exists(c, c.verified)", "m"),
            "unknown fact field `verified`",
        ),
        (rule("tasks.overdue.count > 0", "m"), "has no fields"),
        (rule("matter.days_open + 1", "m"), "wrong type"),
        (rule("matter.number > 3", "m"), "wrong type"),
        (rule("clients.exists(c, c.name > 3)", "m"), "wrong type"),
        (rule("tasks.overdue > 0", "{matter.nummer}"), "placeholder"),
        (
            rule("tasks.overdue > 0", "{tasks.overdue.x}"),
            "placeholder",
        ),
        (
            rule("tasks.overdue > 0", "m").replace("remedy", "colour = 1\nremedy"),
            "unknown field `colour`",
        ),
        (
            format!(
                "{}\n{}",
                rule("tasks.overdue > 0", "m"),
                rule("tasks.overdue > 1", "m")
                    .lines()
                    .skip(3)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
            "duplicate rule id",
        ),
        (
            format!(
                "{}[[tests]]\nname = \"x\"\nexpect = [\"nope\"]\n",
                rule("tasks.overdue > 0", "m")
            ),
            "unknown rule `nope`",
        ),
        (
            format!(
                "{}[[tests]]\nname = \"x\"\nfacts = {{ matter = {{ colour = 1 }} }}\n",
                rule("tasks.overdue > 0", "m")
            ),
            "unknown fact `matter.colour`",
        ),
        (
            format!(
                "{}[[tests]]\nname = \"x\"\nfacts = {{ tasks = {{ overdue = \"many\" }} }}\n",
                rule("tasks.overdue > 0", "m")
            ),
            "bad facts",
        ),
    ];
    for (text, needle) in cases {
        let why = reason(CompliancePack::from_toml(&text));
        assert!(why.contains(needle), "{needle:?} not in {why:?}");
        assert!(why.contains("pack `t`"), "{why}");
    }
}

#[test]
fn load_checks_name_the_pack_and_rule() {
    let why = reason(CompliancePack::from_toml(&rule("matter.nope", "m")));
    assert!(why.starts_with("pack `t` rule `r`: "), "{why}");
}

#[test]
fn maps_lists_and_idioms_are_accepted() {
    for condition in [
        "clients.exists(c, c.identity_verified)",
        "documents.categories[\"engagement_letter\"] > 0",
        "has(documents.signed.contingency_agreement)",
        "\"completion\" in matter.key_dates && matter.key_dates.completion < today",
        "deadlines.all(d, d.due != \"\") && size(parties) > 1",
        "workflow.done.exists(i, i == \"exchanged\") || type(tasks.open) == int",
        "documents.categories.exists(k, k.startsWith(\"TA\"))",
        "[1, 2].map(x, x * 2).size() == 2 && {\"a\": matter.status}.size() == 1",
    ] {
        CompliancePack::from_toml(&rule(condition, "m"))
            .unwrap_or_else(|e| panic!("{condition}: {e}"));
    }
}

#[test]
fn json_packs_load_with_the_same_checks() {
    let text = serde_json::json!({
        "id": "j", "version": 3, "title": "J",
        "rules": [{
            "id": "r", "version": 1, "title": "R", "condition": "tasks.overdue > 0",
            "severity": "info", "message": "{tasks.overdue} overdue", "remedy": "Do them."
        }],
        "tests": [{ "name": "fires", "facts": { "tasks": { "overdue": 2 } }, "expect": ["r"] }]
    });
    let pack = CompliancePack::from_json(&text.to_string()).unwrap();
    assert_eq!(pack.rules[0].on, vec![Checkpoint::Sweep]);
    assert!(pack.run_tests()[0].passed);
    let mut bad = text.clone();
    bad["rules"][0]["condition"] = "tasks.late > 0".into();
    assert!(
        reason(CompliancePack::from_json(&bad.to_string())).contains("unknown fact field `late`")
    );
    bad["rules"][0]["extra"] = true.into();
    assert!(CompliancePack::from_json(&bad.to_string()).is_err());
}

#[test]
fn duplicate_packs_are_refused() {
    let pack = CompliancePack::from_toml(&rule("tasks.overdue > 0", "m")).unwrap();
    let err = CompiledPacks::new(vec![pack.clone(), pack]).unwrap_err();
    assert!(err.to_string().contains("duplicate pack id"), "{err}");
}

#[test]
fn failing_pack_tests_are_reported_not_refused() {
    let text = format!(
        "{}[[tests]]\nname = \"wrong\"\nfacts = {{ tasks = {{ overdue = 0 }} }}\nexpect = [\"r\"]\n",
        rule("tasks.overdue > 0", "m")
    );
    let outcomes = CompliancePack::from_toml(&text).unwrap().run_tests();
    assert_eq!(
        outcomes,
        vec![RuleTestOutcome {
            name: "wrong".into(),
            passed: false,
            expected: vec!["r".into()],
            fired: vec![],
            error: None,
        }]
    );
}

#[test]
fn findings_carry_rendered_messages_and_referenced_facts() {
    let packs = CompliancePack::builtin();
    let f = facts(serde_json::json!({
        "matter": { "number": "M-1", "status": "open", "currency": "GBP", "days_open": 3 },
        "conflicts": { "status": "clear" },
        "time": { "unbilled_value": 1500.5, "oldest_unbilled_days": 120 },
        "client_money": { "lowest_balance": -10.0 },
        "tasks": { "overdue": 2 }
    }));
    let findings = evaluate(&packs, &f, Checkpoint::Sweep).unwrap();
    let ids: Vec<(&str, Severity)> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect();
    assert_eq!(
        ids,
        [
            ("client_money_not_negative", Severity::Block),
            ("wip_unbilled_90_days", Severity::Warn),
            ("overdue_tasks", Severity::Info),
        ]
    );
    let wip = &findings[1];
    assert_eq!(wip.pack, "core");
    assert_eq!(wip.version, 1);
    assert_eq!(
        wip.message,
        "Matter M-1: 1500.5 GBP of work is unbilled, the oldest 120 days old."
    );
    assert!(wip.remedy.starts_with("Bill the work"));
    assert_eq!(
        wip.facts,
        BTreeMap::from([
            (
                "time.oldest_unbilled_days".to_string(),
                serde_json::json!(120)
            ),
            ("time.unbilled_value".to_string(), serde_json::json!(1500.5)),
        ])
    );
}

#[test]
fn missing_map_keys_are_reported_as_null() {
    let packs: Vec<CompliancePack> = CompliancePack::builtin()
        .into_iter()
        .filter(|p| p.id == "us")
        .collect();
    let f = facts(serde_json::json!({
        "matter": { "number": "M-2", "billing_kind": "contingency", "status": "pending" }
    }));
    let findings = evaluate(&packs, &f, Checkpoint::MatterOpening).unwrap();
    assert_eq!(findings.len(), 1);
    let facts = &findings[0].facts;
    assert_eq!(facts["matter.billing_kind"], "contingency");
    assert_eq!(
        facts["documents.signed.contingency_agreement"],
        serde_json::Value::Null
    );
    assert_eq!(
        findings[0].message,
        "Matter M-2 is on a contingency fee without a signed contingency agreement."
    );
}

#[test]
fn braces_that_are_not_placeholders_stay_as_written() {
    let pack =
        CompliancePack::from_toml(&rule("true", "{ not a path } {} {matter.number}!")).unwrap();
    let mut f = Facts::default();
    f.matter.number = "N".into();
    let found = evaluate(&[pack], &f, Checkpoint::Sweep).unwrap();
    assert_eq!(found[0].message, "{ not a path } {} N!");
}

fn scoped(scope: &str, on: &str) -> CompliancePack {
    CompliancePack::from_toml(&pack_with(&format!(
        "id = \"s\"\nversion = 1\ntitle = \"S\"\nscope = {scope}\non = {on}\ncondition = 'true'\nseverity = \"block\"\nmessage = \"m\"\nremedy = \"r\""
    )))
    .unwrap()
}

fn fires(pack: &CompliancePack, f: serde_json::Value, checkpoint: Checkpoint) -> bool {
    !evaluate(std::slice::from_ref(pack), &facts(f), checkpoint)
        .unwrap()
        .is_empty()
}

#[test]
fn scope_filters_practice_area_stage_and_status() {
    let p = scoped(
        "{ practice_areas = [\"conveyancing\"], stages = [\"exchange\"], statuses = [\"open\"] }",
        "[\"stage_advance\"]",
    );
    let base = |area: &str, stage: &str, status: &str, to: &str| {
        serde_json::json!({
            "matter": { "practice_area": area, "status": status },
            "workflow": { "stage": stage },
            "event": { "to_stage": to }
        })
    };
    let sweep = Checkpoint::Sweep;
    assert!(fires(
        &p,
        base("conveyancing", "exchange", "open", ""),
        sweep
    ));
    assert!(fires(
        &p,
        base("Conveyancing", "exchange", "open", ""),
        sweep
    ));
    assert!(!fires(
        &p,
        base("litigation", "exchange", "open", ""),
        sweep
    ));
    assert!(!fires(
        &p,
        base("conveyancing", "completion", "open", ""),
        sweep
    ));
    assert!(!fires(
        &p,
        base("conveyancing", "exchange", "closed", ""),
        sweep
    ));
    // A stage advance matches the stage being entered as well.
    let advance = Checkpoint::StageAdvance;
    assert!(fires(
        &p,
        base("conveyancing", "prior_to_exchange", "open", "exchange"),
        advance
    ));
    assert!(!fires(
        &p,
        base("conveyancing", "prior_to_exchange", "open", "exchange"),
        sweep
    ));
    assert!(!fires(
        &p,
        base("conveyancing", "instructions", "open", "pre_exchange"),
        advance
    ));
}

#[test]
fn checkpoints_select_rules() {
    let sweep_only = scoped("{}", "[\"sweep\"]");
    let opening = scoped("{}", "[\"matter_opening\"]");
    let none = serde_json::json!({});
    assert!(fires(&sweep_only, none.clone(), Checkpoint::Sweep));
    assert!(!fires(&sweep_only, none.clone(), Checkpoint::MatterOpening));
    assert!(!fires(&sweep_only, none.clone(), Checkpoint::StageAdvance));
    assert!(fires(&opening, none.clone(), Checkpoint::Sweep));
    assert!(fires(&opening, none.clone(), Checkpoint::MatterOpening));
    assert!(!fires(&opening, none, Checkpoint::StageAdvance));
}

#[test]
fn the_checkpoint_is_visible_to_conditions() {
    let pack = CompliancePack::from_toml(&rule(
        "event.checkpoint == 'matter_opening'",
        "{event.checkpoint}",
    ))
    .unwrap();
    let f = Facts::default();
    assert!(
        evaluate(std::slice::from_ref(&pack), &f, Checkpoint::Sweep)
            .unwrap()
            .is_empty()
    );
    let mut p = pack;
    p.rules[0].on = vec![Checkpoint::MatterOpening];
    let found = evaluate(&[p], &f, Checkpoint::MatterOpening).unwrap();
    assert_eq!(found[0].message, "matter_opening");
}

#[test]
fn runtime_errors_are_findings_that_name_the_rule() {
    let pack = CompliancePack::from_toml(&rule("documents.categories.engagement_letter > 0", "m"))
        .unwrap();
    let found = evaluate(&[pack], &Facts::default(), Checkpoint::Sweep).unwrap();
    let [finding] = found.as_slice() else {
        panic!("{found:?}")
    };
    assert_eq!(finding.kind, FindingKind::NotEvaluated);
    assert_eq!((finding.pack.as_str(), finding.rule.as_str()), ("t", "r"));
    assert!(finding.message.contains("rule `r` version 2 of pack `t`"));
    // The key is named: the condition spells it, so it is not client data.
    assert!(
        finding.message.contains("engagement_letter"),
        "{}",
        finding.message
    );
}

#[test]
fn hand_built_invalid_packs_fail_their_tests_with_an_error() {
    let mut pack =
        CompliancePack::from_toml(&format!("{}[[tests]]\nname = \"x\"\n", rule("true", "m")))
            .unwrap();
    pack.rules[0].condition = "nope".into();
    let outcome = &pack.run_tests()[0];
    assert!(!outcome.passed && outcome.error.as_deref().unwrap().contains("unknown fact"));
}

#[test]
fn names_round_trip() {
    for s in Severity::ALL {
        assert_eq!(s.as_str().parse::<Severity>().unwrap(), s);
        assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
    }
    for c in Checkpoint::ALL {
        assert_eq!(c.as_str().parse::<Checkpoint>().unwrap(), c);
        assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
    }
}

#[test]
fn the_fact_shape_knows_maps_and_lists() {
    for path in schema::MAP_PATHS {
        schema::check_path(&format!("{path}.anything")).unwrap();
    }
    schema::check_path("clients").unwrap();
    assert!(schema::check_path("clients.name").is_err());
    assert!(schema::check_path("matter..id").is_err());
}

mod never_panics {
    use proptest::prelude::*;

    use super::*;

    fn arbitrary_facts() -> impl Strategy<Value = Facts> {
        let text = prop_oneof![
            Just(String::new()),
            Just("2026-03-02".to_string()),
            Just("open".to_string()),
            Just("conveyancing".to_string()),
            Just("contingency".to_string()),
            ".{0,12}",
        ];
        (
            text.clone(),
            text.clone(),
            text.clone(),
            text.clone(),
            any::<i64>(),
            any::<f64>(),
            prop::collection::btree_map(text.clone(), text.clone(), 0..3),
            prop::collection::btree_map(text.clone(), any::<i64>(), 0..3),
            prop::collection::vec((text.clone(), any::<bool>(), any::<i64>()), 0..3),
            text,
        )
            .prop_map(
                |(status, area, billing, stage, n, x, dates, cats, items, today)| {
                    let mut f = Facts::default();
                    f.matter.status = status;
                    f.matter.practice_area = area;
                    f.matter.billing_kind = billing;
                    f.matter.days_open = n;
                    f.matter.key_dates = dates;
                    f.workflow.stage = stage.clone();
                    f.workflow.done = vec![stage];
                    f.documents.categories = cats.clone();
                    f.documents.signed = cats;
                    f.time.unbilled_value = x;
                    f.time.oldest_unbilled_days = n;
                    f.client_money.balance = x;
                    f.client_money.lowest_balance = -x;
                    f.tasks.overdue = n;
                    f.today = today;
                    for (name, b, k) in items {
                        f.clients.push(ClientFacts {
                            name: name.clone(),
                            identity_verified: b,
                            ..Default::default()
                        });
                        f.deadlines.push(DeadlineFacts {
                            title: name,
                            court: b,
                            open: !b,
                            reminders: k,
                            ..Default::default()
                        });
                    }
                    f
                },
            )
    }

    proptest! {
        #[test]
        fn evaluation_never_panics(f in arbitrary_facts(), c in 0usize..3) {
            static PACKS: std::sync::LazyLock<CompiledPacks> =
                std::sync::LazyLock::new(|| CompiledPacks::new(CompliancePack::builtin()).unwrap());
            let packs = &*PACKS;
            // Errors (e.g. a key date that is not a date) are fine; panics are not.
            let _ = packs.evaluate(&f, Checkpoint::ALL[c]);
        }
    }
}

#[test]
fn a_sweep_is_fast() {
    let packs = CompiledPacks::new(CompliancePack::builtin()).unwrap();
    let f = facts(serde_json::json!({
        "matter": { "number": "M", "status": "open", "practice_area": "conveyancing", "days_open": 20,
                    "key_dates": { "completion": "2026-01-02" } },
        "clients": [{ "name": "A", "identity_verified": true }],
        "today": "2026-03-01",
        "deadlines": [{ "court": true, "open": true, "reminders": 1 }]
    }));
    let start = std::time::Instant::now();
    for _ in 0..1000 {
        packs.evaluate(&f, Checkpoint::Sweep).unwrap();
    }
    let per_matter = start.elapsed() / 1000;
    eprintln!("per matter: {per_matter:?}");
    assert!(
        per_matter < std::time::Duration::from_millis(5),
        "{per_matter:?}"
    );
}

/// A list field added to the fact model must get an element in `schema::sample_facts`, or
/// conditions could not reach the fields of its elements.
#[test]
fn the_sample_facts_cover_every_list() {
    fn lists(shape: &schema::Shape, path: &str, out: &mut Vec<String>) {
        match shape {
            schema::Shape::Struct(fields) => {
                for (k, s) in fields {
                    lists(s, &format!("{path}.{k}"), out);
                }
            }
            schema::Shape::List(inner) => {
                out.push(format!(
                    "{path}:{}",
                    matches!(**inner, schema::Shape::Scalar)
                ));
                lists(inner, path, out);
            }
            schema::Shape::Map(inner) => lists(inner, path, out),
            schema::Shape::Scalar => {}
        }
    }
    let mut out = Vec::new();
    lists(&schema::FACTS_SHAPE, "", &mut out);
    assert_eq!(
        out,
        [
            ".clients:false",
            ".deadlines:false",
            ".parties:false",
            ".workflow.done:true",
            ".workflow.outstanding:true",
        ]
    );
}

/// Every list and map of the fact model has its size in `Facts::collection_sizes` (the
/// evaluation budget estimates loops over it with that size).
#[test]
fn collection_sizes_name_every_list_and_map() {
    fn collections(shape: &schema::Shape, path: &str, out: &mut Vec<String>) {
        match shape {
            schema::Shape::Struct(fields) => {
                for (k, s) in fields {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    collections(s, &p, out);
                }
            }
            schema::Shape::List(_) | schema::Shape::Map(_) => out.push(path.to_string()),
            schema::Shape::Scalar => {}
        }
    }
    let mut shape_paths = Vec::new();
    collections(&schema::FACTS_SHAPE, "", &mut shape_paths);
    shape_paths.sort();
    let mut sized: Vec<String> = Facts::default()
        .collection_sizes()
        .iter()
        .map(|(p, _)| p.to_string())
        .collect();
    sized.sort();
    assert_eq!(sized, shape_paths);
    let sample = schema::sample_facts();
    assert!(sample.collection_sizes().iter().all(|(_, n)| *n == 1));
}
