# Generated from the py_record! declarations of bindings/python/src by
# `LEXCASE_BLESS=1 cargo test -p lexcase-python generated_stub`: do not edit.
"""The record classes of ``lexcase._lexcase`` (generated)."""

import datetime
import uuid
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Literal, Union, final

# An exact amount: never a float.
_Amount = Union[Decimal, str, int]
# A custom-field value as read back from a matter.
_CustomValue = Union[str, int, bool, Decimal, datetime.date, uuid.UUID]
# A JSON value, as plain Python.
_Json = Union[None, bool, int, float, str, list["_Json"], dict[str, "_Json"]]
# The kind of entity an audit event is about.
_EntityKind = Literal[
    "firm",
    "user",
    "contact",
    "matter",
    "task",
    "note",
    "document",
    "appointment",
    "deadline",
    "communication",
    "time_entry",
    "expense",
    "bill",
    "payment",
    "client_money",
]

__all__ = [
    "Affiliation",
    "AgedDebt",
    "Appointment",
    "Attachment",
    "AuditEvent",
    "AuditHead",
    "AuditVerification",
    "Bill",
    "BillLine",
    "BillTotals",
    "BillingTerms",
    "Blocker",
    "BrokenLink",
    "ChangeBatch",
    "ChecklistItem",
    "Clash",
    "ClientMoneyEntry",
    "CodePolicy",
    "Communication",
    "CompliancePack",
    "ComplianceRule",
    "ComplianceTest",
    "ComposedAttachment",
    "ComposedEmail",
    "ComputedDeadline",
    "ConflictCheck",
    "ConflictHit",
    "ConflictRecheck",
    "Contact",
    "CustomFieldDefinition",
    "Deadline",
    "DeadlineReminder",
    "DeadlineRule",
    "Decision",
    "Document",
    "DocumentTemplate",
    "DocumentVersion",
    "Email",
    "EthicalWall",
    "Expense",
    "FeeEarnerHours",
    "FieldChange",
    "Finding",
    "FirmBillingSettings",
    "FirmSettings",
    "Identifier",
    "IdentityVerification",
    "IngestNotice",
    "IngestOutcome",
    "ItemCompletion",
    "ItemStatus",
    "LedgerBalance",
    "Letterhead",
    "Mailbox",
    "MatchReason",
    "Matter",
    "MatterCompliance",
    "MatterFinding",
    "NameMatch",
    "NewTimeEntry",
    "Note",
    "NoteRevision",
    "Occurrence",
    "OccurrenceException",
    "OutgoingAttachment",
    "Participant",
    "Party",
    "Payment",
    "Phone",
    "PostalAddress",
    "RecheckedMatter",
    "Recipient",
    "ReconciliationDifference",
    "ReconciliationDue",
    "ReconciliationRecord",
    "RenderedDocument",
    "RoundingPolicy",
    "RuleOverride",
    "RulePack",
    "RuleTestOutcome",
    "RuleVersion",
    "SentEmail",
    "Stage",
    "StageCount",
    "StageMove",
    "StageMoveResult",
    "StateVerification",
    "StatementEntry",
    "StatementOfAccount",
    "StatusChange",
    "StatusReport",
    "Task",
    "TeamMember",
    "TimeEntry",
    "Timer",
    "TraceStep",
    "UnexplainedRow",
    "User",
    "UtbmsCode",
    "WorkInProgress",
    "WorkflowProgress",
    "WorkflowTemplate",
]

@final
class Affiliation:
    """This contact `kind` (`works_for`, `subsidiary_of`) the contact `other`."""

    @property
    def kind(self) -> str:
        """`works_for` or `subsidiary_of`."""
    @property
    def other(self) -> uuid.UUID:
        """The other contact's id."""
    @property
    def position(self) -> str | None:
        """Position or description, e.g. "Finance Director"."""

@final
class AgedDebt:
    """What issued invoices owe, by age from issue."""

    @property
    def as_of(self) -> datetime.date:
        """The day it is aged at."""
    @property
    def currency(self) -> str:
        """ISO 4217 currency."""
    @property
    def current(self) -> Decimal:
        """0–30 days."""
    @property
    def days_31_60(self) -> Decimal:
        """31–60 days."""
    @property
    def days_61_90(self) -> Decimal:
        """61–90 days."""
    @property
    def over_90(self) -> Decimal:
        """Over 90 days."""
    @property
    def total(self) -> Decimal:
        """All."""

@final
class Appointment:
    """A calendar entry, single or a recurring series: `kind` is `appointment`, `meeting`,
    `hearing` or `call`; `status` is `scheduled` or `cancelled`."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def matter(self) -> uuid.UUID | None:
        """The matter it belongs to, if any."""
    @property
    def kind(self) -> str:
        """What kind of entry."""
    @property
    def title(self) -> str:
        """Title."""
    @property
    def description(self) -> str:
        """Detail."""
    @property
    def location(self) -> str:
        """Where (a room, a court, a video link)."""
    @property
    def all_day(self) -> bool:
        """Whether it takes whole days (`first_day`..`last_day`) rather than `start`..`end`."""
    @property
    def start(self) -> datetime.datetime | None:
        """Start of the (first) occurrence, a naive wall-clock time in `zone`; `None` when all-day."""
    @property
    def end(self) -> datetime.datetime | None:
        """End of the (first) occurrence, a naive wall-clock time in `zone`; `None` when all-day."""
    @property
    def zone(self) -> str | None:
        """IANA time zone of `start` and `end`, e.g. `Europe/London`; `None` when all-day."""
    @property
    def first_day(self) -> datetime.date | None:
        """First day of the (first) occurrence when all-day, else `None`."""
    @property
    def last_day(self) -> datetime.date | None:
        """Last day (inclusive) of the (first) occurrence when all-day, else `None`."""
    @property
    def recurrence(self) -> str | None:
        """The RFC 5545 `RRULE` value it repeats by (e.g. `FREQ=WEEKLY;COUNT=6`), or `None`."""
    @property
    def exceptions(self) -> list[OccurrenceException]:
        """Occurrences that differ from the rule, in original-start order."""
    @property
    def attendee_users(self) -> list[uuid.UUID]:
        """Users of the firm attending."""
    @property
    def attendee_contacts(self) -> list[uuid.UUID]:
        """Contacts attending."""
    @property
    def reminders(self) -> list[int]:
        """Reminders in minutes before the start, most notice first."""
    @property
    def status(self) -> str:
        """Whether it stands."""
    @property
    def organiser(self) -> uuid.UUID:
        """Who put it in the calendar."""
    @property
    def created_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class Attachment:
    """A file that came with a communication: its contents are in the blob store (read them with
    `CommunicationService.attachment`), and once the communication is on a matter a document of
    that matter (category `correspondence`) holds them too."""

    @property
    def file_name(self) -> str:
        """File name as sent (`attachment-N` when the sender gave none)."""
    @property
    def media_type(self) -> str:
        """Media type, e.g. `application/pdf`."""
    @property
    def size(self) -> int:
        """Size in bytes."""
    @property
    def hash(self) -> str:
        """SHA-256 of the contents as 64 lower-case hex digits."""
    @property
    def document(self) -> uuid.UUID | None:
        """The matter document holding it, once filed."""

@final
class AuditEvent:
    """One audit event: who did what to which entity when, and the changed fields; hash-chained
    to the previous event."""

    @property
    def seq(self) -> int:
        """Position in the chain, from 1, gapless, for viewers who may see every event; for others
        a pseudonym (the same for the event each time, usable as a cursor, in no order)."""
    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def at(self) -> datetime.datetime:
        """When it happened (UTC)."""
    @property
    def actor(self) -> uuid.UUID:
        """Who did it."""
    @property
    def entity_kind(self) -> _EntityKind:
        """The kind of entity it is about, e.g. `matter`, `document` or `bill` (the stub's
        `_EntityKind` lists every kind)."""
    @property
    def entity_id(self) -> uuid.UUID:
        """The entity's id (the nil UUID for the firm)."""
    @property
    def matter(self) -> uuid.UUID | None:
        """The first matter the change concerns, if any (see `matters`)."""
    @property
    def matters(self) -> list[uuid.UUID]:
        """Every matter the change concerns, in the order recorded."""
    @property
    def action(self) -> str:
        """What was done, e.g. `matter.created`, `matter.party_added`."""
    @property
    def changes(self) -> list[FieldChange]:
        """The changed fields."""
    @property
    def prev_hash(self) -> str:
        """Hash of the previous event (hex); empty for viewers who may not see every event."""
    @property
    def hash(self) -> str:
        """SHA-256 (hex) over `prev_hash` and this event; empty for viewers who may not see every
        event."""

@final
class AuditHead:
    """The head of the audit chain: the last event's sequence number and hash. Keep it outside the
    file (`str(head)` is `"<seq>:<hash>"`, read back with `AuditHead.parse`) and give it to
    `verify(expected_head=...)` later."""

    @staticmethod
    def parse(text: str) -> AuditHead:
        """Reads a head written as `"<seq>:<hash>"`."""
    @property
    def seq(self) -> int:
        """Sequence number of the last event."""
    @property
    def hash(self) -> str:
        """Its hash (hex)."""

@final
class AuditVerification:
    """The outcome of verifying the audit hash chain."""

    @property
    def is_intact(self) -> bool:
        """Whether the whole chain verifies."""
    @property
    def events_checked(self) -> int:
        """How many events were checked."""
    @property
    def first_broken(self) -> BrokenLink | None:
        """The first broken link, or `None`."""
    @property
    def key_needed_from(self) -> int | None:
        """The first event sealed with the firm's audit key when the firm was opened without it
        (it and the events after it were not checked), or `None`."""
    @property
    def keyed_from(self) -> int | None:
        """The first event checked that is sealed with the audit key, or `None`."""

@final
class Bill:
    """A bill: `kind` is `invoice` or `credit_note`; `status` is `draft`, `approved`, `issued`,
    `partly_paid`, `paid` or `void`; `arrangement` is `hourly`, `fixed_fee` or `contingency`.
    Amounts are in `currency`."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def kind(self) -> str:
        """Invoice or credit note."""
    @property
    def number(self) -> str | None:
        """The number given at issue."""
    @property
    def client(self) -> uuid.UUID:
        """The client billed."""
    @property
    def matters(self) -> list[uuid.UUID]:
        """The matters billed."""
    @property
    def period_from(self) -> datetime.date:
        """First day of work billed."""
    @property
    def period_to(self) -> datetime.date:
        """Last day of work billed."""
    @property
    def currency(self) -> str:
        """ISO 4217 currency."""
    @property
    def arrangement(self) -> str:
        """The fee arrangement."""
    @property
    def lines(self) -> list[BillLine]:
        """The lines."""
    @property
    def discount_percent(self) -> Decimal | None:
        """The bill discount as a percentage, if one is set that way."""
    @property
    def discount_amount(self) -> Decimal | None:
        """The bill discount as an amount, if one is set that way."""
    @property
    def tax_name(self) -> str:
        """The tax's name."""
    @property
    def tax_rate(self) -> Decimal:
        """The tax rate as a fraction."""
    @property
    def totals(self) -> BillTotals:
        """The totals."""
    @property
    def total(self) -> Decimal:
        """The total due."""
    @property
    def status(self) -> str:
        """Where it stands."""
    @property
    def allowed_transitions(self) -> list[str]:
        """The statuses `transition`, `issue` or `void` may move it to now."""
    @property
    def credits(self) -> uuid.UUID | None:
        """The invoice a credit note credits."""
    @property
    def description(self) -> str:
        """Text printed."""
    @property
    def issued_on(self) -> datetime.date | None:
        """The day it was issued."""
    @property
    def due_on(self) -> datetime.date | None:
        """The day payment is due."""
    @property
    def paid(self) -> Decimal:
        """Paid so far."""
    @property
    def credited(self) -> Decimal:
        """Credited by credit notes."""
    @property
    def written_off(self) -> Decimal:
        """Written off."""
    @property
    def outstanding(self) -> Decimal:
        """What an issued invoice still owes (0 otherwise)."""
    @property
    def void_reason(self) -> str | None:
        """Why it was voided."""
    @property
    def created_by(self) -> uuid.UUID:
        """Who drafted it."""
    @property
    def created_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def issued_by(self) -> uuid.UUID | None:
        """Who issued it."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class BillLine:
    """A line of a bill: `kind` is `time`, `no_charge_time`, `expense`, `disbursement`,
    `fixed_fee`, `contingency_fee` or `adjustment`; the amounts are its share of the totals."""

    @property
    def number(self) -> int:
        """1-based position."""
    @property
    def kind(self) -> str:
        """What it bills."""
    @property
    def matter(self) -> uuid.UUID:
        """The matter."""
    @property
    def date(self) -> datetime.date:
        """The day of the work."""
    @property
    def description(self) -> str:
        """Text printed."""
    @property
    def quantity(self) -> Decimal:
        """Hours, units, or −1 for a credit."""
    @property
    def unit_price(self) -> Decimal:
        """Price of one unit."""
    @property
    def discount_percent(self) -> Decimal | None:
        """The line's discount as a percentage, if one is set that way."""
    @property
    def discount_amount(self) -> Decimal | None:
        """The line's discount as an amount, if one is set that way."""
    @property
    def taxable(self) -> bool:
        """Whether tax applies."""
    @property
    def time_entry(self) -> uuid.UUID | None:
        """The time entry billed."""
    @property
    def expense(self) -> uuid.UUID | None:
        """The expense billed."""
    @property
    def user(self) -> uuid.UUID | None:
        """The fee earner of time."""
    @property
    def task_code(self) -> str | None:
        """UTBMS task code."""
    @property
    def activity_code(self) -> str | None:
        """UTBMS activity code."""
    @property
    def expense_code(self) -> str | None:
        """UTBMS expense code."""
    @property
    def gross(self) -> Decimal:
        """Quantity × unit price, rounded."""
    @property
    def discount(self) -> Decimal:
        """The line's own discount."""
    @property
    def bill_discount(self) -> Decimal:
        """Its share of the bill discount."""
    @property
    def net(self) -> Decimal:
        """After discounts."""
    @property
    def tax(self) -> Decimal:
        """Tax on the net."""
    @property
    def total(self) -> Decimal:
        """Net plus tax."""

@final
class BillTotals:
    """Totals of a bill; each is the sum of its lines' (so the lines add up to what is printed)."""

    @property
    def gross(self) -> Decimal:
        """Sum of quantity × unit price."""
    @property
    def discount(self) -> Decimal:
        """Line and bill discounts."""
    @property
    def net(self) -> Decimal:
        """After discounts."""
    @property
    def tax(self) -> Decimal:
        """Tax."""
    @property
    def total(self) -> Decimal:
        """Net plus tax."""

@final
class BillingTerms:
    """Billing terms of a client (`client` set) or a matter (`matter` set): a rate for everyone,
    rates per user, a rounding policy and a code policy; `None` leaves each to the next level."""

    @property
    def client(self) -> uuid.UUID | None:
        """The client they apply to."""
    @property
    def matter(self) -> uuid.UUID | None:
        """The matter they apply to."""
    @property
    def rate(self) -> Decimal | None:
        """The hourly rate for everyone."""
    @property
    def currency(self) -> str | None:
        """ISO 4217 currency of the rates (`None` without any rate)."""
    @property
    def user_rates(self) -> dict[uuid.UUID, Decimal]:
        """Hourly rates per user."""
    @property
    def rounding(self) -> RoundingPolicy | None:
        """The rounding policy."""
    @property
    def codes(self) -> CodePolicy | None:
        """The code policy."""
    @property
    def updated_by(self) -> uuid.UUID:
        """Who last set them."""
    @property
    def updated_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version (0: never set)."""

@final
class Blocker:
    """Something that stops the matter leaving its stage."""

    @property
    def source(self) -> str:
        """Where it comes from: `checklist`, or a rule id."""
    @property
    def item(self) -> str | None:
        """The checklist item concerned, if any."""
    @property
    def message(self) -> str:
        """What is missing, for people."""

@final
class BrokenLink:
    """Where the audit chain first breaks."""

    @property
    def seq(self) -> int:
        """Sequence number of the first event that does not verify (or where one is missing)."""
    @property
    def reason(self) -> str:
        """What is wrong there."""

@final
class ChangeBatch:
    """A page of the change feed: pass `next_cursor` back to `changes_since` while `more`."""

    @property
    def events(self) -> list[AuditEvent]:
        """Events after the cursor that the acting user may see, in order."""
    @property
    def next_cursor(self) -> int:
        """The cursor to pass next time."""
    @property
    def more(self) -> bool:
        """Whether more events may follow right away."""

@final
class ChecklistItem:
    """One checklist item of a stage: `kind` is `task`, `document`, `search`, `key_date` or
    `confirmation`."""

    @property
    def id(self) -> str:
        """Identifier, unique in the template."""
    @property
    def title(self) -> str:
        """What the team sees."""
    @property
    def kind(self) -> str:
        """What completes it."""
    @property
    def required(self) -> bool:
        """Whether it must be complete before the matter leaves the stage (without an explicit
        gate)."""

@final
class Clash:
    """Two of a user's timed occurrences that overlap (all-day entries do not block time)."""

    @property
    def first(self) -> Occurrence:
        """The one that starts first."""
    @property
    def second(self) -> Occurrence:
        """The one that overlaps it."""

@final
class ClientMoneyEntry:
    """An entry of a client-money ledger: `kind` is `receipt`, `payment`, `transfer_to_office` or
    `reversal`. Entries are never changed, only reversed."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def matter(self) -> uuid.UUID:
        """The matter."""
    @property
    def client(self) -> uuid.UUID:
        """The client whose money it is."""
    @property
    def kind(self) -> str:
        """What it is."""
    @property
    def amount(self) -> Decimal:
        """Amount (positive)."""
    @property
    def currency(self) -> str:
        """ISO 4217 currency."""
    @property
    def date(self) -> datetime.date:
        """The day."""
    @property
    def reference(self) -> str:
        """Bank reference."""
    @property
    def counterparty(self) -> str:
        """Who paid or was paid."""
    @property
    def description(self) -> str:
        """What for."""
    @property
    def bill(self) -> uuid.UUID | None:
        """The bill a transfer to office pays."""
    @property
    def reverses(self) -> uuid.UUID | None:
        """The entry a reversal reverses."""
    @property
    def override_reason(self) -> str | None:
        """Why a partner let the ledger go below zero."""
    @property
    def recorded_by(self) -> uuid.UUID:
        """Who recorded it."""
    @property
    def recorded_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def version(self) -> int:
        """Version."""

@final
class CodePolicy:
    """A client's restriction on UTBMS codes: `task_sets` (`litigation`, `bankruptcy`,
    `counseling`, `project`) the client accepts for task codes, and `allowed` codes of any
    kind (a phase such as `L300` admits its tasks). Empty lists mean no restriction."""

    def __new__(cls, *, task_sets: Sequence[str] = ..., allowed: Sequence[str] = ...) -> CodePolicy: ...
    @property
    def task_sets(self) -> list[str]:
        """The accepted task sets."""
    @property
    def allowed(self) -> list[str]:
        """The accepted codes."""

@final
class Communication:
    """One communication: an email, call, letter, meeting, message or portal post. `channel` is
    `email`, `phone`, `letter`, `meeting`, `message` or `portal`; `direction` `inbound`,
    `outbound` or `internal`; `filing` how it reached its matter: `recorded`, `reference` (the
    subject named the matter's number), `parties` (its people are parties to exactly one open
    matter), `manual` (filed from the unfiled queue), `reply` (it answers a message sent from
    or filed to the matter) or `sent` (sent from the matter), `None` while unfiled."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def matter(self) -> uuid.UUID | None:
        """The matter it is filed to; `None` while it waits in the unfiled queue."""
    @property
    def candidates(self) -> list[uuid.UUID]:
        """Open matters it might belong to, while unfiled (those the acting user may see)."""
    @property
    def filing(self) -> str | None:
        """How it was filed."""
    @property
    def channel(self) -> str:
        """How it travelled."""
    @property
    def direction(self) -> str:
        """Which way it went, seen from the firm."""
    @property
    def occurred_at(self) -> datetime.datetime:
        """When it was sent or took place (UTC)."""
    @property
    def subject(self) -> str:
        """Subject."""
    @property
    def body(self) -> str:
        """Body (plain text) or a summary of a call or meeting."""
    @property
    def participants(self) -> list[Participant]:
        """Who took part."""
    @property
    def attachments(self) -> list[Attachment]:
        """Attached files."""
    @property
    def message_id(self) -> str | None:
        """The email's Message-ID, without angle brackets."""
    @property
    def in_reply_to(self) -> str | None:
        """The Message-ID it replies to."""
    @property
    def raw_hash(self) -> str | None:
        """SHA-256 (hex) of the original message bytes of an ingested email (read them with
        `CommunicationService.raw_message`), else `None`."""
    @property
    def recorded_by(self) -> uuid.UUID:
        """Who recorded or ingested it."""
    @property
    def recorded_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def filed_by(self) -> uuid.UUID | None:
        """Who filed it to its matter."""
    @property
    def filed_at(self) -> datetime.datetime | None:
        """When (UTC)."""
    @property
    def notices(self) -> list[IngestNotice]:
        """What ingestion left out or shortened (empty for most)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class CompliancePack:
    """A named, versioned set of compliance rules with their own test cases (the core's
    `rules::CompliancePack`; the deadline `CompliancePack` is another thing). Built-in packs come from
    `builtin_compliance_packs`, a firm's own from `compliance_pack_from_toml` /
    `compliance_pack_from_json`."""

    @property
    def id(self) -> str:
        """Stable id, e.g. `core`."""
    @property
    def version(self) -> int:
        """Version of the pack."""
    @property
    def title(self) -> str:
        """Title."""
    @property
    def rules(self) -> list[ComplianceRule]:
        """The rules, in the pack's order."""
    @property
    def tests(self) -> list[ComplianceTest]:
        """The pack's test cases."""

@final
class ComplianceRule:
    """One compliance rule: a CEL `condition` over the fact model (`true` means breached), the
    matters it applies to, the checkpoints it gates besides sweeps (`on`), its `severity`
    (`block`, `warn` or `info`), the `message` (with `{fact.path}` placeholders) and the
    `remedy`."""

    @property
    def id(self) -> str:
        """Stable id, unique within its pack."""
    @property
    def version(self) -> int:
        """Version of the rule, raised whenever its meaning changes."""
    @property
    def title(self) -> str:
        """Short title."""
    @property
    def practice_areas(self) -> list[str]:
        """The practice areas it applies to (empty: every one)."""
    @property
    def stages(self) -> list[str]:
        """The workflow stages it applies to (empty: every one)."""
    @property
    def statuses(self) -> list[str]:
        """The matter statuses it applies to (empty: every one)."""
    @property
    def on(self) -> list[str]:
        """The checkpoints it runs at: `sweep`, `matter_opening`, `stage_advance`."""
    @property
    def condition(self) -> str:
        """The CEL condition; `true` means the rule is breached."""
    @property
    def severity(self) -> str:
        """`block`, `warn` or `info`."""
    @property
    def message(self) -> str:
        """The finding's message, with `{fact.path}` placeholders."""
    @property
    def remedy(self) -> str:
        """What to do about a breach."""

@final
class ComplianceTest:
    """A test case a compliance pack carries: partial `facts` in (a plain `dict`), the ids of
    the rules `expect`ed to fire out, at `checkpoint` (a sweep when `None`)."""

    @property
    def name(self) -> str:
        """Name of the case."""
    @property
    def checkpoint(self) -> str | None:
        """The checkpoint evaluated at (`None`: a sweep)."""
    @property
    def expect(self) -> list[str]:
        """The ids of the pack's rules expected to fire: exactly these."""
    @property
    def facts(self) -> _Json:
        """The partial facts, as plain Python values."""

@final
class ComposedAttachment:
    """A file of a composed message."""

    @property
    def file_name(self) -> str:
        """File name."""
    @property
    def media_type(self) -> str:
        """Media type."""
    @property
    def document(self) -> uuid.UUID | None:
        """The matter document it is (for attached documents)."""
    @property
    def content(self) -> bytes:
        """The contents."""

@final
class ComposedEmail:
    """An outgoing message: its parts, and `raw`, the RFC 5322 bytes exactly as handed to the
    transport."""

    @property
    def message_id(self) -> str:
        """The Message-ID, without angle brackets (in the firm's domain)."""
    @property
    def sender(self) -> Mailbox:
        """The sender (the acting user)."""
    @property
    def to(self) -> list[Mailbox]:
        """Addressees."""
    @property
    def cc(self) -> list[Mailbox]:
        """Copied."""
    @property
    def bcc(self) -> list[Mailbox]:
        """Blind-copied (in the envelope only)."""
    @property
    def envelope_to(self) -> list[str]:
        """Every envelope recipient, once each."""
    @property
    def subject(self) -> str:
        """Subject."""
    @property
    def text(self) -> str:
        """Plain-text body."""
    @property
    def html(self) -> str | None:
        """HTML body, when the template has one."""
    @property
    def attachments(self) -> list[ComposedAttachment]:
        """Attachments."""
    @property
    def in_reply_to(self) -> str | None:
        """The Message-ID it replies to."""
    @property
    def references(self) -> list[str]:
        """The thread it continues, oldest first."""
    @property
    def date(self) -> datetime.datetime:
        """When it is dated (UTC)."""
    @property
    def raw(self) -> bytes:
        """The RFC 5322 message."""

@final
class ComputedDeadline:
    """A computed deadline: the last day for the act, the instant it ends for hour periods, and
    the trace of every step (the last step's date is `due`)."""

    @property
    def due(self) -> datetime.date:
        """The last day for the act."""
    @property
    def due_at(self) -> datetime.datetime | None:
        """For hour periods, the instant the period ends (UTC)."""
    @property
    def trace(self) -> list[TraceStep]:
        """Every step, in order."""

@final
class ConflictCheck:
    """A matter's conflict check: the names and identifiers searched, the hits best first with a
    decision per hit, who ran it last and when. `status` is `clear` (no hits), `hits` (some
    undecided), `declined` (a hit led to declining) or `resolved` (every hit cleared or
    waived)."""

    @property
    def matter(self) -> uuid.UUID:
        """The matter checked."""
    @property
    def names(self) -> list[str]:
        """The names searched."""
    @property
    def identifiers(self) -> list[str]:
        """The identifiers searched (company numbers, tax ids)."""
    @property
    def hits(self) -> list[ConflictHit]:
        """The hits, best first; `ConflictService.decide` takes an index into this list."""
    @property
    def run_by(self) -> uuid.UUID:
        """Who ran it last."""
    @property
    def run_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def version(self) -> int:
        """Version for optimistic concurrency."""
    @property
    def status(self) -> str:
        """`clear`, `hits`, `declined` or `resolved`."""
    @property
    def unresolved(self) -> int:
        """How many hits have no decision."""

@final
class ConflictHit:
    """One conflict hit: a contact whose name or identifier matched a searched one, the matter
    it is a party to (`None` for a contact on no matter) with its number, status and the
    contact's role there, the affiliation it was found `via`, and the decision about it. A hit
    on a matter the viewer may not see is `withheld`: it says only that a conflict exists."""

    @property
    def query(self) -> str:
        """The searched name (or identifier) that matched."""
    @property
    def contact(self) -> uuid.UUID:
        """The contact found."""
    @property
    def name(self) -> str:
        """The contact's name as on file."""
    @property
    def score(self) -> int:
        """Match score, 0–1000."""
    @property
    def explanation(self) -> str:
        """Why it matched, in plain words."""
    @property
    def reasons(self) -> list[MatchReason]:
        """The reasons, for programs."""
    @property
    def matter(self) -> uuid.UUID | None:
        """The matter the contact is a party to (`None` for a contact on no matter, or withheld)."""
    @property
    def matter_number(self) -> str | None:
        """That matter's number."""
    @property
    def matter_status(self) -> str | None:
        """That matter's status (`pending`, `open`, `closed`, `archived`)."""
    @property
    def role(self) -> str | None:
        """The contact's role on that matter (`client`, `opposing_party`, …)."""
    @property
    def via(self) -> str | None:
        """How the contact relates to the name found, when found through an affiliation (e.g.
        "Dana Scully works for Globex Corporation")."""
    @property
    def withheld(self) -> bool:
        """Whether the details were withheld (the viewer may not see the matter)."""
    @property
    def decision(self) -> Decision | None:
        """What was decided about it, if anything."""

@final
class ConflictRecheck:
    """What re-running every conflict check did: how many checks were run again, and the
    matters whose check found new hits."""

    @property
    def rechecked(self) -> int:
        """How many stored checks were run again."""
    @property
    def with_new_hits(self) -> list[RecheckedMatter]:
        """The matters whose check found new hits, newest matter first."""

@final
class Contact:
    """A contact: a person or an organisation (`kind` is `person` or `organisation`)."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def kind(self) -> str:
        """`person` or `organisation`."""
    @property
    def title(self) -> str | None:
        """Honorific of a person ("Dr", "Ms")."""
    @property
    def given_name(self) -> str | None:
        """Given name(s) of a person."""
    @property
    def family_name(self) -> str | None:
        """Family name of a person."""
    @property
    def organisation_name(self) -> str | None:
        """Name of an organisation."""
    @property
    def display_name(self) -> str:
        """The name to show: "Jane Smith" or "Acme Ltd"."""
    @property
    def emails(self) -> list[Email]:
        """Email addresses."""
    @property
    def phones(self) -> list[Phone]:
        """Telephone numbers."""
    @property
    def addresses(self) -> list[PostalAddress]:
        """Postal addresses."""
    @property
    def identifiers(self) -> list[Identifier]:
        """Official identifiers."""
    @property
    def affiliations(self) -> list[Affiliation]:
        """Organisations this contact works for or is a subsidiary of."""
    @property
    def identity(self) -> IdentityVerification:
        """Identity verification (AML)."""
    @property
    def created_at(self) -> datetime.datetime:
        """When created (UTC)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class CustomFieldDefinition:
    """The definition of a typed custom field of matters: `kind` is `text`, `number`, `decimal`,
    `date`, `bool`, `choice` (with `choices`) or `contact_ref`."""

    @property
    def key(self) -> str:
        """Key (a-z, 0-9 and _)."""
    @property
    def label(self) -> str:
        """Label shown to users."""
    @property
    def kind(self) -> str:
        """The kind of value."""
    @property
    def choices(self) -> list[str]:
        """The allowed values of a choice field."""

@final
class Deadline:
    """A docketed deadline: a rule applied to a trigger on a matter, computed with its trace.
    `status` is `open`, `done` or `vacated`; `due` is `None` while the trigger (a key date or
    a chained deadline) has no date."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def matter(self) -> uuid.UUID:
        """The matter."""
    @property
    def title(self) -> str:
        """What must be done."""
    @property
    def rule(self) -> DeadlineRule:
        """The rule, as it was when docketed."""
    @property
    def trigger_kind(self) -> str:
        """What the period runs from: `date`, `moment`, `key_date` or `deadline`."""
    @property
    def trigger_date(self) -> datetime.date | None:
        """The trigger date, for a `date` trigger."""
    @property
    def trigger_at(self) -> datetime.datetime | None:
        """The trigger instant (UTC), for a `moment` trigger."""
    @property
    def trigger_key_date(self) -> str | None:
        """The matter's key date counted from, for a `key_date` trigger."""
    @property
    def trigger_deadline(self) -> uuid.UUID | None:
        """The deadline counted from, for a `deadline` trigger (a chain)."""
    @property
    def service(self) -> str | None:
        """How the triggering document was served, if given."""
    @property
    def holidays(self) -> str:
        """The legal-holiday calendar spec, e.g. `us-federal`."""
    @property
    def closures(self) -> str:
        """The court-office closure calendar spec, e.g. `ew-court-office`."""
    @property
    def due(self) -> datetime.date | None:
        """The last day for the act, once computed."""
    @property
    def due_at(self) -> datetime.datetime | None:
        """For hour periods, the instant the period ends (UTC)."""
    @property
    def trace(self) -> list[TraceStep]:
        """The steps of the computation (empty while undated)."""
    @property
    def reminders(self) -> list[int]:
        """Reminders, in days before the due date (most notice first)."""
    @property
    def responsible(self) -> uuid.UUID | None:
        """The fee earner who must see it met."""
    @property
    def status(self) -> str:
        """Where it stands."""
    @property
    def entered_by(self) -> uuid.UUID:
        """Who entered it (the register)."""
    @property
    def entered_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def entered_on(self) -> datetime.date:
        """The day it was entered, in the firm's zone."""
    @property
    def closed_by(self) -> uuid.UUID | None:
        """Who closed it (done or vacated)."""
    @property
    def closed_at(self) -> datetime.datetime | None:
        """When (UTC)."""
    @property
    def vacated_reason(self) -> str | None:
        """Why it was vacated."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class DeadlineReminder:
    """One reminder falling due for an open deadline."""

    @property
    def deadline(self) -> uuid.UUID:
        """The deadline."""
    @property
    def matter(self) -> uuid.UUID:
        """Its matter."""
    @property
    def title(self) -> str:
        """Its title."""
    @property
    def due(self) -> datetime.date:
        """Its due date."""
    @property
    def remind_on(self) -> datetime.date:
        """The day to remind."""
    @property
    def days_before(self) -> int:
        """How many days before the due date that is."""
    @property
    def responsible(self) -> uuid.UUID | None:
        """Who is responsible."""

@final
class DeadlineRule:
    """A deadline rule: the period, whether it runs after or before the trigger, the counting
    method (`frcp6`, `cpr2_8` or `calendar`), the roll off weekends and holidays (`forward`,
    `backward`, `none` or `auto`), FRCP 6(d) service days, whether the act is done at the court
    office, the usual calendars, the readings chosen where the rules are ambiguous, the
    question it answers and its versions.
    Built-in rules come from `builtin_rule` and `builtin_rule_packs`, a firm's own from
    `rule_pack_from_toml` / `rule_pack_from_json` or the constructor."""

    def __new__(
        cls,
        *,
        id: str,
        title: str,
        citation: str,
        period_amount: int,
        period_unit: str,
        direction: str = "after",
        method: str = "calendar",
        roll: str = "forward",
        service_days: bool = False,
        court_office_act: bool = False,
        holidays: str | None = None,
        closures: str | None = None,
        service_days_reading: str = "after_roll",
        month_end: str = "clamp",
        answers: str = "last_day_for_act",
    ) -> DeadlineRule:
        """A rule of the firm's own, checked as a pack's rule is (an invalid one is a
        `ValidationError`). `period_unit` is `hours`, `days`, `weeks`, `months` or `years`;
        `direction` `after` or `before`; `service_days_reading` `after_roll` or `before_roll`;
        `month_end` `clamp` or `next_month_start`; `holidays` and `closures` calendar specs
        such as `"us-federal+firm"`; `answers` `last_day_for_act` or `earliest_day_for_event`
        (CPR 2.8: the earliest day of a later event at least the period after a step). A rule
        with versions comes from a pack."""
    def compute(
        self,
        *,
        trigger_date: datetime.date | None = None,
        trigger_at: datetime.datetime | None = None,
        zone: str | None = None,
        service: str | None = None,
        holidays: str | None = None,
        closures: str | None = None,
    ) -> ComputedDeadline:
        """Computes the rule without docketing it: from `trigger_date`, or from `trigger_at` (an
        aware datetime, for hour periods) read in `zone` (the court's IANA zone). `service` is
        the service method (`personal`, `electronic`, `mail`, `left_with_clerk`,
        `other_consented`); `holidays` and `closures` calendar specs (the rule's, else the
        counting method's usual ones; `firm` reads as no holidays here)."""
    @property
    def id(self) -> str:
        """Stable id, e.g. `frcp-answer`."""
    @property
    def title(self) -> str:
        """What must be done."""
    @property
    def citation(self) -> str:
        """Where the period comes from, e.g. `FRCP 12(a)(1)(A)(i)`."""
    @property
    def period_amount(self) -> int:
        """How many units the period has."""
    @property
    def period_unit(self) -> str:
        """The period's unit: `hours`, `days`, `weeks`, `months` or `years`."""
    @property
    def direction(self) -> str:
        """`after` or `before` the trigger."""
    @property
    def method(self) -> str:
        """How days are counted: `frcp6`, `cpr2_8` or `calendar`."""
    @property
    def roll(self) -> str:
        """The roll off weekends and holidays: `forward`, `backward`, `none` or `auto`."""
    @property
    def service_days(self) -> bool:
        """Whether FRCP 6(d) adds 3 days for service by mail, with the clerk or other consented
        means."""
    @property
    def court_office_act(self) -> bool:
        """Whether the act is done at the court office (a closure on the last day extends it)."""
    @property
    def holidays(self) -> str | None:
        """The holiday calendar the rule is usually computed with, if it names one."""
    @property
    def closures(self) -> str | None:
        """The court-office closure calendar the rule is usually computed with, if it names one."""
    @property
    def service_days_reading(self) -> str:
        """FRCP 6(d) reading: `after_roll` (add 3 days after the 6(a) roll) or `before_roll`."""
    @property
    def month_end(self) -> str:
        """Month and year periods ending on a day the month lacks: `clamp` or
        `next_month_start`."""
    @property
    def answers(self) -> str:
        """The question the rule answers: `last_day_for_act` (the last day for the act) or
        `earliest_day_for_event` (the earliest day a later event may take place)."""
    @property
    def versions(self) -> list[RuleVersion]:
        """The versions with the trigger dates they are in force (empty when the rule never
        changed)."""

@final
class Decision:
    """A decision about a conflict hit: `disposition` (`cleared`, `waived` or `declined`), the
    `note` giving why, who decided and when."""

    @property
    def disposition(self) -> str:
        """`cleared`, `waived` or `declined`."""
    @property
    def note(self) -> str:
        """Why (a consent reference, the reason it is not the same person…)."""
    @property
    def by(self) -> uuid.UUID:
        """Who decided."""
    @property
    def at(self) -> datetime.datetime:
        """When (UTC)."""

@final
class Document:
    """A document filed to a matter: `status` is `draft`, `final` or `signed`; `versions` holds
    every version of its contents, oldest first."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def matter(self) -> uuid.UUID:
        """The matter it is filed to."""
    @property
    def name(self) -> str:
        """Name, e.g. "TA6 Property Information Form"."""
    @property
    def category(self) -> str:
        """Category, e.g. `TA6` (workflow checklist items ask for categories)."""
    @property
    def status(self) -> str:
        """Where it stands."""
    @property
    def versions(self) -> list[DocumentVersion]:
        """Every version, oldest first (at least one)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class DocumentTemplate:
    """A document or email template: built in, or installed by the firm. `kind` is `invoice`,
    `statement`, `client_care_letter`, `matter_report`, `letter` or `email`; its parts are
    minijinja `subject`, `text` and `html` and a Typst `typst` body for PDF."""

    @property
    def id(self) -> str:
        """Stable id, e.g. `invoice`."""
    @property
    def version(self) -> int:
        """Version."""
    @property
    def kind(self) -> str:
        """What it produces."""
    @property
    def name(self) -> str:
        """Its name for people."""
    @property
    def subject(self) -> str | None:
        """An email's subject line."""
    @property
    def text(self) -> str | None:
        """Plain-text body."""
    @property
    def html(self) -> str | None:
        """HTML body."""
    @property
    def typst(self) -> str | None:
        """Typst body (PDF)."""
    @property
    def parts(self) -> list[str]:
        """The parts it has: `subject`, `text`, `html`, `typst`."""
    @property
    def builtin(self) -> bool:
        """Whether it ships with lexcase."""
    @property
    def retired(self) -> bool:
        """Whether the firm retired it (it renders no new documents)."""
    @property
    def installed_by(self) -> uuid.UUID | None:
        """Who installed (or retired) it."""
    @property
    def installed_at(self) -> datetime.datetime | None:
        """When (UTC)."""

@final
class DocumentVersion:
    """One version of a document's contents."""

    @property
    def number(self) -> int:
        """1, 2, 3 …"""
    @property
    def hash(self) -> str:
        """SHA-256 of the contents as 64 lower-case hex digits (their address in the blob store)."""
    @property
    def size(self) -> int:
        """Size in bytes."""
    @property
    def media_type(self) -> str:
        """Media type, e.g. `application/pdf`."""
    @property
    def author(self) -> uuid.UUID:
        """Who added it."""
    @property
    def at(self) -> datetime.datetime:
        """When (UTC)."""

@final
class Email:
    """An email address with an optional label ("work", "home"). Where a list of emails is
    expected, a plain `str` is accepted too."""

    def __new__(cls, address: str, label: str | None = None) -> Email: ...
    @property
    def address(self) -> str:
        """The address."""
    @property
    def label(self) -> str | None:
        """Optional label."""

@final
class EthicalWall:
    """An ethical wall: `user` is screened from the matter; for them it does not exist."""

    @property
    def user(self) -> uuid.UUID:
        """The screened user."""
    @property
    def reason(self) -> str:
        """Why (for the compliance file)."""
    @property
    def by(self) -> uuid.UUID:
        """Who put the wall up."""
    @property
    def at(self) -> datetime.datetime:
        """When (UTC)."""

@final
class Expense:
    """An expense or disbursement on a matter: `tax` is `vatable_cost` (re-charged with tax) or
    `disbursement` (passed through untaxed); `amount` is quantity × unit cost, rounded."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def matter(self) -> uuid.UUID:
        """The matter."""
    @property
    def date(self) -> datetime.date:
        """The day incurred."""
    @property
    def description(self) -> str:
        """What it was."""
    @property
    def quantity(self) -> Decimal:
        """How many units."""
    @property
    def unit_cost(self) -> Decimal:
        """Cost of one unit."""
    @property
    def currency(self) -> str:
        """ISO 4217 currency."""
    @property
    def amount(self) -> Decimal:
        """Quantity × unit cost, rounded to the minor unit."""
    @property
    def expense_code(self) -> str | None:
        """UTBMS expense code."""
    @property
    def vendor(self) -> str:
        """Who was paid."""
    @property
    def receipt(self) -> uuid.UUID | None:
        """The receipt, a document of the matter."""
    @property
    def tax(self) -> str:
        """Tax treatment."""
    @property
    def billable(self) -> bool:
        """Whether it is charged to the client."""
    @property
    def status(self) -> str:
        """Where it stands in billing."""
    @property
    def bill(self) -> uuid.UUID | None:
        """The bill it is on."""
    @property
    def recorded_by(self) -> uuid.UUID:
        """Who recorded it."""
    @property
    def recorded_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class FeeEarnerHours:
    """A fee earner's hours in a period, with utilisation and realisation (fractions)."""

    @property
    def user(self) -> uuid.UUID:
        """The fee earner."""
    @property
    def currency(self) -> str | None:
        """The currency of the values (a line per currency of work)."""
    @property
    def recorded_seconds(self) -> int:
        """All time recorded."""
    @property
    def billable_seconds(self) -> int:
        """Billable time."""
    @property
    def non_billable_seconds(self) -> int:
        """Non-billable time."""
    @property
    def no_charge_seconds(self) -> int:
        """No-charge time."""
    @property
    def billed_seconds(self) -> int:
        """Billable time billed."""
    @property
    def recorded_value(self) -> Decimal:
        """Value of billable time."""
    @property
    def billed_value(self) -> Decimal:
        """Value of billed time."""
    @property
    def utilisation(self) -> Decimal | None:
        """Billable over available hours."""
    @property
    def realisation(self) -> Decimal | None:
        """Billed over recorded value."""

@final
class FieldChange:
    """One changed field of an audit event: its dotted path and the values before and after, as
    plain Python values (`dict`, `list`, `str`, `int`, `bool`, `None`)."""

    @property
    def field(self) -> str:
        """Dotted path, e.g. `title` or `key_dates.completion`."""
    @property
    def before(self) -> _Json | None:
        """Value before (`None` when the field was added)."""
    @property
    def after(self) -> _Json | None:
        """Value after (`None` when the field was removed)."""

@final
class Finding:
    """What a compliance rule found: the pack, rule and rule version, its title and `severity`
    (`block`, `warn` or `info`), its `kind` (`breach` or `not_evaluated`), the `message` with
    its facts filled in, the `remedy`, and the `facts` the message used (a `dict` of fact path
    to plain value; empty for a rule that could not be evaluated)."""

    @property
    def pack(self) -> str:
        """The pack."""
    @property
    def rule(self) -> str:
        """The rule."""
    @property
    def version(self) -> int:
        """The rule's version."""
    @property
    def title(self) -> str:
        """The rule's title."""
    @property
    def severity(self) -> str:
        """`block`, `warn` or `info`."""
    @property
    def kind(self) -> str:
        """`breach` (the rule's condition held) or `not_evaluated` (the rule could not be
        evaluated on the matter: a run-time error, over the evaluation budget, or it no
        longer loads; it keeps the rule's severity, so a block rule still blocks)."""
    @property
    def message(self) -> str:
        """The message, with its facts filled in."""
    @property
    def remedy(self) -> str:
        """What to do about it."""
    @property
    def facts(self) -> dict[str, _Json]:
        """The facts the message used: fact path (`time.entries_after_close`) to plain value."""

@final
class FirmBillingSettings:
    """The firm's billing settings: default rounding, hourly rates by UTBMS activity code, the tax
    (`tax_rate` a fraction: `Decimal("0.20")` for 20 %), the LEDES law-firm id, the invoice
    number format, payment terms and the client-money reconciliation cadence (`monthly` or
    `five_weeks`)."""

    @property
    def rounding(self) -> RoundingPolicy:
        """The default rounding policy."""
    @property
    def activity_rates(self) -> dict[str, Decimal]:
        """Hourly rates by activity code."""
    @property
    def tax_name(self) -> str:
        """The tax's name, e.g. `VAT`."""
    @property
    def tax_rate(self) -> Decimal:
        """The tax rate as a fraction."""
    @property
    def law_firm_id(self) -> str:
        """The firm's id in LEDES files."""
    @property
    def invoice_number_format(self) -> str:
        """How invoices are numbered, e.g. `INV{SEQ:6}`."""
    @property
    def payment_terms_days(self) -> int:
        """Days from issue to due."""
    @property
    def reconciliation(self) -> str:
        """How often client money is reconciled."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version (0: the defaults, never saved)."""

@final
class FirmSettings:
    """The firm's settings."""

    @property
    def name(self) -> str:
        """The firm's name."""
    @property
    def default_currency(self) -> str:
        """Default currency (ISO 4217) of rates and matters."""
    @property
    def matter_number_format(self) -> str:
        """The matter-number format, e.g. `{CLIENT3}-{SEQ:4}`."""
    @property
    def time_zone(self) -> str:
        """IANA time zone of the firm, e.g. `Europe/London`."""
    @property
    def custom_fields(self) -> list[CustomFieldDefinition]:
        """Custom-field definitions of matters."""
    @property
    def holidays(self) -> list[datetime.date]:
        """The firm's holidays, in order, skipped (with weekends) when counting business days;
        empty without a holiday calendar."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class Identifier:
    """An official identifier: `kind` is `company_number`, `tax_id`, `vat_number` or `other`;
    `jurisdiction` an ISO 3166-1 alpha-2 country code."""

    def __new__(cls, kind: str, value: str, jurisdiction: str | None = None) -> Identifier: ...
    @property
    def kind(self) -> str:
        """The kind of identifier."""
    @property
    def value(self) -> str:
        """The value, as issued."""
    @property
    def jurisdiction(self) -> str | None:
        """Issuing country, if known."""

@final
class IdentityVerification:
    """A contact's identity verification (AML): `status` is `not_verified`, `pending`, `verified`
    or `failed`; `method` `in_person`, `electronic`, `certified_copies`, `video_call` or
    `reliance`."""

    @property
    def status(self) -> str:
        """Current status."""
    @property
    def checked_on(self) -> datetime.date | None:
        """Date of the check."""
    @property
    def method(self) -> str | None:
        """How identity was checked."""
    @property
    def recorded_by(self) -> uuid.UUID | None:
        """Who recorded it."""
    @property
    def recorded_at(self) -> datetime.datetime | None:
        """When it was recorded (UTC)."""

@final
class IngestNotice:
    """One thing ingestion left out or shortened. `kind` is `address_skipped` (a recipient whose
    address is not an email address: `role` and `address` say which), `subject_truncated`
    (`count` characters, 300 kept), `body_truncated` (`count` bytes, 1 MiB kept),
    `participants_truncated` or `candidates_truncated` (`count` found, 500 or 50 kept)."""

    @property
    def kind(self) -> str:
        """What was left out or shortened."""
    @property
    def role(self) -> str | None:
        """Where a skipped address stood: `to`, `cc` or `bcc`."""
    @property
    def address(self) -> str | None:
        """A skipped address as written."""
    @property
    def count(self) -> int | None:
        """The whole length of a shortened text, or how many participants or candidates there
        were."""

@final
class IngestOutcome:
    """What ingesting one email did: the stored `communication` (the earlier one when its
    Message-ID had been ingested before, in which case `duplicate` is `True` and nothing was
    written)."""

    @property
    def communication(self) -> Communication:
        """The stored communication."""
    @property
    def duplicate(self) -> bool:
        """Whether the Message-ID had been ingested before."""

@final
class ItemCompletion:
    """Who completed a checklist item, and when."""

    @property
    def by(self) -> uuid.UUID:
        """Who ticked it (or whose task or key date ticked it)."""
    @property
    def at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def note(self) -> str | None:
        """An optional note."""

@final
class ItemStatus:
    """One checklist item in a status report: `kind` as in `ChecklistItem`."""

    @property
    def stage(self) -> str:
        """The stage it belongs to."""
    @property
    def item(self) -> str:
        """The item's id."""
    @property
    def title(self) -> str:
        """What the team sees."""
    @property
    def kind(self) -> str:
        """What completes it."""
    @property
    def gating(self) -> bool:
        """Whether it gates leaving its stage."""
    @property
    def done(self) -> ItemCompletion | None:
        """Its completion, or `None` while outstanding."""

@final
class LedgerBalance:
    """The client-money balance of one client on one matter."""

    @property
    def matter(self) -> uuid.UUID:
        """The matter."""
    @property
    def client(self) -> uuid.UUID:
        """The client."""
    @property
    def balance(self) -> Decimal:
        """Balance held."""
    @property
    def currency(self) -> str:
        """ISO 4217 currency."""

@final
class Letterhead:
    """The firm's letterhead: what its documents print about it, the locale they print in
    (`en-GB`: day-month-year; `en-US`: month-day-year; `None` follows the firm's zone and
    currency) and the domain Message-IDs of its email are made in."""

    @property
    def address(self) -> list[str]:
        """Postal address, one line each."""
    @property
    def email(self) -> str | None:
        """General email address."""
    @property
    def phone(self) -> str | None:
        """Telephone."""
    @property
    def website(self) -> str | None:
        """Web site."""
    @property
    def vat_number(self) -> str | None:
        """VAT registration number."""
    @property
    def regulation(self) -> str | None:
        """The regulatory line."""
    @property
    def payment_details(self) -> list[str]:
        """How to pay, one line each."""
    @property
    def locale(self) -> str | None:
        """`en-GB`, `en-US`, or `None` (follows the firm's zone and currency)."""
    @property
    def mail_domain(self) -> str | None:
        """The domain of sent email's Message-IDs (`None`: the sender's)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version (0 before it is first saved)."""

@final
class Mailbox:
    """A named address of a message."""

    @property
    def name(self) -> str:
        """Display name (may be empty)."""
    @property
    def email(self) -> str:
        """The address."""
    @property
    def contact(self) -> uuid.UUID | None:
        """The contact it belongs to, if known."""

@final
class MatchReason:
    """Why two names (or identifiers) were matched: `kind`, and the detail that kind carries."""

    @property
    def kind(self) -> str:
        """`exact`, `same_after_normalising`, `token_overlap`, `similar`, `sounds_like`,
        `prefix` or `identifier`."""
    @property
    def shared(self) -> list[str] | None:
        """For `token_overlap`: the shared normalised words, in query order."""
    @property
    def jaro_winkler(self) -> int | None:
        """For `similar`: the Jaro-Winkler similarity of the two words in thousandths."""
    @property
    def key(self) -> str | None:
        """For `sounds_like`: the shared Soundex code, e.g. `S530`."""
    @property
    def token(self) -> str | None:
        """For `prefix`: the shorter word (or initial)."""
    @property
    def value(self) -> str | None:
        """For `identifier`: the identifier both carry, normalised."""

@final
class Matter:
    """A matter (case). `status` is `pending`, `open`, `closed` or `archived`; `billing` is
    `hourly`, `fixed_fee`, `contingency` or `non_billable`; `visibility` is `firm` or `team`."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def number(self) -> str:
        """The firm's reference number, e.g. `SMI-0042`."""
    @property
    def title(self) -> str:
        """Short title."""
    @property
    def description(self) -> str:
        """Longer description."""
    @property
    def practice_area(self) -> str:
        """Practice area, e.g. "conveyancing"."""
    @property
    def status(self) -> str:
        """Lifecycle status."""
    @property
    def opened_on(self) -> datetime.date | None:
        """Date first opened."""
    @property
    def closed_on(self) -> datetime.date | None:
        """Date last closed (cleared on reopening; the history keeps every date)."""
    @property
    def archived_on(self) -> datetime.date | None:
        """Date archived."""
    @property
    def status_history(self) -> list[StatusChange]:
        """Every status change, oldest first."""
    @property
    def responsible(self) -> uuid.UUID:
        """Responsible fee earner."""
    @property
    def originating(self) -> uuid.UUID | None:
        """Originating fee earner (who brought the work in)."""
    @property
    def team(self) -> list[TeamMember]:
        """Further team members."""
    @property
    def parties(self) -> list[Party]:
        """Clients and other parties."""
    @property
    def clients(self) -> list[uuid.UUID]:
        """The client contacts' ids."""
    @property
    def billing(self) -> str:
        """Billing arrangement kind."""
    @property
    def currency(self) -> str:
        """ISO 4217 currency the matter is billed in."""
    @property
    def key_dates(self) -> dict[str, datetime.date]:
        """Named key dates, e.g. "completion"."""
    @property
    def visibility(self) -> str:
        """`firm` (everyone but walled users) or `team` (the team only)."""
    @property
    def walls(self) -> list[EthicalWall]:
        """Ethical walls screening users from the matter."""
    @property
    def created_by(self) -> uuid.UUID:
        """Who created it."""
    @property
    def created_at(self) -> datetime.datetime:
        """When created (UTC)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""
    @property
    def custom_fields(self) -> dict[str, _CustomValue]:
        """Custom field values by key (`str`, `int`, `bool`, `Decimal`, `date` or contact `UUID`)."""

@final
class MatterCompliance:
    """What the compliance rules in force find on one matter, blocking findings first."""

    @property
    def matter(self) -> uuid.UUID:
        """The matter."""
    @property
    def number(self) -> str:
        """Its number."""
    @property
    def findings(self) -> list[MatterFinding]:
        """What the rules found, blocking findings first."""

@final
class MatterFinding:
    """A finding on a matter with the override that lets it pass, if one was recorded."""

    @property
    def finding(self) -> Finding:
        """The finding."""
    @property
    def overridden(self) -> RuleOverride | None:
        """The authorised override of this rule (and version) on this matter, if any."""

@final
class NameMatch:
    """A scored match between a query and a candidate name: `score` (0–1000), the `reasons`
    and a plain English `explanation` naming both names."""

    @property
    def score(self) -> int:
        """Match score, 0–1000."""
    @property
    def reasons(self) -> list[MatchReason]:
        """Why they matched."""
    @property
    def explanation(self) -> str:
        """One plain English sentence naming both names."""

@final
class NewTimeEntry:
    """Time to record in a batch (`session.time.record_many`); the same arguments as
    `session.time.record`."""

    def __new__(
        cls,
        *,
        matter: uuid.UUID,
        date: datetime.date,
        duration: int | str,
        narrative: str,
        user: uuid.UUID | None = None,
        task_code: str | None = None,
        activity_code: str | None = None,
        billability: str = "billable",
        rate: _Amount | None = None,
    ) -> NewTimeEntry: ...
    @property
    def matter(self) -> uuid.UUID:
        """The matter."""
    @property
    def date(self) -> datetime.date:
        """The day."""
    @property
    def seconds(self) -> int:
        """Whole seconds."""
    @property
    def narrative(self) -> str:
        """What was done."""

@final
class Note:
    """A note about a matter (`matter` set) or a contact (`contact` set), with every earlier
    version of its text."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def matter(self) -> uuid.UUID | None:
        """The matter it is about, for a matter note."""
    @property
    def contact(self) -> uuid.UUID | None:
        """The contact it is about, for a contact note."""
    @property
    def body(self) -> str:
        """The current text."""
    @property
    def author(self) -> uuid.UUID:
        """Who wrote the current text."""
    @property
    def written_at(self) -> datetime.datetime:
        """When the current text was written (UTC)."""
    @property
    def revisions(self) -> list[NoteRevision]:
        """Earlier versions of the text, oldest first."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class NoteRevision:
    """An earlier version of a note's text."""

    @property
    def body(self) -> str:
        """The text as it was."""
    @property
    def by(self) -> uuid.UUID:
        """Who wrote that version."""
    @property
    def at(self) -> datetime.datetime:
        """When (UTC)."""

@final
class Occurrence:
    """One occurrence of an entry, as agendas show it (a single entry has exactly one): the
    schedule fields are its own (moved or not), `starts_at`/`ends_at` the instants it covers
    (aware UTC datetimes; an all-day occurrence covers its days in the firm's zone)."""

    @property
    def appointment(self) -> uuid.UUID:
        """The entry (series) it belongs to."""
    @property
    def matter(self) -> uuid.UUID | None:
        """The entry's matter."""
    @property
    def kind(self) -> str:
        """The entry's kind."""
    @property
    def title(self) -> str:
        """Title (the occurrence's own when changed)."""
    @property
    def location(self) -> str:
        """Location (the occurrence's own when changed)."""
    @property
    def original_start(self) -> datetime.datetime:
        """The start the rule gives it: pass it to `change_occurrence` to change it alone."""
    @property
    def all_day(self) -> bool:
        """Whether it takes whole days."""
    @property
    def start(self) -> datetime.datetime | None:
        """Start, a naive wall-clock time in `zone`; `None` when all-day."""
    @property
    def end(self) -> datetime.datetime | None:
        """End, a naive wall-clock time in `zone`; `None` when all-day."""
    @property
    def zone(self) -> str | None:
        """IANA zone of `start` and `end`; `None` when all-day."""
    @property
    def first_day(self) -> datetime.date | None:
        """First day when all-day, else `None`."""
    @property
    def last_day(self) -> datetime.date | None:
        """Last day (inclusive) when all-day, else `None`."""
    @property
    def starts_at(self) -> datetime.datetime:
        """The instant it starts (UTC)."""
    @property
    def ends_at(self) -> datetime.datetime:
        """The instant it ends, exclusive (UTC)."""
    @property
    def attendee_users(self) -> list[uuid.UUID]:
        """Users of the firm attending."""
    @property
    def attendee_contacts(self) -> list[uuid.UUID]:
        """Contacts attending."""
    @property
    def reminders(self) -> list[int]:
        """Reminders in minutes before the start."""
    @property
    def recurring(self) -> bool:
        """Whether it belongs to a recurring series."""
    @property
    def changed(self) -> bool:
        """Whether it was changed on its own."""

@final
class OccurrenceException:
    """One occurrence of a series that differs from its rule, named by `original_start` (the
    local start the rule gives it; midnight for all-day series). Either `cancelled`, or
    changed: moved (`start`/`end`/`zone` or `first_day`/`last_day` set), retitled (`title`)
    or relocated (`location`); a field left `None` keeps the series' value."""

    @property
    def original_start(self) -> datetime.datetime:
        """The occurrence's start as the rule gives it (local time)."""
    @property
    def cancelled(self) -> bool:
        """Whether this occurrence does not take place."""
    @property
    def start(self) -> datetime.datetime | None:
        """Its own start (local time in `zone`), when moved to a timed schedule."""
    @property
    def end(self) -> datetime.datetime | None:
        """Its own end (local time in `zone`), when moved to a timed schedule."""
    @property
    def zone(self) -> str | None:
        """The zone of its own timed schedule."""
    @property
    def first_day(self) -> datetime.date | None:
        """Its own first day, when moved to an all-day schedule."""
    @property
    def last_day(self) -> datetime.date | None:
        """Its own last day, when moved to an all-day schedule."""
    @property
    def title(self) -> str | None:
        """Its own title, if retitled."""
    @property
    def location(self) -> str | None:
        """Its own location, if relocated."""

@final
class OutgoingAttachment:
    """A file to attach: `OutgoingAttachment.document(id, version=None)` (a document of the
    matter) or `OutgoingAttachment.rendered(template, format="pdf", bill=None)` (rendered now
    and filed to the matter with the send)."""

    @staticmethod
    def document(id: uuid.UUID, version: int | None = None) -> OutgoingAttachment:
        """A version of one of the matter's documents (the latest with `None`)."""
    @staticmethod
    def rendered(
        template: str,
        format: Literal['pdf', 'html', 'text'] = "pdf",
        bill: uuid.UUID | None = None,
    ) -> OutgoingAttachment:
        """A document rendered now from `template` in `format`, about `bill` if given (else the
        matter)."""

@final
class Participant:
    """Someone who took part in a communication: `role` is `from`, `to`, `cc`, `bcc` or
    `attendee`; `address` the email address or phone number used (may be empty for a letter);
    `user` and `contact` who that is in the firm's records, if known. Constructed to pass to
    `CommunicationService.record`; a bad role or a name or address that is not one line is a
    `ValidationError`."""

    def __new__(
        cls,
        role: str,
        name: str = "",
        address: str = "",
        *,
        user: uuid.UUID | None = None,
        contact: uuid.UUID | None = None,
    ) -> Participant: ...
    @property
    def role(self) -> str:
        """Their part."""
    @property
    def name(self) -> str:
        """Display name as given."""
    @property
    def address(self) -> str:
        """Email address or phone number as used."""
    @property
    def user(self) -> uuid.UUID | None:
        """The user of the firm this is, if any."""
    @property
    def contact(self) -> uuid.UUID | None:
        """The contact this is, if any."""

@final
class Party:
    """A contact on a matter in a role (`client`, `opposing_party`, `opposing_counsel`,
    `co_counsel`, `court`, `judge`, `witness`, `expert`, `lender`, `agent`, `other`),
    optionally acting for another party."""

    @property
    def id(self) -> uuid.UUID:
        """This party's id on this matter."""
    @property
    def contact(self) -> uuid.UUID:
        """The contact."""
    @property
    def role(self) -> str:
        """Their role on the matter."""
    @property
    def acting_for(self) -> uuid.UUID | None:
        """The party they act for (counsel for X, agent for Y)."""
    @property
    def reference(self) -> str | None:
        """Their own reference for the matter."""
    @property
    def added_at(self) -> datetime.datetime:
        """When they were added (UTC)."""

@final
class Payment:
    """A payment received from a client, with its allocations to bills as (bill, amount)."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def client(self) -> uuid.UUID:
        """The client who paid."""
    @property
    def received_on(self) -> datetime.date:
        """The day received."""
    @property
    def amount(self) -> Decimal:
        """Amount received."""
    @property
    def currency(self) -> str:
        """ISO 4217 currency."""
    @property
    def method(self) -> str:
        """How it was paid."""
    @property
    def reference(self) -> str:
        """The payer's reference."""
    @property
    def allocations(self) -> list[tuple[uuid.UUID, Decimal]]:
        """(bill, amount) pairs."""
    @property
    def unallocated(self) -> Decimal:
        """Not yet allocated (money on account)."""
    @property
    def recorded_by(self) -> uuid.UUID:
        """Who recorded it."""
    @property
    def recorded_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class Phone:
    """A telephone number with an optional label. Where a list of phones is expected, a plain
    `str` is accepted too."""

    def __new__(cls, number: str, label: str | None = None) -> Phone: ...
    @property
    def number(self) -> str:
        """The number as written."""
    @property
    def label(self) -> str | None:
        """Optional label."""

@final
class PostalAddress:
    """A postal address: 1 to 4 street lines, locality, region, postal code, ISO 3166-1 alpha-2
    country code and an optional label."""

    def __new__(
        cls,
        lines: Sequence[str],
        locality: str | None = None,
        region: str | None = None,
        postal_code: str | None = None,
        country: str | None = None,
        label: str | None = None,
    ) -> PostalAddress: ...
    @property
    def lines(self) -> list[str]:
        """Street lines."""
    @property
    def locality(self) -> str | None:
        """Town or city."""
    @property
    def region(self) -> str | None:
        """County, state or region."""
    @property
    def postal_code(self) -> str | None:
        """Postcode or ZIP code."""
    @property
    def country(self) -> str | None:
        """ISO 3166-1 alpha-2 country code."""
    @property
    def label(self) -> str | None:
        """Optional label ("registered office")."""

@final
class RecheckedMatter:
    """A matter whose re-run conflict check found hits it did not have before."""

    @property
    def matter(self) -> uuid.UUID:
        """The matter."""
    @property
    def number(self) -> str:
        """Its number."""
    @property
    def new_hits(self) -> int:
        """How many of its check's hits are new (each awaits a decision)."""

@final
class Recipient:
    """Who an email goes to: `Recipient.party(id)` (a party to the matter),
    `Recipient.contact(id)` (at their first email address) or `Recipient.address(email,
    name="")`. A plain `str` is taken as an address."""

    @staticmethod
    def party(id: uuid.UUID) -> Recipient:
        """A party to the matter, at their first email address."""
    @staticmethod
    def contact(id: uuid.UUID) -> Recipient:
        """A contact, at their first email address."""
    @staticmethod
    def address(email: str, name: str = "") -> Recipient:
        """Any address (checked when the email is composed)."""

@final
class ReconciliationDifference:
    """A difference found by a reconciliation: which balances differ, by how much."""

    @property
    def between(self) -> str:
        """The balances compared."""
    @property
    def amount(self) -> Decimal:
        """By how much."""

@final
class ReconciliationDue:
    """When the next client-money reconciliation is due."""

    @property
    def last(self) -> datetime.date | None:
        """Statement date of the last reconciliation."""
    @property
    def next_due(self) -> datetime.date:
        """The day the next is due by."""
    @property
    def overdue(self) -> bool:
        """Whether it is late."""

@final
class ReconciliationRecord:
    """A three-way reconciliation of bank, cash book and client ledgers, as recorded."""

    @property
    def date(self) -> datetime.date:
        """The statement date."""
    @property
    def currency(self) -> str:
        """ISO 4217 currency."""
    @property
    def statement_balance(self) -> Decimal:
        """The bank statement balance."""
    @property
    def adjusted_bank_balance(self) -> Decimal:
        """Bank balance plus deposits in transit minus outstanding payments."""
    @property
    def cash_book_balance(self) -> Decimal:
        """The cash book's balance."""
    @property
    def ledgers_total(self) -> Decimal:
        """Sum of the client ledgers."""
    @property
    def ledgers(self) -> list[LedgerBalance]:
        """The client ledgers."""
    @property
    def differences(self) -> list[ReconciliationDifference]:
        """The differences (none when balanced)."""
    @property
    def balanced(self) -> bool:
        """Whether all three agree."""
    @property
    def reconciled_by(self) -> uuid.UUID:
        """Who reconciled."""
    @property
    def reconciled_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def version(self) -> int:
        """Version."""

@final
class RenderedDocument:
    """A rendered document: its bytes (UTF-8 text or HTML, or a PDF), and the document it was
    filed as when filing was asked for. `reprint` says the bytes are an issued bill's kept
    rendering."""

    @property
    def format(self) -> str:
        """`text`, `html` or `pdf`."""
    @property
    def media_type(self) -> str:
        """The media type, e.g. `application/pdf`."""
    @property
    def file_name(self) -> str:
        """A file name for it, e.g. `Invoice INV000012.pdf`."""
    @property
    def template(self) -> str:
        """The template it was rendered from."""
    @property
    def template_version(self) -> int:
        """That template's version."""
    @property
    def hash(self) -> str:
        """SHA-256 of the bytes, 64 hex digits."""
    @property
    def document(self) -> Document | None:
        """The matter document it was filed as."""
    @property
    def reprint(self) -> bool:
        """Whether these are an issued bill's kept bytes (a reprint)."""
    @property
    def content(self) -> bytes:
        """The bytes."""

@final
class RoundingPolicy:
    """How time is rounded for billing: to `increment_minutes` (1–60) in `mode` (`up`, `nearest`
    or `down`), at least `minimum_minutes` (0–60) for any work, per entry or per day
    (`aggregation`: `per_entry` or `per_day`). Constructible; the defaults are 6 minutes up."""

    def __new__(
        cls,
        *,
        increment_minutes: int = 6,
        mode: str = "up",
        minimum_minutes: int = 0,
        aggregation: str = "per_entry",
    ) -> RoundingPolicy: ...
    def round_entry(self, seconds: int) -> int:
        """The seconds charged for `seconds` of work taken alone."""
    @property
    def increment_minutes(self) -> int:
        """The increment in minutes."""
    @property
    def mode(self) -> str:
        """`up`, `nearest` or `down`."""
    @property
    def minimum_minutes(self) -> int:
        """The least charged for any work, in minutes."""
    @property
    def aggregation(self) -> str:
        """`per_entry` or `per_day`."""

@final
class RuleOverride:
    """An authorised override of a blocking rule on a matter: the pack, rule and rule version,
    the checkpoint it blocked (`matter_opening` or `stage_advance`), the reason, who and when."""

    @property
    def pack(self) -> str:
        """The rule pack."""
    @property
    def rule(self) -> str:
        """The rule."""
    @property
    def version(self) -> int:
        """The rule's version overridden."""
    @property
    def checkpoint(self) -> str:
        """Where it blocked: `matter_opening` or `stage_advance`."""
    @property
    def reason(self) -> str:
        """Why it was overridden."""
    @property
    def by(self) -> uuid.UUID:
        """Who overrode it."""
    @property
    def at(self) -> datetime.datetime:
        """When (UTC)."""

@final
class RulePack:
    """A named, versioned set of deadline rules (a jurisdiction's rules, a firm's own)."""

    def rule(self, id: str) -> DeadlineRule | None:
        """The rule with `id`, or `None` if the pack has none."""
    @property
    def id(self) -> str:
        """Stable id, e.g. `frcp`."""
    @property
    def version(self) -> int:
        """Version of the pack's content."""
    @property
    def title(self) -> str:
        """Human title."""
    @property
    def rules(self) -> list[DeadlineRule]:
        """The rules, in the pack's order."""

@final
class RuleTestOutcome:
    """The result of one pack test case: whether exactly the `expected` rules `fired`, and the
    `error` if the case could not be evaluated."""

    @property
    def name(self) -> str:
        """Name of the case."""
    @property
    def passed(self) -> bool:
        """Whether exactly the expected rules fired."""
    @property
    def expected(self) -> list[str]:
        """Rule ids expected (sorted)."""
    @property
    def fired(self) -> list[str]:
        """Rule ids that fired (sorted)."""
    @property
    def error(self) -> str | None:
        """Why the case could not be evaluated, if it could not."""

@final
class RuleVersion:
    """One version of a deadline rule: the trigger dates it is in force (`in_force_from`
    inclusive, `in_force_until` exclusive; `None` for open-ended) and what it changes (the
    period, the citation; `None` keeps the rule's own). Versions come with a rule from a pack
    (`[[rules.versions]]` in TOML); the computation takes the one in force on the trigger date
    and names it in the trace."""

    @property
    def name(self) -> str:
        """What the trace calls it, e.g. `Finance Act 2019`."""
    @property
    def in_force_from(self) -> datetime.date | None:
        """The first trigger date it applies to, or `None` from the beginning."""
    @property
    def in_force_until(self) -> datetime.date | None:
        """The first trigger date it no longer applies to, or `None` when open-ended."""
    @property
    def period_amount(self) -> int | None:
        """The period's amount while it is in force, or `None` for the rule's own."""
    @property
    def period_unit(self) -> str | None:
        """The period's unit while it is in force, or `None` for the rule's own."""
    @property
    def citation(self) -> str | None:
        """The citation while it is in force, or `None` for the rule's own."""

@final
class SentEmail:
    """What sending an email did: the outgoing communication on the matter, the message as
    sent, and the documents rendered for it and filed."""

    @property
    def communication(self) -> Communication:
        """The outgoing communication (its raw message is the bytes sent)."""
    @property
    def message(self) -> ComposedEmail:
        """The message as sent."""
    @property
    def documents(self) -> list[Document]:
        """Documents rendered for it and filed to the matter."""

@final
class Stage:
    """One stage of a workflow template."""

    @property
    def id(self) -> str:
        """Identifier, unique in the template."""
    @property
    def name(self) -> str:
        """Name shown to the team."""
    @property
    def items(self) -> list[ChecklistItem]:
        """Checklist items."""
    @property
    def gate(self) -> list[str] | None:
        """Item ids that must be complete to leave the stage; `None` means every required item."""
    @property
    def allow_back(self) -> bool:
        """Whether the matter may go back from this stage to an earlier one."""
    @property
    def allow_jump_to(self) -> list[str]:
        """Later stages the matter may jump to from here."""

@final
class StageCount:
    """How many matters stand in one stage of a template."""

    @property
    def template_id(self) -> str:
        """Template id."""
    @property
    def stage(self) -> str:
        """Stage id."""
    @property
    def matters(self) -> int:
        """Number of matters."""

@final
class StageMove:
    """One stage move in a workflow's history: `kind` is `start`, `advance`, `back`, `jump` or
    `override`."""

    @property
    def from_stage(self) -> str | None:
        """The stage left (`None` at the start)."""
    @property
    def to_stage(self) -> str:
        """The stage entered."""
    @property
    def kind(self) -> str:
        """How the matter came to the stage."""
    @property
    def on(self) -> datetime.date:
        """Date entered, in the firm's time zone."""
    @property
    def at(self) -> datetime.datetime:
        """When it was recorded (UTC)."""
    @property
    def by(self) -> uuid.UUID:
        """Who moved it."""
    @property
    def reason(self) -> str | None:
        """Why (required for overrides)."""
    @property
    def overridden(self) -> list[Blocker]:
        """What blocked the gate when it was overridden."""

@final
class StageMoveResult:
    """The outcome of asking a matter to move stage: `moved` with the `move` made, or blocked
    with its `blockers` (and `progress` unchanged)."""

    @property
    def progress(self) -> WorkflowProgress:
        """The workflow after the request (unchanged when blocked)."""
    @property
    def moved(self) -> bool:
        """Whether the matter moved."""
    @property
    def move(self) -> StageMove | None:
        """The move made, or `None` when blocked."""
    @property
    def blockers(self) -> list[Blocker]:
        """What blocks the move (empty when it moved)."""

@final
class StateVerification:
    """The outcome of comparing stored rows with the replay of their audit events."""

    @property
    def is_consistent(self) -> bool:
        """Whether every row checked is what its events say."""
    @property
    def kinds(self) -> list[_EntityKind]:
        """The kinds checked."""
    @property
    def rows_checked(self) -> int:
        """Rows compared."""
    @property
    def unexplained_count(self) -> int:
        """How many rows no event explains."""
    @property
    def unexplained(self) -> list[UnexplainedRow]:
        """The first of them (at most 1000)."""

@final
class StatementEntry:
    """A line of a statement of account, with the running balance."""

    @property
    def date(self) -> datetime.date:
        """The day."""
    @property
    def description(self) -> str:
        """What it was."""
    @property
    def debit(self) -> Decimal:
        """Owed by the client."""
    @property
    def credit(self) -> Decimal:
        """Paid, credited or written off."""
    @property
    def balance(self) -> Decimal:
        """Balance after it (negative: in credit)."""

@final
class StatementOfAccount:
    """A client's statement of account in one currency."""

    @property
    def client(self) -> uuid.UUID:
        """The client."""
    @property
    def currency(self) -> str:
        """ISO 4217 currency."""
    @property
    def entries(self) -> list[StatementEntry]:
        """The entries, oldest first."""
    @property
    def balance(self) -> Decimal:
        """What the client owes (negative: in credit)."""
    @property
    def on_account(self) -> Decimal:
        """Money received and not allocated to a bill."""

@final
class StatusChange:
    """One step of a matter's status history."""

    @property
    def from_status(self) -> str | None:
        """Previous status (`None` at creation)."""
    @property
    def to_status(self) -> str:
        """New status."""
    @property
    def on(self) -> datetime.date:
        """Effective date, in the firm's time zone."""
    @property
    def at(self) -> datetime.datetime:
        """When it was recorded (UTC)."""
    @property
    def by(self) -> uuid.UUID:
        """Who recorded it."""
    @property
    def reason(self) -> str | None:
        """Why (recorded for reopenings and archiving)."""

@final
class StatusReport:
    """The status report of a matter's workflow."""

    @property
    def template_id(self) -> str:
        """Template id."""
    @property
    def template_version(self) -> int:
        """Template version."""
    @property
    def template_name(self) -> str:
        """Template name."""
    @property
    def stage(self) -> str:
        """The current stage's id."""
    @property
    def stage_name(self) -> str:
        """The current stage's name."""
    @property
    def stage_position(self) -> tuple[int, int]:
        """`(position, of)`: where the current stage stands among the template's stages."""
    @property
    def done(self) -> list[ItemStatus]:
        """Completed items."""
    @property
    def outstanding(self) -> list[ItemStatus]:
        """Items still to do."""
    @property
    def next_stage(self) -> str | None:
        """The next stage's id, if any."""
    @property
    def blockers(self) -> list[Blocker]:
        """What blocks moving to the next stage."""
    @property
    def history(self) -> list[StageMove]:
        """Every stage move, oldest first."""

@final
class Task:
    """A task, on a matter or on none: `priority` is `low`, `normal`, `high` or `urgent`;
    `status` is `pending`, `in_progress`, `in_review`, `complete` or `cancelled`."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def matter(self) -> uuid.UUID | None:
        """The matter it belongs to, if any."""
    @property
    def title(self) -> str:
        """What to do."""
    @property
    def description(self) -> str:
        """Detail."""
    @property
    def assignee_user(self) -> uuid.UUID | None:
        """The user who does it, if it is assigned to a user."""
    @property
    def assignee_contact(self) -> uuid.UUID | None:
        """The contact who does it (a client to-do), if it is assigned to a contact."""
    @property
    def priority(self) -> str:
        """How urgent."""
    @property
    def status(self) -> str:
        """Where it stands."""
    @property
    def due_date(self) -> datetime.date | None:
        """The due date its rule gives now (`None` without a rule or while its anchor has no
        date)."""
    @property
    def checklist_item(self) -> str | None:
        """The workflow checklist item completing this task ticks, if any."""
    @property
    def created_by(self) -> uuid.UUID:
        """Who created it."""
    @property
    def created_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def completed_by(self) -> uuid.UUID | None:
        """Who completed it."""
    @property
    def completed_at(self) -> datetime.datetime | None:
        """When (UTC)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class TeamMember:
    """A member of a matter's team with their matter role (`supervisor`, `fee_earner`,
    `paralegal`, `secretary`, `other`)."""

    @property
    def user(self) -> uuid.UUID:
        """The user."""
    @property
    def role(self) -> str:
        """Their role on the matter."""

@final
class TimeEntry:
    """Time worked by a fee earner on a matter. `billability` is `billable`, `non_billable` or
    `no_charge`; `status` is `unbilled`, `on_draft_bill`, `billed` or `written_off`;
    `rate_source` is the rule that gave the rate (`manual`, `matter_user`, `matter`,
    `client_user`, `client`, `activity`, `user_default`); `source` is `typed`, `timer`,
    `communication`, `task` or `appointment` (with `source_id`)."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def matter(self) -> uuid.UUID:
        """The matter."""
    @property
    def user(self) -> uuid.UUID:
        """The fee earner who did the work."""
    @property
    def date(self) -> datetime.date:
        """The day the work was done."""
    @property
    def seconds(self) -> int:
        """Exact time worked, in whole seconds."""
    @property
    def duration(self) -> str:
        """The time worked as text, e.g. `1h20m`."""
    @property
    def narrative(self) -> str:
        """What was done."""
    @property
    def task_code(self) -> str | None:
        """UTBMS task code."""
    @property
    def activity_code(self) -> str | None:
        """UTBMS activity code."""
    @property
    def billability(self) -> str:
        """Whether it is charged."""
    @property
    def rate(self) -> Decimal:
        """The hourly rate (exact)."""
    @property
    def currency(self) -> str:
        """ISO 4217 currency of the rate and value."""
    @property
    def rate_source(self) -> str:
        """Which rule gave the rate."""
    @property
    def rounding(self) -> RoundingPolicy:
        """The rounding policy in force when it was recorded."""
    @property
    def chargeable_seconds(self) -> int:
        """Seconds charged under its own policy taken alone (0 for non-billable time)."""
    @property
    def value(self) -> Decimal:
        """Value at its rate, rounded to the minor unit (0 unless billable)."""
    @property
    def status(self) -> str:
        """Where it stands in billing."""
    @property
    def bill(self) -> uuid.UUID | None:
        """The bill it is on."""
    @property
    def source(self) -> str:
        """What it was recorded from."""
    @property
    def source_id(self) -> uuid.UUID | None:
        """The communication, task or calendar entry it was recorded from."""
    @property
    def recorded_by(self) -> uuid.UUID:
        """Who recorded it."""
    @property
    def recorded_at(self) -> datetime.datetime:
        """When (UTC)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class Timer:
    """The acting user's timer: `state` is `running` or `paused`."""

    def elapsed(self, now: datetime.datetime) -> int:
        """Seconds elapsed at `now` (an aware datetime), at most 24 hours."""
    @property
    def user(self) -> uuid.UUID:
        """Its user."""
    @property
    def matter(self) -> uuid.UUID:
        """The matter it runs on."""
    @property
    def narrative(self) -> str:
        """What is being done."""
    @property
    def started_at(self) -> datetime.datetime:
        """When it was started (UTC)."""
    @property
    def elapsed_seconds(self) -> int:
        """Seconds counted before the current run."""
    @property
    def running_since(self) -> datetime.datetime | None:
        """Since when it runs (`None` while paused)."""
    @property
    def state(self) -> str:
        """`running` or `paused`."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class TraceStep:
    """One step of a computation: the provision applied, what it did and the date it reached."""

    @property
    def provision(self) -> str:
        """The provision applied, e.g. `FRCP 6(a)(1)(A)`."""
    @property
    def explanation(self) -> str:
        """What it did."""
    @property
    def date(self) -> datetime.date:
        """The date the step reached."""

@final
class UnexplainedRow:
    """A stored row whose state no audit event explains."""

    @property
    def kind(self) -> _EntityKind:
        """The kind of record, e.g. `contact`, `time_entry`."""
    @property
    def id(self) -> uuid.UUID:
        """Its id."""
    @property
    def fields(self) -> list[str]:
        """The fields whose stored value differs from the replay (empty: no event at all)."""
    @property
    def reason(self) -> str:
        """What is wrong (never the values)."""

@final
class User:
    """A user of the firm (fee earner or staff). `default_rate` is `None` when the viewer may not
    see rates."""

    @property
    def id(self) -> uuid.UUID:
        """Identifier."""
    @property
    def name(self) -> str:
        """Full name."""
    @property
    def email(self) -> str:
        """Email, unique in the firm."""
    @property
    def role(self) -> str:
        """Firm role: `admin`, `partner`, `fee_earner`, `paralegal`, `secretary`, `accounts` or
        `read_only`."""
    @property
    def default_rate(self) -> Decimal | None:
        """Default hourly rate (exact), or `None` (none set, or hidden from the viewer)."""
    @property
    def rate_currency(self) -> str | None:
        """ISO 4217 currency of the default rate."""
    @property
    def timekeeper_code(self) -> str | None:
        """LEDES timekeeper classification code, e.g. `PT`, `AS`, `PL`."""
    @property
    def active(self) -> bool:
        """Whether the user may act (inactive users keep their history)."""
    @property
    def created_at(self) -> datetime.datetime:
        """When the user was created (UTC)."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version: pass it back as `expected_version` to change the user."""

@final
class UtbmsCode:
    """A UTBMS code: `set` is `litigation`, `bankruptcy`, `counseling`, `project`, `activity` or
    `expense`; `phase` is the phase a task belongs to (e.g. `L300` for `L330`)."""

    @property
    def code(self) -> str:
        """The code, upper case."""
    @property
    def description(self) -> str:
        """What it stands for."""
    @property
    def set(self) -> str:
        """The code set."""
    @property
    def phase(self) -> str | None:
        """The phase of a task code."""
    @property
    def is_phase(self) -> bool:
        """Whether the code is itself a phase."""

@final
class WorkInProgress:
    """Unbilled work of a matter (`matter` set) or a fee earner (`user` set)."""

    @property
    def matter(self) -> uuid.UUID | None:
        """The matter."""
    @property
    def user(self) -> uuid.UUID | None:
        """The fee earner."""
    @property
    def currency(self) -> str | None:
        """The currency of the values (a line per currency)."""
    @property
    def unbilled_seconds(self) -> int:
        """Unbilled time."""
    @property
    def unbilled_time_value(self) -> Decimal:
        """Its value."""
    @property
    def unbilled_expenses(self) -> Decimal:
        """Unbilled expenses."""
    @property
    def total(self) -> Decimal:
        """Time value plus expenses."""

@final
class WorkflowProgress:
    """A matter's progress on a pinned template version."""

    @property
    def matter(self) -> uuid.UUID:
        """The matter."""
    @property
    def template_id(self) -> str:
        """The template's id."""
    @property
    def template_version(self) -> int:
        """The template version the matter is pinned to."""
    @property
    def stage(self) -> str:
        """The current stage's id."""
    @property
    def items(self) -> dict[str, ItemCompletion]:
        """Completed checklist items by item id."""
    @property
    def history(self) -> list[StageMove]:
        """Every stage move, oldest first."""
    @property
    def version(self) -> int:
        """Optimistic-concurrency version."""

@final
class WorkflowTemplate:
    """A versioned workflow template: ordered stages with checklists and gates."""

    def to_json(self) -> str:
        """The template as JSON (the format `register_template_json` reads)."""
    @property
    def id(self) -> str:
        """Identifier, e.g. `ew-residential-purchase`."""
    @property
    def version(self) -> int:
        """Version, from 1."""
    @property
    def name(self) -> str:
        """Name shown to users."""
    @property
    def practice_area(self) -> str:
        """The practice area it serves."""
    @property
    def stages(self) -> list[Stage]:
        """The stages in order."""
