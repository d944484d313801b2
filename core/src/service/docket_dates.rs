//! Due dates of deadlines: computing a rule against its trigger, refusing chain cycles, and
//! recomputing every dependent deadline when a trigger moves.

use std::collections::VecDeque;

use super::context::WriteCtx;
use crate::deadlines::{ComputedDeadline, DeadlineInput, Trigger};
use crate::docket::{Deadline, DeadlineTrigger};
use crate::error::{LexcaseError, Result};
use crate::ids::{DeadlineId, MatterId};
use crate::matters::Matter;
use crate::store::ReadTx;

/// The most deadlines one change may recompute (a guard against runaway chains).
const MAX_CASCADE: usize = 10_000;

/// The computation `deadline`'s rule gives now (`None` while its trigger has no date).
pub(crate) fn compute(
    ctx: &WriteCtx<'_>,
    deadline: &Deadline,
    matter: &Matter,
) -> Result<Option<ComputedDeadline>> {
    let zone = ctx.settings.zone()?;
    let trigger = match &deadline.trigger {
        DeadlineTrigger::Date { date } => Trigger::Day(*date),
        DeadlineTrigger::Moment { at } => Trigger::Moment { at: *at, zone },
        DeadlineTrigger::KeyDate { name } => match matter.key_dates.get(name) {
            Some(date) => Trigger::Day(*date),
            None => return Ok(None),
        },
        DeadlineTrigger::Deadline { id } => {
            let source = ctx
                .tx
                .deadline(*id)?
                .filter(|d| d.matter == deadline.matter)
                .ok_or_else(|| LexcaseError::not_found("deadline"))?;
            match source.computed {
                Some(c) => match c.due_at {
                    Some(at) => Trigger::Moment { at, zone },
                    None => Trigger::Day(c.due),
                },
                None => return Ok(None),
            }
        }
    };
    let firm_list = ctx.settings.holidays.as_ref();
    let holidays = deadline.holidays.resolve(firm_list)?;
    let closures = deadline.closures.resolve(firm_list)?;
    deadline
        .rule
        .compute(&DeadlineInput {
            trigger,
            service: deadline.service,
            holidays: &*holidays,
            closures: &*closures,
        })
        .map(Some)
}

/// Refuses a trigger on `deadline` that is a deadline which (transitively) counts from it.
pub(crate) fn ensure_no_cycle(
    tx: &dyn ReadTx,
    deadline: DeadlineId,
    trigger: &DeadlineTrigger,
) -> Result<()> {
    let mut next = match trigger {
        DeadlineTrigger::Deadline { id } => Some(*id),
        _ => None,
    };
    let mut steps = 0;
    while let Some(id) = next {
        steps += 1;
        if id == deadline || steps > MAX_CASCADE {
            return Err(LexcaseError::validation(
                "trigger",
                "the deadlines would count from each other in a circle",
            ));
        }
        next = match tx.deadline(id)?.map(|d| d.trigger) {
            Some(DeadlineTrigger::Deadline { id }) => Some(id),
            _ => None,
        };
    }
    Ok(())
}

/// After `trigger` moved on `matter`, recomputes every open deadline counting from it
/// (transitively), each change audited as `deadline.recomputed`.
pub(crate) fn cascade(
    ctx: &mut WriteCtx<'_>,
    trigger: DeadlineTrigger,
    matter: MatterId,
) -> Result<()> {
    let on_matter = ctx
        .tx
        .matter(matter)?
        .ok_or_else(|| LexcaseError::not_found("matter"))?;
    let mut queue = VecDeque::from([trigger]);
    let mut moved = 0;
    while let Some(trigger) = queue.pop_front() {
        for deadline in ctx.tx.deadlines_triggered_by(&trigger, matter)? {
            if !deadline.is_open() {
                continue;
            }
            let computed = compute(ctx, &deadline, &on_matter)?;
            if computed == deadline.computed {
                continue;
            }
            moved += 1;
            if moved > MAX_CASCADE {
                return Err(LexcaseError::validation(
                    "trigger",
                    "too many dependent deadlines",
                ));
            }
            let (id, version) = (deadline.id, deadline.version);
            ctx.amend(deadline, version, "deadline.recomputed", |d, _| {
                d.computed = computed;
                Ok(())
            })?;
            queue.push_back(DeadlineTrigger::Deadline { id });
        }
    }
    Ok(())
}
