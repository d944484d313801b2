//! # lexcase
//!
//! An embeddable legal case-management engine. This crate holds the domain (matters, parties,
//! contacts, users, access control, audit), the services that carry out each use case for an
//! acting user, and the storage traits that adapters such as `lexcase-sqlite` implement.
//!
//! Data flows one way: binding → [`service`] → domain + [`store`] trait → adapter.
//!
//! ```
//! # fn main() -> lexcase::Result<()> {
//! use lexcase::firm::MatterNumberFormat;
//! let format = MatterNumberFormat::parse("{CLIENT3}-{SEQ:4}")?;
//! assert_eq!(format.as_str(), "{CLIENT3}-{SEQ:4}");
//! # Ok(()) }
//! ```

pub mod access;
pub mod appointments;
pub mod archive;
pub mod audit;
pub mod billing;
pub mod bills;
pub mod calendar;
pub mod client_money;
pub mod clock;
pub mod communications;
pub mod conflicts;
pub mod contacts;
pub mod deadlines;
pub mod docket;
pub mod documents;
mod error;
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod firm;
mod ids;
pub mod interchange;
pub mod matters;
pub mod money;
mod names;
pub mod notes;
pub mod progress;
pub mod reports;
pub mod rules;
pub mod service;
pub mod store;
pub mod tasks;
pub mod templates;
pub mod text;
pub mod timekeeping;
pub mod users;
pub mod validate;
pub mod workflow;

pub use error::{ErrorCode, ErrorDetail, IncompatibleReason, LexcaseError, Result};
pub use ids::{
    AppointmentId, BillId, CommunicationId, ContactId, DeadlineId, DocumentId, EventId, ExpenseId,
    MatterId, NoteId, PartyId, PaymentId, TaskId, TimeEntryId, TrustEntryId, UserId,
};

// The uniffi component of the domain types (only with the `uniffi` feature): its name is the
// crate's, its Kotlin package is set in core/uniffi.toml.
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

/// The version of the lexcase engine.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
