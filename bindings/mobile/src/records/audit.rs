//! The audit trail: the core's events, heads, change batches and broken links cross the FFI
//! as they are (`lexcase::audit`); this module keeps the outcome of a verification, whose
//! `intact` is derived.

pub use lexcase::audit::{AuditEvent, AuditHead, BrokenLink, ChangeBatch, EntityKind, FieldChange};

use lexcase::audit::AuditVerification as CoreAuditVerification;

/// The outcome of verifying the audit chain.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AuditVerification {
    /// Whether the whole chain verifies.
    pub intact: bool,
    /// Events checked.
    pub events_checked: u64,
    /// The first broken link, or null if the chain is intact.
    pub first_broken: Option<BrokenLink>,
    /// The first event sealed with the firm's audit key when it was not given (it and the
    /// events after it were not checked), or null.
    pub key_needed_from: Option<u64>,
    /// The first event checked that is sealed with the audit key, or null.
    pub keyed_from: Option<u64>,
}

impl From<CoreAuditVerification> for AuditVerification {
    fn from(verification: CoreAuditVerification) -> Self {
        let intact = verification.is_intact();
        let CoreAuditVerification {
            events_checked,
            first_broken,
            key_needed_from,
            keyed_from,
        } = verification;
        Self {
            intact,
            events_checked,
            first_broken,
            key_needed_from,
            keyed_from,
        }
    }
}

#[cfg(test)]
mod tests {
    use uniffi::{Lift, Lower};

    use super::FieldChange;
    use crate::error::LexcaseError;

    /// A field change as the foreign side writes it: `before` absent, `after` as JSON text.
    fn wire(after: &str) -> Vec<u8> {
        let mut wire = Vec::new();
        <String as Lower<crate::UniFfiTag>>::write("title".into(), &mut wire);
        <Option<String> as Lower<crate::UniFfiTag>>::write(None, &mut wire);
        <Option<String> as Lower<crate::UniFfiTag>>::write(Some(after.into()), &mut wire);
        wire
    }

    #[test]
    fn field_values_cross_as_json_text_and_other_text_is_a_typed_error() {
        let change =
            <FieldChange as Lift<lexcase::UniFfiTag>>::try_read(&mut wire("\"Smith\"").as_slice())
                .unwrap();
        assert_eq!(change.after, Some(serde_json::json!("Smith")));
        let error =
            <FieldChange as Lift<lexcase::UniFfiTag>>::try_read(&mut wire("Smith").as_slice())
                .unwrap_err();
        assert!(matches!(
            error.downcast::<LexcaseError>(),
            Ok(LexcaseError::Validation { field, .. }) if field == "value"
        ));
    }
}
