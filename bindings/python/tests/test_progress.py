"""progress= on the long calls (sweep, vCard import, bulk time, conflict re-check, rendering
many documents): the callable sees each phase count up to its total, and returning False — or
raising — cancels with nothing written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

import lexcase
from billed import billed_firm
from conftest import Office

class Watch:
    """A progress callable that records every update and cancels at the first one `stop`
    picks."""

    def __init__(self, stop: Callable[[str, int, int | None], bool] = lambda *_: False) -> None:
        self.seen: list[tuple[str, int, int | None]] = []
        self.stop = stop

    def __call__(self, phase: str, done: int, total: int | None) -> bool:
        self.seen.append((phase, done, total))
        return not self.stop(phase, done, total)

    def counted(self, phase: str) -> list[int]:
        """The `done` of each update of `phase`, each checked to carry the same total."""
        updates = [(d, t) for p, d, t in self.seen if p == phase]
        assert updates, f"{phase} not reported: {self.seen}"
        total = updates[-1][1]
        assert all(t == total for _, t in updates), self.seen
        assert updates[-1][0] == total, self.seen
        return [d for d, _ in updates]


def at_end(phase: str) -> Callable[[str, int, int | None], bool]:
    """Cancels at the last update of `phase`: everything of it was done."""
    return lambda p, done, total: p == phase and done > 0 and done == total


CARDS = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann Ash\r\nN:Ash;Ann;;;\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ben Birch\r\nN:Birch;Ben;;;\r\nNOTE:Met at the fair\r\nEND:VCARD\r\n"
)


def test_the_sweep_reports_every_matter_it_covers(office: Office) -> None:
    office.admin.compliance.set_packs_in_force(["core"])
    for title in ("One", "Two", "Three"):
        office.matter(title)
    fe = office.as_("fee_earner")
    watch = Watch()
    assert fe.compliance.sweep(progress=watch) == fe.compliance.sweep()
    assert watch.counted("sweep.matters")[-1] == 3
    with pytest.raises(lexcase.CancelledError):
        fe.compliance.sweep(progress=lambda phase, done, total: False)


def test_a_cancelled_vcard_import_creates_no_contact(office: Office) -> None:
    admin = office.admin
    watch = Watch(at_end("contacts.import"))
    with pytest.raises(lexcase.CancelledError):
        admin.interchange.import_contacts(CARDS, progress=watch)
    assert watch.counted("contacts.import") == [0, 1, 2]
    assert admin.contacts.search("Ben").total == 0

    class Stop(Exception):
        pass

    def boom(phase: str, done: int, total: int | None) -> None:
        if done == 1:
            raise Stop

    with pytest.raises(Stop):
        admin.interchange.import_contacts(CARDS, progress=boom)
    assert admin.contacts.search("Ann").total == 0
    assert len(admin.interchange.import_contacts(CARDS, progress=Watch())) == 2
    assert admin.contacts.search("Ben").total == 1


def test_a_cancelled_bulk_time_import_records_nothing(office: Office) -> None:
    fe = office.as_("fee_earner")
    m = office.matter()
    entries = [
        lexcase.NewTimeEntry(matter=m.id, date=date(2026, 11, 3), duration="6m", narrative=f"Call {n}")
        for n in range(5)
    ]
    mine = office.users["fee_earner"].id
    watch = Watch(at_end("time.record"))
    with pytest.raises(lexcase.CancelledError):
        fe.time.record_many(entries, progress=watch)
    assert watch.counted("time.record") == [0, 1, 2, 3, 4, 5]
    assert fe.time.list(matter=m.id, user=mine).total == 0
    watch = Watch()
    assert len(fe.time.record_many(entries, progress=watch)) == 5
    assert fe.time.list(matter=m.id, user=mine).total == 5


def test_rechecking_every_conflict_check_finds_new_hits_and_a_cancel_rechecks_none(office: Office) -> None:
    fe = office.as_("fee_earner")
    m = office.matter(client=office.client("Olive", "Quartermaine"))
    assert fe.conflicts.run(m.id).status == "clear"
    office.client("Olive", "Quartermaine")
    before = fe.conflicts.get(m.id)
    assert before is not None

    watch = Watch(at_end("conflicts.recheck"))
    with pytest.raises(lexcase.CancelledError):
        fe.conflicts.recheck_all(progress=watch)
    assert watch.counted("conflicts.recheck")[-1] == 1
    assert fe.conflicts.get(m.id) == before

    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("read_only").conflicts.recheck_all()
    recheck = fe.conflicts.recheck_all(progress=Watch())
    assert recheck.rechecked == 1
    assert [(r.matter, r.number, r.new_hits) for r in recheck.with_new_hits] == [(m.id, m.number, 1)]
    after = fe.conflicts.get(m.id)
    assert after is not None and after.status == "hits" and after.version == before.version + 1


def test_rendering_many_bills_reports_each_and_a_cancel_keeps_and_files_nothing() -> None:
    b = billed_firm()
    requests = [
        lexcase.RenderRequest("invoice", format="text", bill=b.bill.id),
        lexcase.RenderRequest("client_care_letter", format="text", matter=b.matter.id, file=True),
    ]
    assert [r.file for r in requests] == [False, True]
    for phase in ("render.documents", "render.record"):
        watch = Watch(at_end(phase))
        with pytest.raises(lexcase.CancelledError):
            b.admin.documents.render_many(requests, progress=watch)
        assert watch.counted(phase) == [0, 1, 2]
        assert b.admin.documents.for_matter(b.matter.id).total == 0
    watch = Watch()
    first = b.admin.documents.render_many(requests, progress=watch)
    assert [d.reprint for d in first] == [False, False]
    assert first[1].document is not None
    again = b.admin.documents.render_many(requests[:1])
    assert again[0].reprint and again[0].content == first[0].content
    assert b.admin.documents.for_matter(b.matter.id).total == 1
