//! The conformance cases, by area. Each takes a fresh, empty store.

pub mod access;
pub mod appointments;
pub mod audit;
pub mod bills;
pub mod client_money;
pub mod communications;
pub mod compliance;
pub mod conflict_index;
pub mod conflicts;
pub mod contacts;
pub mod docket;
pub mod documents;
pub mod firm;
pub mod interchange;
pub mod matters;
pub mod notes;
pub mod reports;
pub mod store;
pub mod tasks;
pub mod time;
pub mod users;
pub mod workflow;
