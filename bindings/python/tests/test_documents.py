"""session.documents: versions, status, verified contents in the blob store, search, walls."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import lexcase
from conftest import Office, new_firm

PDF = "application/pdf"


def file_firm(tmp_path: Path) -> tuple[lexcase.Firm, lexcase.Session, lexcase.Matter]:
    """A firm in a file database, its admin's session and a matter."""
    firm, admin = new_firm(str(tmp_path / "firm.lexcase"))
    s = firm.session(admin.id)
    client = s.contacts.create_person(given_name="Jane", family_name="Smith")
    m = s.matters.create(
        title="Purchase of 12 Acacia Avenue",
        practice_area="conveyancing",
        clients=[client.id],
        responsible=admin.id,
    )
    return firm, s, m


def test_versions_and_status_transitions(office: Office) -> None:
    m = office.matter()
    docs = office.as_("fee_earner").documents
    d = docs.add(m.id, name="TA6 form", category="TA6", media_type=PDF, contents=b"v1")
    assert (d.matter, d.name, d.category, d.status, d.version) == (
        m.id,
        "TA6 form",
        "TA6",
        "draft",
        1,
    )
    (v1,) = d.versions
    digest = hashlib.sha256(b"v1").hexdigest()
    assert (v1.number, v1.hash, v1.size, v1.media_type) == (1, digest, 2, PDF)
    assert v1.author == office.users["fee_earner"].id

    d = docs.set_status(d.id, d.version, "final")
    assert d.status == "final"
    # A new version sends a final document back to draft.
    d = docs.add_version(d.id, d.version, contents=b"version two", media_type="Text/Plain")
    assert d.status == "draft"
    assert [(v.number, v.size, v.media_type) for v in d.versions] == [
        (1, 2, PDF),
        (2, 11, "text/plain"),
    ]
    assert docs.contents(d.id) == b"version two"
    assert docs.contents(d.id, 1) == b"v1"
    with pytest.raises(lexcase.NotFoundError):
        docs.contents(d.id, 3)

    with pytest.raises(lexcase.InvalidTransitionError):
        docs.set_status(d.id, d.version, "signed")
    d = docs.set_status(d.id, d.version, "final")
    d = docs.set_status(d.id, d.version, "signed")
    with pytest.raises(lexcase.InvalidTransitionError):
        docs.add_version(d.id, d.version, contents=b"v3", media_type=PDF)
    with pytest.raises(lexcase.InvalidTransitionError) as err:
        docs.set_status(d.id, d.version, "draft")
    assert (err.value.from_state, err.value.to_state) == ("signed", "draft")
    with pytest.raises(lexcase.ValidationError):
        docs.set_status(d.id, d.version, "shredded")
    with pytest.raises(lexcase.StaleVersionError):
        docs.set_status(d.id, 1, "final")
    assert docs.get(d.id) == d
    assert [x.id for x in docs.for_matter(m.id)] == [d.id]


def test_contents_survive_reopening_and_tampering_is_detected(tmp_path: Path) -> None:
    firm, s, m = file_firm(tmp_path)
    data = bytes(range(256)) * 10
    d = s.documents.add(m.id, name="Contract", category="contract", media_type=PDF, contents=data)
    assert s.documents.contents(d.id) == data
    admin = s.actor_id
    del s, firm

    firm = lexcase.open(tmp_path / "firm.lexcase")
    s = firm.session(admin)
    got = s.documents.contents(d.id)
    assert isinstance(got, bytes) and got == data

    digest = d.versions[0].hash
    blob = tmp_path / "firm.lexcase.blobs" / digest[:2] / digest
    assert blob.read_bytes() == data
    blob.write_bytes(b"changed behind our back")
    with pytest.raises(lexcase.IntegrityError) as err:
        s.documents.contents(d.id)
    assert isinstance(err.value, lexcase.StorageError)


def test_a_client_care_letter_ticks_the_checklist(office: Office) -> None:
    m = office.matter()
    fe = office.as_("fee_earner")
    fe.workflow.start(m.id, "ew-residential-purchase")
    assert "client_care_letter" not in fe.workflow.get(m.id).items
    fe.documents.add(
        m.id,
        name="Client care letter",
        category="client_care_letter",
        media_type=PDF,
        contents=b"%PDF",
    )
    done = fe.workflow.get(m.id).items["client_care_letter"]
    assert done.by == office.users["fee_earner"].id


def test_search_finds_indexed_text_and_respects_walls(office: Office) -> None:
    m = office.matter()
    fe = office.as_("fee_earner")
    d = fe.documents.add(
        m.id,
        name="Survey",
        category="survey",
        media_type=PDF,
        contents=b"%PDF-1.7 ...",
        text="Structural survey of the château's façade",
    )
    secretary = office.as_("secretary")
    assert [x.id for x in secretary.documents.search("facade chateau")] == [d.id]
    assert fe.documents.search("roof").total == 0

    m = office.admin.matters.get(m.id)
    office.admin.matters.add_ethical_wall(m.id, m.version, office.users["secretary"].id, "conflict")
    assert secretary.documents.search("facade").total == 0
    with pytest.raises(lexcase.NotFoundError):
        secretary.documents.get(d.id)
    with pytest.raises(lexcase.NotFoundError):
        secretary.documents.contents(d.id)
    assert fe.documents.search("facade").total == 1


def test_bad_input(office: Office) -> None:
    m = office.matter()
    docs = office.as_("fee_earner").documents
    with pytest.raises(TypeError):
        docs.add(
            m.id,
            name="Letter",
            category="letter",
            media_type=PDF,
            contents="text",  # type: ignore[arg-type]
        )
    with pytest.raises(lexcase.ValidationError) as err:
        docs.add(m.id, name="Letter", category="letter", media_type="pdf", contents=b"x")
    assert err.value.field == "media_type"
    assert docs.for_matter(m.id).total == 0
    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("read_only").documents.add(
            m.id, name="Letter", category="letter", media_type=PDF, contents=b"x"
        )
