//! The one public error type of lexcase, with stable machine codes.
//!
//! Messages name the kind of entity, the field and the reason, never client data: an error may
//! end up in a log that the client's opponent's lawyers will one day read.

use std::fmt;

/// The result type used throughout lexcase.
pub type Result<T, E = LexcaseError> = std::result::Result<T, E>;

/// Why a database file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum IncompatibleReason {
    /// The file was written by a newer lexcase: its schema version is above the one we know.
    TooNew {
        /// Schema version found in the file.
        found: i64,
        /// Highest schema version this build understands.
        supported: i64,
    },
    /// The file is a database, but not a lexcase one (it holds other tables).
    NotLexcase,
    /// The file is not a readable database at all (damaged or another format).
    Corrupt,
    /// The key given does not open the file (an encrypted file opened without a key is
    /// [`IncompatibleReason::Corrupt`]: it cannot be told from garbage).
    WrongKey,
    /// The firm's audit chain is sealed with its audit key, and the firm was opened without
    /// it (or with another one): nothing can be written until it is given.
    AuditKeyRequired,
}

impl fmt::Display for IncompatibleReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooNew { found, supported } => write!(
                f,
                "database schema version {found} is newer than this lexcase supports ({supported})"
            ),
            Self::NotLexcase => f.write_str("the file is a database but not a lexcase database"),
            Self::Corrupt => {
                f.write_str("the file is not a readable database (corrupt or foreign)")
            }
            Self::WrongKey => f.write_str("the key does not open this database"),
            Self::AuditKeyRequired => f.write_str(
                "the audit chain is sealed with the firm's audit key: open the firm with that key",
            ),
        }
    }
}

/// Values behind a refusal, kept out of its message because they may be client data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ErrorDetail {
    /// A withdrawal larger than the client ledger's balance.
    Overdraw {
        /// What the ledger holds.
        balance: crate::money::Money,
        /// What was to be taken out.
        withdrawal: crate::money::Money,
    },
    /// An amount larger than what a bill still owes.
    Outstanding {
        /// What the bill still owes.
        outstanding: crate::money::Money,
    },
    /// Text refused as an email address.
    Address {
        /// The text.
        address: String,
    },
}

/// Every error lexcase returns. Match on the variant, or on [`LexcaseError::code`] across FFI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexcaseError {
    /// The entity does not exist, or the acting user may not know that it exists.
    #[error("{entity} not found")]
    NotFound {
        /// Kind of entity, for example `matter`.
        entity: &'static str,
    },
    /// An input value was refused.
    #[error("invalid {field}: {reason}")]
    Validation {
        /// The field (or argument) that was refused.
        field: String,
        /// Why it was refused (no client data).
        reason: String,
        /// The values behind the refusal, when they help the caller (they may be client data,
        /// so they are never part of the message).
        detail: Option<Box<ErrorDetail>>,
    },
    /// The acting user lacks the capability for this action.
    #[error("permission denied: {action}")]
    PermissionDenied {
        /// What was attempted.
        action: String,
    },
    /// A state machine refused the transition.
    #[error("invalid transition of {entity} from {from} to {to}")]
    InvalidTransition {
        /// Kind of entity, for example `matter`.
        entity: &'static str,
        /// Current state.
        from: String,
        /// Requested state.
        to: String,
    },
    /// Optimistic concurrency: somebody else changed the entity since it was read.
    #[error("stale version of {entity}: expected {expected}, found {actual}")]
    StaleVersion {
        /// Kind of entity.
        entity: &'static str,
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
    /// The storage layer failed (I/O, locked database, constraint the domain did not foresee).
    #[error("storage error: {message}")]
    Storage {
        /// Description from the storage layer (no client data).
        message: String,
    },
    /// Stored data no longer matches its checksum (a document's contents were changed).
    #[error("integrity error: {reason}")]
    Integrity {
        /// What does not match (no client data).
        reason: String,
    },
    /// The database file cannot be used by this build.
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
        /// What went wrong (never an address or the server's own text, which may quote one).
        reason: String,
        /// Whether retrying the same message cannot succeed (a 5xx reply, a refused
        /// recipient) as opposed to a transient failure (a 4xx reply, a lost connection).
        permanent: bool,
        /// The SMTP reply code, when the server gave one.
        code: Option<u16>,
    },
    /// A firm archive cannot be imported: it is not an archive, is damaged or cut off (a
    /// member missing, a hash or count that does not match, a line that does not parse), or
    /// was written by a newer lexcase. Nothing was written.
    #[error("invalid archive: {reason}")]
    InvalidArchive {
        /// What is wrong (a member name at most, no client data).
        reason: String,
    },
    /// The caller's progress callback asked to stop: the call ended and wrote nothing.
    #[error("cancelled")]
    Cancelled,
}

/// Stable machine codes, one per [`LexcaseError`] variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// See [`LexcaseError::NotFound`].
    NotFound,
    /// See [`LexcaseError::Validation`].
    Validation,
    /// See [`LexcaseError::PermissionDenied`].
    PermissionDenied,
    /// See [`LexcaseError::InvalidTransition`].
    InvalidTransition,
    /// See [`LexcaseError::StaleVersion`].
    StaleVersion,
    /// See [`LexcaseError::Conflict`].
    Conflict,
    /// See [`LexcaseError::Storage`].
    Storage,
    /// See [`LexcaseError::Integrity`].
    Integrity,
    /// See [`LexcaseError::IncompatibleDatabase`].
    IncompatibleDatabase,
    /// See [`LexcaseError::Template`].
    Template,
    /// See [`LexcaseError::Delivery`].
    Delivery,
    /// See [`LexcaseError::InvalidArchive`].
    InvalidArchive,
    /// See [`LexcaseError::Cancelled`].
    Cancelled,
}

impl ErrorCode {
    /// The stable string form, e.g. `"not_found"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::Validation => "validation",
            Self::PermissionDenied => "permission_denied",
            Self::InvalidTransition => "invalid_transition",
            Self::StaleVersion => "stale_version",
            Self::Conflict => "conflict",
            Self::Storage => "storage",
            Self::Integrity => "integrity",
            Self::IncompatibleDatabase => "incompatible_database",
            Self::Template => "template",
            Self::Delivery => "delivery",
            Self::InvalidArchive => "invalid_archive",
            Self::Cancelled => "cancelled",
        }
    }
}

impl LexcaseError {
    /// The stable machine code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::Validation { .. } => ErrorCode::Validation,
            Self::PermissionDenied { .. } => ErrorCode::PermissionDenied,
            Self::InvalidTransition { .. } => ErrorCode::InvalidTransition,
            Self::StaleVersion { .. } => ErrorCode::StaleVersion,
            Self::Conflict { .. } => ErrorCode::Conflict,
            Self::Storage { .. } => ErrorCode::Storage,
            Self::Integrity { .. } => ErrorCode::Integrity,
            Self::IncompatibleDatabase { .. } => ErrorCode::IncompatibleDatabase,
            Self::Template { .. } => ErrorCode::Template,
            Self::Delivery { .. } => ErrorCode::Delivery,
            Self::InvalidArchive { .. } => ErrorCode::InvalidArchive,
            Self::Cancelled => ErrorCode::Cancelled,
        }
    }

    /// A validation error for `field`.
    pub fn validation(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::Validation {
            field: field.into(),
            reason: reason.into(),
            detail: None,
        }
    }

    /// A validation error for `field` with the values behind it.
    pub fn refused(
        field: impl Into<String>,
        reason: impl Into<String>,
        detail: ErrorDetail,
    ) -> Self {
        Self::Validation {
            field: field.into(),
            reason: reason.into(),
            detail: Some(Box::new(detail)),
        }
    }

    /// A permission error for `action`.
    pub fn denied(action: impl Into<String>) -> Self {
        Self::PermissionDenied {
            action: action.into(),
        }
    }

    /// A storage error.
    pub fn storage(message: impl Into<String>) -> Self {
        Self::Storage {
            message: message.into(),
        }
    }

    /// A template error on `part` of template `template`.
    pub fn template(
        template: impl Into<String>,
        part: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        Self::Template {
            template: template.into(),
            part: part.into(),
            line: None,
            field: None,
            reason: reason.into(),
        }
    }

    /// An invalid-archive error.
    pub fn invalid_archive(reason: impl Into<String>) -> Self {
        Self::InvalidArchive {
            reason: reason.into(),
        }
    }

    /// A delivery failure.
    pub fn delivery(reason: impl Into<String>, permanent: bool, code: Option<u16>) -> Self {
        Self::Delivery {
            reason: reason.into(),
            permanent,
            code,
        }
    }

    /// A not-found error for an entity kind.
    pub fn not_found(entity: &'static str) -> Self {
        Self::NotFound { entity }
    }
}
