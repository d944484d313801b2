//! The audit trail (`session.audit`): `AuditEvent`, `FieldChange`, `ChangeBatch`,
//! `AuditVerification` and `BrokenLink`.

use lexcase::audit::{AuditEvent, AuditVerification, BrokenLink, ChangeBatch, FieldChange};
use lexcase::service::Session;
use pyo3::prelude::*;
use uuid::Uuid;

use crate::audit_proof::{PyAuditHead, PyStateVerification};
use crate::convert::{Id, run};
use crate::record::py_record;

py_record! {
    /// One changed field of an audit event: its dotted path and the values before and after, as
    /// plain Python values (`dict`, `list`, `str`, `int`, `bool`, `None`).
    PyFieldChange(FieldChange) as "FieldChange" eq;
    repr(field, before, after);
    |f| {
        /// Dotted path, e.g. `title` or `key_dates.completion`.
        field,
        /// Value before (`None` when the field was added).
        before,
        /// Value after (`None` when the field was removed).
        after,
    }
}

py_record! {
    /// One audit event: who did what to which entity when, and the changed fields; hash-chained
    /// to the previous event.
    PyAuditEvent(AuditEvent) as "AuditEvent" eq;
    repr(seq, action, entity_kind, entity_id, actor, at);
    |a| {
        /// Position in the chain, from 1, gapless, for viewers who may see every event; for others
        /// a pseudonym (the same for the event each time, usable as a cursor, in no order).
        seq,
        /// Identifier.
        id,
        /// When it happened (UTC).
        at,
        /// Who did it.
        actor,
        /// The kind of entity it is about, e.g. `matter`, `document` or `bill` (the stub's
        /// `_EntityKind` lists every kind).
        entity_kind,
        /// The entity's id (the nil UUID for the firm).
        entity_id,
        /// The first matter the change concerns, if any (see `matters`).
        matter = a.matters.first().copied(),
        /// Every matter the change concerns, in the order recorded.
        matters,
        /// What was done, e.g. `matter.created`, `matter.party_added`.
        action,
        /// The changed fields.
        changes,
        /// Hash of the previous event (hex); empty for viewers who may not see every event.
        prev_hash,
        /// SHA-256 (hex) over `prev_hash` and this event; empty for viewers who may not see every
        /// event.
        hash,
    }
}

py_record! {
    /// A page of the change feed: pass `next_cursor` back to `changes_since` while `more`.
    PyChangeBatch(ChangeBatch) as "ChangeBatch" eq;
    |c| {
        /// Events after the cursor that the acting user may see, in order.
        events,
        /// The cursor to pass next time.
        next_cursor,
        /// Whether more events may follow right away.
        more,
    }
    methods {
        fn __repr__(&self) -> String {
            format!(
                "ChangeBatch(events=<{} events>, next_cursor={}, more={})",
                self.0.events.len(),
                self.0.next_cursor,
                if self.0.more { "True" } else { "False" }
            )
        }
    }
}

py_record! {
    /// Where the audit chain first breaks.
    PyBrokenLink(BrokenLink) as "BrokenLink" eq;
    repr(seq, reason);
    |b| {
        /// Sequence number of the first event that does not verify (or where one is missing).
        seq,
        /// What is wrong there.
        reason,
    }
}

py_record! {
    /// The outcome of verifying the audit hash chain.
    PyAuditVerification(AuditVerification) as "AuditVerification" eq;
    repr(is_intact, events_checked, first_broken, key_needed_from);
    |a| {
        /// Whether the whole chain verifies.
        is_intact = a.is_intact(),
        /// How many events were checked.
        events_checked,
        /// The first broken link, or `None`.
        first_broken,
        /// The first event sealed with the firm's audit key when the firm was opened without it
        /// (it and the events after it were not checked), or `None`.
        key_needed_from,
        /// The first event checked that is sealed with the audit key, or `None`.
        keyed_from,
    }
}

/// The audit trail and change feed (`session.audit`). Events about matters the acting user
/// may not see are left out.
#[pyclass(frozen, module = "lexcase", name = "AuditService")]
pub struct PyAuditService(pub Session);

#[pymethods]
impl PyAuditService {
    /// Verifies the whole hash chain (needs `view_audit`) and names the first broken link;
    /// with `expected_head` (a head exported earlier and kept outside the file) also that the
    /// chain still passes through it unchanged.
    #[pyo3(signature = (expected_head=None))]
    fn verify(
        &self,
        py: Python<'_>,
        expected_head: Option<PyRef<'_, PyAuditHead>>,
    ) -> PyResult<PyAuditVerification> {
        let anchor = expected_head.map(|h| h.0.clone());
        run(py, || match &anchor {
            Some(anchor) => self.0.audit().verify_against(anchor),
            None => self.0.audit().verify(),
        })
        .map(PyAuditVerification)
    }

    /// The head of the chain to anchor outside the file, or `None` before the first event
    /// (needs `view_audit`).
    fn head(&self, py: Python<'_>) -> PyResult<Option<PyAuditHead>> {
        run(py, || self.0.audit().head()).map(|h| h.map(PyAuditHead))
    }

    /// Compares the stored rows (users, contacts, matters, time, expenses, bills, payments,
    /// client money) with the replay of their audit events and lists the rows no event
    /// explains (needs `view_audit`).
    fn verify_state(&self, py: Python<'_>) -> PyResult<PyStateVerification> {
        run(py, || self.0.audit().verify_state()).map(PyStateVerification)
    }

    /// The history of one entity (the id of a matter, contact, user, task, note, document,
    /// appointment or communication; the firm's settings with the nil UUID), oldest first.
    fn history(&self, py: Python<'_>, entity_id: Id<Uuid>) -> PyResult<Vec<PyAuditEvent>> {
        let events = run(py, || self.0.audit().history(entity_id.0))?;
        Ok(events.into_iter().map(PyAuditEvent).collect())
    }

    /// Events after `cursor` (0 for the beginning) that the acting user may see, in order, at
    /// most `limit` (1 to 1000).
    #[pyo3(signature = (cursor=0, limit=100))]
    fn changes_since(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::cursor)] cursor: u64,
        #[pyo3(from_py_with = crate::ints::limit_u32)] limit: u32,
    ) -> PyResult<PyChangeBatch> {
        run(py, || self.0.audit().changes_since(cursor, limit)).map(PyChangeBatch)
    }
}
