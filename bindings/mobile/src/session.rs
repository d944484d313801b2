//! A session: the work of one acting user, grouped in namespaces.

use std::sync::Arc;

use uuid::Uuid;

use crate::services::{
    AppointmentService, AuditService, BillService, ClientMoneyService, CommunicationService,
    ComplianceService, ConflictService, ContactService, DocketService, DocumentService,
    InterchangeService, MatterService, NoteService, PaymentService, ReportService, SettingsService,
    TaskService, TemplateService, TimeService, UserService, WorkflowService,
};

/// Work done by one acting user. Every call re-reads the user, so a role change or
/// deactivation takes effect at once.
#[derive(Debug, uniffi::Object)]
pub struct Session {
    session: lexcase::service::Session,
}

impl From<lexcase::service::Session> for Session {
    fn from(session: lexcase::service::Session) -> Self {
        Self { session }
    }
}

#[uniffi::export]
impl Session {
    /// The acting user's id.
    pub fn actor_id(&self) -> Uuid {
        self.session.actor_id().into()
    }

    /// Users of the firm.
    pub fn users(&self) -> Arc<UserService> {
        Arc::new(UserService::new(self.session.clone()))
    }

    /// Contacts.
    pub fn contacts(&self) -> Arc<ContactService> {
        Arc::new(ContactService::new(self.session.clone()))
    }

    /// Matters, their parties, team and access.
    pub fn matters(&self) -> Arc<MatterService> {
        Arc::new(MatterService::new(self.session.clone()))
    }

    /// The audit trail and change feed.
    pub fn audit(&self) -> Arc<AuditService> {
        Arc::new(AuditService::new(self.session.clone()))
    }

    /// Firm settings and custom-field definitions.
    pub fn settings(&self) -> Arc<SettingsService> {
        Arc::new(SettingsService::new(self.session.clone()))
    }

    /// Workflow of matters: templates, checklists, stage moves and reports.
    pub fn workflow(&self) -> Arc<WorkflowService> {
        Arc::new(WorkflowService::new(self.session.clone()))
    }

    /// Tasks and their views.
    pub fn tasks(&self) -> Arc<TaskService> {
        Arc::new(TaskService::new(self.session.clone()))
    }

    /// Notes on matters and contacts, their history and search.
    pub fn notes(&self) -> Arc<NoteService> {
        Arc::new(NoteService::new(self.session.clone()))
    }

    /// Documents filed to matters: versions, status, verified contents and search.
    pub fn documents(&self) -> Arc<DocumentService> {
        Arc::new(DocumentService::new(self.session.clone()))
    }

    /// Document and email templates, the merge fields they may name, the letterhead.
    pub fn templates(&self) -> Arc<TemplateService> {
        Arc::new(TemplateService::new(self.session.clone()))
    }

    /// The calendar: appointments, hearings and meetings, agendas and clashes.
    pub fn appointments(&self) -> Arc<AppointmentService> {
        Arc::new(AppointmentService::new(self.session.clone()))
    }

    /// The docket: deadlines computed from court and statutory rules, the register and
    /// reminders.
    pub fn docket(&self) -> Arc<DocketService> {
        Arc::new(DocketService::new(self.session.clone()))
    }

    /// Interchange: calendars as iCalendar, contacts as vCard 4.0 and back.
    pub fn interchange(&self) -> Arc<InterchangeService> {
        Arc::new(InterchangeService::new(self.session.clone()))
    }

    /// The communication log: recorded calls and letters, ingested email, the unfiled queue.
    pub fn communications(&self) -> Arc<CommunicationService> {
        Arc::new(CommunicationService::new(self.session.clone()))
    }

    /// Time and expenses: recording, the timer, billing terms and the firm's billing settings.
    pub fn time(&self) -> Arc<TimeService> {
        Arc::new(TimeService::new(self.session.clone()))
    }

    /// Bills: drafting, discounts, approval, issue, void, credit notes, exports.
    pub fn bills(&self) -> Arc<BillService> {
        Arc::new(BillService::new(self.session.clone()))
    }

    /// Payments, write-offs, statements of account and aged debt.
    pub fn payments(&self) -> Arc<PaymentService> {
        Arc::new(PaymentService::new(self.session.clone()))
    }

    /// Client money (trust): the ledger, the overdraw guard, reconciliation.
    pub fn client_money(&self) -> Arc<ClientMoneyService> {
        Arc::new(ClientMoneyService::new(self.session.clone()))
    }

    /// Management reports: hours, work in progress, client-money balances.
    pub fn reports(&self) -> Arc<ReportService> {
        Arc::new(ReportService::new(self.session.clone()))
    }

    /// Conflict checks: searches, the check stored on a matter, decisions about its hits.
    pub fn conflicts(&self) -> Arc<ConflictService> {
        Arc::new(ConflictService::new(self.session.clone()))
    }

    /// Compliance rules: packs in force, firm packs, findings, sweeps and overrides.
    pub fn compliance(&self) -> Arc<ComplianceService> {
        Arc::new(ComplianceService::new(self.session.clone()))
    }
}
