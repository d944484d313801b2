"""session.audit: history, the change feed and verification."""

from __future__ import annotations

import datetime
import pathlib
import uuid

import pytest

import lexcase
from conftest import Office


def test_history_of_a_matter(office: Office) -> None:
    s = office.admin.matters
    m = office.matter()
    m = s.open(m.id, m.version)
    m = s.update(m.id, m.version, title="Purchase of 14 Acacia Avenue")
    m = s.set_key_date(m.id, m.version, "completion", datetime.date(2031, 4, 1))
    events = office.admin.audit.history(m.id)
    assert [e.action for e in events] == [
        "matter.created",
        "matter.opened",
        "matter.updated",
        "matter.key_date_set",
    ]
    seqs = [e.seq for e in events]
    assert seqs == sorted(seqs)
    updated = events[2]
    assert updated.entity_kind == "matter" and updated.entity_id == m.id
    assert updated.matter == m.id
    assert updated.actor == office.users["admin"].id
    assert updated.at.tzinfo is not None
    assert updated.at.utcoffset() == datetime.timedelta(0)
    assert isinstance(updated.id, uuid.UUID)
    title = next(c for c in updated.changes if c.field == "title")
    assert (title.before, title.after) == (
        "Purchase of 12 Acacia Avenue",
        "Purchase of 14 Acacia Avenue",
    )
    key_date = next(c for c in events[3].changes if c.field.startswith("key_dates"))
    assert key_date.before is None and key_date.after == "2031-04-01"
    created = events[0]
    access = next(c for c in created.changes if c.field == "access")
    assert access.after == {"visibility": "firm", "walls": []}
    assert len(updated.hash) == 64 and updated.prev_hash != updated.hash


def test_history_of_the_firm_and_a_user(office: Office) -> None:
    firm_events = office.admin.audit.history(uuid.UUID(int=0))
    assert firm_events[0].action == "firm.initialised"
    assert firm_events[0].entity_kind == "firm"
    user_events = office.admin.audit.history(office.users["paralegal"].id)
    assert [e.action for e in user_events] == ["user.created"]


def test_changes_since_pages_through_the_feed(office: Office) -> None:
    office.matter()
    audit = office.admin.audit
    everything = audit.changes_since()
    assert not everything.more
    total = len(everything.events)
    assert total > 5
    seen: list[int] = []
    cursor = 0
    while True:
        batch = audit.changes_since(cursor, 3)
        seen.extend(e.seq for e in batch.events)
        assert len(batch.events) <= 3
        cursor = batch.next_cursor
        if not batch.more:
            break
    assert seen == [e.seq for e in everything.events] == list(range(1, total + 1))
    assert audit.changes_since(cursor).events == []
    with pytest.raises(lexcase.ValidationError) as err:
        audit.changes_since(0, 0)
    assert err.value.field == "limit"


def test_verify_is_intact_and_needs_the_capability(office: Office) -> None:
    office.matter()
    result = office.admin.audit.verify()
    assert result.is_intact is True
    assert result.first_broken is None
    assert result.events_checked == len(office.admin.audit.changes_since(0, 1000).events)
    assert office.as_("accounts").audit.verify().is_intact
    with pytest.raises(lexcase.PermissionDeniedError) as err:
        office.as_("paralegal").audit.verify()
    assert err.value.action == "view_audit"


def test_rates_in_the_feed_are_redacted_for_a_paralegal(office: Office) -> None:
    fee_earner = office.users["fee_earner"]
    events = office.as_("paralegal").audit.history(fee_earner.id)
    rate = next(c for c in events[0].changes if c.field.startswith("default_rate"))
    assert rate.after == "[redacted]"


def test_head_anchoring_and_state_verification(office: Office) -> None:
    audit = office.admin.audit
    office.matter()
    head = audit.head()
    assert head is not None and head.seq > 0 and len(head.hash) == 64
    anchored = lexcase.AuditHead.parse(str(head))
    assert anchored == head
    office.matter()
    v = audit.verify(expected_head=anchored)
    assert v.is_intact and v.key_needed_from is None and v.keyed_from is None
    assert audit.verify().events_checked == v.events_checked
    other = lexcase.AuditHead.parse(f"{head.seq}:{'0' * 64}")
    broken = audit.verify(expected_head=other)
    assert not broken.is_intact
    assert broken.first_broken is not None and broken.first_broken.seq == head.seq
    with pytest.raises(lexcase.ValidationError):
        lexcase.AuditHead.parse("not a head")

    state = audit.verify_state()
    assert state.is_consistent and state.unexplained_count == 0
    assert state.rows_checked > 0 and "time_entry" in state.kinds
    assert state.unexplained == []


def test_a_keyed_chain_needs_its_key(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "firm.lexcase"
    key = b"k" * 32
    firm = lexcase.open(path, audit_key=key)
    admin = firm.initialise(
        name="Smith & Co", currency="GBP", matter_number_format="{CLIENT3}-{SEQ:4}",
        time_zone="Europe/London", admin_name="Ada Admin", admin_email="ada@smith.example",
    )
    v = firm.session(admin.id).audit.verify()
    assert v.is_intact and v.keyed_from == 1
    del firm

    unkeyed = lexcase.open(path).session(admin.id)
    v = unkeyed.audit.verify()
    assert not v.is_intact and v.key_needed_from == 1 and v.first_broken is None
    with pytest.raises(lexcase.IncompatibleDatabaseError):
        unkeyed.contacts.create_person(given_name="Jane", family_name="Smith")
    with pytest.raises(lexcase.ValidationError):
        lexcase.open(path, audit_key=b"short")
