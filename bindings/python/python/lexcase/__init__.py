"""lexcase: an embeddable legal case-management engine.

Open a firm database with :func:`open`, set it up once with :meth:`Firm.initialise`, then act
as a user through a :class:`Session` and its namespaces ``users``, ``contacts``, ``matters``,
``audit`` and ``settings``::

    import lexcase

    firm = lexcase.open("firm.lexcase")
    session = firm.session_by_email("ada@smith.example")
    page = session.matters.list(text="acacia")

Ids are :class:`uuid.UUID`, dates :class:`datetime.date`, money :class:`decimal.Decimal` (or a
string; never a float), enum values their stable snake_case names (``"fee_earner"``).

Every error lexcase raises derives from :class:`LexcaseError` and carries a stable ``code``;
:class:`ValidationError` is also a :class:`ValueError`.
"""

from lexcase._lexcase import (
    Affiliation,
    AuditEvent,
    AuditService,
    AuditVerification,
    BrokenLink,
    ChangeBatch,
    ConflictError,
    Contact,
    ContactService,
    CustomFieldDefinition,
    Email,
    EthicalWall,
    FieldChange,
    Firm,
    FirmSettings,
    IdentityVerification,
    Identifier,
    IncompatibleDatabaseError,
    InvalidTransitionError,
    LexcaseError,
    Matter,
    MatterService,
    NotFoundError,
    Page,
    Party,
    PermissionDeniedError,
    Phone,
    PostalAddress,
    Session,
    SettingsService,
    StaleVersionError,
    StatusChange,
    StorageError,
    TeamMember,
    User,
    UserService,
    ValidationError,
    open,
    version,
)

__all__ = [
    "Affiliation",
    "AuditEvent",
    "AuditService",
    "AuditVerification",
    "BrokenLink",
    "ChangeBatch",
    "ConflictError",
    "Contact",
    "ContactService",
    "CustomFieldDefinition",
    "Email",
    "EthicalWall",
    "FieldChange",
    "Firm",
    "FirmSettings",
    "IdentityVerification",
    "Identifier",
    "IncompatibleDatabaseError",
    "InvalidTransitionError",
    "LexcaseError",
    "Matter",
    "MatterService",
    "NotFoundError",
    "Page",
    "Party",
    "PermissionDeniedError",
    "Phone",
    "PostalAddress",
    "Session",
    "SettingsService",
    "StaleVersionError",
    "StatusChange",
    "StorageError",
    "TeamMember",
    "User",
    "UserService",
    "ValidationError",
    "open",
    "version",
]
