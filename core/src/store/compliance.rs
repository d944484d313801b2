//! What a store reads for the compliance rules: the figures behind the facts of a batch of
//! matters, each family by one grouped query per batch (see
//! [`ReadTx::compliance_inputs`](super::ReadTx::compliance_inputs)).
//!
//! The rows are plain data. The service turns them into [`crate::rules::Facts`]; the store only
//! reads, counts and sums the typed columns as each row's documentation says, with the
//! domain's own predicates (an invoice "is issued" per [`BillStatus::is_issued`], a task "is
//! open" per [`crate::tasks::TaskStatus::is_open`], …).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::bills::BillStatus;
use crate::contacts::{ContactKind, IdentityStatus};
use crate::deadlines::CountingMethod;
use crate::ids::{ContactId, MatterId};
use crate::matters::{BillingArrangement, ConflictCheck, CustomValue, MatterStatus, PartyRole};
use crate::money::Currency;

/// For which matters a compliance read returns each family of figures: a family whose list
/// is empty is not read. A sweep asks each matter only for the families the rules in scope
/// for it read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ComplianceRead {
    /// Matter rows ([`ComplianceInputs::matters`]).
    pub matters: Vec<MatterId>,
    /// Every party, with its contact ([`ComplianceInputs::parties`]).
    pub parties: Vec<MatterId>,
    /// The clients only, with their contacts ([`ComplianceInputs::parties`]); for matters not
    /// in [`ComplianceRead::parties`].
    pub clients: Vec<MatterId>,
    /// Workflow progress ([`ComplianceInputs::workflows`]).
    pub workflows: Vec<MatterId>,
    /// Task counts ([`ComplianceInputs::tasks`]).
    pub tasks: Vec<MatterId>,
    /// Deadlines ([`ComplianceInputs::deadlines`]).
    pub deadlines: Vec<MatterId>,
    /// Documents per category ([`ComplianceInputs::documents`]).
    pub documents: Vec<MatterId>,
    /// Time totals ([`ComplianceInputs::time`]).
    pub time: Vec<MatterId>,
    /// Issued invoices ([`ComplianceInputs::bills`]).
    pub bills: Vec<MatterId>,
    /// Client-money ledgers ([`ComplianceInputs::client_money`]).
    pub client_money: Vec<MatterId>,
    /// Conflict checks ([`ComplianceInputs::conflict_checks`]).
    pub conflict_checks: Vec<MatterId>,
}

impl ComplianceRead {
    /// Every family of `matters`.
    pub fn everything(matters: &[MatterId]) -> Self {
        let all = matters.to_vec();
        Self {
            matters: all.clone(),
            parties: all.clone(),
            clients: Vec::new(),
            workflows: all.clone(),
            tasks: all.clone(),
            deadlines: all.clone(),
            documents: all.clone(),
            time: all.clone(),
            bills: all.clone(),
            client_money: all.clone(),
            conflict_checks: all,
        }
    }
}

/// The columns of a matter the rules read.
#[derive(Debug, Clone, PartialEq)]
pub struct MatterFactsRow {
    /// The matter.
    pub id: MatterId,
    /// Its number.
    pub number: String,
    /// Its title.
    pub title: String,
    /// Its status.
    pub status: MatterStatus,
    /// Its practice area, as entered.
    pub practice_area: String,
    /// How it is billed, and in which currency.
    pub billing: BillingArrangement,
    /// The day it opened.
    pub opened_on: Option<NaiveDate>,
    /// The day it closed.
    pub closed_on: Option<NaiveDate>,
    /// Its key dates.
    pub key_dates: BTreeMap<String, NaiveDate>,
    /// Its custom fields.
    pub custom_fields: BTreeMap<String, CustomValue>,
    /// When it was created (lists order matters newest first).
    pub created_at: DateTime<Utc>,
}

/// A party to a matter with what the rules read of its contact (every party, or the clients
/// only, as asked). Parties whose contact does not exist are left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyFactsRow {
    /// The matter.
    pub matter: MatterId,
    /// The contact.
    pub contact: ContactId,
    /// The party's role.
    pub role: PartyRole,
    /// Person or organisation.
    pub kind: ContactKind,
    /// A person's given name.
    pub given_name: Option<String>,
    /// A person's family name.
    pub family_name: Option<String>,
    /// An organisation's name.
    pub organisation_name: Option<String>,
    /// Where the contact's identity verification stands.
    pub identity_status: IdentityStatus,
    /// The day identity was checked.
    pub identity_checked_on: Option<NaiveDate>,
}

/// A matter's workflow progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkflowFactsRow {
    /// The matter.
    pub matter: MatterId,
    /// The template id.
    pub template_id: String,
    /// The template version the matter is pinned to.
    pub template_version: u32,
    /// The current stage.
    pub stage: String,
    /// The ids of the checklist items done, in id order.
    pub done: Vec<String>,
}

/// A matter's tasks, counted. Matters without tasks have no row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskCountsRow {
    /// The matter.
    pub matter: MatterId,
    /// Open tasks ([`crate::tasks::TaskStatus::is_open`]).
    pub open: u64,
    /// Open tasks due before the day asked about.
    pub overdue: u64,
}

/// A docketed deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineFactsRow {
    /// The matter.
    pub matter: MatterId,
    /// Its title.
    pub title: String,
    /// The id of the rule it was computed from.
    pub rule: String,
    /// How the rule counts days.
    pub method: CountingMethod,
    /// Its due date, while computed.
    pub due: Option<NaiveDate>,
    /// Whether it is still open.
    pub open: bool,
    /// How many reminders it has.
    pub reminders: u32,
}

/// A matter's documents of one category. Categories without documents have no row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentCategoryRow {
    /// The matter.
    pub matter: MatterId,
    /// The category.
    pub category: String,
    /// Documents in it.
    pub documents: u64,
    /// Signed documents in it.
    pub signed: u64,
    /// The earliest first version of any of them (`None` when none has a version).
    pub first_filed: Option<DateTime<Utc>>,
}

/// A matter's recorded time, summed. Matters without time entries have no row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeTotalsRow {
    /// The matter.
    pub matter: MatterId,
    /// Raw seconds of every entry.
    pub recorded_seconds: u64,
    /// The value of the unbilled billable entries (any currency, added as numbers).
    pub unbilled_value: Decimal,
    /// The earliest date of an unbilled billable entry.
    pub oldest_unbilled: Option<NaiveDate>,
    /// Entries dated after the matter's closing day (none while it is not closed).
    pub entries_after_close: u64,
}

/// A matter's issued invoices ([`BillStatus::is_issued`], invoices only), including those
/// that bill other matters too. Matters without any have no row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BillTotalsRow {
    /// The matter.
    pub matter: MatterId,
    /// How many.
    pub issued: u64,
    /// What they still owe, added as numbers.
    pub outstanding: Decimal,
}

/// One client's ledger on a matter, in one currency. Ledgers without entries have no row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LedgerFactsRow {
    /// The matter.
    pub matter: MatterId,
    /// The client.
    pub client: ContactId,
    /// The currency of the entries.
    pub currency: Currency,
    /// The balance: receipts less payments and transfers, reversals undoing what they reverse.
    pub balance: Decimal,
    /// Whether the ledger has a receipt.
    pub received: bool,
    /// Whether the contact is a client party of the matter (the ledger of a former client
    /// counts only towards whether money was received).
    pub of_client: bool,
}

/// The figures behind the facts of a batch of matters, each family in the order given by its
/// row's documentation; every list holds rows of the matters it was asked for only.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ComplianceInputs {
    /// The matters found, in the order asked for (ids not found are left out).
    pub matters: Vec<MatterFactsRow>,
    /// Their parties, by matter, in the order of each matter's list.
    pub parties: Vec<PartyFactsRow>,
    /// Their workflows.
    pub workflows: Vec<WorkflowFactsRow>,
    /// Their task counts.
    pub tasks: Vec<TaskCountsRow>,
    /// Their deadlines, by matter, each matter's soonest due first (not yet computed last),
    /// then by entry time.
    pub deadlines: Vec<DeadlineFactsRow>,
    /// Their documents per category.
    pub documents: Vec<DocumentCategoryRow>,
    /// Their time totals.
    pub time: Vec<TimeTotalsRow>,
    /// Their issued invoices.
    pub bills: Vec<BillTotalsRow>,
    /// Their client-money ledgers.
    pub client_money: Vec<LedgerFactsRow>,
    /// Their conflict checks.
    pub conflict_checks: Vec<ConflictCheck>,
}

impl ComplianceInputs {
    /// Adds the rows of `more` (read for other families of the same matters).
    pub fn extend(&mut self, more: ComplianceInputs) {
        self.matters.extend(more.matters);
        self.parties.extend(more.parties);
        self.workflows.extend(more.workflows);
        self.tasks.extend(more.tasks);
        self.deadlines.extend(more.deadlines);
        self.documents.extend(more.documents);
        self.time.extend(more.time);
        self.bills.extend(more.bills);
        self.client_money.extend(more.client_money);
        self.conflict_checks.extend(more.conflict_checks);
    }
}

/// The bill statuses that count as issued, for stores to filter on.
pub fn issued_bill_statuses() -> impl Iterator<Item = BillStatus> {
    BillStatus::ALL.into_iter().filter(|s| s.is_issued())
}
