//! Docketed deadlines: reads, the docket views and the register, triggers, writes.

use lexcase::access::Viewer;
use lexcase::docket::{Deadline, DeadlineTrigger};
use lexcase::store::{DeadlineQuery, Page, Paged};
use lexcase::{DeadlineId, LexcaseError, MatterId, Result};
use lexcase_sql::keyset::SortKey;

use crate::matter_list::on_visible_matter;
use crate::paging::{self, List};
use crate::records::versioned_update;
use crate::scope::{Scope, to_json};
use crate::value::Arg;

/// A deadline by id.
pub(crate) fn deadline(scope: &mut Scope<'_>, id: DeadlineId) -> Result<Option<Deadline>> {
    scope.body(
        DeadlineId::ENTITY,
        "SELECT body FROM deadlines WHERE firm_id = $1 AND id = ?",
        &[Arg::id(id)],
    )
}

/// Deadlines matching `query` on matters `viewer` may see.
pub(crate) fn deadlines(
    scope: &mut Scope<'_>,
    query: &DeadlineQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Deadline>> {
    let (visible, mut args) = on_visible_matter("d.matter_id", viewer);
    let mut conditions = vec!["d.firm_id = $1".to_owned(), visible];
    if let Some(matter) = query.matter {
        conditions.push("d.matter_id = ?".into());
        args.push(Arg::id(matter));
    }
    if let Some(user) = query.responsible {
        conditions.push("d.responsible = ?".into());
        args.push(Arg::id(user));
    }
    if query.open_only {
        conditions.push("d.open".into());
    }
    if let Some(from) = query.due_from {
        conditions.push("d.due_date >= ?".into());
        args.push(Arg::date(from));
    }
    if let Some(to) = query.due_to {
        conditions.push("d.due_date <= ?".into());
        args.push(Arg::date(to));
    }
    if let Some(day) = query.entered_on {
        conditions.push("d.entered_on = ?".into());
        args.push(Arg::date(day));
    }
    const REGISTER: &[SortKey] = &[SortKey::asc("d.created_at"), SortKey::asc("d.id")];
    // Undated (not yet computed) deadlines last, at the day after the last date allowed.
    const DUE: &[SortKey] = &[
        SortKey::asc("coalesce(d.due_date, DATE '10000-01-01')"),
        SortKey::asc("d.created_at"),
        SortKey::asc("d.id"),
    ];
    paging::page(
        scope,
        List {
            columns: "d.body",
            from: "deadlines d",
            conditions,
            args,
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
    scope: &mut Scope<'_>,
    trigger: &DeadlineTrigger,
    matter: MatterId,
) -> Result<Vec<Deadline>> {
    match trigger {
        DeadlineTrigger::Deadline { id } => scope.bodies(
            DeadlineId::ENTITY,
            "SELECT body FROM deadlines WHERE firm_id = $1 AND trigger_deadline = ? \
             ORDER BY created_at, id",
            &[Arg::id(*id)],
        ),
        DeadlineTrigger::KeyDate { name } => scope.bodies(
            DeadlineId::ENTITY,
            "SELECT body FROM deadlines WHERE firm_id = $1 AND matter_id = ? \
             AND trigger_key_date = ? ORDER BY created_at, id",
            &[Arg::id(matter), Arg::text(name)],
        ),
        DeadlineTrigger::Date { .. } | DeadlineTrigger::Moment { .. } => Ok(Vec::new()),
    }
}

/// The copies of a deadline's fields that its row is filtered and sorted on, and that the
/// compliance facts read, in the order of the columns `open` … `reminders`.
fn columns(deadline: &Deadline) -> Vec<Arg<'_>> {
    let (key_date, chained) = match &deadline.trigger {
        DeadlineTrigger::KeyDate { name } => (Some(name.as_str()), None),
        DeadlineTrigger::Deadline { id } => (None, Some(*id)),
        DeadlineTrigger::Date { .. } | DeadlineTrigger::Moment { .. } => (None, None),
    };
    vec![
        Arg::bool(deadline.is_open()),
        Arg::opt_date(deadline.due()),
        Arg::opt_id(deadline.responsible),
        Arg::opt_text(key_date),
        Arg::opt_id(chained),
        Arg::text(&deadline.title),
        Arg::text(&deadline.rule.id),
        Arg::text(deadline.rule.method.as_str()),
        Arg::int(i64::try_from(deadline.reminders.len()).unwrap_or(i64::MAX)),
    ]
}

/// Inserts a deadline.
pub(crate) fn insert(scope: &mut Scope<'_>, deadline: &Deadline) -> Result<()> {
    let mut args = vec![
        Arg::id(deadline.id),
        Arg::count(deadline.version)?,
        Arg::id(deadline.matter),
        Arg::date(deadline.entered_on),
        Arg::instant(deadline.entered_at),
    ];
    args.extend(columns(deadline));
    args.push(Arg::string(to_json(DeadlineId::ENTITY, deadline)?));
    let inserted = scope.execute(
        "INSERT INTO deadlines (firm_id, id, version, matter_id, entered_on, created_at, open, \
         due_date, responsible, trigger_key_date, trigger_deadline, title, rule_id, \
         counting_method, reminders, body) \
         VALUES ($1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        &args,
    )?;
    if inserted == 0 {
        return Err(LexcaseError::Conflict {
            reason: "the deadline already exists".into(),
        });
    }
    Ok(())
}

/// Updates a deadline stored at `expected`.
pub(crate) fn update(scope: &mut Scope<'_>, deadline: &Deadline, expected: u64) -> Result<()> {
    let body = to_json(DeadlineId::ENTITY, deadline)?;
    versioned_update(
        scope,
        DeadlineId::ENTITY,
        "SELECT version FROM deadlines WHERE firm_id = $1 AND id = ?",
        &[Arg::id(deadline.id)],
        deadline.version,
        expected,
        |scope, version, expected| {
            let mut args = vec![Arg::int(version)];
            args.extend(columns(deadline));
            args.push(Arg::text(&body));
            args.push(Arg::id(deadline.id));
            args.push(Arg::int(expected));
            scope.execute(
                "UPDATE deadlines SET version = ?, open = ?, due_date = ?, responsible = ?, \
                 trigger_key_date = ?, trigger_deadline = ?, title = ?, rule_id = ?, \
                 counting_method = ?, reminders = ?, body = ? \
                 WHERE firm_id = $1 AND id = ? AND version = ?",
                &args,
            )
        },
    )
}
