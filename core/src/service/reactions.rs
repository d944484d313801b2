//! What a change in one area sets off in another, in the same write: the only module that
//! knows more than one area. Tasks, documents, matters and workflow call in here and never
//! each other, so the areas stay independent (no `tasks` ↔ `workflow` cycle).
//!
//! - a workflow stage entered creates its checklist tasks;
//! - a task completed ticks the checklist item it was created for;
//! - a key date set moves the tasks and deadlines counted from it, ticks the items asking for
//!   it and completes their prompt tasks;
//! - a document filed ticks the items asking for its category;
//! - a party added or re-cast re-runs the matter's conflict check, if it has one.

use chrono::NaiveDate;

use super::context::WriteCtx;
use super::{conflicts, docket_dates, task_dates, tasks, workflow};
use crate::docket::DeadlineTrigger;
use crate::error::Result;
use crate::ids::MatterId;
use crate::matters::Matter;
use crate::tasks::{Assignee, DueAnchor, NewTask, Priority, TaskDue, TaskStatus};
use crate::workflow::{DueRule, ItemKind, WorkflowTemplate};

/// Creates the tasks of the stage the matter has just entered, once per checklist item: the
/// assignee is the team member in the item's matter role (else the responsible fee earner);
/// a due date counted from stage entry is fixed now, one counted from a key date follows it.
pub(crate) fn stage_entered(
    ctx: &mut WriteCtx<'_>,
    matter: &Matter,
    template: &WorkflowTemplate,
    stage: &str,
) -> Result<()> {
    let existing: Vec<String> = ctx
        .tx
        .tasks_of_matter(matter.id)?
        .into_iter()
        .filter_map(|t| t.checklist_item)
        .collect();
    let today = ctx.today()?;
    for item in &template.stage(stage)?.items {
        if existing.contains(&item.id) {
            continue;
        }
        // A key date not yet set gets a prompt for the responsible fee earner; setting the date
        // ticks the item and completes the prompt.
        if let ItemKind::KeyDate { name } = &item.kind {
            if !matter.key_dates.contains_key(name) {
                let new = NewTask {
                    matter: Some(matter.id),
                    title: format!("Set key date: {name}"),
                    description: item.title.clone(),
                    assignee: Some(Assignee::User(matter.responsible)),
                    priority: Priority::Normal,
                    due: None,
                };
                tasks::insert(ctx, new, Some(item.id.clone()), Some(matter))?;
            }
            continue;
        }
        let ItemKind::Task { assignee_role, due } = &item.kind else {
            continue;
        };
        let assignee = assignee_role
            .and_then(|role| matter.team.iter().find(|m| m.role == role).map(|m| m.user))
            .unwrap_or(matter.responsible);
        let due = match due {
            None => None,
            Some(rule @ DueRule::StageEntered { .. }) => Some(TaskDue::On {
                date: rule.count()?.apply(today, ctx.settings.calendar())?,
            }),
            Some(DueRule::KeyDate { name, days, unit }) => Some(TaskDue::Relative {
                anchor: DueAnchor::KeyDate(name.clone()),
                days: *days,
                unit: *unit,
            }),
        };
        let new = NewTask {
            matter: Some(matter.id),
            title: item.title.clone(),
            description: format!("{} — {}", template.name, template.stage(stage)?.name),
            assignee: Some(Assignee::User(assignee)),
            priority: Priority::Normal,
            due,
        };
        tasks::insert(ctx, new, Some(item.id.clone()), Some(matter))?;
    }
    Ok(())
}

/// A task's checklist item is done when the task completes — except key-date items, which
/// only the key date itself completes.
pub(crate) fn task_completed(ctx: &mut WriteCtx<'_>, matter: MatterId, item: &str) -> Result<()> {
    workflow::tick_for_task(ctx, matter, item)
}

/// Key date `name` of `matter` was set (or cleared with `None`): the tasks and deadlines
/// counted from it move; a date set ticks the workflow items asking for it and completes
/// their prompt tasks.
pub(crate) fn key_date_set(
    ctx: &mut WriteCtx<'_>,
    matter: MatterId,
    name: &str,
    date: Option<NaiveDate>,
) -> Result<()> {
    task_dates::cascade(ctx, DueAnchor::KeyDate(name.to_owned()), Some(matter))?;
    let trigger = DeadlineTrigger::KeyDate {
        name: name.to_owned(),
    };
    docket_dates::cascade(ctx, trigger, matter)?;
    if date.is_none() {
        return Ok(());
    }
    let ticked = workflow::tick_key_date(ctx, matter, name)?;
    for task in ctx.tx.tasks_of_matter(matter)? {
        let answers = task
            .checklist_item
            .as_ref()
            .is_some_and(|item| ticked.contains(item));
        if task.status.is_open() && answers {
            let version = task.version;
            ctx.amend(task, version, "task.status_changed", |t, ctx| {
                t.set_status(TaskStatus::Complete, ctx.actor.id, ctx.now)
            })?;
        }
    }
    Ok(())
}

/// A document of `category` was filed to `matter`.
pub(crate) fn document_filed(
    ctx: &mut WriteCtx<'_>,
    matter: MatterId,
    category: &str,
) -> Result<()> {
    workflow::tick_document(ctx, matter, category)
}

/// The parties of `matter` changed (added, or a role changed).
pub(crate) fn parties_changed(ctx: &mut WriteCtx<'_>, matter: &Matter) -> Result<()> {
    conflicts::rerun_if_checked(ctx, matter)
}
