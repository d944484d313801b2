//! Proofs over the audit trail: the chain verified (with the firm's audit key, and against a
//! head anchored outside the file), and the head to anchor.

use super::AuditService;
use super::audit::BATCH;
use crate::access::Capability;
use crate::audit::{AuditHead, AuditVerification, ChainVerifier};
use crate::error::Result;

impl AuditService<'_> {
    /// The head of the chain (the last event's sequence number and hash; `None` before the
    /// first event), to anchor outside the file: in the firm's backups, a ticket, an email to
    /// itself. Given back to [`AuditService::verify_against`] later, it shows that the chain
    /// still passes through that event unchanged. Needs `view_audit`.
    pub fn head(&self) -> Result<Option<AuditHead>> {
        self.session.read(|ctx| {
            ctx.actor.require(Capability::ViewAudit)?;
            ctx.tx.audit_head()
        })
    }

    /// Verifies the chain like [`AuditService::verify`] and also that it still passes through
    /// `anchor`, a head exported earlier with [`AuditService::head`] and kept outside the file:
    /// someone who rewrote or cut the tail and recomputed the hashes and the file's own head
    /// is found at the anchored event (or where the log now ends). Needs `view_audit`.
    pub fn verify_against(&self, anchor: &AuditHead) -> Result<AuditVerification> {
        self.verify_chain(Some(anchor))
    }

    /// Walks the whole chain in batches.
    pub(super) fn verify_chain(&self, anchor: Option<&AuditHead>) -> Result<AuditVerification> {
        let key = self.session.firm().audit_key().cloned();
        self.session.read(|ctx| {
            ctx.actor.require(Capability::ViewAudit)?;
            let mut verifier = ChainVerifier::default().with_key(key);
            if let Some(anchor) = anchor {
                verifier = verifier.with_anchor(anchor);
            }
            let mut after = 0;
            loop {
                let events = ctx.tx.audit_records(after, BATCH)?;
                let Some(last) = events.last() else { break };
                after = last.seq;
                if !events.iter().all(|e| verifier.check(e)) {
                    break;
                }
            }
            Ok(verifier.finish(ctx.tx.audit_head()?.as_ref()))
        })
    }
}
