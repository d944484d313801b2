//! The one way an aggregate is created or changed inside a command: check the version, apply
//! the change to a copy, bump the version, store it, and record the audit event — so a failed
//! change leaves nothing behind and every stored change has its event.

use std::borrow::Cow;

use serde::Serialize;
use uuid::Uuid;

use super::context::{WriteCtx, check_version};
use crate::appointments::Appointment;
use crate::audit::EntityKind;
use crate::bills::{Bill, Payment};
use crate::client_money::ClientMoneyEntry;
use crate::communications::Communication;
use crate::contacts::Contact;
use crate::docket::Deadline;
use crate::documents::Document;
use crate::error::Result;
use crate::firm::FirmSettings;
use crate::ids::MatterId;
use crate::matters::{ConflictCheck, Matter, RuleOverrides};
use crate::notes::Note;
use crate::store::{ReadTx, WriteTx};
use crate::tasks::Task;
use crate::timekeeping::{
    BillingTerms, Expense, FirmBillingSettings, TermsScope, TimeEntry, Timer,
};
use crate::users::User;
use crate::workflow::WorkflowProgress;

/// An aggregate with an optimistic version, stored as one unit.
pub(crate) trait Aggregate: Clone + Serialize {
    /// Entity name for errors, e.g. `matter`.
    const ENTITY: &'static str;
    /// Entity kind for the audit trail.
    const KIND: EntityKind;
    /// The entity kind of this value's audit events (the type's kind unless it varies).
    fn kind(&self) -> EntityKind {
        Self::KIND
    }
    /// The stored version.
    fn version(&self) -> u64;
    /// Moves to the next version.
    fn bump(&mut self);
    /// The id the audit trail files the event under.
    fn entity_id(&self) -> Uuid;
    /// Every matter the value concerns (its events belong to each, for access filtering of
    /// the feed; see [`super::disclosure`]), the main one first.
    fn matter_scope(&self, _tx: &dyn ReadTx) -> Result<Vec<MatterId>> {
        Ok(Vec::new())
    }
    /// The value as its audit event records it (secrets left out).
    fn audited(&self) -> Cow<'_, Self> {
        Cow::Borrowed(self)
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
        let matters = value.matter_scope(self.tx)?;
        self.record(
            value.kind(),
            value.entity_id(),
            matters,
            action,
            None,
            Some(value.audited().as_ref()),
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
        // The event shows the value before and after: it concerns the matters of both.
        let mut matters = after.matter_scope(self.tx)?;
        matters.extend(before.matter_scope(self.tx)?);
        self.record(
            after.kind(),
            after.entity_id(),
            matters,
            action,
            Some(before.audited().as_ref()),
            Some(after.audited().as_ref()),
        )?;
        Ok(after)
    }
}

/// Implements [`Aggregate`] for an entity with `id` and `version` fields: its entity name and
/// kind, the store's insert and update methods, and how it finds its matter.
macro_rules! aggregate {
    ($ty:ty, $entity:literal, $kind:expr, $insert:ident, $update:ident, |$it:ident| $matter:expr) => {
        impl Aggregate for $ty {
            const ENTITY: &'static str = $entity;
            const KIND: EntityKind = $kind;
            fn version(&self) -> u64 {
                self.version
            }
            fn bump(&mut self) {
                self.version += 1;
            }
            fn entity_id(&self) -> Uuid {
                self.id.into()
            }
            fn matter_scope(&self, _tx: &dyn ReadTx) -> Result<Vec<MatterId>> {
                let $it = self;
                Ok($matter.into_iter().collect())
            }
            fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
                tx.$insert(self)
            }
            fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
                tx.$update(self, expected)
            }
        }
    };
}

aggregate!(
    User,
    "user",
    EntityKind::User,
    insert_user,
    update_user,
    |_u| None
);
aggregate!(
    Contact,
    "contact",
    EntityKind::Contact,
    insert_contact,
    update_contact,
    |_c| None
);
aggregate!(
    Matter,
    "matter",
    EntityKind::Matter,
    insert_matter,
    update_matter,
    |m| Some(m.id)
);
aggregate!(
    Task,
    "task",
    EntityKind::Task,
    insert_task,
    update_task,
    |t| t.matter
);
aggregate!(
    Note,
    "note",
    EntityKind::Note,
    insert_note,
    update_note,
    |n| n.subject.matter()
);
aggregate!(
    Document,
    "document",
    EntityKind::Document,
    insert_document,
    update_document,
    |d| Some(d.matter)
);

aggregate!(
    Appointment,
    "appointment",
    EntityKind::Appointment,
    insert_appointment,
    update_appointment,
    |a| a.matter
);
aggregate!(
    Deadline,
    "deadline",
    EntityKind::Deadline,
    insert_deadline,
    update_deadline,
    |d| Some(d.matter)
);
aggregate!(
    Communication,
    "communication",
    EntityKind::Communication,
    insert_communication,
    update_communication,
    |c| c.matter.into_iter().chain(c.candidates.iter().copied())
);

aggregate!(
    TimeEntry,
    "time_entry",
    EntityKind::TimeEntry,
    insert_time_entry,
    update_time_entry,
    |e| Some(e.matter)
);
aggregate!(
    Expense,
    "expense",
    EntityKind::Expense,
    insert_expense,
    update_expense,
    |e| Some(e.matter)
);

aggregate!(
    Bill,
    "bill",
    EntityKind::Bill,
    insert_bill,
    update_bill,
    |b| b.matters.clone()
);

/// A payment concerns the matters of the bills it is allocated to.
impl Aggregate for Payment {
    const ENTITY: &'static str = "payment";
    const KIND: EntityKind = EntityKind::Payment;
    fn version(&self) -> u64 {
        self.version
    }
    fn bump(&mut self) {
        self.version += 1;
    }
    fn entity_id(&self) -> Uuid {
        self.id.into()
    }
    fn matter_scope(&self, tx: &dyn ReadTx) -> Result<Vec<MatterId>> {
        super::disclosure::payment_matters(tx, self)
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.insert_payment(self)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.update_payment(self, expected)
    }
}

/// Client-money entries are append-only: an update is refused.
impl Aggregate for ClientMoneyEntry {
    const ENTITY: &'static str = "trust_entry";
    const KIND: EntityKind = EntityKind::ClientMoney;
    fn version(&self) -> u64 {
        self.version
    }
    fn bump(&mut self) {
        self.version += 1;
    }
    fn entity_id(&self) -> Uuid {
        self.id.into()
    }
    fn matter_scope(&self, _tx: &dyn ReadTx) -> Result<Vec<MatterId>> {
        Ok(vec![self.matter])
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.insert_trust_entry(self)
    }
    fn update(&self, _tx: &mut dyn WriteTx, _expected: u64) -> Result<()> {
        Err(crate::LexcaseError::validation(
            "trust_entry",
            "client-money entries are never changed: record a reversal",
        ))
    }
}

/// Implements [`Aggregate`] for a single record stored with `put(value, None)` to insert and
/// `put(value, Some(expected))` to update, filed under the id and matter given.
macro_rules! single_record {
    ($ty:ty, $entity:literal, $kind:expr, $put:ident, |$it:ident| $id:expr, $matter:expr) => {
        impl Aggregate for $ty {
            const ENTITY: &'static str = $entity;
            const KIND: EntityKind = $kind;
            fn version(&self) -> u64 {
                self.version
            }
            fn bump(&mut self) {
                self.version += 1;
            }
            fn entity_id(&self) -> Uuid {
                let $it = self;
                $id
            }
            fn matter_scope(&self, _tx: &dyn ReadTx) -> Result<Vec<MatterId>> {
                let $it = self;
                Ok($matter.into_iter().collect())
            }
            fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
                tx.$put(self, None)
            }
            fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
                tx.$put(self, Some(expected))
            }
        }
    };
}

/// The firm's settings: one record, filed under the nil id; the feed key is never audited.
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
    fn audited(&self) -> Cow<'_, Self> {
        Cow::Owned(self.without_secrets())
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.put_firm_settings(self, None)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.put_firm_settings(self, Some(expected))
    }
}

// The firm's billing defaults: one record, filed under the nil id.
single_record!(
    FirmBillingSettings,
    "billing settings",
    EntityKind::Firm,
    put_firm_billing_settings,
    |_s| Uuid::nil(),
    None
);
// A user's timer is audited as part of the user's history.
single_record!(
    Timer,
    "timer",
    EntityKind::User,
    put_timer,
    |t| t.user.into(),
    Some(t.matter)
);

// A matter's conflict check is audited in the matter's history; it concerns the matter
// checked and every matter a hit names.
single_record!(
    ConflictCheck,
    "conflict check",
    EntityKind::Matter,
    put_conflict_check,
    |c| c.matter.into(),
    std::iter::once(c.matter).chain(c.hits.iter().filter_map(|h| h.matter))
);

// A matter's rule overrides are audited in the matter's history.
single_record!(
    RuleOverrides,
    "rule overrides",
    EntityKind::Matter,
    put_rule_overrides,
    |o| o.matter.into(),
    Some(o.matter)
);

/// Billing terms are audited in the history of their matter or client.
impl Aggregate for BillingTerms {
    const ENTITY: &'static str = "billing terms";
    const KIND: EntityKind = EntityKind::Matter;
    fn kind(&self) -> EntityKind {
        match self.scope {
            TermsScope::Matter(_) => EntityKind::Matter,
            TermsScope::Client(_) => EntityKind::Contact,
        }
    }
    fn version(&self) -> u64 {
        self.version
    }
    fn bump(&mut self) {
        self.version += 1;
    }
    fn entity_id(&self) -> Uuid {
        match self.scope {
            TermsScope::Matter(m) => m.into(),
            TermsScope::Client(c) => c.into(),
        }
    }
    fn matter_scope(&self, _tx: &dyn ReadTx) -> Result<Vec<MatterId>> {
        Ok(match self.scope {
            TermsScope::Matter(m) => vec![m],
            TermsScope::Client(_) => Vec::new(),
        })
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.put_billing_terms(self, None)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.put_billing_terms(self, Some(expected))
    }
}

/// A matter's workflow is audited as part of the matter's history (filed under the matter).
impl Aggregate for WorkflowProgress {
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
    fn matter_scope(&self, _tx: &dyn ReadTx) -> Result<Vec<MatterId>> {
        Ok(vec![self.matter])
    }
    fn insert(&self, tx: &mut dyn WriteTx) -> Result<()> {
        tx.insert_matter_workflow(self)
    }
    fn update(&self, tx: &mut dyn WriteTx, expected: u64) -> Result<()> {
        tx.update_matter_workflow(self, expected)
    }
}
