"""session.time: rates, rounding and codes; timer; expenses; durations (mirrors tests/src/cases/time.rs)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import lexcase
from conftest import Office

DAY = datetime.date(2026, 11, 26)


def test_rates_rounding_and_codes(office: Office) -> None:
    m = office.matter("Smith v Jones")
    client = m.clients[0]
    time = office.as_("fee_earner").time
    # 80 minutes at the default 100.00, rounded up to 6 minutes: 1.4 h = 140.00.
    e = time.record(matter=m.id, date=DAY, duration="1h20m", narrative="Drafting particulars")
    assert (e.seconds, e.rate, e.rate_source) == (4800, Decimal("100.00"), "user_default")
    assert e.rounding == lexcase.RoundingPolicy()
    assert e.value == Decimal("140.00")

    billing = office.as_("accounts").time
    billing.set_terms(
        client=client,
        expected_version=0,
        rate=Decimal("300"),
        codes=lexcase.CodePolicy(task_sets=["litigation"]),
    )
    assert time.record(matter=m.id, date=DAY, duration=600, narrative="Call").rate_source == "client"
    fee_earner = office.users["fee_earner"].id
    terms = billing.set_terms(
        matter=m.id,
        expected_version=0,
        user_rates={fee_earner: Decimal("320")},
        rounding=lexcase.RoundingPolicy(increment_minutes=10),
    )
    assert terms.user_rates == {fee_earner: Decimal("320")}
    later = time.record(matter=m.id, date=DAY, duration=600, narrative="Letter")
    assert (later.rate, later.rate_source) == (Decimal("320"), "matter_user")
    assert later.rounding.increment_minutes == 10
    assert time.get(e.id).rounding == lexcase.RoundingPolicy()
    manual = time.record(matter=m.id, date=DAY, duration=600, narrative="Hearing", rate="400")
    assert manual.rate_source == "manual"

    coded = time.record(
        matter=m.id, date=DAY, duration=600, narrative="Deposition", task_code="l330", activity_code="A104"
    )
    assert coded.task_code == "L330"
    for task in ("B110", "L170"):
        with pytest.raises(lexcase.ValidationError) as err:
            time.record(matter=m.id, date=DAY, duration=600, narrative="x", task_code=task)
        assert err.value.field == "task_code"
    with pytest.raises(lexcase.PermissionDeniedError):
        time.set_terms(matter=m.id, expected_version=terms.version)
    with pytest.raises(lexcase.StaleVersionError):
        billing.set_terms(matter=m.id, expected_version=0)

    e = time.update(e.id, e.version, duration=3600, billability="no_charge")
    assert e.value == Decimal("0.00")
    with pytest.raises(lexcase.PermissionDeniedError):
        time.write_off(e.id, e.version)
    e = billing.write_off(e.id, e.version)
    assert e.status == "written_off"
    with pytest.raises(lexcase.InvalidTransitionError):
        time.update(e.id, e.version, narrative="changed")

    assert time.list(user=fee_earner).total == 5
    with pytest.raises(lexcase.PermissionDeniedError):
        time.list()
    assert billing.list().total == 5
    with pytest.raises(lexcase.NotFoundError):
        office.as_("paralegal").time.get(coded.id)

    for duration, field in ((0, "seconds"), (24 * 3600 + 1, "seconds")):
        with pytest.raises(lexcase.ValidationError) as err:
            time.record(matter=m.id, date=DAY, duration=duration, narrative="x")
        assert err.value.field == field
    with pytest.raises(lexcase.ValidationError) as err:
        time.record(matter=m.id, date=DAY, duration=60, narrative=" ")
    assert err.value.field == "narrative"
    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("read_only").time.record(matter=m.id, date=DAY, duration=60, narrative="x")
    with pytest.raises(lexcase.PermissionDeniedError):
        time.record(matter=m.id, date=DAY, duration=60, narrative="x", user=office.users["partner"].id)
    batch = [
        lexcase.NewTimeEntry(matter=m.id, date=DAY, duration=60, narrative="ok"),
        lexcase.NewTimeEntry(matter=m.id, date=DAY, duration=0, narrative="bad"),
    ]
    with pytest.raises(lexcase.ValidationError):
        time.record_many(batch)
    assert billing.list().total == 5, "nothing was written"
    two = time.record_many(batch[:1] * 2)
    assert [t.narrative for t in two] == ["ok", "ok"]


def test_rates_without_a_currency_take_the_matter_or_the_firm_currency(office: Office) -> None:
    client = office.client("Ada", "Lovelace")
    m = office.admin.matters.create(
        title="Dollar matter",
        practice_area="litigation",
        clients=[client.id],
        responsible=office.users["fee_earner"].id,
        currency="USD",
    )
    billing = office.as_("accounts").time
    terms = billing.set_terms(matter=m.id, expected_version=0, rate=Decimal("300"))
    assert terms.rate == Decimal("300") and terms.currency == "USD"
    with pytest.raises(lexcase.ValidationError) as err:
        billing.set_terms(matter=m.id, expected_version=terms.version, rate=Decimal("300"), currency="GBP")
    assert err.value.field == "rate"
    with pytest.raises(lexcase.ValidationError) as err:
        billing.set_terms(matter=m.id, expected_version=terms.version, currency="ZZZ")
    assert err.value.field == "currency"
    assert billing.terms(matter=m.id) == terms
    client_terms = billing.set_terms(client=client.id, expected_version=0, rate=Decimal("250"))
    assert client_terms.currency == "GBP"

    before = billing.set_billing_settings(expected_version=billing.billing_settings().version, tax_name="GST")
    with pytest.raises(lexcase.ValidationError) as err:
        billing.set_billing_settings(expected_version=before.version, currency="ZZZ")
    assert err.value.field == "currency"
    after = billing.set_billing_settings(
        expected_version=before.version, activity_rates={"A103": Decimal("200")}, payment_terms_days=14
    )
    assert after.activity_rates == {"A103": Decimal("200")}
    assert (after.payment_terms_days, after.tax_name) == (14, "GST")
    with pytest.raises(lexcase.StaleVersionError):
        billing.set_billing_settings(expected_version=before.version, tax_rate=Decimal("0.2"))
    taxed = billing.set_billing_settings(expected_version=after.version, tax_rate=Decimal("0.2"))
    assert (taxed.activity_rates, taxed.payment_terms_days) == (after.activity_rates, 14)


def test_float_money_is_refused(office: Office) -> None:
    m = office.matter()
    time = office.as_("fee_earner").time
    with pytest.raises(TypeError):
        time.record(matter=m.id, date=DAY, duration=60, narrative="x", rate=250.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        time.record(matter=m.id, date=DAY, duration=1.5, narrative="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        time.record_expense(matter=m.id, date=DAY, description="x", unit_cost=1.0)  # type: ignore[arg-type]


def test_timer_sources_and_expenses(office: Office) -> None:
    m = office.matter("Estate of A. Person")
    fee_earner = office.as_("fee_earner")
    time = fee_earner.time
    timer = time.start_timer(m.id, "Reviewing the will")
    assert (timer.state, timer.matter) == ("running", m.id)
    with pytest.raises(lexcase.ConflictError):
        time.start_timer(m.id, "again")
    paused = time.pause_timer()
    assert paused.state == "paused" and paused.running_since is None
    with pytest.raises(lexcase.InvalidTransitionError):
        time.pause_timer()
    assert time.resume_timer().state == "running"
    entry = time.stop_timer()
    assert entry.seconds >= 1 and entry.source == "timer"
    assert (entry.narrative, entry.matter) == ("Reviewing the will", m.id)
    assert time.timer() is None
    with pytest.raises(lexcase.NotFoundError):
        time.pause_timer()

    call = fee_earner.communications.record(
        matter=m.id,
        channel="phone",
        direction="inbound",
        occurred_at=datetime.datetime(2026, 11, 27, 10, 0, tzinfo=datetime.timezone.utc),
        subject="Call with the executor",
    )
    from_call = time.record_for(communication=call.id, duration="12m")
    assert (from_call.narrative, from_call.seconds, from_call.source_id) == ("Call with the executor", 720, call.id)
    assert (from_call.matter, from_call.date) == (m.id, datetime.date(2026, 11, 27))

    fee = time.record_expense(
        matter=m.id,
        date=DAY,
        description="Probate application fee",
        unit_cost=Decimal("300"),
        expense_code="E112",
        vendor="HMCTS",
        tax="disbursement",
    )
    assert (fee.amount, fee.tax, fee.currency) == (Decimal("300.00"), "disbursement", "GBP")
    for kwargs, field in (
        ({"expense_code": "E999"}, "expense_code"),
        ({"currency": "USD"}, "unit_cost"),
        ({"quantity": Decimal(0)}, "quantity"),
    ):
        with pytest.raises(lexcase.ValidationError) as err:
            time.record_expense(matter=m.id, date=DAY, description="x", unit_cost="1", **kwargs)
        assert err.value.field == field


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1h20m", 4800), ("1.5h", 5400), ("0.3", 1080), ("90m", 5400), ("1:20", 4800), (" 2 H ", 7200)],
)
def test_parse_duration(text: str, seconds: int) -> None:
    assert lexcase.parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "-1h", "1:75", "25h", "0.333", "abc", "1m2h"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.parse_duration(text)
    assert err.value.field == "duration"


def test_format_duration_and_utbms() -> None:
    assert lexcase.format_duration(4800) == "1h20m"
    assert lexcase.format_duration(0) == "0m"
    code = lexcase.utbms_code("l330")
    assert code is not None
    assert (code.code, code.set, code.phase, code.is_phase) == ("L330", "litigation", "L300", False)
    assert lexcase.utbms_code("Z999") is None
    with pytest.raises(lexcase.ValidationError):
        lexcase.RoundingPolicy(increment_minutes=0)
