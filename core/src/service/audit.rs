//! The audit trail: verification, per-entity history, and the change feed.

use std::collections::HashMap;

use uuid::Uuid;

use super::Session;
use super::context::ReadCtx;
use crate::access::Capability;
use crate::audit::{AuditEvent, AuditVerification, ChangeBatch, EntityKind};
use crate::error::{LexcaseError, Result};
use crate::ids::MatterId;

/// Events read per batch while verifying or filtering.
pub(super) const BATCH: u32 = 1000;

/// The audit trail. Events about matters the actor may not see are left out; rates of other
/// users are redacted for actors who may not see rates.
#[derive(Debug)]
pub struct AuditService<'s> {
    pub(super) session: &'s Session,
}

/// Decides, event by event, what the actor may see, remembering matter visibility.
struct EventFilter<'c, 't> {
    ctx: &'c ReadCtx<'t>,
    matters: HashMap<MatterId, bool>,
    sees_rates: bool,
}

impl<'c, 't> EventFilter<'c, 't> {
    fn new(ctx: &'c ReadCtx<'t>) -> Self {
        Self {
            ctx,
            matters: HashMap::new(),
            sees_rates: ctx.actor.can(Capability::ViewRates),
        }
    }

    fn admit(&mut self, mut event: AuditEvent) -> Result<Option<AuditEvent>> {
        for &matter in &event.matters {
            let visible = match self.matters.get(&matter) {
                Some(v) => *v,
                None => {
                    let v = match self.ctx.matter(matter) {
                        Ok(_) => true,
                        Err(LexcaseError::NotFound { .. }) => false,
                        Err(e) => return Err(e),
                    };
                    self.matters.insert(matter, v);
                    v
                }
            };
            if !visible {
                return Ok(None);
            }
        }
        let own = event.entity_id == Uuid::from(self.ctx.actor.id);
        let financial = matches!(
            event.entity_kind,
            EntityKind::Bill | EntityKind::Payment | EntityKind::ClientMoney
        );
        if financial && !self.sees_rates {
            return Ok(None);
        }
        let rated = match event.entity_kind {
            EntityKind::User => !own,
            EntityKind::TimeEntry => event.actor != self.ctx.actor.id,
            _ => false,
        };
        if rated && !self.sees_rates {
            for change in &mut event.changes {
                if change.field.starts_with("default_rate") || change.field.starts_with("rate") {
                    let redacted = Some(serde_json::Value::String("[redacted]".into()));
                    change.before = change.before.as_ref().and(redacted.clone());
                    change.after = change.after.as_ref().and(redacted);
                }
            }
        }
        Ok(Some(event))
    }
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
            let mut filter = EventFilter::new(ctx);
            let mut out = Vec::new();
            for record in ctx.tx.audit_records_for(entity_id)? {
                out.extend(filter.admit(record.to_event()?)?);
            }
            Ok(out)
        })
    }

    /// Events after `cursor` (0 for the beginning) that the actor may see, in order, at most
    /// `limit` (1 to 1000). Pass `next_cursor` back to continue.
    pub fn changes_since(&self, cursor: u64, limit: u32) -> Result<ChangeBatch> {
        if limit == 0 || limit > BATCH {
            return Err(LexcaseError::validation("limit", "must be 1 to 1000"));
        }
        self.session.read(|ctx| {
            let mut filter = EventFilter::new(ctx);
            let mut events = Vec::new();
            let mut next_cursor = cursor;
            loop {
                let batch = ctx.tx.audit_records(next_cursor, limit)?;
                let exhausted = (batch.len() as u32) < limit;
                for record in batch {
                    next_cursor = record.seq;
                    events.extend(filter.admit(record.to_event()?)?);
                    if events.len() as u32 == limit {
                        return Ok(ChangeBatch {
                            events,
                            next_cursor,
                            more: true,
                        });
                    }
                }
                if exhausted {
                    return Ok(ChangeBatch {
                        events,
                        next_cursor,
                        more: false,
                    });
                }
            }
        })
    }
}
