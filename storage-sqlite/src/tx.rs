//! Read and write transactions over a connection, implementing the store's traits.

use std::ops::Deref;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use lexcase::access::Viewer;
use lexcase::appointments::Appointment;
use lexcase::audit::{AuditHead, AuditRecord};
use lexcase::bills::{Bill, Payment};
use lexcase::client_money::{ClientMoneyEntry, LedgerBalance, ReconciliationRecord};
use lexcase::communications::Communication;
use lexcase::conflicts::Probe;
use lexcase::contacts::Contact;
use lexcase::docket::{Deadline, DeadlineTrigger};
use lexcase::documents::Document;
use lexcase::firm::FirmSettings;
use lexcase::matters::{ConflictCheck, Matter, RuleOverrides};
use lexcase::money::Currency;
use lexcase::notes::{Note, NoteSubject};
use lexcase::reports::{FeeEarnerHours, WorkInProgress};
use lexcase::rules::CompliancePack;
use lexcase::store::{
    BillQuery, ComplianceInputs, ComplianceRead, ContactParty, ContactQuery, DeadlineQuery,
    IndexEntry, MatterQuery, Page, Paged, ReadTx, StageCount, TaskQuery, WipBy, WorkQuery, WriteTx,
};
use lexcase::tasks::{DueAnchor, Task};
use lexcase::templates::{BillRendering, DocumentTemplate, Letterhead, OutputFormat};
use lexcase::timekeeping::{
    BillingTerms, Expense, FirmBillingSettings, TermsScope, TimeEntry, Timer, WorkStatus,
};
use lexcase::users::User;
use lexcase::workflow::{WorkflowProgress, WorkflowTemplate};
use lexcase::{
    AppointmentId, BillId, CommunicationId, ContactId, DeadlineId, DocumentId, ExpenseId, MatterId,
    NoteId, PaymentId, Result, TaskId, TimeEntryId, TrustEntryId, UserId,
};
use rusqlite::Connection;
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::error::{Db, busy_timeout, is_busy, storage};
use crate::lock::TimedGuard;
use crate::queue::Turn;
use crate::readers::PooledReader;
use crate::{
    appointments, audit, bills, client_money, communications, compliance, conflict_index,
    conflict_reads, deadlines, documents, keyed, matter_list, matters, notes, read, reports, tasks,
    work, workflow, write,
};

/// The connection a read transaction runs on.
pub(crate) enum ReadConn<'a> {
    /// One of the store's pooled read-only connections.
    Pooled(PooledReader<'a>),
    /// The single connection of an in-memory store.
    Shared(TimedGuard<'a, Connection>),
}

impl Deref for ReadConn<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        match self {
            ReadConn::Pooled(c) => c,
            ReadConn::Shared(c) => c,
        }
    }
}

/// Ends a transaction a previous holder may have left open (after a panic, say).
pub(crate) fn reset(conn: &Connection) -> Result<()> {
    if !conn.is_autocommit() {
        conn.execute_batch("ROLLBACK").db()?;
    }
    Ok(())
}

/// A read transaction: a snapshot taken when it starts, released on drop.
pub(crate) struct SqliteReadTx<'a> {
    conn: ReadConn<'a>,
}

impl<'a> SqliteReadTx<'a> {
    /// Begins a transaction and takes its snapshot at once (a deferred `BEGIN` alone would
    /// take it at the first query).
    pub(crate) fn begin(conn: ReadConn<'a>) -> Result<Self> {
        reset(&conn)?;
        conn.prepare_cached("BEGIN").db()?.execute([]).db()?;
        let tx = Self { conn };
        tx.conn
            .prepare_cached("SELECT count(*) FROM audit_head")
            .db()?
            .query_row([], |_| Ok(()))
            .db()?;
        Ok(tx)
    }

    fn conn(&self) -> &Connection {
        &self.conn
    }
}

impl Drop for SqliteReadTx<'_> {
    fn drop(&mut self) {
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

/// The write transaction: holds the writer, commits on [`WriteTx::commit`], rolls back on drop.
/// The head of the audit chain is read once and kept here until the commit writes it.
pub(crate) struct SqliteWriteTx<'a> {
    conn: TimedGuard<'a, Connection>,
    /// This writer's turn in the line of writers of the file (released after the connection's
    /// transaction has ended: fields drop after [`Drop::drop`] rolled back).
    _turn: Option<Turn<'a>>,
    head: std::cell::Cell<Option<audit::Head>>,
}

/// The longest pause before trying `BEGIN IMMEDIATE` again after SQLite reported contention.
const MAX_RETRY_PAUSE: Duration = Duration::from_millis(20);

impl<'a> SqliteWriteTx<'a> {
    /// Begins an immediate transaction (takes SQLite's write lock now). Contention reported by
    /// SQLite (busy, locked, a snapshot to refresh) is retried until `deadline`: no statement
    /// has run yet, so trying again is safe.
    pub(crate) fn begin(
        conn: TimedGuard<'a, Connection>,
        turn: Option<Turn<'a>>,
        deadline: Instant,
        timeout: Duration,
    ) -> Result<Self> {
        reset(&conn)?;
        let mut pause = Duration::from_millis(1);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            conn.busy_timeout(left).db()?;
            match conn.prepare_cached("BEGIN IMMEDIATE").db()?.execute([]) {
                Ok(_) => {
                    conn.busy_timeout(timeout).db()?;
                    break;
                }
                Err(e) if is_busy(&e) => {
                    reset(&conn)?;
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Err(busy_timeout(timeout));
                    }
                    std::thread::sleep(pause.min(left));
                    pause = (pause * 2).min(MAX_RETRY_PAUSE);
                }
                Err(e) => return Err(storage(e)),
            }
        }
        Ok(Self {
            conn,
            _turn: turn,
            head: std::cell::Cell::new(None),
        })
    }

    fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The head of the audit chain as this transaction sees it.
    fn chain_head(&self) -> Result<audit::Head> {
        if let Some(head) = self.head.get() {
            return Ok(head);
        }
        let head = audit::stored_head(self.conn())?;
        self.head.set(Some(head));
        Ok(head)
    }

    fn audit_head(&self) -> Result<Option<AuditHead>> {
        Ok(self.chain_head()?.and_then(|(seq, hash, _)| {
            Some(AuditHead {
                seq: u64::try_from(seq).ok()?,
                hash: hex::encode(hash),
            })
        }))
    }
}

impl SqliteReadTx<'_> {
    fn audit_head(&self) -> Result<Option<AuditHead>> {
        audit::head(self.conn())
    }
}

impl Drop for SqliteWriteTx<'_> {
    fn drop(&mut self) {
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

/// Implements [`ReadTx`] for a type with a `conn()` method.
macro_rules! read_tx {
    ($ty:ident) => {
        impl ReadTx for $ty<'_> {
            fn firm_settings(&self) -> Result<Option<FirmSettings>> {
                read::firm_settings(self.conn())
            }
            fn user(&self, id: UserId) -> Result<Option<User>> {
                read::user(self.conn(), id)
            }
            fn user_by_email(&self, email: &str) -> Result<Option<User>> {
                read::user_by_email(self.conn(), email)
            }
            fn users(&self, page: Page) -> Result<Paged<User>> {
                read::users(self.conn(), page)
            }
            fn contact(&self, id: ContactId) -> Result<Option<Contact>> {
                read::contact(self.conn(), id)
            }
            fn contacts(&self, query: &ContactQuery, page: Page) -> Result<Paged<Contact>> {
                read::contacts(self.conn(), query, page)
            }
            fn matter(&self, id: MatterId) -> Result<Option<Matter>> {
                matters::matter(self.conn(), id)
            }
            fn matters(
                &self,
                query: &MatterQuery,
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<Matter>> {
                matter_list::matters(self.conn(), query, viewer, page)
            }
            fn matters_hidden_from(&self, viewer: &Viewer) -> Result<Vec<MatterId>> {
                matter_list::hidden_matters(self.conn(), viewer)
            }
            fn workflow_template(
                &self,
                id: &str,
                version: Option<u32>,
            ) -> Result<Option<WorkflowTemplate>> {
                workflow::template(self.conn(), id, version)
            }
            fn workflow_templates(&self) -> Result<Vec<WorkflowTemplate>> {
                workflow::templates(self.conn())
            }
            fn matter_workflow(&self, matter: MatterId) -> Result<Option<WorkflowProgress>> {
                workflow::of_matter(self.conn(), matter)
            }
            fn workflow_stage_counts(&self, viewer: &Viewer) -> Result<Vec<StageCount>> {
                workflow::stage_counts(self.conn(), viewer)
            }
            fn workflows_waiting_since(
                &self,
                viewer: &Viewer,
                entered_by: NaiveDate,
                page: Page,
            ) -> Result<Paged<WorkflowProgress>> {
                workflow::waiting_since(self.conn(), viewer, entered_by, page)
            }
            fn task(&self, id: TaskId) -> Result<Option<Task>> {
                tasks::task(self.conn(), id)
            }
            fn tasks(&self, query: &TaskQuery, viewer: &Viewer, page: Page) -> Result<Paged<Task>> {
                tasks::tasks(self.conn(), query, viewer, page)
            }
            fn tasks_anchored_to(
                &self,
                anchor: &DueAnchor,
                matter: Option<MatterId>,
            ) -> Result<Vec<Task>> {
                tasks::anchored_to(self.conn(), anchor, matter)
            }
            fn tasks_of_matter(&self, matter: MatterId) -> Result<Vec<Task>> {
                tasks::of_matter(self.conn(), matter)
            }
            fn note(&self, id: NoteId) -> Result<Option<Note>> {
                notes::note(self.conn(), id)
            }
            fn notes_about(&self, subject: &NoteSubject, page: Page) -> Result<Paged<Note>> {
                notes::about(self.conn(), subject, page)
            }
            fn search_notes(
                &self,
                words: &[String],
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<Note>> {
                notes::search(self.conn(), words, viewer, page)
            }
            fn document(&self, id: DocumentId) -> Result<Option<Document>> {
                documents::document(self.conn(), id)
            }
            fn documents_of_matter(&self, matter: MatterId, page: Page) -> Result<Paged<Document>> {
                documents::of_matter(self.conn(), matter, page)
            }
            fn search_documents(
                &self,
                words: &[String],
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<Document>> {
                documents::search(self.conn(), words, viewer, page)
            }
            fn appointment(&self, id: AppointmentId) -> Result<Option<Appointment>> {
                appointments::appointment(self.conn(), id)
            }
            fn appointments_for_user(
                &self,
                user: UserId,
                from: DateTime<Utc>,
                to: DateTime<Utc>,
                viewer: &Viewer,
            ) -> Result<Vec<Appointment>> {
                appointments::for_user(self.conn(), user, from, to, viewer)
            }
            fn appointments_of_matter(
                &self,
                matter: MatterId,
                from: DateTime<Utc>,
                to: DateTime<Utc>,
            ) -> Result<Vec<Appointment>> {
                appointments::of_matter(self.conn(), matter, from, to)
            }
            fn deadline(&self, id: DeadlineId) -> Result<Option<Deadline>> {
                deadlines::deadline(self.conn(), id)
            }
            fn deadlines(
                &self,
                query: &DeadlineQuery,
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<Deadline>> {
                deadlines::deadlines(self.conn(), query, viewer, page)
            }
            fn deadlines_triggered_by(
                &self,
                trigger: &DeadlineTrigger,
                matter: MatterId,
            ) -> Result<Vec<Deadline>> {
                deadlines::triggered_by(self.conn(), trigger, matter)
            }
            fn communication(&self, id: CommunicationId) -> Result<Option<Communication>> {
                communications::communication(self.conn(), id)
            }
            fn communication_by_message_id(
                &self,
                message_id: &str,
            ) -> Result<Option<Communication>> {
                communications::by_message_id(self.conn(), message_id)
            }
            fn communications_of_matter(
                &self,
                matter: MatterId,
                page: Page,
            ) -> Result<Paged<Communication>> {
                communications::of_matter(self.conn(), matter, page)
            }
            fn unfiled_communications(&self, page: Page) -> Result<Paged<Communication>> {
                communications::unfiled(self.conn(), page)
            }
            fn matter_by_number(&self, number: &str) -> Result<Option<Matter>> {
                matters::by_number(self.conn(), number)
            }
            fn contacts_with_email(&self, email: &str) -> Result<Vec<ContactId>> {
                communications::contacts_with_email(self.conn(), email)
            }
            fn live_matters_with_parties(&self, contacts: &[ContactId]) -> Result<Vec<MatterId>> {
                communications::live_matters_with_parties(self.conn(), contacts)
            }
            fn time_entry(&self, id: TimeEntryId) -> Result<Option<TimeEntry>> {
                work::get(self.conn(), id.into())
            }
            fn time_entries(
                &self,
                query: &WorkQuery,
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<TimeEntry>> {
                work::list(self.conn(), query, viewer, page)
            }
            fn all_time_entries(&self, query: &WorkQuery) -> Result<Vec<TimeEntry>> {
                work::all(self.conn(), query)
            }
            fn all_expenses(&self, query: &WorkQuery) -> Result<Vec<Expense>> {
                work::all(self.conn(), query)
            }
            fn timer(&self, user: UserId) -> Result<Option<Timer>> {
                keyed::get(self.conn(), keyed::TIMER, &user.to_string())
            }
            fn expense(&self, id: ExpenseId) -> Result<Option<Expense>> {
                work::get(self.conn(), id.into())
            }
            fn expenses(
                &self,
                query: &WorkQuery,
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<Expense>> {
                work::list(self.conn(), query, viewer, page)
            }
            fn billing_terms(&self, scope: &TermsScope) -> Result<Option<BillingTerms>> {
                keyed::get(self.conn(), keyed::TERMS, &scope.key())
            }
            fn firm_billing_settings(&self) -> Result<Option<FirmBillingSettings>> {
                keyed::get(self.conn(), keyed::BILLING_SETTINGS, keyed::FIRM_KEY)
            }
            fn bill(&self, id: BillId) -> Result<Option<Bill>> {
                bills::bill(self.conn(), id)
            }
            fn bills(&self, query: &BillQuery, viewer: &Viewer, page: Page) -> Result<Paged<Bill>> {
                bills::bills(self.conn(), query, viewer, page)
            }
            fn bills_of_client(&self, client: ContactId) -> Result<Vec<Bill>> {
                bills::of_client(self.conn(), client)
            }
            fn aged_receivables(
                &self,
                viewer: &Viewer,
                currency: Currency,
                bounds: [NaiveDate; 3],
            ) -> Result<[Decimal; 4]> {
                reports::aged_receivables(self.conn(), viewer, currency, bounds)
            }
            fn work_in_progress(&self, viewer: &Viewer, by: WipBy) -> Result<Vec<WorkInProgress>> {
                reports::work_in_progress(self.conn(), viewer, by)
            }
            fn fee_earner_hours(
                &self,
                viewer: &Viewer,
                from: NaiveDate,
                to: NaiveDate,
            ) -> Result<Vec<FeeEarnerHours>> {
                reports::fee_earner_hours(self.conn(), viewer, from, to)
            }
            fn client_money_balances(
                &self,
                viewer: &Viewer,
                as_of: NaiveDate,
            ) -> Result<Vec<LedgerBalance>> {
                reports::client_money_balances(self.conn(), viewer, as_of)
            }
            fn payment(&self, id: PaymentId) -> Result<Option<Payment>> {
                bills::payment(self.conn(), id)
            }
            fn payments_of_client(&self, client: ContactId) -> Result<Vec<Payment>> {
                bills::payments_of_client(self.conn(), client)
            }
            fn trust_entry(&self, id: TrustEntryId) -> Result<Option<ClientMoneyEntry>> {
                client_money::entry(self.conn(), id)
            }
            fn trust_entries_of_matter(&self, matter: MatterId) -> Result<Vec<ClientMoneyEntry>> {
                client_money::of_matter(self.conn(), matter)
            }
            fn trust_entries_until(&self, date: NaiveDate) -> Result<Vec<ClientMoneyEntry>> {
                client_money::until(self.conn(), date)
            }
            fn latest_reconciliation(&self) -> Result<Option<ReconciliationRecord>> {
                keyed::latest(self.conn(), keyed::RECONCILIATION)
            }
            fn conflict_check(&self, matter: MatterId) -> Result<Option<ConflictCheck>> {
                conflict_index::check(self.conn(), matter)
            }
            fn conflict_checks_of(&self, matters: &[MatterId]) -> Result<Vec<ConflictCheck>> {
                conflict_index::checks(self.conn(), matters)
            }
            fn rule_overrides(&self, matter: MatterId) -> Result<Option<RuleOverrides>> {
                keyed::get(self.conn(), keyed::RULE_OVERRIDES, &matter.to_string())
            }
            fn installed_rule_packs(&self) -> Result<Vec<CompliancePack>> {
                keyed::all(self.conn(), keyed::RULE_PACK)
            }
            fn enabled_rule_packs(&self) -> Result<Vec<String>> {
                Ok(
                    keyed::get(self.conn(), keyed::RULES_ENABLED, keyed::FIRM_KEY)?
                        .unwrap_or_default(),
                )
            }
            fn audit_records(&self, after: u64, limit: u32) -> Result<Vec<AuditRecord>> {
                audit::events_after(self.conn(), after, limit)
            }
            fn audit_records_for(&self, entity_id: Uuid) -> Result<Vec<AuditRecord>> {
                audit::events_for(self.conn(), entity_id)
            }
            fn audit_head(&self) -> Result<Option<AuditHead>> {
                $ty::audit_head(self)
            }
            fn compliance_matters(
                &self,
                viewer: &Viewer,
                after: Option<MatterId>,
                limit: u32,
            ) -> Result<Vec<MatterId>> {
                compliance::matters(self.conn(), viewer, after, limit)
            }
            fn compliance_inputs(
                &self,
                read: &ComplianceRead,
                today: NaiveDate,
            ) -> Result<ComplianceInputs> {
                compliance::inputs(self.conn(), read, today)
            }
            fn rule_overrides_of(&self, matters: &[MatterId]) -> Result<Vec<RuleOverrides>> {
                compliance::overrides(self.conn(), matters)
            }
            fn state_rows(
                &self,
                kind: lexcase::audit::EntityKind,
                after: Option<Uuid>,
                limit: u32,
            ) -> Result<Vec<(Uuid, serde_json::Value)>> {
                crate::state::rows(self.conn(), kind, after, limit)
            }
            fn document_templates(&self) -> Result<Vec<DocumentTemplate>> {
                keyed::all(self.conn(), keyed::DOCUMENT_TEMPLATE)
            }
            fn letterhead(&self) -> Result<Option<Letterhead>> {
                keyed::get(self.conn(), keyed::LETTERHEAD, keyed::FIRM_KEY)
            }
            fn bill_rendering(
                &self,
                bill: BillId,
                format: OutputFormat,
            ) -> Result<Option<BillRendering>> {
                keyed::get(
                    self.conn(),
                    keyed::BILL_RENDERING,
                    &keyed::bill_rendering_key(bill, format),
                )
            }
            fn archive_records(
                &self,
                kind: lexcase::store::RecordKind,
                after: Option<&str>,
                limit: u32,
            ) -> Result<Vec<lexcase::store::ArchiveRecord>> {
                crate::archive::records(self.conn(), kind, after, limit)
            }
            fn count_conflict_keys(&self, keys: &[String], cap: u32) -> Result<u32> {
                conflict_reads::count_keys(self.conn(), keys, cap)
            }
            fn scan_conflict_index(
                &self,
                probe: &Probe,
                visit: &mut dyn FnMut(IndexEntry<'_>) -> Result<()>,
            ) -> Result<()> {
                conflict_reads::scan(self.conn(), probe, visit)
            }
            fn contacts_by_ids(&self, ids: &[ContactId]) -> Result<Vec<Contact>> {
                conflict_reads::contacts(self.conn(), ids)
            }
            fn parties_of_contacts(&self, contacts: &[ContactId]) -> Result<Vec<ContactParty>> {
                conflict_reads::parties(self.conn(), contacts)
            }
            fn affiliates_of_contacts(
                &self,
                contacts: &[ContactId],
            ) -> Result<Vec<(ContactId, ContactId)>> {
                conflict_reads::affiliates(self.conn(), contacts)
            }
            fn contacts_naming_others(&self, contacts: &[ContactId]) -> Result<Vec<ContactId>> {
                conflict_reads::naming_others(self.conn(), contacts)
            }
            fn visible_matters(
                &self,
                matters: &[MatterId],
                viewer: &Viewer,
            ) -> Result<Vec<MatterId>> {
                conflict_reads::visible(self.conn(), matters, viewer)
            }
        }
    };
}

read_tx!(SqliteReadTx);
read_tx!(SqliteWriteTx);

impl WriteTx for SqliteWriteTx<'_> {
    fn put_firm_settings(
        &mut self,
        settings: &FirmSettings,
        expected_version: Option<u64>,
    ) -> Result<()> {
        write::put_firm_settings(self.conn(), settings, expected_version)
    }
    fn insert_user(&mut self, user: &User) -> Result<()> {
        write::insert_user(self.conn(), user)
    }
    fn update_user(&mut self, user: &User, expected_version: u64) -> Result<()> {
        write::update_user(self.conn(), user, expected_version)
    }
    fn insert_contact(&mut self, contact: &Contact) -> Result<()> {
        write::insert_contact(self.conn(), contact)?;
        communications::index_contact_emails(self.conn(), contact)?;
        conflict_index::index_contact(self.conn(), contact)
    }
    fn update_contact(&mut self, contact: &Contact, expected_version: u64) -> Result<()> {
        write::update_contact(self.conn(), contact, expected_version)?;
        communications::index_contact_emails(self.conn(), contact)?;
        conflict_index::index_contact(self.conn(), contact)
    }
    fn insert_matter(&mut self, matter: &Matter) -> Result<()> {
        matters::insert(self.conn(), matter)
    }
    fn update_matter(&mut self, matter: &Matter, expected_version: u64) -> Result<()> {
        matters::update(self.conn(), matter, expected_version)
    }
    fn insert_workflow_template(&mut self, template: &WorkflowTemplate) -> Result<()> {
        workflow::insert_template(self.conn(), template)
    }
    fn insert_matter_workflow(&mut self, progress: &WorkflowProgress) -> Result<()> {
        workflow::insert(self.conn(), progress)
    }
    fn update_matter_workflow(&mut self, progress: &WorkflowProgress, expected: u64) -> Result<()> {
        workflow::update(self.conn(), progress, expected)
    }
    fn insert_task(&mut self, task: &Task) -> Result<()> {
        tasks::insert(self.conn(), task)
    }
    fn update_task(&mut self, task: &Task, expected_version: u64) -> Result<()> {
        tasks::update(self.conn(), task, expected_version)
    }
    fn insert_note(&mut self, note: &Note) -> Result<()> {
        notes::insert(self.conn(), note)
    }
    fn update_note(&mut self, note: &Note, expected_version: u64) -> Result<()> {
        notes::update(self.conn(), note, expected_version)
    }
    fn insert_document(&mut self, document: &Document) -> Result<()> {
        documents::insert(self.conn(), document)
    }
    fn update_document(&mut self, document: &Document, expected_version: u64) -> Result<()> {
        documents::update(self.conn(), document, expected_version)
    }
    fn index_document_text(&mut self, document: DocumentId, text: &str) -> Result<()> {
        documents::index_text(self.conn(), document, text)
    }
    fn insert_appointment(&mut self, appointment: &Appointment) -> Result<()> {
        appointments::insert(self.conn(), appointment)
    }
    fn update_appointment(&mut self, appointment: &Appointment, expected: u64) -> Result<()> {
        appointments::update(self.conn(), appointment, expected)
    }
    fn insert_deadline(&mut self, deadline: &Deadline) -> Result<()> {
        deadlines::insert(self.conn(), deadline)
    }
    fn update_deadline(&mut self, deadline: &Deadline, expected: u64) -> Result<()> {
        deadlines::update(self.conn(), deadline, expected)
    }
    fn insert_communication(&mut self, communication: &Communication) -> Result<()> {
        communications::insert(self.conn(), communication)
    }
    fn update_communication(&mut self, communication: &Communication, expected: u64) -> Result<()> {
        communications::update(self.conn(), communication, expected)
    }
    fn insert_time_entry(&mut self, entry: &TimeEntry) -> Result<()> {
        work::insert(self.conn(), entry)
    }
    fn update_time_entry(&mut self, entry: &TimeEntry, expected: u64) -> Result<()> {
        work::update_time(self.conn(), entry, expected)
    }
    fn put_timer(&mut self, timer: &Timer, expected: Option<u64>) -> Result<()> {
        let key = timer.user.to_string();
        keyed::put(
            self.conn(),
            keyed::TIMER,
            &key,
            timer,
            timer.version,
            expected,
        )
    }
    fn delete_timer(&mut self, user: UserId, expected: u64) -> Result<()> {
        keyed::delete(self.conn(), keyed::TIMER, &user.to_string(), expected)
    }
    fn insert_expense(&mut self, expense: &Expense) -> Result<()> {
        work::insert(self.conn(), expense)
    }
    fn update_expense(&mut self, expense: &Expense, expected: u64) -> Result<()> {
        work::update_expense(self.conn(), expense, expected)
    }
    fn put_billing_terms(&mut self, terms: &BillingTerms, expected: Option<u64>) -> Result<()> {
        let key = terms.scope.key();
        keyed::put(
            self.conn(),
            keyed::TERMS,
            &key,
            terms,
            terms.version,
            expected,
        )
    }
    fn put_firm_billing_settings(
        &mut self,
        settings: &FirmBillingSettings,
        expected: Option<u64>,
    ) -> Result<()> {
        let (kind, key) = (keyed::BILLING_SETTINGS, keyed::FIRM_KEY);
        keyed::put(self.conn(), kind, key, settings, settings.version, expected)
    }
    fn insert_bill(&mut self, bill: &Bill) -> Result<()> {
        bills::insert(self.conn(), bill)
    }
    fn update_bill(&mut self, bill: &Bill, expected: u64) -> Result<()> {
        bills::update(self.conn(), bill, expected)
    }
    fn move_work(
        &mut self,
        time: &[TimeEntryId],
        expenses: &[ExpenseId],
        from: WorkStatus,
        to: WorkStatus,
        bill: Option<BillId>,
    ) -> Result<()> {
        let time: Vec<_> = time.iter().map(|id| id.to_bytes()).collect();
        let expenses: Vec<_> = expenses.iter().map(|id| id.to_bytes()).collect();
        work::move_items(
            self.conn(),
            "time_entries",
            "time_entry",
            &time,
            from,
            to,
            bill,
        )?;
        work::move_items(
            self.conn(),
            "expenses",
            "expense",
            &expenses,
            from,
            to,
            bill,
        )
    }
    fn put_rule_overrides(&mut self, o: &RuleOverrides, expected: Option<u64>) -> Result<()> {
        let key = o.matter.to_string();
        keyed::put(
            self.conn(),
            keyed::RULE_OVERRIDES,
            &key,
            o,
            o.version,
            expected,
        )
    }
    fn put_rule_pack(&mut self, pack: &CompliancePack) -> Result<()> {
        keyed::replace(self.conn(), keyed::RULE_PACK, &pack.id, pack)
    }
    fn put_enabled_rule_packs(&mut self, ids: &[String]) -> Result<()> {
        keyed::replace(self.conn(), keyed::RULES_ENABLED, keyed::FIRM_KEY, &ids)
    }
    fn put_conflict_check(&mut self, check: &ConflictCheck, expected: Option<u64>) -> Result<()> {
        conflict_index::put_check(self.conn(), check, expected)
    }
    fn insert_payment(&mut self, payment: &Payment) -> Result<()> {
        bills::insert_payment(self.conn(), payment)
    }
    fn update_payment(&mut self, payment: &Payment, expected: u64) -> Result<()> {
        bills::update_payment(self.conn(), payment, expected)
    }
    fn insert_trust_entry(&mut self, entry: &ClientMoneyEntry) -> Result<()> {
        client_money::insert(self.conn(), entry)
    }
    fn insert_reconciliation(&mut self, record: &ReconciliationRecord) -> Result<()> {
        let key = record.reconciliation.date.to_string();
        keyed::put(
            self.conn(),
            keyed::RECONCILIATION,
            &key,
            record,
            record.version,
            None,
        )
    }
    fn next_sequence(&mut self, key: &str) -> Result<u64> {
        write::next_sequence(self.conn(), key)
    }
    fn restore_sequence(&mut self, key: &str, value: u64) -> Result<()> {
        crate::archive::restore_sequence(self.conn(), key, value)
    }
    fn audit_chain_head(&self) -> Result<Option<(u64, lexcase::audit::Hash)>> {
        Ok(self
            .chain_head()?
            .and_then(|(seq, hash, _)| Some((u64::try_from(seq).ok()?, hash))))
    }
    fn audit_head_keyed(&self) -> Result<bool> {
        Ok(self.chain_head()?.is_some_and(|(_, _, keyed)| keyed))
    }
    fn append_audit(&mut self, event: &AuditRecord) -> Result<()> {
        let head = audit::append(self.conn(), self.chain_head()?, event)?;
        self.head.set(Some(head));
        Ok(())
    }
    fn put_document_template(&mut self, template: &DocumentTemplate) -> Result<()> {
        let key = keyed::template_key(&template.id, template.version);
        keyed::replace(self.conn(), keyed::DOCUMENT_TEMPLATE, &key, template)
    }
    fn put_letterhead(&mut self, letterhead: &Letterhead, expected: Option<u64>) -> Result<()> {
        keyed::put(
            self.conn(),
            keyed::LETTERHEAD,
            keyed::FIRM_KEY,
            letterhead,
            letterhead.version,
            expected,
        )
    }
    fn insert_bill_rendering(&mut self, rendering: &BillRendering) -> Result<()> {
        let key = keyed::bill_rendering_key(rendering.bill, rendering.format);
        keyed::put(self.conn(), keyed::BILL_RENDERING, &key, rendering, 1, None)
    }
    fn commit(self: Box<Self>) -> Result<()> {
        // The head moves once per transaction, to the last event appended.
        if let Some(head) = self.head.get() {
            audit::write_head(self.conn(), head)?;
        }
        // On failure the transaction is still open and `drop` rolls it back.
        self.conn.prepare_cached("COMMIT").db()?.execute([]).db()?;
        Ok(())
    }
}
