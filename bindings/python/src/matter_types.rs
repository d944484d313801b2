//! `Matter` and its parts: `StatusChange`, `TeamMember`, `Party`, `EthicalWall`.

use chrono::{DateTime, NaiveDate, Utc};
use lexcase::access::EthicalWall;
use lexcase::matters::{Matter, Party, StatusChange, TeamMember};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use uuid::Uuid;

use crate::convert::{custom_value_to_py, repr};

/// One step of a matter's status history.
#[pyclass(frozen, eq, module = "lexcase", name = "StatusChange")]
#[derive(Clone, PartialEq)]
pub struct PyStatusChange(pub StatusChange);

#[pymethods]
impl PyStatusChange {
    /// Previous status (`None` at creation).
    #[getter(from_status)]
    fn previous_status(&self) -> Option<&'static str> {
        self.0.from.map(|s| s.as_str())
    }

    /// New status.
    #[getter]
    fn to_status(&self) -> &'static str {
        self.0.to.as_str()
    }

    /// Effective date, in the firm's time zone.
    #[getter]
    fn on(&self) -> NaiveDate {
        self.0.on
    }

    /// When it was recorded (UTC).
    #[getter]
    fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    /// Who recorded it.
    #[getter]
    fn by(&self) -> Uuid {
        self.0.by.into()
    }

    /// Why (recorded for reopenings and archiving).
    #[getter]
    fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["from_status", "to_status", "on", "reason"])
    }
}

/// A member of a matter's team with their matter role (`supervisor`, `fee_earner`,
/// `paralegal`, `secretary`, `other`).
#[pyclass(frozen, eq, hash, module = "lexcase", name = "TeamMember")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyTeamMember(pub TeamMember);

#[pymethods]
impl PyTeamMember {
    /// The user.
    #[getter]
    fn user(&self) -> Uuid {
        self.0.user.into()
    }

    /// Their role on the matter.
    #[getter]
    fn role(&self) -> &'static str {
        self.0.role.as_str()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["user", "role"])
    }
}

/// A contact on a matter in a role (`client`, `opposing_party`, `opposing_counsel`,
/// `co_counsel`, `court`, `judge`, `witness`, `expert`, `lender`, `agent`, `other`),
/// optionally acting for another party.
#[pyclass(frozen, eq, module = "lexcase", name = "Party")]
#[derive(Clone, PartialEq)]
pub struct PyParty(pub Party);

#[pymethods]
impl PyParty {
    /// This party's id on this matter.
    #[getter]
    fn id(&self) -> Uuid {
        self.0.id.into()
    }

    /// The contact.
    #[getter]
    fn contact(&self) -> Uuid {
        self.0.contact.into()
    }

    /// Their role on the matter.
    #[getter]
    fn role(&self) -> &'static str {
        self.0.role.as_str()
    }

    /// The party they act for (counsel for X, agent for Y).
    #[getter]
    fn acting_for(&self) -> Option<Uuid> {
        self.0.acting_for.map(Uuid::from)
    }

    /// Their own reference for the matter.
    #[getter]
    fn reference(&self) -> Option<&str> {
        self.0.reference.as_deref()
    }

    /// When they were added (UTC).
    #[getter]
    fn added_at(&self) -> DateTime<Utc> {
        self.0.added_at
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["id", "contact", "role", "acting_for"])
    }
}

/// An ethical wall: `user` is screened from the matter; for them it does not exist.
#[pyclass(frozen, eq, module = "lexcase", name = "EthicalWall")]
#[derive(Clone, PartialEq)]
pub struct PyEthicalWall(pub EthicalWall);

#[pymethods]
impl PyEthicalWall {
    /// The screened user.
    #[getter]
    fn user(&self) -> Uuid {
        self.0.user.into()
    }

    /// Why (for the compliance file).
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }

    /// Who put the wall up.
    #[getter]
    fn by(&self) -> Uuid {
        self.0.by.into()
    }

    /// When (UTC).
    #[getter]
    fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["user", "reason", "by", "at"])
    }
}

/// A matter (case). `status` is `pending`, `open`, `closed` or `archived`; `billing` is
/// `hourly`, `fixed_fee`, `contingency` or `non_billable`; `visibility` is `firm` or `team`.
#[pyclass(frozen, eq, module = "lexcase", name = "Matter")]
#[derive(PartialEq)]
pub struct PyMatter(pub Matter);

#[pymethods]
impl PyMatter {
    /// Identifier.
    #[getter]
    fn id(&self) -> Uuid {
        self.0.id.into()
    }

    /// The firm's reference number, e.g. `SMI-0042`.
    #[getter]
    fn number(&self) -> &str {
        &self.0.number
    }

    /// Short title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// Longer description.
    #[getter]
    fn description(&self) -> &str {
        &self.0.description
    }

    /// Practice area, e.g. "conveyancing".
    #[getter]
    fn practice_area(&self) -> &str {
        &self.0.practice_area
    }

    /// Lifecycle status.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// Date first opened.
    #[getter]
    fn opened_on(&self) -> Option<NaiveDate> {
        self.0.opened_on
    }

    /// Date last closed (cleared on reopening; the history keeps every date).
    #[getter]
    fn closed_on(&self) -> Option<NaiveDate> {
        self.0.closed_on
    }

    /// Date archived.
    #[getter]
    fn archived_on(&self) -> Option<NaiveDate> {
        self.0.archived_on
    }

    /// Every status change, oldest first.
    #[getter]
    fn status_history(&self) -> Vec<PyStatusChange> {
        self.0
            .status_history
            .iter()
            .cloned()
            .map(PyStatusChange)
            .collect()
    }

    /// Responsible fee earner.
    #[getter]
    fn responsible(&self) -> Uuid {
        self.0.responsible.into()
    }

    /// Originating fee earner (who brought the work in).
    #[getter]
    fn originating(&self) -> Option<Uuid> {
        self.0.originating.map(Uuid::from)
    }

    /// Further team members.
    #[getter]
    fn team(&self) -> Vec<PyTeamMember> {
        self.0.team.iter().copied().map(PyTeamMember).collect()
    }

    /// Clients and other parties.
    #[getter]
    fn parties(&self) -> Vec<PyParty> {
        self.0.parties.iter().cloned().map(PyParty).collect()
    }

    /// The client contacts' ids.
    #[getter]
    fn clients(&self) -> Vec<Uuid> {
        self.0.clients().map(Uuid::from).collect()
    }

    /// Billing arrangement kind.
    #[getter]
    fn billing(&self) -> &'static str {
        self.0.billing.kind.as_str()
    }

    /// ISO 4217 currency the matter is billed in.
    #[getter]
    fn currency(&self) -> &'static str {
        self.0.billing.currency.code()
    }

    /// Custom field values by key (`str`, `int`, `bool`, `Decimal`, `date` or contact `UUID`).
    #[getter]
    fn custom_fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (key, value) in &self.0.custom_fields {
            dict.set_item(key, custom_value_to_py(py, value)?)?;
        }
        Ok(dict)
    }

    /// Named key dates, e.g. "completion".
    #[getter]
    fn key_dates(&self) -> std::collections::BTreeMap<String, NaiveDate> {
        self.0.key_dates.clone()
    }

    /// `firm` (everyone but walled users) or `team` (the team only).
    #[getter]
    fn visibility(&self) -> &'static str {
        self.0.access.visibility.as_str()
    }

    /// Ethical walls screening users from the matter.
    #[getter]
    fn walls(&self) -> Vec<PyEthicalWall> {
        self.0
            .access
            .walls
            .iter()
            .cloned()
            .map(PyEthicalWall)
            .collect()
    }

    /// Who created it.
    #[getter]
    fn created_by(&self) -> Uuid {
        self.0.created_by.into()
    }

    /// When created (UTC).
    #[getter]
    fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Optimistic-concurrency version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["id", "number", "title", "status", "version"],
        )
    }
}
