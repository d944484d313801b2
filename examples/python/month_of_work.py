"""A month of work from Python: a court deadline, time recorded, a VAT invoice issued, and the
conflict check a matter opens with. Run with `python examples/python/month_of_work.py` after
`maturin develop` (scripts/test.sh runs it)."""

from datetime import date
from decimal import Decimal

import lexcase

firm = lexcase.open(":memory:")
admin = firm.initialise(
    name="Hudson & Reyes LLP", currency="GBP",
    matter_number_format="{CLIENT3}-{SEQ:4}", time_zone="Europe/London",
    admin_name="Ana Reyes", admin_email="ana@hudson-reyes.example",
)
s = firm.session(admin.id)
fern = s.users.create(name="Fern Earner", email="fern@hudson-reyes.example", role="fee_earner",
                      default_rate=Decimal("250.00"), timekeeper_code="FE")
client = s.contacts.create_person(given_name="Olive", family_name="Quartermaine",
                                  emails=["olive@example.com"])
m = s.matters.create(title="Quartermaine v Borealis", practice_area="litigation",
                     clients=[client.id], responsible=fern.id, billing="hourly")
print("conflict check:", s.conflicts.run(m.id).status)
m = s.matters.open(m.id, m.version)

# A reply to a counterclaim served by mail: 21 days, rolled off Christmas, then FRCP 6(d).
reply = s.docket.add(matter=m.id, rule="frcp-reply-counterclaim",
                     trigger_date=date(2026, 12, 4), service="mail")
print("reply due:", reply.due)

fe = firm.session(fern.id)
fe.time.record(matter=m.id, date=date(2026, 11, 3), duration="1h20m", narrative="Reviewing the claim")
fe.time.record(matter=m.id, date=date(2026, 11, 4), duration="2.5h", narrative="Drafting the defence")
s.time.set_billing_settings(expected_version=0, tax_rate=Decimal("0.20"))
bill = s.bills.draft(client=client.id, matters=[m.id], period_from=date(2026, 11, 1),
                     period_to=date(2026, 11, 30), arrangement="hourly",
                     description="For professional services")
bill = s.bills.transition(bill.id, bill.version, "approved")
bill = s.bills.issue(bill.id, bill.version)
print("invoice:", bill.number, bill.totals.net, bill.totals.tax, bill.totals.total)
