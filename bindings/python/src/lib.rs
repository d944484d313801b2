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
pub mod stub;
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
    stub::add_records(m)?;
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
    m.add_class::<conflicts::PyConflictService>()?;
    m.add_class::<render_request::PyRenderRequest>()?;
    m.add_class::<compliance::PyComplianceService>()?;
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
