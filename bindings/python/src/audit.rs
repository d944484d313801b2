//! The audit trail (`session.audit`): `AuditEvent`, `FieldChange`, `ChangeBatch`,
//! `AuditVerification` and `BrokenLink`.

use chrono::{DateTime, Utc};
use lexcase::audit::{AuditEvent, AuditVerification, BrokenLink, ChangeBatch, FieldChange};
use lexcase::service::Session;
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::{Id, json_to_py, repr, run};

/// One changed field of an audit event: its dotted path and the values before and after, as
/// plain Python values (`dict`, `list`, `str`, `int`, `bool`, `None`).
#[pyclass(frozen, eq, module = "lexcase", name = "FieldChange")]
#[derive(Clone, PartialEq)]
pub struct PyFieldChange(pub FieldChange);

#[pymethods]
impl PyFieldChange {
    /// Dotted path, e.g. `title` or `key_dates.completion`.
    #[getter]
    fn field(&self) -> &str {
        &self.0.field
    }

    /// Value before (`None` when the field was added).
    #[getter]
    fn before<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(
            py,
            self.0.before.as_ref().unwrap_or(&serde_json::Value::Null),
        )
    }

    /// Value after (`None` when the field was removed).
    #[getter]
    fn after<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(
            py,
            self.0.after.as_ref().unwrap_or(&serde_json::Value::Null),
        )
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["field", "before", "after"])
    }
}

/// One audit event: who did what to which entity when, and the changed fields; hash-chained
/// to the previous event.
#[pyclass(frozen, eq, module = "lexcase", name = "AuditEvent")]
#[derive(Clone, PartialEq)]
pub struct PyAuditEvent(pub AuditEvent);

#[pymethods]
impl PyAuditEvent {
    /// Position in the chain, from 1, gapless.
    #[getter]
    fn seq(&self) -> u64 {
        self.0.seq
    }

    /// Identifier.
    #[getter]
    fn id(&self) -> Uuid {
        self.0.id.into()
    }

    /// When it happened (UTC).
    #[getter]
    fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    /// Who did it.
    #[getter]
    fn actor(&self) -> Uuid {
        self.0.actor.into()
    }

    /// `firm`, `user`, `contact`, `matter`, `task`, `note`, `document`, `appointment`,
    /// `deadline` or `communication`.
    #[getter]
    fn entity_kind(&self) -> &'static str {
        self.0.entity_kind.as_str()
    }

    /// The entity's id (the nil UUID for the firm).
    #[getter]
    fn entity_id(&self) -> Uuid {
        self.0.entity_id
    }

    /// The first matter the change concerns, if any (see `matters`).
    #[getter]
    fn matter(&self) -> Option<Uuid> {
        self.0.matters.first().copied().map(Uuid::from)
    }

    /// Every matter the change concerns, in the order recorded.
    #[getter]
    fn matters(&self) -> Vec<Uuid> {
        self.0.matters.iter().copied().map(Uuid::from).collect()
    }

    /// What was done, e.g. `matter.created`, `matter.party_added`.
    #[getter]
    fn action(&self) -> &str {
        &self.0.action
    }

    /// The changed fields.
    #[getter]
    fn changes(&self) -> Vec<PyFieldChange> {
        self.0.changes.iter().cloned().map(PyFieldChange).collect()
    }

    /// Hash of the previous event (hex).
    #[getter]
    fn prev_hash(&self) -> &str {
        &self.0.prev_hash
    }

    /// SHA-256 (hex) over `prev_hash` and this event.
    #[getter]
    fn hash(&self) -> &str {
        &self.0.hash
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["seq", "action", "entity_kind", "entity_id", "actor", "at"],
        )
    }
}

/// A page of the change feed: pass `next_cursor` back to `changes_since` while `more`.
#[pyclass(frozen, eq, module = "lexcase", name = "ChangeBatch")]
#[derive(PartialEq)]
pub struct PyChangeBatch(pub ChangeBatch);

#[pymethods]
impl PyChangeBatch {
    /// Events after the cursor that the acting user may see, in order.
    #[getter]
    fn events(&self) -> Vec<PyAuditEvent> {
        self.0.events.iter().cloned().map(PyAuditEvent).collect()
    }

    /// The cursor to pass next time.
    #[getter]
    fn next_cursor(&self) -> u64 {
        self.0.next_cursor
    }

    /// Whether more events may follow right away.
    #[getter]
    fn more(&self) -> bool {
        self.0.more
    }

    fn __repr__(&self) -> String {
        format!(
            "ChangeBatch(events=<{} events>, next_cursor={}, more={})",
            self.0.events.len(),
            self.0.next_cursor,
            if self.0.more { "True" } else { "False" }
        )
    }
}

/// Where the audit chain first breaks.
#[pyclass(frozen, eq, module = "lexcase", name = "BrokenLink")]
#[derive(Clone, PartialEq)]
pub struct PyBrokenLink(pub BrokenLink);

#[pymethods]
impl PyBrokenLink {
    /// Sequence number of the first event that does not verify (or where one is missing).
    #[getter]
    fn seq(&self) -> u64 {
        self.0.seq
    }

    /// What is wrong there.
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["seq", "reason"])
    }
}

/// The outcome of verifying the audit hash chain.
#[pyclass(frozen, eq, module = "lexcase", name = "AuditVerification")]
#[derive(PartialEq)]
pub struct PyAuditVerification(pub AuditVerification);

#[pymethods]
impl PyAuditVerification {
    /// Whether the whole chain verifies.
    #[getter]
    fn is_intact(&self) -> bool {
        self.0.is_intact()
    }

    /// How many events were checked.
    #[getter]
    fn events_checked(&self) -> u64 {
        self.0.events_checked
    }

    /// The first broken link, or `None`.
    #[getter]
    fn first_broken(&self) -> Option<PyBrokenLink> {
        self.0.first_broken.clone().map(PyBrokenLink)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["is_intact", "events_checked", "first_broken"],
        )
    }
}

/// The audit trail and change feed (`session.audit`). Events about matters the acting user
/// may not see are left out.
#[pyclass(frozen, module = "lexcase", name = "AuditService")]
pub struct PyAuditService(pub Session);

#[pymethods]
impl PyAuditService {
    /// Verifies the whole hash chain (needs `view_audit`) and names the first broken link.
    fn verify(&self, py: Python<'_>) -> PyResult<PyAuditVerification> {
        run(py, || self.0.audit().verify()).map(PyAuditVerification)
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
