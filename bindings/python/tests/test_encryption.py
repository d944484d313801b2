"""Encryption at rest: lexcase.open(path, key=...)."""

from __future__ import annotations

import pathlib

import pytest

import lexcase

pytestmark = pytest.mark.skipif(not lexcase.ENCRYPTION, reason="built without encryption")


def _firm(path: pathlib.Path, key: bytes) -> tuple[lexcase.Firm, lexcase.User]:
    firm = lexcase.open(path, key=key)
    admin = firm.initialise(
        name="Smith & Co", currency="GBP", matter_number_format="{CLIENT3}-{SEQ:4}",
        time_zone="Europe/London", admin_name="Ada Admin", admin_email="ada@smith.example",
    )
    return firm, admin


def test_an_encrypted_firm_opens_only_with_its_key(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "firm.lexcase"
    key = bytes(range(32))
    firm, admin = _firm(path, key)
    s = firm.session(admin.id)
    s.contacts.create_person(given_name="Jane", family_name="Zanzibarova")
    del s, firm

    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"Zanzibarova" not in data
    assert (path.stat().st_mode & 0o777) == 0o600

    again = lexcase.open(path, key=key)
    assert again.session(admin.id).audit.verify().is_intact
    del again

    before = path.read_bytes()
    with pytest.raises(lexcase.IncompatibleDatabaseError):
        lexcase.open(path, key=b"another key of 32 bytes........!")
    with pytest.raises(lexcase.IncompatibleDatabaseError):
        lexcase.open(path)
    assert path.read_bytes() == before
    with pytest.raises(lexcase.ValidationError):
        lexcase.open(path, key=b"short")


def test_document_contents_are_staged_sealed_and_read_back(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "firm.lexcase"
    key = bytes(range(32))
    firm, admin = _firm(path, key)
    s = firm.session(admin.id)
    client = s.contacts.create_person(given_name="Jane", family_name="Smith")
    m = s.matters.create(
        title="Purchase of 12 Acacia Avenue",
        practice_area="conveyancing",
        clients=[client.id],
        responsible=admin.id,
    )
    data = b"Completion statement: 12 Acacia Avenue"
    d = s.documents.add(
        m.id, name="Completion", category="contract", media_type="text/plain", contents=data
    )
    d = s.documents.add_version(
        d.id, d.version, contents=data + b" (revised)", media_type="text/plain"
    )
    assert s.documents.contents(d.id, 1) == data
    del s, firm

    blobs = tmp_path / "firm.lexcase.blobs"
    files = [f for f in blobs.rglob("*") if f.is_file()]
    assert len(files) == 2, "published, no staged copies left"
    assert all(not f.name.startswith(".") for f in files)
    assert all(b"Acacia" not in f.read_bytes() for f in files)

    again = lexcase.open(path, key=key)
    assert again.session(admin.id).documents.contents(d.id) == data + b" (revised)"
