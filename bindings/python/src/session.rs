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

/// The session's class: `actor_id`, a `repr`, and one property per namespace, the service
/// class over the same session.
macro_rules! namespaces {
    ($($(#[$doc:meta])* $name:ident: $service:ident,)*) => {
        #[pymethods]
        impl PySession {
            /// The acting user's id.
            #[getter]
            fn actor_id(&self) -> Uuid {
                self.0.actor_id().into()
            }

            $(
                $(#[$doc])*
                #[getter]
                fn $name(&self) -> $service {
                    $service(self.0.clone())
                }
            )*

            fn __repr__(&self) -> String {
                format!("Session(actor_id=UUID('{}'))", self.0.actor_id())
            }
        }
    };
}

namespaces! {
    /// The firm's users.
    users: PyUserService,
    /// Contacts: people and organisations.
    contacts: PyContactService,
    /// Matters, their parties, team, lifecycle and access.
    matters: PyMatterService,
    /// The audit trail and change feed.
    audit: PyAuditService,
    /// Firm settings and custom-field definitions.
    settings: PySettingsService,
    /// Workflow of matters: templates, checklists, stage moves and reports.
    workflow: PyWorkflowService,
    /// Tasks for the team, on matters or on none.
    tasks: PyTaskService,
    /// Notes on matters and contacts, with their earlier versions and full-text search.
    notes: PyNoteService,
    /// Documents on matters: versions, status, verified contents and full-text search.
    documents: PyDocumentService,
    /// The calendar: appointments, meetings, hearings and calls, single or recurring.
    appointments: PyAppointmentService,
    /// The communication log: recorded calls, letters and meetings, ingested email, the
    /// unfiled queue.
    communications: PyCommunicationService,
    /// The docket: deadlines computed from court and statutory rules, with their traces,
    /// chains, register and reminders.
    docket: PyDocketService,
    /// Interchange: calendars as iCalendar, contacts as vCard.
    interchange: PyInterchangeService,
    /// Time and expenses, the timer, billing terms and the firm's billing settings.
    time: PyTimeService,
    /// Bills: drafting, approval, issue, credit notes and exports.
    bills: PyBillService,
    /// Payments from clients, statements of account and aged debt.
    payments: PyPaymentService,
    /// Client money: ledgers, reversals and reconciliation.
    client_money: PyClientMoneyService,
    /// Reports: hours, work in progress, client-money balances.
    reports: PyReportService,
    /// Conflict checks: searches over contacts, parties and affiliates, the check stored on
    /// each matter with a decision per hit.
    conflicts: PyConflictService,
    /// Compliance rules: packs in force, findings on a matter or a sweep, overrides.
    compliance: PyComplianceService,
    /// Document and email templates, the merge fields they may name, the letterhead.
    templates: PyTemplateService,
}
