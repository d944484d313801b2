//! Due dates of tasks: resolving a rule against its anchor, refusing anchor cycles, and moving
//! every dependent task when an anchor moves.

use std::collections::VecDeque;

use chrono::NaiveDate;

use super::context::WriteCtx;
use crate::error::{LexcaseError, Result};
use crate::ids::{MatterId, TaskId};
use crate::matters::Matter;
use crate::store::ReadTx;
use crate::tasks::{DueAnchor, Task};

/// The most tasks one change may move (a guard against runaway chains).
const MAX_CASCADE: usize = 10_000;

/// The date `task`'s rule gives now (`None` while its anchor has no date).
pub(crate) fn resolve(
    ctx: &WriteCtx<'_>,
    task: &Task,
    matter: Option<&Matter>,
) -> Result<Option<NaiveDate>> {
    let Some(due) = &task.due else {
        return Ok(None);
    };
    let anchor_date = match due.anchor() {
        None => None,
        Some(DueAnchor::KeyDate(name)) => matter.and_then(|m| m.key_dates.get(name).copied()),
        Some(DueAnchor::Task(id)) => anchor_task(ctx, task.matter, *id)?.due_date,
    };
    due.resolve(anchor_date, ctx.settings.calendar())
}

/// The task a due date of a task on `matter` counts from: one the actor may see (else not
/// found, as a missing one) on the same matter (or, for a task on no matter, on none) — so a
/// due date never reveals, nor a cascade moves, a task on a matter the actor may not see.
pub(crate) fn anchor_task(
    ctx: &WriteCtx<'_>,
    matter: Option<MatterId>,
    anchor: TaskId,
) -> Result<Task> {
    let task = ctx
        .tx
        .task(anchor)?
        .ok_or_else(|| LexcaseError::not_found("task"))?;
    if let Some(on) = task.matter {
        ctx.matter(on)
            .map_err(|_| LexcaseError::not_found("task"))?;
    }
    if task.matter != matter {
        return Err(LexcaseError::validation(
            "due",
            "a task counts from a task of the same matter",
        ));
    }
    Ok(task)
}

/// Refuses a rule on `task` that counts from a task which (transitively) counts from `task`.
pub(crate) fn ensure_no_cycle(
    tx: &dyn ReadTx,
    task: TaskId,
    due_anchor: Option<&DueAnchor>,
) -> Result<()> {
    let mut next = match due_anchor {
        Some(DueAnchor::Task(id)) => Some(*id),
        _ => None,
    };
    let mut steps = 0;
    while let Some(id) = next {
        if id == task {
            return Err(LexcaseError::validation(
                "due",
                "the due dates would count from each other in a circle",
            ));
        }
        steps += 1;
        if steps > MAX_CASCADE {
            return Err(LexcaseError::validation(
                "due",
                "the chain of anchored tasks is too long",
            ));
        }
        next = match tx.task(id)?.and_then(|t| t.due) {
            Some(crate::tasks::TaskDue::Relative {
                anchor: DueAnchor::Task(a),
                ..
            }) => Some(a),
            _ => None,
        };
    }
    Ok(())
}

/// After `anchor` moved, gives every task counting from it (transitively) its new due date,
/// each change audited. Only tasks on the anchor's matter move (a task on another matter
/// that counted from it before anchors were kept to one matter is left alone).
pub(crate) fn cascade(
    ctx: &mut WriteCtx<'_>,
    anchor: DueAnchor,
    matter: Option<MatterId>,
) -> Result<()> {
    let mut queue = VecDeque::from([(anchor, matter)]);
    let mut moved = 0;
    while let Some((anchor, matter)) = queue.pop_front() {
        for task in ctx.tx.tasks_anchored_to(&anchor, matter)? {
            if task.matter != matter {
                continue;
            }
            let on_matter = task
                .matter
                .map(|id| ctx.tx.matter(id))
                .transpose()?
                .flatten();
            let date = resolve(ctx, &task, on_matter.as_ref())?;
            if date == task.due_date {
                continue;
            }
            moved += 1;
            if moved > MAX_CASCADE {
                return Err(LexcaseError::validation("due", "too many dependent tasks"));
            }
            let (id, version, task_matter) = (task.id, task.version, task.matter);
            ctx.amend(task, version, "task.due_moved", |t, _| {
                t.due_date = date;
                Ok(())
            })?;
            queue.push_back((DueAnchor::Task(id), task_matter));
        }
    }
    Ok(())
}
