//! The audit trail: the core's events, heads, change batches, broken links and verifications
//! cross the FFI as they are (`lexcase::audit`).

pub use lexcase::audit::{
    AuditEvent, AuditHead, AuditVerification, BrokenLink, ChangeBatch, EntityKind, FieldChange,
};

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
