//! Recorded work: time entries and expenses share their key columns (matter, user, day,
//! billing state, bill) and one listing query.

use lexcase::access::Viewer;
use lexcase::store::{Page, Paged, WorkQuery};
use lexcase::timekeeping::{Expense, TimeEntry, WorkStatus};
use lexcase::{BillId, LexcaseError, Result};
use lexcase_sql::keyset::SortKey;
use lexcase_sql::{Record, column_list};
use uuid::Uuid;

use crate::matter_list::on_visible_matter;
use crate::paging::{self, List};
use crate::records::{self, select, select_all};
use crate::scope::Scope;
use crate::value::Arg;

/// One item by id.
pub(crate) fn get<R: Record>(scope: &mut Scope<'_>, id: Uuid) -> Result<Option<R>> {
    scope.record(&select::<R>("w", "w.id = ?"), &[Arg::id(id)])
}

/// The conditions of `query` on work aliased `w` (after the firm's), with their parameters,
/// after the rule that keeps work on matters `viewer` may see (none when `viewer` is `None`).
fn conditions(query: &WorkQuery, viewer: Option<&Viewer>) -> (Vec<String>, Vec<Arg<'static>>) {
    let mut conditions = Vec::new();
    let mut args = Vec::new();
    if let Some(viewer) = viewer {
        let (rule, visible) = on_visible_matter("w.matter_id", viewer);
        conditions.push(rule);
        args.extend(visible);
    }
    if let Some(matter) = query.matter {
        conditions.push("w.matter_id = ?".into());
        args.push(Arg::id(matter));
    }
    if let Some(user) = query.user {
        conditions.push("w.user_id = ?".into());
        args.push(Arg::id(user));
    }
    if let Some(from) = query.from {
        conditions.push("w.work_date >= ?".into());
        args.push(Arg::date(from));
    }
    if let Some(to) = query.to {
        conditions.push("w.work_date <= ?".into());
        args.push(Arg::date(to));
    }
    if let Some(status) = query.status {
        // A literal (one of the stable names), so that the partial index of unbilled work
        // serves `status = 'unbilled'`.
        conditions.push(format!("w.status = '{}'", status.as_str()));
    }
    if let Some(bill) = query.bill {
        conditions.push("w.bill_id = ?".into());
        args.push(Arg::id(bill));
    }
    (conditions, args)
}

/// Items matching `query` on matters `viewer` may see, by day then recording time.
pub(crate) fn list<R: Record>(
    scope: &mut Scope<'_>,
    query: &WorkQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<R>> {
    const ORDER: &[SortKey] = &[
        SortKey::asc("w.work_date"),
        SortKey::asc("w.recorded_at"),
        SortKey::asc("w.id"),
    ];
    let (mut conditions, args) = conditions(query, Some(viewer));
    conditions.insert(0, "w.firm_id = $1".into());
    paging::page(
        scope,
        List {
            columns: &column_list::<R>(Some("w")),
            from: &format!("{} w", R::TABLE),
            conditions,
            args,
            keys: ORDER,
        },
        &page,
        paging::record,
    )
}

/// Every item matching `query`, by day then recording time, with no access check.
pub(crate) fn all<R: Record>(scope: &mut Scope<'_>, query: &WorkQuery) -> Result<Vec<R>> {
    let (conditions, args) = conditions(query, None);
    let rest: String = conditions.iter().map(|c| format!(" AND {c}")).collect();
    scope.records(
        &select_all::<R>(
            "w",
            &format!("{rest} ORDER BY w.work_date, w.recorded_at, w.id"),
        ),
        &args,
    )
}

/// Inserts an item.
pub(crate) fn insert<R: Record>(scope: &mut Scope<'_>, item: &R) -> Result<()> {
    records::insert(scope, item, &[])
}

/// Updates a time entry stored at `expected`.
pub(crate) fn update_time(scope: &mut Scope<'_>, entry: &TimeEntry, expected: u64) -> Result<()> {
    records::update(scope, entry, entry.version, expected, &[])
}

/// Updates an expense stored at `expected`.
pub(crate) fn update_expense(
    scope: &mut Scope<'_>,
    expense: &Expense,
    expected: u64,
) -> Result<()> {
    records::update(scope, expense, expense.version, expected, &[])
}

/// Moves items of `table` from `from` to `to`, linking them to `bill` (or unlinking them); the
/// version goes up by one. One statement for the whole list; an item not in `from` any more is
/// a conflict, and the transaction is failed (part of the list may have moved).
pub(crate) fn move_items(
    scope: &mut Scope<'_>,
    table: &'static str,
    entity: &str,
    ids: &[Uuid],
    from: WorkStatus,
    to: WorkStatus,
    bill: Option<BillId>,
) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let changed = scope.execute(
        &format!(
            "UPDATE {table} SET status = ?, bill_id = ?, version = version + 1 \
             WHERE firm_id = $1 AND id = ANY(?) AND status = ?"
        ),
        &[
            Arg::text(to.as_str()),
            Arg::opt_id(bill),
            Arg::Ids(ids.to_vec()),
            Arg::text(from.as_str()),
        ],
    )?;
    if usize::try_from(changed).ok() != Some(ids.len()) {
        scope.poison();
        return Err(LexcaseError::Conflict {
            reason: format!("a {entity} is no longer {}", from.as_str()),
        });
    }
    Ok(())
}
