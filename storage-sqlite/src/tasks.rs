//! Tasks: reads, the task views, anchored tasks, writes.

use lexcase::access::Viewer;
use lexcase::store::{Page, Paged, TaskQuery};
use lexcase::tasks::{Assignee, DueAnchor, Task};
use lexcase::{MatterId, Result, TaskId};
use rusqlite::types::Value;
use rusqlite::{Connection, params};

use crate::codec::{to_i64, to_json};
use crate::error::{Db, unique};
use crate::matter_list::on_visible_matter;
use crate::paging::{self, List};
use crate::read::{many, one};
use crate::value::{day_number, micros};
use crate::write::versioned_update;
use lexcase_sql::keyset::SortKey;

const TASK_UNIQUE: &[(&str, &str)] = &[("tasks.id", "the task already exists")];

/// A task by id.
pub(crate) fn task(conn: &Connection, id: TaskId) -> Result<Option<Task>> {
    one(
        conn,
        TaskId::ENTITY,
        "SELECT body FROM tasks WHERE id = ?1",
        [id.to_bytes()],
    )
}

fn blob(bytes: [u8; 16]) -> Value {
    Value::Blob(bytes.to_vec())
}

/// Tasks matching `query` that `viewer` may see, soonest due first.
pub(crate) fn tasks(
    conn: &Connection,
    query: &TaskQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Task>> {
    // A task on a matter follows the matter's visibility; tasks on no matter are for everyone.
    let (rule, mut params) = on_visible_matter("t.matter_id", viewer);
    let visible = format!("(t.matter_id IS NULL OR {rule})");
    let mut conditions: Vec<&str> = vec![&visible];
    if let Some(matter) = query.matter {
        conditions.push("t.matter_id = ?");
        params.push(blob(matter.to_bytes()));
    }
    if let Some(user) = query.assignee {
        conditions.push("t.assignee_user = ?");
        params.push(blob(user.to_bytes()));
    }
    if let Some(user) = query.team_member {
        conditions.push("t.matter_id IN (SELECT matter_id FROM matter_members WHERE user_id = ?)");
        params.push(blob(user.to_bytes()));
    }
    if query.open_only {
        conditions.push("t.open = 1");
    }
    if let Some(from) = query.due_from {
        conditions.push("t.due_date >= ?");
        params.push(Value::Integer(day_number(from)));
    }
    if let Some(to) = query.due_to {
        conditions.push("t.due_date <= ?");
        params.push(Value::Integer(day_number(to)));
    }
    // Undated tasks last; then the most urgent; then in creation order.
    const ORDER: &[SortKey] = &[
        SortKey::asc("coalesce(t.due_date, 9223372036854775807)"),
        SortKey::desc("t.priority_rank"),
        SortKey::asc("t.created_at"),
        SortKey::asc("t.id"),
    ];
    paging::page(
        conn,
        List {
            columns: "t.body",
            from: "tasks t",
            conditions: conditions.iter().map(|c| (*c).to_owned()).collect(),
            params,
            keys: ORDER,
        },
        &page,
        paging::body(TaskId::ENTITY),
    )
}

/// Tasks whose due rule counts from `anchor`.
pub(crate) fn anchored_to(
    conn: &Connection,
    anchor: &DueAnchor,
    matter: Option<MatterId>,
) -> Result<Vec<Task>> {
    match anchor {
        DueAnchor::Task(id) => many(
            conn,
            TaskId::ENTITY,
            "SELECT body FROM tasks WHERE anchor_task = ?1 ORDER BY created_at, id",
            [id.to_bytes()],
        ),
        DueAnchor::KeyDate(name) => many(
            conn,
            TaskId::ENTITY,
            "SELECT body FROM tasks WHERE matter_id = ?1 AND anchor_key_date = ?2 \
             ORDER BY created_at, id",
            params![matter.map(|m| m.to_bytes().to_vec()), name],
        ),
    }
}

/// Every task of a matter.
pub(crate) fn of_matter(conn: &Connection, matter: MatterId) -> Result<Vec<Task>> {
    many(
        conn,
        TaskId::ENTITY,
        "SELECT body FROM tasks WHERE matter_id = ?1 ORDER BY created_at, id",
        [matter.to_bytes()],
    )
}

/// The copies of a task's fields that its row is filtered and sorted on.
struct TaskColumns {
    matter: Option<Vec<u8>>,
    assignee_user: Option<Vec<u8>>,
    open: bool,
    due_date: Option<i64>,
    priority_rank: i64,
    anchor_task: Option<Vec<u8>>,
    anchor_key_date: Option<String>,
    created_at: i64,
    body: String,
}

impl TaskColumns {
    fn of(task: &Task) -> Result<Self> {
        let anchor = task.due.as_ref().and_then(|d| d.anchor());
        Ok(Self {
            matter: task.matter.map(|m| m.to_bytes().to_vec()),
            assignee_user: match task.assignee {
                Some(Assignee::User(u)) => Some(u.to_bytes().to_vec()),
                _ => None,
            },
            open: task.status.is_open(),
            due_date: task.due_date.map(day_number),
            priority_rank: task.priority as i64,
            anchor_task: match anchor {
                Some(DueAnchor::Task(t)) => Some(t.to_bytes().to_vec()),
                _ => None,
            },
            anchor_key_date: match anchor {
                Some(DueAnchor::KeyDate(name)) => Some(name.clone()),
                _ => None,
            },
            created_at: micros(task.created_at),
            body: to_json(TaskId::ENTITY, task)?,
        })
    }
}

/// Inserts a task.
pub(crate) fn insert(conn: &Connection, task: &Task) -> Result<()> {
    let c = TaskColumns::of(task)?;
    conn.prepare_cached(
        "INSERT INTO tasks (id, version, matter_id, assignee_user, open, due_date, priority_rank, \
         anchor_task, anchor_key_date, created_at, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )
    .db()?
    .execute(params![
        task.id.to_bytes(),
        to_i64("version", task.version)?,
        c.matter,
        c.assignee_user,
        c.open,
        c.due_date,
        c.priority_rank,
        c.anchor_task,
        c.anchor_key_date,
        c.created_at,
        c.body
    ])
    .map_err(|e| unique(e, TASK_UNIQUE))?;
    Ok(())
}

/// Updates a task stored at `expected`.
pub(crate) fn update(conn: &Connection, task: &Task, expected: u64) -> Result<()> {
    let c = TaskColumns::of(task)?;
    let id = task.id.to_bytes();
    versioned_update(
        conn,
        TaskId::ENTITY,
        "SELECT version FROM tasks WHERE id = ?1",
        &id,
        task.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE tasks SET version = ?1, matter_id = ?2, assignee_user = ?3, open = ?4, \
                 due_date = ?5, priority_rank = ?6, anchor_task = ?7, anchor_key_date = ?8, \
                 body = ?9 WHERE id = ?10 AND version = ?11",
            )
            .db()?
            .execute(params![
                version,
                c.matter,
                c.assignee_user,
                c.open,
                c.due_date,
                c.priority_rank,
                c.anchor_task,
                c.anchor_key_date,
                c.body,
                id,
                expected
            ])
            .db()
        },
    )
}
