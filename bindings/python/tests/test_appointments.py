"""session.appointments: series with changed occurrences, agendas, clashes, matter calendars,
history, validation and concurrency."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest

import lexcase
from conftest import Office

UTC = datetime.timezone.utc
LONDON = "Europe/London"


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    """A naive wall-clock time in 2031."""
    return datetime.datetime(2031, month, day, hour, minute)


def test_weekly_series_with_a_moved_and_a_cancelled_occurrence(office: Office) -> None:
    fe = office.as_("fee_earner").appointments
    me = office.users["fee_earner"].id
    paralegal = office.users["paralegal"].id
    a = fe.create(
        title="Team meeting",
        start=at(3, 4, 9),
        end=at(3, 4, 10),
        zone=LONDON,
        kind="meeting",
        location="Room 1",
        recurrence="FREQ=WEEKLY;COUNT=5",
        attendee_users=[paralegal],
        reminders=[15, 60],
    )
    assert (a.title, a.kind, a.location, a.status, a.version) == (
        "Team meeting",
        "meeting",
        "Room 1",
        "scheduled",
        1,
    )
    assert (a.all_day, a.start, a.end, a.zone, a.first_day, a.last_day) == (
        False,
        at(3, 4, 9),
        at(3, 4, 10),
        LONDON,
        None,
        None,
    )
    assert a.start is not None and a.start.tzinfo is None
    assert a.recurrence == "FREQ=WEEKLY;COUNT=5"
    assert (a.attendee_users, a.attendee_contacts, a.reminders) == ([paralegal], [], [60, 15])
    assert (a.organiser, a.matter, a.exceptions) == (me, None, [])
    assert fe.get(a.id) == a

    a = fe.change_occurrence(
        a.id,
        a.version,
        original_start=at(3, 11, 9),
        start=at(3, 12, 14),
        end=at(3, 12, 15),
        zone=LONDON,
        title="Team meeting (moved)",
    )
    a = fe.change_occurrence(a.id, a.version, original_start=at(3, 18, 9), cancel=True)
    assert a.version == 3
    moved, cancelled = a.exceptions
    assert (moved.original_start, moved.cancelled, moved.start, moved.end, moved.zone) == (
        at(3, 11, 9),
        False,
        at(3, 12, 14),
        at(3, 12, 15),
        LONDON,
    )
    assert (moved.title, moved.location, moved.first_day) == ("Team meeting (moved)", None, None)
    assert (cancelled.original_start, cancelled.cancelled, cancelled.start) == (
        at(3, 18, 9),
        True,
        None,
    )

    agenda = fe.agenda(me, from_date=datetime.date(2031, 3, 1), to_date=datetime.date(2031, 4, 5))
    assert [(o.title, o.start, o.original_start, o.changed) for o in agenda] == [
        ("Team meeting", at(3, 4, 9), at(3, 4, 9), False),
        ("Team meeting (moved)", at(3, 12, 14), at(3, 11, 9), True),
        ("Team meeting", at(3, 25, 9), at(3, 25, 9), False),
        ("Team meeting", at(4, 1, 9), at(4, 1, 9), False),
    ]
    first = agenda[0]
    assert first.appointment == a.id and first.recurring and first.kind == "meeting"
    assert (first.location, first.zone, first.all_day, first.reminders) == (
        "Room 1",
        LONDON,
        False,
        [60, 15],
    )
    assert first.starts_at == datetime.datetime(2031, 3, 4, 9, tzinfo=UTC)
    assert first.ends_at == datetime.datetime(2031, 3, 4, 10, tzinfo=UTC)
    # Clocks go forward on 30 March 2031: 09:00 in London is 08:00 UTC on 1 April.
    assert agenda[-1].starts_at == datetime.datetime(2031, 4, 1, 8, tzinfo=UTC)
    assert agenda[-1].starts_at.tzinfo is not None
    # An attendee sees the same occurrences.
    theirs = office.as_("paralegal").appointments.agenda(
        paralegal, from_date=datetime.date(2031, 3, 1), to_date=datetime.date(2031, 4, 5)
    )
    assert theirs == agenda
    assert (
        fe.agenda(
            office.users["partner"].id,
            from_date=datetime.date(2031, 3, 1),
            to_date=datetime.date(2031, 4, 5),
        )
        == []
    )
    assert "Team meeting" in repr(first) and repr(a).startswith("Appointment(")

    # Restoring an occurrence: no change given.
    a = fe.change_occurrence(a.id, a.version, original_start=at(3, 18, 9))
    restored = fe.agenda(
        me, from_date=datetime.date(2031, 3, 18), to_date=datetime.date(2031, 3, 18)
    )
    assert [(o.title, o.start) for o in restored] == [("Team meeting", at(3, 18, 9))]


def test_clashes_between_timed_entries(office: Office) -> None:
    fe = office.as_("fee_earner").appointments
    me = office.users["fee_earner"].id
    fe.create(
        title="Client call", kind="call", start=at(5, 6, 9, 30), end=at(5, 6, 10, 30), zone=LONDON
    )
    # Organised by someone else, attended by the fee earner.
    office.admin.appointments.create(
        title="Partners' lunch",
        start=at(5, 6, 10),
        end=at(5, 6, 11),
        zone=LONDON,
        attendee_users=[me],
    )
    # Back to back, and all-day: no clash.
    fe.create(title="Drafting", start=at(5, 6, 11), end=at(5, 6, 12), zone=LONDON)
    fe.create(title="Training day", first_day=datetime.date(2031, 5, 6))
    found = fe.clashes(me, from_date=datetime.date(2031, 5, 1), to_date=datetime.date(2031, 5, 31))
    assert [(c.first.title, c.second.title) for c in found] == [("Client call", "Partners' lunch")]
    assert found[0].first.starts_at < found[0].second.starts_at < found[0].first.ends_at
    assert repr(found[0]).startswith("Clash(first=Occurrence(")
    assert (
        fe.clashes(me, from_date=datetime.date(2031, 6, 1), to_date=datetime.date(2031, 6, 30))
        == []
    )


def test_all_day_hearing_on_a_matter_calendar(office: Office) -> None:
    m = office.matter()
    admin = office.admin.appointments
    client = office.client("Jane", "Witness")
    hearing = admin.create(
        title="Final hearing",
        kind="hearing",
        matter=m.id,
        first_day=datetime.date(2031, 5, 6),
        last_day=datetime.date(2031, 5, 7),
        location="County Court",
        attendee_users=[office.users["fee_earner"].id],
        attendee_contacts=[client.id],
    )
    assert (hearing.all_day, hearing.first_day, hearing.last_day, hearing.start, hearing.zone) == (
        True,
        datetime.date(2031, 5, 6),
        datetime.date(2031, 5, 7),
        None,
        None,
    )
    assert hearing.matter == m.id and hearing.attendee_contacts == [client.id]
    single = admin.create(title="Directions", matter=m.id, first_day=datetime.date(2031, 5, 20))
    assert single.last_day == datetime.date(2031, 5, 20)
    admin.create(title="Unrelated", first_day=datetime.date(2031, 5, 6))

    calendar = admin.of_matter(
        m.id, from_date=datetime.date(2031, 5, 1), to_date=datetime.date(2031, 5, 31)
    )
    assert [o.title for o in calendar] == ["Final hearing", "Directions"]
    o = calendar[0]
    assert (o.all_day, o.first_day, o.last_day, o.kind, o.matter, o.recurring) == (
        True,
        datetime.date(2031, 5, 6),
        datetime.date(2031, 5, 7),
        "hearing",
        m.id,
        False,
    )
    # Whole days in the firm's zone (London, on summer time).
    assert o.starts_at == datetime.datetime(2031, 5, 5, 23, tzinfo=UTC)
    assert o.ends_at == datetime.datetime(2031, 5, 7, 23, tzinfo=UTC)
    assert (
        admin.of_matter(
            m.id, from_date=datetime.date(2031, 6, 1), to_date=datetime.date(2031, 6, 2)
        )
        == []
    )
    # A hearing is all-day: it never clashes.
    fe_id = office.users["fee_earner"].id
    assert [
        x.title
        for x in admin.agenda(
            fe_id, from_date=datetime.date(2031, 5, 6), to_date=datetime.date(2031, 5, 6)
        )
    ] == ["Final hearing"]


def test_history_records_each_action(office: Office) -> None:
    fe = office.as_("fee_earner").appointments
    a = fe.create(title="Review", start=at(6, 2, 9), end=at(6, 2, 10), zone=LONDON)
    a = fe.update(a.id, a.version, title="File review", description="Quarterly")
    assert (a.title, a.description, a.start, a.recurrence) == (
        "File review",
        "Quarterly",
        at(6, 2, 9),
        None,
    )
    a = fe.update(a.id, a.version, recurrence="FREQ=DAILY;COUNT=3")
    a = fe.change_occurrence(a.id, a.version, original_start=at(6, 3, 9), cancel=True)
    a = fe.change_occurrence(a.id, a.version, original_start=at(6, 4, 9), location="Room 2")
    a = fe.cancel(a.id, a.version)
    assert a.status == "cancelled"
    events = fe.history(a.id)
    assert [e.action for e in events] == [
        "appointment.created",
        "appointment.updated",
        "appointment.moved",
        "appointment.occurrence_cancelled",
        "appointment.occurrence_changed",
        "appointment.cancelled",
    ]
    assert all(e.entity_kind == "appointment" and e.entity_id == a.id for e in events)
    # The admin sees the real chain; the fee earner (no view_audit) sees the same events with
    # pseudonyms for their sequence numbers.
    assert [e.id for e in office.admin.audit.history(a.id)] == [e.id for e in events]
    # A cancelled entry leaves the agenda and takes no more changes.
    me = office.users["fee_earner"].id
    assert (
        fe.agenda(me, from_date=datetime.date(2031, 6, 1), to_date=datetime.date(2031, 6, 30)) == []
    )
    with pytest.raises(lexcase.ValidationError) as err:
        fe.update(a.id, a.version, title="Again")
    assert err.value.field == "status"


def test_update_replaces_schedule_recurrence_and_attendees_only_when_given(office: Office) -> None:
    fe = office.as_("fee_earner").appointments
    paralegal, secretary = office.users["paralegal"].id, office.users["secretary"].id
    client = office.client()
    a = fe.create(
        title="Weekly",
        start=at(7, 1, 9),
        end=at(7, 1, 10),
        zone=LONDON,
        recurrence="FREQ=WEEKLY;COUNT=3",
        attendee_users=[paralegal],
        attendee_contacts=[client.id],
    )
    a = fe.update(a.id, a.version, location="Room 3")
    assert (a.recurrence, a.attendee_users, a.attendee_contacts, a.location) == (
        "FREQ=WEEKLY;COUNT=3",
        [paralegal],
        [client.id],
        "Room 3",
    )
    a = fe.update(a.id, a.version, attendee_users=[secretary], reminders=[30])
    assert (a.attendee_users, a.attendee_contacts, a.reminders) == ([secretary], [], [30])
    a = fe.update(a.id, a.version, recurrence=None, first_day=datetime.date(2031, 7, 3))
    assert (a.recurrence, a.all_day, a.first_day, a.last_day, a.start) == (
        None,
        True,
        datetime.date(2031, 7, 3),
        datetime.date(2031, 7, 3),
        None,
    )
    a = fe.update(
        a.id, a.version, kind="call", start=at(7, 3, 14), end=at(7, 3, 15), zone="America/New_York"
    )
    occurrences = fe.agenda(
        office.users["fee_earner"].id,
        from_date=datetime.date(2031, 7, 3),
        to_date=datetime.date(2031, 7, 3),
    )
    assert [(o.kind, o.starts_at) for o in occurrences] == [
        ("call", datetime.datetime(2031, 7, 3, 14, tzinfo=zoneinfo.ZoneInfo("America/New_York")))
    ]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"start": at(3, 4, 9), "end": at(3, 4, 10), "zone": "Mars/Base"}, "zone"),
        (
            {
                "start": at(3, 4, 9),
                "end": at(3, 4, 10),
                "zone": LONDON,
                "recurrence": "FREQ=SOMETIMES",
            },
            "recurrence",
        ),
        ({"start": at(3, 4, 11), "end": at(3, 4, 10), "zone": LONDON}, "schedule"),
        (
            {
                "start": at(3, 4, 9),
                "end": at(3, 4, 10),
                "zone": LONDON,
                "first_day": datetime.date(2031, 3, 4),
            },
            "schedule",
        ),
        ({}, "schedule"),
        ({"start": at(3, 4, 9), "end": at(3, 4, 10)}, "zone"),
        ({"start": at(3, 4, 9), "zone": LONDON}, "end"),
        ({"last_day": datetime.date(2031, 3, 4)}, "first_day"),
        (
            {"first_day": datetime.date(2031, 3, 5), "last_day": datetime.date(2031, 3, 4)},
            "schedule",
        ),
        ({"first_day": datetime.date(2031, 3, 4), "kind": "party"}, "kind"),
        ({"first_day": datetime.date(2031, 3, 4), "reminders": [-5]}, "reminders"),
        # 01:30 on 30 March 2031 does not exist in London.
        ({"start": at(3, 30, 1, 30), "end": at(3, 30, 3), "zone": LONDON}, "start"),
        # Finer than daily without COUNT or UNTIL, a zero INTERVAL, no occurrence at all.
        (
            {
                "start": at(3, 4, 9),
                "end": at(3, 4, 10),
                "zone": LONDON,
                "recurrence": "FREQ=HOURLY",
            },
            "recurrence",
        ),
        (
            {
                "start": at(3, 4, 9),
                "end": at(3, 4, 10),
                "zone": LONDON,
                "recurrence": "FREQ=DAILY;INTERVAL=0",
            },
            "recurrence",
        ),
        (
            {
                "start": at(3, 4, 9),
                "end": at(3, 4, 10),
                "zone": LONDON,
                "recurrence": "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
            },
            "recurrence",
        ),
    ],
)
def test_create_refuses_bad_schedules(
    office: Office, kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(lexcase.ValidationError) as err:
        office.admin.appointments.create(title="Bad", **kwargs)  # type: ignore[arg-type]
    assert err.value.field == field


def test_other_refusals(office: Office) -> None:
    s = office.admin.appointments
    me = office.users["admin"].id
    a = s.create(
        title="Weekly",
        start=at(3, 4, 9),
        end=at(3, 4, 10),
        zone=LONDON,
        recurrence="FREQ=WEEKLY;COUNT=2",
    )
    with pytest.raises(lexcase.ValidationError) as err:
        s.change_occurrence(a.id, a.version, original_start=at(3, 5, 9), cancel=True)
    assert err.value.field == "original_start"
    with pytest.raises(lexcase.ValidationError) as err:
        s.change_occurrence(a.id, a.version, original_start=at(3, 4, 9), cancel=True, title="x")
    assert err.value.field == "cancel"
    with pytest.raises(lexcase.ValidationError) as err:
        s.update(a.id, a.version, first_day=datetime.date(2031, 3, 4), zone=LONDON)
    assert err.value.field == "schedule"
    with pytest.raises(lexcase.ValidationError) as err:
        s.agenda(me, from_date=datetime.date(2031, 3, 4), to_date=datetime.date(2031, 3, 3))
    assert err.value.field == "to_date"
    with pytest.raises(lexcase.ValidationError) as err:
        s.clashes(me, from_date=datetime.date(2031, 1, 1), to_date=datetime.date(2032, 6, 1))
    assert err.value.field == "to_date"
    with pytest.raises(TypeError):
        s.create(
            title="Aware",
            start=datetime.datetime(2031, 3, 4, 9, tzinfo=UTC),
            end=at(3, 4, 10),
            zone=LONDON,
        )
    with pytest.raises(TypeError):
        s.agenda(me, from_date=at(3, 4, 0), to_date=datetime.date(2031, 3, 5))
    with pytest.raises(lexcase.NotFoundError):
        s.get(office.users["admin"].id)


def test_stale_version_and_permissions(office: Office) -> None:
    fe = office.as_("fee_earner").appointments
    a = fe.create(title="Meeting", start=at(8, 5, 9), end=at(8, 5, 10), zone=LONDON)
    fe.update(a.id, a.version, title="Meeting moved")
    with pytest.raises(lexcase.StaleVersionError) as err:
        fe.update(a.id, a.version, title="Lost update")
    assert (err.value.expected, err.value.actual) == (1, 2)
    # Not the organiser nor attending, and without edit_matters.
    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("read_only").appointments.cancel(a.id, 2)
    m = office.matter()
    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("read_only").appointments.create(
            title="On a matter", matter=m.id, first_day=datetime.date(2031, 8, 5)
        )


def test_a_series_started_in_1990_shows_in_a_week_of_2031(office: Office) -> None:
    fe = office.as_("fee_earner").appointments
    me = office.users["fee_earner"].id
    fe.create(
        title="Morning call",
        start=datetime.datetime(1990, 1, 1, 9),
        end=datetime.datetime(1990, 1, 1, 9, 15),
        zone=LONDON,
        recurrence="FREQ=DAILY",
        attendee_users=[me],
    )
    week = fe.agenda(me, from_date=datetime.date(2031, 3, 3), to_date=datetime.date(2031, 3, 9))
    assert [o.original_start for o in week] == [
        datetime.datetime(2031, 3, d, 9) for d in range(3, 10)
    ]
