"""Lists page by offset or by cursor (``after=page.next_cursor``): the same items either way,
and a long list read by cursor costs the same for every page."""

from __future__ import annotations

import datetime

import pytest

import lexcase
from conftest import Office

DAY = datetime.date(2026, 11, 2)


def test_a_list_reads_the_same_by_cursor_as_by_offset(office: Office) -> None:
    m = office.matter()
    office.as_("fee_earner").time.record_many(
        [
            lexcase.NewTimeEntry(
                matter=m.id,
                date=DAY + datetime.timedelta(days=i % 9),
                duration=600 + i,
                narrative=f"Work {i}",
            )
            for i in range(23)
        ]
    )
    time = office.admin.time
    by_offset = [e.id for offset in range(0, 23, 5) for e in time.list(offset=offset, limit=5)]
    first = time.list(limit=5)
    assert first.total == 23
    by_cursor = [e.id for e in first]
    cursor = first.next_cursor
    while cursor is not None:
        page = time.list(limit=5, after=cursor)
        assert page.total == 23
        by_cursor.extend(e.id for e in page)
        cursor = page.next_cursor
    assert by_cursor == by_offset
    assert len(set(by_cursor)) == 23


def test_bad_cursors_are_validation_errors(office: Office) -> None:
    m = office.matter()
    office.as_("fee_earner").time.record(matter=m.id, date=DAY, duration=600, narrative="Work")
    office.as_("fee_earner").time.record(matter=m.id, date=DAY, duration=700, narrative="More")
    cursor = office.admin.time.list(limit=1).next_cursor
    assert cursor is not None
    for bad in ["zz", "not a cursor!", ""]:
        with pytest.raises(lexcase.ValidationError) as err:
            office.admin.time.list(after=bad)
        assert err.value.field == "cursor"
    with pytest.raises(lexcase.ValidationError) as err:
        office.admin.time.list(offset=1, after=cursor)
    assert err.value.field == "offset"
    # A cursor of another list is refused, never misread.
    with pytest.raises(lexcase.ValidationError):
        office.admin.users.list(after=cursor)
    # Searches are ranked and page by offset only.
    assert office.admin.notes.search("anything").next_cursor is None
