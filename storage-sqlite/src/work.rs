//! Recorded work: time entries and expenses share their key columns (matter, user, day,
//! billing state, bill) and one listing query.

use lexcase::access::Viewer;
use lexcase::store::{Page, Paged, WorkQuery};
use lexcase::timekeeping::{Expense, TimeEntry, WorkStatus};
use lexcase::{BillId, LexcaseError, Result};
use lexcase_sql::keyset::SortKey;
use lexcase_sql::{Record, Value, column_list, select_sql};
use rusqlite::{Connection, params};

use crate::error::Db;
use crate::matter_list::on_visible_matter;
use crate::paging::{self, List};
use crate::read::where_clause;
use crate::records;

/// Conflict reasons of a duplicate id.
fn unique_id<R: Record>() -> [(&'static str, &'static str); 1] {
    [(
        match R::TABLE {
            "time_entries" => "time_entries.id",
            _ => "expenses.id",
        },
        "the record already exists",
    )]
}

/// One item by id.
pub(crate) fn get<R: Record>(conn: &Connection, id: uuid::Uuid) -> Result<Option<R>> {
    records::one(
        conn,
        &format!("{} WHERE w.id = ?", select_sql::<R>("w")),
        &[Value::Id(id)],
    )
}

/// The conditions of `query` on work aliased `w`, with their parameters, after the rule that
/// keeps work on matters `viewer` may see (none when `viewer` is `None`).
fn conditions(query: &WorkQuery, viewer: Option<&Viewer>) -> (Vec<String>, Vec<Value<'static>>) {
    let mut conditions = Vec::new();
    let mut args = Vec::new();
    if let Some(viewer) = viewer {
        let (rule, params) = on_visible_matter("w.matter_id", viewer);
        conditions.push(rule);
        args.extend(params.into_iter().map(from_sqlite));
    }
    if let Some(matter) = query.matter {
        conditions.push("w.matter_id = ?".into());
        args.push(Value::id(matter));
    }
    if let Some(user) = query.user {
        conditions.push("w.user_id = ?".into());
        args.push(Value::id(user));
    }
    if let Some(from) = query.from {
        conditions.push("w.work_date >= ?".into());
        args.push(Value::Date(from));
    }
    if let Some(to) = query.to {
        conditions.push("w.work_date <= ?".into());
        args.push(Value::Date(to));
    }
    if let Some(status) = query.status {
        // A literal (one of the stable names), so that the partial index of unbilled work
        // serves `status = 'unbilled'`.
        conditions.push(format!("w.status = '{}'", status.as_str()));
    }
    if let Some(bill) = query.bill {
        conditions.push("w.bill_id = ?".into());
        args.push(Value::id(bill));
    }
    (conditions, args)
}

/// A rusqlite parameter of the visibility rule as a shared value.
pub(crate) fn from_sqlite(value: rusqlite::types::Value) -> Value<'static> {
    match value {
        rusqlite::types::Value::Null => Value::Null,
        rusqlite::types::Value::Integer(i) => Value::Int(i),
        rusqlite::types::Value::Real(r) => Value::Text(r.to_string().into()),
        rusqlite::types::Value::Text(t) => Value::Text(t.into()),
        rusqlite::types::Value::Blob(b) => Value::Bytes(b.into()),
    }
}

fn filter(conditions: &[String]) -> String {
    let refs: Vec<&str> = conditions.iter().map(String::as_str).collect();
    where_clause(&refs)
}

/// Items matching `query` on matters `viewer` may see, by day then recording time.
pub(crate) fn list<R: Record>(
    conn: &Connection,
    query: &WorkQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<R>> {
    const ORDER: &[SortKey] = &[
        SortKey::asc("w.work_date"),
        SortKey::asc("w.recorded_at"),
        SortKey::asc("w.id"),
    ];
    let (conditions, args) = conditions(query, Some(viewer));
    paging::page(
        conn,
        List {
            columns: &column_list::<R>(Some("w")),
            from: &format!("{} w", R::TABLE),
            conditions,
            params: args.iter().map(paging::param).collect(),
            keys: ORDER,
        },
        &page,
        paging::record,
    )
}

/// Every item matching `query`, by day then recording time, with no access check.
pub(crate) fn all<R: Record>(conn: &Connection, query: &WorkQuery) -> Result<Vec<R>> {
    let (conditions, args) = conditions(query, None);
    records::many(
        conn,
        &format!(
            "{}{} ORDER BY w.work_date, w.recorded_at, w.id",
            select_sql::<R>("w"),
            filter(&conditions)
        ),
        &args,
    )
}

/// Inserts an item.
pub(crate) fn insert<R: Record>(conn: &Connection, item: &R) -> Result<()> {
    records::insert(conn, item, &unique_id::<R>())
}

/// Updates a time entry stored at `expected`.
pub(crate) fn update_time(conn: &Connection, entry: &TimeEntry, expected: u64) -> Result<()> {
    records::update(conn, entry, entry.version, expected, &[])
}

/// Updates an expense stored at `expected`.
pub(crate) fn update_expense(conn: &Connection, expense: &Expense, expected: u64) -> Result<()> {
    records::update(conn, expense, expense.version, expected, &[])
}

/// Moves items of `table` from `from` to `to`, linking them to `bill` (or unlinking them); the
/// version goes up by one. One statement for the whole list; an item not in `from` any more
/// is a conflict (and the caller's transaction is rolled back).
pub(crate) fn move_items(
    conn: &Connection,
    table: &'static str,
    entity: &str,
    ids: &[[u8; 16]],
    from: WorkStatus,
    to: WorkStatus,
    bill: Option<BillId>,
) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let list: Vec<rusqlite::types::Value> = ids
        .iter()
        .map(|id| rusqlite::types::Value::Blob(id.to_vec()))
        .collect();
    let changed = conn
        .prepare_cached(&format!(
            "UPDATE {table} SET status = ?1, bill_id = ?2, version = version + 1 \
             WHERE id IN rarray(?3) AND status = ?4"
        ))
        .db()?
        .execute(params![
            to.as_str(),
            bill.map(|b| b.to_bytes()),
            std::rc::Rc::new(list),
            from.as_str()
        ])
        .db()?;
    if changed != ids.len() {
        return Err(LexcaseError::Conflict {
            reason: format!("a {entity} is no longer {}", from.as_str()),
        });
    }
    Ok(())
}
