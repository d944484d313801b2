"""session.contacts: people and organisations, details, search, affiliations, identity."""

from __future__ import annotations

import datetime

import pytest

import lexcase
from conftest import Office


def test_person_with_every_kind_of_detail(office: Office) -> None:
    s = office.admin.contacts
    jane = s.create_person(
        given_name="Jane",
        family_name="Smith",
        title="Dr",
        emails=["jane@example.com", lexcase.Email("j.smith@work.example", label="work")],
        phones=["+44 20 7946 0000", lexcase.Phone("+44 7700 900000", "mobile")],
        addresses=[
            lexcase.PostalAddress(
                ["12 Acacia Avenue", "Flat 2"],
                locality="London",
                postal_code="N1 1AA",
                country="GB",
                label="home",
            )
        ],
        identifiers=[lexcase.Identifier("tax_id", "AB123456C", jurisdiction="GB")],
    )
    assert jane.kind == "person"
    assert (jane.title, jane.given_name, jane.family_name) == ("Dr", "Jane", "Smith")
    assert jane.organisation_name is None
    assert jane.display_name == "Jane Smith"
    assert jane.emails == [
        lexcase.Email("jane@example.com"),
        lexcase.Email("j.smith@work.example", "work"),
    ]
    assert [p.label for p in jane.phones] == [None, "mobile"]
    (address,) = jane.addresses
    assert address.lines == ["12 Acacia Avenue", "Flat 2"]
    assert (address.locality, address.region, address.postal_code, address.country) == (
        "London",
        None,
        "N1 1AA",
        "GB",
    )
    (identifier,) = jane.identifiers
    assert (identifier.kind, identifier.value, identifier.jurisdiction) == (
        "tax_id",
        "AB123456C",
        "GB",
    )
    assert jane.identity.status == "not_verified"
    assert jane.affiliations == [] and jane.version == 1
    assert s.get(jane.id) == jane
    # Value objects are hashable and compare by value.
    assert len({lexcase.Email("a@x.example"), lexcase.Email("a@x.example")}) == 1
    assert "Jane Smith" in repr(jane)
    assert repr(lexcase.Email("a@x.example")) == "Email(address='a@x.example', label=None)"


def test_organisation(office: Office) -> None:
    acme = office.admin.contacts.create_organisation(
        name="Acme Holdings Ltd",
        emails=["info@acme.example"],
        identifiers=[lexcase.Identifier("company_number", "01234567", "GB")],
    )
    assert acme.kind == "organisation"
    assert acme.organisation_name == "Acme Holdings Ltd" == acme.display_name
    assert acme.given_name is None and acme.family_name is None


def test_bad_details_are_validation_errors(office: Office) -> None:
    s = office.admin.contacts
    with pytest.raises(lexcase.ValidationError) as err:
        s.create_person(given_name="Jane", family_name="Smith", emails=["not-an-email"])
    assert err.value.field == "emails"
    with pytest.raises(lexcase.ValidationError):
        s.create_person(given_name="Jane", family_name="")
    with pytest.raises(lexcase.ValidationError):
        lexcase.Identifier("passport_of_mars", "X")
    with pytest.raises(TypeError, match="str or lexcase.Email"):
        s.create_person(
            given_name="Jane",
            family_name="Smith",
            emails=[42],  # type: ignore[list-item]
        )
    with pytest.raises(TypeError):
        s.create_person(
            given_name="Jane",
            family_name="Smith",
            addresses=["12 Acacia Avenue"],  # type: ignore[list-item]
        )
    with pytest.raises(TypeError):
        s.create_person(
            given_name="Jane",
            family_name="Smith",
            emails="jane@example.com",  # a str is not a list of emails
        )


def test_prefix_search_ignores_case_and_accents(office: Office) -> None:
    s = office.admin.contacts
    muller = s.create_person(given_name="Hans", family_name="Müller")
    s.create_person(given_name="Jane", family_name="Smith")
    acme = s.create_organisation(name="Acme Müllerei GmbH")
    for prefix in ("mül", "MUL", "müller", "mul"):
        found = s.search(prefix)
        assert {c.id for c in found} == {muller.id, acme.id}, prefix
        assert found.total == 2
    people = s.search("mül", kind="person")
    assert [c.id for c in people] == [muller.id]
    assert s.search("hans").items[0].id == muller.id
    assert s.search().total == 3
    assert s.search("zzz").total == 0
    page = s.search("", offset=1, limit=1)
    assert page.total == 3 and len(page) == 1
    with pytest.raises(lexcase.ValidationError):
        s.search(kind="robot")


def test_update_replaces_lists_and_leaves_the_rest(office: Office) -> None:
    s = office.admin.contacts
    jane = s.create_person(given_name="Jane", family_name="Smith", emails=["jane@example.com"])
    changed = s.update(jane.id, jane.version, family_name="Jones", phones=["+44 20 7946 0001"])
    assert changed.family_name == "Jones" and changed.given_name == "Jane"
    assert [e.address for e in changed.emails] == ["jane@example.com"]
    assert [p.number for p in changed.phones] == ["+44 20 7946 0001"]
    emptied = s.update(jane.id, changed.version, emails=[], title="")
    assert emptied.emails == [] and emptied.title is None
    with pytest.raises(lexcase.StaleVersionError):
        s.update(jane.id, jane.version, family_name="Brown")


def test_affiliations(office: Office) -> None:
    s = office.admin.contacts
    jane = s.create_person(given_name="Jane", family_name="Smith")
    acme = s.create_organisation(name="Acme Ltd")
    parent = s.create_organisation(name="Acme Group plc")
    jane = s.add_affiliation(
        jane.id, jane.version, kind="works_for", other=acme.id, position="Finance Director"
    )
    (aff,) = jane.affiliations
    assert (aff.kind, aff.other, aff.position) == ("works_for", acme.id, "Finance Director")
    acme = s.add_affiliation(acme.id, acme.version, kind="subsidiary_of", other=parent.id)
    with pytest.raises(lexcase.ValidationError):
        s.add_affiliation(parent.id, parent.version, kind="subsidiary_of", other=acme.id)
    with pytest.raises(lexcase.ValidationError):
        s.add_affiliation(acme.id, acme.version, kind="works_for", other=parent.id)
    with pytest.raises(lexcase.ConflictError):
        s.add_affiliation(jane.id, jane.version, kind="works_for", other=acme.id)
    jane = s.remove_affiliation(jane.id, jane.version, kind="works_for", other=acme.id)
    assert jane.affiliations == []
    with pytest.raises(lexcase.NotFoundError) as err:
        s.remove_affiliation(jane.id, jane.version, kind="works_for", other=acme.id)
    assert err.value.entity == "affiliation"


def test_identity_verification(office: Office) -> None:
    s = office.admin.contacts
    jane = s.create_person(given_name="Jane", family_name="Smith")
    checked = datetime.date.today() - datetime.timedelta(days=2)
    with pytest.raises(lexcase.ValidationError) as err:
        s.record_identity_verification(jane.id, jane.version, status="verified", checked_on=checked)
    assert err.value.field == "method"
    jane = s.record_identity_verification(
        jane.id, jane.version, status="verified", checked_on=checked, method="electronic"
    )
    identity = jane.identity
    assert identity.status == "verified"
    assert identity.checked_on == checked and identity.method == "electronic"
    assert identity.recorded_by == office.users["admin"].id
    assert identity.recorded_at is not None and identity.recorded_at.tzinfo is not None
    with pytest.raises(lexcase.ValidationError) as err:
        s.record_identity_verification(
            jane.id,
            jane.version,
            status="failed",
            checked_on=datetime.date.today() + datetime.timedelta(days=30),
        )
    assert err.value.field == "checked_on"
    with pytest.raises(TypeError, match="datetime.date"):
        s.record_identity_verification(
            jane.id,
            jane.version,
            status="failed",
            checked_on=datetime.datetime.now(),
        )


def test_read_only_users_read_but_do_not_write(office: Office) -> None:
    jane = office.client()
    reader = office.as_("read_only").contacts
    assert reader.get(jane.id) == jane
    with pytest.raises(lexcase.PermissionDeniedError) as err:
        reader.create_person(given_name="X", family_name="Y")
    assert err.value.action == "manage_contacts"
    with pytest.raises(lexcase.PermissionDeniedError):
        reader.update(jane.id, jane.version, family_name="Jones")
