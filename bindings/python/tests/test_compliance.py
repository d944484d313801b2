"""session.compliance: packs in force, the opening gate and its authorised override, findings
on a sweep, a rule gating a stage advance, a firm's own pack tested before it is installed,
bad conditions refused at load (the conformance cases of tests/src/cases/compliance.rs)."""

from __future__ import annotations

import datetime
import json

import pytest

import lexcase
from conftest import Office


def fresh(office: Office, title: str, given: str, family: str) -> lexcase.Matter:
    """A pending matter with a client of its own, so its conflict check is clear."""
    client = office.client(given, family)
    return office.as_("fee_earner").matters.create(
        title=title,
        practice_area="conveyancing",
        clients=[client.id],
        responsible=office.users["fee_earner"].id,
    )


def test_packs_in_force_gate_opening_and_stages(office: Office) -> None:
    fe = office.as_("fee_earner")
    partner = office.as_("partner")
    # No pack in force: nothing stands in the way (the firm chooses its packs).
    m = fresh(office, "Before any rules", "Nina", "Ostrova")
    fe.matters.open(m.id, m.version)
    assert fe.compliance.packs() == []
    available = {p.id for p in fe.compliance.available_packs()}
    assert {"core", "ew-conveyancing", "ew-litigation", "us"} <= available
    with pytest.raises(lexcase.PermissionDeniedError):
        fe.compliance.set_packs_in_force(["core"])
    with pytest.raises(lexcase.ValidationError) as unknown:
        office.admin.compliance.set_packs_in_force(["mars"])
    assert unknown.value.field == "packs"
    packs = office.admin.compliance.set_packs_in_force(["core", "ew-conveyancing"])
    assert sorted(p.id for p in packs) == ["core", "ew-conveyancing"]
    assert [p.id for p in fe.compliance.packs()] == [p.id for p in packs]

    # Opening waits for the conflict check.
    m = fresh(office, "Purchase of 1 Elm Road", "Olive", "Quartermaine")
    with pytest.raises(lexcase.ValidationError) as blocked:
        fe.matters.open(m.id, m.version)
    assert blocked.value.field == "rules"
    assert "conflict_check_cleared" in blocked.value.reason
    assert fe.matters.get(m.id).status == "pending"
    assert fe.conflicts.run(m.id).status == "clear"
    m = fe.matters.open(m.id, m.version)
    assert m.status == "open"
    assert fe.compliance.overrides(m.id) == []

    # Overriding needs override_workflow_gates and a reason; it is kept and shown.
    other = fresh(office, "Urgent injunction", "Ravi", "Underhill")
    with pytest.raises(lexcase.PermissionDeniedError):
        fe.matters.open_overriding(other.id, other.version, "court tomorrow")
    with pytest.raises(lexcase.ValidationError):
        partner.matters.open_overriding(other.id, other.version, " ")
    other = partner.matters.open_overriding(
        other.id, other.version, "injunction hearing at 10:00; check to follow"
    )
    assert other.status == "open"
    overrides = partner.compliance.overrides(other.id)
    assert len(overrides) == 1
    o = overrides[0]
    assert (o.pack, o.rule, o.version) == ("core", "conflict_check_cleared", 1)
    assert (o.checkpoint, o.by) == ("matter_opening", partner.actor_id)
    assert o.reason == "injunction hearing at 10:00; check to follow"
    found = partner.compliance.evaluate(other.id)
    assert (found.matter, found.number) == (other.id, other.number)
    conflict = next(x for x in found.findings if x.finding.rule == "conflict_check_cleared")
    assert conflict.finding.severity == "block" and conflict.finding.pack == "core"
    assert conflict.overridden == o, "the override is visible"
    assert other.number in conflict.finding.message
    assert conflict.finding.remedy
    # The cleared matter has no such finding.
    assert all(x.finding.rule != "conflict_check_cleared" for x in fe.compliance.evaluate(m.id).findings)

    # Time on a closed matter is a finding of the sweep.
    closed = fe.matters.close(m.id, m.version)
    later = datetime.date.today() + datetime.timedelta(days=4)
    fe.time.record(matter=closed.id, date=later, duration=600, narrative="After closing")
    sweep = partner.compliance.sweep()
    on_closed = next(c for c in sweep if c.matter == closed.id)
    after_close = next(x for x in on_closed.findings if x.finding.rule == "no_time_after_close")
    assert after_close.finding.severity == "warn" and after_close.overridden is None
    assert after_close.finding.facts.get("time.entries_after_close") == 1
    assert "1 time entries" in after_close.finding.message
    assert all(c.findings for c in sweep)

    # Conveyancing: money in from a client whose identity is not verified blocks the stage
    # advance; verified, no rule blocks.
    p = fresh(office, "Purchase of 2 Oak Lane", "Wilma", "Xenakis")
    fe.conflicts.run(p.id)
    p = fe.matters.open(p.id, p.version)
    client = p.clients[0]
    w = fe.workflow.start(p.id, "ew-residential-purchase")
    office.as_("accounts").client_money.record(
        matter=p.id,
        client=client,
        kind="receipt",
        amount="500",
        date=datetime.date.today(),
        counterparty="Jane Smith",
        description="Search fees on account",
    )
    result = fe.workflow.move_to(p.id, w.version, "pre_exchange")
    assert not result.moved
    assert any(b.source == "rule:identity_before_funds" for b in result.blockers), result.blockers
    contact = office.admin.contacts.get(client)
    office.admin.contacts.record_identity_verification(
        client, contact.version, status="verified", checked_on=datetime.date.today(), method="electronic"
    )
    result = fe.workflow.move_to(p.id, w.version, "pre_exchange")
    assert all(not b.source.startswith("rule:") for b in result.blockers), result.blockers
    moved = partner.workflow.move_to(p.id, w.version, "pre_exchange", "checklist finished on paper")
    assert moved.moved


FIRM_PACK = """
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
"""


def test_firm_packs_are_tested_before_install(office: Office) -> None:
    compliance = office.admin.compliance
    failing = lexcase.compliance_pack_from_toml(FIRM_PACK.replace("EXPECT", '["high_wip"]'))
    assert (failing.id, failing.version, failing.title) == ("smith-co", 1, "Smith & Co house rules")
    rule = failing.rules[0]
    assert (rule.id, rule.severity, rule.on) == ("high_wip", "warn", ["sweep"])
    assert rule.condition == "time.unbilled_value > 10000.0"
    assert (rule.practice_areas, rule.stages, rule.statuses) == ([], [], [])
    assert [t.name for t in failing.tests] == ["fires above the limit", "quiet below it"]
    assert failing.tests[0].facts == {"time": {"unbilled_value": 12000.0}}
    assert (failing.tests[0].checkpoint, failing.tests[0].expect) == (None, ["high_wip"])

    outcomes = compliance.test_pack(failing)
    assert [o.passed for o in outcomes] == [True, False]
    bad_case = outcomes[1]
    assert (bad_case.name, bad_case.expected, bad_case.fired, bad_case.error) == (
        "quiet below it",
        ["high_wip"],
        [],
        None,
    )
    with pytest.raises(lexcase.ValidationError) as refused:
        compliance.install_pack(failing)
    assert refused.value.field == "tests" and "quiet below it" in refused.value.reason

    good = lexcase.compliance_pack_from_toml(FIRM_PACK.replace("EXPECT", "[]"))
    assert all(o.passed for o in compliance.test_pack(good))
    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("fee_earner").compliance.install_pack(good)
    assert compliance.install_pack(good) == good
    assert any(p.id == "smith-co" for p in compliance.packs())
    assert any(p.id == "smith-co" for p in compliance.available_packs())
    with pytest.raises(lexcase.ValidationError) as stale:
        compliance.install_pack(good)
    assert stale.value.field == "version"

    bad = FIRM_PACK.replace("EXPECT", "[]").replace("time.unbilled_value > 10000.0", "time.no_such_fact > 1")
    with pytest.raises(lexcase.ValidationError):
        lexcase.compliance_pack_from_toml(bad)
    not_cel = FIRM_PACK.replace("EXPECT", "[]").replace(
        "time.unbilled_value > 10000.0", "time.unbilled_value >>> 1"
    )
    with pytest.raises(lexcase.ValidationError):
        lexcase.compliance_pack_from_toml(not_cel)


def test_packs_load_from_json_and_ship_built_in() -> None:
    rule: dict[str, object] = {
        "id": "long_open",
        "version": 1,
        "title": "Open for over a year",
        "on": ["sweep"],
        "scope": {"statuses": ["open"]},
        "condition": "matter.days_open > 365",
        "severity": "info",
        "message": "Open {matter.days_open} days.",
        "remedy": "Review the file.",
    }
    pack = {
        "id": "json-pack",
        "version": 2,
        "title": "From JSON",
        "rules": [rule],
        "tests": [{"name": "old", "facts": {"matter": {"days_open": 400}}, "expect": ["long_open"]}],
    }
    loaded = lexcase.compliance_pack_from_json(json.dumps(pack))
    assert (loaded.id, loaded.version, loaded.rules[0].statuses) == ("json-pack", 2, ["open"])
    with pytest.raises(lexcase.ValidationError):
        lexcase.compliance_pack_from_json("{")
    rule["condition"] = "matter.days_open"  # not a bool
    with pytest.raises(lexcase.ValidationError):
        lexcase.compliance_pack_from_json(json.dumps(pack))
    builtin = {p.id: p for p in lexcase.builtin_compliance_packs()}
    assert set(builtin) == {"core", "ew-conveyancing", "ew-litigation", "us"}
    core = builtin["core"]
    assert "conflict_check_cleared" in [r.id for r in core.rules]
    gate = next(r for r in core.rules if r.id == "conflict_check_cleared")
    assert (gate.severity, "matter_opening" in gate.on) == ("block", True)
    assert core.tests


DIVIDING_PACK = """
id = "dividing"
version = 1
title = "A rule that divides by zero"

[[rules]]
id = "divide"
version = 3
title = "Divides by zero"
on = ["matter_opening"]
condition = "1 / 0 == 1"
severity = "block"
message = "never shown"
remedy = "none"
"""


def test_a_rule_failing_at_run_time_is_a_finding_not_a_failure(office: Office) -> None:
    office.admin.compliance.install_pack(lexcase.compliance_pack_from_toml(DIVIDING_PACK))
    fe = office.as_("fee_earner")
    partner = office.as_("partner")
    m = fresh(office, "Secret acquisition of Widget Co", "Wanda", "Widget")
    (found,) = fe.compliance.evaluate(m.id).findings
    f = found.finding
    assert (f.rule, f.version, f.severity, f.kind) == ("divide", 3, "block", "not_evaluated")
    assert "could not be evaluated" in f.message and "Widget" not in f.message
    assert f.facts == {} and "not_evaluated" in repr(f)
    assert any(c.matter == m.id for c in partner.compliance.sweep())
    # It blocks opening like a breached block rule; an authorised user opens past it.
    with pytest.raises(lexcase.ValidationError) as blocked:
        fe.matters.open(m.id, m.version)
    assert blocked.value.field == "rules" and "divide" in blocked.value.reason
    opened = partner.matters.open_overriding(m.id, m.version, "checked by hand")
    assert opened.status == "open"
    assert [o.rule for o in partner.compliance.overrides(m.id)] == ["divide"]


def test_testing_or_installing_a_pack_needs_manage_firm_first(office: Office) -> None:
    pack = lexcase.compliance_pack_from_toml(DIVIDING_PACK)
    fe = office.as_("fee_earner").compliance
    with pytest.raises(lexcase.PermissionDeniedError):
        fe.test_pack(pack)
    with pytest.raises(lexcase.PermissionDeniedError):
        fe.install_pack(pack)
    # Over the evaluation budget: refused when the pack loads.
    nested = DIVIDING_PACK.replace(
        "1 / 0 == 1", "[1].all(a, [1].all(b, [1].all(c, [1].all(d, a == d))))"
    )
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.compliance_pack_from_toml(nested)
    assert "budget" in err.value.reason
