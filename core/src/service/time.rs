//! Time and expenses: recording work (typed, from a timer, or from a communication, task or
//! calendar entry), the per-user timer, expenses and disbursements, billing terms.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::Session;
use super::billing_terms::MatterTerms;
use super::context::{ReadCtx, WriteCtx};
use crate::access::Capability;
use crate::error::{LexcaseError, Result};
use crate::ids::{ExpenseId, MatterId, TimeEntryId, UserId};
use crate::matters::Matter;
use crate::progress::{Counter, Progress, Silent};
use crate::store::{Page, Paged, WorkQuery};
use crate::timekeeping::{
    Expense, ExpenseChanges, NewExpense, NewTimeEntry, TimeEntry, TimeEntryChanges, TimeSource,
    Timer, WorkStatus,
};
use crate::users::User;

/// The most entries one batch may record.
const MAX_BATCH: usize = 100_000;

/// Time, expenses and billing terms. Work follows its matter's visibility. Recording needs
/// `record_time` (and `manage_billing` to record for someone else); a user sees their own
/// time, and everyone's with `view_rates`; terms and write-offs need `manage_billing`.
#[derive(Debug)]
pub struct TimeService<'s> {
    pub(super) session: &'s Session,
}

/// The matter work is recorded on: visible, not archived; the actor may record.
fn work_matter(ctx: &WriteCtx<'_>, matter: MatterId) -> Result<Matter> {
    ctx.require(Capability::RecordTime)?;
    let matter = ctx.matter(matter)?;
    matter.ensure_editable()?;
    Ok(matter)
}

/// The matter of a source the actor may see: a source on a matter they may not see, or an
/// unfiled communication without `edit_matters` (which reads the unfiled queue), is not found,
/// as a missing one.
fn source_matter(
    actor: &User,
    sees: impl Fn(MatterId) -> bool,
    source: TimeSource,
    on: Option<MatterId>,
) -> Result<Option<MatterId>> {
    let hidden = match on {
        Some(m) => !sees(m),
        None => {
            matches!(source, TimeSource::Communication(_)) && !actor.can(Capability::EditMatters)
        }
    };
    if hidden {
        return Err(LexcaseError::not_found("source"));
    }
    Ok(on)
}

/// Checks that a linked source exists, is visible, and is on the same matter.
fn check_source(ctx: &WriteCtx<'_>, source: TimeSource, matter: MatterId) -> Result<()> {
    let on = match source {
        TimeSource::Typed | TimeSource::Timer => return Ok(()),
        TimeSource::Communication(id) => ctx.tx.communication(id)?.map(|c| c.matter),
        TimeSource::Task(id) => ctx.tx.task(id)?.map(|t| t.matter),
        TimeSource::Appointment(id) => ctx.tx.appointment(id)?.map(|a| a.matter),
    }
    .ok_or_else(|| LexcaseError::not_found("source"))?;
    let on = source_matter(&ctx.actor, |m| ctx.matter(m).is_ok(), source, on)?;
    if on != Some(matter) {
        return Err(LexcaseError::validation(
            "source",
            "the source is not on the same matter",
        ));
    }
    Ok(())
}

/// What recording needs to know about matters and fee earners, loaded once per command (a
/// batch of entries on a few matters reads each matter, its terms and each user once).
#[derive(Default)]
struct RecordingContext {
    matters: HashMap<MatterId, (Matter, MatterTerms)>,
    users: HashMap<UserId, User>,
}

impl RecordingContext {
    /// Records one entry inside a command.
    fn insert(&mut self, ctx: &mut WriteCtx<'_>, new: NewTimeEntry) -> Result<TimeEntry> {
        let user = new.user.unwrap_or(ctx.actor.id);
        if user != ctx.actor.id {
            ctx.require(Capability::ManageBilling)?;
        }
        let (matter, terms) = match self.matters.entry(new.matter) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(slot) => {
                let matter = work_matter(ctx, new.matter)?;
                let terms = MatterTerms::load(ctx.tx, &matter)?;
                slot.insert((matter, terms))
            }
        };
        let fee_earner = match self.users.entry(user) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(slot) => slot.insert(ctx.active_user(user, "user")?),
        };
        if matter.access.is_walled(user) {
            return Err(LexcaseError::validation(
                "user",
                "the user is behind an ethical wall on this matter",
            ));
        }
        check_source(ctx, new.source, matter.id)?;
        let code = |c: &Option<String>| c.as_deref().map(|c| c.trim().to_ascii_uppercase());
        let (task, activity) = (code(&new.task_code), code(&new.activity_code));
        terms.check_codes(task.as_deref(), activity.as_deref(), None)?;
        let rate = terms.rate(
            matter,
            fee_earner.default_rate,
            user,
            activity.as_deref(),
            new.rate
                .map(|r| r.or_currency(matter.billing.currency, "rate"))
                .transpose()?,
        )?;
        let entry = TimeEntry::create(new, user, rate, terms.rounding(), ctx.actor.id, ctx.now)?;
        ctx.create(entry, "time.recorded")
    }
}

/// Records one entry inside a command.
fn insert_entry(ctx: &mut WriteCtx<'_>, new: NewTimeEntry) -> Result<TimeEntry> {
    RecordingContext::default().insert(ctx, new)
}

impl<'s> TimeService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// Records time. The rate comes from the hierarchy (manual → matter for this user →
    /// matter → client for this user → client → activity → user default) and the rounding
    /// policy in force is kept on the entry.
    pub fn record(&self, new: NewTimeEntry) -> Result<TimeEntry> {
        self.session.write(|ctx| insert_entry(ctx, new))
    }

    /// Records many entries in one transaction (imports, mobile sync): all or none.
    pub fn record_many(&self, new: Vec<NewTimeEntry>) -> Result<Vec<TimeEntry>> {
        self.record_many_with_progress(new, &mut Silent)
    }

    /// [`TimeService::record_many`], reporting each entry recorded to `progress` (phase
    /// `time.record`, of the entries given); a cancel ends it with
    /// [`LexcaseError::Cancelled`] and rolls the whole batch back: no entry is recorded.
    pub fn record_many_with_progress(
        &self,
        new: Vec<NewTimeEntry>,
        progress: &mut dyn Progress,
    ) -> Result<Vec<TimeEntry>> {
        crate::validate::bounded("entries", &new, MAX_BATCH)?;
        self.session.write(|ctx| {
            let mut counter = Counter::start(progress, "time.record", Some(new.len() as u64))?;
            let mut recording = RecordingContext::default();
            let mut recorded = Vec::with_capacity(new.len());
            for n in new {
                recorded.push(recording.insert(ctx, n)?);
                counter.step()?;
            }
            Ok(recorded)
        })
    }

    /// Records time spent on a communication, task or calendar entry: the matter and day
    /// come from it, and the narrative from its subject or title unless given.
    pub fn record_for(
        &self,
        source: TimeSource,
        seconds: u32,
        narrative: Option<&str>,
    ) -> Result<TimeEntry> {
        let zone = self.session.firm().settings()?.zone()?;
        let (matter, date, title) = self.session.read(|ctx| {
            let found = match source {
                TimeSource::Communication(id) => ctx.tx.communication(id)?.map(|c| {
                    (
                        c.matter,
                        c.occurred_at.with_timezone(&zone).date_naive(),
                        c.subject,
                    )
                }),
                TimeSource::Task(id) => ctx.tx.task(id)?.map(|t| {
                    (
                        t.matter,
                        t.created_at.with_timezone(&zone).date_naive(),
                        t.title,
                    )
                }),
                TimeSource::Appointment(id) => ctx
                    .tx
                    .appointment(id)?
                    .map(|a| (a.matter, a.schedule.local_start().date(), a.title)),
                TimeSource::Typed | TimeSource::Timer => {
                    return Err(LexcaseError::validation(
                        "source",
                        "give a communication, task or calendar entry",
                    ));
                }
            };
            let (on, date, title) = found.ok_or_else(|| LexcaseError::not_found("source"))?;
            let matter = source_matter(&ctx.actor, |m| ctx.matter(m).is_ok(), source, on)?
                .ok_or_else(|| LexcaseError::validation("source", "the source is on no matter"))?;
            Ok((matter, date, title))
        })?;
        let mut new = NewTimeEntry::new(matter, date, seconds, narrative.unwrap_or(&title));
        new.source = source;
        self.record(new)
    }

    fn visible_entry(ctx: &ReadCtx<'_>, id: TimeEntryId) -> Result<TimeEntry> {
        let entry = ctx
            .tx
            .time_entry(id)?
            .ok_or_else(|| LexcaseError::not_found("time_entry"))?;
        ctx.matter(entry.matter)
            .map_err(|_| LexcaseError::not_found("time_entry"))?;
        if entry.user != ctx.actor.id && !ctx.actor.can(Capability::ViewRates) {
            return Err(LexcaseError::not_found("time_entry"));
        }
        Ok(entry)
    }

    /// A time entry by id (one's own, or anyone's with `view_rates`).
    pub fn get(&self, id: TimeEntryId) -> Result<TimeEntry> {
        self.session.read(|ctx| Self::visible_entry(ctx, id))
    }

    fn change_entry(
        &self,
        id: TimeEntryId,
        expected_version: u64,
        action: &str,
        f: impl FnOnce(&mut TimeEntry, &WriteCtx<'_>, &MatterTerms) -> Result<()>,
    ) -> Result<TimeEntry> {
        self.session.write(|ctx| {
            let before = ctx
                .tx
                .time_entry(id)?
                .ok_or_else(|| LexcaseError::not_found("time_entry"))?;
            let matter = ctx
                .matter(before.matter)
                .map_err(|_| LexcaseError::not_found("time_entry"))?;
            matter.ensure_editable()?;
            ctx.require(if before.user == ctx.actor.id {
                Capability::RecordTime
            } else {
                Capability::ManageBilling
            })?;
            let terms = MatterTerms::load(ctx.tx, &matter)?;
            ctx.amend(before, expected_version, action, |e, ctx| f(e, ctx, &terms))
        })
    }

    /// Changes unbilled time (one's own; anyone's with `manage_billing`).
    pub fn update(
        &self,
        id: TimeEntryId,
        expected_version: u64,
        changes: TimeEntryChanges,
    ) -> Result<TimeEntry> {
        self.change_entry(id, expected_version, "time.updated", |e, _, terms| {
            e.apply(changes)?;
            terms.check_codes(e.task_code.as_deref(), e.activity_code.as_deref(), None)
        })
    }

    /// Writes off unbilled time: it will never be billed (needs `manage_billing`).
    pub fn write_off(&self, id: TimeEntryId, expected_version: u64) -> Result<TimeEntry> {
        self.change_entry(id, expected_version, "time.written_off", |e, ctx, _| {
            ctx.require(Capability::ManageBilling)?;
            e.ensure_unbilled()?;
            e.status = WorkStatus::WrittenOff;
            Ok(())
        })
    }

    /// Time entries matching `query`; listing anyone else's needs `view_rates`.
    pub fn list(&self, query: &WorkQuery, page: Page) -> Result<Paged<TimeEntry>> {
        self.session.read(|ctx| {
            if query.user != Some(ctx.actor.id) {
                ctx.actor.require(Capability::ViewRates)?;
            }
            if let Some(matter) = query.matter {
                ctx.matter(matter)?;
            }
            ctx.tx.time_entries(query, &ctx.viewer(), page)
        })
    }

    /// The actor's timer, if one is running or paused.
    pub fn timer(&self) -> Result<Option<Timer>> {
        self.session.read(|ctx| ctx.tx.timer(ctx.actor.id))
    }

    /// Starts the actor's timer on a matter (one timer per user: a second is a conflict).
    pub fn start_timer(&self, matter: MatterId, narrative: &str) -> Result<Timer> {
        self.session.write(|ctx| {
            work_matter(ctx, matter)?;
            if ctx.tx.timer(ctx.actor.id)?.is_some() {
                return Err(LexcaseError::Conflict {
                    reason: "a timer is already running or paused: stop it first".into(),
                });
            }
            let timer = Timer::start(ctx.actor.id, matter, narrative, ctx.now)?;
            ctx.create(timer, "timer.started")
        })
    }

    fn change_timer(
        &self,
        action: &str,
        f: impl FnOnce(&mut Timer, chrono::DateTime<chrono::Utc>) -> Result<()>,
    ) -> Result<Timer> {
        self.session.write(|ctx| {
            let timer = ctx
                .tx
                .timer(ctx.actor.id)?
                .ok_or_else(|| LexcaseError::not_found("timer"))?;
            let version = timer.version;
            ctx.amend(timer, version, action, |t, ctx| f(t, ctx.now))
        })
    }

    /// Pauses the actor's running timer.
    pub fn pause_timer(&self) -> Result<Timer> {
        self.change_timer("timer.paused", |t, now| t.pause(now))
    }

    /// Resumes the actor's paused timer.
    pub fn resume_timer(&self) -> Result<Timer> {
        self.change_timer("timer.resumed", |t, now| t.resume(now))
    }

    /// Stops the actor's timer and records its time (at least one second) on its matter,
    /// with `narrative` if given (else the timer's).
    pub fn stop_timer(&self, narrative: Option<&str>) -> Result<TimeEntry> {
        self.session.write(|ctx| {
            let timer = ctx
                .tx
                .timer(ctx.actor.id)?
                .ok_or_else(|| LexcaseError::not_found("timer"))?;
            let seconds = timer.elapsed(ctx.now).max(1);
            let text = narrative.unwrap_or(&timer.narrative).to_owned();
            let date = ctx.settings.date_of(timer.started_at)?;
            ctx.tx.delete_timer(timer.user, timer.version)?;
            ctx.record(
                crate::audit::EntityKind::User,
                timer.user.into(),
                vec![timer.matter],
                "timer.stopped",
                Some(&timer),
                None,
            )?;
            let mut new = NewTimeEntry::new(timer.matter, date, seconds, &text);
            new.source = TimeSource::Timer;
            insert_entry(ctx, new)
        })
    }

    /// Discards the actor's timer without recording its time, whatever became of its matter
    /// since it started (closed, archived, or walled off from the actor): a timer that can no
    /// longer be stopped into an entry never blocks the next one. Returns the discarded timer.
    pub fn discard_timer(&self) -> Result<Timer> {
        self.session.write(|ctx| {
            let timer = ctx
                .tx
                .timer(ctx.actor.id)?
                .ok_or_else(|| LexcaseError::not_found("timer"))?;
            ctx.tx.delete_timer(timer.user, timer.version)?;
            ctx.record(
                crate::audit::EntityKind::User,
                timer.user.into(),
                vec![timer.matter],
                "timer.discarded",
                Some(&timer),
                None,
            )?;
            Ok(timer)
        })
    }

    /// Records an expense or disbursement (its codes are checked like time's).
    pub fn record_expense(&self, new: NewExpense) -> Result<Expense> {
        self.session.write(|ctx| {
            let matter = work_matter(ctx, new.matter)?;
            if let Some(doc) = new.receipt {
                let receipt = ctx
                    .tx
                    .document(doc)?
                    .filter(|d| ctx.matter(d.matter).is_ok())
                    .ok_or_else(|| LexcaseError::not_found("document"))?;
                if receipt.matter != matter.id {
                    return Err(LexcaseError::validation(
                        "receipt",
                        "the receipt is not a document of the matter",
                    ));
                }
            }
            let terms = MatterTerms::load(ctx.tx, &matter)?;
            let expense = Expense::create(new, matter.billing.currency, ctx.actor.id, ctx.now)?;
            terms.check_codes(None, None, expense.expense_code.as_deref())?;
            ctx.create(expense, "expense.recorded")
        })
    }

    /// An expense by id.
    pub fn expense(&self, id: ExpenseId) -> Result<Expense> {
        self.session.read(|ctx| {
            let expense = ctx
                .tx
                .expense(id)?
                .ok_or_else(|| LexcaseError::not_found("expense"))?;
            ctx.matter(expense.matter)
                .map_err(|_| LexcaseError::not_found("expense"))?;
            Ok(expense)
        })
    }

    /// Changes an unbilled expense.
    pub fn update_expense(
        &self,
        id: ExpenseId,
        expected_version: u64,
        changes: ExpenseChanges,
    ) -> Result<Expense> {
        self.session.write(|ctx| {
            let before = ctx
                .tx
                .expense(id)?
                .ok_or_else(|| LexcaseError::not_found("expense"))?;
            let matter = work_matter(ctx, before.matter)?;
            let terms = MatterTerms::load(ctx.tx, &matter)?;
            ctx.amend(before, expected_version, "expense.updated", |e, _| {
                e.apply(changes)?;
                terms.check_codes(None, None, e.expense_code.as_deref())
            })
        })
    }

    /// Expenses matching `query`.
    pub fn expenses(&self, query: &WorkQuery, page: Page) -> Result<Paged<Expense>> {
        self.session.read(|ctx| {
            if let Some(matter) = query.matter {
                ctx.matter(matter)?;
            }
            ctx.tx.expenses(query, &ctx.viewer(), page)
        })
    }
}
