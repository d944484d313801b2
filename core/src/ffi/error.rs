//! The error every fallible exported function returns: [`LexcaseError`] with owned fields, so
//! that it can cross the FFI (the core's own error borrows `&'static str` names).

use crate::error::{ErrorDetail, IncompatibleReason, LexcaseError};

/// An error from lexcase. Kotlin sees it as `LexcaseException` with one subclass per variant
/// (uniffi renames the `Error` suffix), Swift as `LexcaseError`. Messages carry no client data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[uniffi(name = "LexcaseError")]
pub enum FfiError {
    /// The entity does not exist, or the acting user may not know that it exists.
    #[error("{entity} not found")]
    NotFound {
        /// Kind of entity, for example `matter`.
        entity: String,
    },
    /// An input value was refused.
    #[error("invalid {field}: {reason}")]
    Validation {
        /// The field (or argument) that was refused.
        field: String,
        /// Why it was refused (no client data).
        reason: String,
        /// The values behind the refusal, when they help (never in the message).
        detail: Option<ErrorDetail>,
    },
    /// The acting user lacks the capability for this action.
    #[error("permission denied: {action}")]
    PermissionDenied {
        /// What was attempted, for example `open_matters`.
        action: String,
    },
    /// A state machine refused the transition.
    #[error("invalid transition of {entity} from {from} to {to}")]
    InvalidTransition {
        /// Kind of entity, for example `matter`.
        entity: String,
        /// Current state.
        from: String,
        /// Requested state.
        to: String,
    },
    /// Optimistic concurrency: somebody else changed the entity since it was read.
    #[error("stale version of {entity}: expected {expected}, found {actual}")]
    StaleVersion {
        /// Kind of entity.
        entity: String,
        /// The version the caller based the change on.
        expected: u64,
        /// The version stored now.
        actual: u64,
    },
    /// The change would break a uniqueness or consistency rule (for example a duplicate email).
    #[error("conflict: {reason}")]
    Conflict {
        /// What conflicts.
        reason: String,
    },
    /// The storage layer failed (I/O, locked database …).
    #[error("storage error: {message}")]
    Storage {
        /// Description from the storage layer (no client data).
        message: String,
    },
    /// Stored data no longer matches its checksum (a document's contents were changed).
    #[error("integrity error: {reason}")]
    Integrity {
        /// What does not match.
        reason: String,
    },
    /// The database file cannot be used by this build; it was left untouched.
    #[error("incompatible database: {reason}")]
    IncompatibleDatabase {
        /// Why the file is refused.
        reason: IncompatibleReason,
    },
    /// A document or email template was refused: it does not parse, names a merge field the
    /// model does not have, or fails when rendered. The reason never quotes merged data.
    #[error("template {template} ({part}): {reason}")]
    Template {
        /// The template's id.
        template: String,
        /// The part that failed: `subject`, `text`, `html` or `typst`.
        part: String,
        /// The line of that part, when known (from 1).
        line: Option<u32>,
        /// The merge field at fault, e.g. `matter.titel`, when one is.
        field: Option<String>,
        /// Why (no client data).
        reason: String,
    },
    /// A message could not be handed to the mail transport. Nothing was recorded.
    #[error("delivery failed: {reason}")]
    Delivery {
        /// What went wrong (never an address).
        reason: String,
        /// Whether retrying the same message cannot succeed.
        permanent: bool,
        /// The SMTP reply code, when the server gave one.
        code: Option<u16>,
    },
    /// A firm archive is not one, is damaged or cut off, or is newer than this build; nothing
    /// was written.
    #[error("invalid archive: {reason}")]
    InvalidArchive {
        /// What is wrong.
        reason: String,
    },
    /// The progress callback cancelled the call; nothing was written.
    #[error("cancelled")]
    Cancelled,
}

impl From<LexcaseError> for FfiError {
    fn from(error: LexcaseError) -> Self {
        use LexcaseError as Core;
        match error {
            Core::NotFound { entity } => Self::NotFound {
                entity: entity.to_owned(),
            },
            Core::Validation {
                field,
                reason,
                detail,
            } => Self::Validation {
                field,
                reason,
                detail: detail.map(|d| *d),
            },
            Core::PermissionDenied { action } => Self::PermissionDenied { action },
            Core::InvalidTransition { entity, from, to } => Self::InvalidTransition {
                entity: entity.to_owned(),
                from,
                to,
            },
            Core::StaleVersion {
                entity,
                expected,
                actual,
            } => Self::StaleVersion {
                entity: entity.to_owned(),
                expected,
                actual,
            },
            Core::Conflict { reason } => Self::Conflict { reason },
            Core::Storage { message } => Self::Storage { message },
            Core::Integrity { reason } => Self::Integrity { reason },
            Core::IncompatibleDatabase { reason } => Self::IncompatibleDatabase { reason },
            Core::Template {
                template,
                part,
                line,
                field,
                reason,
            } => Self::Template {
                template,
                part,
                line,
                field,
                reason,
            },
            Core::Delivery {
                reason,
                permanent,
                code,
            } => Self::Delivery {
                reason,
                permanent,
                code,
            },
            Core::InvalidArchive { reason } => Self::InvalidArchive { reason },
            Core::Cancelled => Self::Cancelled,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use LexcaseError as Core;

    #[test]
    fn every_core_error_keeps_its_fields_and_message() {
        let cases = [
            Core::not_found("matter"),
            Core::validation("reason", "reopening a matter needs a reason"),
            Core::denied("open_matters"),
            Core::InvalidTransition {
                entity: "matter",
                from: "archived".into(),
                to: "open".into(),
            },
            Core::StaleVersion {
                entity: "matter",
                expected: 1,
                actual: 2,
            },
            Core::Conflict {
                reason: "another user has this email".into(),
            },
            Core::storage("database is locked"),
            Core::Integrity {
                reason: "stored contents do not match their SHA-256".into(),
            },
            Core::IncompatibleDatabase {
                reason: IncompatibleReason::TooNew {
                    found: 9,
                    supported: 1,
                },
            },
            Core::IncompatibleDatabase {
                reason: IncompatibleReason::NotLexcase,
            },
            Core::Template {
                template: "invoice".into(),
                part: "html".into(),
                line: Some(3),
                field: Some("bill.totl".into()),
                reason: "unknown field bill.totl".into(),
            },
            Core::delivery("connection lost", false, Some(421)),
            Core::Cancelled,
        ];
        for core in cases {
            assert_eq!(FfiError::from(core.clone()).to_string(), core.to_string());
        }
        assert_eq!(
            FfiError::from(Core::StaleVersion {
                entity: "contact",
                expected: 3,
                actual: 4
            }),
            FfiError::StaleVersion {
                entity: "contact".into(),
                expected: 3,
                actual: 4
            }
        );
    }
}
