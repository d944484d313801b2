"""Email from a matter through a real SMTP server on loopback (aiosmtpd, started and stopped
here): what the server receives is byte for byte what the matter keeps; the reply files itself
to the matter; a refused send records nothing; an application's own sender."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

import lexcase
from billed import billed_firm, money


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class Handler:
    """Keeps every message; refuses recipients at refused.example with 550."""

    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        if address.endswith("@refused.example"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content
        assert isinstance(content, bytes)
        self.received.append(Received(str(envelope.mail_from), list(envelope.rcpt_tos), content))
        return "250 OK queued"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Server:
    port: int
    handler: Handler


@pytest.fixture
def smtp() -> Iterator[Server]:
    handler = Handler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield Server(port, handler)
    finally:
        controller.stop()


def test_a_client_care_letter_goes_out_with_the_bill_and_the_reply_comes_back(smtp: Server) -> None:
    b = billed_firm()
    firm = b.firm.with_smtp("127.0.0.1", smtp.port, security="none")
    paul = firm.session(b.paul.actor_id)
    client_party = next(p for p in b.matter.parties if p.role == "client")
    sent = paul.communications.send_email(
        b.matter.id,
        to=[lexcase.Recipient.party(client_party.id)],
        cc=["fern@harbourvale.example"],
        bcc=[lexcase.Recipient.address("archive@harbourvale.example")],
        template="cover_email",
        bill=b.bill.id,
        attachments=[lexcase.OutgoingAttachment.rendered("client_care_letter"),
                     lexcase.OutgoingAttachment.rendered("invoice", "pdf", b.bill.id)],
    )
    assert len(smtp.handler.received) == 1
    got = smtp.handler.received[0]
    assert got.mail_from == "paul@harbourvale.example"
    assert got.rcpt_tos == ["jane@client.example", "fern@harbourvale.example",
                            "archive@harbourvale.example"]
    comm = sent.communication
    assert got.content == paul.communications.raw_message(comm.id) == sent.message.raw
    assert comm.direction == "outbound" and comm.filing == "sent" and comm.matter == b.matter.id
    assert comm.message_id is not None and comm.message_id.endswith("@harbourvale.example")
    assert money(b.bill.totals.total) in comm.body
    assert [d.category for d in sent.documents] == ["client_care_letter", "bill"]
    assert [a.document for a in comm.attachments] == [d.id for d in sent.documents]
    reprint = b.admin.documents.render("invoice", bill=b.bill.id)
    assert reprint.reprint and reprint.hash == comm.attachments[1].hash

    reply = (
        "From: Jane Smith <jane@client.example>\r\nTo: paul@harbourvale.example\r\n"
        "Subject: Re: your letter\r\nMessage-ID: <reply-1@client.example>\r\n"
        f"In-Reply-To: <{comm.message_id}>\r\nReferences: <{comm.message_id}>\r\n\r\n"
        "Thank you, I agree the terms.\r\n"
    ).encode()
    filed = b.fern.communications.ingest_email(reply).communication
    assert filed.matter == b.matter.id and filed.filing == "reply"


def test_a_refused_send_records_nothing(smtp: Server) -> None:
    b = billed_firm()
    firm = b.firm.with_smtp("127.0.0.1", smtp.port, security="none")
    paul = firm.session(b.paul.actor_id)
    before = (paul.communications.of_matter(b.matter.id).total,
              paul.documents.for_matter(b.matter.id).total)
    with pytest.raises(lexcase.DeliveryError) as e:
        paul.communications.send_email(b.matter.id, to=["nobody@refused.example"],
                                       subject="Hello", body="Hi")
    assert e.value.permanent and e.value.smtp_code == 550 and e.value.code == "delivery"
    assert "refused.example" not in str(e.value)
    assert (paul.communications.of_matter(b.matter.id).total,
            paul.documents.for_matter(b.matter.id).total) == before
    assert smtp.handler.received == []


def test_an_applications_own_sender() -> None:
    b = billed_firm()
    outbox: list[tuple[str, list[str], bytes]] = []

    def sender(envelope_from: str, envelope_to: list[str], message: bytes) -> None:
        outbox.append((envelope_from, envelope_to, message))

    composed = b.fern.communications.compose_email(b.matter.id, to=[lexcase.Recipient.contact(b.client.id)],
                                                   subject="Hello", body="Hi Jane")
    assert composed.envelope_to == ["jane@client.example"] and outbox == []
    sent = b.fern.communications.send_email(b.matter.id, to=[lexcase.Recipient.contact(b.client.id)],
                                            subject="Hello", body="Hi Jane", sender=sender)
    assert outbox == [("fern@harbourvale.example", ["jane@client.example"], sent.message.raw)]
    firm = b.firm.with_mail_sender(sender)
    firm.session(b.fern.actor_id).communications.send_email(b.matter.id, to=["x@client.example"],
                                                            subject="Again", body="x")
    assert len(outbox) == 2

    def broken(*_: Any) -> None:
        raise RuntimeError("mail server at mx.client.example said no")

    before = b.fern.communications.of_matter(b.matter.id).total
    with pytest.raises(lexcase.DeliveryError) as e:
        b.fern.communications.send_email(b.matter.id, to=["y@client.example"], subject="S",
                                         body="B", sender=broken)
    assert "client.example" not in str(e.value) and not e.value.permanent
    assert b.fern.communications.of_matter(b.matter.id).total == before
    with pytest.raises(lexcase.ValidationError) as v:
        b.fern.communications.send_email(b.matter.id, to=["not an address"], subject="S", body="B",
                                         sender=sender)
    assert v.value.field == "to[0]" and "not an address" not in str(v.value)
    with pytest.raises(lexcase.ValidationError):
        b.firm.with_smtp("smtp.example.com", 25, security="none", username="u", password="p")
