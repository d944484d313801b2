//! Recorded work: time entries and expenses share one row shape (matter, user, day, billing
//! state, bill) and one listing query.

use lexcase::access::Viewer;
use lexcase::store::{Page, Paged, WorkQuery};
use lexcase::timekeeping::{Expense, TimeEntry, WorkStatus};
use lexcase::{BillId, ExpenseId, LexcaseError, Result, TimeEntryId};
use rusqlite::types::Value;
use rusqlite::{Connection, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::codec::{time_to_text, to_i64, to_json};
use crate::error::{Db, unique};
use crate::matter_list::visible_to;
use crate::read::{one, paged, where_clause};
use crate::write::versioned_update;

/// A table of recorded work and how its rows are keyed.
pub(crate) struct WorkTable {
    /// Table name.
    table: &'static str,
    /// Entity name for errors.
    entity: &'static str,
}

/// Time entries.
pub(crate) const TIME: WorkTable = WorkTable {
    table: "time_entries",
    entity: TimeEntryId::ENTITY,
};

/// Expenses.
pub(crate) const EXPENSES: WorkTable = WorkTable {
    table: "expenses",
    entity: ExpenseId::ENTITY,
};

/// The columns a row of work is filtered on.
pub(crate) struct WorkRow {
    pub id: [u8; 16],
    pub version: u64,
    pub matter: [u8; 16],
    pub user: [u8; 16],
    pub date: String,
    pub status: &'static str,
    pub bill: Option<[u8; 16]>,
    pub recorded_at: String,
}

impl WorkRow {
    /// The row of a time entry.
    pub(crate) fn of_time(e: &TimeEntry) -> Self {
        Self {
            id: e.id.to_bytes(),
            version: e.version,
            matter: e.matter.to_bytes(),
            user: e.user.to_bytes(),
            date: e.date.to_string(),
            status: e.status.as_str(),
            bill: e.bill.map(|b| b.to_bytes()),
            recorded_at: time_to_text(e.recorded_at),
        }
    }

    /// The row of an expense (its user is who recorded it).
    pub(crate) fn of_expense(e: &Expense) -> Self {
        Self {
            id: e.id.to_bytes(),
            version: e.version,
            matter: e.matter.to_bytes(),
            user: e.recorded_by.to_bytes(),
            date: e.date.to_string(),
            status: e.status.as_str(),
            bill: e.bill.map(|b| b.to_bytes()),
            recorded_at: time_to_text(e.recorded_at),
        }
    }
}

impl WorkTable {
    /// One item by id.
    pub(crate) fn get<T: DeserializeOwned>(
        &self,
        conn: &Connection,
        id: [u8; 16],
    ) -> Result<Option<T>> {
        one(
            conn,
            self.entity,
            &format!("SELECT body FROM {} WHERE id = ?1", self.table),
            [id],
        )
    }

    /// Items matching `query` on matters `viewer` may see, by day then recording time.
    pub(crate) fn list<T: DeserializeOwned>(
        &self,
        conn: &Connection,
        query: &WorkQuery,
        viewer: &Viewer,
        page: Page,
    ) -> Result<Paged<T>> {
        let (matter_rule, mut params) = visible_to(viewer);
        let visible = format!(
            "w.matter_id IN (SELECT m.id FROM matters m{})",
            where_clause(&matter_rule)
        );
        let mut conditions: Vec<&str> = vec![&visible];
        let blob = |b: [u8; 16]| Value::Blob(b.to_vec());
        if let Some(matter) = query.matter {
            conditions.push("w.matter_id = ?");
            params.push(blob(matter.to_bytes()));
        }
        if let Some(user) = query.user {
            conditions.push("w.user_id = ?");
            params.push(blob(user.to_bytes()));
        }
        if let Some(from) = query.from {
            conditions.push("w.work_date >= ?");
            params.push(Value::Text(from.to_string()));
        }
        if let Some(to) = query.to {
            conditions.push("w.work_date <= ?");
            params.push(Value::Text(to.to_string()));
        }
        if let Some(status) = query.status {
            conditions.push("w.status = ?");
            params.push(Value::Text(status.as_str().into()));
        }
        if let Some(bill) = query.bill {
            conditions.push("w.bill_id = ?");
            params.push(blob(bill.to_bytes()));
        }
        let filter = where_clause(&conditions);
        let table = self.table;
        paged(
            conn,
            self.entity,
            &format!("SELECT count(*) FROM {table} w{filter}"),
            &format!(
                "SELECT w.body FROM {table} w{filter} ORDER BY w.work_date, w.recorded_at, w.id \
                 LIMIT ? OFFSET ?"
            ),
            params,
            page,
        )
    }

    /// Inserts an item.
    pub(crate) fn insert<T: Serialize>(
        &self,
        conn: &Connection,
        row: &WorkRow,
        item: &T,
    ) -> Result<()> {
        conn.prepare_cached(&format!(
            "INSERT INTO {} (id, version, matter_id, user_id, work_date, status, bill_id, \
             recorded_at, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            self.table
        ))
        .db()?
        .execute(params![
            row.id,
            to_i64("version", row.version)?,
            row.matter,
            row.user,
            row.date,
            row.status,
            row.bill,
            row.recorded_at,
            to_json(self.entity, item)?
        ])
        .map_err(|e| {
            unique(
                e,
                &[(&format!("{}.id", self.table), "the record already exists")],
            )
        })?;
        Ok(())
    }

    /// Updates an item stored at `expected`.
    pub(crate) fn update<T: Serialize>(
        &self,
        conn: &Connection,
        row: &WorkRow,
        item: &T,
        expected: u64,
    ) -> Result<()> {
        let body = to_json(self.entity, item)?;
        versioned_update(
            conn,
            self.entity,
            &format!("SELECT version FROM {} WHERE id = ?1", self.table),
            &row.id,
            row.version,
            expected,
            |version, expected| {
                conn.prepare_cached(&format!(
                    "UPDATE {} SET version = ?1, work_date = ?2, status = ?3, bill_id = ?4, \
                     body = ?5 WHERE id = ?6 AND version = ?7",
                    self.table
                ))
                .db()?
                .execute(params![
                    version, row.date, row.status, row.bill, body, row.id, expected
                ])
                .db()
            },
        )
    }
}

impl WorkTable {
    /// Moves items from `from` to `to`, linking them to `bill` (or unlinking them); the row
    /// and the body change together and the version goes up by one.
    pub(crate) fn move_items(
        &self,
        conn: &Connection,
        ids: &[[u8; 16]],
        from: WorkStatus,
        to: WorkStatus,
        bill: Option<BillId>,
    ) -> Result<()> {
        let mut stmt = conn
            .prepare_cached(&format!(
                "UPDATE {} SET status = ?1, bill_id = ?2, version = version + 1, \
                 body = json_set(body, '$.status', ?1, '$.bill', json(?3), '$.version', version + 1) \
                 WHERE id = ?4 AND status = ?5",
                self.table
            ))
            .db()?;
        let bill_json = match bill {
            Some(b) => format!("\"{b}\""),
            None => "null".to_owned(),
        };
        for id in ids {
            let changed = stmt
                .execute(params![
                    to.as_str(),
                    bill.map(|b| b.to_bytes()),
                    bill_json,
                    id,
                    from.as_str()
                ])
                .db()?;
            if changed != 1 {
                return Err(LexcaseError::Conflict {
                    reason: format!("a {} is no longer {}", self.entity, from.as_str()),
                });
            }
        }
        Ok(())
    }
}
