"""Integer arguments out of range (negative, or beyond what the engine holds) are a
``ValidationError`` naming the argument, never Python's ``OverflowError``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import lexcase
from conftest import Office

HUGE = 10**30


def refuse(field: str, call: Callable[[], object]) -> None:
    with pytest.raises(lexcase.ValidationError) as err:
        call()
    assert err.value.field == field


def test_out_of_range_integers_are_validation_errors(office: Office) -> None:
    s = office.admin
    m = office.matter()
    refuse("seconds", lambda: lexcase.format_duration(-1))
    refuse("seconds", lambda: lexcase.format_duration(HUGE))
    refuse("expected_version", lambda: s.matters.update(m.id, -1, title="x"))
    refuse("expected_version", lambda: s.matters.update(m.id, HUGE, title="x"))
    for bad in (-1, HUGE):
        refuse("offset", lambda: s.matters.list(offset=bad))
        refuse("limit", lambda: s.matters.list(limit=bad))
        refuse("cursor", lambda: s.audit.changes_since(bad))
        refuse("days", lambda: s.workflow.stuck(bad))
        refuse("increment_minutes", lambda: lexcase.RoundingPolicy(increment_minutes=bad))
        refuse(
            "period_amount",
            lambda: lexcase.DeadlineRule(
                id="x", title="x", citation="x", period_amount=bad, period_unit="days"
            ),
        )
    refuse("limit", lambda: s.audit.changes_since(0, -1))
    refuse(
        "due_days",
        lambda: s.tasks.create(title="x", matter=m.id, due_from_key_date="exchange", due_days=HUGE),
    )
    refuse(
        "payment_terms_days",
        lambda: s.time.set_billing_settings(expected_version=0, payment_terms_days=-1),
    )
    # Not an int at all stays a TypeError.
    with pytest.raises(TypeError):
        s.matters.update(m.id, "one", title="x")  # type: ignore[arg-type]
    # Nothing was written by any of the refused calls.
    assert s.matters.get(m.id).version == m.version
