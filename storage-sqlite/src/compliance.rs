//! What a compliance sweep reads: the swept matters by keyset (matter id), and for a batch of
//! matters the figures behind their facts, one grouped query per fact family over the typed
//! columns (no JSON body is parsed but the conflict checks' and overrides', which are kept
//! whole, for the few matters that have them).

use lexcase::access::Viewer;
use lexcase::bills::BillKind;
use lexcase::client_money::ClientMoneyEntryKind;
use lexcase::documents::DocumentStatus;
use lexcase::matters::{MatterStatus, PartyRole, RuleOverrides};
use lexcase::store::{
    BillTotalsRow, ComplianceInputs, ComplianceRead, DeadlineFactsRow, DocumentCategoryRow,
    LedgerFactsRow, MatterFactsRow, PartyFactsRow, TaskCountsRow, TimeTotalsRow, WorkflowFactsRow,
    issued_bill_statuses,
};
use lexcase::timekeeping::{Billability, WorkStatus};
use lexcase::{MatterId, Result};
use lexcase_sql::Cols;
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};
use rust_decimal::Decimal;

use crate::codec::from_json;
use crate::conflict_index::CHECK;
use crate::error::Db;
use crate::keyed::RULE_OVERRIDES;
use crate::matter_list::visible_to;
use crate::read::where_clause;
use crate::value::{SqlRow, day_number};

fn blob(id: MatterId) -> Value {
    Value::Blob(id.to_bytes().to_vec())
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

/// A sum of millionths as an amount.
fn millionths(units: i64) -> Decimal {
    Decimal::new(units, lexcase_sql::money::SCALE)
}

/// Runs `sql` and reads each row through `read`.
fn rows<T>(
    conn: &Connection,
    sql: &str,
    params: &[Value],
    what: &'static str,
    mut read: impl FnMut(&mut Cols<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql).db()?;
    let mut found = stmt.query(params_from_iter(params.iter())).db()?;
    let mut out = Vec::new();
    while let Some(row) = found.next().db()? {
        out.push(read(&mut Cols::new(&SqlRow(row), what))?);
    }
    Ok(out)
}

/// The swept matters after `after`: visible to `viewer`, not archived, in id order.
pub(crate) fn matters(
    conn: &Connection,
    viewer: &Viewer,
    after: Option<MatterId>,
    limit: u32,
) -> Result<Vec<MatterId>> {
    let (mut conditions, mut params) = visible_to(viewer);
    conditions.push("m.status <> ?");
    params.push(text(MatterStatus::Archived.as_str()));
    if let Some(after) = after {
        conditions.push("m.id > ?");
        params.push(blob(after));
    }
    params.push(Value::Integer(i64::from(limit)));
    let sql = format!(
        "SELECT m.id FROM matters m{} ORDER BY m.id LIMIT ?",
        where_clause(&conditions)
    );
    rows(conn, &sql, &params, "matter", |c| c.id())
}

/// The batch of matters as an `IN` list of placeholders, with its parameters.
struct Batch {
    marks: String,
    ids: Vec<Value>,
}

impl Batch {
    fn of(matters: &[MatterId]) -> Self {
        Self {
            marks: vec!["?"; matters.len()].join(", "),
            ids: matters.iter().map(|m| blob(*m)).collect(),
        }
    }

    /// The batch's ids followed by `more`.
    fn with(&self, more: impl IntoIterator<Item = Value>) -> Vec<Value> {
        let mut params = self.ids.clone();
        params.extend(more);
        params
    }
}

/// The figures behind the compliance facts of the matters `read` lists for each family.
pub(crate) fn inputs(
    conn: &Connection,
    read: &ComplianceRead,
    today: chrono::NaiveDate,
) -> Result<ComplianceInputs> {
    let batch = |ids: &[MatterId]| (!ids.is_empty()).then(|| Batch::of(ids));
    let mut found = ComplianceInputs::default();
    if let Some(b) = batch(&read.matters) {
        found.matters = matter_rows(conn, &b, &read.matters)?;
    }
    if let Some(b) = batch(&read.parties) {
        found.parties = parties(conn, &b, None)?;
    }
    if let Some(b) = batch(&read.clients) {
        found
            .parties
            .extend(parties(conn, &b, Some(PartyRole::Client))?);
    }
    if let Some(b) = batch(&read.workflows) {
        found.workflows = workflows(conn, &b)?;
    }
    if let Some(b) = batch(&read.tasks) {
        found.tasks = tasks(conn, &b, today)?;
    }
    if let Some(b) = batch(&read.deadlines) {
        found.deadlines = deadlines(conn, &b)?;
    }
    if let Some(b) = batch(&read.documents) {
        found.documents = documents(conn, &b)?;
    }
    if let Some(b) = batch(&read.time) {
        found.time = time(conn, &b)?;
    }
    if let Some(b) = batch(&read.bills) {
        found.bills = bills(conn, &b)?;
    }
    if let Some(b) = batch(&read.client_money) {
        found.client_money = client_money(conn, &b)?;
    }
    if !read.conflict_checks.is_empty() {
        found.conflict_checks = keyed_bodies(conn, CHECK, &read.conflict_checks)?;
    }
    Ok(found)
}

/// The rule overrides recorded on any of `matters`.
pub(crate) fn overrides(conn: &Connection, matters: &[MatterId]) -> Result<Vec<RuleOverrides>> {
    if matters.is_empty() {
        return Ok(Vec::new());
    }
    keyed_bodies(conn, RULE_OVERRIDES, matters)
}

/// The matter rows, in the order of `matters`.
fn matter_rows(
    conn: &Connection,
    batch: &Batch,
    matters: &[MatterId],
) -> Result<Vec<MatterFactsRow>> {
    let sql = format!(
        "SELECT id, number, title, status, practice_area, billing_kind, currency, opened_on, \
         closed_on, key_dates, custom_fields, created_at FROM matters WHERE id IN ({})",
        batch.marks
    );
    let found = rows(conn, &sql, &batch.ids, "matter", |c| {
        Ok(MatterFactsRow {
            id: c.id()?,
            number: c.text()?,
            title: c.text()?,
            status: c.name()?,
            practice_area: c.text()?,
            billing: lexcase::matters::BillingArrangement {
                kind: c.name()?,
                currency: c.currency()?,
            },
            opened_on: c.opt_date()?,
            closed_on: c.opt_date()?,
            key_dates: c.opt_json()?.unwrap_or_default(),
            custom_fields: c.opt_json()?.unwrap_or_default(),
            created_at: c.instant()?,
        })
    })?;
    let mut by_id: std::collections::HashMap<MatterId, MatterFactsRow> =
        found.into_iter().map(|m| (m.id, m)).collect();
    Ok(matters.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// The parties of the batch (those in `role` only, when given) with their contacts.
fn parties(
    conn: &Connection,
    batch: &Batch,
    role: Option<PartyRole>,
) -> Result<Vec<PartyFactsRow>> {
    let sql = format!(
        "SELECT p.matter_id, p.contact_id, p.role, c.kind, c.given_name, c.family_name, \
         c.organisation_name, c.identity_status, c.identity_checked_on \
         FROM matter_parties p JOIN contacts c ON c.id = p.contact_id \
         WHERE p.matter_id IN ({}){} ORDER BY p.matter_id, p.position",
        batch.marks,
        if role.is_some() {
            " AND p.role = ?"
        } else {
            ""
        }
    );
    let params = batch.with(role.map(|r| text(r.as_str())));
    rows(conn, &sql, &params, "matter party", |c| {
        Ok(PartyFactsRow {
            matter: c.id()?,
            contact: c.id()?,
            role: c.name::<PartyRole>()?,
            kind: c.name()?,
            given_name: c.opt_text()?,
            family_name: c.opt_text()?,
            organisation_name: c.opt_text()?,
            identity_status: c.name()?,
            identity_checked_on: c.opt_date()?,
        })
    })
}

fn workflows(conn: &Connection, batch: &Batch) -> Result<Vec<WorkflowFactsRow>> {
    let sql = format!(
        "SELECT matter_id, template_id, template_version, stage, done_items \
         FROM matter_workflows WHERE matter_id IN ({})",
        batch.marks
    );
    rows(conn, &sql, &batch.ids, "workflow", |c| {
        Ok(WorkflowFactsRow {
            matter: c.id()?,
            template_id: c.text()?,
            template_version: c.uint()?,
            stage: c.text()?,
            done: from_json("workflow", &c.text()?)?,
        })
    })
}

fn tasks(conn: &Connection, batch: &Batch, today: chrono::NaiveDate) -> Result<Vec<TaskCountsRow>> {
    let sql = format!(
        "SELECT matter_id, sum(open), \
         sum(CASE WHEN open = 1 AND due_date < ? THEN 1 ELSE 0 END) \
         FROM tasks WHERE matter_id IN ({}) GROUP BY matter_id",
        batch.marks
    );
    let mut params = vec![Value::Integer(day_number(today))];
    params.extend(batch.ids.iter().cloned());
    rows(conn, &sql, &params, "task", |c| {
        Ok(TaskCountsRow {
            matter: c.id()?,
            open: c.uint()?,
            overdue: c.uint()?,
        })
    })
}

fn deadlines(conn: &Connection, batch: &Batch) -> Result<Vec<DeadlineFactsRow>> {
    let sql = format!(
        "SELECT matter_id, title, rule_id, counting_method, due_date, open, reminders \
         FROM deadlines WHERE matter_id IN ({}) \
         ORDER BY matter_id, due_date IS NULL, due_date, created_at, id",
        batch.marks
    );
    rows(conn, &sql, &batch.ids, "deadline", |c| {
        Ok(DeadlineFactsRow {
            matter: c.id()?,
            title: c.text()?,
            rule: c.text()?,
            method: c.name()?,
            due: c.opt_date()?,
            open: c.bool()?,
            reminders: c.uint()?,
        })
    })
}

fn documents(conn: &Connection, batch: &Batch) -> Result<Vec<DocumentCategoryRow>> {
    let sql = format!(
        "SELECT matter_id, category, count(*), \
         sum(CASE WHEN status = ? THEN 1 ELSE 0 END), min(first_filed_at) \
         FROM documents WHERE matter_id IN ({}) GROUP BY matter_id, category",
        batch.marks
    );
    let mut params = vec![text(DocumentStatus::Signed.as_str())];
    params.extend(batch.ids.iter().cloned());
    rows(conn, &sql, &params, "document", |c| {
        Ok(DocumentCategoryRow {
            matter: c.id()?,
            category: c.text()?,
            documents: c.uint()?,
            signed: c.uint()?,
            first_filed: c.opt_instant()?,
        })
    })
}

fn time(conn: &Connection, batch: &Batch) -> Result<Vec<TimeTotalsRow>> {
    let unbilled = "w.status = ? AND w.billability = ?";
    let sql = format!(
        "SELECT w.matter_id, sum(w.seconds), \
         sum(CASE WHEN {unbilled} THEN w.value ELSE 0 END), \
         min(CASE WHEN {unbilled} THEN w.work_date END), \
         sum(CASE WHEN m.closed_on IS NOT NULL AND w.work_date > m.closed_on THEN 1 ELSE 0 END) \
         FROM time_entries w JOIN matters m ON m.id = w.matter_id \
         WHERE w.matter_id IN ({}) GROUP BY w.matter_id",
        batch.marks
    );
    let kinds = [
        text(WorkStatus::Unbilled.as_str()),
        text(Billability::Billable.as_str()),
    ];
    let mut params = kinds.to_vec();
    params.extend(kinds);
    params.extend(batch.ids.iter().cloned());
    rows(conn, &sql, &params, "time entry", |c| {
        Ok(TimeTotalsRow {
            matter: c.id()?,
            recorded_seconds: c.uint()?,
            unbilled_value: millionths(c.int()?),
            oldest_unbilled: c.opt_date()?,
            entries_after_close: c.uint()?,
        })
    })
}

fn bills(conn: &Connection, batch: &Batch) -> Result<Vec<BillTotalsRow>> {
    let statuses: Vec<Value> = issued_bill_statuses().map(|s| text(s.as_str())).collect();
    let sql = format!(
        "SELECT x.matter_id, count(*), sum(b.outstanding) \
         FROM (SELECT DISTINCT matter_id, bill_id FROM bill_matters WHERE matter_id IN ({})) x \
         JOIN bills b ON b.id = x.bill_id \
         WHERE b.kind = ? AND b.status IN ({}) GROUP BY x.matter_id",
        batch.marks,
        vec!["?"; statuses.len()].join(", ")
    );
    let mut more = vec![text(BillKind::Invoice.as_str())];
    more.extend(statuses);
    rows(conn, &sql, &batch.with(more), "bill", |c| {
        Ok(BillTotalsRow {
            matter: c.id()?,
            issued: c.uint()?,
            outstanding: millionths(c.int()?),
        })
    })
}

fn client_money(conn: &Connection, batch: &Batch) -> Result<Vec<LedgerFactsRow>> {
    let sql = format!(
        "SELECT e.matter_id, e.client_id, e.currency, sum(e.signed_amount), \
         max(CASE WHEN e.kind = ? THEN 1 ELSE 0 END), \
         EXISTS (SELECT 1 FROM matter_parties p WHERE p.matter_id = e.matter_id \
                 AND p.contact_id = e.client_id AND p.role = ?) \
         FROM client_money_entries e WHERE e.matter_id IN ({}) \
         GROUP BY e.matter_id, e.client_id, e.currency",
        batch.marks
    );
    let mut params = vec![
        text(ClientMoneyEntryKind::Receipt.as_str()),
        text(PartyRole::Client.as_str()),
    ];
    params.extend(batch.ids.iter().cloned());
    rows(conn, &sql, &params, "client-money entry", |c| {
        Ok(LedgerFactsRow {
            matter: c.id()?,
            client: c.id()?,
            currency: c.currency()?,
            balance: millionths(c.int()?),
            received: c.bool()?,
            of_client: c.bool()?,
        })
    })
}

/// The whole records of `kind` keyed by the matters' ids.
pub(crate) fn keyed_bodies<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    kind: &'static str,
    matters: &[MatterId],
) -> Result<Vec<T>> {
    let sql = format!(
        "SELECT body FROM keyed_records WHERE kind = ? AND key IN ({})",
        vec!["?"; matters.len()].join(", ")
    );
    let mut params = vec![text(kind)];
    params.extend(matters.iter().map(|m| text(&m.to_string())));
    rows(conn, &sql, &params, kind, |c| from_json(kind, &c.text()?))
}
