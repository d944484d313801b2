//! Python bindings for lexcase.
//!
//! This crate builds the native module `lexcase._lexcase`; the pure-Python package `lexcase`
//! (in `python/lexcase/`) re-exports it. Bindings stay thin: each exported method converts its
//! arguments, calls one core service method with the GIL released, and converts the result.
//! No business rule lives here.
//!
//! One file per concern: [`firm`] (`open`, `Firm`), [`session`], one per namespace
//! ([`users`], [`contacts`], [`matters`], [`audit`], [`settings`], [`workflow`], [`tasks`],
//! [`notes`], [`documents`], [`appointments`], [`communications`], [`docket`],
//! [`interchange`], [`conflicts`], [`compliance`]) with the result classes of contacts, matters, workflow, tasks, notes,
//! documents, appointments, communications, the docket (with rule packs), conflict checks and
//! compliance (with compliance packs) beside them, [`page`], shared conversions in [`convert`] and the
//! exceptions in [`errors`].

// A Python method with keyword arguments is a Rust function with one parameter per argument.
#![allow(clippy::too_many_arguments)]

use pyo3::prelude::*;

pub mod appointment_types;
pub mod appointments;
mod archive;
pub mod audit;
mod audit_proof;
mod backends;
pub mod bill_types;
pub mod billing;
pub mod communication_types;
pub mod communications;
pub mod compliance;
pub mod compliance_types;
pub mod conflict_types;
pub mod conflicts;
pub mod contact_types;
pub mod contacts;
mod convert;
pub mod docket;
pub mod docket_types;
pub mod document_types;
pub mod documents;
pub mod errors;
pub mod firm;
pub mod interchange;
mod ints;
mod mail_sender;
pub mod matter_types;
pub mod matters;
mod money_args;
pub mod note_types;
pub mod notes;
pub mod outbound_types;
pub mod page;
mod progress;
pub mod recheck_types;
mod record;
pub mod render_request;
pub mod rule_version_types;
pub mod session;
pub mod settings;
pub mod task_types;
pub mod tasks;
pub mod template_types;
pub mod templates;
pub mod time;
pub mod time_types;
pub mod users;
pub mod workflow;
pub mod workflow_types;

pub use errors::{
    ConflictError, DeliveryError, IncompatibleDatabaseError, IntegrityError,
    InvalidTransitionError, LexcaseError, NotFoundError, PermissionDeniedError, StaleVersionError,
    StorageError, TemplateError, ValidationError,
};

/// The version of the lexcase engine, e.g. `"0.1.0"`.
#[pyfunction]
fn version() -> &'static str {
    lexcase::VERSION
}

/// The native module `lexcase._lexcase`.
#[pymodule(name = "_lexcase")]
fn lexcase_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(firm::open, m)?)?;
    m.add_function(wrap_pyfunction!(backends::migrate_postgres, m)?)?;
    m.add_function(wrap_pyfunction!(docket_types::rule_pack_from_toml, m)?)?;
    m.add_function(wrap_pyfunction!(docket_types::rule_pack_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(docket_types::builtin_rule_packs, m)?)?;
    m.add_function(wrap_pyfunction!(docket_types::builtin_rule_by_id, m)?)?;
    m.add_function(wrap_pyfunction!(time::parse_duration, m)?)?;
    m.add_function(wrap_pyfunction!(time::format_duration, m)?)?;
    m.add_function(wrap_pyfunction!(time::utbms_code, m)?)?;
    m.add_function(wrap_pyfunction!(conflict_types::soundex, m)?)?;
    m.add_function(wrap_pyfunction!(conflict_types::score_names, m)?)?;
    m.add_function(wrap_pyfunction!(
        compliance_types::compliance_pack_from_toml,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(
        compliance_types::compliance_pack_from_json,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(
        compliance_types::builtin_compliance_packs,
        m
    )?)?;
    errors::register(m)?;
    m.add_class::<firm::PyFirm>()?;
    m.add_class::<session::PySession>()?;
    m.add_class::<users::PyUserService>()?;
    m.add_class::<contacts::PyContactService>()?;
    m.add_class::<matters::PyMatterService>()?;
    m.add_class::<audit::PyAuditService>()?;
    m.add_class::<settings::PySettingsService>()?;
    m.add_class::<workflow::PyWorkflowService>()?;
    m.add_class::<tasks::PyTaskService>()?;
    m.add_class::<notes::PyNoteService>()?;
    m.add_class::<documents::PyDocumentService>()?;
    m.add_class::<templates::PyTemplateService>()?;
    m.add_class::<template_types::PyDocumentTemplate>()?;
    m.add_class::<template_types::PyLetterhead>()?;
    m.add_class::<template_types::PyRenderedDocument>()?;
    m.add_class::<outbound_types::PyRecipient>()?;
    m.add_class::<outbound_types::PyOutgoingAttachment>()?;
    m.add_class::<outbound_types::PyMailbox>()?;
    m.add_class::<outbound_types::PyComposedAttachment>()?;
    m.add_class::<outbound_types::PyComposedEmail>()?;
    m.add_class::<outbound_types::PySentEmail>()?;
    m.add_class::<appointments::PyAppointmentService>()?;
    m.add_class::<communications::PyCommunicationService>()?;
    m.add_class::<docket::PyDocketService>()?;
    m.add_class::<interchange::PyInterchangeService>()?;
    m.add_class::<time::PyTimeService>()?;
    m.add_class::<page::PyPage>()?;
    m.add_class::<billing::PyBillService>()?;
    m.add_class::<billing::PyPaymentService>()?;
    m.add_class::<billing::PyClientMoneyService>()?;
    m.add_class::<billing::PyReportService>()?;
    m.add_class::<bill_types::PyBill>()?;
    m.add_class::<bill_types::PyBillLine>()?;
    m.add_class::<bill_types::PyBillTotals>()?;
    m.add_class::<bill_types::PyPayment>()?;
    m.add_class::<bill_types::PyStatementEntry>()?;
    m.add_class::<bill_types::PyStatementOfAccount>()?;
    m.add_class::<bill_types::PyAgedDebt>()?;
    m.add_class::<bill_types::PyClientMoneyEntry>()?;
    m.add_class::<bill_types::PyLedgerBalance>()?;
    m.add_class::<bill_types::PyReconciliationRecord>()?;
    m.add_class::<bill_types::PyReconciliationDifference>()?;
    m.add_class::<bill_types::PyReconciliationDue>()?;
    m.add_class::<bill_types::PyFeeEarnerHours>()?;
    m.add_class::<bill_types::PyWorkInProgress>()?;
    m.add_class::<time_types::PyTimeEntry>()?;
    m.add_class::<time_types::PyNewTimeEntry>()?;
    m.add_class::<time_types::PyTimer>()?;
    m.add_class::<time_types::PyExpense>()?;
    m.add_class::<time_types::PyBillingTerms>()?;
    m.add_class::<time_types::PyFirmBillingSettings>()?;
    m.add_class::<time_types::PyRoundingPolicy>()?;
    m.add_class::<time_types::PyCodePolicy>()?;
    m.add_class::<time_types::PyUtbmsCode>()?;
    m.add_class::<users::PyUser>()?;
    m.add_class::<contact_types::PyContact>()?;
    m.add_class::<contact_types::PyEmail>()?;
    m.add_class::<contact_types::PyPhone>()?;
    m.add_class::<contact_types::PyPostalAddress>()?;
    m.add_class::<contact_types::PyIdentifier>()?;
    m.add_class::<contact_types::PyAffiliation>()?;
    m.add_class::<contact_types::PyIdentityVerification>()?;
    m.add_class::<matter_types::PyMatter>()?;
    m.add_class::<matter_types::PyStatusChange>()?;
    m.add_class::<matter_types::PyTeamMember>()?;
    m.add_class::<matter_types::PyParty>()?;
    m.add_class::<matter_types::PyEthicalWall>()?;
    m.add_class::<settings::PyFirmSettings>()?;
    m.add_class::<settings::PyCustomFieldDefinition>()?;
    m.add_class::<audit::PyAuditEvent>()?;
    m.add_class::<audit::PyFieldChange>()?;
    m.add_class::<audit::PyChangeBatch>()?;
    m.add_class::<audit::PyAuditVerification>()?;
    m.add_class::<audit::PyBrokenLink>()?;
    m.add_class::<audit_proof::PyAuditHead>()?;
    m.add_class::<audit_proof::PyStateVerification>()?;
    m.add_class::<audit_proof::PyUnexplainedRow>()?;
    m.add_class::<workflow_types::PyWorkflowTemplate>()?;
    m.add_class::<workflow_types::PyStage>()?;
    m.add_class::<workflow_types::PyChecklistItem>()?;
    m.add_class::<workflow_types::PyWorkflowProgress>()?;
    m.add_class::<workflow_types::PyItemCompletion>()?;
    m.add_class::<workflow_types::PyStageMove>()?;
    m.add_class::<workflow_types::PyBlocker>()?;
    m.add_class::<workflow_types::PyStageMoveResult>()?;
    m.add_class::<workflow_types::PyStatusReport>()?;
    m.add_class::<workflow_types::PyItemStatus>()?;
    m.add_class::<workflow_types::PyStageCount>()?;
    m.add_class::<task_types::PyTask>()?;
    m.add_class::<note_types::PyNote>()?;
    m.add_class::<note_types::PyNoteRevision>()?;
    m.add_class::<document_types::PyDocument>()?;
    m.add_class::<document_types::PyDocumentVersion>()?;
    m.add_class::<appointment_types::PyAppointment>()?;
    m.add_class::<appointment_types::PyOccurrenceException>()?;
    m.add_class::<appointment_types::PyOccurrence>()?;
    m.add_class::<appointment_types::PyClash>()?;
    m.add_class::<communication_types::PyCommunication>()?;
    m.add_class::<communication_types::PyParticipant>()?;
    m.add_class::<communication_types::PyAttachment>()?;
    m.add_class::<communication_types::PyIngestOutcome>()?;
    m.add_class::<communication_types::PyIngestNotice>()?;
    m.add_class::<docket_types::PyDeadline>()?;
    m.add_class::<docket_types::PyDeadlineReminder>()?;
    m.add_class::<docket_types::PyDeadlineRule>()?;
    m.add_class::<docket_types::PyRulePack>()?;
    m.add_class::<docket_types::PyComputedDeadline>()?;
    m.add_class::<docket_types::PyTraceStep>()?;
    m.add_class::<rule_version_types::PyRuleVersion>()?;
    m.add_class::<conflicts::PyConflictService>()?;
    m.add_class::<conflict_types::PyMatchReason>()?;
    m.add_class::<conflict_types::PyNameMatch>()?;
    m.add_class::<conflict_types::PyDecision>()?;
    m.add_class::<conflict_types::PyConflictHit>()?;
    m.add_class::<conflict_types::PyConflictCheck>()?;
    m.add_class::<recheck_types::PyConflictRecheck>()?;
    m.add_class::<recheck_types::PyRecheckedMatter>()?;
    m.add_class::<render_request::PyRenderRequest>()?;
    m.add_class::<compliance::PyComplianceService>()?;
    m.add_class::<compliance_types::PyCompliancePack>()?;
    m.add_class::<compliance_types::PyComplianceRule>()?;
    m.add_class::<compliance_types::PyComplianceTest>()?;
    m.add_class::<compliance_types::PyFinding>()?;
    m.add_class::<compliance_types::PyMatterFinding>()?;
    m.add_class::<compliance_types::PyMatterCompliance>()?;
    m.add_class::<compliance_types::PyRuleOverride>()?;
    m.add_class::<compliance_types::PyRuleTestOutcome>()?;
    m.add("CORRESPONDENCE", lexcase::service::CORRESPONDENCE)?;
    m.add("ENCRYPTION", lexcase_sqlite::DatabaseKey::available())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_exposes_version_of_core() {
        Python::initialize();
        Python::attach(|py| {
            let module = pyo3::wrap_pymodule!(lexcase_native)(py);
            let got: String = module
                .bind(py)
                .getattr("version")
                .and_then(|f| f.call0())
                .and_then(|v| v.extract())
                .expect("version() is callable and returns str");
            assert_eq!(got, lexcase::VERSION);
        });
    }
}
