//! Storage traits: synchronous repositories behind one unit of work.
//!
//! A store hands out read transactions (a consistent snapshot) and write transactions (one
//! writer at a time). Services do all their reads and writes for one command inside one write
//! transaction, including the audit event, and commit once. Dropping a write transaction
//! without committing rolls it back. Adapters keep no business rules; they persist aggregates,
//! enforce optimistic versions atomically and answer the queries below exactly as documented.

mod archive;
mod blob;
mod compliance;
mod conflict;
mod page;
mod query;

pub use archive::{ArchiveRecord, RecordKind};
pub use blob::{BlobStore, MemoryBlobStore, StagedBlob, Staging, tampered};
pub use compliance::{
    BillTotalsRow, ComplianceInputs, ComplianceRead, DeadlineFactsRow, DocumentCategoryRow,
    LedgerFactsRow, MatterFactsRow, PartyFactsRow, TaskCountsRow, TimeTotalsRow, WorkflowFactsRow,
    issued_bill_statuses,
};
pub use conflict::{ContactParty, IndexEntry};
pub use page::{Cursor, Page, Paged};
pub use query::{
    BillQuery, ContactQuery, DeadlineQuery, MatterQuery, StageCount, TaskQuery, WipBy, WorkQuery,
};

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::access::Viewer;
use crate::appointments::Appointment;
use crate::audit::{AuditHead, AuditRecord};
use crate::bills::{Bill, Payment};
use crate::client_money::{ClientMoneyEntry, ReconciliationRecord};
use crate::communications::Communication;
use crate::conflicts::Probe;
use crate::contacts::Contact;
use crate::docket::{Deadline, DeadlineTrigger};
use crate::documents::Document;
use crate::error::Result;
use crate::firm::FirmSettings;
use crate::ids::{
    AppointmentId, BillId, CommunicationId, ContactId, DeadlineId, DocumentId, ExpenseId, MatterId,
    NoteId, PaymentId, TaskId, TimeEntryId, TrustEntryId, UserId,
};
use crate::matters::{ConflictCheck, Matter, RuleOverrides};
use crate::notes::{Note, NoteSubject};
use crate::rules::CompliancePack;
use crate::tasks::{DueAnchor, Task};
use crate::templates::{BillRendering, DocumentTemplate, Letterhead, OutputFormat};
use crate::timekeeping::{
    BillingTerms, Expense, FirmBillingSettings, TermsScope, TimeEntry, Timer,
};
use crate::users::User;
use crate::workflow::{WorkflowProgress, WorkflowTemplate};

/// A store: the source of transactions. A thread holds at most one transaction of a store at
/// a time (a second one may wait for the busy timeout and fail as locked).
pub trait Store: Send + Sync {
    /// Starts a read transaction over a consistent snapshot.
    fn read(&self) -> Result<Box<dyn ReadTx + '_>>;
    /// Starts the write transaction (waits for the single writer slot, up to the busy timeout).
    fn write(&self) -> Result<Box<dyn WriteTx + '_>>;
}

/// Reads, available in both kinds of transaction.
pub trait ReadTx {
    /// The firm's settings, or `None` before the firm is initialised.
    fn firm_settings(&self) -> Result<Option<FirmSettings>>;

    /// A user by id.
    fn user(&self, id: UserId) -> Result<Option<User>>;
    /// A user by email (exact, as normalised by the domain).
    fn user_by_email(&self, email: &str) -> Result<Option<User>>;
    /// Users ordered by name then id.
    fn users(&self, page: Page) -> Result<Paged<User>>;

    /// A contact by id.
    fn contact(&self, id: ContactId) -> Result<Option<Contact>>;
    /// Contacts matching `query`, ordered by sort name then id.
    fn contacts(&self, query: &ContactQuery, page: Page) -> Result<Paged<Contact>>;

    /// A matter by id (no access check: services apply [`Viewer::can_see`]).
    fn matter(&self, id: MatterId) -> Result<Option<Matter>>;
    /// Matters matching `query` that `viewer` may see ([`Viewer::can_see`]), newest first;
    /// `total` counts only those too.
    fn matters(&self, query: &MatterQuery, viewer: &Viewer, page: Page) -> Result<Paged<Matter>>;

    /// The matters `viewer` may not see (the complement of [`Viewer::can_see`]: those behind a
    /// wall for them and, unless they see restricted matters, the team-only matters they are
    /// not on), in id order. Services load it once per call to decide what of a record that
    /// concerns several matters (an audit event, a bill, a payment, a ledger) the viewer sees.
    fn matters_hidden_from(&self, viewer: &Viewer) -> Result<Vec<MatterId>>;

    /// A workflow template by id: the given version, or the highest when `version` is `None`.
    fn workflow_template(&self, id: &str, version: Option<u32>)
    -> Result<Option<WorkflowTemplate>>;
    /// Every registered template version, ordered by id then version.
    fn workflow_templates(&self) -> Result<Vec<WorkflowTemplate>>;
    /// The workflow progress of a matter (no access check).
    fn matter_workflow(&self, matter: MatterId) -> Result<Option<WorkflowProgress>>;
    /// Matters per template stage, counting only matters `viewer` may see ([`Viewer::can_see`]),
    /// ordered by template id then stage id.
    fn workflow_stage_counts(&self, viewer: &Viewer) -> Result<Vec<StageCount>>;
    /// Workflows whose current stage was entered on or before `entered_by`, on matters
    /// `viewer` may see, longest-waiting first (then by matter id).
    fn workflows_waiting_since(
        &self,
        viewer: &Viewer,
        entered_by: NaiveDate,
        page: Page,
    ) -> Result<Paged<WorkflowProgress>>;

    /// A task by id (no access check).
    fn task(&self, id: TaskId) -> Result<Option<Task>>;
    /// Tasks matching `query` that `viewer` may see, ordered by due date (undated last), then
    /// priority (most urgent first), then creation; `total` counts the same.
    fn tasks(&self, query: &TaskQuery, viewer: &Viewer, page: Page) -> Result<Paged<Task>>;
    /// Every task whose due rule counts from `anchor` (key-date anchors on `matter` only).
    fn tasks_anchored_to(&self, anchor: &DueAnchor, matter: Option<MatterId>) -> Result<Vec<Task>>;
    /// Every task of a matter, in creation order (no access check).
    fn tasks_of_matter(&self, matter: MatterId) -> Result<Vec<Task>>;

    /// A note by id (no access check).
    fn note(&self, id: NoteId) -> Result<Option<Note>>;
    /// Notes about `subject`, newest first.
    fn notes_about(&self, subject: &NoteSubject, page: Page) -> Result<Paged<Note>>;
    /// Notes whose current text matches every word of `words` (full-text, word prefixes),
    /// on matters `viewer` may see or on contacts, best match first.
    fn search_notes(&self, words: &[String], viewer: &Viewer, page: Page) -> Result<Paged<Note>>;

    /// A document by id (no access check).
    fn document(&self, id: DocumentId) -> Result<Option<Document>>;
    /// A matter's documents, newest first.
    fn documents_of_matter(&self, matter: MatterId, page: Page) -> Result<Paged<Document>>;
    /// Documents whose indexed text matches every word of `words` (word prefixes), on matters
    /// `viewer` may see, best match first.
    fn search_documents(
        &self,
        words: &[String],
        viewer: &Viewer,
        page: Page,
    ) -> Result<Paged<Document>>;

    /// A calendar entry by id (no access check).
    fn appointment(&self, id: AppointmentId) -> Result<Option<Appointment>>;
    /// Entries `user` organises or attends that may have an occurrence overlapping
    /// `[from, to)` (a superset: the domain expands and filters), on matters `viewer` may
    /// see or on none, ordered by first start then id.
    fn appointments_for_user(
        &self,
        user: UserId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        viewer: &Viewer,
    ) -> Result<Vec<Appointment>>;
    /// A matter's entries that may have an occurrence overlapping `[from, to)` (a superset),
    /// ordered by first start then id (no access check).
    fn appointments_of_matter(
        &self,
        matter: MatterId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Appointment>>;

    /// A deadline by id (no access check).
    fn deadline(&self, id: DeadlineId) -> Result<Option<Deadline>>;
    /// Deadlines matching `query` on matters `viewer` may see, soonest due first (not yet
    /// computed last), then by entry time; `total` counts the same. With `entered_on` set
    /// they are ordered by entry time.
    fn deadlines(
        &self,
        query: &DeadlineQuery,
        viewer: &Viewer,
        page: Page,
    ) -> Result<Paged<Deadline>>;
    /// Every deadline whose trigger is `trigger` (a key date of `matter`, or another
    /// deadline), in entry order (no access check).
    fn deadlines_triggered_by(
        &self,
        trigger: &DeadlineTrigger,
        matter: MatterId,
    ) -> Result<Vec<Deadline>>;

    /// A communication by id (no access check).
    fn communication(&self, id: CommunicationId) -> Result<Option<Communication>>;
    /// The communication with this email Message-ID, if one was ingested.
    fn communication_by_message_id(&self, message_id: &str) -> Result<Option<Communication>>;
    /// A matter's communications, newest first (no access check).
    fn communications_of_matter(
        &self,
        matter: MatterId,
        page: Page,
    ) -> Result<Paged<Communication>>;
    /// Communications filed to no matter, oldest first.
    fn unfiled_communications(&self, page: Page) -> Result<Paged<Communication>>;
    /// A matter by its number (exact).
    fn matter_by_number(&self, number: &str) -> Result<Option<Matter>>;
    /// Contacts with this email address (compared case-insensitively), in id order.
    fn contacts_with_email(&self, email: &str) -> Result<Vec<ContactId>>;
    /// Pending or open matters on which any of `contacts` is a party (any role), in id order.
    fn live_matters_with_parties(&self, contacts: &[ContactId]) -> Result<Vec<MatterId>>;

    /// A time entry by id (no access check).
    fn time_entry(&self, id: TimeEntryId) -> Result<Option<TimeEntry>>;
    /// Time entries matching `query` on matters `viewer` may see, by date then recording
    /// time; `total` counts the same.
    fn time_entries(
        &self,
        query: &WorkQuery,
        viewer: &Viewer,
        page: Page,
    ) -> Result<Paged<TimeEntry>>;
    /// Every time entry matching `query` (its viewer rule aside: no access check), by date
    /// then recording time, read in one pass: for commands that need all of a matter's or a
    /// bill's work.
    fn all_time_entries(&self, query: &WorkQuery) -> Result<Vec<TimeEntry>>;
    /// Every expense matching `query` (no access check), by date then recording time.
    fn all_expenses(&self, query: &WorkQuery) -> Result<Vec<Expense>>;
    /// A user's timer.
    fn timer(&self, user: UserId) -> Result<Option<Timer>>;
    /// An expense by id (no access check).
    fn expense(&self, id: ExpenseId) -> Result<Option<Expense>>;
    /// Expenses matching `query` (its `user` is ignored) on matters `viewer` may see, by date
    /// then recording time.
    fn expenses(&self, query: &WorkQuery, viewer: &Viewer, page: Page) -> Result<Paged<Expense>>;
    /// The billing terms of a client or matter.
    fn billing_terms(&self, scope: &TermsScope) -> Result<Option<BillingTerms>>;
    /// The firm's billing defaults (`None` until first saved).
    fn firm_billing_settings(&self) -> Result<Option<FirmBillingSettings>>;

    /// A bill by id (no access check).
    fn bill(&self, id: BillId) -> Result<Option<Bill>>;
    /// Bills matching `query` whose matters `viewer` may all see, newest first.
    fn bills(&self, query: &BillQuery, viewer: &Viewer, page: Page) -> Result<Paged<Bill>>;
    /// Every bill of a client, oldest first (no access check).
    fn bills_of_client(&self, client: ContactId) -> Result<Vec<Bill>>;
    /// What issued invoices in `currency` still owe, summed by age at `as_of`: the sums of
    /// amounts issued on or after `bounds[0]`, on or after `bounds[1]` (and before
    /// `bounds[0]`), on or after `bounds[2]`, and before `bounds[2]` (see
    /// [`crate::reports::aging_bounds`]). Only bills whose matters `viewer` may all see count.
    fn aged_receivables(
        &self,
        viewer: &Viewer,
        currency: crate::money::Currency,
        bounds: [NaiveDate; 3],
    ) -> Result<[rust_decimal::Decimal; 4]>;
    /// A payment by id.
    fn payment(&self, id: PaymentId) -> Result<Option<Payment>>;
    /// Every payment of a client, oldest first.
    fn payments_of_client(&self, client: ContactId) -> Result<Vec<Payment>>;
    /// A client-money entry by id.
    fn trust_entry(&self, id: TrustEntryId) -> Result<Option<ClientMoneyEntry>>;
    /// The client-money entries of a matter, in date then recording order.
    fn trust_entries_of_matter(&self, matter: MatterId) -> Result<Vec<ClientMoneyEntry>>;
    /// Every client-money entry dated on or before `date`, in date then recording order.
    fn trust_entries_until(&self, date: NaiveDate) -> Result<Vec<ClientMoneyEntry>>;
    /// Unbilled work in progress, summed in the store, on matters `viewer` may see: billable
    /// time (raw seconds and value at its rates) and billable expenses per matter
    /// ([`WipBy::Matter`]), or billable time per fee earner ([`WipBy::FeeEarner`]); one line
    /// per matter or fee earner and currency, in no particular order.
    fn work_in_progress(
        &self,
        viewer: &Viewer,
        by: WipBy,
    ) -> Result<Vec<crate::reports::WorkInProgress>>;
    /// Time per fee earner and currency for work dated `from` to `to` (inclusive) on matters
    /// `viewer` may see: recorded, billable, non-billable, no-charge and billed seconds,
    /// recorded and billed value ([`crate::reports::FeeEarnerHours`] without its ratios), in
    /// no particular order.
    fn fee_earner_hours(
        &self,
        viewer: &Viewer,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<crate::reports::FeeEarnerHours>>;
    /// The balance of every client-matter ledger on matters `viewer` may see, from the entries
    /// dated on or before `as_of` (one line per ledger and currency), in matter then client
    /// order; ledgers without entries are left out.
    fn client_money_balances(
        &self,
        viewer: &Viewer,
        as_of: NaiveDate,
    ) -> Result<Vec<crate::client_money::LedgerBalance>>;
    /// The reconciliation with the latest statement date.
    fn latest_reconciliation(&self) -> Result<Option<ReconciliationRecord>>;

    /// The conflict check of a matter.
    fn conflict_check(&self, matter: MatterId) -> Result<Option<ConflictCheck>>;
    /// The conflict checks stored on any of `matters` (those without one are left out), in no
    /// particular order, read in one query (no access check).
    fn conflict_checks_of(&self, matters: &[MatterId]) -> Result<Vec<ConflictCheck>>;
    /// The rule overrides recorded on a matter.
    fn rule_overrides(&self, matter: MatterId) -> Result<Option<RuleOverrides>>;
    /// The rule packs the firm installed (latest version of each), in id order.
    fn installed_rule_packs(&self) -> Result<Vec<CompliancePack>>;
    /// The ids of the rule packs the firm has in force.
    fn enabled_rule_packs(&self) -> Result<Vec<String>>;

    /// Audit events with `seq > after`, in order, at most `limit`, each with the hash of the
    /// event before it.
    fn audit_records(&self, after: u64, limit: u32) -> Result<Vec<AuditRecord>>;
    /// Audit events about one entity, in order, each with the hash of the event before it.
    fn audit_records_for(&self, entity_id: Uuid) -> Result<Vec<AuditRecord>>;
    /// The recorded head of the audit chain.
    fn audit_head(&self) -> Result<Option<AuditHead>>;

    // --- State verification: every row of a kind, in pages ---

    /// The rows of the records of `kind` with ids above `after` (from the first when `None`),
    /// in id order, at most `limit`, each as its id and its serde form (no access check), for
    /// [`crate::service::AuditService::verify_state`]. Kinds checked: users, contacts,
    /// matters, time entries, expenses, bills, payments and client-money entries; other kinds
    /// return nothing. Stores that cannot list rows say so with a storage error.
    fn state_rows(
        &self,
        kind: crate::audit::EntityKind,
        after: Option<Uuid>,
        limit: u32,
    ) -> Result<Vec<(Uuid, serde_json::Value)>> {
        let _ = (kind, after, limit);
        Err(crate::LexcaseError::storage(
            "this store cannot list rows for state verification",
        ))
    }

    // --- Firm archives: every record of a kind, in pages ---

    /// Up to `limit` records of `kind` whose key sorts after `after` (from the first when
    /// `None`), in key order, read a page at a time with one query per page (or a few batched
    /// ones), never one per record (no access check): what [`crate::archive`] exports. Stores
    /// that cannot list records say so with a storage error.
    fn archive_records(
        &self,
        kind: RecordKind,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<ArchiveRecord>> {
        let _ = (kind, after, limit);
        Err(crate::LexcaseError::storage(
            "this store cannot list records for an archive",
        ))
    }

    // --- Compliance sweeps: matters in batches, and the figures behind their facts ---

    /// The ids of the matters a compliance sweep covers: those `viewer` may see
    /// ([`Viewer::can_see`]) that are not archived, in id order, after `after` (from the first
    /// when `None`), at most `limit`. A sweep walks them batch by batch (keyset pagination:
    /// pass the last id of one batch to get the next).
    fn compliance_matters(
        &self,
        viewer: &Viewer,
        after: Option<MatterId>,
        limit: u32,
    ) -> Result<Vec<MatterId>>;
    /// The figures behind the compliance facts of matters (no access check): for each family
    /// the rows documented on [`ComplianceInputs`] of the matters `read` lists for it, each
    /// family read with one grouped query for all of them (never one per matter). Tasks count
    /// as overdue when open and due before `today`.
    fn compliance_inputs(
        &self,
        read: &ComplianceRead,
        today: NaiveDate,
    ) -> Result<ComplianceInputs>;
    /// The rule overrides recorded on any of `matters`, in no particular order, read in one
    /// query.
    fn rule_overrides_of(&self, matters: &[MatterId]) -> Result<Vec<RuleOverrides>>;

    // --- Documents from firm templates: the templates, the letterhead, the renderings kept
    // with issued bills (keyed bodies, like rule packs) ---

    /// Every stored version of the firm's document templates (installed ones, and built-ins
    /// the firm retired), ordered by id then version.
    fn document_templates(&self) -> Result<Vec<DocumentTemplate>>;
    /// The firm's letterhead (`None` until first saved).
    fn letterhead(&self) -> Result<Option<Letterhead>>;
    /// The rendering kept with an issued bill in `format`.
    fn bill_rendering(&self, bill: BillId, format: OutputFormat) -> Result<Option<BillRendering>>;

    // Conflict search: the index of names and identifiers, and batched reads of what the
    // contacts found are party to. Stores file each contact under the keys of
    // [`crate::conflicts::index_name`] of its display name and the
    // [`crate::matters::identifier_key`]s of its identifiers, keeping its display name, that
    // entry's normalised words and count of significant words, and the key's
    // [`crate::conflicts::IndexKey::other_words`] (the entry's `words` for identifier keys)
    // beside each key.

    /// How many index entries are filed under any of `keys`, counting at most `cap` (a
    /// contact under two of the keys counts twice, and once for a family of keys such as
    /// `d:530|`, [`crate::conflicts::IndexedName::families`]): how selective the keys are.
    fn count_conflict_keys(&self, keys: &[String], cap: u32) -> Result<u32>;
    /// Calls `visit` with every index entry the probe reads ([`Probe::reads_key`]): filed
    /// under one of its keys or under a key starting with one of its prefixes, with at most
    /// its `max_significant` significant words, and, when
    /// it has `sharing` bits, with at most one significant word or with
    /// [`crate::conflicts::IndexKey::other_words`] under that key sharing one of those bits. A
    /// contact is visited once per key it is read under, in no particular order. An error
    /// from `visit` ends the scan and is returned.
    fn scan_conflict_index(
        &self,
        probe: &Probe,
        visit: &mut dyn FnMut(IndexEntry<'_>) -> Result<()>,
    ) -> Result<()>;
    /// The contacts with these ids, in id order (ids not found are left out).
    fn contacts_by_ids(&self, ids: &[ContactId]) -> Result<Vec<Contact>>;
    /// Every matter (any status) on which any of `contacts` is a party, once per contact,
    /// matter and role, ordered by contact id, matter id and role name (no access check).
    fn parties_of_contacts(&self, contacts: &[ContactId]) -> Result<Vec<ContactParty>>;
    /// The contacts that name any of `contacts` in one of their affiliations (employees,
    /// subsidiaries), as (named contact, affiliated contact) pairs, each once, ordered by the
    /// named contact's id then the other's.
    fn affiliates_of_contacts(&self, contacts: &[ContactId])
    -> Result<Vec<(ContactId, ContactId)>>;
    /// Those of `contacts` that name another contact in one of their affiliations, in id
    /// order.
    fn contacts_naming_others(&self, contacts: &[ContactId]) -> Result<Vec<ContactId>>;
    /// Those of `matters` that exist and `viewer` may see ([`Viewer::can_see`]), once each,
    /// in id order.
    fn visible_matters(&self, matters: &[MatterId], viewer: &Viewer) -> Result<Vec<MatterId>>;
}

/// Writes. Updates take the version the change was based on and fail with
/// [`crate::LexcaseError::StaleVersion`] if the stored version differs; the entity passed
/// already carries `expected_version + 1`.
pub trait WriteTx: ReadTx {
    /// Stores the settings: insert when `expected_version` is `None` (a conflict if settings
    /// exist), else a versioned update.
    fn put_firm_settings(
        &mut self,
        settings: &FirmSettings,
        expected_version: Option<u64>,
    ) -> Result<()>;
    /// Inserts a user ([`crate::LexcaseError::Conflict`] on a duplicate email).
    fn insert_user(&mut self, user: &User) -> Result<()>;
    /// Updates a user.
    fn update_user(&mut self, user: &User, expected_version: u64) -> Result<()>;
    /// Inserts a contact.
    fn insert_contact(&mut self, contact: &Contact) -> Result<()>;
    /// Updates a contact.
    fn update_contact(&mut self, contact: &Contact, expected_version: u64) -> Result<()>;
    /// Inserts a matter ([`crate::LexcaseError::Conflict`] on a duplicate number).
    fn insert_matter(&mut self, matter: &Matter) -> Result<()>;
    /// Updates a matter.
    fn update_matter(&mut self, matter: &Matter, expected_version: u64) -> Result<()>;
    /// Registers a template version ([`crate::LexcaseError::Conflict`] if it exists).
    fn insert_workflow_template(&mut self, template: &WorkflowTemplate) -> Result<()>;
    /// Stores a matter's new workflow ([`crate::LexcaseError::Conflict`] if it has one).
    fn insert_matter_workflow(&mut self, progress: &WorkflowProgress) -> Result<()>;
    /// Updates a matter's workflow.
    fn update_matter_workflow(
        &mut self,
        progress: &WorkflowProgress,
        expected_version: u64,
    ) -> Result<()>;
    /// Inserts a task.
    fn insert_task(&mut self, task: &Task) -> Result<()>;
    /// Updates a task.
    fn update_task(&mut self, task: &Task, expected_version: u64) -> Result<()>;
    /// Inserts a note (and indexes its text).
    fn insert_note(&mut self, note: &Note) -> Result<()>;
    /// Updates a note (and re-indexes its text).
    fn update_note(&mut self, note: &Note, expected_version: u64) -> Result<()>;
    /// Inserts a document.
    fn insert_document(&mut self, document: &Document) -> Result<()>;
    /// Updates a document.
    fn update_document(&mut self, document: &Document, expected_version: u64) -> Result<()>;
    /// Replaces the searchable text of a document (its latest version's text; empty clears it).
    fn index_document_text(&mut self, document: DocumentId, text: &str) -> Result<()>;
    /// Inserts a calendar entry.
    fn insert_appointment(&mut self, appointment: &Appointment) -> Result<()>;
    /// Updates a calendar entry.
    fn update_appointment(
        &mut self,
        appointment: &Appointment,
        expected_version: u64,
    ) -> Result<()>;
    /// Inserts a deadline.
    fn insert_deadline(&mut self, deadline: &Deadline) -> Result<()>;
    /// Updates a deadline.
    fn update_deadline(&mut self, deadline: &Deadline, expected_version: u64) -> Result<()>;
    /// Inserts a communication ([`crate::LexcaseError::Conflict`] on a duplicate Message-ID).
    fn insert_communication(&mut self, communication: &Communication) -> Result<()>;
    /// Updates a communication.
    fn update_communication(
        &mut self,
        communication: &Communication,
        expected_version: u64,
    ) -> Result<()>;
    /// Inserts a time entry.
    fn insert_time_entry(&mut self, entry: &TimeEntry) -> Result<()>;
    /// Updates a time entry.
    fn update_time_entry(&mut self, entry: &TimeEntry, expected_version: u64) -> Result<()>;
    /// Stores a user's timer: insert when `expected_version` is `None` (a conflict if one
    /// exists), else a versioned update.
    fn put_timer(&mut self, timer: &Timer, expected_version: Option<u64>) -> Result<()>;
    /// Removes a user's timer stored at `expected_version`.
    fn delete_timer(&mut self, user: UserId, expected_version: u64) -> Result<()>;
    /// Inserts an expense.
    fn insert_expense(&mut self, expense: &Expense) -> Result<()>;
    /// Updates an expense.
    fn update_expense(&mut self, expense: &Expense, expected_version: u64) -> Result<()>;
    /// Stores billing terms: insert when `expected_version` is `None`, else versioned.
    fn put_billing_terms(
        &mut self,
        terms: &BillingTerms,
        expected_version: Option<u64>,
    ) -> Result<()>;
    /// Stores the firm's billing defaults: insert when `expected_version` is `None`.
    fn put_firm_billing_settings(
        &mut self,
        settings: &FirmBillingSettings,
        expected_version: Option<u64>,
    ) -> Result<()>;
    /// Inserts a bill ([`crate::LexcaseError::Conflict`] on a duplicate number).
    fn insert_bill(&mut self, bill: &Bill) -> Result<()>;
    /// Updates a bill.
    fn update_bill(&mut self, bill: &Bill, expected_version: u64) -> Result<()>;
    /// Moves recorded work from `from` to `to` and links it to `bill` (or unlinks it), in one
    /// statement per item, bumping each item's version. An item not found in `from` is a
    /// conflict and nothing is changed by the caller's transaction.
    fn move_work(
        &mut self,
        time: &[TimeEntryId],
        expenses: &[ExpenseId],
        from: crate::timekeeping::WorkStatus,
        to: crate::timekeeping::WorkStatus,
        bill: Option<BillId>,
    ) -> Result<()>;
    /// Stores a matter's conflict check: insert when `expected_version` is `None`.
    fn put_conflict_check(
        &mut self,
        check: &ConflictCheck,
        expected_version: Option<u64>,
    ) -> Result<()>;
    /// Stores a matter's rule overrides: insert when `expected_version` is `None`.
    fn put_rule_overrides(
        &mut self,
        overrides: &RuleOverrides,
        expected_version: Option<u64>,
    ) -> Result<()>;
    /// Stores an installed rule pack (replacing an earlier version of the same id).
    fn put_rule_pack(&mut self, pack: &CompliancePack) -> Result<()>;
    /// Sets the ids of the rule packs in force.
    fn put_enabled_rule_packs(&mut self, ids: &[String]) -> Result<()>;
    /// Inserts a payment.
    fn insert_payment(&mut self, payment: &Payment) -> Result<()>;
    /// Updates a payment.
    fn update_payment(&mut self, payment: &Payment, expected_version: u64) -> Result<()>;
    /// Appends a client-money entry (entries are never updated or deleted).
    fn insert_trust_entry(&mut self, entry: &ClientMoneyEntry) -> Result<()>;
    /// Keeps a reconciliation ([`crate::LexcaseError::Conflict`] if one exists for its date).
    fn insert_reconciliation(&mut self, record: &ReconciliationRecord) -> Result<()>;
    /// Returns the next value (from 1) of the named counter, gaplessly.
    fn next_sequence(&mut self, key: &str) -> Result<u64>;
    /// Sets the named counter's last value (an archive import into an empty store: the next
    /// [`WriteTx::next_sequence`] returns `value + 1`). Stores that cannot say so with a
    /// storage error.
    fn restore_sequence(&mut self, key: &str, value: u64) -> Result<()> {
        let _ = (key, value);
        Err(crate::LexcaseError::storage(
            "this store cannot restore counters from an archive",
        ))
    }
    /// The head of the audit chain as this transaction sees it, as its sequence number and hash
    /// (stores that keep the head in the transaction answer without reading it again).
    fn audit_chain_head(&self) -> Result<Option<(u64, crate::audit::Hash)>> {
        match self.audit_head()? {
            None => Ok(None),
            Some(head) => Ok(Some((
                head.seq,
                head.hash_bytes().ok_or_else(|| {
                    crate::LexcaseError::storage("the recorded audit head is unreadable")
                })?,
            ))),
        }
    }
    /// Whether the event at the head of the audit chain is sealed with the firm's audit key
    /// ([`crate::audit::HashScheme::KeyedBinary`]): then every later event must be too. Stores
    /// that keep the head in the transaction answer without reading the log.
    fn audit_head_keyed(&self) -> Result<bool> {
        let Some(head) = self.audit_head()? else {
            return Ok(false);
        };
        Ok(self
            .audit_records(head.seq.saturating_sub(1), 1)?
            .first()
            .is_some_and(|e| e.scheme == crate::audit::HashScheme::KeyedBinary))
    }
    /// Appends a sealed audit event and moves the recorded head to it. The event must follow
    /// the head (`seq` = head + 1 and `prev_hash` = head hash, or seq 1 and the genesis hash on
    /// an empty log), else it is a conflict and nothing is written: the chain cannot fork.
    /// Stores keep the event's fields as given (the changes as encoded bytes) and may keep the
    /// head in the transaction until it commits.
    fn append_audit(&mut self, event: &AuditRecord) -> Result<()>;
    /// Commits everything written in this transaction.
    fn commit(self: Box<Self>) -> Result<()>;

    // --- Documents from firm templates ---

    /// Stores a template version: inserted, or replacing the stored one of the same id and
    /// version (retiring it).
    fn put_document_template(&mut self, template: &DocumentTemplate) -> Result<()>;
    /// Stores the letterhead: insert when `expected_version` is `None` (a conflict if one
    /// exists), else a versioned update.
    fn put_letterhead(
        &mut self,
        letterhead: &Letterhead,
        expected_version: Option<u64>,
    ) -> Result<()>;
    /// Keeps the rendering of an issued bill ([`crate::LexcaseError::Conflict`] if one is kept
    /// for that bill and format: the first one stays).
    fn insert_bill_rendering(&mut self, rendering: &BillRendering) -> Result<()>;
}
