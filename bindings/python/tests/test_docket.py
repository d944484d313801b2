"""session.docket: deadlines from rules, key-date and chained triggers, service methods,
closing, the register, reminders, errors and walls."""

from __future__ import annotations

import datetime

import pytest

import lexcase
from conftest import Office

SERVED = datetime.date(2026, 12, 4)


def chase_rule() -> lexcase.DeadlineRule:
    """A firm's own rule: chase two days after the deadline it is chained to."""
    return lexcase.DeadlineRule(
        id="chase-defence",
        title="Chase the defence",
        citation="Firm policy 7",
        period_amount=2,
        period_unit="days",
    )


def test_key_date_trigger_waits_then_computes_and_moves_with_a_chain(office: Office) -> None:
    docket = office.as_("fee_earner").docket
    m = office.matter("Smith v Jones")
    defence = docket.add(matter=m.id, rule="cpr-defence", trigger_key_date="particulars_served")
    assert defence.due is None and defence.trace == [] and defence.status == "open"
    assert (defence.trigger_kind, defence.trigger_key_date) == ("key_date", "particulars_served")
    assert (defence.trigger_date, defence.trigger_at, defence.trigger_deadline) == (None,) * 3
    assert defence.title == "File defence (no acknowledgment of service)"
    assert (defence.holidays, defence.closures) == ("england-wales", "ew-court-office")
    assert defence.rule == lexcase.builtin_rule("cpr-defence")
    chase = docket.add(matter=m.id, rule=chase_rule(), trigger_deadline=defence.id)
    assert chase.due is None and chase.trigger_deadline == defence.id
    assert chase.trigger_kind == "deadline" and chase.title == "Chase the defence"

    m = office.admin.matters.set_key_date(
        m.id, m.version, "particulars_served", datetime.date(2026, 3, 2)
    )
    defence = docket.get(defence.id)
    assert defence.due == datetime.date(2026, 3, 16)
    assert defence.trace[-1].date == defence.due
    assert defence.trace[0].provision == "CPR 2.8(3)(a)"
    assert docket.get(chase.id).due == datetime.date(2026, 3, 18)

    office.admin.matters.set_key_date(
        m.id, m.version, "particulars_served", datetime.date(2026, 3, 16)
    )
    defence = docket.get(defence.id)
    assert defence.due == datetime.date(2026, 3, 30)
    assert defence.trace[-1].date == defence.due
    assert docket.get(chase.id).due == datetime.date(2026, 4, 1)
    actions = [e.action for e in docket.history(defence.id)]
    assert actions[0] == "deadline.entered" and "deadline.recomputed" in actions

    listed = docket.list(matter=m.id)
    assert listed.total == 2 and [d.id for d in listed] == [defence.id, chase.id]
    assert docket.list(matter=m.id, due_to=datetime.date(2026, 3, 31)).total == 1


def test_frcp_reply_to_counterclaim_by_mail_and_electronically(office: Office) -> None:
    docket = office.as_("fee_earner").docket
    m = office.matter("Acme v Widget")
    mail = docket.add(
        matter=m.id, rule="frcp-reply-counterclaim", trigger_date=SERVED, service="mail"
    )
    electronic = docket.add(
        matter=m.id,
        rule=lexcase.builtin_rule("frcp-reply-counterclaim"),
        trigger_date=SERVED,
        service="electronic",
    )
    assert (mail.due, electronic.due) == (datetime.date(2026, 12, 31), datetime.date(2026, 12, 28))
    assert (mail.service, mail.trigger_kind, mail.trigger_date) == ("mail", "date", SERVED)
    assert any(s.provision == "FRCP 6(d)" for s in mail.trace)
    assert mail.trace[-1].date == mail.due and mail.holidays == "us-federal"
    # Changing the service method recomputes; clearing it counts no service days.
    changed = docket.update(mail.id, mail.version, service="electronic")
    assert changed.due == datetime.date(2026, 12, 28) and changed.version == mail.version + 1
    cleared = docket.update(changed.id, changed.version, service=None, title="Reply (amended)")
    assert cleared.service is None and cleared.title == "Reply (amended)"
    moved = docket.update(cleared.id, cleared.version, trigger_date=datetime.date(2026, 12, 7))
    assert moved.trigger_date == datetime.date(2026, 12, 7) and moved.service is None
    assert moved.due == datetime.date(2026, 12, 28)
    with pytest.raises(lexcase.StaleVersionError):
        docket.update(moved.id, cleared.version, title="Too late")


def test_hours_rule_from_an_instant(office: Office) -> None:
    docket = office.as_("fee_earner").docket
    m = office.matter()
    at = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.timezone.utc)
    d = docket.add(matter=m.id, rule="frcp-hours-example", trigger_at=at)
    assert d.trigger_kind == "moment" and d.trigger_at == at
    assert d.due_at is not None and d.due_at - at == datetime.timedelta(hours=48)


def test_complete_vacate_and_closed_deadlines(office: Office) -> None:
    fee_earner = office.users["fee_earner"]
    docket = office.as_("fee_earner").docket
    m = office.matter()
    a = docket.add(matter=m.id, rule="frcp-answer", trigger_date=SERVED)
    b = docket.add(matter=m.id, rule="frcp-answer", trigger_date=SERVED, title="Second answer")
    done = docket.complete(a.id, a.version)
    assert (done.status, done.closed_by) == ("done", fee_earner.id)
    assert done.closed_at is not None and done.vacated_reason is None
    with pytest.raises(lexcase.ValidationError) as err:
        docket.vacate(b.id, b.version, "  ")
    assert err.value.field == "reason"
    vacated = docket.vacate(b.id, b.version, "claim settled")
    assert (vacated.status, vacated.vacated_reason) == ("vacated", "claim settled")
    for closed in (done, vacated):
        with pytest.raises(lexcase.InvalidTransitionError):
            docket.complete(closed.id, closed.version)
        with pytest.raises(lexcase.InvalidTransitionError):
            docket.update(closed.id, closed.version, title="Reopen")
    assert docket.list(matter=m.id, open_only=True).total == 0
    assert docket.list(matter=m.id).total == 2


def test_register_shows_who_entered_each_deadline(office: Office) -> None:
    m = office.matter()
    first = office.as_("fee_earner").docket.add(matter=m.id, rule="frcp-answer", trigger_date=SERVED)
    second = office.as_("partner").docket.add(
        matter=m.id, rule="frcp-59-motion", trigger_date=SERVED
    )
    assert first.entered_on == second.entered_on
    assert first.entered_at.tzinfo is not None
    register = office.admin.docket.entered_on(first.entered_on)
    assert [(d.id, d.entered_by) for d in register] == [
        (first.id, office.users["fee_earner"].id),
        (second.id, office.users["partner"].id),
    ]
    assert office.admin.docket.entered_on(first.entered_on + datetime.timedelta(days=1)).total == 0


def test_reminders_thirty_seven_and_one_day_before(office: Office) -> None:
    fee_earner = office.users["fee_earner"]
    docket = office.as_("fee_earner").docket
    m = office.matter()
    d = docket.add(
        matter=m.id, rule="frcp-answer", trigger_date=SERVED, responsible=fee_earner.id
    )
    assert d.reminders == [30, 7, 1] and d.responsible == fee_earner.id
    due = d.due
    assert due is not None
    reminders = docket.reminders(from_date=due - datetime.timedelta(days=40), to_date=due)
    assert [(r.days_before, r.remind_on) for r in reminders] == [
        (n, due - datetime.timedelta(days=n)) for n in (30, 7, 1)
    ]
    assert all((r.deadline, r.matter, r.due, r.title) == (d.id, m.id, due, d.title) for r in reminders)
    assert all(r.responsible == fee_earner.id for r in reminders)
    mine = docket.reminders(
        from_date=due - datetime.timedelta(days=40),
        to_date=due,
        responsible=office.users["partner"].id,
    )
    assert mine == []
    d = docket.update(d.id, d.version, reminders=[14])
    assert [r.days_before for r in docket.reminders(from_date=due - datetime.timedelta(days=40), to_date=due)] == [14]
    with pytest.raises(lexcase.ValidationError):
        docket.reminders(from_date=due, to_date=due - datetime.timedelta(days=1))


def test_bad_input_is_a_validation_error(office: Office) -> None:
    docket = office.as_("fee_earner").docket
    m = office.matter()
    with pytest.raises(lexcase.ValidationError) as err:
        docket.add(matter=m.id, rule="frcp-nonsense", trigger_date=SERVED)
    assert err.value.field == "rule"
    with pytest.raises(lexcase.ValidationError):
        docket.add(matter=m.id, rule="frcp-answer", trigger_date=SERVED, holidays="mars")
    with pytest.raises(lexcase.ValidationError):
        docket.add(matter=m.id, rule="frcp-answer", trigger_date=SERVED, closures="us-federal+mars")
    with pytest.raises(lexcase.ValidationError):
        docket.add(matter=m.id, rule="frcp-hours-example", trigger_date=SERVED)
    with pytest.raises(lexcase.ValidationError) as err:
        docket.add(
            matter=m.id, rule="frcp-answer", trigger_date=SERVED, trigger_key_date="service"
        )
    assert err.value.field == "trigger"
    with pytest.raises(lexcase.ValidationError) as err:
        docket.add(matter=m.id, rule="frcp-answer")
    assert err.value.field == "trigger"
    with pytest.raises(lexcase.ValidationError):
        docket.add(matter=m.id, rule="frcp-answer", trigger_date=SERVED, service="pigeon")
    with pytest.raises(TypeError):
        docket.add(matter=m.id, rule=42, trigger_date=SERVED)  # type: ignore[arg-type]
    d = docket.add(matter=m.id, rule="frcp-answer", trigger_date=SERVED)
    with pytest.raises(lexcase.ValidationError) as err:
        docket.update(
            d.id, d.version, trigger_date=SERVED, trigger_deadline=d.id
        )
    assert err.value.field == "trigger"
    with pytest.raises(lexcase.ValidationError) as err:
        docket.update(d.id, d.version, trigger_deadline=d.id)
    assert err.value.field == "trigger"
    assert docket.list(matter=m.id).total == 1, "nothing bad was entered"
    with pytest.raises(lexcase.StaleVersionError):
        docket.complete(d.id, d.version + 1)


def test_a_walled_user_cannot_see_the_docket(office: Office) -> None:
    m = office.matter()
    d = office.as_("fee_earner").docket.add(matter=m.id, rule="frcp-answer", trigger_date=SERVED)
    walled = office.as_("secretary").docket
    assert walled.get(d.id).id == d.id
    office.admin.matters.add_ethical_wall(
        m.id, m.version, office.users["secretary"].id, "acted for the other side"
    )
    with pytest.raises(lexcase.NotFoundError):
        walled.get(d.id)
    with pytest.raises(lexcase.NotFoundError):
        walled.history(d.id)
    with pytest.raises(lexcase.NotFoundError):
        walled.list(matter=m.id)
    assert walled.list().total == 0
    assert walled.entered_on(d.entered_on).total == 0
    with pytest.raises(lexcase.NotFoundError):
        walled.complete(d.id, d.version)
    assert office.as_("fee_earner").docket.get(d.id).status == "open"


def test_read_only_users_cannot_enter_deadlines(office: Office) -> None:
    m = office.matter()
    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("read_only").docket.add(matter=m.id, rule="frcp-answer", trigger_date=SERVED)


def test_dates_past_the_year_9999_are_refused_and_nothing_is_stored(office: Office) -> None:
    s = office.as_("fee_earner")
    m = office.matter("Far Future v Present")
    last_day = datetime.date(9999, 12, 31)
    with pytest.raises(lexcase.ValidationError) as err:
        s.docket.add(matter=m.id, rule="frcp-answer", trigger_date=last_day)
    assert err.value.field == "trigger"
    m = s.matters.set_key_date(m.id, m.version, "completion", last_day)
    with pytest.raises(lexcase.ValidationError) as err:
        s.docket.add(matter=m.id, rule="sdlt-return", trigger_key_date="completion")
    assert err.value.field == "trigger"
    with pytest.raises(lexcase.ValidationError) as err:
        s.tasks.create(
            title="Register the transfer", matter=m.id, due_from_key_date="completion", due_days=1
        )
    assert err.value.field == "due"
    # Nothing was stored, and every view still answers.
    assert s.docket.list(matter=m.id).total == 0
    assert s.tasks.for_matter(m.id).total == 0
    assert s.tasks.mine().total == 0 and s.tasks.team().total == 0
    s.tasks.overdue()
    s.tasks.due_this_week()
