"""Ethical walls through the binding, as a new user would try them: a partner and a second
admin walled from a matter that holds data in every area walk the main read calls. Calls
about the matter's records answer as for records that do not exist; firm-wide calls (lists,
searches, the feed, statements, aged debt, reports) answer as before the matter held data;
nothing holds its id, number, texts or amounts (mirrors tests/src/cases/walls/walk.rs)."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import lexcase
from conftest import Office

D = datetime.date
FROM, TO, TODAY = D(2026, 11, 1), D(2027, 3, 31), D(2026, 12, 31)


def dump(value: Any, depth: int = 0) -> str:
    """Everything a caller can read off a result: its public attributes, recursively."""
    if depth > 6:
        return ""
    if isinstance(value, (str, int, float, Decimal, uuid.UUID, datetime.date, type(None))):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict):
        return "{" + ",".join(f"{k}:{dump(v, depth + 1)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(dump(v, depth + 1) for v in value) + "]"
    parts = []
    for name in sorted(dir(value)):
        if name.startswith("_") or name == "next_cursor":
            continue
        attr = getattr(value, name)
        if not callable(attr):
            parts.append(f"{name}={dump(attr, depth + 1)}")
    return f"{type(value).__name__}(" + ",".join(parts) + ")"


def answer(call: Callable[[], Any]) -> str:
    """The dump of a call's result, or its error's type and message."""
    try:
        return dump(call())
    except lexcase.LexcaseError as e:
        return f"{type(e).__name__}: {e}"


def firmwide(s: lexcase.Session, client: uuid.UUID, fee_earner: uuid.UUID) -> dict[str, str]:
    calls: dict[str, Callable[[], Any]] = {
        "matters.list": lambda: s.matters.list(limit=1000),
        "matters.list(text)": lambda: s.matters.list(text="QXZ"),
        "matters.list(client)": lambda: s.matters.list(client=client),
        "matters.mine": lambda: s.matters.mine(),
        "tasks.mine": lambda: s.tasks.mine(),
        "tasks.overdue": lambda: s.tasks.overdue(),
        "tasks.due_this_week": lambda: s.tasks.due_this_week(),
        "notes.search": lambda: s.notes.search("QXZ"),
        "documents.search": lambda: s.documents.search("QXZ"),
        "audit.changes_since": lambda: s.audit.changes_since(0, 1000),
        "audit.history(client)": lambda: s.audit.history(client),
        "appointments.agenda": lambda: s.appointments.agenda(fee_earner, from_date=FROM, to_date=TO),
        "docket.list": lambda: s.docket.list(limit=1000),
        "docket.reminders": lambda: s.docket.reminders(from_date=FROM, to_date=D(2026, 12, 31)),
        "communications.unfiled": lambda: s.communications.unfiled(),
        "interchange.user_calendar": lambda: s.interchange.user_calendar(fee_earner, from_date=FROM, to_date=TO),
        "time.list": lambda: s.time.list(limit=1000),
        "time.expenses": lambda: s.time.expenses(limit=1000),
        "bills.list": lambda: s.bills.list(limit=1000),
        "payments.statement": lambda: s.payments.statement(client, "GBP"),
        "payments.aged_debt": lambda: s.payments.aged_debt(as_of=TODAY, currency="GBP"),
        "client_money.reconciliation_due": lambda: s.client_money.reconciliation_due(),
        "reports.wip": lambda: s.reports.wip(),
        "reports.hours": lambda: s.reports.hours(from_date=FROM, to_date=D(2026, 12, 31), available_hours_per_day=7),
        "reports.client_money_balances": lambda: s.reports.client_money_balances(TODAY),
        "workflow.stage_counts": lambda: s.workflow.stage_counts(),
        "compliance.sweep": lambda: s.compliance.sweep(),
        "contacts.search": lambda: s.contacts.search("Quill"),
    }
    return {name: answer(call) for name, call in calls.items()}


def addressed(s: lexcase.Session, ids: dict[str, uuid.UUID]) -> dict[str, str]:
    m = ids["matter"]
    calls: dict[str, Callable[[], Any]] = {
        "matters.get": lambda: s.matters.get(m),
        "tasks.get": lambda: s.tasks.get(ids["task"]),
        "tasks.for_matter": lambda: s.tasks.for_matter(m),
        "notes.get": lambda: s.notes.get(ids["note"]),
        "notes.for_matter": lambda: s.notes.for_matter(m),
        "documents.get": lambda: s.documents.get(ids["document"]),
        "documents.contents": lambda: s.documents.contents(ids["document"]),
        "documents.for_matter": lambda: s.documents.for_matter(m),
        "appointments.get": lambda: s.appointments.get(ids["appointment"]),
        "appointments.of_matter": lambda: s.appointments.of_matter(m, from_date=FROM, to_date=TO),
        "docket.get": lambda: s.docket.get(ids["deadline"]),
        "docket.list(matter)": lambda: s.docket.list(matter=m),
        "communications.get": lambda: s.communications.get(ids["communication"]),
        "communications.raw_message": lambda: s.communications.raw_message(ids["communication"]),
        "communications.of_matter": lambda: s.communications.of_matter(m),
        "time.get": lambda: s.time.get(ids["time"]),
        "time.list(matter)": lambda: s.time.list(matter=m),
        "time.expense": lambda: s.time.expense(ids["expense"]),
        "bills.get": lambda: s.bills.get(ids["bill"]),
        "bills.csv": lambda: s.bills.csv(ids["bill"]),
        "payments.get": lambda: s.payments.get(ids["payment"]),
        "client_money.entries": lambda: s.client_money.entries(m),
        "client_money.balances": lambda: s.client_money.balances(m),
        "conflicts.get": lambda: s.conflicts.get(m),
        "workflow.get": lambda: s.workflow.get(m),
        "workflow.report": lambda: s.workflow.report(m),
        "compliance.evaluate": lambda: s.compliance.evaluate(m),
        "interchange.matter_calendar": lambda: s.interchange.matter_calendar(m),
        "audit.history(matter)": lambda: s.audit.history(m),
        "audit.history(bill)": lambda: s.audit.history(ids["bill"]),
        "audit.history(payment)": lambda: s.audit.history(ids["payment"]),
    }
    return {name: answer(call) for name, call in calls.items()}


def email(subject: str, body: str, message_id: str) -> bytes:
    return (
        f"From: Quentin Quill <quentin@quill.example>\r\nTo: fern@smith.example\r\nSubject: {subject}\r\n"
        f"Date: Thu, 26 Nov 2026 16:05:00 +0000\r\nMessage-ID: <{message_id}>\r\n\r\n{body}\r\n"
    ).encode()


def new_walled_matter(office: Office, title: str, client: uuid.UUID, walled: list[uuid.UUID]) -> lexcase.Matter:
    admin = office.admin
    m = admin.matters.create(title=title, practice_area="corporate", clients=[client],
                             responsible=office.users["fee_earner"].id, description=title)
    for user in walled:
        m = admin.matters.add_ethical_wall(m.id, m.version, user, "acts for the target")
    return m


def walled_matter(
    office: Office, client: uuid.UUID, zephyr: uuid.UUID, walled: list[uuid.UUID]
) -> tuple[dict[str, uuid.UUID], list[str]]:
    """A matter with data in every area, walled from `walled`; its ids and its secrets."""
    admin, fe, accounts = office.admin, office.as_("fee_earner"), office.as_("accounts")
    m = new_walled_matter(office, "QXZ takeover", client, walled)
    m = fe.matters.add_party(m.id, m.version, contact=zephyr, role="opposing_party")
    fe.conflicts.run(m.id)
    fe.workflow.start(m.id, "ew-residential-purchase")
    task = fe.tasks.create(title="QXZ data room", matter=m.id, due_on=D(2026, 12, 10))
    note = fe.notes.add_to_matter(m.id, "QXZ note: price 41m")
    doc = fe.documents.add(m.id, name="QXZ SPA", category="contract", media_type="text/plain",
                           contents=b"QXZ contents", text="QXZ share purchase")
    appointment = fe.appointments.create(
        title="QXZ hearing", matter=m.id, start=datetime.datetime(2026, 12, 3, 10),
        end=datetime.datetime(2026, 12, 3, 12), zone="Europe/London",
        attendee_users=[office.users["fee_earner"].id])
    deadline = fe.docket.add(matter=m.id, rule="cpr-acknowledgment-of-service", trigger_date=D(2026, 12, 1),
                             title="QXZ acknowledgment")
    comm = admin.communications.ingest_email(email(f"[{m.number}] QXZ heads", "QXZ body", "qxz@q.example"))
    time = fe.time.record(matter=m.id, date=D(2026, 11, 20), duration="7h13m", narrative="QXZ drafting")
    expense = fe.time.record_expense(matter=m.id, date=D(2026, 11, 22), description="QXZ courier",
                                     unit_cost=Decimal("43.21"), tax="disbursement")
    bills = accounts.bills
    bill = bills.draft(client=client, matters=[m.id], period_from=D(2026, 11, 1), period_to=D(2026, 11, 30),
                       description="QXZ services")
    bill = bills.add_adjustment(bill.id, bill.version, description="QXZ success fee", amount=Decimal("7777.77"))
    bill = bills.transition(bill.id, bill.version, "approved")
    bill = bills.issue(bill.id, bill.version)
    payment = accounts.payments.record(client=client, received_on=D(2026, 11, 26), amount=Decimal("555.55"),
                                       reference="QXZ-PAY", allocations=[(bill.id, Decimal("555.55"))])
    entry = accounts.client_money.record(matter=m.id, client=client, kind="receipt", amount=Decimal("7351.29"),
                                         date=D(2026, 11, 24), description="QXZ funds",
                                         counterparty="Quentin Quill")
    ids = {"matter": m.id, "task": task.id, "note": note.id, "document": doc.id, "appointment": appointment.id,
           "deadline": deadline.id, "communication": comm.communication.id, "time": time.id,
           "expense": expense.id, "bill": bill.id, "payment": payment.id}
    secrets = ["QXZ", m.number, str(bill.number), str(bill.total), "7351.29", "7777.77", "555.55", str(entry.id)]
    return ids, secrets + [str(i) for i in ids.values()]


def test_a_matter_behind_a_wall_leaves_no_trace_in_any_main_read(office: Office) -> None:
    admin = office.admin
    second = admin.users.create(name="Wendy Admin", email="wendy@smith.example", role="admin")
    walled = [office.as_("partner"), office.firm.session(second.id)]
    client = admin.contacts.create_person(given_name="Quentin", family_name="Quill",
                                          emails=["quentin@quill.example"])
    fee_earner = office.users["fee_earner"].id
    fe, accounts = office.as_("fee_earner"), office.as_("accounts")
    accounts.time.set_billing_settings(expected_version=0, tax_rate=Decimal("0.20"))
    open_matter = fe.matters.create(title="Quill lease renewal", practice_area="conveyancing",
                                    clients=[client.id], responsible=fee_earner)
    fe.time.record(matter=open_matter.id, date=D(2026, 11, 20), duration="1h", narrative="Lease call")
    bill = accounts.bills.draft(client=client.id, matters=[open_matter.id], period_from=D(2026, 11, 1),
                                period_to=D(2026, 11, 30))
    bill = accounts.bills.transition(bill.id, bill.version, "approved")
    accounts.bills.issue(bill.id, bill.version)
    accounts.client_money.record(matter=open_matter.id, client=client.id, kind="receipt",
                                 amount=Decimal("250"), date=D(2026, 11, 20), description="Funds",
                                 counterparty="Quentin Quill")

    # The contacts the walled matter will name, and an earlier matter the two are walled from
    # (being walled from something already, they are shown the feed's pseudonyms throughout).
    zephyr = admin.contacts.create_organisation(name="Zephyr Holdings plc")
    new_walled_matter(office, "Quill bid", client.id, [s.actor_id for s in walled])

    before = [firmwide(s, client.id, fee_earner) for s in walled]
    ids, secrets = walled_matter(office, client.id, zephyr.id, [s.actor_id for s in walled])
    missing = {name: uuid.uuid4() for name in ids}
    for seen in before:
        assert not [x for x in secrets if any(x in a for a in seen.values())], "not secrets"

    problems = []
    for s, seen in zip(walled, before):
        after = firmwide(s, client.id, fee_earner)
        problems += [f"{name} changed" for name in after if after[name] != seen[name]]
        hidden, gone = addressed(s, ids), addressed(s, missing)
        problems += [f"{name}: {hidden[name]} / {gone[name]}" for name in hidden if hidden[name] != gone[name]]
        for name, text in {**after, **hidden}.items():
            problems += [f"{name} shows {x}" for x in secrets if x in text]
    assert problems == []

    # The same calls reach the data for someone who is not walled.
    everything = " ".join([*addressed(admin, ids).values(), *firmwide(admin, client.id, fee_earner).values()])
    assert [x for x in secrets if x not in everything] == []
    # Viewers behind a wall get pseudonyms for sequence numbers and no hashes.
    events = walled[0].audit.changes_since(0, 1000).events
    assert events and all(e.hash == "" and e.seq > 1_000_000 for e in events)
    assert [e.seq for e in admin.audit.changes_since(0, 3).events] == [1, 2, 3]
