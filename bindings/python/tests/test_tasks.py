"""session.tasks: creating, due dates counted from key dates, views, checklist ticks, walls."""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal

import pytest

import lexcase
from conftest import Office

MONDAY = datetime.date(2031, 1, 13)


def test_create_get_update_and_status(office: Office) -> None:
    fe = office.as_("fee_earner").tasks
    m = office.matter()
    t = fe.create(
        title="Chase the lender",
        matter=m.id,
        assignee_user=office.users["fee_earner"].id,
        priority="high",
        due_on=MONDAY,
    )
    assert (t.matter, t.title, t.description, t.priority, t.status) == (
        m.id,
        "Chase the lender",
        "",
        "high",
        "pending",
    )
    assert (t.assignee_user, t.assignee_contact, t.due_date, t.checklist_item) == (
        office.users["fee_earner"].id,
        None,
        MONDAY,
        None,
    )
    assert t.created_by == office.users["fee_earner"].id and t.version == 1
    assert fe.get(t.id) == t
    t = fe.update(t.id, t.version, title="Chase the lender again", priority="urgent")
    assert (t.title, t.priority, t.due_date, t.assignee_user) == (
        "Chase the lender again",
        "urgent",
        MONDAY,
        office.users["fee_earner"].id,
    )
    client = office.client("Client", "Todo")
    t = fe.update(t.id, t.version, assignee_contact=client.id, due_on=None)
    assert (t.assignee_user, t.assignee_contact, t.due_date) == (None, client.id, None)
    t = fe.set_status(t.id, t.version, "complete")
    assert t.status == "complete" and t.completed_by == office.users["fee_earner"].id
    assert t.completed_at is not None
    with pytest.raises(lexcase.InvalidTransitionError):
        fe.set_status(t.id, t.version, "in_progress")
    with pytest.raises(lexcase.ValidationError) as err:
        fe.set_status(t.id, t.version, "done")
    assert err.value.field == "status"


def test_contradictory_due_arguments_are_validation_errors(office: Office) -> None:
    fe = office.as_("fee_earner").tasks
    m = office.matter()
    with pytest.raises(lexcase.ValidationError) as err:
        fe.create(title="x", matter=m.id, due_on=MONDAY, due_from_key_date="completion")
    assert err.value.field == "due"
    with pytest.raises(lexcase.ValidationError) as err:
        fe.create(title="x", due_days=3)
    assert err.value.field == "due"
    with pytest.raises(lexcase.ValidationError) as err:
        fe.create(title="x", due_from_key_date="completion")
    assert err.value.field == "due", "a key date needs a matter (core rule)"
    with pytest.raises(lexcase.ValidationError) as err:
        fe.create(
            title="x",
            assignee_user=office.users["fee_earner"].id,
            assignee_contact=office.client().id,
        )
    assert err.value.field == "assignee"
    with pytest.raises(lexcase.ValidationError) as err:
        fe.create(title="x", priority="whenever")
    assert err.value.field == "priority"
    with pytest.raises(lexcase.ValidationError) as err:
        fe.create(title="x", matter=m.id, due_from_key_date="completion", due_unit="weeks")
    assert err.value.field == "unit"


def test_a_task_counted_from_a_key_date_moves_with_it(office: Office) -> None:
    s = office.admin
    v = s.settings.get().version
    friday = MONDAY - datetime.timedelta(days=3)
    settings = s.settings.set_holidays(v, calendar_id="firm", dates=iter([friday]))
    assert settings.holidays == [friday] and settings.version == v + 1
    m = office.matter()
    fe = office.as_("fee_earner")
    t = fe.tasks.create(
        title="Send completion statement",
        matter=m.id,
        due_from_key_date="completion",
        due_days=-1,
        due_unit="business_days",
    )
    assert t.due_date is None, "no completion date yet"
    m = fe.matters.set_key_date(m.id, m.version, "completion", MONDAY)
    assert fe.tasks.get(t.id).due_date == friday - datetime.timedelta(days=1), "skips the holiday"
    later = MONDAY + datetime.timedelta(days=7)
    fe.matters.set_key_date(m.id, m.version, "completion", later)
    assert fe.tasks.get(t.id).due_date == later - datetime.timedelta(days=3)
    follow = fe.tasks.create(
        title="Register", matter=m.id, due_from_task=t.id, due_days=2
    )
    assert follow.due_date == later - datetime.timedelta(days=1)
    settings = s.settings.clear_holidays(settings.version)
    assert settings.holidays == []


def test_views(office: Office) -> None:
    fe = office.as_("fee_earner")
    me = office.users["fee_earner"].id
    m = office.matter()
    # "Today" as the service sees it: the firm's zone (Europe/London), not the machine's.
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/London")).date()
    overdue = fe.tasks.create(
        title="Late", matter=m.id, assignee_user=me, due_on=today - datetime.timedelta(days=30)
    )
    soon = fe.tasks.create(title="Today", matter=m.id, assignee_user=me, due_on=today)
    paralegal = office.users["paralegal"].id
    other = fe.tasks.create(title="Paralegal's", matter=m.id, assignee_user=paralegal)
    fe.tasks.create(title="Firm-wide", assignee_user=office.users["partner"].id)
    assert [t.id for t in fe.tasks.mine()] == [overdue.id, soon.id]
    assert {t.id for t in fe.tasks.team()} == {overdue.id, soon.id, other.id}
    assert [t.id for t in fe.tasks.overdue()] == [overdue.id]
    assert [t.id for t in fe.tasks.due_this_week()] == [soon.id]
    page = fe.tasks.for_matter(m.id, limit=2)
    assert page.total == 3 and len(page) == 2
    fe.tasks.set_status(soon.id, soon.version, "complete")
    assert [t.id for t in fe.tasks.mine()] == [overdue.id]
    assert fe.tasks.for_matter(m.id).total == 3


def test_completing_a_stage_task_ticks_its_checklist_item(office: Office) -> None:
    m = office.matter()
    fe = office.as_("fee_earner")
    fe.workflow.start(m.id, "ew-residential-purchase")
    (t,) = fe.tasks.for_matter(m.id)
    assert t.checklist_item == "source_of_funds"
    assert t.assignee_user == office.users["fee_earner"].id and t.due_date is not None
    assert "source_of_funds" not in fe.workflow.get(m.id).items
    fe.tasks.set_status(t.id, t.version, "complete")
    done = fe.workflow.get(m.id).items["source_of_funds"]
    assert done.note == "task completed" and done.by == office.users["fee_earner"].id


def test_a_walled_user_sees_no_tasks_of_the_matter(office: Office) -> None:
    s = office.admin
    m = office.matter()
    t = s.tasks.create(title="Secret", matter=m.id)
    walled = office.as_("secretary")
    assert walled.tasks.get(t.id) == t
    s.matters.add_ethical_wall(m.id, m.version, office.users["secretary"].id, "conflict")
    with pytest.raises(lexcase.NotFoundError) as err:
        walled.tasks.get(t.id)
    assert err.value.entity == "task"
    assert walled.tasks.for_matter(m.id).total == 0
    assert walled.tasks.team().total == 0
    with pytest.raises(lexcase.ValidationError) as verr:
        s.tasks.create(
            title="For the walled", matter=m.id, assignee_user=office.users["secretary"].id
        )
    assert verr.value.field == "assignee"


def test_task_arguments_are_strict(office: Office) -> None:
    tasks = office.admin.tasks
    m = office.matter()
    with pytest.raises(TypeError):
        tasks.create(title="x", matter=str(m.id))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tasks.create(title="x", due_on="2031-01-13")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tasks.create(title="x", due_on=datetime.datetime(2031, 1, 13))
    for days in (1.5, Decimal(1)):
        with pytest.raises(TypeError):
            tasks.create(
                title="x",
                matter=m.id,
                due_from_key_date="completion",
                due_days=days,  # type: ignore[arg-type]
            )
    t = tasks.create(title="x")
    with pytest.raises(TypeError):
        tasks.update(t.id, 1.0, title="y")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tasks.get(str(t.id))  # type: ignore[arg-type]
    settings = office.admin.settings
    with pytest.raises(TypeError):
        settings.set_holidays(1, calendar_id="firm", dates=["2031-01-10"])  # type: ignore[list-item]
