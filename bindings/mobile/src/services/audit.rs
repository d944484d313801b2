//! The audit trail: verification, per-entity history, and the change feed.

use uuid::Uuid;

use crate::error::Result;
use crate::records::{AuditEvent, AuditHead, AuditVerification, ChangeBatch};

service_object! {
    /// The audit trail. Events about matters the actor may not see are left out; rates of other
    /// users are redacted for actors who may not see rates.
    AuditService
}

#[uniffi::export]
impl AuditService {
    /// Verifies the whole hash chain (needs `view_audit`); reports the first broken link.
    pub fn verify(&self) -> Result<AuditVerification> {
        Ok(self.session.audit().verify()?)
    }

    /// The head of the chain (null before the first event), to anchor outside the file: in
    /// backups, an email (needs `view_audit`).
    pub fn head(&self) -> Result<Option<AuditHead>> {
        Ok(self.session.audit().head()?)
    }

    /// Verifies the chain and that it still passes through `expected`, a head exported
    /// earlier and kept outside the file: a rewritten or cut tail is found there.
    pub fn verify_against(&self, expected: AuditHead) -> Result<AuditVerification> {
        if expected.hash_bytes().is_none() {
            return Err(lexcase::LexcaseError::validation(
                "expected",
                "the hash is not 64 hex digits",
            )
            .into());
        }
        Ok(self.session.audit().verify_against(&expected)?)
    }

    /// The history of one entity (a matter, contact, user, or the firm with the nil UUID),
    /// oldest first.
    pub fn history(&self, entity_id: Uuid) -> Result<Vec<AuditEvent>> {
        Ok(self.session.audit().history(entity_id)?)
    }

    /// Events after `cursor` (0 for the beginning) that the actor may see, in order, at most
    /// `limit` (1 to 1000). Pass `next_cursor` back to continue.
    pub fn changes_since(&self, cursor: u64, limit: u32) -> Result<ChangeBatch> {
        Ok(self.session.audit().changes_since(cursor, limit)?)
    }
}
