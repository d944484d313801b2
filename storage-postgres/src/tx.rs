//! Read and write transactions of one firm, implementing the store's traits.

use std::cell::Cell;

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
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::begin::TxConn;
use crate::{
    appointments, audit, bills, client_money, communications, compliance, conflict_index,
    conflict_reads, deadlines, documents, keyed, matter_list, matters, notes, read, reports, tasks,
    work, workflow, write,
};

/// A read transaction: a snapshot taken when it starts, released on drop.
pub(crate) struct PgReadTx {
    tx: TxConn,
}

impl PgReadTx {
    /// Wraps a begun read transaction.
    pub(crate) fn new(tx: TxConn) -> Self {
        Self { tx }
    }

    fn audit_head(&self) -> Result<Option<AuditHead>> {
        audit::head(&mut self.tx.scope()?)
    }
}

/// The write transaction of a firm: holds the firm's write lock, commits on
/// [`WriteTx::commit`], rolls back on drop. The head of the audit chain is read once and kept
/// here until the commit writes it.
pub(crate) struct PgWriteTx {
    tx: TxConn,
    head: Cell<Option<audit::Head>>,
    /// Whether the head event is sealed with the audit key, once known (kept with the head, so
    /// recording an event never reads the log back).
    head_keyed: Cell<Option<bool>>,
}

impl PgWriteTx {
    /// Wraps a begun write transaction.
    pub(crate) fn new(tx: TxConn) -> Self {
        Self {
            tx,
            head: Cell::new(None),
            head_keyed: Cell::new(None),
        }
    }

    /// The head of the audit chain as this transaction sees it.
    fn chain_head(&self) -> Result<audit::Head> {
        if let Some(head) = self.head.get() {
            return Ok(head);
        }
        let head = audit::stored_head(&mut self.tx.scope()?)?;
        self.head.set(Some(head));
        Ok(head)
    }

    fn audit_head(&self) -> Result<Option<AuditHead>> {
        Ok(self.chain_head()?.and_then(|(seq, hash)| {
            Some(AuditHead {
                seq: u64::try_from(seq).ok()?,
                hash: hex::encode(hash),
            })
        }))
    }
}

/// Implements [`ReadTx`] for a transaction type with a `tx: TxConn` field.
macro_rules! read_tx {
    ($ty:ident) => {
        impl ReadTx for $ty {
            fn firm_settings(&self) -> Result<Option<FirmSettings>> {
                read::firm_settings(&mut self.tx.scope()?)
            }
            fn user(&self, id: UserId) -> Result<Option<User>> {
                read::user(&mut self.tx.scope()?, id)
            }
            fn user_by_email(&self, email: &str) -> Result<Option<User>> {
                read::user_by_email(&mut self.tx.scope()?, email)
            }
            fn users(&self, page: Page) -> Result<Paged<User>> {
                read::users(&mut self.tx.scope()?, page)
            }
            fn contact(&self, id: ContactId) -> Result<Option<Contact>> {
                read::contact(&mut self.tx.scope()?, id)
            }
            fn contacts(&self, query: &ContactQuery, page: Page) -> Result<Paged<Contact>> {
                read::contacts(&mut self.tx.scope()?, query, page)
            }
            fn matter(&self, id: MatterId) -> Result<Option<Matter>> {
                matters::matter(&mut self.tx.scope()?, id)
            }
            fn matters(
                &self,
                query: &MatterQuery,
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<Matter>> {
                matter_list::matters(&mut self.tx.scope()?, query, viewer, page)
            }
            fn workflow_template(
                &self,
                id: &str,
                version: Option<u32>,
            ) -> Result<Option<WorkflowTemplate>> {
                workflow::template(&mut self.tx.scope()?, id, version)
            }
            fn workflow_templates(&self) -> Result<Vec<WorkflowTemplate>> {
                workflow::templates(&mut self.tx.scope()?)
            }
            fn matter_workflow(&self, matter: MatterId) -> Result<Option<WorkflowProgress>> {
                workflow::of_matter(&mut self.tx.scope()?, matter)
            }
            fn workflow_stage_counts(&self, viewer: &Viewer) -> Result<Vec<StageCount>> {
                workflow::stage_counts(&mut self.tx.scope()?, viewer)
            }
            fn workflows_waiting_since(
                &self,
                viewer: &Viewer,
                entered_by: NaiveDate,
                page: Page,
            ) -> Result<Paged<WorkflowProgress>> {
                workflow::waiting_since(&mut self.tx.scope()?, viewer, entered_by, page)
            }
            fn task(&self, id: TaskId) -> Result<Option<Task>> {
                tasks::task(&mut self.tx.scope()?, id)
            }
            fn tasks(&self, query: &TaskQuery, viewer: &Viewer, page: Page) -> Result<Paged<Task>> {
                tasks::tasks(&mut self.tx.scope()?, query, viewer, page)
            }
            fn tasks_anchored_to(
                &self,
                anchor: &DueAnchor,
                matter: Option<MatterId>,
            ) -> Result<Vec<Task>> {
                tasks::anchored_to(&mut self.tx.scope()?, anchor, matter)
            }
            fn tasks_of_matter(&self, matter: MatterId) -> Result<Vec<Task>> {
                tasks::of_matter(&mut self.tx.scope()?, matter)
            }
            fn note(&self, id: NoteId) -> Result<Option<Note>> {
                notes::note(&mut self.tx.scope()?, id)
            }
            fn notes_about(&self, subject: &NoteSubject, page: Page) -> Result<Paged<Note>> {
                notes::about(&mut self.tx.scope()?, subject, page)
            }
            fn search_notes(
                &self,
                words: &[String],
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<Note>> {
                notes::search(&mut self.tx.scope()?, words, viewer, page)
            }
            fn document(&self, id: DocumentId) -> Result<Option<Document>> {
                documents::document(&mut self.tx.scope()?, id)
            }
            fn documents_of_matter(&self, matter: MatterId, page: Page) -> Result<Paged<Document>> {
                documents::of_matter(&mut self.tx.scope()?, matter, page)
            }
            fn search_documents(
                &self,
                words: &[String],
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<Document>> {
                documents::search(&mut self.tx.scope()?, words, viewer, page)
            }
            fn appointment(&self, id: AppointmentId) -> Result<Option<Appointment>> {
                appointments::appointment(&mut self.tx.scope()?, id)
            }
            fn appointments_for_user(
                &self,
                user: UserId,
                from: DateTime<Utc>,
                to: DateTime<Utc>,
                viewer: &Viewer,
            ) -> Result<Vec<Appointment>> {
                appointments::for_user(&mut self.tx.scope()?, user, from, to, viewer)
            }
            fn appointments_of_matter(
                &self,
                matter: MatterId,
                from: DateTime<Utc>,
                to: DateTime<Utc>,
            ) -> Result<Vec<Appointment>> {
                appointments::of_matter(&mut self.tx.scope()?, matter, from, to)
            }
            fn deadline(&self, id: DeadlineId) -> Result<Option<Deadline>> {
                deadlines::deadline(&mut self.tx.scope()?, id)
            }
            fn deadlines(
                &self,
                query: &DeadlineQuery,
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<Deadline>> {
                deadlines::deadlines(&mut self.tx.scope()?, query, viewer, page)
            }
            fn deadlines_triggered_by(
                &self,
                trigger: &DeadlineTrigger,
                matter: MatterId,
            ) -> Result<Vec<Deadline>> {
                deadlines::triggered_by(&mut self.tx.scope()?, trigger, matter)
            }
            fn communication(&self, id: CommunicationId) -> Result<Option<Communication>> {
                communications::communication(&mut self.tx.scope()?, id)
            }
            fn communication_by_message_id(
                &self,
                message_id: &str,
            ) -> Result<Option<Communication>> {
                communications::by_message_id(&mut self.tx.scope()?, message_id)
            }
            fn communications_of_matter(
                &self,
                matter: MatterId,
                page: Page,
            ) -> Result<Paged<Communication>> {
                communications::of_matter(&mut self.tx.scope()?, matter, page)
            }
            fn unfiled_communications(&self, page: Page) -> Result<Paged<Communication>> {
                communications::unfiled(&mut self.tx.scope()?, page)
            }
            fn matter_by_number(&self, number: &str) -> Result<Option<Matter>> {
                matters::by_number(&mut self.tx.scope()?, number)
            }
            fn contacts_with_email(&self, email: &str) -> Result<Vec<ContactId>> {
                communications::contacts_with_email(&mut self.tx.scope()?, email)
            }
            fn live_matters_with_parties(&self, contacts: &[ContactId]) -> Result<Vec<MatterId>> {
                communications::live_matters_with_parties(&mut self.tx.scope()?, contacts)
            }
            fn time_entry(&self, id: TimeEntryId) -> Result<Option<TimeEntry>> {
                work::get(&mut self.tx.scope()?, id.into())
            }
            fn time_entries(
                &self,
                query: &WorkQuery,
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<TimeEntry>> {
                work::list(&mut self.tx.scope()?, query, viewer, page)
            }
            fn all_time_entries(&self, query: &WorkQuery) -> Result<Vec<TimeEntry>> {
                work::all(&mut self.tx.scope()?, query)
            }
            fn all_expenses(&self, query: &WorkQuery) -> Result<Vec<Expense>> {
                work::all(&mut self.tx.scope()?, query)
            }
            fn timer(&self, user: UserId) -> Result<Option<Timer>> {
                keyed::get(&mut self.tx.scope()?, keyed::TIMER, &user.to_string())
            }
            fn expense(&self, id: ExpenseId) -> Result<Option<Expense>> {
                work::get(&mut self.tx.scope()?, id.into())
            }
            fn expenses(
                &self,
                query: &WorkQuery,
                viewer: &Viewer,
                page: Page,
            ) -> Result<Paged<Expense>> {
                work::list(&mut self.tx.scope()?, query, viewer, page)
            }
            fn billing_terms(&self, scope: &TermsScope) -> Result<Option<BillingTerms>> {
                keyed::get(&mut self.tx.scope()?, keyed::TERMS, &scope.key())
            }
            fn firm_billing_settings(&self) -> Result<Option<FirmBillingSettings>> {
                keyed::get(
                    &mut self.tx.scope()?,
                    keyed::BILLING_SETTINGS,
                    keyed::FIRM_KEY,
                )
            }
            fn bill(&self, id: BillId) -> Result<Option<Bill>> {
                bills::bill(&mut self.tx.scope()?, id)
            }
            fn bills(&self, query: &BillQuery, viewer: &Viewer, page: Page) -> Result<Paged<Bill>> {
                bills::bills(&mut self.tx.scope()?, query, viewer, page)
            }
            fn bills_of_client(&self, client: ContactId) -> Result<Vec<Bill>> {
                bills::of_client(&mut self.tx.scope()?, client)
            }
            fn aged_receivables(
                &self,
                viewer: &Viewer,
                currency: Currency,
                bounds: [NaiveDate; 3],
            ) -> Result<[Decimal; 4]> {
                reports::aged_receivables(&mut self.tx.scope()?, viewer, currency, bounds)
            }
            fn work_in_progress(&self, viewer: &Viewer, by: WipBy) -> Result<Vec<WorkInProgress>> {
                reports::work_in_progress(&mut self.tx.scope()?, viewer, by)
            }
            fn fee_earner_hours(
                &self,
                viewer: &Viewer,
                from: NaiveDate,
                to: NaiveDate,
            ) -> Result<Vec<FeeEarnerHours>> {
                reports::fee_earner_hours(&mut self.tx.scope()?, viewer, from, to)
            }
            fn client_money_balances(
                &self,
                viewer: &Viewer,
                as_of: NaiveDate,
            ) -> Result<Vec<LedgerBalance>> {
                reports::client_money_balances(&mut self.tx.scope()?, viewer, as_of)
            }
            fn payment(&self, id: PaymentId) -> Result<Option<Payment>> {
                bills::payment(&mut self.tx.scope()?, id)
            }
            fn payments_of_client(&self, client: ContactId) -> Result<Vec<Payment>> {
                bills::payments_of_client(&mut self.tx.scope()?, client)
            }
            fn trust_entry(&self, id: TrustEntryId) -> Result<Option<ClientMoneyEntry>> {
                client_money::entry(&mut self.tx.scope()?, id)
            }
            fn trust_entries_of_matter(&self, matter: MatterId) -> Result<Vec<ClientMoneyEntry>> {
                client_money::of_matter(&mut self.tx.scope()?, matter)
            }
            fn trust_entries_until(&self, date: NaiveDate) -> Result<Vec<ClientMoneyEntry>> {
                client_money::until(&mut self.tx.scope()?, date)
            }
            fn latest_reconciliation(&self) -> Result<Option<ReconciliationRecord>> {
                keyed::latest(&mut self.tx.scope()?, keyed::RECONCILIATION)
            }
            fn conflict_check(&self, matter: MatterId) -> Result<Option<ConflictCheck>> {
                conflict_index::check(&mut self.tx.scope()?, matter)
            }
            fn conflict_checks_of(&self, matters: &[MatterId]) -> Result<Vec<ConflictCheck>> {
                conflict_index::checks(&mut self.tx.scope()?, matters)
            }
            fn rule_overrides(&self, matter: MatterId) -> Result<Option<RuleOverrides>> {
                keyed::get(
                    &mut self.tx.scope()?,
                    keyed::RULE_OVERRIDES,
                    &matter.to_string(),
                )
            }
            fn installed_rule_packs(&self) -> Result<Vec<CompliancePack>> {
                keyed::all(&mut self.tx.scope()?, keyed::RULE_PACK)
            }
            fn enabled_rule_packs(&self) -> Result<Vec<String>> {
                Ok(
                    keyed::get(&mut self.tx.scope()?, keyed::RULES_ENABLED, keyed::FIRM_KEY)?
                        .unwrap_or_default(),
                )
            }
            fn audit_records(&self, after: u64, limit: u32) -> Result<Vec<AuditRecord>> {
                audit::events_after(&mut self.tx.scope()?, after, limit)
            }
            fn audit_records_for(&self, entity_id: Uuid) -> Result<Vec<AuditRecord>> {
                audit::events_for(&mut self.tx.scope()?, entity_id)
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
                compliance::matters(&mut self.tx.scope()?, viewer, after, limit)
            }
            fn compliance_inputs(
                &self,
                read: &ComplianceRead,
                today: NaiveDate,
            ) -> Result<ComplianceInputs> {
                compliance::inputs(&mut self.tx.scope()?, read, today)
            }
            fn rule_overrides_of(&self, matters: &[MatterId]) -> Result<Vec<RuleOverrides>> {
                compliance::overrides(&mut self.tx.scope()?, matters)
            }
            fn count_conflict_keys(&self, keys: &[String], cap: u32) -> Result<u32> {
                conflict_reads::count_keys(&mut self.tx.scope()?, keys, cap)
            }
            fn scan_conflict_index(
                &self,
                probe: &Probe,
                visit: &mut dyn FnMut(IndexEntry<'_>) -> Result<()>,
            ) -> Result<()> {
                conflict_reads::scan(&mut self.tx.scope()?, probe, visit)
            }
            fn contacts_by_ids(&self, ids: &[ContactId]) -> Result<Vec<Contact>> {
                conflict_reads::contacts(&mut self.tx.scope()?, ids)
            }
            fn parties_of_contacts(&self, contacts: &[ContactId]) -> Result<Vec<ContactParty>> {
                conflict_reads::parties(&mut self.tx.scope()?, contacts)
            }
            fn affiliates_of_contacts(
                &self,
                contacts: &[ContactId],
            ) -> Result<Vec<(ContactId, ContactId)>> {
                conflict_reads::affiliates(&mut self.tx.scope()?, contacts)
            }
            fn contacts_naming_others(&self, contacts: &[ContactId]) -> Result<Vec<ContactId>> {
                conflict_reads::naming_others(&mut self.tx.scope()?, contacts)
            }
            fn visible_matters(
                &self,
                matters: &[MatterId],
                viewer: &Viewer,
            ) -> Result<Vec<MatterId>> {
                conflict_reads::visible(&mut self.tx.scope()?, matters, viewer)
            }
            fn matters_hidden_from(&self, viewer: &Viewer) -> Result<Vec<MatterId>> {
                matter_list::hidden_matters(&mut self.tx.scope()?, viewer)
            }
            fn state_rows(
                &self,
                kind: lexcase::audit::EntityKind,
                after: Option<Uuid>,
                limit: u32,
            ) -> Result<Vec<(Uuid, serde_json::Value)>> {
                crate::state::rows(&mut self.tx.scope()?, kind, after, limit)
            }
            fn document_templates(&self) -> Result<Vec<DocumentTemplate>> {
                keyed::all(&mut self.tx.scope()?, keyed::DOCUMENT_TEMPLATE)
            }
            fn letterhead(&self) -> Result<Option<Letterhead>> {
                keyed::get(&mut self.tx.scope()?, keyed::LETTERHEAD, keyed::FIRM_KEY)
            }
            fn bill_rendering(
                &self,
                bill: BillId,
                format: OutputFormat,
            ) -> Result<Option<BillRendering>> {
                keyed::get(
                    &mut self.tx.scope()?,
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
                crate::archive::records(&mut self.tx.scope()?, kind, after, limit)
            }
        }
    };
}

read_tx!(PgReadTx);
read_tx!(PgWriteTx);

impl WriteTx for PgWriteTx {
    fn put_firm_settings(
        &mut self,
        settings: &FirmSettings,
        expected_version: Option<u64>,
    ) -> Result<()> {
        write::put_firm_settings(&mut self.tx.scope()?, settings, expected_version)
    }
    fn insert_user(&mut self, user: &User) -> Result<()> {
        write::insert_user(&mut self.tx.scope()?, user)
    }
    fn update_user(&mut self, user: &User, expected_version: u64) -> Result<()> {
        write::update_user(&mut self.tx.scope()?, user, expected_version)
    }
    fn insert_contact(&mut self, contact: &Contact) -> Result<()> {
        write::insert_contact(&mut self.tx.scope()?, contact)?;
        communications::index_contact_emails(&mut self.tx.scope()?, contact)?;
        conflict_index::index_contact(&mut self.tx.scope()?, contact)
    }
    fn update_contact(&mut self, contact: &Contact, expected_version: u64) -> Result<()> {
        write::update_contact(&mut self.tx.scope()?, contact, expected_version)?;
        communications::index_contact_emails(&mut self.tx.scope()?, contact)?;
        conflict_index::index_contact(&mut self.tx.scope()?, contact)
    }
    fn insert_matter(&mut self, matter: &Matter) -> Result<()> {
        matters::insert(&mut self.tx.scope()?, matter)
    }
    fn update_matter(&mut self, matter: &Matter, expected_version: u64) -> Result<()> {
        matters::update(&mut self.tx.scope()?, matter, expected_version)
    }
    fn insert_workflow_template(&mut self, template: &WorkflowTemplate) -> Result<()> {
        workflow::insert_template(&mut self.tx.scope()?, template)
    }
    fn insert_matter_workflow(&mut self, progress: &WorkflowProgress) -> Result<()> {
        workflow::insert(&mut self.tx.scope()?, progress)
    }
    fn update_matter_workflow(&mut self, progress: &WorkflowProgress, expected: u64) -> Result<()> {
        workflow::update(&mut self.tx.scope()?, progress, expected)
    }
    fn insert_task(&mut self, task: &Task) -> Result<()> {
        tasks::insert(&mut self.tx.scope()?, task)
    }
    fn update_task(&mut self, task: &Task, expected_version: u64) -> Result<()> {
        tasks::update(&mut self.tx.scope()?, task, expected_version)
    }
    fn insert_note(&mut self, note: &Note) -> Result<()> {
        notes::insert(&mut self.tx.scope()?, note)
    }
    fn update_note(&mut self, note: &Note, expected_version: u64) -> Result<()> {
        notes::update(&mut self.tx.scope()?, note, expected_version)
    }
    fn insert_document(&mut self, document: &Document) -> Result<()> {
        documents::insert(&mut self.tx.scope()?, document)
    }
    fn update_document(&mut self, document: &Document, expected_version: u64) -> Result<()> {
        documents::update(&mut self.tx.scope()?, document, expected_version)
    }
    fn index_document_text(&mut self, document: DocumentId, text: &str) -> Result<()> {
        documents::index_text(&mut self.tx.scope()?, document, text)
    }
    fn insert_appointment(&mut self, appointment: &Appointment) -> Result<()> {
        appointments::insert(&mut self.tx.scope()?, appointment)
    }
    fn update_appointment(&mut self, appointment: &Appointment, expected: u64) -> Result<()> {
        appointments::update(&mut self.tx.scope()?, appointment, expected)
    }
    fn insert_deadline(&mut self, deadline: &Deadline) -> Result<()> {
        deadlines::insert(&mut self.tx.scope()?, deadline)
    }
    fn update_deadline(&mut self, deadline: &Deadline, expected: u64) -> Result<()> {
        deadlines::update(&mut self.tx.scope()?, deadline, expected)
    }
    fn insert_communication(&mut self, communication: &Communication) -> Result<()> {
        communications::insert(&mut self.tx.scope()?, communication)
    }
    fn update_communication(&mut self, communication: &Communication, expected: u64) -> Result<()> {
        communications::update(&mut self.tx.scope()?, communication, expected)
    }
    fn insert_time_entry(&mut self, entry: &TimeEntry) -> Result<()> {
        work::insert(&mut self.tx.scope()?, entry)
    }
    fn update_time_entry(&mut self, entry: &TimeEntry, expected: u64) -> Result<()> {
        work::update_time(&mut self.tx.scope()?, entry, expected)
    }
    fn put_timer(&mut self, timer: &Timer, expected: Option<u64>) -> Result<()> {
        let key = timer.user.to_string();
        keyed::put(
            &mut self.tx.scope()?,
            keyed::TIMER,
            &key,
            timer,
            timer.version,
            expected,
        )
    }
    fn delete_timer(&mut self, user: UserId, expected: u64) -> Result<()> {
        keyed::delete(
            &mut self.tx.scope()?,
            keyed::TIMER,
            &user.to_string(),
            expected,
        )
    }
    fn insert_expense(&mut self, expense: &Expense) -> Result<()> {
        work::insert(&mut self.tx.scope()?, expense)
    }
    fn update_expense(&mut self, expense: &Expense, expected: u64) -> Result<()> {
        work::update_expense(&mut self.tx.scope()?, expense, expected)
    }
    fn put_billing_terms(&mut self, terms: &BillingTerms, expected: Option<u64>) -> Result<()> {
        let key = terms.scope.key();
        keyed::put(
            &mut self.tx.scope()?,
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
        keyed::put(
            &mut self.tx.scope()?,
            kind,
            key,
            settings,
            settings.version,
            expected,
        )
    }
    fn insert_bill(&mut self, bill: &Bill) -> Result<()> {
        bills::insert(&mut self.tx.scope()?, bill)
    }
    fn update_bill(&mut self, bill: &Bill, expected: u64) -> Result<()> {
        bills::update(&mut self.tx.scope()?, bill, expected)
    }
    fn move_work(
        &mut self,
        time: &[TimeEntryId],
        expenses: &[ExpenseId],
        from: WorkStatus,
        to: WorkStatus,
        bill: Option<BillId>,
    ) -> Result<()> {
        let time: Vec<Uuid> = time.iter().map(|id| (*id).into()).collect();
        let expenses: Vec<Uuid> = expenses.iter().map(|id| (*id).into()).collect();
        work::move_items(
            &mut self.tx.scope()?,
            "time_entries",
            "time_entry",
            &time,
            from,
            to,
            bill,
        )?;
        work::move_items(
            &mut self.tx.scope()?,
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
            &mut self.tx.scope()?,
            keyed::RULE_OVERRIDES,
            &key,
            o,
            o.version,
            expected,
        )
    }
    fn put_rule_pack(&mut self, pack: &CompliancePack) -> Result<()> {
        keyed::replace(&mut self.tx.scope()?, keyed::RULE_PACK, &pack.id, pack)
    }
    fn put_enabled_rule_packs(&mut self, ids: &[String]) -> Result<()> {
        keyed::replace(
            &mut self.tx.scope()?,
            keyed::RULES_ENABLED,
            keyed::FIRM_KEY,
            &ids,
        )
    }
    fn put_conflict_check(&mut self, check: &ConflictCheck, expected: Option<u64>) -> Result<()> {
        conflict_index::put_check(&mut self.tx.scope()?, check, expected)
    }
    fn insert_payment(&mut self, payment: &Payment) -> Result<()> {
        bills::insert_payment(&mut self.tx.scope()?, payment)
    }
    fn update_payment(&mut self, payment: &Payment, expected: u64) -> Result<()> {
        bills::update_payment(&mut self.tx.scope()?, payment, expected)
    }
    fn insert_trust_entry(&mut self, entry: &ClientMoneyEntry) -> Result<()> {
        client_money::insert(&mut self.tx.scope()?, entry)
    }
    fn insert_reconciliation(&mut self, record: &ReconciliationRecord) -> Result<()> {
        let key = record.reconciliation.date.to_string();
        keyed::put(
            &mut self.tx.scope()?,
            keyed::RECONCILIATION,
            &key,
            record,
            record.version,
            None,
        )
    }
    fn next_sequence(&mut self, key: &str) -> Result<u64> {
        write::next_sequence(&mut self.tx.scope()?, key)
    }
    fn restore_sequence(&mut self, key: &str, value: u64) -> Result<()> {
        crate::archive::restore_sequence(&mut self.tx.scope()?, key, value)
    }
    fn audit_chain_head(&self) -> Result<Option<(u64, lexcase::audit::Hash)>> {
        Ok(self
            .chain_head()?
            .and_then(|(seq, hash)| Some((u64::try_from(seq).ok()?, hash))))
    }
    fn audit_head_keyed(&self) -> Result<bool> {
        if let Some(keyed) = self.head_keyed.get() {
            return Ok(keyed);
        }
        let keyed = match self.chain_head()? {
            None => false,
            Some((seq, _)) => audit::keyed_at(&mut self.tx.scope()?, seq)?,
        };
        self.head_keyed.set(Some(keyed));
        Ok(keyed)
    }
    fn append_audit(&mut self, event: &AuditRecord) -> Result<()> {
        let head = self.chain_head()?;
        let head = audit::append(&mut self.tx.scope()?, head, event)?;
        self.head.set(Some(head));
        self.head_keyed.set(Some(
            event.scheme == lexcase::audit::HashScheme::KeyedBinary,
        ));
        Ok(())
    }
    fn put_document_template(&mut self, template: &DocumentTemplate) -> Result<()> {
        let key = keyed::template_key(&template.id, template.version);
        keyed::replace(
            &mut self.tx.scope()?,
            keyed::DOCUMENT_TEMPLATE,
            &key,
            template,
        )
    }
    fn put_letterhead(&mut self, letterhead: &Letterhead, expected: Option<u64>) -> Result<()> {
        keyed::put(
            &mut self.tx.scope()?,
            keyed::LETTERHEAD,
            keyed::FIRM_KEY,
            letterhead,
            letterhead.version,
            expected,
        )
    }
    fn insert_bill_rendering(&mut self, rendering: &BillRendering) -> Result<()> {
        let key = keyed::bill_rendering_key(rendering.bill, rendering.format);
        keyed::put(
            &mut self.tx.scope()?,
            keyed::BILL_RENDERING,
            &key,
            rendering,
            1,
            None,
        )
    }
    fn commit(self: Box<Self>) -> Result<()> {
        // The head moves once per transaction, to the last event appended.
        if let Some(head) = self.head.get() {
            audit::write_head(&mut self.tx.scope()?, head)?;
        }
        // On failure nothing is committed and `drop` rolls back what is left.
        self.tx.commit()
    }
}
