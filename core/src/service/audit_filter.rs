//! What a viewer sees of the audit trail: event by event, the rule of [`super::disclosure`],
//! the capabilities some kinds of event need, rates redacted, and pseudonyms in place of
//! sequence numbers for viewers who may not see every event.

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::context::{ReadCtx, load_settings};
use super::disclosure::Disclosure;
use crate::access::Capability;
use crate::audit::{AuditEvent, EntityKind, FeedCipher};
use crate::error::{LexcaseError, Result};
use crate::ids::{BillId, CommunicationId, MatterId, PaymentId};

/// What an entity whose matters can change after an event concerns now.
#[derive(Clone, Default)]
struct Now {
    /// Its matters now.
    matters: Vec<MatterId>,
    /// A communication in the unfiled queue.
    unfiled: bool,
}

/// Decides, event by event, what the actor may see, remembering what it read.
pub(super) struct EventFilter<'c, 't> {
    ctx: &'c ReadCtx<'t>,
    disclosure: Disclosure<'t>,
    sees_rates: bool,
    reads_unfiled: bool,
    now: HashMap<Uuid, Now>,
    /// Set for viewers who may not see every event: their sequence numbers are pseudonyms
    /// and they are shown no hashes.
    cipher: Option<FeedCipher>,
}

/// The key of the firm's feed pseudonyms: the firm's feed key, or for a firm set up before
/// feed keys existed one derived from the hash of its first audit event (shown only to
/// viewers who may see every event).
fn cipher(ctx: &ReadCtx<'_>) -> Result<FeedCipher> {
    if let Some(key) = load_settings(ctx.tx)?.feed_key {
        return Ok(FeedCipher::new(key.as_bytes()));
    }
    let first = ctx.tx.audit_records(0, 1)?;
    let mut h = Sha256::new();
    h.update(b"lexcase feed key from the first event\n");
    if let Some(event) = first.first() {
        h.update(event.hash);
    }
    Ok(FeedCipher::new(&h.finalize().into()))
}

/// Leaves out of a communication's event the count of matters that could hold it (the
/// `candidates_truncated` notice): counted over the matters its ingester could see, it may count
/// one hidden from the viewer ([`super::communications`] does the same for the communication).
fn withhold_candidate_count(event: &mut AuditEvent) {
    let strip = |value: &mut Option<serde_json::Value>| {
        if let Some(serde_json::Value::Array(notices)) = value {
            notices
                .retain(|n| n.get("kind").and_then(|k| k.as_str()) != Some("candidates_truncated"));
        }
    };
    for change in event.changes.iter_mut().filter(|c| c.field == "notices") {
        strip(&mut change.before);
        strip(&mut change.after);
    }
    event
        .changes
        .retain(|c| c.field != "notices" || c.before != c.after);
}

impl<'c, 't> EventFilter<'c, 't> {
    /// The filter for the actor of `ctx`.
    pub fn new(ctx: &'c ReadCtx<'t>) -> Result<Self> {
        let disclosure = Disclosure::new(ctx.tx, ctx.viewer());
        let actor = &ctx.actor;
        let sees_rates = actor.can(Capability::ViewRates);
        let reads_unfiled = actor.can(Capability::EditMatters);
        let sees_everything = actor.can(Capability::ViewAudit)
            && sees_rates
            && reads_unfiled
            && disclosure.hides_nothing()?;
        let cipher = if sees_everything {
            None
        } else {
            Some(cipher(ctx)?)
        };
        Ok(Self {
            ctx,
            disclosure,
            sees_rates,
            reads_unfiled,
            now: HashMap::new(),
            cipher,
        })
    }

    /// What an entity whose matters can change after its events concerns now (read once).
    fn now(&mut self, kind: EntityKind, id: Uuid) -> Result<Now> {
        if let Some(known) = self.now.get(&id) {
            return Ok(known.clone());
        }
        let now = match kind {
            EntityKind::Communication => {
                match self.ctx.tx.communication(CommunicationId::from(id))? {
                    Some(c) => Now {
                        unfiled: c.matter.is_none(),
                        matters: c.matter.into_iter().chain(c.candidates).collect(),
                    },
                    None => Now::default(),
                }
            }
            EntityKind::Payment => match self.ctx.tx.payment(PaymentId::from(id))? {
                Some(p) => Now {
                    matters: self.disclosure.payment_matters(&p)?,
                    unfiled: false,
                },
                None => Now::default(),
            },
            // A bill's matters never change, but events written before every event listed
            // all its matters carry only the first.
            EntityKind::Bill => Now {
                matters: self.disclosure.bill_matters(BillId::from(id))?,
                unfiled: false,
            },
            _ => Now::default(),
        };
        self.now.insert(id, now.clone());
        Ok(now)
    }

    /// The event as the actor may see it, or `None` if they may not see it at all.
    pub fn admit(&mut self, mut event: AuditEvent) -> Result<Option<AuditEvent>> {
        if !self.disclosure.sees_all(&event.matters)? {
            return Ok(None);
        }
        let kind = event.entity_kind;
        // A reconciliation written before events listed its ledgers' matters names them all.
        let legacy_reconciliation =
            kind == EntityKind::ClientMoney && event.entity_id.is_nil() && event.matters.is_empty();
        if legacy_reconciliation && !self.disclosure.hides_nothing()? {
            return Ok(None);
        }
        if matches!(
            kind,
            EntityKind::Communication | EntityKind::Payment | EntityKind::Bill
        ) {
            let now = self.now(kind, event.entity_id)?;
            let unfiled =
                kind == EntityKind::Communication && (now.unfiled || now.matters.is_empty());
            if (unfiled && !self.reads_unfiled) || !self.disclosure.sees_all(&now.matters)? {
                return Ok(None);
            }
        }
        if kind == EntityKind::Communication && !self.disclosure.hides_nothing()? {
            withhold_candidate_count(&mut event);
        }
        let own = event.entity_id == Uuid::from(self.ctx.actor.id);
        let financial = matches!(
            kind,
            EntityKind::Bill | EntityKind::Payment | EntityKind::ClientMoney
        );
        if financial && !self.sees_rates {
            return Ok(None);
        }
        let rated = match kind {
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
        if let Some(cipher) = &self.cipher {
            event.seq = cipher.pseudonym(event.seq);
            event.prev_hash.clear();
            event.hash.clear();
        }
        Ok(Some(event))
    }

    /// The real sequence number a feed cursor resumes after. Viewers who see every event pass
    /// real numbers (a pseudonym they were given before is understood too); others pass a
    /// cursor or pseudonym they were given, or 0 for the beginning.
    pub fn resume_after(&self, cursor: u64) -> Result<u64> {
        if cursor == 0 {
            return Ok(0);
        }
        let head = self.ctx.tx.audit_head()?.map_or(0, |h| h.seq);
        match &self.cipher {
            None if cursor <= head => Ok(cursor),
            None => Ok(self
                .cipher_for_switch()?
                .open(cursor)
                .filter(|seq| *seq <= head)
                .unwrap_or(cursor)),
            Some(cipher) => cipher
                .open(cursor)
                .filter(|seq| *seq <= head)
                .ok_or_else(|| {
                    LexcaseError::validation(
                        "cursor",
                        "not a cursor of this feed: start again from 0",
                    )
                }),
        }
    }

    /// The cursor to show after scanning up to real sequence number `seq`.
    pub fn cursor_after(&self, seq: u64) -> u64 {
        match &self.cipher {
            None => seq,
            Some(cipher) => {
                let salt = Uuid::new_v4().as_u128() as u16;
                cipher.cursor(seq, salt)
            }
        }
    }

    /// The cipher, for a viewer who now sees every event but may hold an older pseudonym.
    fn cipher_for_switch(&self) -> Result<FeedCipher> {
        cipher(self.ctx)
    }
}
