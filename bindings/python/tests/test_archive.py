"""Firm.export_archive / import_archive: a firm moves to a new file whole, with progress that may cancel."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import lexcase
from conftest import new_firm


def busy_firm(tmp_path: Path) -> tuple[lexcase.Firm, lexcase.Session]:
    """A firm on file with a contact, a matter, a document and a note."""
    firm, admin = new_firm(str(tmp_path / "old.lexcase"))
    s = firm.session(admin.id)
    client = s.contacts.create_person(given_name="Jane", family_name="Smith")
    m = s.matters.create(
        title="Purchase of 12 Acacia Avenue",
        practice_area="conveyancing",
        clients=[client.id],
        responsible=admin.id,
    )
    s.documents.add(m.id, name="Contract", category="contract", media_type="text/plain", contents=b"the contract", text="the contract")
    s.notes.add_to_matter(m.id, "Called the client.")
    return firm, s


def test_a_firm_moves_to_a_new_file_whole(tmp_path: Path) -> None:
    firm, s = busy_firm(tmp_path)
    seen: list[tuple[str, int, int | None]] = []
    manifest = firm.export_archive(tmp_path / "firm.zip", progress=lambda phase, done, total: seen.append((phase, done, total)))
    assert manifest["audit_head"] is not None
    assert any(phase.startswith("export.") for phase, _, _ in seen)
    assert zipfile.is_zipfile(tmp_path / "firm.zip")

    moved = lexcase.open(tmp_path / "new.lexcase")
    assert moved.import_archive(tmp_path / "firm.zip") == manifest
    again = moved.export_archive(tmp_path / "again.zip")
    assert again == manifest
    assert (tmp_path / "again.zip").read_bytes() == (tmp_path / "firm.zip").read_bytes()
    assert moved.session_by_email("ada@smith.example").audit.verify() is not None


def test_a_cancelled_or_damaged_import_writes_nothing(tmp_path: Path) -> None:
    firm, _ = busy_firm(tmp_path)
    firm.export_archive(tmp_path / "firm.zip")

    target = lexcase.open(tmp_path / "new.lexcase")
    with pytest.raises(lexcase.CancelledError):
        target.import_archive(tmp_path / "firm.zip", progress=lambda phase, done, total: False)
    assert not target.is_initialised()

    class Stop(Exception):
        pass

    def boom(phase: str, done: int, total: int | None) -> None:
        raise Stop

    with pytest.raises(Stop):
        target.import_archive(tmp_path / "firm.zip", progress=boom)
    assert not target.is_initialised()

    data = (tmp_path / "firm.zip").read_bytes()
    (tmp_path / "cut.zip").write_bytes(data[: len(data) // 2])
    with pytest.raises(lexcase.InvalidArchiveError):
        target.import_archive(tmp_path / "cut.zip")
    assert not target.is_initialised()

    assert target.import_archive(tmp_path / "firm.zip")["audit_head"] is not None
    with pytest.raises(lexcase.ConflictError):
        target.import_archive(tmp_path / "firm.zip")


def test_a_cancelled_export_leaves_no_file(tmp_path: Path) -> None:
    firm, _ = busy_firm(tmp_path)
    with pytest.raises(lexcase.CancelledError):
        firm.export_archive(tmp_path / "firm.zip", progress=lambda phase, done, total: False)
    assert not (tmp_path / "firm.zip").exists()
    with pytest.raises(lexcase.ValidationError):
        firm.export_archive(tmp_path / "old.lexcase")
