"""Progress bars from Python: a year's time for a firm imported in one call, and every conflict
check re-run after a contact import, each driving a tqdm bar through ``progress=``; then the same
import cancelled half way, which records nothing. Run with
`python examples/python/progress_bar.py` after `maturin develop` and `pip install tqdm`
(scripts/test.sh runs it; the bars go to stderr, the results to stdout)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from types import TracebackType

from tqdm import tqdm

import lexcase


class Bars:
    """A ``progress=`` callable that shows one tqdm bar per phase of a long call."""

    def __init__(self) -> None:
        self.phase: str | None = None
        self.bar: tqdm[None] | None = None

    def __call__(self, phase: str, done: int, total: int | None) -> bool:
        if phase != self.phase or self.bar is None:
            self.close()
            self.phase = phase
            self.bar = tqdm(desc=phase, total=total, unit="item", mininterval=0)
        self.bar.update(done - self.bar.n)
        return True  # False would cancel the call

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def __enter__(self) -> Bars:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


firm = lexcase.open(":memory:")
admin = firm.initialise(
    name="Hudson & Reyes LLP", currency="GBP",
    matter_number_format="{CLIENT3}-{SEQ:4}", time_zone="Europe/London",
    admin_name="Ana Reyes", admin_email="ana@hudson-reyes.example",
)
s = firm.session(admin.id)
fern = s.users.create(name="Fern Earner", email="fern@hudson-reyes.example", role="fee_earner",
                      default_rate=Decimal("250.00"), timekeeper_code="FE")
client = s.contacts.create_person(given_name="Olive", family_name="Quartermaine")
m = s.matters.create(title="Quartermaine v Borealis", practice_area="litigation",
                     clients=[client.id], responsible=fern.id, billing="hourly")
s.conflicts.run(m.id)

# A year of six-minute calls from another system, in one transaction.
fe = firm.session(fern.id)
start = date(2026, 1, 1)
entries = [
    lexcase.NewTimeEntry(matter=m.id, date=start + timedelta(days=n % 365), duration="6m",
                         narrative=f"Call {n + 1}")
    for n in range(2000)
]
with Bars() as bars:
    recorded = fe.time.record_many(entries, progress=bars)
print("time recorded:", len(recorded))

# New contacts arrive from a vCard file; then every stored conflict check runs again.
vcf = "".join(
    f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{given} {family}\r\nN:{family};{given};;;\r\nEND:VCARD\r\n"
    for given, family in [("Olive", "Quartermaine"), ("Borealis", "Shipping"), ("Ivo", "Reyes")]
)
with Bars() as bars:
    s.interchange.import_contacts(vcf, progress=bars)
with Bars() as bars:
    recheck = s.conflicts.recheck_all(progress=bars)
print("checks re-run:", recheck.rechecked,
      "with new hits:", ", ".join(f"{r.number} ({r.new_hits})" for r in recheck.with_new_hits))

# Cancelled half way (a callable returning False, as a Cancel button would): nothing is recorded.
try:
    fe.time.record_many(entries, progress=lambda phase, done, total: done < 1000)
except lexcase.CancelledError:
    print("cancelled; time on the matter still:", fe.time.list(matter=m.id, user=fern.id).total)
