"""session.settings: reading, changing, defining custom fields."""

from __future__ import annotations

import pytest

import lexcase
from conftest import Office


def test_update_settings(office: Office) -> None:
    settings = office.admin.settings
    before = settings.get()
    assert before == office.firm.settings()
    after = settings.update(before.version, name="Smith Partners LLP", default_currency="EUR")
    assert (after.name, after.default_currency) == ("Smith Partners LLP", "EUR")
    assert after.time_zone == before.time_zone and after.version == before.version + 1
    assert office.matter().currency == "EUR", "new matters take the firm's currency"
    after = settings.update(after.version, time_zone="America/New_York")
    assert after.time_zone == "America/New_York"
    with pytest.raises(lexcase.ValidationError) as err:
        settings.update(after.version, default_currency="XYZ")
    assert err.value.field in ("currency", "default_currency")
    with pytest.raises(lexcase.ValidationError) as err:
        settings.update(after.version, matter_number_format="no sequence")
    assert err.value.field == "matter_number_format"
    with pytest.raises(lexcase.StaleVersionError) as stale:
        settings.update(before.version, name="Lost update")
    assert (stale.value.entity, stale.value.expected, stale.value.actual) == (
        "firm",
        before.version,
        after.version,
    )


def test_define_custom_fields(office: Office) -> None:
    settings = office.admin.settings
    v = settings.get().version
    s = settings.define_custom_field(
        v, key="tenure", label="Tenure", kind="choice", choices=["freehold", "leasehold"]
    )
    (field,) = s.custom_fields
    assert (field.key, field.label, field.kind, field.choices) == (
        "tenure",
        "Tenure",
        "choice",
        ["freehold", "leasehold"],
    )
    with pytest.raises(lexcase.ConflictError):
        settings.define_custom_field(s.version, key="tenure", label="Again", kind="text")
    with pytest.raises(lexcase.ValidationError) as err:
        settings.define_custom_field(s.version, key="Bad Key", label="Bad", kind="text")
    assert err.value.field == "key"
    with pytest.raises(lexcase.ValidationError) as err:
        settings.define_custom_field(s.version, key="colour", label="Colour", kind="rainbow")
    assert err.value.field == "kind"
    with pytest.raises(lexcase.ValidationError) as err:
        settings.define_custom_field(s.version, key="colour", label="Colour", kind="choice")
    assert err.value.field == "choices"


def test_only_firm_managers_change_settings(office: Office) -> None:
    v = office.admin.settings.get().version
    for role in ("partner", "fee_earner", "accounts", "read_only"):
        assert office.as_(role).settings.get().version == v
        with pytest.raises(lexcase.PermissionDeniedError) as err:
            office.as_(role).settings.update(v, name="Mine now")
        assert err.value.action == "manage_firm"
