//! The session's namespaces: each exported method converts its arguments, calls the core
//! service method of the same name, and converts the result. No rule lives here.

/// Declares a namespace's object: a `uniffi::Object` over the acting user's session, made by
/// [`crate::session::Session`] for each call of its namespace method.
macro_rules! service_object {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, uniffi::Object)]
        pub struct $name {
            session: lexcase::service::Session,
        }

        impl $name {
            pub(crate) fn new(session: lexcase::service::Session) -> Self {
                Self { session }
            }
        }
    };
}

mod appointments;
mod audit;
mod bills;
mod client_money;
mod communications;
mod compliance;
mod conflicts;
mod contacts;
mod docket;
mod documents;
mod interchange;
mod matters;
mod notes;
mod payments;
mod reports;
mod settings;
mod tasks;
mod templates;
mod time;
mod users;
mod workflow;

pub use appointments::AppointmentService;
pub use audit::AuditService;
pub use bills::BillService;
pub use client_money::ClientMoneyService;
pub use communications::CommunicationService;
pub use compliance::ComplianceService;
pub use conflicts::ConflictService;
pub use contacts::ContactService;
pub use docket::DocketService;
pub use documents::DocumentService;
pub use interchange::InterchangeService;
pub use matters::MatterService;
pub use notes::NoteService;
pub use payments::PaymentService;
pub use reports::ReportService;
pub use settings::SettingsService;
pub use tasks::TaskService;
pub use templates::TemplateService;
pub use time::TimeService;
pub use users::UserService;
pub use workflow::WorkflowService;
