"""session.workflow: templates, starting a matter, the checklist gate, overrides and reports."""

from __future__ import annotations

import json
import uuid

import pytest

import lexcase
from conftest import Office

TEMPLATE = "ew-residential-purchase"
INSTRUCTIONS = ("verify_identity", "conflict_check", "client_care_letter", "source_of_funds")


def started(office: Office) -> tuple[lexcase.Matter, lexcase.WorkflowProgress]:
    """A matter (fee earner responsible) started on the residential-purchase template."""
    m = office.matter()
    return m, office.as_("fee_earner").workflow.start(m.id, TEMPLATE)


def test_builtin_templates_are_registered(office: Office) -> None:
    wf = office.as_("read_only").workflow
    assert TEMPLATE in {t.id for t in wf.templates()}
    t = wf.template(TEMPLATE)
    assert (t.id, t.version, t.practice_area) == (TEMPLATE, 1, "conveyancing")
    first = t.stages[0]
    assert first.id == "instructions" and not first.allow_back
    assert [i.id for i in first.items] == list(INSTRUCTIONS)
    assert [i.kind for i in first.items] == ["confirmation", "confirmation", "document", "task"]
    assert all(i.required for i in first.items)
    assert t.stages[1].allow_back
    with pytest.raises(lexcase.NotFoundError):
        wf.template(TEMPLATE, 99)


def test_register_a_new_template_version(office: Office) -> None:
    wf = office.admin.workflow
    t = wf.template("generic")
    text = t.to_json().replace('"version": 1', '"version": 2', 1)
    v2 = wf.register_template_json(text)
    assert (v2.id, v2.version) == ("generic", 2)
    assert wf.template("generic") == v2 and wf.template("generic", 1) == t
    with pytest.raises(lexcase.ValidationError) as err:
        wf.register_template_toml("not = [valid")
    assert err.value.field == "template"
    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("fee_earner").workflow.register_template_json(text)


def test_a_blocked_move_returns_blockers_and_changes_nothing(office: Office) -> None:
    m, p = started(office)
    assert (p.matter, p.template_id, p.template_version, p.stage) == (
        m.id,
        TEMPLATE,
        1,
        "instructions",
    )
    (start,) = p.history
    assert (start.from_stage, start.to_stage, start.kind) == (None, "instructions", "start")
    wf = office.as_("fee_earner").workflow
    result = wf.move_to(m.id, p.version, "pre_exchange")
    assert not result.moved and result.move is None
    assert [b.item for b in result.blockers] == list(INSTRUCTIONS)
    assert {b.source for b in result.blockers} == {"checklist"}
    assert result.progress == p == wf.get(m.id)
    with pytest.raises(lexcase.ConflictError):
        wf.start(m.id, TEMPLATE)


def test_completing_items_opens_the_gate(office: Office) -> None:
    m, p = started(office)
    wf = office.as_("fee_earner").workflow
    for item in INSTRUCTIONS:
        p = wf.complete_item(m.id, p.version, item, note=f"{item} done")
    assert set(p.items) == set(INSTRUCTIONS)
    done = p.items["verify_identity"]
    assert (done.by, done.note) == (office.users["fee_earner"].id, "verify_identity done")
    p = wf.reopen_item(m.id, p.version, "conflict_check")
    assert "conflict_check" not in p.items
    assert [b.item for b in wf.move_to(m.id, p.version, "pre_exchange").blockers] == [
        "conflict_check"
    ]
    p = wf.complete_item(m.id, p.version, "conflict_check")
    result = wf.move_to(m.id, p.version, "pre_exchange")
    assert result.moved and result.blockers == []
    assert result.move is not None
    assert (result.move.from_stage, result.move.to_stage, result.move.kind) == (
        "instructions",
        "pre_exchange",
        "advance",
    )
    assert result.progress.stage == "pre_exchange"
    assert result.progress.version == p.version + 1
    with pytest.raises(lexcase.StaleVersionError):
        wf.complete_item(m.id, p.version, "contract_pack")


def test_an_override_needs_a_partner_and_a_reason(office: Office) -> None:
    m, p = started(office)
    with pytest.raises(lexcase.PermissionDeniedError) as err:
        office.as_("fee_earner").workflow.move_to(m.id, p.version, "pre_exchange", "urgent")
    assert err.value.action == "override_workflow_gates"
    partner = office.as_("partner").workflow
    result = partner.move_to(m.id, p.version, "pre_exchange", override_reason="client abroad")
    assert result.moved and result.move is not None
    assert (result.move.kind, result.move.reason) == ("override", "client abroad")
    assert [b.item for b in result.move.overridden] == list(INSTRUCTIONS)
    assert result.move.by == office.users["partner"].id
    # Without a reason the blocked gate is reported, not overridden.
    blocked = partner.move_to(m.id, result.progress.version, "prior_to_exchange")
    assert not blocked.moved and blocked.blockers


def test_report(office: Office) -> None:
    m, p = started(office)
    wf = office.as_("fee_earner").workflow
    p = wf.complete_item(m.id, p.version, "verify_identity", note="passport seen")
    r = office.as_("read_only").workflow.report(m.id)
    assert (r.template_id, r.template_version, r.stage, r.stage_name) == (
        TEMPLATE,
        1,
        "instructions",
        "1. Instructions",
    )
    assert r.template_name == "Residential purchase (England & Wales)"
    assert r.stage_position == (1, 6) and r.next_stage == "pre_exchange"
    (done,) = r.done
    assert (done.stage, done.item, done.kind, done.gating) == (
        "instructions",
        "verify_identity",
        "confirmation",
        True,
    )
    assert done.done is not None and done.done.note == "passport seen"
    assert [i.item for i in r.outstanding] == list(INSTRUCTIONS[1:])
    assert all(i.done is None for i in r.outstanding)
    assert [b.item for b in r.blockers] == list(INSTRUCTIONS[1:])
    assert [h.kind for h in r.history] == ["start"]


def test_stage_counts_and_stuck(office: Office) -> None:
    started(office)
    started(office)
    wf = office.admin.workflow
    assert [(c.template_id, c.stage, c.matters) for c in wf.stage_counts()] == [
        (TEMPLATE, "instructions", 2)
    ]
    assert wf.stuck(0).total == 2
    assert wf.stuck(0, limit=1).total == 2 and len(wf.stuck(0, limit=1)) == 1
    assert wf.stuck(30).total == 0
    assert all(isinstance(p, lexcase.WorkflowProgress) for p in wf.stuck(0))


def test_workflow_arguments_are_strict(office: Office) -> None:
    m, p = started(office)
    wf = office.admin.workflow
    with pytest.raises(TypeError):
        wf.get(str(m.id))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        wf.complete_item(m.id, 1.0, "verify_identity")  # type: ignore[arg-type]
    with pytest.raises(lexcase.NotFoundError):
        wf.get(uuid.uuid4())
    with pytest.raises(lexcase.NotFoundError):
        wf.start(office.matter().id, "no-such-template")


def test_a_running_matter_migrates_to_a_new_version_only_when_asked(office: Office) -> None:
    wf = office.admin.workflow
    generic = json.loads(wf.template("generic").to_json())
    generic["version"] = 2
    generic["stages"][0]["items"] = [i for i in generic["stages"][0]["items"] if i["id"] != "conflict_check"]
    m = office.matter()
    fee = office.as_("fee_earner").workflow
    p = fee.start(m.id, "generic", 1)
    p = fee.complete_item(m.id, p.version, "conflict_check")
    wf.register_template_json(json.dumps(generic))
    assert fee.get(m.id).template_version == 1, "registering does not move running matters"
    with pytest.raises(lexcase.PermissionDeniedError):
        fee.migrate(m.id, p.version, 2)
    migrated, dropped = office.as_("partner").workflow.migrate(m.id, p.version, 2)
    assert (migrated.template_version, dropped) == (2, ["conflict_check"])
    with pytest.raises(lexcase.ValidationError):
        office.as_("partner").workflow.migrate(m.id, migrated.version, 1)
