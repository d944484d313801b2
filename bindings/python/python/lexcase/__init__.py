"""lexcase: an embeddable legal case-management engine.

Every error lexcase raises derives from :class:`LexcaseError`; :class:`ValidationError` is also
a :class:`ValueError`.
"""

from lexcase._lexcase import (
    ConflictError,
    IncompatibleDatabaseError,
    InvalidTransitionError,
    LexcaseError,
    NotFoundError,
    PermissionDeniedError,
    StaleVersionError,
    StorageError,
    ValidationError,
    version,
)

__all__ = [
    "ConflictError",
    "IncompatibleDatabaseError",
    "InvalidTransitionError",
    "LexcaseError",
    "NotFoundError",
    "PermissionDeniedError",
    "StaleVersionError",
    "StorageError",
    "ValidationError",
    "version",
]
