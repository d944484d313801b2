//! Tasks: reads, the task views, anchored tasks, writes.

use lexcase::access::Viewer;
use lexcase::store::{Page, Paged, TaskQuery};
use lexcase::tasks::{Assignee, DueAnchor, Task};
use lexcase::{MatterId, Result, TaskId};
use lexcase_sql::keyset::SortKey;

use crate::matter_list::on_visible_matter;
use crate::paging::{self, List};
use crate::records::versioned_update;
use crate::scope::{Scope, to_json};
use crate::value::Arg;

/// A task by id.
pub(crate) fn task(scope: &mut Scope<'_>, id: TaskId) -> Result<Option<Task>> {
    scope.body(
        TaskId::ENTITY,
        "SELECT body FROM tasks WHERE firm_id = $1 AND id = ?",
        &[Arg::id(id)],
    )
}

/// Tasks matching `query` that `viewer` may see, soonest due first.
pub(crate) fn tasks(
    scope: &mut Scope<'_>,
    query: &TaskQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Task>> {
    // A task on a matter follows the matter's visibility; tasks on no matter are for everyone.
    let (rule, mut args) = on_visible_matter("t.matter_id", viewer);
    let mut conditions = vec![
        "t.firm_id = $1".to_owned(),
        format!("(t.matter_id IS NULL OR {rule})"),
    ];
    if let Some(matter) = query.matter {
        conditions.push("t.matter_id = ?".into());
        args.push(Arg::id(matter));
    }
    if let Some(user) = query.assignee {
        conditions.push("t.assignee_user = ?".into());
        args.push(Arg::id(user));
    }
    if let Some(user) = query.team_member {
        conditions.push(
            "t.matter_id IN (SELECT tm.matter_id FROM matter_members tm \
             WHERE tm.firm_id = $1 AND tm.user_id = ?)"
                .into(),
        );
        args.push(Arg::id(user));
    }
    if query.open_only {
        conditions.push("t.open".into());
    }
    if let Some(from) = query.due_from {
        conditions.push("t.due_date >= ?".into());
        args.push(Arg::date(from));
    }
    if let Some(to) = query.due_to {
        conditions.push("t.due_date <= ?".into());
        args.push(Arg::date(to));
    }
    // Undated tasks last (at the day after the last date the domain allows); then the most
    // urgent; then in creation order.
    const ORDER: &[SortKey] = &[
        SortKey::asc("coalesce(t.due_date, DATE '10000-01-01')"),
        SortKey::desc("t.priority_rank"),
        SortKey::asc("t.created_at"),
        SortKey::asc("t.id"),
    ];
    paging::page(
        scope,
        List {
            columns: "t.body",
            from: "tasks t",
            conditions,
            args,
            keys: ORDER,
        },
        &page,
        paging::body(TaskId::ENTITY),
    )
}

/// Tasks whose due rule counts from `anchor`.
pub(crate) fn anchored_to(
    scope: &mut Scope<'_>,
    anchor: &DueAnchor,
    matter: Option<MatterId>,
) -> Result<Vec<Task>> {
    match anchor {
        DueAnchor::Task(id) => scope.bodies(
            TaskId::ENTITY,
            "SELECT body FROM tasks WHERE firm_id = $1 AND anchor_task = ? ORDER BY created_at, id",
            &[Arg::id(*id)],
        ),
        DueAnchor::KeyDate(name) => scope.bodies(
            TaskId::ENTITY,
            "SELECT body FROM tasks WHERE firm_id = $1 AND matter_id = ? AND anchor_key_date = ? \
             ORDER BY created_at, id",
            &[Arg::opt_id(matter), Arg::text(name)],
        ),
    }
}

/// Every task of a matter.
pub(crate) fn of_matter(scope: &mut Scope<'_>, matter: MatterId) -> Result<Vec<Task>> {
    scope.bodies(
        TaskId::ENTITY,
        "SELECT body FROM tasks WHERE firm_id = $1 AND matter_id = ? ORDER BY created_at, id",
        &[Arg::id(matter)],
    )
}

/// The copies of a task's fields that its row is filtered and sorted on, in the order of the
/// columns `matter_id` … `anchor_key_date`.
fn columns(task: &Task) -> Vec<Arg<'_>> {
    let anchor = task.due.as_ref().and_then(|d| d.anchor());
    vec![
        Arg::opt_id(task.matter),
        Arg::opt_id(match task.assignee {
            Some(Assignee::User(u)) => Some(u),
            _ => None,
        }),
        Arg::bool(task.status.is_open()),
        Arg::opt_date(task.due_date),
        Arg::int(task.priority as i64),
        Arg::opt_id(match anchor {
            Some(DueAnchor::Task(t)) => Some(*t),
            _ => None,
        }),
        Arg::opt_text(match anchor {
            Some(DueAnchor::KeyDate(name)) => Some(name.as_str()),
            _ => None,
        }),
    ]
}

/// Inserts a task.
pub(crate) fn insert(scope: &mut Scope<'_>, task: &Task) -> Result<()> {
    let mut args = vec![Arg::id(task.id), Arg::count(task.version)?];
    args.extend(columns(task));
    args.push(Arg::instant(task.created_at));
    args.push(Arg::string(to_json(TaskId::ENTITY, task)?));
    let inserted = scope.execute(
        "INSERT INTO tasks (firm_id, id, version, matter_id, assignee_user, open, due_date, \
         priority_rank, anchor_task, anchor_key_date, created_at, body) \
         VALUES ($1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        &args,
    )?;
    if inserted == 0 {
        return Err(lexcase::LexcaseError::Conflict {
            reason: "the task already exists".into(),
        });
    }
    Ok(())
}

/// Updates a task stored at `expected`.
pub(crate) fn update(scope: &mut Scope<'_>, task: &Task, expected: u64) -> Result<()> {
    let body = to_json(TaskId::ENTITY, task)?;
    versioned_update(
        scope,
        TaskId::ENTITY,
        "SELECT version FROM tasks WHERE firm_id = $1 AND id = ?",
        &[Arg::id(task.id)],
        task.version,
        expected,
        |scope, version, expected| {
            let mut args = vec![Arg::int(version)];
            args.extend(columns(task));
            args.push(Arg::text(&body));
            args.push(Arg::id(task.id));
            args.push(Arg::int(expected));
            scope.execute(
                "UPDATE tasks SET version = ?, matter_id = ?, assignee_user = ?, open = ?, \
                 due_date = ?, priority_rank = ?, anchor_task = ?, anchor_key_date = ?, \
                 body = ? WHERE firm_id = $1 AND id = ? AND version = ?",
                &args,
            )
        },
    )
}
