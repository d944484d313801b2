"""Type stubs of the native module ``lexcase._lexcase`` (checked by ``mypy.stubtest``)."""

import builtins
import datetime
import os
import types
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final, Generic, Literal, TypeVar, Union, final

from lexcase.generated.records import *
from lexcase.generated.records import _Amount, _CustomValue, _Json

__all__ = [
    "Affiliation",
    "AgedDebt",
    "Appointment",
    "AppointmentService",
    "Attachment",
    "AuditEvent",
    "AuditHead",
    "AuditService",
    "AuditVerification",
    "Bill",
    "BillLine",
    "BillService",
    "BillTotals",
    "BillingTerms",
    "Blocker",
    "BrokenLink",
    "CORRESPONDENCE",
    "CancelledError",
    "ChangeBatch",
    "ChecklistItem",
    "Clash",
    "ClientMoneyEntry",
    "ClientMoneyService",
    "CodePolicy",
    "Communication",
    "CommunicationService",
    "CompliancePack",
    "ComplianceRule",
    "ComplianceService",
    "ComplianceTest",
    "ComposedAttachment",
    "ComposedEmail",
    "ComputedDeadline",
    "ConflictCheck",
    "ConflictError",
    "ConflictHit",
    "ConflictRecheck",
    "ConflictService",
    "Contact",
    "ContactService",
    "CustomFieldDefinition",
    "Deadline",
    "DeadlineReminder",
    "DeadlineRule",
    "Decision",
    "DeliveryError",
    "DocketService",
    "Document",
    "DocumentService",
    "DocumentTemplate",
    "DocumentVersion",
    "ENCRYPTION",
    "Email",
    "EthicalWall",
    "Expense",
    "FeeEarnerHours",
    "FieldChange",
    "Finding",
    "Firm",
    "FirmBillingSettings",
    "FirmSettings",
    "Identifier",
    "IdentityVerification",
    "IncompatibleDatabaseError",
    "IngestNotice",
    "IngestOutcome",
    "IntegrityError",
    "InterchangeService",
    "InvalidArchiveError",
    "InvalidTransitionError",
    "ItemCompletion",
    "ItemStatus",
    "LedgerBalance",
    "Letterhead",
    "LexcaseError",
    "Mailbox",
    "MatchReason",
    "Matter",
    "MatterCompliance",
    "MatterFinding",
    "MatterService",
    "NameMatch",
    "NewTimeEntry",
    "NotFoundError",
    "Note",
    "NoteRevision",
    "NoteService",
    "Occurrence",
    "OccurrenceException",
    "OutgoingAttachment",
    "Page",
    "Participant",
    "Party",
    "Payment",
    "PaymentService",
    "PermissionDeniedError",
    "Phone",
    "PostalAddress",
    "Recipient",
    "ReconciliationDifference",
    "ReconciliationDue",
    "ReconciliationRecord",
    "RecheckedMatter",
    "RenderRequest",
    "RenderedDocument",
    "ReportService",
    "RoundingPolicy",
    "RuleOverride",
    "RulePack",
    "RuleTestOutcome",
    "RuleVersion",
    "SentEmail",
    "Session",
    "SettingsService",
    "Stage",
    "StageCount",
    "StageMove",
    "StageMoveResult",
    "StaleVersionError",
    "StateVerification",
    "StatementEntry",
    "StatementOfAccount",
    "StatusChange",
    "StatusReport",
    "StorageError",
    "Task",
    "TaskService",
    "TeamMember",
    "TemplateError",
    "TemplateService",
    "TimeEntry",
    "TimeService",
    "Timer",
    "TraceStep",
    "UnexplainedRow",
    "User",
    "UserService",
    "UtbmsCode",
    "ValidationError",
    "WorkInProgress",
    "WorkflowProgress",
    "WorkflowService",
    "WorkflowTemplate",
    "builtin_compliance_packs",
    "builtin_rule",
    "builtin_rule_packs",
    "compliance_pack_from_json",
    "compliance_pack_from_toml",
    "format_duration",
    "migrate_postgres",
    "open",
    "parse_duration",
    "rule_pack_from_json",
    "rule_pack_from_toml",
    "score_names",
    "soundex",
    "utbms_code",
    "version",
]

_T_co = TypeVar("_T_co", covariant=True)

# A caller's own way of sending mail: (envelope_from, envelope_to, message) -> None.
_Sender = Callable[[str, list[str], bytes], object]
_Progress = Callable[[str, int, int | None], object]
# A custom-field value as set: the same, or None to clear the field.
_CustomValueArg = Union[str, int, bool, Decimal, datetime.date, uuid.UUID, None]
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

def version() -> str:
    """The version of the lexcase engine, e.g. ``"0.1.0"``."""

def migrate_postgres(url: str, *, app_role: str | None = None) -> int:
    """Brings lexcase's schema in the PostgreSQL database at ``url`` up to date, connecting as
    the role that owns it (or may create it), and grants ``app_role`` (a login role for the
    application, which must exist) what the application needs and nothing more. Returns the
    schema version it found. A schema that is not lexcase's, or is newer, raises
    ``IncompatibleDatabaseError`` and is left as it was."""

def open(
    path: str | os.PathLike[str],
    durability: Literal["full", "normal"] = "full",
    *,
    key: bytes | None = None,
    audit_key: bytes | None = None,
    firm: uuid.UUID | str | None = None,
) -> Firm:
    """Opens (creating if absent) the firm database at ``path``, or a private in-memory one for
    ``":memory:"``. ``durability="full"`` (the default) makes every commit survive a power cut;
    ``"normal"`` only a crash of the process, and is faster.

    A file that is not a lexcase database, or one written by a newer lexcase, raises
    ``IncompatibleDatabaseError`` and is left untouched.

    Document contents are kept in memory for ``":memory:"``, and otherwise in the directory
    ``<path>.blobs`` beside the database file (created if missing; keep it with the file when
    copying or backing up the firm).

    ``key`` (at least 16 bytes; 32 random bytes are best) encrypts the database and the
    document contents at rest; it is never stored. A file the key does not open raises
    ``IncompatibleDatabaseError`` and is left untouched.

    ``audit_key`` (at least 16 bytes, kept outside the file) seals the audit chain with
    HMAC-SHA256 from the next event on; once it is, the firm must be opened with the same key
    to write, and to verify the keyed events.

    With a PostgreSQL URL (``"postgresql://user@host/db"``) and ``firm`` (its id, a
    :class:`uuid.UUID` or its text), opens that firm of the shared database, creating it if the
    database does not hold it yet; document contents are kept in the database. The schema is
    migrated on first use. Firms opened on the same URL share one pool of connections.
    ``key`` applies to SQLite files only; ``audit_key`` applies to both.
    """

# ---------------------------------------------------------------- errors

class LexcaseError(Exception):
    """Base class of every error raised by lexcase."""

    code: str
    """Stable machine code: ``not_found``, ``validation``, ``permission_denied``,
    ``invalid_transition``, ``stale_version``, ``conflict``, ``storage`` or
    ``incompatible_database``."""

class NotFoundError(LexcaseError):
    """The requested record does not exist (or is hidden from the acting user)."""

    entity: str

class ValidationError(LexcaseError, ValueError):
    """Input was rejected by a domain rule. Also a ValueError. The message never holds client
    data; ``detail`` holds the values behind the refusal when they help (a dict with ``kind``:
    ``overdraw`` with ``balance``, ``withdrawal`` and ``currency``; ``outstanding`` with
    ``outstanding`` and ``currency``; ``address`` with ``address``), else ``None``."""

    field: str
    reason: str
    detail: dict[str, object] | None

class PermissionDeniedError(LexcaseError):
    """The acting user may not perform this action."""

    action: str

class InvalidTransitionError(LexcaseError):
    """The requested state change is not allowed from the current state."""

    entity: str
    from_state: str
    to_state: str

class ConflictError(LexcaseError):
    """The change conflicts with the stored state."""

    reason: str

class StaleVersionError(ConflictError):
    """The record was changed by someone else since it was read (optimistic concurrency)."""

    entity: str
    expected: int
    actual: int

class StorageError(LexcaseError):
    """The store failed (I/O, corruption, constraint)."""

    reason: str

class IncompatibleDatabaseError(StorageError):
    """The database file was written by a newer lexcase or is not a lexcase database."""

class IntegrityError(StorageError):
    """Stored data no longer matches its checksum (a document's contents were changed)."""

class TemplateError(LexcaseError):
    """A document or email template was refused: it does not parse, names a merge field its
    kind does not have, or failed when rendered."""

    template: str
    part: str
    """``subject``, ``text``, ``html`` or ``typst``."""
    line: int | None
    field: str | None
    """The merge field at fault, e.g. ``matter.titel``."""
    reason: str

class DeliveryError(LexcaseError):
    """A message could not be handed to the mail transport; nothing was recorded."""

    reason: str
    permanent: bool
    """Whether retrying cannot succeed (a 5xx reply, a refused recipient)."""
    smtp_code: int | None

class InvalidArchiveError(LexcaseError):
    """A firm archive is not one, is damaged or cut off, or is newer than this lexcase; nothing was written."""

    reason: str

class CancelledError(LexcaseError):
    """The progress callback cancelled the call; nothing was written."""

# ---------------------------------------------------------------- firm and session

@final
class Firm:
    """A firm: one database (or one firm of a PostgreSQL database). Set it up once with ``initialise``, then act through a ``Session``
    for a user. Share it freely between threads."""

    def export_archive(
        self, path: str | os.PathLike[str], *, progress: _Progress | None = None
    ) -> dict[str, object]:
        """Writes the whole firm to a new archive file at ``path`` (a zip of JSON Lines per record
        kind, the document contents and the audit log with its head; a file that exists is
        refused) and returns its manifest. ``progress(phase, done, total)`` is called as it goes
        (``total`` is ``None`` when not known in advance); returning ``False`` or raising cancels:
        ``CancelledError`` (or the callable's exception) and no file is left."""

    def import_archive(
        self, path: str | os.PathLike[str], *, progress: _Progress | None = None
    ) -> dict[str, object]:
        """Reads the archive file at ``path`` into this firm, whose store must be empty, and
        returns its manifest. The whole archive is checked before anything is written (a damaged,
        cut-off or newer archive raises ``InvalidArchiveError``), then written in one
        transaction: records, contents and the audit chain exactly as exported. ``progress`` as
        for ``export_archive``; a cancelled import writes nothing."""

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
        """Sets up a new firm and its first administrator in one audited transaction; returns
        the administrator. Raises ``ConflictError`` if the firm is already set up."""

    def settings(self) -> FirmSettings:
        """The firm's settings."""

    def session(self, user_id: uuid.UUID) -> Session:
        """A session acting as the user with this id, who must exist and be active."""

    def session_by_email(self, email: str) -> Session:
        """A session acting as the user with this email, who must exist and be active."""

    def with_smtp(
        self,
        host: str,
        port: int = 587,
        *,
        security: Literal["starttls", "tls", "none"] = "starttls",
        username: str | None = None,
        password: str | None = None,
        hello_name: str | None = None,
        timeout_seconds: int = 60,
    ) -> Firm:
        """The same firm sending email through an SMTP server (``none`` only for a relay on
        this machine; credentials are refused with it)."""

    def with_mail_sender(self, sender: _Sender) -> Firm:
        """The same firm sending email by calling ``sender(envelope_from, envelope_to,
        message)``; an exception it raises fails the send with ``DeliveryError``."""

@final
class Session:
    """Work done by one acting user. Every call re-reads the user, so a role change or
    deactivation takes effect at once."""

    @property
    def actor_id(self) -> uuid.UUID:
        """The acting user's id."""

    @property
    def conflicts(self) -> ConflictService:
        """Conflict checks: searches, the check stored on each matter, decisions per hit."""

    @property
    def compliance(self) -> ComplianceService:
        """Compliance rules: packs in force, findings on a matter or a sweep, overrides."""

    @property
    def time(self) -> TimeService:
        """Time and expenses, the timer, billing terms and billing settings."""

    @property
    def bills(self) -> BillService:
        """Bills: drafting, approval, issue, credit notes and exports."""

    @property
    def payments(self) -> PaymentService:
        """Payments from clients, statements of account and aged debt."""

    @property
    def client_money(self) -> ClientMoneyService:
        """Client money: ledgers, reversals and reconciliation."""

    @property
    def reports(self) -> ReportService:
        """Reports: hours, work in progress, client-money balances."""

    @property
    def users(self) -> UserService:
        """The firm's users."""

    @property
    def contacts(self) -> ContactService:
        """Contacts: people and organisations."""

    @property
    def matters(self) -> MatterService:
        """Matters, their parties, team, lifecycle and access."""

    @property
    def audit(self) -> AuditService:
        """The audit trail and change feed."""

    @property
    def settings(self) -> SettingsService:
        """Firm settings and custom-field definitions."""

    @property
    def workflow(self) -> WorkflowService:
        """Workflow of matters: templates, checklists, stage moves and reports."""

    @property
    def tasks(self) -> TaskService:
        """Tasks for the team, on matters or on none."""

    @property
    def notes(self) -> NoteService:
        """Notes on matters and contacts, with their earlier versions and full-text search."""

    @property
    def documents(self) -> DocumentService:
        """Documents on matters: versions, status, verified contents and full-text search."""

    @property
    def appointments(self) -> AppointmentService:
        """The calendar: appointments, meetings, hearings and calls, single or recurring."""

    @property
    def communications(self) -> CommunicationService:
        """The communication log: recorded calls, letters and meetings, ingested email, the
        unfiled queue."""

    @property
    def docket(self) -> DocketService:
        """The docket: deadlines computed from court and statutory rules, with their traces,
        chains, register and reminders."""

    @property
    def interchange(self) -> InterchangeService:
        """Interchange: calendars as iCalendar, contacts as vCard."""

    @property
    def templates(self) -> TemplateService:
        """Document and email templates, the merge fields they may name, the letterhead."""

@final
class Page(Generic[_T_co]):
    """One page of a listing: ``items`` and ``total``, the number of matches over all pages.
    Iterable; ``len()`` is the number of items on this page."""

    @property
    def items(self) -> list[_T_co]:
        """The items on this page."""

    @property
    def total(self) -> int:
        """How many items match over all pages (for a page read by cursor: when the listing
        began)."""

    @property
    def next_cursor(self) -> str | None:
        """Pass as ``after=`` to read the next page (``None`` at the end of the list, and for
        search results, which page by offset)."""

    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[_T_co]: ...
    @classmethod
    def __class_getitem__(cls, item: object) -> types.GenericAlias:
        """``Page[User]`` in annotations evaluated at run time."""

# ---------------------------------------------------------------- users

@final
class UserService:
    """The firm's users (``session.users``)."""

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
        """Creates a user (needs ``manage_users``)."""

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
        """Changes a user; ``None`` leaves a field as it is."""

# ---------------------------------------------------------------- contacts

@final
class ContactService:
    """Contacts of the firm (``session.contacts``)."""

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
        """Creates a person."""

    def create_organisation(
        self,
        *,
        name: str,
        emails: Sequence[str | Email] = ...,
        phones: Sequence[str | Phone] = ...,
        addresses: Sequence[PostalAddress] = ...,
        identifiers: Sequence[Identifier] = ...,
    ) -> Contact:
        """Creates an organisation."""

    def get(self, id: uuid.UUID) -> Contact:
        """A contact by id."""

    def search(
        self, prefix: str = "", *, kind: str | None = None, offset: int = 0, limit: int = 50, after: str | None = None
    ) -> Page[Contact]:
        """Contacts with a word of their name starting with ``prefix`` (case and accents
        ignored)."""

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
        """Changes names or replaces whole lists of details."""

    def record_identity_verification(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        status: str,
        checked_on: datetime.date | None = None,
        method: str | None = None,
    ) -> Contact:
        """Records the outcome of identity verification."""

    def add_affiliation(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        kind: str,
        other: uuid.UUID,
        position: str | None = None,
    ) -> Contact:
        """Records that this contact ``kind`` the contact ``other``."""

    def remove_affiliation(
        self, id: uuid.UUID, expected_version: int, *, kind: str, other: uuid.UUID
    ) -> Contact:
        """Removes an affiliation."""

# ---------------------------------------------------------------- matters

@final
class MatterService:
    """Matters (``session.matters``). A matter the acting user may not see does not exist for
    them: reads, lists, counts and writes behave as if it were absent."""

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
        """Opens a new matter file in status ``pending`` with the next number."""

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
        """Matters the acting user may see, newest first, with the total count."""

    def mine(
        self, *, status: str | None = None, offset: int = 0, limit: int = 50, after: str | None = None
    ) -> Page[Matter]:
        """The acting user's matters (responsible, originating or on the team)."""

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
        """Changes details; an argument left out leaves its field as it is.
        ``originating=None`` clears the originating fee earner."""

    def open(self, id: uuid.UUID, expected_version: int) -> Matter:
        """Pending → open; blocking compliance rules refuse it (``ValidationError`` on ``rules``)."""

    def open_overriding(self, id: uuid.UUID, expected_version: int, reason: str) -> Matter:
        """Pending → open past blocking compliance rules, each recorded as overridden with
        ``reason`` (needs ``override_workflow_gates``)."""

    def close(self, id: uuid.UUID, expected_version: int, reason: str | None = None) -> Matter:
        """Open → closed."""

    def reopen(self, id: uuid.UUID, expected_version: int, reason: str) -> Matter:
        """Closed → open again; the reason is required and recorded."""

    def archive(
        self, id: uuid.UUID, expected_version: int, reason: str | None = None
    ) -> Matter:
        """Closed (or never-opened pending) → archived."""

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
        """Adds a contact as a party in ``role``, optionally acting for another party."""

    def remove_party(self, id: uuid.UUID, expected_version: int, party: uuid.UUID) -> Matter:
        """Removes a party."""

    def change_party_role(
        self, id: uuid.UUID, expected_version: int, party: uuid.UUID, role: str
    ) -> Matter:
        """Changes a party's role."""

    def set_party_acting_for(
        self,
        id: uuid.UUID,
        expected_version: int,
        party: uuid.UUID,
        acting_for: uuid.UUID | None,
    ) -> Matter:
        """Records that ``party`` acts for ``acting_for`` (or for nobody with ``None``)."""

    def add_team_member(
        self, id: uuid.UUID, expected_version: int, user: uuid.UUID, role: str
    ) -> Matter:
        """Adds a user to the team (or changes their matter role)."""

    def remove_team_member(
        self, id: uuid.UUID, expected_version: int, user: uuid.UUID
    ) -> Matter:
        """Takes a user off the team."""

    def set_key_date(
        self,
        id: uuid.UUID,
        expected_version: int,
        name: str,
        date: datetime.date | None,
    ) -> Matter:
        """Sets a named key date, or removes it with ``None``."""

    def set_custom_field(
        self, id: uuid.UUID, expected_version: int, key: str, value: _CustomValueArg
    ) -> Matter:
        """Sets a custom field defined in the firm settings, or clears it with ``None``."""

    def set_visibility(self, id: uuid.UUID, expected_version: int, visibility: str) -> Matter:
        """Makes the matter firm-visible (``firm``) or team-only (``team``)."""

    def add_ethical_wall(
        self, id: uuid.UUID, expected_version: int, user: uuid.UUID, reason: str
    ) -> Matter:
        """Puts up an ethical wall screening ``user`` from the matter."""

    def remove_ethical_wall(
        self, id: uuid.UUID, expected_version: int, user: uuid.UUID
    ) -> Matter:
        """Takes down an ethical wall."""

# ---------------------------------------------------------------- audit

@final
class AuditService:
    """The audit trail and change feed (``session.audit``)."""

    def verify(self, expected_head: AuditHead | None = None) -> AuditVerification:
        """Verifies the whole hash chain (needs ``view_audit``); with ``expected_head``, also
        that the chain still passes through it unchanged."""

    def head(self) -> AuditHead | None:
        """The head of the chain to anchor outside the file."""

    def verify_state(self) -> StateVerification:
        """Compares stored rows with the replay of their audit events."""

    def history(self, entity_id: uuid.UUID) -> builtins.list[AuditEvent]:
        """The history of one entity, oldest first."""

    def changes_since(self, cursor: int = 0, limit: int = 100) -> ChangeBatch:
        """Events after ``cursor`` that the acting user may see, at most ``limit``."""

# ---------------------------------------------------------------- settings

@final
class SettingsService:
    """Firm settings (``session.settings``)."""

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
        """Changes name, default currency, matter-number format or time zone."""

    def define_custom_field(
        self,
        expected_version: int,
        *,
        key: str,
        label: str,
        kind: str,
        choices: Sequence[str] = ...,
    ) -> FirmSettings:
        """Defines a new custom field of matters."""

    def set_holidays(
        self,
        expected_version: int,
        *,
        calendar_id: str,
        dates: Iterable[datetime.date],
    ) -> FirmSettings:
        """Sets the firm's holiday calendar for business-day counting."""

    def clear_holidays(self, expected_version: int) -> FirmSettings:
        """Removes the firm's holiday calendar: business days are Monday to Friday."""

# ---------------------------------------------------------------- workflow

@final
class WorkflowService:
    """Workflow of matters (``session.workflow``)."""

    def templates(self) -> list[WorkflowTemplate]:
        """Every registered template version."""

    def template(self, id: str, version: int | None = None) -> WorkflowTemplate:
        """A template: the given version, or the latest."""

    def register_template_toml(self, text: str) -> WorkflowTemplate:
        """Registers a new template version from TOML."""

    def register_template_json(self, text: str) -> WorkflowTemplate:
        """Registers a new template version from JSON."""

    def start(
        self, matter: uuid.UUID, template_id: str, version: int | None = None
    ) -> WorkflowProgress:
        """Starts a matter on a template (its latest version unless given)."""

    def get(self, matter: uuid.UUID) -> WorkflowProgress:
        """The workflow of a matter."""

    def complete_item(
        self, matter: uuid.UUID, expected_version: int, item: str, note: str | None = None
    ) -> WorkflowProgress:
        """Ticks a checklist item, with an optional note."""

    def reopen_item(self, matter: uuid.UUID, expected_version: int, item: str) -> WorkflowProgress:
        """Un-ticks a checklist item."""

    def migrate(
        self, matter: uuid.UUID, expected_version: int, to_version: int
    ) -> tuple[WorkflowProgress, list[str]]:
        """Moves a running matter onto a newer version of its template (needs
        ``override_workflow_gates``); returns the new progress and the completed items dropped
        because the new version lacks them."""

    def move_to(
        self,
        matter: uuid.UUID,
        expected_version: int,
        stage: str,
        override_reason: str | None = None,
    ) -> StageMoveResult:
        """Moves the matter to ``stage``; a blocked gate returns the blockers."""

    def report(self, matter: uuid.UUID) -> StatusReport:
        """The status report of a matter's workflow."""

    def stage_counts(self) -> list[StageCount]:
        """Matters per template stage, over the matters the acting user may see."""

    def stuck(self, days: int, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[WorkflowProgress]:
        """Workflows in their current stage for at least ``days`` days, longest first."""

# ---------------------------------------------------------------- tasks

@final
class TaskService:
    """Tasks (``session.tasks``)."""

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
        """Creates a task, due ``due_on`` or ``due_days`` from a key date or another task."""

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
        """Changes details; an argument left out leaves its field as it is."""

    def set_status(self, id: uuid.UUID, expected_version: int, status: str) -> Task:
        """Moves the task to ``status``."""

    def mine(self, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Task]:
        """The acting user's open tasks, soonest due first."""

    def team(self, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Task]:
        """Open tasks on the matters the acting user is on."""

    def overdue(self, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Task]:
        """Open tasks due before today (in the firm's zone)."""

    def due_this_week(self, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Task]:
        """Open tasks due from today to the coming Sunday."""

    def for_matter(self, matter: uuid.UUID, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Task]:
        """Every task of a matter (open and finished)."""

# ---------------------------------------------------------------- notes

@final
class NoteService:
    """Notes (``session.notes``) on matters and contacts."""

    def add_to_matter(self, matter: uuid.UUID, body: str) -> Note:
        """Adds a note about a matter."""

    def add_to_contact(self, contact: uuid.UUID, body: str) -> Note:
        """Adds a note about a contact."""

    def get(self, id: uuid.UUID) -> Note:
        """A note by id, with its earlier versions."""

    def edit(self, id: uuid.UUID, expected_version: int, body: str) -> Note:
        """Replaces a note's text; the previous text is kept as a revision."""

    def for_matter(self, matter: uuid.UUID, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Note]:
        """Notes on a matter, newest first."""

    def for_contact(self, contact: uuid.UUID, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Note]:
        """Notes on a contact, newest first."""

    def search(self, text: str, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Note]:
        """Notes containing every word of ``text`` (word prefixes; case and accents ignored),
        on matters the acting user may see and on contacts, best match first."""

# ---------------------------------------------------------------- documents

@final
class RenderRequest:
    """A document to render (``DocumentService.render_many``), with the arguments of
    ``DocumentService.render``."""

    def __new__(
        cls,
        template: str,
        *,
        format: Literal["pdf", "html", "text"] = "pdf",
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
    def template(self) -> str: ...
    @property
    def format(self) -> str: ...
    @property
    def file(self) -> bool:
        """Whether the rendering is filed to its matter."""

@final
class DocumentService:
    """Documents (``session.documents``) filed to matters; contents are ``bytes``."""

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
        """Files a document with its first version; ``text`` is indexed for search. A document
        of a category a workflow checklist item asks for ticks that item."""

    def get(self, id: uuid.UUID) -> Document:
        """A document by id."""

    def contents(self, id: uuid.UUID, version: int | None = None) -> bytes:
        """The contents of ``version`` (the latest with ``None``), verified against their hash
        (``IntegrityError`` if they were changed)."""

    def add_version(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        contents: bytes,
        media_type: str,
        text: str | None = None,
    ) -> Document:
        """Adds a version (a final document returns to draft; a signed one takes no more)."""

    def set_status(self, id: uuid.UUID, expected_version: int, status: str) -> Document:
        """Moves the document to ``status`` (``draft`` ↔ ``final`` → ``signed``)."""

    def for_matter(self, matter: uuid.UUID, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Document]:
        """A matter's documents, newest first."""

    def search(self, text: str, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Document]:
        """Documents whose indexed text contains every word of ``text`` as a prefix, on
        matters the acting user may see, best match first."""

    def render(
        self,
        template: str,
        *,
        format: Literal["pdf", "html", "text"] = "pdf",
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
        """Renders a document from a firm template about a matter, a bill or a client's
        statement, filing it to the matter when ``file=True``; an issued bill's reprint is
        byte-identical."""

    def render_many(
        self, requests: Sequence[RenderRequest], *, progress: _Progress | None = None
    ) -> list[RenderedDocument]:
        """Renders many documents, all or nothing; progress phases ``render.documents`` then
        ``render.record``."""

    def merge_model(
        self,
        kind: str,
        *,
        matter: uuid.UUID | None = None,
        bill: uuid.UUID | None = None,
        client: uuid.UUID | None = None,
        currency: str | None = None,
    ) -> str:
        """The merge model (JSON text) a template of ``kind`` prints about a matter, a bill or
        a client's statement."""

# ---------------------------------------------------------------- appointments

@final
class AppointmentService:
    """The calendar (``session.appointments``). A schedule is ``start``, ``end`` (naive
    datetimes) and ``zone`` (IANA), or ``first_day`` and ``last_day`` (dates; ``last_day``
    defaults to ``first_day``); both forms is a ``ValidationError``."""

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
        """Puts an entry in the calendar."""

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
        """Changes the whole entry; an argument left out leaves its field as it is
        (``recurrence=None`` makes it single; either attendee list replaces all attendees)."""

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
        """Moves, retitles, relocates or cancels one occurrence of a series; with nothing
        given, restores it to the series."""

    def cancel(self, id: uuid.UUID, expected_version: int) -> Appointment:
        """Cancels the whole entry (it stays, with its history)."""

    def history(self, id: uuid.UUID) -> list[AuditEvent]:
        """The entry's history, oldest first."""

    def agenda(
        self, user: uuid.UUID, *, from_date: datetime.date, to_date: datetime.date
    ) -> list[Occurrence]:
        """The occurrences of entries ``user`` organises or attends, inclusive dates in the
        firm's zone, in start order."""

    def of_matter(
        self, matter: uuid.UUID, *, from_date: datetime.date, to_date: datetime.date
    ) -> list[Occurrence]:
        """A matter's calendar between two dates (inclusive), in start order."""

    def clashes(
        self, user: uuid.UUID, *, from_date: datetime.date, to_date: datetime.date
    ) -> list[Clash]:
        """Where a user's timed occurrences overlap between two dates."""

# ---------------------------------------------------------------- communications

CORRESPONDENCE: Final[str]
"""The document category attachments of filed communications are filed under."""
ENCRYPTION: Final[bool]
"""Whether this build can encrypt at rest (``open(path, key=...)``)."""

@final
class CommunicationService:
    """The communication log (``session.communications``); contents are ``bytes``."""

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
        """Records a call, letter, meeting or message (``occurred_at`` aware, any zone)."""

    def ingest_email(self, raw: bytes) -> IngestOutcome:
        """Ingests one raw RFC 5322 message and files it (or queues it with candidates)."""

    def file(self, id: uuid.UUID, expected_version: int, matter: uuid.UUID) -> Communication:
        """Files a communication from the unfiled queue to ``matter``."""

    def get(self, id: uuid.UUID) -> Communication:
        """A communication by id."""

    def of_matter(
        self, matter: uuid.UUID, *, offset: int = 0, limit: int = 50, after: str | None = None
    ) -> Page[Communication]:
        """A matter's communications, newest first."""

    def unfiled(self, *, offset: int = 0, limit: int = 50, after: str | None = None) -> Page[Communication]:
        """The unfiled queue, oldest first."""

    def raw_message(self, id: uuid.UUID) -> bytes:
        """The original bytes of an ingested email, verified against their hash."""

    def attachment(self, id: uuid.UUID, index: int) -> bytes:
        """The contents of attachment ``index``, verified against their hash."""

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
        """Composes an email on ``matter`` without sending or recording it."""

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
        """Sends an email from ``matter`` (through ``sender`` or the firm's transport) and
        records it with the exact bytes sent; a transport failure raises ``DeliveryError`` and
        records nothing."""

# ---------------------------------------------------------------- documents from templates

@final
class TemplateService:
    """Document and email templates (``session.templates``), versioned firm data."""

    def list(self) -> builtins.list[DocumentTemplate]:
        """The current version of every template, built-in and installed, in id order."""

    def versions(self, id: str) -> builtins.list[DocumentTemplate]:
        """Every version of template ``id``, lowest first."""

    def get(self, id: str, version: int | None = None) -> DocumentTemplate:
        """Template ``id`` at ``version`` (the current one with ``None``)."""

    def fields(self, kind: str) -> builtins.list[str]:
        """The merge fields a template of ``kind`` may name."""

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
        """Checks a template without installing it."""

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
        """Installs a template written as TOML."""

    def retire(self, id: str) -> DocumentTemplate:
        """Retires template ``id``: it renders no new documents."""

    def preview(
        self, id: str, format: Literal["pdf", "html", "text"] = "pdf", *, version: int | None = None
    ) -> bytes:
        """Renders template ``id`` with a sample of invented people and figures."""

    def preview_part(self, id: str, part: str, *, version: int | None = None) -> bytes:
        """Renders one part of template ``id`` with the sample."""

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
        locale: Literal["en-GB", "en-US"] | None = None,
        mail_domain: str | None = None,
    ) -> Letterhead:
        """Replaces the letterhead (``expected_version`` 0 before the first save)."""

# ---------------------------------------------------------------- outgoing email

# ---------------------------------------------------------------- docket and rules

def rule_pack_from_toml(text: str) -> RulePack:
    """Parses and checks a rule pack written in TOML; a malformed pack is a ``ValidationError``."""

def rule_pack_from_json(text: str) -> RulePack:
    """Parses and checks a rule pack written in JSON; a malformed pack is a ``ValidationError``."""

def builtin_rule_packs() -> list[RulePack]:
    """The built-in rule packs: ``frcp``, ``cpr``, ``limitation-ew`` and ``sdlt``."""

def builtin_rule(id: str) -> DeadlineRule:
    """The built-in rule with ``id``; an unknown id is a ``ValidationError`` (field ``rule``)."""

@final
class DocketService:
    """The docket (``session.docket``)."""

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
        """Enters a deadline from a built-in rule id or a ``DeadlineRule`` and one trigger."""

    def get(self, id: uuid.UUID) -> Deadline:
        """A deadline by id."""

    def history(self, id: uuid.UUID) -> list[AuditEvent]:
        """The deadline's history, oldest first."""

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
        """Changes details; an argument left out leaves its field as it is."""

    def complete(self, id: uuid.UUID, expected_version: int) -> Deadline:
        """Marks the deadline met."""

    def vacate(self, id: uuid.UUID, expected_version: int, reason: str) -> Deadline:
        """Marks the deadline as no longer applying (``reason`` required)."""

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
        """Deadlines on matters the acting user may see, soonest first."""

    def entered_on(
        self, day: datetime.date, *, offset: int = 0, limit: int = 50, after: str | None = None
    ) -> Page[Deadline]:
        """The register: deadlines entered on ``day``, in the order they were entered."""

    def reminders(
        self,
        *,
        from_date: datetime.date,
        to_date: datetime.date,
        responsible: uuid.UUID | None = None,
    ) -> builtins.list[DeadlineReminder]:
        """Reminders falling between two dates (inclusive) for open deadlines."""

# ---------------------------------------------------------------- conflicts

def soundex(word: str) -> str:
    """NARA Soundex code of a word, e.g. ``soundex("Robert") == "R163"``."""

def score_names(query: str, candidate: str) -> NameMatch | None:
    """Scores ``candidate`` against ``query`` as conflict searches do; ``None`` below the
    match threshold."""

@final
class ConflictService:
    """Conflict checks (``session.conflicts``)."""

    def search(
        self, *, names: Sequence[str] = ..., identifiers: Sequence[str] = ...
    ) -> list[ConflictHit]:
        """Searches names and identifiers over contacts, parties and affiliates."""

    def run(self, matter: uuid.UUID) -> ConflictCheck:
        """Runs and stores the matter's check, keeping decisions already made."""

    def recheck_all(self, *, progress: _Progress | None = None) -> ConflictRecheck:
        """Re-runs every stored check on the matters the acting user may see that are not
        archived, all or none (needs ``open_matters`` or ``edit_matters``); progress phase
        ``conflicts.recheck``."""

    def get(self, matter: uuid.UUID) -> ConflictCheck | None:
        """The matter's check, or ``None``."""

    def decide(
        self,
        matter: uuid.UUID,
        expected_version: int,
        *,
        hit: int,
        disposition: Literal["cleared", "waived", "declined"],
        note: str,
    ) -> ConflictCheck:
        """Records a decision about hit number ``hit`` of the check."""

# ---------------------------------------------------------------- compliance

def compliance_pack_from_toml(text: str) -> CompliancePack:
    """Parses and checks a compliance pack written in TOML (``ValidationError`` if invalid)."""

def compliance_pack_from_json(text: str) -> CompliancePack:
    """Parses and checks a compliance pack written in JSON (``ValidationError`` if invalid)."""

def builtin_compliance_packs() -> list[CompliancePack]:
    """The shipped packs: ``core``, ``ew-conveyancing``, ``ew-litigation`` and ``us``."""

@final
class ComplianceService:
    """Compliance rules (``session.compliance``)."""

    def available_packs(self) -> list[CompliancePack]:
        """Every pack the firm can put in force (built in and installed)."""

    def packs(self) -> list[CompliancePack]:
        """The packs in force."""

    def set_packs_in_force(self, ids: Sequence[str]) -> list[CompliancePack]:
        """Puts exactly these packs in force (needs ``manage_firm``)."""

    def test_pack(self, pack: CompliancePack) -> list[RuleTestOutcome]:
        """Runs a pack's own tests without installing it."""

    def install_pack(self, pack: CompliancePack) -> CompliancePack:
        """Installs a pack whose tests pass and puts it in force (needs ``manage_firm``)."""

    def evaluate(self, matter: uuid.UUID) -> MatterCompliance:
        """What the rules in force find on one matter today."""

    def sweep(self, *, progress: _Progress | None = None) -> list[MatterCompliance]:
        """The matters (visible, not archived) with findings; progress phase
        ``sweep.matters``."""

    def overrides(self, matter: uuid.UUID) -> list[RuleOverride]:
        """The overrides recorded on a matter, oldest first."""

# ---------------------------------------------------------------- interchange

@final
class InterchangeService:
    """iCalendar and vCard interchange (``session.interchange``)."""

    def user_calendar(
        self, user: uuid.UUID, *, from_date: datetime.date, to_date: datetime.date
    ) -> str:
        """A user's calendar between two dates as iCalendar text."""

    def matter_calendar(self, matter: uuid.UUID) -> str:
        """A matter's whole calendar as iCalendar text."""

    def export_contacts(self, ids: Sequence[uuid.UUID]) -> str:
        """Contacts as vCard 4.0 text, in the order given."""

    def import_contacts(self, vcf: str, *, progress: _Progress | None = None) -> list[Contact]:
        """Imports vCard 4.0 text as new contacts, all or nothing; progress phase
        ``contacts.import``."""

# ---------------------------------------------------------------- time, billing, client money

def parse_duration(text: str) -> int:
    """Seconds in ``"1h20m"``, ``"1.5h"``, ``"0.3"`` (hours), ``"90m"`` or ``"1:20"``."""

def format_duration(seconds: int) -> str:
    """Seconds as text, e.g. ``4800`` → ``"1h20m"``."""

def utbms_code(code: str) -> UtbmsCode | None:
    """The UTBMS code ``code`` (any case), or ``None``."""

@final
class TimeService:
    """Time, expenses, the timer and billing terms (``session.time``)."""

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
        """Records time; the rate comes from the hierarchy unless given."""
    def record_many(
        self, entries: Sequence[NewTimeEntry], *, progress: _Progress | None = None
    ) -> list[TimeEntry]:
        """Records many entries in one transaction: all or none; progress phase
        ``time.record``."""
    def record_for(
        self,
        *,
        communication: uuid.UUID | None = None,
        task: uuid.UUID | None = None,
        appointment: uuid.UUID | None = None,
        duration: int | str,
        narrative: str | None = None,
    ) -> TimeEntry:
        """Records time spent on a communication, task or calendar entry (give one)."""
    def get(self, id: uuid.UUID) -> TimeEntry:
        """A time entry by id."""
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
        """Changes unbilled time; an argument left out leaves its field."""
    def write_off(self, id: uuid.UUID, expected_version: int) -> TimeEntry:
        """Writes off unbilled time (needs ``manage_billing``)."""
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
        """Time entries matching every filter given."""
    def timer(self) -> Timer | None:
        """The acting user's timer, if any."""
    def start_timer(self, matter: uuid.UUID, narrative: str = "") -> Timer:
        """Starts the acting user's timer (a second one is a ``ConflictError``)."""
    def pause_timer(self) -> Timer:
        """Pauses the running timer."""
    def resume_timer(self) -> Timer:
        """Resumes the paused timer."""
    def stop_timer(self, narrative: str | None = None) -> TimeEntry:
        """Stops the timer into a time entry (at least one second)."""
    def discard_timer(self) -> Timer:
        """Discards the timer without recording its time, whatever became of its matter."""
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
        """Records an expense or disbursement (``quantity`` defaults to 1)."""
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
        """Changes an unbilled expense."""
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
        self, *, client: uuid.UUID | None = None, matter: uuid.UUID | None = None
    ) -> BillingTerms:
        """The billing terms of a client or a matter (give one)."""
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
        """Sets the billing terms of a client or a matter (needs ``manage_billing``)."""
    def billing_settings(self) -> FirmBillingSettings:
        """The firm's billing settings."""
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
        """Saves the firm's billing settings (needs ``manage_billing``)."""

@final
class BillService:
    """Bills (``session.bills``)."""

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
        """Drafts a bill from the unbilled work of ``matters`` in the period."""
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
        """Sets (or, with neither, clears) the discount of a draft."""
    def set_line_discount(
        self,
        id: uuid.UUID,
        expected_version: int,
        number: int,
        *,
        percent: _Amount | None = None,
        amount: _Amount | None = None,
    ) -> Bill:
        """Sets (or clears) the discount of line ``number`` of a draft."""
    def add_adjustment(
        self,
        id: uuid.UUID,
        expected_version: int,
        *,
        description: str,
        amount: _Amount,
        taxable: bool = True,
    ) -> Bill:
        """Adds a manual adjustment line to a draft."""
    def remove_line(self, id: uuid.UUID, expected_version: int, number: int) -> Bill:
        """Takes line ``number`` off a draft."""
    def transition(self, id: uuid.UUID, expected_version: int, to: str) -> Bill:
        """Moves a bill to status ``to``."""
    def issue(self, id: uuid.UUID, expected_version: int) -> Bill:
        """Issues an approved bill."""
    def void(self, id: uuid.UUID, expected_version: int, reason: str) -> Bill:
        """Voids a bill nobody has paid, credited or written off."""
    def credit_note(
        self, invoice: uuid.UUID, expected_version: int, *, amount: _Amount, reason: str
    ) -> Bill:
        """Issues a credit note against an issued invoice."""
    def ledes(self, id: uuid.UUID) -> str:
        """The bill as LEDES 1998B."""
    def csv(self, id: uuid.UUID) -> str:
        """The bill as CSV."""
    def json(self, id: uuid.UUID) -> str:
        """The bill as JSON."""

@final
class PaymentService:
    """Payments, statements and aged debt (``session.payments``)."""

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
        """Records a payment, allocated to bills as ``(bill, amount)`` pairs."""
    def get(self, id: uuid.UUID) -> Payment:
        """A payment by id."""
    def allocate(
        self, id: uuid.UUID, expected_version: int, *, bill: uuid.UUID, amount: _Amount
    ) -> Payment:
        """Allocates money on account to a bill."""
    def write_off(
        self, bill: uuid.UUID, expected_version: int, *, amount: _Amount, reason: str
    ) -> Bill:
        """Writes off part of what an invoice owes."""
    def statement(self, client: uuid.UUID, currency: str) -> StatementOfAccount:
        """A client's statement of account."""
    def aged_debt(self, *, as_of: datetime.date, currency: str) -> AgedDebt:
        """Aged debt on ``as_of``."""

@final
class ClientMoneyService:
    """Client money (``session.client_money``)."""

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
        """Records a receipt, payment or transfer to office."""
    def reverse(
        self,
        id: uuid.UUID,
        *,
        date: datetime.date,
        reason: str,
        override_reason: str | None = None,
    ) -> ClientMoneyEntry:
        """Reverses an entry."""
    def entries(self, matter: uuid.UUID) -> list[ClientMoneyEntry]:
        """The entries of a matter."""
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
        """Reconciles bank, cash book and client ledgers."""
    def reconciliation_due(self) -> ReconciliationDue:
        """When the next reconciliation is due."""

@final
class ReportService:
    """Reports (``session.reports``)."""

    def hours(
        self,
        *,
        from_date: datetime.date,
        to_date: datetime.date,
        available_hours_per_day: _Amount,
    ) -> builtins.list[FeeEarnerHours]:
        """Hours per fee earner in a period."""
    def wip(self) -> tuple[builtins.list[WorkInProgress], builtins.list[WorkInProgress]]:
        """Unbilled work as ``(by_matter, by_user)``."""
    def client_money_balances(self, as_of: datetime.date) -> builtins.list[LedgerBalance]:
        """Client-money balances of every ledger on ``as_of``."""
    def hours_csv(
        self,
        *,
        from_date: datetime.date,
        to_date: datetime.date,
        available_hours_per_day: _Amount,
    ) -> str:
        """``hours`` as CSV."""
    def wip_csv(self) -> str:
        """Work in progress by matter as CSV."""
