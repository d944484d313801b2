//! Docketed deadlines: reads, the docket views and the register, triggers, writes.

use lexcase::access::Viewer;
use lexcase::docket::{Deadline, DeadlineTrigger};
use lexcase::store::{DeadlineQuery, Page, Paged};
use lexcase::{DeadlineId, MatterId, Result};
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

const DEADLINE_UNIQUE: &[(&str, &str)] = &[("deadlines.id", "the deadline already exists")];

fn blob(bytes: [u8; 16]) -> Value {
    Value::Blob(bytes.to_vec())
}

/// A deadline by id.
pub(crate) fn deadline(conn: &Connection, id: DeadlineId) -> Result<Option<Deadline>> {
    one(
        conn,
        DeadlineId::ENTITY,
        "SELECT body FROM deadlines WHERE id = ?1",
        [id.to_bytes()],
    )
}

/// Deadlines matching `query` on matters `viewer` may see.
pub(crate) fn deadlines(
    conn: &Connection,
    query: &DeadlineQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Deadline>> {
    let (visible, mut params) = on_visible_matter("d.matter_id", viewer);
    let mut conditions: Vec<&str> = vec![&visible];
    if let Some(matter) = query.matter {
        conditions.push("d.matter_id = ?");
        params.push(blob(matter.to_bytes()));
    }
    if let Some(user) = query.responsible {
        conditions.push("d.responsible = ?");
        params.push(blob(user.to_bytes()));
    }
    if query.open_only {
        conditions.push("d.open = 1");
    }
    if let Some(from) = query.due_from {
        conditions.push("d.due_date >= ?");
        params.push(Value::Integer(day_number(from)));
    }
    if let Some(to) = query.due_to {
        conditions.push("d.due_date <= ?");
        params.push(Value::Integer(day_number(to)));
    }
    if let Some(day) = query.entered_on {
        conditions.push("d.entered_on = ?");
        params.push(Value::Integer(day_number(day)));
    }
    const REGISTER: &[SortKey] = &[SortKey::asc("d.created_at"), SortKey::asc("d.id")];
    // Undated (not yet computed) deadlines last.
    const DUE: &[SortKey] = &[
        SortKey::asc("coalesce(d.due_date, 9223372036854775807)"),
        SortKey::asc("d.created_at"),
        SortKey::asc("d.id"),
    ];
    paging::page(
        conn,
        List {
            columns: "d.body",
            from: "deadlines d",
            conditions: conditions.iter().map(|c| (*c).to_owned()).collect(),
            params,
            keys: if query.entered_on.is_some() {
                REGISTER
            } else {
                DUE
            },
        },
        &page,
        paging::body(DeadlineId::ENTITY),
    )
}

/// Deadlines counting from `trigger`.
pub(crate) fn triggered_by(
    conn: &Connection,
    trigger: &DeadlineTrigger,
    matter: MatterId,
) -> Result<Vec<Deadline>> {
    match trigger {
        DeadlineTrigger::Deadline { id } => many(
            conn,
            DeadlineId::ENTITY,
            "SELECT body FROM deadlines WHERE trigger_deadline = ?1 ORDER BY created_at, id",
            [id.to_bytes()],
        ),
        DeadlineTrigger::KeyDate { name } => many(
            conn,
            DeadlineId::ENTITY,
            "SELECT body FROM deadlines WHERE matter_id = ?1 AND trigger_key_date = ?2 \
             ORDER BY created_at, id",
            params![matter.to_bytes(), name],
        ),
        DeadlineTrigger::Date { .. } | DeadlineTrigger::Moment { .. } => Ok(Vec::new()),
    }
}

/// The copies of a deadline's fields that its row is filtered and sorted on, and that the
/// compliance facts read.
struct DeadlineColumns {
    open: bool,
    due_date: Option<i64>,
    responsible: Option<[u8; 16]>,
    trigger_key_date: Option<String>,
    trigger_deadline: Option<[u8; 16]>,
    method: &'static str,
    reminders: i64,
    body: String,
}

impl DeadlineColumns {
    fn of(deadline: &Deadline) -> Result<Self> {
        let (key_date, chained) = match &deadline.trigger {
            DeadlineTrigger::KeyDate { name } => (Some(name.clone()), None),
            DeadlineTrigger::Deadline { id } => (None, Some(id.to_bytes())),
            DeadlineTrigger::Date { .. } | DeadlineTrigger::Moment { .. } => (None, None),
        };
        Ok(Self {
            open: deadline.is_open(),
            due_date: deadline.due().map(day_number),
            responsible: deadline.responsible.map(|u| u.to_bytes()),
            trigger_key_date: key_date,
            trigger_deadline: chained,
            method: deadline.rule.method.as_str(),
            reminders: i64::try_from(deadline.reminders.len()).unwrap_or(i64::MAX),
            body: to_json(DeadlineId::ENTITY, deadline)?,
        })
    }
}

/// Inserts a deadline.
pub(crate) fn insert(conn: &Connection, deadline: &Deadline) -> Result<()> {
    let c = DeadlineColumns::of(deadline)?;
    conn.prepare_cached(
        "INSERT INTO deadlines (id, version, matter_id, open, due_date, responsible, \
         trigger_key_date, trigger_deadline, entered_on, created_at, title, rule_id, \
         counting_method, reminders, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )
    .db()?
    .execute(params![
        deadline.id.to_bytes(),
        to_i64("version", deadline.version)?,
        deadline.matter.to_bytes(),
        c.open,
        c.due_date,
        c.responsible,
        c.trigger_key_date,
        c.trigger_deadline,
        day_number(deadline.entered_on),
        micros(deadline.entered_at),
        deadline.title,
        deadline.rule.id,
        c.method,
        c.reminders,
        c.body
    ])
    .map_err(|e| unique(e, DEADLINE_UNIQUE))?;
    Ok(())
}

/// Updates a deadline stored at `expected`.
pub(crate) fn update(conn: &Connection, deadline: &Deadline, expected: u64) -> Result<()> {
    let id = deadline.id.to_bytes();
    let c = DeadlineColumns::of(deadline)?;
    versioned_update(
        conn,
        DeadlineId::ENTITY,
        "SELECT version FROM deadlines WHERE id = ?1",
        &id,
        deadline.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE deadlines SET version = ?1, open = ?2, due_date = ?3, responsible = ?4, \
                 trigger_key_date = ?5, trigger_deadline = ?6, title = ?7, rule_id = ?8, \
                 counting_method = ?9, reminders = ?10, body = ?11 \
                 WHERE id = ?12 AND version = ?13",
            )
            .db()?
            .execute(params![
                version,
                c.open,
                c.due_date,
                c.responsible,
                c.trigger_key_date,
                c.trigger_deadline,
                deadline.title,
                deadline.rule.id,
                c.method,
                c.reminders,
                c.body,
                id,
                expected
            ])
            .db()
        },
    )
}
