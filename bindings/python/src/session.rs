//! `Session`: work done by one acting user, through its namespaces.

use lexcase::service::Session;
use pyo3::prelude::*;
use uuid::Uuid;

use crate::appointments::PyAppointmentService;
use crate::audit::PyAuditService;
use crate::billing::{PyBillService, PyClientMoneyService, PyPaymentService, PyReportService};
use crate::communications::PyCommunicationService;
use crate::compliance::PyComplianceService;
use crate::conflicts::PyConflictService;
use crate::contacts::PyContactService;
use crate::docket::PyDocketService;
use crate::documents::PyDocumentService;
use crate::interchange::PyInterchangeService;
use crate::matters::PyMatterService;
use crate::notes::PyNoteService;
use crate::settings::PySettingsService;
use crate::tasks::PyTaskService;
use crate::templates::PyTemplateService;
use crate::time::PyTimeService;
use crate::users::PyUserService;
use crate::workflow::PyWorkflowService;

/// Work done by one acting user. Every call re-reads the user, so a role change or
/// deactivation takes effect at once. Cheap; share it between threads.
#[pyclass(frozen, module = "lexcase", name = "Session")]
pub struct PySession(pub Session);

#[pymethods]
impl PySession {
    /// The acting user's id.
    #[getter]
    fn actor_id(&self) -> Uuid {
        self.0.actor_id().into()
    }

    /// The firm's users.
    #[getter]
    fn users(&self) -> PyUserService {
        PyUserService(self.0.clone())
    }

    /// Contacts: people and organisations.
    #[getter]
    fn contacts(&self) -> PyContactService {
        PyContactService(self.0.clone())
    }

    /// Matters, their parties, team, lifecycle and access.
    #[getter]
    fn matters(&self) -> PyMatterService {
        PyMatterService(self.0.clone())
    }

    /// The audit trail and change feed.
    #[getter]
    fn audit(&self) -> PyAuditService {
        PyAuditService(self.0.clone())
    }

    /// Firm settings and custom-field definitions.
    #[getter]
    fn settings(&self) -> PySettingsService {
        PySettingsService(self.0.clone())
    }

    /// Workflow of matters: templates, checklists, stage moves and reports.
    #[getter]
    fn workflow(&self) -> PyWorkflowService {
        PyWorkflowService(self.0.clone())
    }

    /// Tasks for the team, on matters or on none.
    #[getter]
    fn tasks(&self) -> PyTaskService {
        PyTaskService(self.0.clone())
    }

    /// Notes on matters and contacts, with their earlier versions and full-text search.
    #[getter]
    fn notes(&self) -> PyNoteService {
        PyNoteService(self.0.clone())
    }

    /// Documents on matters: versions, status, verified contents and full-text search.
    #[getter]
    fn documents(&self) -> PyDocumentService {
        PyDocumentService(self.0.clone())
    }

    /// The calendar: appointments, meetings, hearings and calls, single or recurring.
    #[getter]
    fn appointments(&self) -> PyAppointmentService {
        PyAppointmentService(self.0.clone())
    }

    /// The communication log: recorded calls, letters and meetings, ingested email, the
    /// unfiled queue.
    #[getter]
    fn communications(&self) -> PyCommunicationService {
        PyCommunicationService(self.0.clone())
    }

    /// The docket: deadlines computed from court and statutory rules, with their traces,
    /// chains, register and reminders.
    #[getter]
    fn docket(&self) -> PyDocketService {
        PyDocketService(self.0.clone())
    }

    /// Interchange: calendars as iCalendar, contacts as vCard.
    #[getter]
    fn interchange(&self) -> PyInterchangeService {
        PyInterchangeService(self.0.clone())
    }

    /// Time and expenses, the timer, billing terms and the firm's billing settings.
    #[getter]
    fn time(&self) -> PyTimeService {
        PyTimeService(self.0.clone())
    }

    /// Bills: drafting, approval, issue, credit notes and exports.
    #[getter]
    fn bills(&self) -> PyBillService {
        PyBillService(self.0.clone())
    }

    /// Payments from clients, statements of account and aged debt.
    #[getter]
    fn payments(&self) -> PyPaymentService {
        PyPaymentService(self.0.clone())
    }

    /// Client money: ledgers, reversals and reconciliation.
    #[getter]
    fn client_money(&self) -> PyClientMoneyService {
        PyClientMoneyService(self.0.clone())
    }

    /// Reports: hours, work in progress, client-money balances.
    #[getter]
    fn reports(&self) -> PyReportService {
        PyReportService(self.0.clone())
    }

    /// Conflict checks: searches over contacts, parties and affiliates, the check stored on
    /// each matter with a decision per hit.
    #[getter]
    fn conflicts(&self) -> PyConflictService {
        PyConflictService(self.0.clone())
    }

    /// Compliance rules: packs in force, findings on a matter or a sweep, overrides.
    #[getter]
    fn compliance(&self) -> PyComplianceService {
        PyComplianceService(self.0.clone())
    }

    /// Document and email templates, the merge fields they may name, the letterhead.
    #[getter]
    fn templates(&self) -> PyTemplateService {
        PyTemplateService(self.0.clone())
    }

    fn __repr__(&self) -> String {
        format!("Session(actor_id=UUID('{}'))", self.0.actor_id())
    }
}
