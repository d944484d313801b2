//! The error type every fallible exported function returns: one variant per variant of the
//! core [`lexcase::LexcaseError`], with the same fields.

use std::fmt;

/// The result type of the exported functions.
pub type Result<T, E = LexcaseError> = std::result::Result<T, E>;

/// Why a database file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum IncompatibleReason {
    /// The file was written by a newer lexcase.
    TooNew {
        /// Schema version found in the file.
        found: i64,
        /// Highest schema version this build understands.
        supported: i64,
    },
    /// The file is a database, but not a lexcase one.
    NotLexcase,
    /// The file is not a readable database at all (damaged or another format).
    Corrupt,
    /// The key given does not open the file.
    WrongKey,
    /// The audit chain is sealed with the firm's audit key, which was not given.
    AuditKeyRequired,
}

impl From<lexcase::IncompatibleReason> for IncompatibleReason {
    fn from(reason: lexcase::IncompatibleReason) -> Self {
        use lexcase::IncompatibleReason as Core;
        match reason {
            Core::TooNew { found, supported } => Self::TooNew { found, supported },
            Core::NotLexcase => Self::NotLexcase,
            Core::Corrupt => Self::Corrupt,
            Core::WrongKey => Self::WrongKey,
            Core::AuditKeyRequired => Self::AuditKeyRequired,
        }
    }
}

impl From<IncompatibleReason> for lexcase::IncompatibleReason {
    fn from(reason: IncompatibleReason) -> Self {
        match reason {
            IncompatibleReason::TooNew { found, supported } => Self::TooNew { found, supported },
            IncompatibleReason::NotLexcase => Self::NotLexcase,
            IncompatibleReason::Corrupt => Self::Corrupt,
            IncompatibleReason::WrongKey => Self::WrongKey,
            IncompatibleReason::AuditKeyRequired => Self::AuditKeyRequired,
        }
    }
}

impl fmt::Display for IncompatibleReason {
    /// The core wording.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        lexcase::IncompatibleReason::from(self.clone()).fmt(f)
    }
}

/// An error from lexcase. Kotlin sees it as `LexcaseException` with one subclass per variant
/// (uniffi renames the `Error` suffix), Swift as `LexcaseError`. Messages carry no client data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum LexcaseError {
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

/// Values behind a refusal, kept out of its message because they may be client data.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum ErrorDetail {
    /// A withdrawal larger than the client ledger's balance.
    Overdraw {
        /// What the ledger holds.
        balance: crate::records::Money,
        /// What was to be taken out.
        withdrawal: crate::records::Money,
    },
    /// An amount larger than what a bill still owes.
    Outstanding {
        /// What the bill still owes.
        outstanding: crate::records::Money,
    },
    /// Text refused as an email address.
    Address {
        /// The text.
        address: String,
    },
}

impl From<lexcase::ErrorDetail> for ErrorDetail {
    fn from(detail: lexcase::ErrorDetail) -> Self {
        match detail {
            lexcase::ErrorDetail::Overdraw {
                balance,
                withdrawal,
            } => Self::Overdraw {
                balance: balance.into(),
                withdrawal: withdrawal.into(),
            },
            lexcase::ErrorDetail::Outstanding { outstanding } => Self::Outstanding {
                outstanding: outstanding.into(),
            },
            lexcase::ErrorDetail::Address { address } => Self::Address { address },
        }
    }
}

impl From<lexcase::LexcaseError> for LexcaseError {
    fn from(error: lexcase::LexcaseError) -> Self {
        use lexcase::LexcaseError as Core;
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
                detail: detail.map(|d| ErrorDetail::from(*d)),
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
            Core::IncompatibleDatabase { reason } => Self::IncompatibleDatabase {
                reason: reason.into(),
            },
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
    use lexcase::LexcaseError as Core;

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
                reason: lexcase::IncompatibleReason::TooNew {
                    found: 9,
                    supported: 1,
                },
            },
            Core::IncompatibleDatabase {
                reason: lexcase::IncompatibleReason::NotLexcase,
            },
            Core::IncompatibleDatabase {
                reason: lexcase::IncompatibleReason::Corrupt,
            },
            Core::Template {
                template: "invoice".into(),
                part: "html".into(),
                line: Some(3),
                field: Some("bill.totl".into()),
                reason: "unknown field bill.totl".into(),
            },
            Core::delivery("connection lost", false, Some(421)),
        ];
        for core in cases {
            let binding = LexcaseError::from(core.clone());
            assert_eq!(binding.to_string(), core.to_string());
        }
        assert_eq!(
            LexcaseError::from(Core::StaleVersion {
                entity: "contact",
                expected: 3,
                actual: 4
            }),
            LexcaseError::StaleVersion {
                entity: "contact".into(),
                expected: 3,
                actual: 4
            }
        );
    }
}
