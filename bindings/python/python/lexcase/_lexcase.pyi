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
from lexcase.generated.services import *
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

# ---------------------------------------------------------------- session and pages

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

# ---------------------------------------------------------------- communications

CORRESPONDENCE: Final[str]
"""The document category attachments of filed communications are filed under."""
ENCRYPTION: Final[bool]
"""Whether this build can encrypt at rest (``open(path, key=...)``)."""

# ---------------------------------------------------------------- docket and rules

def rule_pack_from_toml(text: str) -> RulePack:
    """Parses and checks a rule pack written in TOML; a malformed pack is a ``ValidationError``."""

def rule_pack_from_json(text: str) -> RulePack:
    """Parses and checks a rule pack written in JSON; a malformed pack is a ``ValidationError``."""

def builtin_rule_packs() -> list[RulePack]:
    """The built-in rule packs: ``frcp``, ``cpr``, ``limitation-ew`` and ``sdlt``."""

def builtin_rule(id: str) -> DeadlineRule:
    """The built-in rule with ``id``; an unknown id is a ``ValidationError`` (field ``rule``)."""

# ---------------------------------------------------------------- conflicts

def soundex(word: str) -> str:
    """NARA Soundex code of a word, e.g. ``soundex("Robert") == "R163"``."""

def score_names(query: str, candidate: str) -> NameMatch | None:
    """Scores ``candidate`` against ``query`` as conflict searches do; ``None`` below the
    match threshold."""

# ---------------------------------------------------------------- compliance

def compliance_pack_from_toml(text: str) -> CompliancePack:
    """Parses and checks a compliance pack written in TOML (``ValidationError`` if invalid)."""

def compliance_pack_from_json(text: str) -> CompliancePack:
    """Parses and checks a compliance pack written in JSON (``ValidationError`` if invalid)."""

def builtin_compliance_packs() -> list[CompliancePack]:
    """The shipped packs: ``core``, ``ew-conveyancing``, ``ew-litigation`` and ``us``."""

# ---------------------------------------------------------------- time, billing, client money

def parse_duration(text: str) -> int:
    """Seconds in ``"1h20m"``, ``"1.5h"``, ``"0.3"`` (hours), ``"90m"`` or ``"1:20"``."""

def format_duration(seconds: int) -> str:
    """Seconds as text, e.g. ``4800`` → ``"1h20m"``."""

def utbms_code(code: str) -> UtbmsCode | None:
    """The UTBMS code ``code`` (any case), or ``None``."""
