//! The audit trail: verification, per-entity history, and the change feed.

use uuid::Uuid;

use super::Session;
use super::audit_filter::EventFilter;
use crate::audit::{AuditEvent, AuditVerification, ChangeBatch};
use crate::error::{LexcaseError, Result};

/// Events read per batch while verifying or filtering.
pub(super) const BATCH: u32 = 1000;

/// The audit trail. An event is shown only to a viewer who may see every matter it concerns
/// (and, for a communication filed later or a payment allocated later, every matter it
/// concerns now); events about unfiled communications need `edit_matters`, financial ones
/// `view_rates`; rates of other users are redacted for actors who may not see rates.
///
/// Viewers who may not see every event (anyone behind a wall or off a team-only matter, or
/// without `view_audit`, `view_rates` or `edit_matters`) are shown pseudonyms in place of
/// sequence numbers, fresh cursors each call and no hashes, so that gaps reveal nothing (see
/// [`crate::audit::FeedCipher`]); auditors who see every event see the real chain.
#[derive(Debug)]
pub struct AuditService<'s> {
    pub(super) session: &'s Session,
}

impl<'s> AuditService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// Verifies the whole hash chain (needs `view_audit`); reports the first broken link.
    /// Events sealed with the firm's audit key are checked with the key the firm was opened
    /// with; without it they are reported in `key_needed_from`.
    pub fn verify(&self) -> Result<AuditVerification> {
        self.verify_chain(None)
    }

    /// The history of one entity (a matter, contact, user, or the firm with `Uuid::nil()`),
    /// oldest first.
    pub fn history(&self, entity_id: Uuid) -> Result<Vec<AuditEvent>> {
        self.session.read(|ctx| {
            let mut filter = EventFilter::new(ctx)?;
            let mut out = Vec::new();
            for record in ctx.tx.audit_records_for(entity_id)? {
                out.extend(filter.admit(record.to_event()?)?);
            }
            Ok(out)
        })
    }

    /// Events after `cursor` (0 for the beginning) that the actor may see, in order, at most
    /// `limit` (1 to 1000). Pass `next_cursor` back to continue; a cursor this feed did not
    /// give out is a validation error for viewers shown pseudonyms.
    pub fn changes_since(&self, cursor: u64, limit: u32) -> Result<ChangeBatch> {
        if limit == 0 || limit > BATCH {
            return Err(LexcaseError::validation("limit", "must be 1 to 1000"));
        }
        self.session.read(|ctx| {
            let mut filter = EventFilter::new(ctx)?;
            let mut events = Vec::new();
            let mut scanned = filter.resume_after(cursor)?;
            loop {
                let batch = ctx.tx.audit_records(scanned, limit)?;
                let exhausted = (batch.len() as u32) < limit;
                for record in batch {
                    scanned = record.seq;
                    events.extend(filter.admit(record.to_event()?)?);
                    if events.len() as u32 == limit {
                        return Ok(ChangeBatch {
                            events,
                            next_cursor: filter.cursor_after(scanned),
                            more: true,
                        });
                    }
                }
                if exhausted {
                    return Ok(ChangeBatch {
                        events,
                        next_cursor: filter.cursor_after(scanned),
                        more: false,
                    });
                }
            }
        })
    }
}
