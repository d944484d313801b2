//! Time and expenses: recording time (typed, in bulk, from a communication, task or calendar
//! entry, or from the timer), expenses, billing terms and the firm's billing settings.

use std::sync::Arc;

use lexcase::timekeeping::NewTimeEntry as CoreNewTimeEntry;
use lexcase::{ExpenseId, MatterId, TimeEntryId};

use crate::error::Result;
use crate::progress::{ProgressListener, listened};
use crate::records::{
    BillingSettingsChanges, BillingTerms, Expense, ExpenseChanges, ExpensePage,
    FirmBillingSettings, NewExpense, NewTerms, NewTimeEntry, Page, TermsScope, TimeEntry,
    TimeEntryChanges, TimeEntryPage, TimeSource, Timer, WorkQuery,
};

service_object! {
    /// Time entries, the timer, expenses and billing terms. Recording needs `record_time` and is
    /// done on matters the actor may see; one's own time may be changed while unbilled, anyone's
    /// with `manage_billing`. Rates are resolved by the hierarchy (manual → matter for the user →
    /// matter → client for the user → client → activity → user default) and the rounding policy in
    /// force is kept on the entry. Codes are checked against the client's and matter's code
    /// policy (`Validation` on `task_code`, `activity_code` or `expense_code`).
    TimeService
}

#[uniffi::export]
impl TimeService {
    /// Records time.
    pub fn record(&self, new: NewTimeEntry) -> Result<TimeEntry> {
        Ok(self.session.time().record(new.into())?)
    }

    /// Records many entries in one transaction (imports, mobile sync): all or none.
    /// `listener` hears each entry recorded (`time.record`) and may cancel (`Cancelled`): then
    /// no entry is recorded.
    #[uniffi::method(default(listener = None))]
    pub fn record_many(
        &self,
        new: Vec<NewTimeEntry>,
        listener: Option<Arc<dyn ProgressListener>>,
    ) -> Result<Vec<TimeEntry>> {
        let new = new.into_iter().map(CoreNewTimeEntry::from).collect();
        listened(listener, |p| {
            self.session.time().record_many_with_progress(new, p)
        })
    }

    /// Records time spent on a communication, task or calendar entry: the matter and day come
    /// from it, the narrative from its subject or title unless given. `TYPED` and `TIMER` are
    /// a `Validation` error (field `source`).
    pub fn record_for(
        &self,
        source: TimeSource,
        seconds: u32,
        narrative: Option<String>,
    ) -> Result<TimeEntry> {
        Ok(self
            .session
            .time()
            .record_for(source, seconds, narrative.as_deref())?)
    }

    /// A time entry by id.
    pub fn get(&self, id: TimeEntryId) -> Result<TimeEntry> {
        Ok(self.session.time().get(id)?)
    }

    /// Changes unbilled time; billed or written-off time is an `InvalidTransition`.
    pub fn update(
        &self,
        id: TimeEntryId,
        expected_version: u64,
        changes: TimeEntryChanges,
    ) -> Result<TimeEntry> {
        Ok(self
            .session
            .time()
            .update(id, expected_version, changes.into())?)
    }

    /// Writes off unbilled time: it will never be billed (needs `manage_billing`).
    pub fn write_off(&self, id: TimeEntryId, expected_version: u64) -> Result<TimeEntry> {
        Ok(self.session.time().write_off(id, expected_version)?)
    }

    /// Time entries matching `query`; anyone else's than one's own needs `view_rates`.
    pub fn list(&self, query: WorkQuery, page: Page) -> Result<TimeEntryPage> {
        Ok(self.session.time().list(&query, page.try_into()?)?.into())
    }

    /// The actor's timer, if one is running or paused.
    pub fn timer(&self) -> Result<Option<Timer>> {
        Ok(self.session.time().timer()?)
    }

    /// Starts the actor's timer on a matter; one already running or paused is a `Conflict`.
    pub fn start_timer(&self, matter: MatterId, narrative: String) -> Result<Timer> {
        Ok(self.session.time().start_timer(matter, &narrative)?)
    }

    /// Pauses the actor's timer (none is `NotFound`).
    pub fn pause_timer(&self) -> Result<Timer> {
        Ok(self.session.time().pause_timer()?)
    }

    /// Resumes the actor's paused timer.
    pub fn resume_timer(&self) -> Result<Timer> {
        Ok(self.session.time().resume_timer()?)
    }

    /// Stops the actor's timer and records its time (at least one second) on its matter,
    /// with `narrative` if given (else the timer's).
    pub fn stop_timer(&self, narrative: Option<String>) -> Result<TimeEntry> {
        Ok(self.session.time().stop_timer(narrative.as_deref())?)
    }

    /// Discards the actor's timer without recording its time, whatever became of its matter
    /// (walled off, archived); returns the discarded timer.
    pub fn discard_timer(&self) -> Result<Timer> {
        Ok(self.session.time().discard_timer()?)
    }

    /// Records an expense or disbursement.
    pub fn record_expense(&self, new: NewExpense) -> Result<Expense> {
        Ok(self.session.time().record_expense(new)?)
    }

    /// An expense by id.
    pub fn expense(&self, id: ExpenseId) -> Result<Expense> {
        Ok(self.session.time().expense(id)?)
    }

    /// Changes an unbilled expense.
    pub fn update_expense(
        &self,
        id: ExpenseId,
        expected_version: u64,
        changes: ExpenseChanges,
    ) -> Result<Expense> {
        Ok(self
            .session
            .time()
            .update_expense(id, expected_version, changes.into())?)
    }

    /// Expenses matching `query`.
    pub fn expenses(&self, query: WorkQuery, page: Page) -> Result<ExpensePage> {
        Ok(self
            .session
            .time()
            .expenses(&query, page.try_into()?)?
            .into())
    }

    /// The billing terms of a client or matter (empty, version 0, when none are set); needs
    /// `view_rates`. To change them, set `terms.toNewTerms()` changed, with `terms.version`.
    pub fn terms(&self, scope: TermsScope) -> Result<BillingTerms> {
        Ok(self.session.time().terms(scope)?)
    }

    /// Sets (replaces) the billing terms of a client or matter (`expected_version` 0 the
    /// first time; needs `manage_billing`). A rate whose currency is null is in the matter's
    /// (a matter's terms) or the firm's default currency (a client's); all rates of one
    /// scope are in one currency.
    pub fn set_terms(&self, terms: NewTerms, expected_version: u64) -> Result<BillingTerms> {
        Ok(self.session.time().set_terms(terms, expected_version)?)
    }

    /// The firm's billing settings (the defaults, version 0, until saved).
    pub fn billing_settings(&self) -> Result<FirmBillingSettings> {
        Ok(self.session.time().billing_settings()?)
    }

    /// Saves the firm's billing settings (needs `manage_billing`; `expected_version` 0 the
    /// first time).
    pub fn set_billing_settings(
        &self,
        settings: FirmBillingSettings,
        expected_version: u64,
    ) -> Result<FirmBillingSettings> {
        Ok(self
            .session
            .time()
            .set_billing_settings(settings, expected_version)?)
    }

    /// Changes some of the firm's billing settings, keeping those left null, in one
    /// transaction (needs `manage_billing`; `expected_version` 0 while none are saved). An
    /// activity rate whose currency is null is in the firm's default currency.
    pub fn update_billing_settings(
        &self,
        changes: BillingSettingsChanges,
        expected_version: u64,
    ) -> Result<FirmBillingSettings> {
        Ok(self
            .session
            .time()
            .update_billing_settings(changes, expected_version)?)
    }
}
