"""session.matters: numbers, lifecycle, parties, team, filters, key dates, custom fields."""

from __future__ import annotations

import datetime
import re
import uuid
from decimal import Decimal

import pytest

import lexcase
from conftest import Office


def test_create_numbers_and_defaults(office: Office) -> None:
    jane = office.client()
    fee_earner = office.users["fee_earner"]
    partner = office.users["partner"]
    m = office.admin.matters.create(
        title="Purchase of 12 Acacia Avenue",
        practice_area="conveyancing",
        clients=[jane.id],
        responsible=fee_earner.id,
        originating=partner.id,
        description="Freehold purchase with mortgage",
        team=[(office.users["paralegal"].id, "paralegal")],
        key_dates={"exchange": datetime.date(2031, 3, 1)},
    )
    assert m.number == "SMI-0001"
    assert m.status == "pending" and m.opened_on is None
    assert (m.billing, m.currency, m.visibility) == ("hourly", "GBP", "firm")
    assert m.responsible == fee_earner.id and m.originating == partner.id
    assert m.description == "Freehold purchase with mortgage"
    assert m.clients == [jane.id]
    (party,) = m.parties
    assert (party.contact, party.role, party.acting_for) == (jane.id, "client", None)
    assert [(t.user, t.role) for t in m.team] == [(office.users["paralegal"].id, "paralegal")]
    assert m.key_dates == {"exchange": datetime.date(2031, 3, 1)}
    assert m.custom_fields == {} and m.walls == []
    assert m.created_by == office.users["admin"].id and m.version == 1
    (created,) = m.status_history
    assert (created.from_status, created.to_status) == (None, "pending")
    second = office.admin.matters.create(
        title="Remortgage",
        practice_area="conveyancing",
        clients=[jane.id],
        responsible=fee_earner.id,
        billing="fixed_fee",
        currency="EUR",
    )
    assert second.number == "SMI-0002"
    assert (second.billing, second.currency) == ("fixed_fee", "EUR")
    other = office.matter("Probate", client=office.client("Hans", "Müller"))
    assert other.number == "MUL-0001"
    assert office.admin.matters.get(m.id) == m


def test_number_format_follows_the_settings(office: Office) -> None:
    settings = office.admin.settings.get()
    office.admin.settings.update(settings.version, matter_number_format="{YYYY}/{SEQ:3}")
    m = office.matter()
    assert re.fullmatch(r"\d{4}/001", m.number), m.number


def test_lifecycle_with_reopen_reason(office: Office) -> None:
    s = office.admin.matters
    m = office.matter()
    with pytest.raises(lexcase.InvalidTransitionError) as err:
        s.close(m.id, m.version)
    assert (err.value.entity, err.value.from_state, err.value.to_state) == (
        "matter",
        "pending",
        "closed",
    )
    assert err.value.code == "invalid_transition"
    m = s.open(m.id, m.version)
    assert m.status == "open" and m.opened_on is not None
    m = s.close(m.id, m.version, "completed")
    assert m.status == "closed" and m.closed_on is not None
    with pytest.raises(lexcase.ValidationError) as verr:
        s.reopen(m.id, m.version, "  ")
    assert verr.value.field == "reason"
    m = s.reopen(m.id, m.version, "client came back with a boundary dispute")
    assert m.status == "open" and m.closed_on is None
    assert m.status_history[-1].reason == "client came back with a boundary dispute"
    assert [(c.from_status, c.to_status) for c in m.status_history] == [
        (None, "pending"),
        ("pending", "open"),
        ("open", "closed"),
        ("closed", "open"),
    ]
    assert m.status_history[-1].by == office.users["admin"].id
    m = s.close(m.id, m.version)
    m = s.archive(m.id, m.version, "file stored offsite")
    assert m.status == "archived" and m.archived_on is not None
    with pytest.raises(lexcase.InvalidTransitionError):
        s.update(m.id, m.version, title="Too late")


def test_fee_earners_may_not_archive(office: Office) -> None:
    m = office.matter()
    with pytest.raises(lexcase.PermissionDeniedError) as err:
        office.as_("fee_earner").matters.archive(m.id, m.version)
    assert err.value.action == "archive_matters"


def test_update_details_and_originating_sentinel(office: Office) -> None:
    s = office.admin.matters
    partner = office.users["partner"].id
    m = office.matter()
    m = s.update(m.id, m.version, title="Purchase of 14 Acacia Avenue", originating=partner)
    assert m.title == "Purchase of 14 Acacia Avenue" and m.originating == partner
    m = s.update(m.id, m.version, description="now with a garage")
    assert m.originating == partner, "leaving originating out keeps it"
    m = s.update(m.id, m.version, originating=None)
    assert m.originating is None, "originating=None clears it"
    m = s.update(m.id, m.version, billing="contingency")
    assert (m.billing, m.currency) == ("contingency", "GBP")
    m = s.update(m.id, m.version, currency="USD")
    assert (m.billing, m.currency) == ("contingency", "USD")
    m = s.update(m.id, m.version, billing="hourly", currency="GBP")
    assert (m.billing, m.currency) == ("hourly", "GBP")
    with pytest.raises(lexcase.ValidationError) as err:
        s.update(m.id, m.version, title="")
    assert err.value.field == "title"
    with pytest.raises(lexcase.ValidationError) as err:
        s.update(m.id, m.version, billing="barter")
    assert err.value.field == "billing"
    with pytest.raises(lexcase.StaleVersionError):
        s.update(m.id, m.version - 1, currency="EUR")


def test_parties_acting_for_and_roles(office: Office) -> None:
    s = office.admin.matters
    contacts = office.admin.contacts
    m = office.matter()
    seller = contacts.create_person(given_name="Sam", family_name="Seller")
    firm = contacts.create_organisation(name="Other Side LLP")
    lender = contacts.create_organisation(name="Northern Bank plc")
    m = s.add_party(m.id, m.version, contact=seller.id, role="opposing_party")
    seller_party = next(p for p in m.parties if p.contact == seller.id)
    m = s.add_party(
        m.id,
        m.version,
        contact=firm.id,
        role="opposing_counsel",
        acting_for=seller_party.id,
        reference="OS/123",
    )
    counsel = next(p for p in m.parties if p.contact == firm.id)
    assert counsel.acting_for == seller_party.id and counsel.reference == "OS/123"
    assert counsel.added_at.tzinfo is not None
    m = s.add_party(m.id, m.version, contact=lender.id, role="lender")
    lender_party = next(p for p in m.parties if p.contact == lender.id)
    with pytest.raises(lexcase.ValidationError):
        s.remove_party(m.id, m.version, seller_party.id)  # counsel acts for them
    m = s.set_party_acting_for(m.id, m.version, counsel.id, None)
    assert next(p for p in m.parties if p.id == counsel.id).acting_for is None
    m = s.set_party_acting_for(m.id, m.version, counsel.id, seller_party.id)
    m = s.change_party_role(m.id, m.version, lender_party.id, "other")
    assert next(p for p in m.parties if p.id == lender_party.id).role == "other"
    m = s.remove_party(m.id, m.version, lender_party.id)
    assert lender.id not in [p.contact for p in m.parties]
    with pytest.raises(lexcase.ValidationError):
        s.add_party(m.id, m.version, contact=lender.id, role="banker")
    with pytest.raises(lexcase.NotFoundError) as err:
        s.remove_party(m.id, m.version, uuid.uuid4())
    assert err.value.entity == "party"
    client_party = m.parties[0]
    with pytest.raises(lexcase.ValidationError):
        s.remove_party(m.id, m.version, client_party.id)  # the last client stays


def test_team_and_my_matters(office: Office) -> None:
    s = office.admin.matters
    para = office.users["paralegal"]
    m = office.matter()
    office.matter("Another", responsible="partner")
    mine = office.as_("paralegal").matters.mine()
    assert mine.total == 0
    m = s.add_team_member(m.id, m.version, para.id, "paralegal")
    assert [(t.user, t.role) for t in m.team] == [(para.id, "paralegal")]
    mine = office.as_("paralegal").matters.mine()
    assert [x.id for x in mine] == [m.id]
    m = s.add_team_member(m.id, m.version, para.id, "supervisor")
    assert [t.role for t in m.team] == ["supervisor"]
    assert office.as_("fee_earner").matters.mine().total == 1
    assert office.as_("fee_earner").matters.mine(status="open").total == 0
    m = s.remove_team_member(m.id, m.version, para.id)
    assert m.team == []
    assert office.as_("paralegal").matters.mine().total == 0
    with pytest.raises(lexcase.ValidationError):
        s.add_team_member(m.id, m.version, para.id, "tea_maker")


def test_list_filters_and_pagination(office: Office) -> None:
    s = office.admin.matters
    jane = office.client()
    hans = office.client("Hans", "Müller")
    made = [office.matter(f"Purchase {i}", client=jane) for i in range(5)]
    lit = s.create(
        title="Boundary dispute at Acacia Avenue",
        practice_area="Litigation",
        clients=[hans.id],
        responsible=office.users["partner"].id,
    )
    s.open(made[0].id, made[0].version)
    assert s.list().total == 6
    assert s.list(status="open").total == 1
    assert s.list(status="pending").total == 5
    assert s.list(practice_area="litigation").total == 1
    assert s.list(client=hans.id).total == 1
    assert s.list(client=jane.id).total == 5
    assert s.list(fee_earner=office.users["partner"].id).total == 1
    assert [m.id for m in s.list(text="acacia")] == [lit.id]
    assert s.list(text="muller").total == 1, "party names match, accents ignored"
    assert s.list(text=lit.number).total == 1
    first = s.list(limit=4)
    second = s.list(offset=4, limit=4)
    assert (first.total, len(first), second.total, len(second)) == (6, 4, 6, 2)
    assert not {m.id for m in first} & {m.id for m in second}
    assert s.list(text="nothing like this").total == 0
    with pytest.raises(lexcase.ValidationError):
        s.list(status="dormant")


def test_key_dates(office: Office) -> None:
    s = office.admin.matters
    m = office.matter()
    m = s.set_key_date(m.id, m.version, "completion", datetime.date(2031, 4, 1))
    m = s.set_key_date(m.id, m.version, "exchange", datetime.date(2031, 3, 18))
    assert m.key_dates == {
        "completion": datetime.date(2031, 4, 1),
        "exchange": datetime.date(2031, 3, 18),
    }
    m = s.set_key_date(m.id, m.version, "exchange", None)
    assert list(m.key_dates) == ["completion"]
    with pytest.raises(lexcase.NotFoundError):
        s.set_key_date(m.id, m.version, "exchange", None)
    with pytest.raises(TypeError, match="datetime.date"):
        s.set_key_date(m.id, m.version, "exchange", datetime.datetime(2031, 3, 18, 12, 0))
    with pytest.raises(TypeError):
        s.set_key_date(m.id, m.version, "exchange", "2031-03-18")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        office.admin.matters.create(
            title="X",
            practice_area="conveyancing",
            clients=[office.client().id],
            responsible=office.users["admin"].id,
            key_dates={"trial": datetime.datetime(2031, 1, 1)},
        )


def define_fields(office: Office) -> None:
    settings = office.admin.settings
    fields = [
        ("purchase_ref", "Purchase reference", "text", ()),
        ("units", "Number of units", "number", ()),
        ("price", "Price", "decimal", ()),
        ("exchange_target", "Target exchange date", "date", ()),
        ("leasehold", "Leasehold", "bool", ()),
        ("tenure", "Tenure", "choice", ("freehold", "leasehold", "commonhold")),
        ("surveyor", "Surveyor", "contact_ref", ()),
    ]
    for key, label, kind, choices in fields:
        v = settings.get().version
        settings.define_custom_field(v, key=key, label=label, kind=kind, choices=choices)


def test_custom_fields_of_each_kind(office: Office) -> None:
    define_fields(office)
    defs = office.admin.settings.get().custom_fields
    assert [(d.key, d.kind) for d in defs][-1] == ("surveyor", "contact_ref")
    assert next(d for d in defs if d.key == "tenure").choices == [
        "freehold",
        "leasehold",
        "commonhold",
    ]
    s = office.admin.matters
    surveyor = office.admin.contacts.create_organisation(name="Survey Co Ltd")
    m = office.matter()
    values: list[tuple[str, object]] = [
        ("purchase_ref", "P-42"),
        ("units", 3),
        ("price", Decimal("450000.00")),
        ("exchange_target", datetime.date(2031, 3, 1)),
        ("leasehold", False),
        ("tenure", "freehold"),
        ("surveyor", surveyor.id),
    ]
    for key, value in values:
        m = s.set_custom_field(m.id, m.version, key, value)  # type: ignore[arg-type]
    fields = m.custom_fields
    assert fields == dict(values)
    assert type(fields["leasehold"]) is bool and type(fields["units"]) is int
    assert isinstance(fields["price"], Decimal)
    assert isinstance(fields["surveyor"], uuid.UUID)
    m = s.set_custom_field(m.id, m.version, "units", None)
    assert "units" not in m.custom_fields

    with pytest.raises(TypeError, match="float"):
        s.set_custom_field(m.id, m.version, "price", 1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        s.set_custom_field(m.id, m.version, "exchange_target", datetime.datetime(2031, 1, 1))
    with pytest.raises(lexcase.ValidationError):
        s.set_custom_field(m.id, m.version, "units", "three")  # text for a number field
    with pytest.raises(lexcase.ValidationError):
        s.set_custom_field(m.id, m.version, "leasehold", 1)  # an int is not a bool
    with pytest.raises(lexcase.ValidationError):
        s.set_custom_field(m.id, m.version, "tenure", "rental")
    with pytest.raises(lexcase.ValidationError):
        s.set_custom_field(m.id, m.version, "colour", "red")
    with pytest.raises(lexcase.NotFoundError):
        s.set_custom_field(m.id, m.version, "surveyor", uuid.uuid4())


def test_ids_are_typed_at_the_boundary(office: Office) -> None:
    m = office.matter()
    with pytest.raises(TypeError, match="uuid.UUID"):
        office.admin.matters.get(str(m.id))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="uuid.UUID"):
        office.admin.matters.create(
            title="X",
            practice_area="conveyancing",
            clients=[str(office.client().id)],  # type: ignore[list-item]
            responsible=office.users["admin"].id,
        )
    with pytest.raises(lexcase.NotFoundError) as err:
        office.admin.matters.get(uuid.uuid4())
    assert err.value.entity == "matter"
