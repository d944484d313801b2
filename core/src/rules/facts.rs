//! The fact model rules are written against: everything a rule may know about one matter,
//! as plain data (numbers, strings, booleans, lists and maps). Dates are ISO `YYYY-MM-DD`
//! strings (they compare correctly as strings); ages are whole days. The model is stable:
//! fields are only ever added.
//!
//! In a CEL condition the top-level names are `matter`, `clients`, `parties`, `workflow`,
//! `tasks`, `deadlines`, `documents`, `time`, `bills`, `client_money`, `conflicts`, `today`
//! and `event`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The matter itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatterFacts {
    /// Matter id (UUID text).
    pub id: String,
    /// Matter number.
    pub number: String,
    /// Title.
    pub title: String,
    /// `pending`, `open`, `closed`, `archived`.
    pub status: String,
    /// Practice area, lower case.
    pub practice_area: String,
    /// Billing kind (`hourly`, `fixed_fee`, `contingency`, …).
    pub billing_kind: String,
    /// ISO 4217 currency.
    pub currency: String,
    /// The day it opened, or `""`.
    pub opened_on: String,
    /// The day it closed, or `""`.
    pub closed_on: String,
    /// Days since it opened (0 when not opened).
    pub days_open: i64,
    /// Key dates by name (ISO dates).
    pub key_dates: BTreeMap<String, String>,
    /// Custom fields by key, as text.
    pub custom: BTreeMap<String, String>,
}

/// A client of the matter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClientFacts {
    /// Contact id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// `person` or `organisation`.
    pub kind: String,
    /// Identity verification status (`verified`, `pending`, `failed`, `not_started`, …).
    pub identity_status: String,
    /// Whether identity is verified.
    pub identity_verified: bool,
    /// The day it was verified, or `""`.
    pub identity_verified_on: String,
}

/// A party to the matter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartyFacts {
    /// Contact id.
    pub contact: String,
    /// Display name.
    pub name: String,
    /// Role (`client`, `opposing_party`, …).
    pub role: String,
}

/// The matter's workflow.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkflowFacts {
    /// Template id, or `""` without a workflow.
    pub template: String,
    /// Current stage id.
    pub stage: String,
    /// Checklist item ids done.
    pub done: Vec<String>,
    /// Checklist item ids of the current stage still outstanding.
    pub outstanding: Vec<String>,
}

/// The matter's tasks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskFacts {
    /// Open tasks.
    pub open: i64,
    /// Open tasks past their due date.
    pub overdue: i64,
}

/// A docketed deadline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeadlineFacts {
    /// Title.
    pub title: String,
    /// Rule id it was computed from.
    pub rule: String,
    /// Due date, or `""` while undated.
    pub due: String,
    /// Whether it is still open.
    pub open: bool,
    /// How many reminders it has.
    pub reminders: i64,
    /// Whether it counts under court rules (FRCP 6 or CPR 2.8).
    pub court: bool,
}

/// The matter's documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentFacts {
    /// Documents per category.
    pub categories: BTreeMap<String, i64>,
    /// Signed documents per category.
    pub signed: BTreeMap<String, i64>,
    /// The first day a document of each category was filed.
    pub first_filed: BTreeMap<String, String>,
}

/// Time and work in progress.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimeFacts {
    /// Unbilled billable value (WIP), in the matter's currency, as a number.
    pub unbilled_value: f64,
    /// Days since the oldest unbilled billable work (0 without any).
    pub oldest_unbilled_days: i64,
    /// Time entries dated after the matter closed.
    pub entries_after_close: i64,
    /// All time recorded, in hours.
    pub recorded_hours: f64,
}

/// Bills of the matter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BillFacts {
    /// Issued invoices.
    pub issued: i64,
    /// What they still owe.
    pub outstanding: f64,
}

/// Client money held on the matter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClientMoneyFacts {
    /// The sum of the matter's client ledgers.
    pub balance: f64,
    /// The lowest client ledger balance on the matter.
    pub lowest_balance: f64,
    /// Whether any money was ever received.
    pub received: bool,
}

/// The matter's conflict check.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConflictFacts {
    /// `none` (never run), `clear` (no hits), `hits` (undecided hits), `resolved` (every hit
    /// cleared or waived), `declined` (a hit led to declining).
    pub status: String,
    /// Hits without a disposition.
    pub unresolved: i64,
    /// Hits waived with consent.
    pub waived: i64,
}

/// What is happening when the rules run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventFacts {
    /// `sweep`, `matter_opening` or `stage_advance`.
    pub checkpoint: String,
    /// For a stage advance: the stage being left.
    pub from_stage: String,
    /// For a stage advance: the stage being entered.
    pub to_stage: String,
}

/// Everything a rule may know about one matter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Facts {
    /// The matter.
    pub matter: MatterFacts,
    /// Its clients.
    pub clients: Vec<ClientFacts>,
    /// Its parties (clients included).
    pub parties: Vec<PartyFacts>,
    /// Its workflow.
    pub workflow: WorkflowFacts,
    /// Its tasks.
    pub tasks: TaskFacts,
    /// Its deadlines.
    pub deadlines: Vec<DeadlineFacts>,
    /// Its documents.
    pub documents: DocumentFacts,
    /// Its time.
    pub time: TimeFacts,
    /// Its bills.
    pub bills: BillFacts,
    /// Client money on it.
    pub client_money: ClientMoneyFacts,
    /// Its conflict check.
    pub conflicts: ConflictFacts,
    /// Today in the firm's zone (ISO date).
    pub today: String,
    /// What is happening.
    pub event: EventFacts,
}

impl Facts {
    /// The length of every list and map of the facts, by the path a condition names it with
    /// (`parties`, `workflow.done`, `documents.categories`): what the evaluation budget
    /// estimates loops with.
    pub fn collection_sizes(&self) -> [(&'static str, usize); 10] {
        [
            ("clients", self.clients.len()),
            ("parties", self.parties.len()),
            ("deadlines", self.deadlines.len()),
            ("workflow.done", self.workflow.done.len()),
            ("workflow.outstanding", self.workflow.outstanding.len()),
            ("matter.key_dates", self.matter.key_dates.len()),
            ("matter.custom", self.matter.custom.len()),
            ("documents.categories", self.documents.categories.len()),
            ("documents.signed", self.documents.signed.len()),
            ("documents.first_filed", self.documents.first_filed.len()),
        ]
    }
}
