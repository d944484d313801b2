//! Services: the use cases, each run for an acting user.
//!
//! [`Firm`] opens sessions; a [`Session`] carries the acting user and offers namespaces —
//! [`Session::users`], [`Session::contacts`], [`Session::matters`], [`Session::audit`],
//! [`Session::settings`], [`Session::workflow`]. Every command checks the actor's capability and the matter's
//! visibility, validates, applies the domain, and writes the state and its audit event in one
//! transaction.

mod aggregate;
mod appointments;
mod audit;
mod audit_filter;
mod audit_proof;
mod audit_state;
mod bill_drafting;
mod bill_exports;
mod billing_terms;
mod bills;
mod client_money;
mod communications;
mod compliance;
mod compliance_sweep;
mod conflict_search;
mod conflicts;
mod contacts;
mod context;
mod disclosure;
mod docket;
mod docket_dates;
mod documents;
mod facts_from_rows;
mod firm;
mod interchange;
mod matters;
mod merge_model;
mod notes;
mod outbound_mail;
mod payments;
mod reactions;
mod rendering;
mod reports;
mod rule_facts;
mod rule_gate;
mod settings;
mod task_dates;
mod tasks;
mod templates;
mod time;
mod users;
mod workflow;

pub use appointments::AppointmentService;
pub use audit::AuditService;
pub use bills::{BillService, DraftRequest};
pub use client_money::{ClientMoneyService, ReconciliationDue};
pub use communications::{CORRESPONDENCE, CommunicationService, IngestOutcome};
pub use compliance::{ComplianceService, MatterCompliance, MatterFinding};
pub use conflicts::ConflictService;
pub use contacts::ContactService;
pub use docket::DocketService;
pub use documents::DocumentService;
pub use firm::{Firm, Session};
pub use interchange::InterchangeService;
pub use matters::{MatterFilter, MatterService};
pub use notes::NoteService;
pub use outbound_mail::SentEmail;
pub use payments::PaymentService;
pub use rendering::{FileAs, RenderRequest, RenderSubject};
pub use reports::ReportService;
pub use settings::{SettingsChanges, SettingsService};
pub use tasks::TaskService;
pub use templates::TemplateService;
pub use time::TimeService;
pub use users::UserService;
pub use workflow::{StageMoveResult, WorkflowService};
