//! The one way an aggregate is created or changed inside a command: check the version, apply
//! the change to a copy, bump the version, store it, and record the audit event — so a failed
//! change leaves nothing behind and every stored change has its event.

use serde::Serialize;
use uuid::Uuid;

use super::context::{WriteCtx, check_version};
use crate::audit::EntityKind;
use crate::contacts::Contact;
use crate::error::Result;
use crate::firm::FirmSettings;
use crate::ids::MatterId;
use crate::matters::Matter;
use crate::store::WriteTx;
use crate::users::User;

/// An aggregate with an optimistic version, stored as one unit.
pub(crate) trait Aggregate: Clone + Serialize {
    /// Entity name for errors, e.g. `matter`.
    const ENTITY: &'static str;
    /// Entity kind for the audit trail.
    const KIND: EntityKind;
    /// The stored version.
    fn version(&self) -> u64;
    /// Moves to the next version.
    fn bump(&mut self);
    /// The id the audit trail files the event under.
    fn entity_id(&self) -> Uuid;
    /// The matter the event belongs to, for access filtering of the feed.
    fn matter_scope(&self) -> Option<MatterId> {
        None
    }
    /// Inserts a new aggregate.
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()>;
    /// Updates the stored aggregate from `expected` to `self.version()`.
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()>;
}

impl WriteCtx<'_> {
    /// Stores a new aggregate and records `action`.
    pub fn create<T: Aggregate>(&mut self, value: T, action: &str) -> Result<T> {
        value.insert(self.tx)?;
        self.record(
            T::KIND,
            value.entity_id(),
            value.matter_scope(),
            action,
            None,
            Some(&value),
        )?;
        Ok(value)
    }

    /// Applies `change` to a copy of `before` (which must be at `expected` version), stores it
    /// at the next version and records `action` with the changed fields.
    pub fn amend<T: Aggregate>(
        &mut self,
        before: T,
        expected: u64,
        action: &str,
        change: impl FnOnce(&mut T, &WriteCtx<'_>) -> Result<()>,
    ) -> Result<T> {
        check_version(T::ENTITY, before.version(), expected)?;
        let mut after = before.clone();
        change(&mut after, self)?;
        after.bump();
        after.update(self.tx, expected)?;
        self.record(
            T::KIND,
            after.entity_id(),
            after.matter_scope(),
            action,
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    }
}

impl Aggregate for User {
    const ENTITY: &'static str = "user";
    const KIND: EntityKind = EntityKind::User;
    fn version(&self) -> u64 {
        self.version
    }
    fn bump(&mut self) {
        self.version += 1;
    }
    fn entity_id(&self) -> Uuid {
        self.id.into()
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.insert_user(self)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.update_user(self, expected)
    }
}

impl Aggregate for Contact {
    const ENTITY: &'static str = "contact";
    const KIND: EntityKind = EntityKind::Contact;
    fn version(&self) -> u64 {
        self.version
    }
    fn bump(&mut self) {
        self.version += 1;
    }
    fn entity_id(&self) -> Uuid {
        self.id.into()
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.insert_contact(self)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.update_contact(self, expected)
    }
}

impl Aggregate for Matter {
    const ENTITY: &'static str = "matter";
    const KIND: EntityKind = EntityKind::Matter;
    fn version(&self) -> u64 {
        self.version
    }
    fn bump(&mut self) {
        self.version += 1;
    }
    fn entity_id(&self) -> Uuid {
        self.id.into()
    }
    fn matter_scope(&self) -> Option<MatterId> {
        Some(self.id)
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.insert_matter(self)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.update_matter(self, expected)
    }
}

impl Aggregate for FirmSettings {
    const ENTITY: &'static str = "firm";
    const KIND: EntityKind = EntityKind::Firm;
    fn version(&self) -> u64 {
        self.version
    }
    fn bump(&mut self) {
        self.version += 1;
    }
    fn entity_id(&self) -> Uuid {
        Uuid::nil()
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.put_firm_settings(self, None)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.put_firm_settings(self, Some(expected))
    }
}

/// A matter's workflow is audited as part of the matter's history.
impl Aggregate for crate::workflow::WorkflowProgress {
    const ENTITY: &'static str = "workflow";
    const KIND: EntityKind = EntityKind::Matter;
    fn version(&self) -> u64 {
        self.version
    }
    fn bump(&mut self) {
        self.version += 1;
    }
    fn entity_id(&self) -> Uuid {
        self.matter.into()
    }
    fn matter_scope(&self) -> Option<MatterId> {
        Some(self.matter)
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.insert_matter_workflow(self)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.update_matter_workflow(self, expected)
    }
}

impl Aggregate for crate::tasks::Task {
    const ENTITY: &'static str = "task";
    const KIND: EntityKind = EntityKind::Task;
    fn version(&self) -> u64 {
        self.version
    }
    fn bump(&mut self) {
        self.version += 1;
    }
    fn entity_id(&self) -> Uuid {
        self.id.into()
    }
    fn matter_scope(&self) -> Option<MatterId> {
        self.matter
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.insert_task(self)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.update_task(self, expected)
    }
}

impl Aggregate for crate::notes::Note {
    const ENTITY: &'static str = "note";
    const KIND: EntityKind = EntityKind::Note;
    fn version(&self) -> u64 {
        self.version
    }
    fn bump(&mut self) {
        self.version += 1;
    }
    fn entity_id(&self) -> Uuid {
        self.id.into()
    }
    fn matter_scope(&self) -> Option<MatterId> {
        self.subject.matter()
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.insert_note(self)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.update_note(self, expected)
    }
}

impl Aggregate for crate::documents::Document {
    const ENTITY: &'static str = "document";
    const KIND: EntityKind = EntityKind::Document;
    fn version(&self) -> u64 {
        self.version
    }
    fn bump(&mut self) {
        self.version += 1;
    }
    fn entity_id(&self) -> Uuid {
        self.id.into()
    }
    fn matter_scope(&self) -> Option<MatterId> {
        Some(self.matter)
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.insert_document(self)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.update_document(self, expected)
    }
}
