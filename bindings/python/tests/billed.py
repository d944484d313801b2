"""A firm with an issued VAT bill (time by two fee earners, an expense, a disbursement, a 10%
discount) for the document and email tests, and an independent reader of PDF text."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import lexcase


@dataclass(frozen=True)
class Billed:
    firm: lexcase.Firm
    admin: lexcase.Session
    fern: lexcase.Session
    paul: lexcase.Session
    matter: lexcase.Matter
    client: lexcase.Contact
    bill: lexcase.Bill


def billed_firm() -> Billed:
    firm = lexcase.open(":memory:")
    admin_user = firm.initialise(
        name="Harbour & Vale LLP", currency="GBP", matter_number_format="{CLIENT3}-{SEQ:4}",
        time_zone="Europe/London", admin_name="Hana Vale", admin_email="hana@harbourvale.example",
    )
    admin = firm.session(admin_user.id)
    admin.templates.set_letterhead(
        expected_version=0, address=["1 Quay Street", "London", "EC1A 1AA"],
        vat_number="GB 123 4567 89", payment_details=["Quay Bank plc", "Sort code 20-00-00"],
        regulation="Authorised and regulated by the SRA (no. 612345)",
    )
    fern_user = admin.users.create(name="Fern Earner", email="fern@harbourvale.example",
                                   role="fee_earner", default_rate=Decimal("250.00"))
    paul_user = admin.users.create(name="Paul Partner", email="paul@harbourvale.example",
                                   role="partner", default_rate=Decimal("400.00"))
    fern, paul = firm.session(fern_user.id), firm.session(paul_user.id)
    admin.time.set_billing_settings(expected_version=0, tax_rate=Decimal("0.20"))
    client = admin.contacts.create_person(
        given_name="Jane", family_name="Smith", emails=["jane@client.example"],
        addresses=[lexcase.PostalAddress(["12 Acacia Avenue"], locality="Leeds", postal_code="LS1 1AA")],
    )
    matter = fern.matters.create(title="Smith v Jones", practice_area="litigation",
                                 clients=[client.id], responsible=fern_user.id, billing="hourly")
    matter = fern.matters.open(matter.id, matter.version)
    fern.time.record(matter=matter.id, date=date(2026, 11, 3), duration="1h20m",
                     narrative="Reviewing the claim form")
    fern.time.record(matter=matter.id, date=date(2026, 11, 3), duration="2.5h",
                     narrative="Drafting the defence")
    paul.time.record(matter=matter.id, date=date(2026, 11, 3), duration="0.5h",
                     narrative="Settling the defence")
    fern.time.record_expense(matter=matter.id, date=date(2026, 11, 4), description="Court fee",
                             unit_cost=Decimal("455"), tax="disbursement")
    fern.time.record_expense(matter=matter.id, date=date(2026, 11, 4),
                             description="Rail fare to hearing", unit_cost=Decimal("48.60"))
    bill = admin.bills.draft(client=client.id, matters=[matter.id], period_from=date(2026, 11, 1),
                             period_to=date(2026, 11, 30), discount_percent=Decimal("10"),
                             description="For professional services in November")
    bill = admin.bills.transition(bill.id, bill.version, "approved")
    bill = admin.bills.issue(bill.id, bill.version)
    return Billed(firm, admin, fern, paul, matter, client, bill)


def money(amount: Decimal) -> str:
    """Pounds as a client reads them, written without the library: £1,234.50, -£10.00."""
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"


def pdf_text(pdf: bytes) -> str | None:
    """The PDF's text as `pdftotext -layout` (poppler-utils) reads it; None when the tool is
    missing and LEXCASE_REQUIRE_PDFTOTEXT is unset (scripts/test.sh sets it)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        assert not os.environ.get("LEXCASE_REQUIRE_PDFTOTEXT"), "pdftotext is required"
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        out = subprocess.run([tool, "-layout", "-enc", "UTF-8", f.name, "-"],
                             check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def line_with(text: str, *parts: str) -> str | None:
    """The first line of `text` holding every one of `parts`, in order."""
    for line in text.splitlines():
        rest, ok = line, True
        for part in parts:
            i = rest.find(part)
            if i < 0:
                ok = False
                break
            rest = rest[i + len(part):]
        if ok:
            return line
    return None
