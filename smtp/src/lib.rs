//! # lexcase-smtp
//!
//! Delivers lexcase's outgoing email over SMTP with [lettre](https://lettre.rs): implicit TLS
//! (port 465) or STARTTLS required (port 587), with or without authentication, one connection
//! per message. lexcase builds the message; this crate hands over its exact bytes.
//!
//! ```no_run
//! # fn main() -> lexcase::Result<()> {
//! use std::sync::Arc;
//! use lexcase_smtp::{Security, SmtpConfig, SmtpTransport};
//! let smtp = SmtpTransport::new(&SmtpConfig {
//!     username: Some("ada@smith.example".into()),
//!     password: Some("app password".into()),
//!     ..SmtpConfig::new("smtp.smith.example", 587, Security::StartTls)
//! })?;
//! # let firm: lexcase::service::Firm = unimplemented!();
//! let firm = firm.with_mail_transport(Arc::new(smtp));
//! # Ok(()) }
//! ```

mod config;
mod transport;

pub use config::{Security, SmtpConfig};
pub use transport::SmtpTransport;
