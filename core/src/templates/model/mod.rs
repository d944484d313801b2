//! The merge model: every field a template may print, already formatted in the firm's locale.
//!
//! Like the compliance fact model ([`crate::rules::Facts`]), it is documented, typed and the
//! same for every store. Text that is absent is the empty string (so `{{ client.email }}`
//! prints nothing rather than `none`); sections that may be absent (`matter`, `client`,
//! `bill`, `statement`) are null, to be tested with `{% if bill %}`. Money is printed with the
//! currency's symbol and exactly its minor unit (`£1,234.50`), dates written out in the
//! locale's order (`31 March 2026` or `March 31, 2026`): a template never does arithmetic, so
//! every figure it prints is a figure the bill stores.
//!
//! Paths name fields the way templates do: `matter.number`, `bill.lines[].net` (`[]` is any
//! element of a list). [`super::FieldCatalogue::for_kind`] lists the paths a kind may name.

mod bill;
mod firm;
mod matter;
mod people;
mod sample;
mod statement;

use serde::{Deserialize, Serialize};

pub use bill::{BillFields, BillLineFields, PaymentFields};
pub use firm::FirmFields;
pub use matter::{DeadlineFields, KeyDateFields, MatterFields, TaskFields};
pub use people::{ContactFields, FeeEarnerFields, PartyFields};
pub use sample::sample;
pub use statement::{StatementEntryFields, StatementFields};

/// What a template prints from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeModel {
    /// The firm and its letterhead.
    pub firm: FirmFields,
    /// Today in the firm's zone, written out (the date of a letter).
    pub today: String,
    /// Today as an ISO 8601 date, `2026-03-31` (the PDF's creation date).
    pub today_iso: String,
    /// The user rendering or sending the document (a letter's signatory).
    pub sender: FeeEarnerFields,
    /// The matter (null for a statement rendered without one).
    pub matter: Option<MatterFields>,
    /// The client addressed: the bill's or statement's client, else the matter's first.
    pub client: Option<ContactFields>,
    /// Every client of the matter.
    pub clients: Vec<ContactFields>,
    /// The matter's other parties, in the order they were added.
    pub parties: Vec<PartyFields>,
    /// The matter's responsible and originating fee earners, its team, and whoever has work
    /// on the bill, once each.
    pub fee_earners: Vec<FeeEarnerFields>,
    /// The matter's key dates, in name order.
    pub key_dates: Vec<KeyDateFields>,
    /// The matter's live deadlines, soonest first.
    pub deadlines: Vec<DeadlineFields>,
    /// The matter's open tasks, soonest due first (undated last).
    pub tasks: Vec<TaskFields>,
    /// The bill (invoices, and letters or emails about one).
    pub bill: Option<BillFields>,
    /// Payments allocated to the bill, oldest first.
    pub payments: Vec<PaymentFields>,
    /// The statement of account (statements only).
    pub statement: Option<StatementFields>,
}

/// A stable snake_case name as words for people: `opposing_counsel` → `Opposing counsel`.
pub(crate) fn label(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
