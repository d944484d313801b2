"""Errors at the boundary: strict types, and every core error as its exception."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

import lexcase
from conftest import Office


def test_float_money_is_a_type_error(office: Office) -> None:
    with pytest.raises(TypeError, match=r"decimal\.Decimal or a string"):
        office.admin.users.create(
            name="X",
            email="x@smith.example",
            role="paralegal",
            default_rate=250.5,  # type: ignore[arg-type]
        )
    user = office.users["partner"]
    with pytest.raises(TypeError, match="float"):
        office.admin.users.update(
            user.id,
            user.version,
            default_rate=99.99,  # type: ignore[arg-type]
        )
    with pytest.raises(TypeError, match="float"):
        lexcase.open(":memory:").initialise(
            name="F",
            currency="GBP",
            matter_number_format="{SEQ}",
            time_zone="Europe/London",
            admin_name="A",
            admin_email="a@f.example",
            admin_default_rate=1.0,  # type: ignore[arg-type]
        )
    # Nothing was written.
    assert office.admin.users.get(user.id) == user


def test_str_id_is_a_type_error(office: Office) -> None:
    user = office.users["partner"]
    for call in (
        lambda: office.admin.users.get(str(user.id)),  # type: ignore[arg-type]
        lambda: office.firm.session(str(user.id)),  # type: ignore[arg-type]
        lambda: office.admin.audit.history(user.id.hex),  # type: ignore[arg-type]
        lambda: office.admin.contacts.get(user.id.int),  # type: ignore[arg-type]
    ):
        with pytest.raises(TypeError, match=r"expected uuid\.UUID, got (str|int)"):
            call()


def test_datetime_for_a_date_is_a_type_error(office: Office) -> None:
    m = office.matter()
    with pytest.raises(TypeError, match=r"datetime\.date, got datetime\.datetime"):
        office.admin.matters.set_key_date(
            m.id, m.version, "completion", datetime.datetime(2031, 4, 1, 9, 30)
        )


def test_unknown_role_is_a_validation_error_and_a_value_error(office: Office) -> None:
    with pytest.raises(lexcase.ValidationError) as err:
        office.admin.users.create(name="X", email="x@smith.example", role="overlord")
    assert isinstance(err.value, ValueError)
    assert isinstance(err.value, lexcase.LexcaseError)
    assert (err.value.code, err.value.field, err.value.reason) == (
        "validation",
        "role",
        "unknown role",
    )
    assert str(err.value) == "invalid role: unknown role"


def test_empty_title_names_the_field(office: Office) -> None:
    with pytest.raises(lexcase.ValidationError) as err:
        office.admin.matters.create(
            title="   ",
            practice_area="conveyancing",
            clients=[office.client().id],
            responsible=office.users["fee_earner"].id,
        )
    assert err.value.field == "title"
    assert "title" in str(err.value)


def test_stale_version_carries_expected_and_actual(office: Office) -> None:
    m = office.matter()
    office.admin.matters.update(m.id, m.version, title="First change")
    with pytest.raises(lexcase.StaleVersionError) as err:
        office.admin.matters.update(m.id, m.version, title="Second change on old data")
    e = err.value
    assert isinstance(e, lexcase.ConflictError)
    assert (e.code, e.entity, e.expected, e.actual) == ("stale_version", "matter", 1, 2)
    assert str(e) == "stale version of matter: expected 1, found 2"


def test_duplicate_email_is_a_conflict(office: Office) -> None:
    with pytest.raises(lexcase.ConflictError) as err:
        office.admin.users.create(name="Twin", email="partner@smith.example", role="partner")
    assert err.value.code == "conflict"
    assert not isinstance(err.value, lexcase.StaleVersionError)
    assert err.value.reason


def test_garbage_file_is_incompatible_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "not-a-database.lexcase"
    garbage = os.urandom(8192)
    path.write_bytes(garbage)
    with pytest.raises(lexcase.IncompatibleDatabaseError) as err:
        lexcase.open(path)
    assert isinstance(err.value, lexcase.StorageError)
    assert err.value.code == "incompatible_database"
    assert err.value.reason
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_permission_denied_for_a_read_only_user(office: Office) -> None:
    reader = office.as_("read_only")
    m = office.matter()
    assert reader.matters.get(m.id) == m
    with pytest.raises(lexcase.PermissionDeniedError) as err:
        reader.matters.create(
            title="Mine",
            practice_area="conveyancing",
            clients=[office.client().id],
            responsible=office.users["read_only"].id,
        )
    assert (err.value.code, err.value.action) == ("permission_denied", "open_matters")
    with pytest.raises(lexcase.PermissionDeniedError):
        reader.matters.set_key_date(m.id, m.version, "completion", datetime.date(2031, 1, 1))
    with pytest.raises(lexcase.PermissionDeniedError):
        reader.matters.open(m.id, m.version)


def test_sessions_work_from_threads(office: Office) -> None:
    """Core calls release the GIL; matter numbers stay gapless and unique under threads."""
    from concurrent.futures import ThreadPoolExecutor

    jane = office.client()

    def make(i: int) -> str:
        s = office.firm.session(office.users["admin"].id)
        return s.matters.create(
            title=f"Matter {i}",
            practice_area="conveyancing",
            clients=[jane.id],
            responsible=office.users["fee_earner"].id,
        ).number

    with ThreadPoolExecutor(4) as pool:
        numbers = list(pool.map(make, range(20)))
    assert sorted(numbers) == [f"SMI-{i:04}" for i in range(1, 21)]
    assert office.admin.audit.verify().is_intact
