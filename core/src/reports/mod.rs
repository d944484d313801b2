//! Management reports: aged debt, hours and utilisation, realisation, WIP, as data and CSV.
//!
//! Reports are plain data computed from figures the caller gathers; [`Csv`] writes any of them
//! as RFC 4180 text.

mod aged;
mod csv;
mod ratios;
mod work;

pub use aged::{AgedDebt, Receivable, aged_debt, aged_debt_of, aging_bounds};
pub use csv::Csv;
pub use ratios::{realisation, utilisation};
pub use work::{FeeEarnerHours, WorkInProgress};
