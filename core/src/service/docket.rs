//! The docket: entering deadlines computed from court and statutory rules, keeping them in
//! step with their triggers, closing them, the register and reminders.

use chrono::NaiveDate;

use super::Session;
use super::context::{ReadCtx, WriteCtx};
use super::docket_dates::{cascade, compute, ensure_no_cycle};
use crate::access::Capability;
use crate::audit::AuditEvent;
use crate::docket::{
    Deadline, DeadlineChanges, DeadlineReminder, DeadlineStatus, DeadlineTrigger,
    MAX_REMINDER_DAYS, NewDeadline,
};
use crate::error::{LexcaseError, Result};
use crate::ids::{DeadlineId, MatterId, UserId};
use crate::matters::Matter;
use crate::store::{DeadlineQuery, Page, Paged};

/// The longest range reminders are listed for: 366 days.
const MAX_REMINDER_WINDOW: i64 = 366;

/// Deadlines. They follow their matter's visibility; entering and changing them needs
/// `edit_matters`.
#[derive(Debug)]
pub struct DocketService<'s> {
    session: &'s Session,
}

/// The matter of a deadline, checked for the actor: visible, editable, `edit_matters`.
fn editable_matter(ctx: &WriteCtx<'_>, matter: MatterId) -> Result<Matter> {
    let matter = ctx.matter(matter)?;
    matter.ensure_editable()?;
    ctx.require(Capability::EditMatters)?;
    Ok(matter)
}

/// Checks the responsible user (active, not walled off) and a chained trigger (a deadline of
/// the same matter, without a cycle).
fn check_links(ctx: &WriteCtx<'_>, deadline: &Deadline, matter: &Matter) -> Result<()> {
    if let Some(user) = deadline.responsible {
        ctx.active_user(user, "responsible")?;
        if matter.access.is_walled(user) {
            return Err(LexcaseError::validation(
                "responsible",
                "the user is behind an ethical wall on this matter",
            ));
        }
    }
    if let DeadlineTrigger::Deadline { id } = &deadline.trigger {
        // A deadline on a matter the actor may not see is not found, as a missing one.
        let source = ctx
            .tx
            .deadline(*id)?
            .filter(|d| ctx.matter(d.matter).is_ok())
            .ok_or_else(|| LexcaseError::not_found("deadline"))?;
        if source.matter != deadline.matter {
            return Err(LexcaseError::validation(
                "trigger",
                "a chained deadline counts from a deadline of the same matter",
            ));
        }
        ensure_no_cycle(ctx.tx, deadline.id, &deadline.trigger)?;
    }
    Ok(())
}

impl<'s> DocketService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// Enters a deadline on a matter and computes it (it waits undated while its key date or
    /// chained deadline has none). The register records who entered it and on which day.
    pub fn add(&self, new: NewDeadline) -> Result<Deadline> {
        self.session.write(|ctx| {
            let matter = editable_matter(ctx, new.matter)?;
            let mut deadline = Deadline::create(new, ctx.actor.id, ctx.now, ctx.today()?)?;
            check_links(ctx, &deadline, &matter)?;
            deadline.computed = compute(ctx, &deadline, &matter)?;
            ctx.create(deadline, "deadline.entered")
        })
    }

    fn visible(ctx: &ReadCtx<'_>, id: DeadlineId) -> Result<Deadline> {
        let deadline = ctx
            .tx
            .deadline(id)?
            .ok_or_else(|| LexcaseError::not_found("deadline"))?;
        ctx.matter(deadline.matter)
            .map_err(|_| LexcaseError::not_found("deadline"))?;
        Ok(deadline)
    }

    /// A deadline by id.
    pub fn get(&self, id: DeadlineId) -> Result<Deadline> {
        self.session.read(|ctx| Self::visible(ctx, id))
    }

    /// The deadline's history (entered, recomputed, changed, closed — who and when).
    pub fn history(&self, id: DeadlineId) -> Result<Vec<AuditEvent>> {
        self.get(id)?;
        self.session.audit().history(id.into())
    }

    fn change(
        &self,
        id: DeadlineId,
        expected_version: u64,
        action: &str,
        f: impl FnOnce(&mut Deadline, &WriteCtx<'_>, &Matter) -> Result<()>,
    ) -> Result<Deadline> {
        self.session.write(|ctx| {
            let before = ctx
                .tx
                .deadline(id)?
                .ok_or_else(|| LexcaseError::not_found("deadline"))?;
            let matter = editable_matter(ctx, before.matter).map_err(|e| match e {
                LexcaseError::NotFound { .. } => LexcaseError::not_found("deadline"),
                other => other,
            })?;
            let old = before.computed.clone();
            let after = ctx.amend(before, expected_version, action, |d, ctx| {
                f(d, ctx, &matter)
            })?;
            if after.computed != old {
                cascade(
                    ctx,
                    DeadlineTrigger::Deadline { id: after.id },
                    after.matter,
                )?;
            }
            Ok(after)
        })
    }

    /// Changes title, trigger, service method, calendars, reminders or the responsible user;
    /// the date is recomputed, and deadlines chained to this one move with it.
    pub fn update(
        &self,
        id: DeadlineId,
        expected_version: u64,
        changes: DeadlineChanges,
    ) -> Result<Deadline> {
        self.change(
            id,
            expected_version,
            "deadline.updated",
            |d, ctx, matter| {
                d.apply(changes)?;
                check_links(ctx, d, matter)?;
                d.computed = compute(ctx, d, matter)?;
                Ok(())
            },
        )
    }

    /// Marks the deadline met.
    pub fn complete(&self, id: DeadlineId, expected_version: u64) -> Result<Deadline> {
        self.change(id, expected_version, "deadline.done", |d, ctx, _| {
            d.close(DeadlineStatus::Done, None, ctx.actor.id, ctx.now)
        })
    }

    /// Marks the deadline as no longer applying, with the reason.
    pub fn vacate(&self, id: DeadlineId, expected_version: u64, reason: &str) -> Result<Deadline> {
        self.change(id, expected_version, "deadline.vacated", |d, ctx, _| {
            d.close(DeadlineStatus::Vacated, Some(reason), ctx.actor.id, ctx.now)
        })
    }

    /// Deadlines matching `query` on matters the actor may see, soonest first.
    pub fn list(&self, query: &DeadlineQuery, page: Page) -> Result<Paged<Deadline>> {
        self.session.read(|ctx| {
            if let Some(matter) = query.matter {
                ctx.matter(matter)?;
            }
            ctx.tx.deadlines(query, &ctx.viewer(), page)
        })
    }

    /// The register: deadlines entered on `day` (in the firm's zone), with who entered each,
    /// in the order they were entered.
    pub fn entered_on(&self, day: NaiveDate, page: Page) -> Result<Paged<Deadline>> {
        let query = DeadlineQuery {
            entered_on: Some(day),
            ..DeadlineQuery::default()
        };
        self.list(&query, page)
    }

    /// Reminders falling between two dates (inclusive) for open deadlines, optionally only
    /// those `responsible` is responsible for, by reminder day then due date.
    pub fn reminders(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        responsible: Option<UserId>,
    ) -> Result<Vec<DeadlineReminder>> {
        if to < from || (to - from).num_days() >= MAX_REMINDER_WINDOW {
            return Err(LexcaseError::validation(
                "to",
                "the range must run forwards over at most 366 days",
            ));
        }
        let last_due = to
            .checked_add_days(chrono::Days::new(u64::from(MAX_REMINDER_DAYS)))
            .ok_or_else(|| LexcaseError::validation("to", "date out of range"))?;
        let query = DeadlineQuery {
            responsible,
            open_only: true,
            due_from: Some(from),
            due_to: Some(last_due),
            ..DeadlineQuery::default()
        };
        let deadlines = Paged::collect_all(|page| self.list(&query, page))?;
        let mut found = Vec::new();
        for d in &deadlines {
            let Some(due) = d.due() else { continue };
            for &days in &d.reminders {
                let on = due.checked_sub_days(chrono::Days::new(u64::from(days)));
                if let Some(on) = on.filter(|on| (from..=to).contains(on)) {
                    found.push(DeadlineReminder {
                        deadline: d.id,
                        matter: d.matter,
                        title: d.title.clone(),
                        due,
                        remind_on: on,
                        days_before: days,
                        responsible: d.responsible,
                    });
                }
            }
        }
        found.sort_by_key(|r| (r.remind_on, r.due, r.deadline));
        Ok(found)
    }
}
