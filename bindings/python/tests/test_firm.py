"""Opening, initialising and reopening a firm; sessions."""

from __future__ import annotations

import datetime
import uuid
from pathlib import Path

import pytest

import lexcase
from conftest import PG_URL, new_firm


def test_memory_firm_starts_uninitialised_and_is_set_up_once() -> None:
    firm = lexcase.open(":memory:")
    assert repr(firm) == "Firm(path=':memory:')"
    assert firm.is_initialised() is False
    with pytest.raises(lexcase.NotFoundError):
        firm.settings()
    admin = firm.initialise(
        name="Smith & Partners LLP",
        currency="GBP",
        matter_number_format="{CLIENT3}-{SEQ:4}",
        time_zone="Europe/London",
        admin_name="Ada Admin",
        admin_email="ada@smith.example",
        admin_timekeeper_code="PT",
        admin_default_rate="300",
    )
    assert firm.is_initialised() is True
    assert admin.role == "admin"
    assert admin.timekeeper_code == "PT"
    assert str(admin.default_rate) == "300.00" and admin.rate_currency == "GBP"
    assert admin.version == 1 and admin.active
    assert admin.created_at.tzinfo is not None
    assert admin.created_at.utcoffset() == datetime.timedelta(0)
    settings = firm.settings()
    assert (settings.name, settings.default_currency, settings.time_zone) == (
        "Smith & Partners LLP",
        "GBP",
        "Europe/London",
    )
    assert settings.matter_number_format == "{CLIENT3}-{SEQ:4}"
    assert settings.custom_fields == [] and settings.version == 1
    with pytest.raises(lexcase.ConflictError) as err:
        firm.initialise(
            name="Again",
            currency="GBP",
            matter_number_format="{SEQ}",
            time_zone="Europe/London",
            admin_name="Bob",
            admin_email="bob@smith.example",
        )
    assert err.value.code == "conflict"


def test_bad_setup_is_a_validation_error() -> None:
    firm = lexcase.open(":memory:")
    with pytest.raises(lexcase.ValidationError) as err:
        firm.initialise(
            name="Smith",
            currency="GBP",
            matter_number_format="{SEQ}",
            time_zone="Mars/Olympus",
            admin_name="Ada",
            admin_email="ada@smith.example",
        )
    assert err.value.field == "time_zone"
    assert firm.is_initialised() is False


@pytest.mark.parametrize("durability", ["full", "normal"])
def test_file_firm_survives_reopening(tmp_path: Path, durability: str) -> None:
    path = tmp_path / "firm.lexcase"
    firm, admin = new_firm(str(path))
    session = firm.session(admin.id)
    jane = session.contacts.create_person(given_name="Jane", family_name="Smith")
    del session, firm

    again = lexcase.open(path, durability="normal" if durability == "normal" else "full")
    assert again.is_initialised()
    assert repr(again) == f"Firm(path={str(path)!r})"
    session = again.session_by_email("ADA@smith.example".lower())
    assert session.actor_id == admin.id
    assert session.contacts.get(jane.id).display_name == "Jane Smith"
    assert session.audit.verify().is_intact


def test_unknown_durability_is_refused() -> None:
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.open(":memory:", durability="sometimes")  # type: ignore[arg-type]
    assert err.value.field == "durability"


def test_sessions_need_an_existing_active_user() -> None:
    firm, admin = new_firm()
    with pytest.raises(lexcase.NotFoundError) as err:
        firm.session(uuid.uuid4())
    assert err.value.entity == "user"
    with pytest.raises(lexcase.NotFoundError):
        firm.session_by_email("nobody@smith.example")
    session = firm.session(admin.id)
    assert session.users.me() == firm.session_by_email("ada@smith.example").users.me()
    assert repr(session) == f"Session(actor_id=UUID('{admin.id}'))"


def test_a_deactivated_user_cannot_act() -> None:
    firm, admin = new_firm()
    session = firm.session(admin.id)
    bob = session.users.create(name="Bob", email="bob@smith.example", role="paralegal")
    bobs = firm.session(bob.id)
    session.users.update(bob.id, bob.version, active=False)
    with pytest.raises(lexcase.PermissionDeniedError):
        bobs.users.me()
    with pytest.raises(lexcase.PermissionDeniedError):
        firm.session(bob.id)


def test_a_firm_id_goes_with_a_postgres_url_only() -> None:
    # Refused before anything is opened or connected.
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.open(":memory:", firm=uuid.uuid4())
    assert err.value.field == "firm"
    url = "postgresql://nobody@127.0.0.1:1/nowhere"
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.open(url)
    assert err.value.field == "firm"
    with pytest.raises(lexcase.ValidationError):
        lexcase.open(url, firm="not a uuid")
    with pytest.raises(TypeError):
        lexcase.open(url, firm=42)  # type: ignore[arg-type]
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.open(url, "normal", firm=uuid.uuid4())
    assert err.value.field == "durability"


@pytest.mark.skipif(PG_URL is None, reason="LEXCASE_TEST_PG_URL is not set")
def test_postgres_firms_are_opened_by_id_and_keep_their_contents() -> None:
    assert PG_URL is not None
    firm_id = uuid.uuid4()
    firm = lexcase.open(PG_URL, firm=firm_id)
    assert repr(firm).startswith("Firm(url='postgresql://") and "@" not in repr(firm)
    assert repr(firm).endswith(f"firm='{firm_id}')")
    assert not firm.is_initialised()
    admin = firm.initialise(
        name="Smith & Partners LLP",
        currency="GBP",
        matter_number_format="{CLIENT3}-{SEQ:4}",
        time_zone="Europe/London",
        admin_name="Ada Admin",
        admin_email="ada@smith.example",
    )
    s = firm.session(admin.id)
    client = s.contacts.create_person(given_name="Jane", family_name="Smith")
    m = s.matters.create(
        title="Purchase", practice_area="conveyancing", clients=[client.id], responsible=admin.id
    )
    d = s.documents.add(
        m.id, name="TA6", category="TA6", media_type="application/pdf", contents=b"signed TA6"
    )
    # The same firm opened again (its id as text) finds everything, contents included.
    again = lexcase.open(PG_URL, firm=str(firm_id))
    s2 = again.session(admin.id)
    assert s2.matters.get(m.id).number == m.number
    assert s2.documents.contents(d.id) == b"signed TA6"
    assert s2.audit.verify().is_intact
    # Another firm of the same database is a new, empty firm.
    other = lexcase.open(PG_URL, firm=uuid.uuid4())
    assert not other.is_initialised()
