//! The error type every fallible exported function returns.

/// An error from lexcase. Kotlin sees it as `LexcaseException` (uniffi renames the `Error`
/// suffix), Swift as `LexcaseError`. Messages carry no client data.
///
/// A skeleton for now: the variants mirror the Python exception hierarchy and will be filled
/// from the core error enum.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum LexcaseError {
    /// The requested record does not exist (or is hidden from the acting user).
    #[error("not found: {what}")]
    NotFound {
        /// What was looked for, e.g. "matter".
        what: String,
    },
    /// Input was rejected by a domain rule.
    #[error("invalid {field}: {reason}")]
    Validation {
        /// The offending field.
        field: String,
        /// Why it was rejected.
        reason: String,
    },
    /// The acting user may not perform this action.
    #[error("permission denied: {reason}")]
    PermissionDenied {
        /// Which capability is missing.
        reason: String,
    },
    /// The requested state change is not allowed from the current state.
    #[error("invalid transition: {reason}")]
    InvalidTransition {
        /// The transition that was refused.
        reason: String,
    },
    /// The record was changed by someone else since it was read.
    #[error("stale version: expected {expected}, found {found}")]
    StaleVersion {
        /// The version the caller read.
        expected: u64,
        /// The version in the store.
        found: u64,
    },
    /// The change conflicts with the stored state.
    #[error("conflict: {reason}")]
    Conflict {
        /// What conflicts.
        reason: String,
    },
    /// The store failed.
    #[error("storage error: {reason}")]
    Storage {
        /// What failed.
        reason: String,
    },
    /// The database was written by a newer lexcase or is not a lexcase database.
    #[error("incompatible database: {reason}")]
    IncompatibleDatabase {
        /// Why the file was refused.
        reason: String,
    },
}
