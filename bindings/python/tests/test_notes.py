"""session.notes: matter and contact notes, edits that keep revisions, search and walls."""

from __future__ import annotations

import uuid

import pytest

import lexcase
from conftest import Office


def test_a_matter_note_keeps_its_revisions_when_edited(office: Office) -> None:
    m = office.matter()
    fe = office.as_("fee_earner")
    n = fe.notes.add_to_matter(m.id, "Called the client")
    assert (n.matter, n.contact, n.body, n.author, n.version) == (
        m.id,
        None,
        "Called the client",
        office.users["fee_earner"].id,
        1,
    )
    assert n.revisions == []
    edited = office.admin.notes.edit(n.id, n.version, "Called the client about the survey")
    assert edited.body == "Called the client about the survey"
    assert edited.author == office.users["admin"].id
    assert edited.version == n.version + 1
    (rev,) = edited.revisions
    assert (rev.body, rev.by, rev.at) == ("Called the client", n.author, n.written_at)
    assert fe.notes.get(n.id) == edited
    assert [x.id for x in fe.notes.for_matter(m.id)] == [n.id]
    with pytest.raises(lexcase.StaleVersionError):
        fe.notes.edit(n.id, n.version, "Too late")
    with pytest.raises(lexcase.ValidationError) as err:
        fe.notes.edit(n.id, edited.version, "   ")
    assert err.value.field == "body"
    with pytest.raises(lexcase.NotFoundError):
        fe.notes.get(uuid.uuid4())


def test_a_contact_note(office: Office) -> None:
    c = office.client()
    n = office.admin.notes.add_to_contact(c.id, "Prefers email")
    assert (n.matter, n.contact) == (None, c.id)
    page = office.as_("read_only").notes.for_contact(c.id)
    assert page.total == 1 and page.items == [n]
    with pytest.raises(TypeError):
        office.admin.notes.add_to_contact(str(c.id), "x")  # type: ignore[arg-type]


def test_search_ignores_accents_and_respects_walls(office: Office) -> None:
    m = office.matter()
    fe = office.as_("fee_earner")
    n = fe.notes.add_to_matter(m.id, "Rencontré le client à Besançon")
    secretary = office.as_("secretary")
    assert [x.id for x in secretary.notes.search("besancon rencontre")] == [n.id]
    assert [x.id for x in fe.notes.search("BESANÇ")] == [n.id]
    assert fe.notes.search("lyon").total == 0

    m = office.admin.matters.get(m.id)
    office.admin.matters.add_ethical_wall(m.id, m.version, office.users["secretary"].id, "conflict")
    assert secretary.notes.search("besancon").total == 0
    with pytest.raises(lexcase.NotFoundError):
        secretary.notes.get(n.id)
    with pytest.raises(lexcase.NotFoundError):
        secretary.notes.for_matter(m.id)
    assert fe.notes.search("besancon").total == 1
