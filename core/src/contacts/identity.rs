//! Identity verification (AML / KYC) of a contact.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::ids::UserId;

/// Where a contact stands in identity verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum IdentityStatus {
    /// Nothing done yet.
    #[default]
    NotVerified,
    /// Checks under way.
    Pending,
    /// Identity verified.
    Verified,
    /// Verification failed.
    Failed,
}

crate::names::stable_names!(IdentityStatus, "status", "identity status", {
    NotVerified = "not_verified",
    Pending = "pending",
    Verified = "verified",
    Failed = "failed",
});

/// How identity was verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum VerificationMethod {
    /// Original documents seen in person.
    InPerson,
    /// Electronic verification service.
    Electronic,
    /// Certified copies of documents.
    CertifiedCopies,
    /// Video call with documents shown.
    VideoCall,
    /// Reliance on another regulated firm's checks.
    Reliance,
}

crate::names::stable_names!(VerificationMethod, "method", "verification method", {
    InPerson = "in_person",
    Electronic = "electronic",
    CertifiedCopies = "certified_copies",
    VideoCall = "video_call",
    Reliance = "reliance",
});

/// A contact's identity-verification record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IdentityVerification {
    /// Current status.
    pub status: IdentityStatus,
    /// Date of the check (required for verified and failed).
    pub checked_on: Option<NaiveDate>,
    /// How it was checked (required for verified).
    pub method: Option<VerificationMethod>,
    /// Who recorded it.
    pub recorded_by: Option<UserId>,
    /// When it was recorded.
    pub recorded_at: Option<DateTime<Utc>>,
}

impl IdentityVerification {
    /// Builds a record, checking that a verified status has a date and method, a failed one a
    /// date, and that the date is not in the future.
    pub fn record(
        status: IdentityStatus,
        checked_on: Option<NaiveDate>,
        method: Option<VerificationMethod>,
        by: UserId,
        at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Self> {
        if matches!(status, IdentityStatus::Verified | IdentityStatus::Failed)
            && checked_on.is_none()
        {
            return Err(LexcaseError::validation(
                "checked_on",
                "the date of the check is required",
            ));
        }
        if status == IdentityStatus::Verified && method.is_none() {
            return Err(LexcaseError::validation(
                "method",
                "the verification method is required",
            ));
        }
        if checked_on.is_some_and(|d| d > today) {
            return Err(LexcaseError::validation(
                "checked_on",
                "must not be in the future",
            ));
        }
        Ok(Self {
            status,
            checked_on,
            method,
            recorded_by: Some(by),
            recorded_at: Some(at),
        })
    }
}
