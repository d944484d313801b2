"""Deadline rules: built-in packs, a firm's own pack, and computing without docketing."""

from __future__ import annotations

import datetime

import pytest

import lexcase

FIRM_PACK = """
id = "smith-own"
version = 3
title = "Smith & Partners house rules"

[[rules]]
id = "client-care-letter"
title = "Send the client-care letter"
citation = "Firm policy 4.2"
period = { amount = 5, unit = "days" }
direction = "after"
method = "calendar"
roll = "forward"
service_days = false
court_office_act = false
holidays = "england-wales"
"""


def test_builtin_packs_load_with_their_rules() -> None:
    packs = {p.id: p for p in lexcase.builtin_rule_packs()}
    assert set(packs) == {"frcp", "cpr", "limitation-ew", "sdlt"}
    frcp = packs["frcp"]
    assert frcp.version >= 1 and frcp.title
    answer = frcp.rule("frcp-answer")
    assert answer is not None and answer in frcp.rules
    assert frcp.rule("no-such-rule") is None
    assert answer == lexcase.builtin_rule("frcp-answer")
    assert (answer.period_amount, answer.period_unit, answer.direction) == (21, "days", "after")
    assert (answer.method, answer.roll, answer.service_days) == ("frcp6", "auto", False)
    assert (answer.service_days_reading, answer.month_end) == ("after_roll", "clamp")
    reply = lexcase.builtin_rule("frcp-reply-counterclaim")
    assert reply.service_days and reply.court_office_act and reply.citation == "FRCP 12(a)(1)(B)"
    assert lexcase.builtin_rule("cpr-defence").method == "cpr2_8"
    assert "frcp-answer" in repr(answer)
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.builtin_rule("frcp-nonsense")
    assert err.value.field == "rule"


def test_a_firms_own_pack_from_toml_and_json() -> None:
    pack = lexcase.rule_pack_from_toml(FIRM_PACK)
    assert (pack.id, pack.version, pack.title) == ("smith-own", 3, "Smith & Partners house rules")
    (rule,) = pack.rules
    assert (rule.id, rule.method, rule.holidays, rule.closures) == (
        "client-care-letter",
        "calendar",
        "england-wales",
        None,
    )
    # 5 days after Thu 2026-12-17 is Tue 12-22; after Fri 12-18 it is Wed 12-23.
    assert rule.compute(trigger_date=datetime.date(2026, 12, 18)).due == datetime.date(2026, 12, 23)
    # 5 days after Mon 2026-12-21 is Sat 12-26: Christmas and Boxing Day (observed) roll it.
    due = rule.compute(trigger_date=datetime.date(2026, 12, 21)).due
    assert due == datetime.date(2026, 12, 29)
    as_json = (
        '{"id": "j", "version": 1, "title": "J", "rules": [{"id": "r", "title": "R",'
        ' "citation": "C", "period": {"amount": 2, "unit": "weeks"}, "direction": "before",'
        ' "method": "calendar", "roll": "backward", "service_days": false,'
        ' "court_office_act": false}]}'
    )
    (r,) = lexcase.rule_pack_from_json(as_json).rules
    assert (r.period_amount, r.period_unit, r.direction, r.roll) == (2, "weeks", "before", "backward")


@pytest.mark.parametrize(
    "text",
    [
        FIRM_PACK.replace('court_office_act = false', 'court_office_act = false\nfoo = 1'),
        FIRM_PACK + FIRM_PACK[FIRM_PACK.index("[[rules]]") :],
        FIRM_PACK.replace('title = "Smith', 'title = Smith'),
        FIRM_PACK.replace('"calendar"', '"lunar"'),
        FIRM_PACK.replace('"england-wales"', '"mars"'),
    ],
    ids=["unknown key", "duplicate ids", "bad toml", "unknown method", "unknown calendar"],
)
def test_malformed_packs_are_validation_errors(text: str) -> None:
    with pytest.raises(lexcase.ValidationError):
        lexcase.rule_pack_from_toml(text)


def test_compute_frcp_21_days_rolls_a_saturday_to_monday() -> None:
    answer = lexcase.builtin_rule("frcp-answer")
    # 2026-03-07 + 21 days = Saturday 2026-03-28.
    computed = answer.compute(trigger_date=datetime.date(2026, 3, 7))
    assert computed.due == datetime.date(2026, 3, 30)
    assert computed.due_at is None
    assert computed.trace[-1].date == computed.due
    assert any(
        step.date == datetime.date(2026, 3, 28) and "FRCP 6(a)(1)(B)" in step.provision
        for step in computed.trace
    )
    assert any("Saturday" in s.explanation or "weekend" in s.explanation for s in computed.trace)
    # Without the roll (a plain calendar rule of the same period) the Saturday stands.
    plain = lexcase.DeadlineRule(
        id="plain-21",
        title="Plain 21 days",
        citation="none",
        period_amount=21,
        period_unit="days",
        roll="none",
    )
    assert plain.compute(trigger_date=datetime.date(2026, 3, 7)).due == datetime.date(2026, 3, 28)


def test_compute_cpr_7_5_four_calendar_months() -> None:
    rule = lexcase.builtin_rule("cpr-claim-form-service")
    computed = rule.compute(trigger_date=datetime.date(2017, 11, 1))
    assert computed.due == datetime.date(2018, 3, 1)
    assert computed.trace[-1].date == computed.due
    assert all(isinstance(s, lexcase.TraceStep) and s.provision for s in computed.trace)


def test_compute_service_calendars_and_hours() -> None:
    reply = lexcase.builtin_rule("frcp-reply-counterclaim")
    served = datetime.date(2026, 12, 4)
    assert reply.compute(trigger_date=served, service="mail").due == datetime.date(2026, 12, 31)
    assert reply.compute(trigger_date=served, service="electronic").due == datetime.date(
        2026, 12, 28
    )
    # Without US federal holidays Christmas Day does not roll the electronic deadline.
    no_holidays = reply.compute(trigger_date=served, service="electronic", holidays="weekends-only")
    assert no_holidays.due == datetime.date(2026, 12, 25)
    hours = lexcase.builtin_rule("frcp-hours-example")
    at = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.timezone.utc)
    computed = hours.compute(trigger_at=at, zone="America/New_York")
    assert computed.due_at is not None and computed.due_at.tzinfo is not None
    assert computed.due_at - at == datetime.timedelta(hours=48)
    assert computed.due == datetime.date(2026, 3, 4)
    with pytest.raises(lexcase.ValidationError):
        hours.compute(trigger_date=datetime.date(2026, 3, 2))
    with pytest.raises(lexcase.ValidationError) as err:
        hours.compute(trigger_at=at)
    assert err.value.field == "zone"
    with pytest.raises(lexcase.ValidationError) as err:
        hours.compute(trigger_at=at, zone="Mars/Olympus")
    assert err.value.field == "zone"
    with pytest.raises(lexcase.ValidationError) as err:
        reply.compute(trigger_date=served, trigger_at=at, zone="UTC")
    assert err.value.field == "trigger"
    with pytest.raises(lexcase.ValidationError):
        reply.compute(trigger_date=served, holidays="mars")
    with pytest.raises(lexcase.ValidationError) as err:
        reply.compute(trigger_date=served, service="pigeon")
    assert err.value.field == "service"
    with pytest.raises(TypeError):
        reply.compute(trigger_date=datetime.datetime(2026, 12, 4, 9))


def test_constructed_rules_are_checked() -> None:
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.DeadlineRule(
            id="Bad Id", title="x", citation="y", period_amount=1, period_unit="days"
        )
    assert err.value.field == "id"
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.DeadlineRule(
            id="cpr-hours",
            title="x",
            citation="y",
            period_amount=3,
            period_unit="hours",
            method="cpr2_8",
        )
    assert err.value.field == "period"
    with pytest.raises(lexcase.ValidationError):
        lexcase.DeadlineRule(id="x", title="x", citation="y", period_amount=1, period_unit="aeons")


def test_sdlt_return_takes_the_version_in_force_on_the_effective_date() -> None:
    rule = lexcase.builtin_rule("sdlt-return")
    before, after = rule.versions
    assert (before.in_force_from, before.in_force_until) == (None, datetime.date(2019, 3, 1))
    assert (before.period_amount, before.period_unit) == (30, "days")
    assert after.in_force_from == datetime.date(2019, 3, 1) and after.period_amount is None
    assert "Finance Act 2019" in after.name and "RuleVersion" in repr(after)
    # 30 days for an effective date before 1 March 2019, 14 days on and after it.
    old = rule.compute(trigger_date=datetime.date(2019, 2, 28))
    assert old.due == datetime.date(2019, 3, 30)
    assert before.name in old.trace[0].explanation
    new = rule.compute(trigger_date=datetime.date(2019, 3, 1))
    assert new.due == datetime.date(2019, 3, 15)
    assert after.name in new.trace[0].explanation
    # A rule of its own has no versions.
    assert lexcase.builtin_rule("frcp-answer").versions == []


def test_the_earliest_day_for_a_later_event_under_cpr_2_8() -> None:
    hearing = lexcase.DeadlineRule(
        id="earliest-hearing",
        title="Hearing of the application",
        citation="CPR 23.7(1)(b)",
        period_amount=3,
        period_unit="days",
        method="cpr2_8",
        roll="none",
        answers="earliest_day_for_event",
    )
    assert hearing.answers == "earliest_day_for_event"
    assert lexcase.builtin_rule("cpr-application-notice").answers == "last_day_for_act"
    # Served on Monday 1 June 2026: three clear days, so the hearing on Friday 5 June at the
    # earliest.
    computed = hearing.compute(trigger_date=datetime.date(2026, 6, 1))
    assert computed.due == datetime.date(2026, 6, 5)
    assert computed.trace[-1].explanation == "earliest day for: Hearing of the application"
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.DeadlineRule(
            id="bad",
            title="Bad",
            citation="none",
            period_amount=3,
            period_unit="days",
            method="frcp6",
            answers="earliest_day_for_event",
        )
    assert err.value.field == "answers"
    with pytest.raises(lexcase.ValidationError):
        lexcase.DeadlineRule(
            id="bad",
            title="Bad",
            citation="none",
            period_amount=3,
            period_unit="days",
            answers="soonest",
        )

