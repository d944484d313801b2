//! The context a command or query runs in: its transaction, the acting user, the settings.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use uuid::Uuid;

use super::disclosure::{Disclosure, dedup};
use crate::access::{Capability, Viewer};
use crate::audit::{AuditKey, AuditRecord, EntityKind};
use crate::contacts::Contact;
use crate::error::{IncompatibleReason, LexcaseError, Result};
use crate::firm::FirmSettings;
use crate::ids::{ContactId, MatterId, UserId};
use crate::matters::Matter;
use crate::store::{ReadTx, WriteTx};
use crate::users::User;

/// Loads the acting user: they must exist and be active.
pub(crate) fn load_actor(tx: &dyn ReadTx, id: UserId) -> Result<User> {
    let user = tx
        .user(id)?
        .ok_or_else(|| LexcaseError::not_found("user"))?;
    if !user.active {
        return Err(LexcaseError::denied("act as an inactive user"));
    }
    Ok(user)
}

/// Loads the firm settings, or fails if the firm has not been initialised.
pub(crate) fn load_settings(tx: &dyn ReadTx) -> Result<FirmSettings> {
    tx.firm_settings()?
        .ok_or_else(|| LexcaseError::not_found("firm (not initialised)"))
}

/// Refuses a change based on a stale version.
pub(crate) fn check_version(entity: &'static str, stored: u64, expected: u64) -> Result<()> {
    if stored != expected {
        return Err(LexcaseError::StaleVersion {
            entity,
            expected,
            actual: stored,
        });
    }
    Ok(())
}

/// What every query needs: a transaction, the actor and the settings.
pub(crate) struct ReadCtx<'t> {
    pub tx: &'t dyn ReadTx,
    pub actor: User,
}

impl ReadCtx<'_> {
    /// The actor as a viewer of matters.
    pub fn viewer(&self) -> Viewer {
        viewer_of(&self.actor)
    }

    /// A matter the actor may see; for anyone else it does not exist.
    pub fn matter(&self, id: MatterId) -> Result<Matter> {
        visible_matter(self.tx, &self.viewer(), id)
    }

    /// What the actor may see of records that concern several matters, for this call.
    pub fn disclosure(&self) -> Disclosure<'_> {
        Disclosure::new(self.tx, self.viewer())
    }
}

pub(crate) fn viewer_of(actor: &User) -> Viewer {
    Viewer {
        user: actor.id,
        sees_restricted: actor.can(Capability::ViewRestrictedMatters),
    }
}

fn visible_matter(tx: &dyn ReadTx, viewer: &Viewer, id: MatterId) -> Result<Matter> {
    tx.matter(id)?
        .filter(|m| viewer.can_see(&m.access, m.team_users()))
        .ok_or_else(|| LexcaseError::not_found("matter"))
}

/// What every command needs: the write transaction, actor, settings and the instant.
pub(crate) struct WriteCtx<'t> {
    pub tx: &'t mut dyn WriteTx,
    pub actor: User,
    pub settings: FirmSettings,
    pub now: DateTime<Utc>,
    /// The firm's audit key: events are sealed with it when given.
    pub audit_key: Option<&'t AuditKey>,
}

impl WriteCtx<'_> {
    /// Today in the firm's zone.
    pub fn today(&self) -> Result<NaiveDate> {
        self.settings.date_of(self.now)
    }

    /// Refuses unless the actor has `capability`.
    pub fn require(&self, capability: Capability) -> Result<()> {
        self.actor.require(capability)
    }

    /// A matter the actor may see (writes to walled or hidden matters fail as not found).
    pub fn matter(&self, id: MatterId) -> Result<Matter> {
        visible_matter(self.tx, &viewer_of(&self.actor), id)
    }

    /// What the actor may see of records that concern several matters, for this command.
    pub fn disclosure(&self) -> Disclosure<'_> {
        Disclosure::new(&*self.tx, viewer_of(&self.actor))
    }

    /// A contact that must exist.
    pub fn contact(&self, id: ContactId) -> Result<Contact> {
        self.tx
            .contact(id)?
            .ok_or_else(|| LexcaseError::not_found("contact"))
    }

    /// A user that must exist and be active (to be given work).
    pub fn active_user(&self, id: UserId, field: &str) -> Result<User> {
        let user = self
            .tx
            .user(id)?
            .ok_or_else(|| LexcaseError::not_found("user"))?;
        if !user.active {
            return Err(LexcaseError::validation(field, "the user is inactive"));
        }
        Ok(user)
    }

    /// Appends the audit event of a change, chained after the current head. `matters` are
    /// every matter the change concerns, the main one first (repeats are dropped): the feed
    /// shows the event only to viewers who may see all of them.
    pub fn record<T: Serialize>(
        &mut self,
        entity_kind: EntityKind,
        entity_id: Uuid,
        matters: Vec<MatterId>,
        action: &str,
        before: Option<&T>,
        after: Option<&T>,
    ) -> Result<()> {
        let head = self.tx.audit_chain_head()?;
        if self.audit_key.is_none() && self.tx.audit_head_keyed()? {
            return Err(LexcaseError::IncompatibleDatabase {
                reason: IncompatibleReason::AuditKeyRequired,
            });
        }
        let mut event = AuditRecord::of_change(
            self.now,
            self.actor.id,
            entity_kind,
            entity_id,
            dedup(matters),
            action,
            before,
            after,
        )?;
        event.seal_with(head, self.audit_key);
        self.tx.append_audit(&event)
    }
}
