"""session.bills and session.payments (mirrors tests/src/cases/bills.rs)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import lexcase
from conftest import Office

D = datetime.date


def test_draft_issue_and_settle(office: Office) -> None:
    m = office.matter("Smith v Jones")
    client = m.clients[0]
    accounts = office.as_("accounts")
    accounts.time.set_billing_settings(expected_version=0, tax_rate=Decimal("0.20"), law_firm_id="SMITHCO")
    time = office.as_("fee_earner").time
    # 4 h at 250 = 1,000 fees.
    work = time.record(
        matter=m.id, date=D(2026, 11, 20), duration="4h", narrative="Trial preparation",
        task_code="L440", activity_code="A101", rate=Decimal("250"),
    )
    time.record(matter=m.id, date=D(2026, 11, 21), duration=600, narrative="Courtesy call", billability="no_charge")
    internal = time.record(
        matter=m.id, date=D(2026, 11, 21), duration=600, narrative="Internal training", billability="non_billable"
    )
    time.record_expense(matter=m.id, date=D(2026, 11, 20), description="Court fee", unit_cost="100",
                        tax="disbursement", expense_code="E112")
    time.record_expense(matter=m.id, date=D(2026, 11, 20), description="Rail fare to hearing", unit_cost="50",
                        tax="vatable_cost", expense_code="E110")
    bills = accounts.bills
    draft = bills.draft(client=client, matters=[m.id], period_from=D(2026, 11, 1), period_to=D(2026, 11, 30),
                        description="For services rendered")
    assert [line.kind for line in draft.lines] == ["time", "no_charge_time", "disbursement", "expense"]
    assert (draft.totals.net, draft.totals.tax, draft.totals.total) == (
        Decimal("1150.00"), Decimal("210.00"), Decimal("1360.00"))
    assert draft.allowed_transitions == ["approved", "void"]
    assert time.get(work.id).status == "on_draft_bill"
    assert time.get(internal.id).status == "unbilled"
    with pytest.raises(lexcase.ValidationError) as err:
        bills.draft(client=client, matters=[m.id], period_from=D(2026, 11, 1), period_to=D(2026, 11, 30))
    assert err.value.field == "period"

    draft = bills.set_discount(draft.id, draft.version, percent=Decimal("10"))
    assert sum(line.net for line in draft.lines) == draft.totals.net
    assert sum(line.tax for line in draft.lines) == draft.totals.tax
    assert sum(line.total for line in draft.lines) == draft.totals.total
    assert draft.totals.total < Decimal("1360.00")
    with pytest.raises(TypeError):
        bills.set_discount(draft.id, draft.version, percent=10.0)  # type: ignore[arg-type]
    draft = bills.set_discount(draft.id, draft.version)
    assert draft.total == Decimal("1360.00")

    approved = bills.transition(draft.id, draft.version, "approved")
    assert approved.allowed_transitions == ["draft", "issued", "void"]
    with pytest.raises(lexcase.InvalidTransitionError):
        bills.set_discount(approved.id, approved.version)
    issued = bills.issue(approved.id, approved.version)
    assert issued.number == "INV000001"
    assert issued.issued_on is not None and issued.due_on == issued.issued_on + datetime.timedelta(days=30)
    work = time.get(work.id)
    assert (work.status, work.bill) == ("billed", issued.id)
    with pytest.raises(lexcase.InvalidTransitionError):
        time.update(work.id, work.version, narrative="x")

    with pytest.raises(lexcase.ValidationError) as err:
        bills.ledes(issued.id)
    assert err.value.field == "bill"
    assert len(bills.csv(issued.id).splitlines()) > 4
    assert '"INV000001"' in bills.json(issued.id)

    payments = accounts.payments
    first = payments.record(client=client, received_on=D(2026, 11, 28), amount=Decimal("500"),
                            method="bank transfer", reference="SMITH", allocations=[(issued.id, Decimal("500"))])
    assert first.unallocated == 0 and first.allocations == [(issued.id, Decimal("500"))]
    assert bills.get(issued.id).status == "partly_paid"
    for amount, allocated, field in (("100", "150", "allocations"), ("1000", "900", "amount")):
        with pytest.raises(lexcase.ValidationError) as err:
            payments.record(client=client, received_on=D(2026, 11, 28), amount=amount,
                            allocations=[(issued.id, allocated)])
        assert err.value.field == field
    on_account = payments.record(client=client, received_on=D(2026, 11, 28), amount="900")
    bill = bills.get(issued.id)
    with pytest.raises(lexcase.InvalidTransitionError):
        bills.void(bill.id, bill.version, "mistake")
    note = bills.credit_note(bill.id, bill.version, amount=Decimal("60"), reason="goodwill")
    assert (note.kind, note.number, note.total, note.credits) == (
        "credit_note", "INV000002", Decimal("-60.00"), issued.id)
    bill = bills.get(issued.id)
    bill = payments.write_off(bill.id, bill.version, amount=Decimal("10"), reason="rounding")
    assert bill.outstanding == Decimal("790.00")
    payments.allocate(on_account.id, on_account.version, bill=bill.id, amount=Decimal("790"))
    bill = bills.get(issued.id)
    assert (bill.status, bill.outstanding, bill.allowed_transitions) == ("paid", Decimal(0), [])

    statement = payments.statement(client, "GBP")
    assert len(statement.entries) == 5
    assert (statement.balance, statement.on_account) == (Decimal("-110.00"), Decimal("110"))
    aged = payments.aged_debt(as_of=D(2026, 12, 31), currency="GBP")
    assert aged.total == 0
    assert bills.list(client=client).total == 2
    assert bills.list(status="paid").total == 1


def test_void_reissue_arrangements_and_ledes(office: Office) -> None:
    m = office.matter("Purchase of 1 Elm Road")
    client = m.clients[0]
    partner = office.as_("partner")
    partner.time.set_billing_settings(expected_version=0, law_firm_id="24-6437381")
    office.as_("fee_earner").time.record(matter=m.id, date=D(2026, 11, 20), duration=3600, narrative="Searches")
    bills = partner.bills
    p0, p1 = D(2026, 11, 1), D(2026, 11, 30)
    draft = bills.draft(client=client, matters=[m.id], arrangement="fixed_fee", fixed_fee=Decimal("950"),
                        description="Conveyancing", period_from=p0, period_to=p1)
    assert draft.total == Decimal("950.00") and draft.arrangement == "fixed_fee"
    assert draft.lines[1].kind == "no_charge_time"
    approved = bills.transition(draft.id, draft.version, "approved")
    issued = bills.issue(approved.id, approved.version)
    assert issued.number == "INV000001"
    voided = bills.void(issued.id, issued.version, "wrong fee")
    assert (voided.status, voided.void_reason) == ("void", "wrong fee")
    again = bills.draft(client=client, matters=[m.id], arrangement="contingency", recovery="100000",
                        costs="10000", percent=Decimal(100) / Decimal(3), period_from=p0, period_to=p1)
    assert again.lines[0].kind == "contingency_fee"
    assert again.total == Decimal("33333.33")
    again = bills.transition(again.id, again.version, "approved")
    again = bills.issue(again.id, again.version)
    assert again.number == "INV000002"

    ledes = bills.ledes(again.id)
    assert ledes.isascii() and ledes.startswith("LEDES1998B[]\r\n")
    rows = [r for r in ledes.split("\r\n")[2:] if r]
    assert len(rows) == len(again.lines)
    fields = [r.rstrip("[]").split("|") for r in rows]
    assert all(len(f) == 24 for f in fields)
    header = ledes.split("\r\n")[1].rstrip("[]").split("|")
    total = Decimal(fields[0][header.index("INVOICE_TOTAL")])
    assert fields[0][header.index("INVOICE_NUMBER")] == "INV000002"
    assert total == again.total
    assert sum(Decimal(f[header.index("LINE_ITEM_TOTAL")]) for f in fields) == again.total

    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("fee_earner").bills.get(again.id)
    assert office.as_("accounts").bills.get(again.id).id == again.id
    stranger = office.client("Not", "Aclient")
    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("fee_earner").bills.draft(client=client, matters=[m.id], period_from=p0, period_to=p1)
    for kwargs, field in (
        ({"client": stranger.id}, "client"),
        ({"period_to": D(2026, 10, 1)}, "period_to"),
        ({"discount_percent": Decimal(120)}, "discount"),
    ):
        args: dict[str, object] = {"client": client, "matters": [m.id], "period_from": p0, "period_to": p1, **kwargs}
        with pytest.raises(lexcase.ValidationError) as err:
            bills.draft(**args)  # type: ignore[arg-type]
        assert err.value.field == field
