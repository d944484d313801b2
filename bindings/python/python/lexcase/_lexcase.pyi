"""Type stubs of the native module ``lexcase._lexcase`` (checked by ``mypy.stubtest``)."""

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

def version() -> str:
    """The version of the lexcase engine, e.g. ``"0.1.0"``."""

class LexcaseError(Exception):
    """Base class of every error raised by lexcase."""

class NotFoundError(LexcaseError):
    """The requested record does not exist (or is hidden from the acting user)."""

class ValidationError(LexcaseError, ValueError):
    """Input was rejected by a domain rule. Also a ValueError."""

class PermissionDeniedError(LexcaseError):
    """The acting user may not perform this action."""

class InvalidTransitionError(LexcaseError):
    """The requested state change is not allowed from the current state."""

class ConflictError(LexcaseError):
    """The change conflicts with the stored state."""

class StaleVersionError(ConflictError):
    """The record was changed by someone else since it was read (optimistic concurrency)."""

class StorageError(LexcaseError):
    """The store failed (I/O, corruption, constraint)."""

class IncompatibleDatabaseError(StorageError):
    """The database file was written by a newer lexcase or is not a lexcase database."""
