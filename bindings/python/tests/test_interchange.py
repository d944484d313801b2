"""session.interchange: iCalendar calendars read back with `icalendar`, vCards with `vobject`."""

from __future__ import annotations

import datetime
from typing import Any

import icalendar
import pytest
import vobject  # type: ignore[import-untyped]

import lexcase
from conftest import Office

LONDON = "Europe/London"
SUMMARY = "Weekly call, re: Smith; Jones"


def lines_of(text: str) -> list[bytes]:
    """The physical lines, checking every one ends in CRLF."""
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    return lines


def check_folding(text: str) -> None:
    lines = lines_of(text)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines), "long lines are folded"


def components(cal: icalendar.Calendar, name: str) -> list[Any]:
    return [c for c in cal.walk(name)]


def fill_calendar(office: Office) -> tuple[lexcase.Matter, lexcase.User]:
    """A weekly series with one occurrence cancelled and one moved, a deadline and a task."""
    fee_earner = office.users["fee_earner"]
    s = office.as_("fee_earner")
    m = office.matter("Smith v Jones")
    a = s.appointments.create(
        title=SUMMARY,
        start=datetime.datetime(2026, 12, 7, 10),
        end=datetime.datetime(2026, 12, 7, 11),
        zone=LONDON,
        recurrence="FREQ=WEEKLY;COUNT=4",
        matter=m.id,
        attendee_users=[fee_earner.id],
        reminders=[15],
    )
    a = s.appointments.change_occurrence(
        a.id, a.version, original_start=datetime.datetime(2026, 12, 14, 10), cancel=True
    )
    s.appointments.change_occurrence(
        a.id,
        a.version,
        original_start=datetime.datetime(2026, 12, 21, 10),
        start=datetime.datetime(2026, 12, 22, 9),
        end=datetime.datetime(2026, 12, 22, 10),
        zone=LONDON,
    )
    s.docket.add(
        matter=m.id,
        rule="frcp-reply-counterclaim",
        trigger_date=datetime.date(2026, 12, 4),
        service="mail",
        responsible=fee_earner.id,
    )
    s.tasks.create(
        title="Chase the expert",
        matter=m.id,
        assignee_user=fee_earner.id,
        due_on=datetime.date(2026, 12, 10),
    )
    return m, fee_earner


def check_calendar(text: str) -> None:
    check_folding(text)
    cal = icalendar.Calendar.from_ical(text)
    assert cal.get("VERSION") == "2.0"
    (tz,) = components(cal, "VTIMEZONE")
    assert str(tz["TZID"]) == LONDON
    events = components(cal, "VEVENT")
    assert len(events) == 2
    series, moved = sorted(events, key=lambda e: "RECURRENCE-ID" in e)
    assert series["UID"] == moved["UID"]
    assert series["RRULE"]["FREQ"] == ["WEEKLY"] and series["RRULE"]["COUNT"] == [4]
    assert str(series["SUMMARY"]) == SUMMARY
    assert series.decoded("DTSTART") == datetime.datetime(
        2026, 12, 7, 10, tzinfo=series.decoded("DTSTART").tzinfo
    )
    assert str(series["DTSTART"].params["TZID"]) == LONDON
    exdates = [d.dt for d in series["EXDATE"].dts]
    assert [(d.date(), d.hour) for d in exdates] == [(datetime.date(2026, 12, 14), 10)]
    recurrence_id = moved.decoded("RECURRENCE-ID")
    assert (recurrence_id.date(), recurrence_id.hour) == (datetime.date(2026, 12, 21), 10)
    assert moved.decoded("DTSTART").date() == datetime.date(2026, 12, 22)
    (alarm,) = components(series, "VALARM")
    assert alarm.decoded("TRIGGER") == -datetime.timedelta(minutes=15)
    todos = {str(t["CATEGORIES"].cats[0]): t for t in components(cal, "VTODO")}
    assert set(todos) == {"DEADLINE", "TASK"}
    deadline = todos["DEADLINE"]
    assert deadline.decoded("DUE") == datetime.date(2026, 12, 31)
    assert "FRCP 6(d)" in str(deadline["DESCRIPTION"])
    triggers = sorted(a.decoded("TRIGGER") for a in components(deadline, "VALARM"))
    assert triggers == [-datetime.timedelta(days=n) for n in (30, 7, 1)]
    assert todos["TASK"].decoded("DUE") == datetime.date(2026, 12, 10)
    assert str(todos["TASK"]["SUMMARY"]) == "Chase the expert"
    for component in [*events, *todos.values()]:
        stamp = component["DTSTAMP"]
        assert stamp.to_ical().endswith(b"Z")
        assert stamp.dt.utcoffset() == datetime.timedelta(0)
    assert "SUMMARY:Weekly call\\, re: Smith\\; Jones" in text


def test_user_calendar_is_valid_icalendar(office: Office) -> None:
    _, fee_earner = fill_calendar(office)
    text = office.admin.interchange.user_calendar(
        fee_earner.id, from_date=datetime.date(2026, 12, 1), to_date=datetime.date(2027, 1, 31)
    )
    check_calendar(text)
    # Outside the range: the deadline and the task fall away.
    early = office.admin.interchange.user_calendar(
        fee_earner.id, from_date=datetime.date(2026, 1, 1), to_date=datetime.date(2026, 1, 31)
    )
    cal = icalendar.Calendar.from_ical(early)
    assert components(cal, "VTODO") == [] and components(cal, "VEVENT") == []


def test_matter_calendar_is_valid_icalendar(office: Office) -> None:
    m, _ = fill_calendar(office)
    check_calendar(office.admin.interchange.matter_calendar(m.id))
    walled = office.as_("secretary")
    office.admin.matters.add_ethical_wall(
        m.id, office.admin.matters.get(m.id).version, office.users["secretary"].id, "conflict"
    )
    with pytest.raises(lexcase.NotFoundError):
        walled.interchange.matter_calendar(m.id)


def test_export_contacts_as_vcard(office: Office) -> None:
    contacts = office.admin.contacts
    jane = contacts.create_person(
        given_name="Jane",
        family_name="Smith",
        emails=["jane@smith.example"],
        phones=["+44 20 7946 0000"],
        addresses=[
            lexcase.PostalAddress(
                lines=["12 Acacia Avenue"], locality="London", postal_code="N1 1AA", country="GB"
            )
        ],
    )
    acme = contacts.create_organisation(name="Acme, Widgets; Ltd")
    text = office.admin.interchange.export_contacts([jane.id, acme.id])
    lines_of(text)
    cards = list(vobject.readComponents(text))
    assert [c.fn.value for c in cards] == ["Jane Smith", "Acme, Widgets; Ltd"]
    card = cards[0]
    assert card.version.value == "4.0"
    assert (card.n.value.family, card.n.value.given) == ("Smith", "Jane")
    assert card.email.value == "jane@smith.example"
    assert card.tel.value == "+44 20 7946 0000"
    adr = card.adr.value
    assert (adr.street, adr.city, adr.code, adr.country) == (
        "12 Acacia Avenue",
        "London",
        "N1 1AA",
        "GB",
    )
    with pytest.raises(lexcase.NotFoundError):
        office.admin.interchange.export_contacts([office.users["admin"].id])


HAND_WRITTEN = (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Peter Parker\r\n"
    "N:Parker;Peter;;;\r\n"
    "EMAIL:peter@bugle.example\r\n"
    "TEL:+1 212 555 0100\r\n"
    "ADR:;;20 Ingram Street;New York;NY;11375;US\r\n"
    "NOTE:Met at the deposition\\, prefers email\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "KIND:org\r\n"
    "FN:Daily Bugle\r\n"
    "END:VCARD\r\n"
)


def test_import_contacts_written_by_hand(office: Office) -> None:
    s = office.as_("fee_earner")
    peter, bugle = s.interchange.import_contacts(HAND_WRITTEN)
    assert (peter.kind, peter.given_name, peter.family_name) == ("person", "Peter", "Parker")
    assert [e.address for e in peter.emails] == ["peter@bugle.example"]
    assert [p.number for p in peter.phones] == ["+1 212 555 0100"]
    (adr,) = peter.addresses
    assert (adr.lines, adr.locality, adr.postal_code) == (["20 Ingram Street"], "New York", "11375")
    assert (bugle.kind, bugle.display_name) == ("organisation", "Daily Bugle")
    assert s.contacts.get(peter.id) == peter
    notes = s.notes.for_contact(peter.id)
    assert [n.body for n in notes] == ["Met at the deposition, prefers email"]


def test_import_contacts_serialised_by_vobject(office: Office) -> None:
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("fn").value = "Ann Lee"
    card.add("n").value = vobject.vcard.Name(family="Lee", given="Ann")
    card.add("email").value = "ann@lee.example"
    text = card.serialize()
    assert "VERSION:4.0" in text
    (ann,) = office.admin.interchange.import_contacts(text)
    assert (ann.given_name, ann.family_name) == ("Ann", "Lee")
    assert [e.address for e in ann.emails] == ["ann@lee.example"]
    # What lexcase exports imports again as new contacts.
    again = office.admin.interchange.import_contacts(
        office.admin.interchange.export_contacts([ann.id])
    )
    assert [(c.given_name, c.family_name) for c in again] == [("Ann", "Lee")]
    assert again[0].id != ann.id


def test_a_bad_card_imports_nothing(office: Office) -> None:
    s = office.admin
    before = s.contacts.search().total
    no_fn = HAND_WRITTEN + "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Nobody;No;;;\r\nEND:VCARD\r\n"
    with pytest.raises(lexcase.ValidationError):
        s.interchange.import_contacts(no_fn)
    with pytest.raises(lexcase.ValidationError):
        s.interchange.import_contacts(HAND_WRITTEN.replace("VERSION:4.0", "VERSION:3.0", 1))
    assert s.contacts.search().total == before


def test_every_import_is_bounded_before_parsing(office: Office) -> None:
    """An oversized import is refused on its size, before a parser sees it."""
    data = " " * (16 * 1024 * 1024 + 1)
    definition = " " * (1024 * 1024 + 1)
    calls: list[tuple[str, Any]] = [
        ("vcard", lambda: office.admin.interchange.import_contacts(data)),
        ("rule_pack", lambda: lexcase.rule_pack_from_toml(definition)),
        ("rule_pack", lambda: lexcase.compliance_pack_from_json(definition)),
    ]
    for field, call in calls:
        with pytest.raises(lexcase.ValidationError) as err:
            call()
        assert err.value.field == field
        assert "longer than" in str(err.value)
