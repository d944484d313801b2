# Generated from the #[pymethods] of bindings/python/src by
# `LEXCASE_BLESS=1 cargo test -p lexcase-python generated_stub`: do not edit.
"""The firm, the session and the services of ``lexcase._lexcase`` (generated)."""

import builtins
import datetime
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Literal, final

from lexcase._lexcase import Page, Session, _CustomValueArg, _Progress, _Sender
from lexcase.generated.records import *
from lexcase.generated.records import _Amount, _Json

__all__ = [
    "AppointmentService",
    "AuditService",
    "BillService",
    "ClientMoneyService",
    "CommunicationService",
    "ComplianceService",
    "ConflictService",
    "ContactService",
    "DocketService",
    "DocumentService",
    "Firm",
    "InterchangeService",
    "MatterService",
    "NoteService",
    "PaymentService",
    "RenderRequest",
    "ReportService",
    "SettingsService",
    "TaskService",
    "TemplateService",
    "TimeService",
    "UserService",
    "WorkflowService",
]

@final
class AppointmentService:
    """The calendar (`session.appointments`): appointments, meetings, hearings and calls, single
    or recurring (an RFC 5545 `RRULE`), timed in an IANA zone or all-day. An entry on a matter
    follows the matter's visibility and needs `edit_matters` to change; one on no matter is
    visible to the firm and changed by its organiser, a user attending, or anyone with
    `edit_matters`.

    A schedule is given either as `start`, `end` (naive `datetime`s, wall-clock times) and
    `zone` (an IANA name such as `"Europe/London"`), or as `first_day` and `last_day`
    (`date`s, inclusive; `last_day` defaults to `first_day`). Giving both forms, or part of
    the timed one, is a `ValidationError`. Date ranges (`from_date`, `to_date`) are inclusive
    days in the firm's zone, at most 366 of them."""

    def create(
        self,
        *,
        title: str,
        start: datetime.datetime | None = None,
        end: datetime.datetime | None = None,
        zone: str | None = None,
        first_day: datetime.date | None = None,
        last_day: datetime.date | None = None,
        kind: str = "appointment",
        matter: uuid.UUID | None = None,
        description: str = "",
        location: str = "",
        recurrence: str | None = None,
        attendee_users: Sequence[uuid.UUID] = ...,
        attendee_contacts: Sequence[uuid.UUID] = ...,
        reminders: Sequence[int] = ...,
    ) -> Appointment:
        """Puts an entry in the calendar. `kind` is `appointment`, `meeting`, `hearing` or `call`;
        `recurrence` an `RRULE` value such as `"FREQ=WEEKLY;COUNT=6"`; `reminders` minutes
        before the start."""

    def get(self, id: uuid.UUID) -> Appointment:
        """An entry by id."""

    def update(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        title: str | None = None,
        start: datetime.datetime | None = None,
        end: datetime.datetime | None = None,
        zone: str | None = None,
        first_day: datetime.date | None = None,
        last_day: datetime.date | None = None,
        kind: str | None = None,
        description: str | None = None,
        location: str | None = None,
        recurrence: str | None = ...,
        attendee_users: Sequence[uuid.UUID] | None = None,
        attendee_contacts: Sequence[uuid.UUID] | None = None,
        reminders: Sequence[int] | None = None,
    ) -> Appointment:
        """Changes the whole entry (every occurrence of a series); an argument left out leaves its
        field as it is. Giving a schedule (either form) replaces it; `recurrence=None` makes the
        entry single. Giving either attendee list replaces all attendees (the other list counts
        as empty). Changing the schedule or recurrence discards the occurrence exceptions."""

    def change_occurrence(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        original_start: datetime.datetime | datetime.date,
        cancel: bool = False,
        start: datetime.datetime | None = None,
        end: datetime.datetime | None = None,
        zone: str | None = None,
        first_day: datetime.date | None = None,
        last_day: datetime.date | None = None,
        title: str | None = None,
        location: str | None = None,
    ) -> Appointment:
        """Moves, retitles, relocates or cancels one occurrence of a series, named by
        `original_start` (the `original_start` of the occurrence: a naive `datetime`, or a
        `date` for an all-day series). `cancel=True` takes no other change; otherwise the given
        schedule, `title` and `location` replace the series' values for this occurrence, and
        giving none restores the occurrence to the series. Replaces any earlier change to it."""

    def cancel(self, id: uuid.UUID, expected_version: int) -> Appointment:
        """Cancels the whole entry (it stays, with its history, and leaves every agenda)."""

    def history(self, id: uuid.UUID) -> list[AuditEvent]:
        """The entry's history (`appointment.created`, `.updated`, `.moved`,
        `.occurrence_changed`, `.occurrence_cancelled`, `.cancelled`), oldest first."""

    def agenda(
        self,
        user: uuid.UUID,
        *,
        from_date: datetime.date,
        to_date: datetime.date,
    ) -> list[Occurrence]:
        """A user's agenda: the occurrences of entries they organise or attend from `from_date`
        to `to_date` (inclusive, in the firm's zone), in start order; entries on matters the
        acting user may not see are left out."""

    def of_matter(
        self,
        matter: uuid.UUID,
        *,
        from_date: datetime.date,
        to_date: datetime.date,
    ) -> list[Occurrence]:
        """A matter's calendar from `from_date` to `to_date` (inclusive, in the firm's zone), in
        start order."""

    def clashes(
        self,
        user: uuid.UUID,
        *,
        from_date: datetime.date,
        to_date: datetime.date,
    ) -> list[Clash]:
        """Where a user's timed occurrences overlap from `from_date` to `to_date`, in start order."""

@final
class AuditService:
    """The audit trail and change feed (`session.audit`). Events about matters the acting user
    may not see are left out."""

    def verify(self, expected_head: AuditHead | None = None) -> AuditVerification:
        """Verifies the whole hash chain (needs `view_audit`) and names the first broken link;
        with `expected_head` (a head exported earlier and kept outside the file) also that the
        chain still passes through it unchanged."""

    def head(self) -> AuditHead | None:
        """The head of the chain to anchor outside the file, or `None` before the first event
        (needs `view_audit`)."""

    def verify_state(self) -> StateVerification:
        """Compares the stored rows (users, contacts, matters, time, expenses, bills, payments,
        client money) with the replay of their audit events and lists the rows no event
        explains (needs `view_audit`)."""

    def history(self, entity_id: uuid.UUID) -> list[AuditEvent]:
        """The history of one entity (the id of a matter, contact, user, task, note, document,
        appointment or communication; the firm's settings with the nil UUID), oldest first."""

    def changes_since(self, cursor: int = 0, limit: int = 100) -> ChangeBatch:
        """Events after `cursor` (0 for the beginning) that the acting user may see, in order, at
        most `limit` (1 to 1000)."""

@final
class BillService:
    """Bills (`session.bills`): drafting from unbilled work, discounts and adjustments, approval,
    issue (gapless numbers), voids, credit notes and exports. Reading needs `view_rates` or
    `manage_billing`; changing needs `manage_billing`."""

    def draft(
        self,
        *,
        client: uuid.UUID,
        matters: Sequence[uuid.UUID],
        period_from: datetime.date,
        period_to: datetime.date,
        arrangement: str = "hourly",
        fixed_fee: _Amount | None = None,
        show_time: bool = True,
        recovery: _Amount | None = None,
        costs: _Amount | None = None,
        percent: _Amount | None = None,
        basis: str = "gross",
        discount_percent: _Amount | None = None,
        discount_amount: _Amount | None = None,
        description: str = ...,
    ) -> Bill:
        """Drafts a bill for `client` from the unbilled work of `matters` in the period.
        `arrangement` is `hourly`, `fixed_fee` (needs `fixed_fee`; `show_time` lists the time
        at no charge) or `contingency` (needs `recovery`, `costs` and `percent`; `basis` is
        `gross` or `net`). A bill discount is `discount_percent` or `discount_amount`."""

    def get(self, id: uuid.UUID) -> Bill:
        """A bill by id."""

    def list(
        self,
        *,
        client: uuid.UUID | None = None,
        matter: uuid.UUID | None = None,
        status: str | None = None,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Bill]:
        """Bills matching every filter given, newest first."""

    def set_discount(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        percent: _Amount | None = None,
        amount: _Amount | None = None,
    ) -> Bill:
        """Sets the discount of a draft (a percentage or an amount); neither clears it."""

    def set_line_discount(
        self,
        id: uuid.UUID,
        expected_version: int,
        number: int,
        *,
        percent: _Amount | None = None,
        amount: _Amount | None = None,
    ) -> Bill:
        """Sets the discount of line `number` of a draft; neither clears it."""

    def add_adjustment(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        description: str,
        amount: _Amount,
        taxable: bool = True,
    ) -> Bill:
        """Adds a manual adjustment line (a negative amount is a credit) to a draft."""

    def remove_line(self, id: uuid.UUID, expected_version: int, number: int) -> Bill:
        """Takes line `number` off a draft; its work returns to unbilled."""

    def transition(self, id: uuid.UUID, expected_version: int, to: str) -> Bill:
        """Moves a bill to status `to` (`approved`, back to `draft`, or `issued`); void with
        `void`."""

    def issue(self, id: uuid.UUID, expected_version: int) -> Bill:
        """Issues an approved bill: the next gapless number, today's date, the due date."""

    def void(self, id: uuid.UUID, expected_version: int, reason: str) -> Bill:
        """Voids a bill nobody has paid, credited or written off; its work returns to unbilled."""

    def credit_note(
        self,
        invoice: uuid.UUID,
        expected_version: int,
        *,
        amount: _Amount,
        reason: str,
    ) -> Bill:
        """Issues a credit note of `amount` (tax included) against an issued invoice; returns the
        credit note."""

    def ledes(self, id: uuid.UUID) -> str:
        """The bill as LEDES 1998B text (refused for a taxed bill: the format has no tax field)."""

    def csv(self, id: uuid.UUID) -> str:
        """The bill as CSV."""

    def json(self, id: uuid.UUID) -> str:
        """The bill as JSON."""

@final
class ClientMoneyService:
    """Client money (`session.client_money`): a ledger per client and matter in the matter's
    currency. Recording and reconciling need `manage_client_money`; letting a ledger go below
    zero needs `override_client_money` and an `override_reason`."""

    def record(
        self,
        *,
        matter: uuid.UUID,
        client: uuid.UUID,
        kind: str,
        amount: _Amount,
        date: datetime.date,
        description: str,
        counterparty: str = ...,
        reference: str = ...,
        bill: uuid.UUID | None = None,
        override_reason: str | None = None,
        currency: str | None = None,
    ) -> ClientMoneyEntry:
        """Records a client-money entry: `kind` is `receipt`, `payment` or `transfer_to_office`
        (with the issued `bill` it pays). `amount` is in `currency`, by default the matter's."""

    def reverse(
        self,
        id: uuid.UUID,
        *,
        date: datetime.date,
        reason: str,
        override_reason: str | None = None,
    ) -> ClientMoneyEntry:
        """Reverses an entry (entries are never edited); a reversal that overdraws needs an
        `override_reason`."""

    def entries(self, matter: uuid.UUID) -> list[ClientMoneyEntry]:
        """The entries of a matter, by date then recording order."""

    def balances(self, matter: uuid.UUID) -> list[LedgerBalance]:
        """The balance per client on a matter."""

    def reconcile(
        self,
        *,
        date: datetime.date,
        balance: _Amount,
        deposits_in_transit: Sequence[tuple[str, _Amount]] = ...,
        outstanding_payments: Sequence[tuple[str, _Amount]] = ...,
        currency: str | None = None,
    ) -> ReconciliationRecord:
        """Reconciles the bank statement balance on `date` (in `currency`, default the firm's)
        with the cash book and the client ledgers; items are `(description, amount)`."""

    def reconciliation_due(self) -> ReconciliationDue:
        """When the next reconciliation is due."""

@final
class CommunicationService:
    """The communication log (`session.communications`): calls, letters, meetings and messages
    recorded by hand, and emails ingested from their raw bytes and filed to their matter
    automatically (a reply to a message sent from or filed to a matter first, then the matter
    number in the subject, else the one open matter the sender or recipients are parties to,
    else the unfiled queue with the candidate matters), and email sent from a matter. A
    communication on a matter follows the matter's visibility; recording, ingesting, filing
    and the unfiled queue need `edit_matters`. Contents are `bytes`."""

    def record(
        self,
        *,
        channel: str,
        direction: str,
        occurred_at: datetime.datetime,
        subject: str = "",
        body: str = "",
        matter: uuid.UUID | None = None,
        participants: Sequence[Participant] = ...,
    ) -> Communication:
        """Records a call, letter, meeting or message on `matter` (or, without one, into the
        unfiled queue). `channel` is `email`, `phone`, `letter`, `meeting`, `message` or
        `portal`; `direction` `inbound`, `outbound` or `internal`; `occurred_at` an aware
        `datetime` (any zone); `participants` a sequence of `Participant`."""

    def ingest_email(self, raw: bytes) -> IngestOutcome:
        """Ingests one raw RFC 5322 message (`bytes`): keeps the original and its attachments,
        files it and files its attachments as `correspondence` documents of the matter. A
        Message-ID seen before returns the earlier communication with `duplicate=True` and
        writes nothing. Malformed mail is a `ValidationError` (field `email`)."""

    def file(self, id: uuid.UUID, expected_version: int, matter: uuid.UUID) -> Communication:
        """Files a communication from the unfiled queue to `matter` (its attachments become
        documents there). A filed communication is not moved (`ValidationError`)."""

    def compose_email(
        self,
        matter: uuid.UUID,
        *,
        to: Sequence[Recipient | str],
        cc: Sequence[Recipient | str] = ...,
        bcc: Sequence[Recipient | str] = ...,
        template: str | None = None,
        subject: str | None = None,
        body: str | None = None,
        bill: uuid.UUID | None = None,
        attachments: Sequence[OutgoingAttachment] = ...,
        in_reply_to: uuid.UUID | None = None,
    ) -> ComposedEmail:
        """Composes an email on `matter` without sending or recording it: recipients (`Recipient`
        or address `str`), the subject and body from an email `template` (with `bill` as a
        merge field when given) or as given, attachments (`OutgoingAttachment`), and the
        RFC 5322 message with a Message-ID in the firm's domain."""

    def send_email(
        self,
        matter: uuid.UUID,
        *,
        to: Sequence[Recipient | str],
        cc: Sequence[Recipient | str] = ...,
        bcc: Sequence[Recipient | str] = ...,
        template: str | None = None,
        subject: str | None = None,
        body: str | None = None,
        bill: uuid.UUID | None = None,
        attachments: Sequence[OutgoingAttachment] = ...,
        in_reply_to: uuid.UUID | None = None,
        sender: _Sender | None = None,
    ) -> SentEmail:
        """Composes an email (as `compose_email`), sends it through `sender` (a callable
        `sender(envelope_from, envelope_to, message)`) or else the firm's transport
        (`Firm.with_smtp` / `Firm.with_mail_sender`), and records it on the matter as an
        outgoing communication keeping the exact bytes sent, rendered attachments filed as
        documents, in one audited command. A transport failure raises `DeliveryError` and
        records nothing."""

    def get(self, id: uuid.UUID) -> Communication:
        """A communication by id."""

    def of_matter(
        self,
        matter: uuid.UUID,
        *,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Communication]:
        """A matter's communications, newest first."""

    def unfiled(
        self,
        *,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Communication]:
        """The unfiled queue, oldest first."""

    def raw_message(self, id: uuid.UUID) -> bytes:
        """The original bytes of an ingested email, verified against their hash (changed contents
        raise `IntegrityError`; a communication not ingested from an email is a
        `ValidationError`)."""

    def attachment(self, id: uuid.UUID, index: int) -> bytes:
        """The contents of attachment `index` (from 0, in the order of `attachments`), verified
        against their hash."""

@final
class ComplianceService:
    """Compliance rules (`session.compliance`): the packs the firm can put in force (built in and
    installed) and those in force, a firm's own pack tested before it is installed, findings
    on one matter or on a sweep of the firm, and the overrides recorded on a matter. With
    packs in force, blocking rules gate matter opening (`MatterService.open`, or
    `open_overriding` with a reason) and stage advances. Reading findings needs sight of the
    matter; choosing and installing packs needs `manage_firm`."""

    def available_packs(self) -> list[CompliancePack]:
        """Every pack the firm can put in force: the built-in ones (each replaced by an installed
        pack of the same id) and the installed ones."""

    def packs(self) -> list[CompliancePack]:
        """The packs in force (none until the firm chooses)."""

    def set_packs_in_force(self, ids: Sequence[str]) -> list[CompliancePack]:
        """Puts exactly the packs `ids` in force and returns them; an id no available pack has is
        a `ValidationError` on `packs`. Needs `manage_firm`."""

    def test_pack(self, pack: CompliancePack) -> list[RuleTestOutcome]:
        """Runs a pack's own test cases without installing it, one outcome per case."""

    def install_pack(self, pack: CompliancePack) -> CompliancePack:
        """Installs a pack and puts it in force (a newer version of an installed or built-in
        pack replaces it). A pack whose own tests fail is a `ValidationError` on `tests`; a
        version not newer than the one available, on `version`. Needs `manage_firm`."""

    def evaluate(self, matter: uuid.UUID) -> MatterCompliance:
        """What the rules in force find on one matter today (as a sweep would)."""

    def sweep(self, *, progress: _Progress | None = None) -> list[MatterCompliance]:
        """Sweeps every matter the acting user may see that is not archived; the matters with
        findings. `progress(phase, done, total)` is called batch by batch with the matters
        swept (`sweep.matters`, of those the sweep covers); returning `False` — or raising —
        cancels: `CancelledError` (or the callable's exception). A sweep writes nothing."""

    def overrides(self, matter: uuid.UUID) -> list[RuleOverride]:
        """The overrides recorded on a matter, oldest first."""

@final
class ConflictService:
    """Conflict checks (`session.conflicts`): names and identifiers searched over every contact
    and every matter party (current, closed and archived matters, every role) and their
    affiliates, the check stored on a matter with a decision per hit, re-run by itself when
    the matter's parties change. Searching and running checks need `open_matters` or
    `edit_matters`; clearing a hit needs the same, waiving or declining one needs
    `manage_matter_access`. A hit on a matter the acting user may not see is withheld: it says
    only that a conflict exists."""

    def search(
        self,
        *,
        names: Sequence[str] = ...,
        identifiers: Sequence[str] = ...,
    ) -> list[ConflictHit]:
        """Searches `names` and `identifiers` (company numbers, tax ids; spacing and punctuation
        ignored) without storing anything; the hits best first, each explained. A blank name is
        a `ValidationError` on `names`."""

    def run(self, matter: uuid.UUID) -> ConflictCheck:
        """Runs the matter's check over the names and identifiers of all its parties and stores
        it; decisions already made about the same hits are kept."""

    def recheck_all(self, *, progress: _Progress | None = None) -> ConflictRecheck:
        """Re-runs every stored conflict check on the matters the acting user may see that are
        not archived (after taking on many new contacts, or when the matching rules change), in
        one command: all or none. Decisions already made about the same hits are kept; a matter
        behind a wall from the user is left as it is. Needs `open_matters` or `edit_matters`.
        Returns how many checks were re-run and the matters whose check found new hits.
        `progress(phase, done, total)` is called page by page with the matters looked at
        (`conflicts.recheck`); returning `False` — or raising — cancels: `CancelledError` (or
        the callable's exception), and no check is re-run."""

    def get(self, matter: uuid.UUID) -> ConflictCheck | None:
        """The matter's check, or `None` if none was run."""

    def decide(
        self,
        matter: uuid.UUID,
        expected_version: int,
        *,
        hit: int,
        disposition: Literal['cleared', 'waived', 'declined'],
        note: str,
    ) -> ConflictCheck:
        """Records a decision about hit number `hit` (an index into `ConflictCheck.hits`):
        `disposition` is `cleared` (not a conflict), `waived` (consent confirmed in writing) or
        `declined`; `note` (required) says why. Waiving and declining need
        `manage_matter_access`. An index past the hits is a `NotFoundError`."""

@final
class ContactService:
    """Contacts of the firm (`session.contacts`): people and organisations. Everybody may read
    them; changing them needs the `manage_contacts` capability."""

    def create_person(
        self,
        *,
        given_name: str,
        family_name: str,
        title: str | None = None,
        emails: Sequence[str | Email] = ...,
        phones: Sequence[str | Phone] = ...,
        addresses: Sequence[PostalAddress] = ...,
        identifiers: Sequence[Identifier] = ...,
    ) -> Contact:
        """Creates a person. `emails` and `phones` take `str` or `Email`/`Phone` items."""

    def create_organisation(
        self,
        *,
        name: str,
        emails: Sequence[str | Email] = ...,
        phones: Sequence[str | Phone] = ...,
        addresses: Sequence[PostalAddress] = ...,
        identifiers: Sequence[Identifier] = ...,
    ) -> Contact:
        """Creates an organisation (a company, partnership, public body, court …)."""

    def get(self, id: uuid.UUID) -> Contact:
        """A contact by id."""

    def search(
        self,
        prefix: str = "",
        *,
        kind: str | None = None,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Contact]:
        """Contacts with a word of their name starting with `prefix` (case and accents ignored;
        `""` lists all), optionally only `kind` (`person` or `organisation`), by sort name."""

    def update(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        title: str | None = None,
        given_name: str | None = None,
        family_name: str | None = None,
        organisation_name: str | None = None,
        emails: Sequence[str | Email] | None = None,
        phones: Sequence[str | Phone] | None = None,
        addresses: Sequence[PostalAddress] | None = None,
        identifiers: Sequence[Identifier] | None = None,
    ) -> Contact:
        """Changes names or replaces whole lists of details; `None` leaves a field as it is and
        `""` clears an optional name."""

    def record_identity_verification(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        status: str,
        checked_on: datetime.date | None = None,
        method: str | None = None,
    ) -> Contact:
        """Records the outcome of identity verification: `status` is `not_verified`, `pending`,
        `verified` (needs `checked_on` and `method`) or `failed` (needs `checked_on`)."""

    def add_affiliation(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        kind: str,
        other: uuid.UUID,
        position: str | None = None,
    ) -> Contact:
        """Records that this contact `kind` (`works_for`, `subsidiary_of`) the contact `other`."""

    def remove_affiliation(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        kind: str,
        other: uuid.UUID,
    ) -> Contact:
        """Removes an affiliation."""

@final
class DocketService:
    """The docket (`session.docket`): deadlines computed from court and statutory rules, kept in
    step with their triggers (a date, an instant, a key date of the matter or another
    deadline), closed as done or vacated, the register of who entered them, and reminders.
    Deadlines follow their matter's visibility; entering and changing them needs
    `edit_matters`."""

    def add(
        self,
        *,
        matter: uuid.UUID,
        rule: str | DeadlineRule,
        trigger_date: datetime.date | None = None,
        trigger_at: datetime.datetime | None = None,
        trigger_key_date: str | None = None,
        trigger_deadline: uuid.UUID | None = None,
        title: str | None = None,
        service: str | None = None,
        holidays: str | None = None,
        closures: str | None = None,
        reminders: Sequence[int] | None = None,
        responsible: uuid.UUID | None = None,
    ) -> Deadline:
        """Enters a deadline on `matter` and computes it. `rule` is a built-in rule id (an
        unknown one is a `ValidationError` on `rule`) or a `DeadlineRule`. Give exactly one
        trigger: `trigger_date`, `trigger_at` (an aware datetime, read in the firm's zone; hour
        periods need one), `trigger_key_date` (a key date of the matter: the deadline waits
        undated until it is set and moves with it) or `trigger_deadline` (another deadline of
        the matter: a chain). `service` is `personal`, `electronic`, `mail`,
        `left_with_clerk` or `other_consented`; `holidays` and `closures` calendar specs (the
        rule's or the method's usual ones by default); `reminders` days before the due date
        (30, 7 and 1 by default)."""

    def get(self, id: uuid.UUID) -> Deadline:
        """A deadline by id."""

    def history(self, id: uuid.UUID) -> builtins.list[AuditEvent]:
        """The deadline's history (`deadline.entered`, `.updated`, `.recomputed`, `.done`,
        `.vacated`), oldest first."""

    def update(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        title: str | None = None,
        trigger_date: datetime.date | None = None,
        trigger_at: datetime.datetime | None = None,
        trigger_key_date: str | None = None,
        trigger_deadline: uuid.UUID | None = None,
        service: str | None = ...,
        holidays: str | None = None,
        closures: str | None = None,
        reminders: Sequence[int] | None = None,
        responsible: uuid.UUID | None = ...,
    ) -> Deadline:
        """Changes title, trigger (at most one trigger form), service method, calendars,
        reminders or the responsible user; an argument left out leaves its field as it is
        (`service=None` and `responsible=None` clear theirs). The date is recomputed, and
        deadlines chained to this one move with it. A closed deadline cannot change
        (`InvalidTransitionError`)."""

    def complete(self, id: uuid.UUID, expected_version: int) -> Deadline:
        """Marks the deadline met."""

    def vacate(self, id: uuid.UUID, expected_version: int, reason: str) -> Deadline:
        """Marks the deadline as no longer applying; `reason` is required."""

    def list(
        self,
        *,
        matter: uuid.UUID | None = None,
        responsible: uuid.UUID | None = None,
        open_only: bool = False,
        due_from: datetime.date | None = None,
        due_to: datetime.date | None = None,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Deadline]:
        """Deadlines on matters the acting user may see, soonest first: of one `matter`, one
        `responsible` user, only open ones, due between `due_from` and `due_to` (inclusive)."""

    def entered_on(
        self,
        day: datetime.date,
        *,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Deadline]:
        """The register: deadlines entered on `day` (in the firm's zone), with who entered each
        (`entered_by`), in the order they were entered."""

    def reminders(
        self,
        *,
        from_date: datetime.date,
        to_date: datetime.date,
        responsible: uuid.UUID | None = None,
    ) -> builtins.list[DeadlineReminder]:
        """Reminders falling from `from_date` to `to_date` (inclusive, at most 366 days) for open
        deadlines, optionally only those `responsible` is responsible for, by reminder day then
        due date."""

@final
class DocumentService:
    """Documents (`session.documents`) filed to matters, with numbered versions whose contents
    live in the firm's blob store. They follow their matter's visibility; filing and changing
    need `edit_matters`. Contents are `bytes` (a `str` is a `TypeError`)."""

    def add(
        self,
        matter: uuid.UUID,
        *,
        name: str,
        category: str,
        media_type: str,
        contents: bytes,
        text: str | None = None,
    ) -> Document:
        """Files a document with its first version; `text` (extracted by the caller) is indexed
        for search. A document of a category a workflow checklist item asks for ticks that item."""

    def get(self, id: uuid.UUID) -> Document:
        """A document by id."""

    def contents(self, id: uuid.UUID, version: int | None = None) -> bytes:
        """The contents of version `version` (the latest with `None`), verified against their
        hash: contents changed on disk raise `IntegrityError`."""

    def add_version(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        contents: bytes,
        media_type: str,
        text: str | None = None,
    ) -> Document:
        """Adds a version (a final document returns to draft; a signed one takes no more and
        raises `InvalidTransitionError`)."""

    def set_status(self, id: uuid.UUID, expected_version: int, status: str) -> Document:
        """Moves the document to `status` (`draft` ↔ `final` → `signed`)."""

    def render(
        self,
        template: str,
        *,
        format: Literal['pdf', 'html', 'text'] = "pdf",
        matter: uuid.UUID | None = None,
        bill: uuid.UUID | None = None,
        client: uuid.UUID | None = None,
        currency: str | None = None,
        version: int | None = None,
        file: bool = False,
        name: str | None = None,
        category: str | None = None,
        new_version_of: uuid.UUID | None = None,
        expected_version: int | None = None,
    ) -> RenderedDocument:
        """Renders a document from firm template `template` in `format` (`pdf`, `html` or
        `text`) about a `matter`, a `bill`, or a `client`'s statement in `currency`; with
        `file=True` files it to the matter in the same audited command (as a new document named
        `name` in `category`, or as a new version of `new_version_of` at `expected_version`).
        An issued bill's first rendering in a format is kept, and later ones return those
        bytes (`reprint=True`), so a reprint is byte-identical. The arguments are those of
        `RenderRequest`."""

    def render_many(
        self,
        requests: Sequence[RenderRequest],
        *,
        progress: _Progress | None = None,
    ) -> list[RenderedDocument]:
        """Renders many documents (a bill run's invoices, a month's statements), each a
        `RenderRequest`, as `render` would, in the order given (at most 1,000): all or nothing.
        `progress(phase, done, total)` is called for each document rendered
        (`render.documents`), then for each one kept with its issued bill or filed
        (`render.record`); returning `False` — or raising — cancels: `CancelledError` (or the
        callable's exception), and nothing is kept or filed."""

    def merge_model(
        self,
        kind: str,
        *,
        matter: uuid.UUID | None = None,
        bill: uuid.UUID | None = None,
        client: uuid.UUID | None = None,
        currency: str | None = None,
    ) -> str:
        """The merge model (as JSON text) a template of `kind` prints about a `matter`, a `bill`
        or a `client`'s statement in `currency`: what template authors write against."""

    def for_matter(
        self,
        matter: uuid.UUID,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Document]:
        """A matter's documents, newest first."""

    def search(
        self,
        text: str,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Document]:
        """Documents whose indexed text (of their latest version) contains every word of `text`
        as a prefix (case and accents ignored), on matters the acting user may see, best match
        first."""

@final
class Firm:
    """A firm: one database (or one firm of a PostgreSQL database). Set it up once with
    `initialise`, then act through a `Session` for a user. Share it freely between threads."""

    def export_archive(
        self,
        path: str | os.PathLike[str],
        *,
        progress: _Progress | None = None,
    ) -> dict[str, object]:
        """Writes the whole firm to a new archive file at `path` (a zip of JSON Lines per record
        kind, the document contents and the audit log with its head; it refuses a file that
        exists) and returns its manifest as a dict. `progress(phase, done, total)` is called as
        it goes (`total` is `None` when not known in advance); returning `False` — or raising —
        cancels: `CancelledError` (or the callable's exception) and no file is left."""

    def import_archive(
        self,
        path: str | os.PathLike[str],
        *,
        progress: _Progress | None = None,
    ) -> dict[str, object]:
        """Reads the archive file at `path` into this firm, whose store must be empty (a new file
        or firm), and returns its manifest as a dict. The whole archive is checked before
        anything is written (a damaged, cut-off or newer archive raises `InvalidArchiveError`),
        then it is written in one transaction: records, contents and the audit chain exactly
        as exported. `progress` as for `export_archive`; a cancelled import writes nothing."""

    def is_initialised(self) -> bool:
        """Whether the firm has been set up."""

    def initialise(
        self,
        *,
        name: str,
        currency: str,
        matter_number_format: str,
        time_zone: str,
        admin_name: str,
        admin_email: str,
        admin_timekeeper_code: str | None = None,
        admin_default_rate: _Amount | None = None,
    ) -> User:
        """Sets up a new firm and its first administrator in one audited transaction; returns the
        administrator. Raises `ConflictError` if the firm is already set up."""

    def settings(self) -> FirmSettings:
        """The firm's settings."""

    def session(self, user_id: uuid.UUID) -> Session:
        """A session acting as the user with this id, who must exist and be active."""

    def session_by_email(self, email: str) -> Session:
        """A session acting as the user with this email (once the front end has authenticated
        them), who must exist and be active."""

    def with_smtp(
        self,
        host: str,
        port: int = 587,
        *,
        security: Literal['starttls', 'tls', 'none'] = "starttls",
        username: str | None = None,
        password: str | None = None,
        hello_name: str | None = None,
        timeout_seconds: int = 60,
    ) -> Firm:
        """The same firm sending email through an SMTP server: `security` is `starttls` (port
        587, STARTTLS required), `tls` (port 465) or `none` (a relay on this machine only;
        credentials are refused with it). The password is kept in memory only."""

    def with_mail_sender(self, sender: _Sender) -> Firm:
        """The same firm sending email by calling `sender(envelope_from, envelope_to, message)`
        (`str`, `list[str]`, `bytes`): for applications that deliver mail their own way. The
        message must be delivered exactly as given; an exception raised by `sender` fails the
        send (`DeliveryError`) and nothing is recorded."""

@final
class InterchangeService:
    """Interchange (`session.interchange`): calendars as iCalendar (RFC 5545) text and contacts as
    vCard 4.0 (RFC 6350) text, out and in."""

    def user_calendar(
        self,
        user: uuid.UUID,
        *,
        from_date: datetime.date,
        to_date: datetime.date,
    ) -> str:
        """A user's calendar from `from_date` to `to_date` (inclusive, in the firm's zone) as
        iCalendar: the entries they organise or attend (whole series, with `EXDATE` and
        `RECURRENCE-ID`), the deadlines they are responsible for and the tasks assigned to them
        falling due in the range (as `VTODO` with alarms), on matters the acting user may see."""

    def matter_calendar(self, matter: uuid.UUID) -> str:
        """A matter's whole calendar as iCalendar: its entries, deadlines and dated tasks."""

    def export_contacts(self, ids: Sequence[uuid.UUID]) -> str:
        """Contacts as vCard 4.0 text, in the order given (an unknown id is a `NotFoundError`)."""

    def import_contacts(self, vcf: str, *, progress: _Progress | None = None) -> list[Contact]:
        """Imports vCard 4.0 text (3.0 is refused) as new contacts, each card's `NOTE` becoming a
        note on its contact — all or nothing: a bad card is a `ValidationError` and imports
        nothing. `progress(phase, done, total)` is called for each card imported
        (`contacts.import`); returning `False` — or raising — cancels: `CancelledError` (or the
        callable's exception), and no contact is created."""

@final
class MatterService:
    """Matters (`session.matters`). A matter the acting user may not see (an ethical wall, or
    team-only and not on the team) does not exist for them: reads, lists, counts and writes all
    behave as if it were absent (`NotFoundError`)."""

    def create(
        self,
        *,
        title: str,
        practice_area: str,
        clients: Sequence[uuid.UUID],
        responsible: uuid.UUID,
        originating: uuid.UUID | None = None,
        description: str = "",
        billing: str = "hourly",
        currency: str | None = None,
        visibility: str = "firm",
        team: Sequence[tuple[uuid.UUID, str]] = ...,
        key_dates: Mapping[str, datetime.date] = ...,
    ) -> Matter:
        """Opens a new matter file in status `pending` with the next number. `currency` defaults
        to the firm's; `team` is a sequence of `(user_id, matter_role)` pairs."""

    def get(self, id: uuid.UUID) -> Matter:
        """A matter by id."""

    def list(
        self,
        *,
        status: str | None = None,
        practice_area: str | None = None,
        fee_earner: uuid.UUID | None = None,
        client: uuid.UUID | None = None,
        text: str | None = None,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Matter]:
        """Matters the acting user may see, newest first, with the total count. `text` matches
        words of the number, the title and the parties' names (case and accents ignored);
        `fee_earner` matches the responsible, originating and team members."""

    def mine(
        self,
        *,
        status: str | None = None,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Matter]:
        """The acting user's matters (responsible, originating or on the team), newest first."""

    def update(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        title: str | None = None,
        description: str | None = None,
        practice_area: str | None = None,
        responsible: uuid.UUID | None = None,
        originating: uuid.UUID | None = ...,
        billing: str | None = None,
        currency: str | None = None,
    ) -> Matter:
        """Changes details; an argument left out leaves its field as it is. `originating=None`
        clears the originating fee earner. `billing` and `currency` make up the billing
        arrangement: given one alone, the other keeps the matter's current value."""

    def open(self, id: uuid.UUID, expected_version: int) -> Matter:
        """Pending → open (the date opened is today in the firm's time zone). With compliance
        packs in force, blocking rules without an override refuse it (`ValidationError` on
        `rules`, naming them)."""

    def open_overriding(self, id: uuid.UUID, expected_version: int, reason: str) -> Matter:
        """Pending → open past blocking compliance rules: each is recorded as overridden with
        `reason` (kept, see `ComplianceService.overrides`). Needs `override_workflow_gates`."""

    def close(self, id: uuid.UUID, expected_version: int, reason: str | None = None) -> Matter:
        """Open → closed."""

    def reopen(self, id: uuid.UUID, expected_version: int, reason: str) -> Matter:
        """Closed → open again; the reason is required and recorded."""

    def archive(self, id: uuid.UUID, expected_version: int, reason: str | None = None) -> Matter:
        """Closed (or never-opened pending) → archived; archived matters are read-only."""

    def add_party(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        contact: uuid.UUID,
        role: str,
        acting_for: uuid.UUID | None = None,
        reference: str | None = None,
    ) -> Matter:
        """Adds a contact as a party in `role`, optionally acting for another party (a party id)."""

    def remove_party(self, id: uuid.UUID, expected_version: int, party: uuid.UUID) -> Matter:
        """Removes a party (never the last client, never one that others act for)."""

    def change_party_role(
        self,
        id: uuid.UUID,
        expected_version: int,
        party: uuid.UUID,
        role: str,
    ) -> Matter:
        """Changes a party's role."""

    def set_party_acting_for(
        self,
        id: uuid.UUID,
        expected_version: int,
        party: uuid.UUID,
        acting_for: uuid.UUID | None,
    ) -> Matter:
        """Records that `party` acts for the party `acting_for` (or for nobody with `None`)."""

    def add_team_member(
        self,
        id: uuid.UUID,
        expected_version: int,
        user: uuid.UUID,
        role: str,
    ) -> Matter:
        """Adds a user to the team in a matter role (or changes their matter role)."""

    def remove_team_member(self, id: uuid.UUID, expected_version: int, user: uuid.UUID) -> Matter:
        """Takes a user off the team."""

    def set_key_date(
        self,
        id: uuid.UUID,
        expected_version: int,
        name: str,
        date: datetime.date | None,
    ) -> Matter:
        """Sets a named key date, or removes it with `None`."""

    def set_custom_field(
        self,
        id: uuid.UUID,
        expected_version: int,
        key: str,
        value: _CustomValueArg,
    ) -> Matter:
        """Sets a custom field defined in the firm settings, or clears it with `None`. The value's
        Python type picks its kind: `str` (text or choice), `bool`, `int`, `Decimal`,
        `datetime.date` or a contact's `UUID`. A `float` is refused."""

    def set_visibility(self, id: uuid.UUID, expected_version: int, visibility: str) -> Matter:
        """Makes the matter firm-visible (`firm`) or team-only (`team`)."""

    def add_ethical_wall(
        self,
        id: uuid.UUID,
        expected_version: int,
        user: uuid.UUID,
        reason: str,
    ) -> Matter:
        """Puts up an ethical wall screening `user` from the matter."""

    def remove_ethical_wall(self, id: uuid.UUID, expected_version: int, user: uuid.UUID) -> Matter:
        """Takes down an ethical wall."""

@final
class NoteService:
    """Notes (`session.notes`) on matters and contacts. A matter note follows the matter's
    visibility and needs `edit_matters` to write; a contact note is firm-wide and needs
    `manage_contacts`. Editing keeps every earlier version."""

    def add_to_matter(self, matter: uuid.UUID, body: str) -> Note:
        """Adds a note about a matter."""

    def add_to_contact(self, contact: uuid.UUID, body: str) -> Note:
        """Adds a note about a contact."""

    def get(self, id: uuid.UUID) -> Note:
        """A note by id, with its earlier versions."""

    def edit(self, id: uuid.UUID, expected_version: int, body: str) -> Note:
        """Replaces a note's text; the previous text is kept as a revision."""

    def for_matter(
        self,
        matter: uuid.UUID,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Note]:
        """Notes on a matter, newest first."""

    def for_contact(
        self,
        contact: uuid.UUID,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Note]:
        """Notes on a contact, newest first."""

    def search(
        self,
        text: str,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Note]:
        """Notes containing every word of `text` (word prefixes; case and accents ignored), on
        matters the acting user may see and on contacts, best match first."""

@final
class PaymentService:
    """Payments (`session.payments`): receipts from clients, allocation to bills, write-offs,
    statements and aged debt. Needs `manage_billing`."""

    def record(
        self,
        *,
        client: uuid.UUID,
        received_on: datetime.date,
        amount: _Amount,
        method: str = ...,
        reference: str = ...,
        allocations: Sequence[tuple[uuid.UUID, _Amount]] = ...,
        currency: str | None = None,
    ) -> Payment:
        """Records a payment of `amount` in `currency` (default the firm's), allocated to bills
        as `(bill, amount)` pairs; the rest stays on account."""

    def get(self, id: uuid.UUID) -> Payment:
        """A payment by id."""

    def allocate(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        bill: uuid.UUID,
        amount: _Amount,
    ) -> Payment:
        """Allocates `amount` of a payment's money on account to `bill`."""

    def write_off(
        self,
        bill: uuid.UUID,
        expected_version: int,
        *,
        amount: _Amount,
        reason: str,
    ) -> Bill:
        """Writes off `amount` of what an issued invoice owes; returns the bill."""

    def statement(self, client: uuid.UUID, currency: str) -> StatementOfAccount:
        """A client's statement of account in `currency`."""

    def aged_debt(self, *, as_of: datetime.date, currency: str) -> AgedDebt:
        """What issued invoices in `currency` owe on `as_of`, by age."""

@final
class RenderRequest:
    """A document to render from firm template `template` in `format` (`pdf`, `html` or `text`)
    about a `matter`, a `bill`, or a `client`'s statement in `currency` (filed to `matter` when
    given); with `file=True` filed to the matter (as a new document named `name` in
    `category`, or as a new version of `new_version_of` at `expected_version`)."""

    def __new__(
        cls,
        template: str,
        *,
        format: Literal['pdf', 'html', 'text'] = "pdf",
        matter: uuid.UUID | None = None,
        bill: uuid.UUID | None = None,
        client: uuid.UUID | None = None,
        currency: str | None = None,
        version: int | None = None,
        file: bool = False,
        name: str | None = None,
        category: str | None = None,
        new_version_of: uuid.UUID | None = None,
        expected_version: int | None = None,
    ) -> RenderRequest: ...

    @property
    def template(self) -> str:
        """The template id."""

    @property
    def format(self) -> str:
        """`pdf`, `html` or `text`."""

    @property
    def file(self) -> bool:
        """Whether the rendering is filed to its matter."""

@final
class ReportService:
    """Reports (`session.reports`): hours with utilisation and realisation, work in progress,
    client-money balances, and CSV versions."""

    def hours(
        self,
        *,
        from_date: datetime.date,
        to_date: datetime.date,
        available_hours_per_day: _Amount,
    ) -> list[FeeEarnerHours]:
        """Hours per fee earner from `from_date` to `to_date`, utilisation measured against
        `available_hours_per_day` on weekdays."""

    def wip(self) -> tuple[list[WorkInProgress], list[WorkInProgress]]:
        """Unbilled work, as `(by_matter, by_user)`."""

    def client_money_balances(self, as_of: datetime.date) -> list[LedgerBalance]:
        """Client-money balances of every ledger on `as_of`."""

    def hours_csv(
        self,
        *,
        from_date: datetime.date,
        to_date: datetime.date,
        available_hours_per_day: _Amount,
    ) -> str:
        """`hours` as CSV."""

    def wip_csv(self) -> str:
        """Work in progress by matter as CSV."""

@final
class SettingsService:
    """Firm settings (`session.settings`). Everybody may read them; changing them needs the
    `manage_firm` capability."""

    def get(self) -> FirmSettings:
        """The current settings."""

    def update(
        self,
        expected_version: int,
        *,
        name: str | None = None,
        default_currency: str | None = None,
        matter_number_format: str | None = None,
        time_zone: str | None = None,
    ) -> FirmSettings:
        """Changes name, default currency, matter-number format (for matters opened from now on)
        or time zone; `None` leaves a field as it is."""

    def define_custom_field(
        self,
        expected_version: int,
        *,
        key: str,
        label: str,
        kind: str,
        choices: Sequence[str] = ...,
    ) -> FirmSettings:
        """Defines a new custom field of matters (its key must be new)."""

    def set_holidays(
        self,
        expected_version: int,
        *,
        calendar_id: str,
        dates: Iterable[datetime.date],
    ) -> FirmSettings:
        """Sets the firm's holiday calendar for business-day counting: its id and its dates (any
        iterable of `datetime.date`). Due dates already computed keep their dates until their
        anchors move."""

    def clear_holidays(self, expected_version: int) -> FirmSettings:
        """Removes the firm's holiday calendar: business days are Monday to Friday."""

@final
class TaskService:
    """Tasks (`session.tasks`). A task on a matter follows the matter's visibility and needs
    `edit_matters` to change; a task on no matter is visible to the whole firm."""

    def create(
        self,
        *,
        title: str,
        matter: uuid.UUID | None = None,
        description: str = "",
        assignee_user: uuid.UUID | None = None,
        assignee_contact: uuid.UUID | None = None,
        priority: str = "normal",
        due_on: datetime.date | None = None,
        due_from_key_date: str | None = None,
        due_from_task: uuid.UUID | None = None,
        due_days: int = 0,
        due_unit: str = "calendar_days",
    ) -> Task:
        """Creates a task. Its due date is `due_on`, or `due_days` (in `due_unit`:
        `calendar_days` or `business_days`) from the matter's key date `due_from_key_date` or
        from the due date of task `due_from_task`, moving when that moves."""

    def get(self, id: uuid.UUID) -> Task:
        """A task by id."""

    def update(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        title: str | None = None,
        description: str | None = None,
        assignee_user: uuid.UUID | None = ...,
        assignee_contact: uuid.UUID | None = ...,
        priority: str | None = None,
        due_on: datetime.date | None = ...,
        due_from_key_date: str | None = ...,
        due_from_task: uuid.UUID | None = ...,
        due_days: int = 0,
        due_unit: str = "calendar_days",
    ) -> Task:
        """Changes title, description, assignee, priority or due rule; an argument left out
        leaves its field as it is. Giving either assignee argument replaces the assignee
        (`None` for both unassigns); giving any of the `due_*` anchors replaces the due rule
        (`None` for all removes it). Tasks counting from this one move with it."""

    def set_status(self, id: uuid.UUID, expected_version: int, status: str) -> Task:
        """Moves the task to `status`; completing a task created from a workflow checklist item
        ticks the item."""

    def mine(self, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Task]:
        """The acting user's open tasks, soonest due first."""

    def team(self, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Task]:
        """Open tasks on the matters the acting user is on (responsible, originating or team)."""

    def overdue(self, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Task]:
        """Open tasks due before today (in the firm's zone)."""

    def due_this_week(
        self,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Task]:
        """Open tasks due from today to the coming Sunday."""

    def for_matter(
        self,
        matter: uuid.UUID,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Task]:
        """Every task of a matter (open and finished)."""

@final
class TemplateService:
    """Document and email templates (`session.templates`): firm data, versioned like rule packs.
    Built-in ones (`invoice`, `statement`, `client_care_letter`, `matter_report`,
    `cover_email`) ship with lexcase; a firm installs its own, or a higher version of a
    built-in id, which replaces it for new documents. A template naming a merge field its kind
    does not have is refused at install with a `TemplateError` naming the field. Installing,
    retiring and the letterhead need `manage_firm`; anyone may list, read and preview."""

    def list(self) -> builtins.list[DocumentTemplate]:
        """The current version of every template, built-in and installed, in id order."""

    def versions(self, id: str) -> builtins.list[DocumentTemplate]:
        """Every version of template `id`, lowest first."""

    def get(self, id: str, version: int | None = None) -> DocumentTemplate:
        """Template `id` at `version` (the current one with `None`)."""

    def fields(self, kind: str) -> builtins.list[str]:
        """The merge fields a template of `kind` may name (`matter.number`,
        `bill.lines[].gross`, …), in order."""

    def check(
        self,
        *,
        id: str,
        version: int,
        kind: str,
        name: str,
        subject: str | None = None,
        text: str | None = None,
        html: str | None = None,
        typst: str | None = None,
    ) -> DocumentTemplate:
        """Checks a template without installing it (syntax and every merge field it names)."""

    def install(
        self,
        *,
        id: str,
        version: int,
        kind: str,
        name: str,
        subject: str | None = None,
        text: str | None = None,
        html: str | None = None,
        typst: str | None = None,
    ) -> DocumentTemplate:
        """Installs a template version (above every version of the same id)."""

    def install_toml(self, source: str) -> DocumentTemplate:
        """Installs a template written as TOML (the keyword arguments of `install` as keys; parts
        as multi-line strings)."""

    def retire(self, id: str) -> DocumentTemplate:
        """Retires template `id`: its current version renders no new documents."""

    def preview(
        self,
        id: str,
        format: Literal['pdf', 'html', 'text'] = "pdf",
        *,
        version: int | None = None,
    ) -> bytes:
        """Renders template `id` in `format` (`text`, `html` or `pdf`) with a sample of invented
        people and figures: how it looks."""

    def preview_part(self, id: str, part: str, *, version: int | None = None) -> bytes:
        """Renders one part (`subject`, `text`, `html` or `typst`) of template `id` with the
        sample."""

    def letterhead(self) -> Letterhead:
        """The firm's letterhead (empty until set, version 0)."""

    def set_letterhead(
        self,
        *,
        expected_version: int,
        address: Sequence[str] = ...,
        email: str | None = None,
        phone: str | None = None,
        website: str | None = None,
        vat_number: str | None = None,
        regulation: str | None = None,
        payment_details: Sequence[str] = ...,
        locale: Literal['en-GB', 'en-US'] | None = None,
        mail_domain: str | None = None,
    ) -> Letterhead:
        """Replaces the letterhead; `expected_version` is the stored version (0 before the first
        save)."""

@final
class TimeService:
    """Time, expenses and billing terms (`session.time`). Recording needs `record_time` (and
    `manage_billing` for someone else); a user sees their own time, and everyone's with
    `view_rates`; terms, settings and write-offs need `manage_billing`. Amounts are
    `decimal.Decimal` (or `str`/`int`, never `float`) in the matter's currency."""

    def record(
        self,
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
    ) -> TimeEntry:
        """Records time. `duration` is whole seconds (`int`) or text such as `"1h20m"`. The rate
        comes from the hierarchy (manual `rate` → matter for this user → matter → client for
        this user → client → activity → user default); the rounding policy in force is kept on
        the entry."""

    def record_many(
        self,
        entries: Sequence[NewTimeEntry],
        *,
        progress: _Progress | None = None,
    ) -> builtins.list[TimeEntry]:
        """Records many `NewTimeEntry` in one transaction: all or none. `progress(phase, done,
        total)` is called for each entry recorded (`time.record`); returning `False` — or
        raising — cancels: `CancelledError` (or the callable's exception), and no entry is
        recorded."""

    def record_for(
        self,
        *,
        communication: uuid.UUID | None = None,
        task: uuid.UUID | None = None,
        appointment: uuid.UUID | None = None,
        duration: int | str,
        narrative: str | None = None,
    ) -> TimeEntry:
        """Records time spent on one of a communication, task or calendar entry: the matter and
        day come from it, the narrative from its subject or title unless given."""

    def get(self, id: uuid.UUID) -> TimeEntry:
        """A time entry by id (one's own, or anyone's with `view_rates`)."""

    def update(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        date: datetime.date | None = None,
        duration: int | str | None = None,
        narrative: str | None = None,
        task_code: str | None = ...,
        activity_code: str | None = ...,
        billability: str | None = None,
        rate: _Amount | None = None,
    ) -> TimeEntry:
        """Changes unbilled time; an argument left out leaves its field. `task_code=None` or
        `activity_code=None` clears the code; a `rate` is recorded as `manual`."""

    def write_off(self, id: uuid.UUID, expected_version: int) -> TimeEntry:
        """Writes off unbilled time: it will never be billed (needs `manage_billing`)."""

    def list(
        self,
        *,
        matter: uuid.UUID | None = None,
        user: uuid.UUID | None = None,
        from_date: datetime.date | None = None,
        to_date: datetime.date | None = None,
        status: str | None = None,
        bill: uuid.UUID | None = None,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[TimeEntry]:
        """Time entries matching every filter given; anyone else's (no `user`, or another user)
        needs `view_rates`. `status` is a work status."""

    def timer(self) -> Timer | None:
        """The acting user's timer, if one is running or paused."""

    def start_timer(self, matter: uuid.UUID, narrative: str = "") -> Timer:
        """Starts the acting user's timer on a matter (a second timer is a `ConflictError`)."""

    def pause_timer(self) -> Timer:
        """Pauses the running timer."""

    def resume_timer(self) -> Timer:
        """Resumes the paused timer."""

    def stop_timer(self, narrative: str | None = None) -> TimeEntry:
        """Stops the timer and records its time (at least one second) on its matter, with
        `narrative` if given (else the timer's)."""

    def discard_timer(self) -> Timer:
        """Discards the acting user's timer without recording its time, whatever became of its
        matter (walled off, archived); returns the discarded timer."""

    def record_expense(
        self,
        *,
        matter: uuid.UUID,
        date: datetime.date,
        description: str,
        unit_cost: _Amount,
        quantity: _Amount | None = None,
        expense_code: str | None = None,
        vendor: str = ...,
        receipt: uuid.UUID | None = None,
        tax: str = "vatable_cost",
        billable: bool = True,
        currency: str | None = None,
    ) -> Expense:
        """Records an expense (`tax="vatable_cost"`) or a disbursement (`tax="disbursement"`).
        `unit_cost` is in `currency`, by default the matter's (another is refused)."""

    def expense(self, id: uuid.UUID) -> Expense:
        """An expense by id."""

    def update_expense(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        date: datetime.date | None = None,
        description: str | None = None,
        quantity: _Amount | None = None,
        unit_cost: _Amount | None = None,
        expense_code: str | None = ...,
        vendor: str | None = None,
        receipt: uuid.UUID | None = ...,
        tax: str | None = None,
        billable: bool | None = None,
    ) -> Expense:
        """Changes an unbilled expense; an argument left out leaves its field
        (`expense_code=None` / `receipt=None` clear them)."""

    def expenses(
        self,
        *,
        matter: uuid.UUID | None = None,
        from_date: datetime.date | None = None,
        to_date: datetime.date | None = None,
        status: str | None = None,
        bill: uuid.UUID | None = None,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[Expense]:
        """Expenses matching every filter given."""

    def terms(
        self,
        *,
        client: uuid.UUID | None = None,
        matter: uuid.UUID | None = None,
    ) -> BillingTerms:
        """The billing terms of a client or a matter (give one); version 0 when none are set.
        Needs `view_rates`."""

    def set_terms(
        self,
        *,
        client: uuid.UUID | None = None,
        matter: uuid.UUID | None = None,
        expected_version: int,
        rate: _Amount | None = None,
        user_rates: Mapping[uuid.UUID, _Amount] = ...,
        rounding: RoundingPolicy | None = None,
        codes: CodePolicy | None = None,
        currency: str | None = None,
    ) -> BillingTerms:
        """Sets (replaces) the billing terms of a client or a matter (give one;
        `expected_version` 0 the first time). Rates are in `currency`, by default the
        matter's (matter terms) or the firm's (client terms). Needs `manage_billing`."""

    def billing_settings(self) -> FirmBillingSettings:
        """The firm's billing settings (the defaults, version 0, until saved)."""

    def set_billing_settings(
        self,
        *,
        expected_version: int,
        rounding: RoundingPolicy | None = None,
        activity_rates: Mapping[str, _Amount] | None = None,
        tax_name: str | None = None,
        tax_rate: _Amount | None = None,
        law_firm_id: str | None = None,
        invoice_number_format: str | None = None,
        payment_terms_days: int | None = None,
        reconciliation: str | None = None,
        currency: str | None = None,
    ) -> FirmBillingSettings:
        """Saves the firm's billing settings; an argument left out keeps its current value (read
        and changed in one transaction). `activity_rates` maps activity codes to hourly rates
        in `currency` (default the firm's).
        Needs `manage_billing`; `expected_version` 0 the first time."""

@final
class UserService:
    """The firm's users (`session.users`). Everybody may list users; creating and changing them
    needs the `manage_users` capability."""

    def me(self) -> User:
        """The acting user."""

    def create(
        self,
        *,
        name: str,
        email: str,
        role: str,
        default_rate: _Amount | None = None,
        rate_currency: str | None = None,
        timekeeper_code: str | None = None,
    ) -> User:
        """Creates a user. `role` is a role name; `default_rate` is a `decimal.Decimal` or a string
        (never a float), in `rate_currency` or the firm's currency."""

    def get(self, id: uuid.UUID) -> User:
        """A user by id."""

    def list(self, *, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[User]:
        """Users ordered by name, one page at a time."""

    def update(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        name: str | None = None,
        email: str | None = None,
        role: str | None = None,
        default_rate: _Amount | None = None,
        rate_currency: str | None = None,
        timekeeper_code: str | None = None,
        active: bool | None = None,
    ) -> User:
        """Changes a user; `None` leaves a field as it is. `timekeeper_code=""` clears the code.
        The firm always keeps an active admin."""

@final
class WorkflowService:
    """Workflow of matters (`session.workflow`): templates, starting a matter on one, ticking its
    checklist, moving it through its stages, and reports. Reading follows the matter's
    visibility; changing needs `edit_matters`; overriding a blocked gate needs
    `override_workflow_gates` and a reason."""

    def templates(self) -> list[WorkflowTemplate]:
        """Every registered template version."""

    def template(self, id: str, version: int | None = None) -> WorkflowTemplate:
        """A template: the given version, or the latest."""

    def register_template_toml(self, text: str) -> WorkflowTemplate:
        """Registers a new template version from TOML (needs `manage_firm` and
        `override_workflow_gates`); running matters stay on the version they started with."""

    def register_template_json(self, text: str) -> WorkflowTemplate:
        """Registers a new template version from JSON, as `register_template_toml`."""

    def start(
        self,
        matter: uuid.UUID,
        template_id: str,
        version: int | None = None,
    ) -> WorkflowProgress:
        """Starts a matter on a template (its latest version unless given); the matter stays
        pinned to that version and the first stage's tasks are created."""

    def get(self, matter: uuid.UUID) -> WorkflowProgress:
        """The workflow of a matter."""

    def complete_item(
        self,
        matter: uuid.UUID,
        expected_version: int,
        item: str,
        note: str | None = None,
    ) -> WorkflowProgress:
        """Ticks a checklist item, with an optional note."""

    def reopen_item(self, matter: uuid.UUID, expected_version: int, item: str) -> WorkflowProgress:
        """Un-ticks a checklist item."""

    def migrate(
        self,
        matter: uuid.UUID,
        expected_version: int,
        to_version: int,
    ) -> tuple[WorkflowProgress, list[str]]:
        """Moves a running matter onto a newer version of its template (needs
        `override_workflow_gates`); returns the new progress and the completed items dropped
        because the new version lacks them."""

    def move_to(
        self,
        matter: uuid.UUID,
        expected_version: int,
        stage: str,
        override_reason: str | None = None,
    ) -> StageMoveResult:
        """Moves the matter to `stage`. A blocked gate returns the blockers and changes nothing;
        with `override_reason` a user with `override_workflow_gates` moves past it."""

    def report(self, matter: uuid.UUID) -> StatusReport:
        """The status report of a matter's workflow."""

    def stage_counts(self) -> list[StageCount]:
        """Matters per template stage, over the matters the acting user may see."""

    def stuck(
        self,
        days: int,
        offset: int = 0,
        limit: int = 50,
        after: str | None = None,
    ) -> Page[WorkflowProgress]:
        """Workflows whose matter has been in its current stage for at least `days` days (today
        in the firm's zone), longest-waiting first."""
