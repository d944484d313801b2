//! Workflow templates and matters' workflows: reads, writes and the stage views.

use chrono::NaiveDate;
use lexcase::access::Viewer;
use lexcase::matters::MatterStatus;
use lexcase::store::{Page, Paged, StageCount};
use lexcase::workflow::{WorkflowProgress, WorkflowTemplate};
use lexcase::{MatterId, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, params, params_from_iter};

use crate::codec::{to_i64, to_json, to_u64};
use crate::error::{Db, unique};
use crate::matter_list::visible_to;
use crate::paging::{self, List};
use crate::read::{many, one, where_clause};
use crate::value::day_number;
use crate::write::versioned_update;
use lexcase_sql::keyset::SortKey;

const TEMPLATE: &str = "workflow template";
const WORKFLOW: &str = "workflow";

const TEMPLATE_UNIQUE: &[(&str, &str)] = &[(
    "workflow_templates.version",
    "this template version is already registered",
)];
const WORKFLOW_UNIQUE: &[(&str, &str)] = &[(
    "matter_workflows.matter_id",
    "the matter already has a workflow",
)];

/// A template version, or the highest version with `None`.
pub(crate) fn template(
    conn: &Connection,
    id: &str,
    version: Option<u32>,
) -> Result<Option<WorkflowTemplate>> {
    match version {
        Some(v) => one(
            conn,
            TEMPLATE,
            "SELECT body FROM workflow_templates WHERE id = ?1 AND version = ?2",
            params![id, v],
        ),
        None => one(
            conn,
            TEMPLATE,
            "SELECT body FROM workflow_templates WHERE id = ?1 ORDER BY version DESC LIMIT 1",
            [id],
        ),
    }
}

/// Every template version by id, then version.
pub(crate) fn templates(conn: &Connection) -> Result<Vec<WorkflowTemplate>> {
    many(
        conn,
        TEMPLATE,
        "SELECT body FROM workflow_templates ORDER BY id, version",
        [],
    )
}

/// A matter's workflow.
pub(crate) fn of_matter(conn: &Connection, matter: MatterId) -> Result<Option<WorkflowProgress>> {
    one(
        conn,
        WORKFLOW,
        "SELECT body FROM matter_workflows WHERE matter_id = ?1",
        [matter.to_bytes()],
    )
}

/// The conditions shared by the stage views: the viewer's visibility rule and live matters
/// (pending or open) only.
fn live_and_visible(viewer: &Viewer) -> (Vec<&'static str>, Vec<Value>) {
    let (mut conditions, mut params) = visible_to(viewer);
    conditions.push("m.status IN (?, ?)");
    params.push(Value::Text(MatterStatus::Pending.as_str().to_owned()));
    params.push(Value::Text(MatterStatus::Open.as_str().to_owned()));
    (conditions, params)
}

/// Live matters per template stage that `viewer` may see.
pub(crate) fn stage_counts(conn: &Connection, viewer: &Viewer) -> Result<Vec<StageCount>> {
    let (conditions, params) = live_and_visible(viewer);
    let sql = format!(
        "SELECT w.template_id, w.stage, count(*) FROM matter_workflows w \
         JOIN matters m ON m.id = w.matter_id{} GROUP BY w.template_id, w.stage \
         ORDER BY w.template_id, w.stage",
        where_clause(&conditions)
    );
    let mut stmt = conn.prepare_cached(&sql).db()?;
    let mut rows = stmt.query(params_from_iter(params.iter())).db()?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().db()? {
        out.push(StageCount {
            template_id: row.get(0).db()?,
            stage: row.get(1).db()?,
            matters: to_u64(row.get(2).db()?)?,
        });
    }
    Ok(out)
}

/// Live, visible matters whose current stage was entered on or before `entered_by`.
pub(crate) fn waiting_since(
    conn: &Connection,
    viewer: &Viewer,
    entered_by: NaiveDate,
    page: Page,
) -> Result<Paged<WorkflowProgress>> {
    let (mut conditions, mut params) = live_and_visible(viewer);
    conditions.push("w.stage_entered_on <= ?");
    params.push(Value::Integer(day_number(entered_by)));
    const ORDER: &[SortKey] = &[
        SortKey::asc("w.stage_entered_on"),
        SortKey::asc("w.matter_id"),
    ];
    paging::page(
        conn,
        List {
            columns: "w.body",
            from: "matter_workflows w JOIN matters m ON m.id = w.matter_id",
            conditions: conditions.iter().map(|c| (*c).to_owned()).collect(),
            params,
            keys: ORDER,
        },
        &page,
        paging::body(WORKFLOW),
    )
}

/// Registers a template version.
pub(crate) fn insert_template(conn: &Connection, template: &WorkflowTemplate) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO workflow_templates (id, version, name, body) VALUES (?1, ?2, ?3, ?4)",
    )
    .db()?
    .execute(params![
        template.id,
        template.version,
        template.name,
        to_json(TEMPLATE, template)?
    ])
    .map_err(|e| unique(e, TEMPLATE_UNIQUE))?;
    Ok(())
}

fn entered_on(progress: &WorkflowProgress) -> i64 {
    progress.entered_on().map_or(0, day_number)
}

/// The ids of the checklist items done, as a JSON array in id order.
fn done_items(progress: &WorkflowProgress) -> Result<String> {
    let ids: Vec<&String> = progress.items.keys().collect();
    to_json(WORKFLOW, &ids)
}

/// Stores a matter's new workflow.
pub(crate) fn insert(conn: &Connection, progress: &WorkflowProgress) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO matter_workflows (matter_id, version, template_id, template_version, stage, \
         stage_entered_on, done_items, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .db()?
    .execute(params![
        progress.matter.to_bytes(),
        to_i64("version", progress.version)?,
        progress.template_id,
        progress.template_version,
        progress.stage,
        entered_on(progress),
        done_items(progress)?,
        to_json(WORKFLOW, progress)?
    ])
    .map_err(|e| unique(e, WORKFLOW_UNIQUE))?;
    Ok(())
}

/// Updates a matter's workflow stored at `expected`.
pub(crate) fn update(conn: &Connection, progress: &WorkflowProgress, expected: u64) -> Result<()> {
    let id = progress.matter.to_bytes();
    let body = to_json(WORKFLOW, progress)?;
    let done = done_items(progress)?;
    versioned_update(
        conn,
        WORKFLOW,
        "SELECT version FROM matter_workflows WHERE matter_id = ?1",
        &id,
        progress.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE matter_workflows SET version = ?1, stage = ?2, stage_entered_on = ?3, \
                 done_items = ?4, body = ?5 WHERE matter_id = ?6 AND version = ?7",
            )
            .db()?
            .execute(params![
                version,
                progress.stage,
                entered_on(progress),
                done,
                body,
                id,
                expected
            ])
            .db()
        },
    )
}
