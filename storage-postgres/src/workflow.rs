//! Workflow templates and matters' workflows: reads, writes and the stage views.

use chrono::NaiveDate;
use lexcase::access::Viewer;
use lexcase::matters::MatterStatus;
use lexcase::store::{Page, Paged, StageCount};
use lexcase::workflow::{WorkflowProgress, WorkflowTemplate};
use lexcase::{LexcaseError, MatterId, Result};
use lexcase_sql::keyset::SortKey;

use crate::matter_list::visible_to;
use crate::paging::{self, List};
use crate::records::versioned_update;
use crate::scope::{Scope, to_json, to_u64};
use crate::sql::where_clause;
use crate::value::Arg;

const TEMPLATE: &str = "workflow template";
const WORKFLOW: &str = "workflow";

/// A template version, or the highest version with `None`.
pub(crate) fn template(
    scope: &mut Scope<'_>,
    id: &str,
    version: Option<u32>,
) -> Result<Option<WorkflowTemplate>> {
    match version {
        Some(v) => scope.body(
            TEMPLATE,
            "SELECT body FROM workflow_templates WHERE firm_id = $1 AND id = ? AND version = ?",
            &[Arg::text(id), Arg::int(i64::from(v))],
        ),
        None => scope.body(
            TEMPLATE,
            "SELECT body FROM workflow_templates WHERE firm_id = $1 AND id = ? \
             ORDER BY version DESC LIMIT 1",
            &[Arg::text(id)],
        ),
    }
}

/// Every template version by id, then version.
pub(crate) fn templates(scope: &mut Scope<'_>) -> Result<Vec<WorkflowTemplate>> {
    scope.bodies(
        TEMPLATE,
        "SELECT body FROM workflow_templates WHERE firm_id = $1 ORDER BY id, version",
        &[],
    )
}

/// A matter's workflow.
pub(crate) fn of_matter(
    scope: &mut Scope<'_>,
    matter: MatterId,
) -> Result<Option<WorkflowProgress>> {
    scope.body(
        WORKFLOW,
        "SELECT body FROM matter_workflows WHERE firm_id = $1 AND matter_id = ?",
        &[Arg::id(matter)],
    )
}

/// The conditions shared by the stage views: the viewer's visibility rule and live matters
/// (pending or open) only.
fn live_and_visible(viewer: &Viewer) -> (Vec<&'static str>, Vec<Arg<'static>>) {
    let (mut conditions, mut args) = visible_to(viewer);
    conditions.push("m.status IN (?, ?)");
    args.push(Arg::text(MatterStatus::Pending.as_str()));
    args.push(Arg::text(MatterStatus::Open.as_str()));
    (conditions, args)
}

/// Live matters per template stage that `viewer` may see.
pub(crate) fn stage_counts(scope: &mut Scope<'_>, viewer: &Viewer) -> Result<Vec<StageCount>> {
    let (mut conditions, args) = live_and_visible(viewer);
    conditions.push("w.firm_id = $1");
    let sql = format!(
        "SELECT w.template_id, w.stage, count(*) FROM matter_workflows w \
         JOIN matters m ON m.firm_id = w.firm_id AND m.id = w.matter_id{} \
         GROUP BY w.template_id, w.stage ORDER BY w.template_id, w.stage",
        where_clause(&conditions)
    );
    let bad = || LexcaseError::storage("a stage count is unreadable");
    scope
        .rows(&sql, &args)?
        .iter()
        .map(|row| {
            Ok(StageCount {
                template_id: row.try_get(0).map_err(|_| bad())?,
                stage: row.try_get(1).map_err(|_| bad())?,
                matters: to_u64(row.try_get(2).map_err(|_| bad())?)?,
            })
        })
        .collect()
}

/// Live, visible matters whose current stage was entered on or before `entered_by`.
pub(crate) fn waiting_since(
    scope: &mut Scope<'_>,
    viewer: &Viewer,
    entered_by: NaiveDate,
    page: Page,
) -> Result<Paged<WorkflowProgress>> {
    let (mut conditions, mut args) = live_and_visible(viewer);
    conditions.push("w.firm_id = $1");
    conditions.push("w.stage_entered_on <= ?");
    args.push(Arg::date(entered_by));
    const ORDER: &[SortKey] = &[
        SortKey::asc("w.stage_entered_on"),
        SortKey::asc("w.matter_id"),
    ];
    paging::page(
        scope,
        List {
            columns: "w.body",
            from: "matter_workflows w JOIN matters m ON m.firm_id = w.firm_id AND m.id = w.matter_id",
            conditions: conditions.iter().map(|c| (*c).to_owned()).collect(),
            args,
            keys: ORDER,
        },
        &page,
        paging::body(WORKFLOW),
    )
}

/// Registers a template version.
pub(crate) fn insert_template(scope: &mut Scope<'_>, template: &WorkflowTemplate) -> Result<()> {
    let inserted = scope.execute(
        "INSERT INTO workflow_templates (firm_id, id, version, name, body) \
         VALUES ($1, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        &[
            Arg::text(&template.id),
            Arg::int(i64::from(template.version)),
            Arg::text(&template.name),
            Arg::string(to_json(TEMPLATE, template)?),
        ],
    )?;
    if inserted == 0 {
        return Err(LexcaseError::Conflict {
            reason: "this template version is already registered".into(),
        });
    }
    Ok(())
}

/// The day the current stage was entered (1970-01-01 when unknown, so it counts as waiting).
fn entered_on(progress: &WorkflowProgress) -> NaiveDate {
    progress
        .entered_on()
        .unwrap_or_else(|| crate::value::date_of(0).unwrap_or_default())
}

/// The ids of the checklist items done, as a JSON array in id order.
fn done_items(progress: &WorkflowProgress) -> Result<String> {
    let ids: Vec<&String> = progress.items.keys().collect();
    to_json(WORKFLOW, &ids)
}

/// Stores a matter's new workflow.
pub(crate) fn insert(scope: &mut Scope<'_>, progress: &WorkflowProgress) -> Result<()> {
    let inserted = scope.execute(
        "INSERT INTO matter_workflows (firm_id, matter_id, version, template_id, \
         template_version, stage, stage_entered_on, done_items, body) \
         VALUES ($1, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        &[
            Arg::id(progress.matter),
            Arg::count(progress.version)?,
            Arg::text(&progress.template_id),
            Arg::int(i64::from(progress.template_version)),
            Arg::text(&progress.stage),
            Arg::date(entered_on(progress)),
            Arg::string(done_items(progress)?),
            Arg::string(to_json(WORKFLOW, progress)?),
        ],
    )?;
    if inserted == 0 {
        return Err(LexcaseError::Conflict {
            reason: "the matter already has a workflow".into(),
        });
    }
    Ok(())
}

/// Updates a matter's workflow stored at `expected`.
pub(crate) fn update(
    scope: &mut Scope<'_>,
    progress: &WorkflowProgress,
    expected: u64,
) -> Result<()> {
    let body = to_json(WORKFLOW, progress)?;
    let done = done_items(progress)?;
    versioned_update(
        scope,
        WORKFLOW,
        "SELECT version FROM matter_workflows WHERE firm_id = $1 AND matter_id = ?",
        &[Arg::id(progress.matter)],
        progress.version,
        expected,
        |scope, version, expected| {
            scope.execute(
                "UPDATE matter_workflows SET version = ?, stage = ?, stage_entered_on = ?, \
                 done_items = ?, body = ? WHERE firm_id = $1 AND matter_id = ? AND version = ?",
                &[
                    Arg::int(version),
                    Arg::text(&progress.stage),
                    Arg::date(entered_on(progress)),
                    Arg::text(&done),
                    Arg::text(&body),
                    Arg::id(progress.matter),
                    Arg::int(expected),
                ],
            )
        },
    )
}
