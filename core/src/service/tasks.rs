//! Tasks for the team: creating, changing, completing, and the views (mine, team, overdue,
//! due this week, per matter).

use chrono::{Datelike, Duration};

use super::Session;
use super::context::{ReadCtx, WriteCtx};
use super::task_dates;
use crate::access::Capability;
use crate::error::{LexcaseError, Result};
use crate::ids::{MatterId, TaskId};
use crate::matters::Matter;
use crate::store::{Page, Paged, TaskQuery};
use crate::tasks::{Assignee, DueAnchor, NewTask, Task, TaskChanges, TaskStatus};

/// Tasks. A task on a matter follows the matter's visibility and needs `edit_matters` to
/// change; a task on no matter is visible to the whole firm.
#[derive(Debug)]
pub struct TaskService<'s> {
    session: &'s Session,
}

/// The matter a task belongs to, checked for the actor: visible, editable, `edit_matters`.
fn editable_matter(ctx: &WriteCtx<'_>, matter: Option<MatterId>) -> Result<Option<Matter>> {
    let matter = matter.map(|id| ctx.matter(id)).transpose()?;
    if let Some(m) = &matter {
        m.ensure_editable()?;
    }
    ctx.require(Capability::EditMatters)?;
    Ok(matter)
}

/// Checks the assignee: an active user not walled off the matter, or an existing contact.
fn check_assignee(
    ctx: &WriteCtx<'_>,
    assignee: Option<Assignee>,
    matter: Option<&Matter>,
) -> Result<()> {
    match assignee {
        Some(Assignee::User(user)) => {
            ctx.active_user(user, "assignee")?;
            if matter.is_some_and(|m| m.access.is_walled(user)) {
                return Err(LexcaseError::validation(
                    "assignee",
                    "the user is behind an ethical wall on this matter",
                ));
            }
        }
        Some(Assignee::Contact(contact)) => {
            ctx.contact(contact)?;
        }
        None => {}
    }
    Ok(())
}

/// Creates a task inside a command (also used when a workflow stage is entered).
pub(crate) fn insert(
    ctx: &mut WriteCtx<'_>,
    new: NewTask,
    checklist_item: Option<String>,
    matter: Option<&Matter>,
) -> Result<Task> {
    check_assignee(ctx, new.assignee, matter)?;
    let mut task = Task::create(new, checklist_item, ctx.actor.id, ctx.now)?;
    if let Some(DueAnchor::Task(anchor)) = task.due.as_ref().and_then(|d| d.anchor()) {
        task_dates::anchor_task(ctx, task.matter, *anchor)?;
    }
    task.due_date = task_dates::resolve(ctx, &task, matter)?;
    ctx.create(task, "task.created")
}

impl<'s> TaskService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// Creates a task.
    pub fn create(&self, new: NewTask) -> Result<Task> {
        self.session.write(|ctx| {
            let matter = editable_matter(ctx, new.matter)?;
            insert(ctx, new, None, matter.as_ref())
        })
    }

    fn visible(ctx: &ReadCtx<'_>, id: TaskId) -> Result<Task> {
        let task = ctx
            .tx
            .task(id)?
            .ok_or_else(|| LexcaseError::not_found("task"))?;
        if let Some(matter) = task.matter {
            ctx.matter(matter)
                .map_err(|_| LexcaseError::not_found("task"))?;
        }
        Ok(task)
    }

    /// A task by id.
    pub fn get(&self, id: TaskId) -> Result<Task> {
        self.session.read(|ctx| Self::visible(ctx, id))
    }

    fn change(
        &self,
        id: TaskId,
        expected_version: u64,
        action: &str,
        f: impl FnOnce(&mut Task, &WriteCtx<'_>, Option<&Matter>) -> Result<()>,
    ) -> Result<Task> {
        self.session.write(|ctx| {
            let before = ctx
                .tx
                .task(id)?
                .ok_or_else(|| LexcaseError::not_found("task"))?;
            let matter = match before.matter {
                Some(m) => Some(ctx.matter(m).map_err(|_| LexcaseError::not_found("task"))?),
                None => None,
            };
            editable_matter(ctx, matter.as_ref().map(|m| m.id))?;
            let old_due = before.due_date;
            let after = ctx.amend(before, expected_version, action, |t, ctx| {
                f(t, ctx, matter.as_ref())
            })?;
            if after.due_date != old_due {
                task_dates::cascade(ctx, DueAnchor::Task(after.id), after.matter)?;
            }
            if after.status == TaskStatus::Complete
                && let (Some(item), Some(matter)) = (&after.checklist_item, after.matter)
            {
                super::reactions::task_completed(ctx, matter, item)?;
            }
            Ok(after)
        })
    }

    /// Changes title, description, assignee, priority or due rule; tasks counting from this
    /// one move with it.
    pub fn update(&self, id: TaskId, expected_version: u64, changes: TaskChanges) -> Result<Task> {
        self.change(id, expected_version, "task.updated", |t, ctx, matter| {
            if let Some(assignee) = changes.assignee {
                check_assignee(ctx, assignee, matter)?;
            }
            if let Some(due) = &changes.due {
                task_dates::ensure_no_cycle(ctx.tx, t.id, due.as_ref().and_then(|d| d.anchor()))?;
            }
            t.apply(changes)?;
            t.due_date = task_dates::resolve(ctx, t, matter)?;
            Ok(())
        })
    }

    /// Moves the task to `status`; completing a checklist-created task ticks its item.
    pub fn set_status(
        &self,
        id: TaskId,
        expected_version: u64,
        status: TaskStatus,
    ) -> Result<Task> {
        self.change(id, expected_version, "task.status_changed", |t, ctx, _| {
            t.set_status(status, ctx.actor.id, ctx.now)
        })
    }

    /// Tasks matching `query` that the actor may see, soonest due first.
    pub fn list(&self, query: TaskQuery, page: Page) -> Result<Paged<Task>> {
        self.session
            .read(|ctx| ctx.tx.tasks(&query, &ctx.viewer(), page))
    }

    /// The actor's open tasks.
    pub fn mine(&self, page: Page) -> Result<Paged<Task>> {
        let me = self.session.actor_id();
        self.list(
            TaskQuery {
                assignee: Some(me),
                open_only: true,
                ..TaskQuery::default()
            },
            page,
        )
    }

    /// Open tasks on the matters the actor is on (responsible, originating or team).
    pub fn team(&self, page: Page) -> Result<Paged<Task>> {
        let me = self.session.actor_id();
        self.list(
            TaskQuery {
                team_member: Some(me),
                open_only: true,
                ..TaskQuery::default()
            },
            page,
        )
    }

    /// Open tasks due before today (in the firm's zone).
    pub fn overdue(&self, page: Page) -> Result<Paged<Task>> {
        let yesterday = self.session.firm().today()? - Duration::days(1);
        self.list(
            TaskQuery {
                open_only: true,
                due_to: Some(yesterday),
                ..TaskQuery::default()
            },
            page,
        )
    }

    /// Open tasks due from today to the coming Sunday.
    pub fn due_this_week(&self, page: Page) -> Result<Paged<Task>> {
        let today = self.session.firm().today()?;
        let sunday = today + Duration::days(i64::from(6 - today.weekday().num_days_from_monday()));
        let query = TaskQuery {
            open_only: true,
            due_from: Some(today),
            due_to: Some(sunday),
            ..TaskQuery::default()
        };
        self.list(query, page)
    }

    /// Every task of a matter (open and finished).
    pub fn for_matter(&self, matter: MatterId, page: Page) -> Result<Paged<Task>> {
        self.list(
            TaskQuery {
                matter: Some(matter),
                ..TaskQuery::default()
            },
            page,
        )
    }
}
