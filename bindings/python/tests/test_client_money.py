"""session.client_money and session.reports (mirrors tests/src/cases/client_money.rs)."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest

import lexcase
from conftest import Office

D = datetime.date


def test_ledger_guard_override_and_reconciliation(office: Office) -> None:
    m = office.matter("Purchase of 1 Elm Road")
    client = m.clients[0]
    accounts = office.as_("accounts")
    money = accounts.client_money

    def entry(
        session: lexcase.Session,
        kind: str,
        amount: Decimal,
        bill: uuid.UUID | None = None,
        override_reason: str | None = None,
        currency: str | None = None,
    ) -> lexcase.ClientMoneyEntry:
        return session.client_money.record(
            matter=m.id, client=client, kind=kind, amount=amount, date=D(2026, 11, 27),
            reference="BACS", counterparty="Jane Smith", description="On account of costs",
            bill=bill, override_reason=override_reason, currency=currency,
        )

    receipt = entry(accounts, "receipt", Decimal("5000"))
    office.as_("fee_earner").time.record(matter=m.id, date=D(2026, 11, 20), duration="4h", narrative="Exchange")
    bills = accounts.bills
    bill = bills.draft(client=client, matters=[m.id], period_from=D(2026, 11, 1), period_to=D(2026, 11, 30),
                       arrangement="fixed_fee", fixed_fee=Decimal("1200"), show_time=False)
    with pytest.raises(lexcase.ValidationError) as err:
        entry(accounts, "transfer_to_office", Decimal("1200"), bill=bill.id)
    assert err.value.field == "bill"
    bill = bills.transition(bill.id, bill.version, "approved")
    bill = bills.issue(bill.id, bill.version)
    entry(accounts, "transfer_to_office", Decimal("1200"), bill=bill.id)
    assert bills.get(bill.id).status == "paid"
    assert [b.balance for b in money.balances(m.id)] == [Decimal("3800.00")]

    with pytest.raises(lexcase.ValidationError) as err:
        entry(accounts, "payment", Decimal("4000"))
    assert err.value.field == "amount"
    # The amounts are client data: in `detail`, never in the message.
    assert "3800" not in str(err.value) and "4000" not in str(err.value)
    assert err.value.detail == {
        "kind": "overdraw",
        "balance": Decimal("3800.00"),
        "withdrawal": Decimal("4000.00"),
        "currency": "GBP",
    }
    with pytest.raises(lexcase.PermissionDeniedError):
        entry(accounts, "payment", Decimal("4000"), override_reason="completion monies")
    overdrawn = entry(office.as_("partner"), "payment", Decimal("4000"),
                      override_reason="lender's funds arrive tomorrow")
    assert overdrawn.override_reason == "lender's funds arrive tomorrow"
    assert money.balances(m.id)[0].balance == Decimal("-200.00")
    reversal = money.reverse(overdrawn.id, date=D(2026, 11, 27), reason="sent in error")
    assert (reversal.kind, reversal.reverses) == ("reversal", overdrawn.id)
    assert money.balances(m.id)[0].balance == Decimal("3800.00")
    with pytest.raises(lexcase.ValidationError) as err:
        money.reverse(overdrawn.id, date=D(2026, 11, 27), reason="again")
    assert err.value.field == "reverses"
    entries = money.entries(m.id)
    assert len(entries) == 4 and entries[0] == receipt

    record = money.reconcile(date=D(2026, 11, 30), balance=Decimal("4300"),
                             outstanding_payments=[("cheque 1042", Decimal("500"))])
    assert record.balanced and record.differences == []
    assert (record.cash_book_balance, record.adjusted_bank_balance) == (Decimal("3800.00"), Decimal("3800.00"))
    due = money.reconciliation_due()
    assert (due.last, due.next_due, due.overdue) == (D(2026, 11, 30), D(2026, 12, 30), False)
    short = money.reconcile(date=D(2026, 12, 1), balance=Decimal("4200"),
                            outstanding_payments=[("cheque 1042", Decimal("500"))])
    assert not short.balanced
    assert short.differences[0].amount == Decimal(-100)
    with pytest.raises(TypeError):
        money.reconcile(date=D(2026, 12, 1), balance=4200.0)  # type: ignore[arg-type]

    with pytest.raises(lexcase.PermissionDeniedError):
        entry(office.as_("fee_earner"), "receipt", Decimal("1"))
    stranger = office.client("Not", "Aclient")
    with pytest.raises(lexcase.ValidationError) as err:
        money.record(matter=m.id, client=stranger.id, kind="receipt", amount="1", date=D(2026, 11, 27),
                     description="x")
    assert err.value.field == "client"
    with pytest.raises(lexcase.ValidationError) as err:
        entry(accounts, "receipt", Decimal("1"), currency="USD")
    assert err.value.field == "amount"

    reports = accounts.reports
    assert [b.balance for b in reports.client_money_balances(D(2026, 11, 30))] == [Decimal("3800.00")]
    by_matter, _ = reports.wip()
    # A fixed fee without show_time still bills the time it covers: nothing is left in WIP.
    assert by_matter == []
    assert reports.wip_csv().startswith("matter")
    hours = reports.hours(from_date=D(2026, 11, 1), to_date=D(2026, 11, 30), available_hours_per_day=Decimal(7))
    assert [h.recorded_seconds for h in hours] == [4 * 3600]
    assert reports.hours_csv(from_date=D(2026, 11, 1), to_date=D(2026, 11, 30),
                             available_hours_per_day="7").startswith("user")
