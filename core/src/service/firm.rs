//! The firm handle and sessions.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::context::{ReadCtx, WriteCtx, load_actor, load_settings};
use super::{
    AppointmentService, AuditService, BillService, ClientMoneyService, CommunicationService,
    ComplianceService, ConflictService, ContactService, DocketService, DocumentService,
    InterchangeService, MatterService, NoteService, PaymentService, ReportService, SettingsService,
    TaskService, TemplateService, TimeService, UserService, WorkflowService,
};
use crate::access::Role;
use crate::audit::{AuditKey, HashScheme};
use crate::clock::{Clock, SystemClock};
use crate::communications::MailTransport;
use crate::error::{LexcaseError, Result};
use crate::firm::{FirmSettings, FirmSetup};
use crate::ids::UserId;
use crate::store::{BlobStore, Store};
use crate::templates::TemplateEngine;
use crate::users::{NewUser, User};

/// A firm: one store and a clock, and optionally a blob store for document contents, a
/// template engine for documents and email, and a mail transport. Cheap to clone; share it
/// between threads.
#[derive(Clone)]
pub struct Firm {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    blobs: Option<Arc<dyn BlobStore>>,
    audit_key: Option<Arc<AuditKey>>,
    /// Whether the audit key was checked against the head of the chain.
    key_checked: Arc<AtomicBool>,
    engine: Option<Arc<dyn TemplateEngine>>,
    mailer: Option<Arc<dyn MailTransport>>,
}

impl std::fmt::Debug for Firm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Firm").finish_non_exhaustive()
    }
}

impl Firm {
    /// A firm over `store`, reading the system clock.
    pub fn new(store: impl Store + 'static) -> Self {
        Self::with_clock(Arc::new(store), Arc::new(SystemClock))
    }

    /// A firm over a shared store with a given clock (tests, replay).
    pub fn with_clock(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            clock,
            blobs: None,
            audit_key: None,
            key_checked: Arc::new(AtomicBool::new(false)),
            engine: None,
            mailer: None,
        }
    }

    /// The same firm with its audit chain sealed with `key` (HMAC-SHA256) from the next event
    /// on: recomputing the chain after an edit then needs the key, which is kept outside the
    /// file and given each time the firm is opened. Once an event is keyed, a firm opened
    /// without the key (or with another one) can no longer write
    /// ([`crate::IncompatibleReason::AuditKeyRequired`]), and `verify` without it reports the
    /// keyed events it could not check.
    pub fn with_audit_key(mut self, key: AuditKey) -> Self {
        self.audit_key = Some(Arc::new(key));
        self.key_checked = Arc::new(AtomicBool::new(false));
        self
    }

    /// The audit key the firm was opened with, if any.
    pub(crate) fn audit_key(&self) -> Option<&AuditKey> {
        self.audit_key.as_deref()
    }

    /// Refuses a key other than the one the head of the chain is sealed with (checked once).
    fn check_audit_key(&self, tx: &dyn crate::store::WriteTx) -> Result<()> {
        let Some(key) = self.audit_key.as_deref() else {
            return Ok(());
        };
        if self.key_checked.load(Ordering::Acquire) {
            return Ok(());
        }
        if let Some(head) = tx.audit_head()? {
            let last = tx.audit_records(head.seq.saturating_sub(1), 1)?;
            let keyed = last.first().filter(|e| e.scheme == HashScheme::KeyedBinary);
            if keyed
                .is_some_and(|e| e.compute_hash_with(&e.prev_hash, Some(key)).ok() != Some(e.hash))
            {
                return Err(LexcaseError::IncompatibleDatabase {
                    reason: crate::IncompatibleReason::AuditKeyRequired,
                });
            }
        }
        self.key_checked.store(true, Ordering::Release);
        Ok(())
    }

    /// The same firm with document contents kept in `blobs`.
    pub fn with_blobs(mut self, blobs: Arc<dyn BlobStore>) -> Self {
        self.blobs = Some(blobs);
        self
    }

    /// The blob store for document contents, if configured.
    pub fn blobs(&self) -> Option<&Arc<dyn BlobStore>> {
        self.blobs.as_ref()
    }

    /// The same firm rendering documents and email with `engine` (`lexcase-render`).
    pub fn with_engine(mut self, engine: Arc<dyn TemplateEngine>) -> Self {
        self.engine = Some(engine);
        self
    }

    /// The template engine, if configured.
    pub fn engine(&self) -> Option<&Arc<dyn TemplateEngine>> {
        self.engine.as_ref()
    }

    /// The same firm sending email through `mailer` (SMTP with `lexcase-smtp`, or the
    /// application's own means).
    pub fn with_mail_transport(mut self, mailer: Arc<dyn MailTransport>) -> Self {
        self.mailer = Some(mailer);
        self
    }

    /// The mail transport, if configured.
    pub fn mail_transport(&self) -> Option<&Arc<dyn MailTransport>> {
        self.mailer.as_ref()
    }

    /// The store, for adapters' own tools (benchmarks, maintenance).
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// The current instant by the firm's clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Today's date in the firm's time zone, by the firm's clock.
    pub fn today(&self) -> Result<chrono::NaiveDate> {
        self.settings()?.date_of(self.now())
    }

    /// Whether the firm has been set up.
    pub fn is_initialised(&self) -> Result<bool> {
        Ok(self.store.read()?.firm_settings()?.is_some())
    }

    /// The firm's settings (name, currency, number format, zone, custom fields; never the
    /// feed key).
    pub fn settings(&self) -> Result<FirmSettings> {
        Ok(load_settings(&*self.store.read()?)?.without_secrets())
    }

    /// Sets up a new firm and its first administrator, in one audited transaction.
    /// Fails with a conflict if the firm is already set up.
    pub fn initialise(&self, setup: &FirmSetup, admin: &NewUser) -> Result<User> {
        let mut tx = self.store.write()?;
        if tx.firm_settings()?.is_some() {
            return Err(LexcaseError::Conflict {
                reason: "the firm is already initialised".into(),
            });
        }
        let settings = FirmSettings::from_setup(setup)?;
        let now = self.clock.now();
        let admin = User::create(
            &NewUser {
                role: Role::Admin,
                ..admin.clone()
            },
            settings.default_currency,
            now,
        )?;
        let mut ctx = WriteCtx {
            tx: &mut *tx,
            actor: admin.clone(),
            settings: settings.clone(),
            now,
            audit_key: self.audit_key(),
        };
        ctx.create(settings, "firm.initialised")?;
        let admin = ctx.create(admin, "user.created")?;
        for template in crate::workflow::builtin::all()? {
            super::workflow::register(&mut ctx, &template)?;
        }
        tx.commit()?;
        Ok(admin)
    }

    /// A session acting as the user with this email (how a front end signs a user in once it
    /// has authenticated them), who must exist and be active.
    pub fn session_by_email(&self, email: &str) -> Result<Session> {
        let email = crate::validate::email("email", email)?;
        let user = self
            .store
            .read()?
            .user_by_email(&email)?
            .ok_or_else(|| LexcaseError::not_found("user"))?;
        self.session(user.id)
    }

    /// A session acting as `user`, who must exist and be active.
    pub fn session(&self, user: UserId) -> Result<Session> {
        load_actor(&*self.store.read()?, user)?;
        Ok(Session {
            firm: self.clone(),
            actor: user,
        })
    }
}

/// Work done by one acting user. Each call re-reads the actor, so a role change or
/// deactivation takes effect at once.
#[derive(Clone, Debug)]
pub struct Session {
    firm: Firm,
    actor: UserId,
}

impl Session {
    /// The acting user's id.
    pub fn actor_id(&self) -> UserId {
        self.actor
    }

    /// The firm this session belongs to.
    pub fn firm(&self) -> &Firm {
        &self.firm
    }

    /// Users of the firm.
    pub fn users(&self) -> UserService<'_> {
        UserService::new(self)
    }

    /// Compliance rules: packs, findings per matter, the firm sweep, overrides.
    pub fn compliance(&self) -> ComplianceService<'_> {
        ComplianceService::new(self)
    }

    /// Conflict checks: searches, the check on a matter, decisions about hits.
    pub fn conflicts(&self) -> ConflictService<'_> {
        ConflictService::new(self)
    }

    /// Contacts.
    pub fn contacts(&self) -> ContactService<'_> {
        ContactService::new(self)
    }

    /// Matters, their parties, team and access.
    pub fn matters(&self) -> MatterService<'_> {
        MatterService::new(self)
    }

    /// The calendar: appointments, hearings and meetings; agendas and clashes.
    pub fn appointments(&self) -> AppointmentService<'_> {
        AppointmentService::new(self)
    }

    /// The audit trail and change feed.
    pub fn audit(&self) -> AuditService<'_> {
        AuditService::new(self)
    }

    /// Bills: drafting, discounts, approval, issue, void, credit notes, exports.
    pub fn bills(&self) -> BillService<'_> {
        BillService::new(self)
    }

    /// Payments, write-offs, statements of account and aged debt.
    pub fn payments(&self) -> PaymentService<'_> {
        PaymentService::new(self)
    }

    /// Management reports: hours, utilisation, realisation, WIP, client-money balances.
    pub fn reports(&self) -> ReportService<'_> {
        ReportService::new(self)
    }

    /// Client money (trust): the ledger, the overdraw guard, reconciliation.
    pub fn client_money(&self) -> ClientMoneyService<'_> {
        ClientMoneyService::new(self)
    }

    /// The communication log, email ingestion and the unfiled queue.
    pub fn communications(&self) -> CommunicationService<'_> {
        CommunicationService::new(self)
    }

    /// The docket: court and statutory deadlines, the register and reminders.
    pub fn docket(&self) -> DocketService<'_> {
        DocketService::new(self)
    }

    /// Documents filed to matters, with versions and verified contents.
    pub fn documents(&self) -> DocumentService<'_> {
        DocumentService::new(self)
    }

    /// iCalendar export of calendars and deadlines; vCard export and import of contacts.
    pub fn interchange(&self) -> InterchangeService<'_> {
        InterchangeService::new(self)
    }

    /// Notes on matters and contacts.
    pub fn notes(&self) -> NoteService<'_> {
        NoteService::new(self)
    }

    /// Tasks: mine, the team's, overdue, due this week, per matter.
    pub fn tasks(&self) -> TaskService<'_> {
        TaskService::new(self)
    }

    /// Time, expenses, timers and billing terms.
    pub fn time(&self) -> TimeService<'_> {
        TimeService::new(self)
    }

    /// Workflow templates and the progress of matters through their stages.
    pub fn workflow(&self) -> WorkflowService<'_> {
        WorkflowService::new(self)
    }

    /// Firm settings and custom-field definitions.
    pub fn settings(&self) -> SettingsService<'_> {
        SettingsService::new(self)
    }

    /// Document and email templates, the merge fields they may name, and the letterhead.
    pub fn templates(&self) -> TemplateService<'_> {
        TemplateService::new(self)
    }

    /// Runs a query in a read transaction.
    pub(crate) fn read<R>(&self, f: impl FnOnce(&ReadCtx<'_>) -> Result<R>) -> Result<R> {
        let tx = self.firm.store.read()?;
        let actor = load_actor(&*tx, self.actor)?;
        f(&ReadCtx { tx: &*tx, actor })
    }

    /// Runs a command in the write transaction and commits it if `f` succeeds.
    pub(crate) fn write<R>(&self, f: impl FnOnce(&mut WriteCtx<'_>) -> Result<R>) -> Result<R> {
        let mut tx = self.firm.store.write()?;
        let actor = load_actor(&*tx, self.actor)?;
        let settings = load_settings(&*tx)?;
        self.firm.check_audit_key(&*tx)?;
        let now = self.firm.clock.now();
        let out = f(&mut WriteCtx {
            tx: &mut *tx,
            actor,
            settings,
            now,
            audit_key: self.firm.audit_key(),
        })?;
        tx.commit()?;
        Ok(out)
    }
}
