//! The one rule for what a viewer may see of anything that concerns matters: an audit event,
//! a bill, a payment, a client-money ledger, a conflict hit, a line of an aggregate.
//!
//! A record that concerns several matters is shown only to a viewer who may see **every** one
//! of them ([`crate::access::Viewer::can_see`] for each); otherwise it does not exist for
//! them, and neither do amounts that include it. The matters hidden from the viewer (behind a
//! wall, or team-only and not on the team) are read from the store once per call — a small
//! set — so deciding about a thousand events or ledgers costs one query, not one per record.
//!
//! What a record concerns:
//! - a matter-scoped record (task, note, document, deadline, time, expense, client-money
//!   entry, calendar entry, workflow): its matter;
//! - a bill: all its matters; a payment: the matters of the bills it is allocated to;
//! - a communication: the matter it is filed to, or while unfiled the candidates it names;
//! - a conflict check: the matter checked and every matter a hit names;
//! - an audit event: the matters it recorded, and for an entity whose matters can change
//!   after the event (a communication filed later, a payment allocated later) its matters now
//!   (and a bill's, for events written when they named only its first matter).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use crate::access::Viewer;
use crate::bills::Payment;
use crate::error::{LexcaseError, Result};
use crate::ids::{BillId, MatterId};
use crate::store::ReadTx;

/// What one viewer may see, decided per call with what it has read cached.
pub(crate) struct Disclosure<'t> {
    tx: &'t dyn ReadTx,
    viewer: Viewer,
    hidden: RefCell<Option<HashSet<MatterId>>>,
    bills: RefCell<HashMap<BillId, Vec<MatterId>>>,
}

impl<'t> Disclosure<'t> {
    /// The rule for `viewer`, reading from `tx`.
    pub fn new(tx: &'t dyn ReadTx, viewer: Viewer) -> Self {
        Self {
            tx,
            viewer,
            hidden: RefCell::new(None),
            bills: RefCell::new(HashMap::new()),
        }
    }

    /// Runs `f` over the set of hidden matters, reading it on first use.
    fn with_hidden<R>(&self, f: impl FnOnce(&HashSet<MatterId>) -> R) -> Result<R> {
        let mut slot = self.hidden.borrow_mut();
        if slot.is_none() {
            let hidden = self.tx.matters_hidden_from(&self.viewer)?;
            *slot = Some(hidden.into_iter().collect());
        }
        Ok(f(slot.get_or_insert_with(HashSet::new)))
    }

    /// Whether the viewer may see every matter of the firm (nothing is hidden from them).
    pub fn hides_nothing(&self) -> Result<bool> {
        self.with_hidden(HashSet::is_empty)
    }

    /// Whether the viewer may see `matter`.
    pub fn sees(&self, matter: MatterId) -> Result<bool> {
        self.with_hidden(|hidden| !hidden.contains(&matter))
    }

    /// Whether the viewer may see every one of `matters` (true for none).
    pub fn sees_all<'a>(&self, matters: impl IntoIterator<Item = &'a MatterId>) -> Result<bool> {
        self.with_hidden(|hidden| matters.into_iter().all(|m| !hidden.contains(m)))
    }

    /// Refuses, as if `entity` did not exist, unless the viewer may see every one of `matters`:
    /// a hidden record and a missing one give the same error.
    pub fn require_all<'a>(
        &self,
        matters: impl IntoIterator<Item = &'a MatterId>,
        entity: &'static str,
    ) -> Result<()> {
        if self.sees_all(matters)? {
            Ok(())
        } else {
            Err(LexcaseError::not_found(entity))
        }
    }

    /// The matters of a bill (none if it does not exist), cached.
    pub fn bill_matters(&self, bill: BillId) -> Result<Vec<MatterId>> {
        if let Some(known) = self.bills.borrow().get(&bill) {
            return Ok(known.clone());
        }
        let matters = self.tx.bill(bill)?.map(|b| b.matters).unwrap_or_default();
        self.bills.borrow_mut().insert(bill, matters.clone());
        Ok(matters)
    }

    /// The matters a payment concerns: those of the bills it is allocated to.
    pub fn payment_matters(&self, payment: &Payment) -> Result<Vec<MatterId>> {
        let mut out = Vec::new();
        for allocation in &payment.allocations {
            out.extend(self.bill_matters(allocation.bill)?);
        }
        Ok(dedup(out))
    }

    /// Whether the viewer may see a payment: every matter of every bill it pays.
    pub fn sees_payment(&self, payment: &Payment) -> Result<bool> {
        self.sees_all(&self.payment_matters(payment)?)
    }
}

/// The matters a payment concerns, read without a viewer (for recording its events).
pub(crate) fn payment_matters(tx: &dyn ReadTx, payment: &Payment) -> Result<Vec<MatterId>> {
    let mut out = Vec::new();
    for allocation in &payment.allocations {
        if let Some(bill) = tx.bill(allocation.bill)? {
            out.extend(bill.matters);
        }
    }
    Ok(dedup(out))
}

/// `matters` without repeats, in first-seen order.
pub(crate) fn dedup(matters: Vec<MatterId>) -> Vec<MatterId> {
    let mut seen = HashSet::new();
    matters.into_iter().filter(|m| seen.insert(*m)).collect()
}
