"""session.users: create, list, update; rates are hidden from those who may not see them."""

from __future__ import annotations

from decimal import Decimal

import pytest

import lexcase
from conftest import ROLES, Office


def test_create_get_and_me(office: Office) -> None:
    s = office.admin
    fern = s.users.create(
        name="Fern Earner",
        email="fern@smith.example",
        role="fee_earner",
        default_rate=Decimal("250.00"),
        rate_currency="EUR",
        timekeeper_code="AS",
    )
    assert fern.role == "fee_earner"
    assert fern.default_rate == Decimal("250")
    assert isinstance(fern.default_rate, Decimal)
    assert fern.rate_currency == "EUR"
    assert fern.timekeeper_code == "AS"
    assert s.users.get(fern.id) == fern
    assert office.firm.session(fern.id).users.me() == fern
    assert "Fern Earner" in repr(fern) and "fee_earner" in repr(fern)


def test_rates_may_be_strings_or_ints_but_never_floats(office: Office) -> None:
    s = office.admin
    a = s.users.create(name="A", email="a@smith.example", role="partner", default_rate="123.45")
    b = s.users.create(name="B", email="b@smith.example", role="partner", default_rate=200)
    assert a.default_rate == Decimal("123.45")
    assert b.default_rate == Decimal(200)
    with pytest.raises(TypeError, match="decimal.Decimal"):
        s.users.create(
            name="C",
            email="c@smith.example",
            role="partner",
            default_rate=1.5,  # type: ignore[arg-type]
        )
    with pytest.raises(TypeError):
        s.users.create(
            name="C",
            email="c@smith.example",
            role="partner",
            default_rate=True,  # a bool is not an amount
        )
    with pytest.raises(lexcase.ValidationError) as err:
        s.users.create(
            name="C", email="c@smith.example", role="partner", default_rate="lots"
        )
    assert err.value.field == "default_rate"
    with pytest.raises(lexcase.ValidationError):
        s.users.create(
            name="C", email="c@smith.example", role="partner", default_rate=Decimal("NaN")
        )
    with pytest.raises(lexcase.ValidationError) as err:
        s.users.create(name="C", email="c@smith.example", role="partner", default_rate="-1")
    assert err.value.field == "default_rate"


def test_list_is_ordered_by_name_and_paginated(office: Office) -> None:
    page = office.admin.users.list()
    assert page.total == len(ROLES) == len(page)
    names = [u.name for u in page]
    assert names == sorted(names)
    first = office.admin.users.list(offset=0, limit=3)
    rest = office.admin.users.list(offset=3, limit=50)
    assert first.total == rest.total == len(ROLES)
    assert len(first) == 3 and len(rest) == len(ROLES) - 3
    assert [u.id for u in first.items + rest.items] == [u.id for u in page.items]
    with pytest.raises(lexcase.ValidationError) as err:
        office.admin.users.list(limit=0)
    assert err.value.field == "limit"
    with pytest.raises(lexcase.ValidationError) as err:
        office.admin.users.list(offset=-1)
    assert err.value.field == "offset"


def test_update_changes_only_what_is_given(office: Office) -> None:
    s = office.admin
    para = office.users["paralegal"]
    changed = s.users.update(
        para.id, para.version, name="Pat Paralegal", role="secretary", timekeeper_code="PL"
    )
    assert (changed.name, changed.role, changed.timekeeper_code) == (
        "Pat Paralegal",
        "secretary",
        "PL",
    )
    assert changed.email == para.email and changed.version == para.version + 1
    rated = s.users.update(para.id, changed.version, default_rate=Decimal("95.5"))
    assert rated.default_rate == Decimal("95.5") and rated.rate_currency == "GBP"
    cleared = s.users.update(para.id, rated.version, timekeeper_code="")
    assert cleared.timekeeper_code is None
    off = s.users.update(para.id, cleared.version, active=False)
    assert off.active is False


def test_the_last_admin_cannot_be_demoted(office: Office) -> None:
    admin = office.users["admin"]
    with pytest.raises(lexcase.ValidationError) as err:
        office.admin.users.update(admin.id, admin.version, role="partner")
    assert err.value.field == "role"


def test_rates_are_hidden_from_a_paralegal(office: Office) -> None:
    fee_earner = office.users["fee_earner"]
    assert office.as_("partner").users.get(fee_earner.id).default_rate == Decimal("100")
    assert office.as_("accounts").users.get(fee_earner.id).default_rate == Decimal("100")
    seen = office.as_("paralegal").users.get(fee_earner.id)
    assert seen.default_rate is None and seen.rate_currency is None
    assert all(u.default_rate is None for u in office.as_("paralegal").users.list())
    # Everybody sees their own rate.
    assert office.as_("fee_earner").users.me().default_rate == Decimal("100")


def test_only_user_managers_create_users(office: Office) -> None:
    for role in ROLES[1:]:
        with pytest.raises(lexcase.PermissionDeniedError) as err:
            office.as_(role).users.create(name="X", email="x@smith.example", role="read_only")
        assert err.value.action == "manage_users"
        assert err.value.code == "permission_denied"
