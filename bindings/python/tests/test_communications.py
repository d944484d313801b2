"""session.communications: email ingestion and filing, the unfiled queue, attachments as
documents, recorded calls."""

from __future__ import annotations

import datetime
import hashlib
import zoneinfo
from email.message import EmailMessage
from email.utils import format_datetime

import pytest

import lexcase
from conftest import Office

UTC = datetime.timezone.utc
PDF = b"%PDF-1.4\n% a TA6 form\n"
SENT = datetime.datetime(2031, 3, 4, 16, 5, tzinfo=UTC)


def email(
    *,
    subject: str,
    message_id: str,
    sender: str = "José García <jose@example.com>",
    to: str = "Fee Earner User <fee_earner@smith.example>",
    attachment: bool = True,
) -> bytes:
    """A raw RFC 5322 message built by the standard library (encoded words for non-ASCII)."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(SENT)
    msg["Message-ID"] = f"<{message_id}>"
    msg["In-Reply-To"] = "<earlier@smith.example>"
    msg.set_content("Completion can be on Friday.\n")
    if attachment:
        msg.add_attachment(PDF, maintype="application", subtype="pdf", filename="TA6.pdf")
    return msg.as_bytes()


def test_email_filed_by_the_matter_number_in_its_subject(office: Office) -> None:
    comms = office.admin.communications
    m = office.matter()
    subject = f"Re: [{m.number}] Completion – date"
    raw = email(subject=subject, message_id="abc123@example.com")
    assert b"=?utf-8?" in raw  # the subject and sender travel as encoded words
    out = comms.ingest_email(raw)
    assert out.duplicate is False
    c = out.communication
    assert (c.matter, c.filing, c.channel, c.direction, c.candidates) == (
        m.id,
        "reference",
        "email",
        "inbound",
        [],
    )
    assert (c.subject, c.body.strip(), c.occurred_at) == (
        subject,
        "Completion can be on Friday.",
        SENT,
    )
    assert (c.message_id, c.in_reply_to) == ("abc123@example.com", "earlier@smith.example")
    fe = office.users["fee_earner"].id
    assert [(p.role, p.name, p.address, p.user) for p in c.participants] == [
        ("from", "José García", "jose@example.com", None),
        ("to", "Fee Earner User", "fee_earner@smith.example", fe),
    ]
    assert (c.recorded_by, c.filed_by, c.version) == (
        office.users["admin"].id,
        office.users["admin"].id,
        1,
    )
    assert c.filed_at is not None and c.recorded_at.tzinfo is not None

    [att] = c.attachments
    assert (att.file_name, att.media_type, att.size, att.hash) == (
        "TA6.pdf",
        "application/pdf",
        len(PDF),
        hashlib.sha256(PDF).hexdigest(),
    )
    assert att.document is not None
    doc = office.admin.documents.get(att.document)
    assert (doc.matter, doc.name, doc.category) == (m.id, "TA6.pdf", lexcase.CORRESPONDENCE)
    assert lexcase.CORRESPONDENCE == "correspondence"
    assert office.admin.documents.contents(doc.id) == PDF

    assert comms.attachment(c.id, 0) == PDF
    assert comms.raw_message(c.id) == raw
    assert c.raw_hash == hashlib.sha256(raw).hexdigest()
    assert comms.get(c.id) == c
    page = comms.of_matter(m.id)
    assert (page.total, page.items) == (1, [c])
    with pytest.raises(lexcase.NotFoundError):
        comms.attachment(c.id, 1)
    with pytest.raises(lexcase.ValidationError) as err:
        comms.attachment(c.id, -1)
    assert err.value.field == "index"

    again = comms.ingest_email(raw)
    assert again.duplicate is True and again.communication == c
    assert comms.of_matter(m.id).total == 1
    events = office.admin.audit.history(c.id)
    assert [(e.action, e.entity_kind, e.matter) for e in events] == [
        ("communication.ingested", "communication", m.id)
    ]
    assert "duplicate=True" in repr(again)


def test_email_filed_by_its_parties(office: Office) -> None:
    client = office.admin.contacts.create_person(
        given_name="José", family_name="García", emails=["jose@example.com"]
    )
    m = office.matter(client=client)
    office.matter("Another client's purchase")
    out = office.admin.communications.ingest_email(
        email(subject="Completion – date", message_id="parties@example.com", attachment=False)
    )
    c = out.communication
    assert (c.matter, c.filing, c.attachments) == (m.id, "parties", [])
    assert c.participants[0].contact == client.id


def test_email_queued_with_candidates_then_filed_by_hand(office: Office) -> None:
    comms = office.admin.communications
    client = office.admin.contacts.create_person(
        given_name="José", family_name="García", emails=["jose@example.com"]
    )
    first = office.matter("Sale of 3 Elm Road", client=client)
    second = office.matter("Purchase of 9 Oak Lane", client=client)
    c = comms.ingest_email(
        email(subject="Completion – date", message_id="queued@example.com")
    ).communication
    assert (c.matter, c.filing, c.filed_by, c.filed_at) == (None, None, None, None)
    assert sorted(c.candidates) == sorted([first.id, second.id])
    assert c.attachments[0].document is None
    queue = comms.unfiled()
    assert [x.id for x in queue] == [c.id]

    with pytest.raises(lexcase.StaleVersionError):
        comms.file(c.id, c.version + 1, second.id)
    filed = comms.file(c.id, c.version, second.id)
    assert (filed.matter, filed.filing, filed.candidates, filed.version) == (
        second.id,
        "manual",
        [],
        2,
    )
    assert filed.filed_by == office.users["admin"].id
    doc_id = filed.attachments[0].document
    assert doc_id is not None
    assert office.admin.documents.get(doc_id).matter == second.id
    assert comms.unfiled().total == 0
    with pytest.raises(lexcase.ValidationError) as err:
        comms.file(filed.id, filed.version, first.id)
    assert err.value.field == "matter"
    actions = [e.action for e in office.admin.audit.history(c.id)]
    assert actions == ["communication.ingested", "communication.filed"]


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"   \r\n",
        b"Subject: no sender\r\n\r\nbody",
        b"From: not an address\r\nSubject: x\r\n\r\nbody",
    ],
)
def test_malformed_mail_is_a_validation_error(office: Office, raw: bytes) -> None:
    with pytest.raises(lexcase.ValidationError) as err:
        office.admin.communications.ingest_email(raw)
    assert err.value.field == "email"
    assert office.admin.communications.unfiled().total == 0


def test_ordinary_mail_is_accepted_and_shortening_noted(office: Office) -> None:
    """A long body with form feeds and one bad recipient: kept, normalised, noted."""
    msg = EmailMessage()
    msg["From"] = "jose@example.com"
    msg["To"] = "fee_earner@smith.example, Wrong <wrong@@example>"
    msg["Subject"] = "Report on title"
    msg["Message-ID"] = "<long@example.com>"
    msg.set_content("Title is good.\f\n" * 20_000)
    out = office.admin.communications.ingest_email(msg.as_bytes())
    c = out.communication
    assert len(c.body) > 200_000 and "\f" not in c.body
    assert [p.address for p in c.participants] == ["jose@example.com", "fee_earner@smith.example"]
    (notice,) = c.notices
    assert (notice.kind, notice.role, notice.address, notice.count) == (
        "address_skipped",
        "to",
        "wrong@@example",
        None,
    )
    assert office.admin.communications.get(c.id).notices == c.notices


def test_mail_cut_off_in_transit_is_refused(office: Office) -> None:
    raw = email(subject="Contract", message_id="cut@example.com")
    with pytest.raises(lexcase.ValidationError) as err:
        office.admin.communications.ingest_email(raw[: len(raw) - 40])
    assert err.value.field == "email" and "cut off" in str(err.value)
    assert office.admin.communications.unfiled().total == 0


def test_a_recorded_phone_call(office: Office) -> None:
    client = office.client()
    m = office.matter(client=client)
    fe = office.users["fee_earner"].id
    comms = office.as_("fee_earner").communications
    caller = lexcase.Participant("from", "Fee Earner User", user=fe)
    callee = lexcase.Participant("to", "Jane Smith", "+44 20 7946 0000", contact=client.id)
    assert caller == lexcase.Participant("from", "Fee Earner User", user=fe)
    assert "+44 20 7946 0000" in repr(callee)
    c = comms.record(
        channel="phone",
        direction="outbound",
        # 10:30 in London on summer time is 09:30 UTC.
        occurred_at=datetime.datetime(
            2031, 7, 5, 10, 30, tzinfo=zoneinfo.ZoneInfo("Europe/London")
        ),
        subject="Call with the client",
        body="Discussed the completion date.",
        matter=m.id,
        participants=[caller, callee],
    )
    assert (c.channel, c.direction, c.filing, c.matter) == ("phone", "outbound", "recorded", m.id)
    assert c.occurred_at == datetime.datetime(2031, 7, 5, 9, 30, tzinfo=UTC)
    assert c.occurred_at.utcoffset() == datetime.timedelta(0)
    assert c.participants == [caller, callee]
    assert [(p.role, p.user, p.contact) for p in c.participants] == [
        ("from", fe, None),
        ("to", None, client.id),
    ]
    assert (c.message_id, c.raw_hash, c.attachments) == (None, None, [])
    assert comms.of_matter(m.id, limit=1).items == [c]
    with pytest.raises(lexcase.ValidationError) as err:
        comms.raw_message(c.id)
    assert err.value.field == "communication"

    # Without a matter it waits in the unfiled queue.
    letter = comms.record(
        channel="letter", direction="inbound", occurred_at=datetime.datetime(2031, 7, 6, tzinfo=UTC)
    )
    assert (letter.matter, letter.filing) == (None, None)
    assert [x.id for x in comms.unfiled()] == [letter.id]


def test_record_refusals(office: Office) -> None:
    comms = office.admin.communications
    when = datetime.datetime(2031, 7, 5, 10, 30, tzinfo=UTC)
    with pytest.raises(lexcase.ValidationError) as err:
        comms.record(channel="pigeon", direction="inbound", occurred_at=when)
    assert err.value.field == "channel"
    with pytest.raises(lexcase.ValidationError) as err:
        comms.record(channel="phone", direction="sideways", occurred_at=when)
    assert err.value.field == "direction"
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.Participant("boss")
    assert err.value.field == "role"
    with pytest.raises(lexcase.ValidationError) as err:
        lexcase.Participant("to", "Two\nlines")
    assert err.value.field == "name"
    with pytest.raises(TypeError):
        comms.record(
            channel="phone", direction="inbound", occurred_at=datetime.datetime(2031, 7, 5, 10, 30)
        )
    with pytest.raises(TypeError):
        comms.record(
            channel="phone",
            direction="inbound",
            occurred_at=when,
            participants=[{"role": "to"}],  # type: ignore[list-item]
        )
    with pytest.raises(TypeError):
        comms.ingest_email("From: a@example.com\r\n\r\nbody")  # type: ignore[arg-type]
    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("read_only").communications.record(
            channel="phone", direction="inbound", occurred_at=when
        )
    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("read_only").communications.ingest_email(
            email(subject="x", message_id="ro@example.com")
        )
