//! Workflow: registering templates, starting a matter on one, ticking its checklist, moving it
//! through its stages, and the reports on where matters stand.

use chrono::Duration;

use super::Session;
use super::context::{ReadCtx, WriteCtx};
use crate::access::Capability;
use crate::audit::EntityKind;
use crate::error::{LexcaseError, Result};
use crate::ids::MatterId;
use crate::store::{Page, Paged, StageCount};
use crate::workflow::{
    GateCondition, ItemCompletion, ItemKind, MoveKind, MoveOutcome, StatusReport, WorkflowProgress,
    WorkflowTemplate,
};

/// The outcome of asking a matter to move stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageMoveResult {
    /// The workflow after the request (unchanged when blocked).
    pub progress: WorkflowProgress,
    /// Moved, or blocked with what blocks it.
    pub outcome: MoveOutcome,
}

/// Workflow of matters. Reading follows the matter's visibility; changing needs
/// `edit_matters`; overriding a blocked gate needs `override_workflow_gates` and a reason.
#[derive(Debug)]
pub struct WorkflowService<'s> {
    session: &'s Session,
}

/// Records a new template version in the firm's audit trail.
pub(crate) fn register(ctx: &mut WriteCtx<'_>, template: &WorkflowTemplate) -> Result<()> {
    ctx.tx.insert_workflow_template(template)?;
    ctx.record(
        EntityKind::Firm,
        uuid::Uuid::nil(),
        Vec::new(),
        "workflow.template_registered",
        None,
        Some(template),
    )
}

fn pinned(
    ctx_tx: &dyn crate::store::ReadTx,
    progress: &WorkflowProgress,
) -> Result<WorkflowTemplate> {
    ctx_tx
        .workflow_template(&progress.template_id, Some(progress.template_version))?
        .ok_or_else(|| LexcaseError::not_found("workflow template"))
}

/// The compliance rules in force as a gate for `matter` (none when no pack is in force).
fn rule_gate(ctx: &WriteCtx<'_>, matter: MatterId) -> Result<Option<super::rule_gate::RuleGate>> {
    let packs = super::compliance::firm_packs(ctx.tx)?;
    if packs.is_empty() {
        return Ok(None);
    }
    let m = ctx.matter(matter)?;
    let settings = super::context::load_settings(ctx.tx)?;
    let facts =
        super::rule_facts::gather(ctx.tx, &settings, m.id, ctx.today()?, Default::default())?;
    let overridden = ctx
        .tx
        .rule_overrides(matter)?
        .map(|o| {
            o.overrides
                .into_iter()
                .map(|r| (r.pack, r.rule, r.version))
                .collect()
        })
        .unwrap_or_default();
    Ok(Some(super::rule_gate::RuleGate {
        packs: crate::rules::CompiledPacks::in_force(packs)?,
        facts,
        overridden,
    }))
}

impl<'s> WorkflowService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// Registers a new template version (needs `manage_firm` and `override_workflow_gates`);
    /// running matters stay on the version they started with.
    pub fn register_template(&self, template: WorkflowTemplate) -> Result<WorkflowTemplate> {
        let template = template.checked()?;
        self.session.write(|ctx| {
            ctx.require(Capability::ManageFirm)?;
            register(ctx, &template)?;
            Ok(template)
        })
    }

    /// A template: the given version, or the latest.
    pub fn template(&self, id: &str, version: Option<u32>) -> Result<WorkflowTemplate> {
        self.session.read(|ctx| {
            ctx.tx
                .workflow_template(id, version)?
                .ok_or_else(|| LexcaseError::not_found("workflow template"))
        })
    }

    /// Every registered template version.
    pub fn templates(&self) -> Result<Vec<WorkflowTemplate>> {
        self.session.read(|ctx| ctx.tx.workflow_templates())
    }

    /// Starts a matter on a template (its latest version unless given); the matter stays
    /// pinned to that version.
    pub fn start(
        &self,
        matter: MatterId,
        template_id: &str,
        version: Option<u32>,
    ) -> Result<WorkflowProgress> {
        self.session.write(|ctx| {
            ctx.matter(matter)?.ensure_editable()?;
            ctx.require(Capability::EditMatters)?;
            let template = ctx
                .tx
                .workflow_template(template_id, version)?
                .ok_or_else(|| LexcaseError::not_found("workflow template"))?;
            if ctx.tx.matter_workflow(matter)?.is_some() {
                return Err(LexcaseError::Conflict {
                    reason: "the matter already has a workflow".into(),
                });
            }
            let progress =
                WorkflowProgress::start(&template, matter, ctx.actor.id, ctx.now, ctx.today()?)?;
            let progress = ctx.create(progress, "workflow.started")?;
            let on_matter = ctx.matter(matter)?;
            super::reactions::stage_entered(ctx, &on_matter, &template, &progress.stage)?;
            Ok(progress)
        })
    }

    /// The workflow of a matter.
    pub fn get(&self, matter: MatterId) -> Result<WorkflowProgress> {
        self.session.read(|ctx| Self::load(ctx, matter))
    }

    fn load(ctx: &ReadCtx<'_>, matter: MatterId) -> Result<WorkflowProgress> {
        ctx.matter(matter)?;
        ctx.tx
            .matter_workflow(matter)?
            .ok_or_else(|| LexcaseError::not_found("workflow"))
    }

    /// The workflow of a visible, editable matter the actor may edit, with its pinned template.
    fn load_for_change(
        ctx: &WriteCtx<'_>,
        matter: MatterId,
    ) -> Result<(WorkflowProgress, WorkflowTemplate)> {
        ctx.matter(matter)?.ensure_editable()?;
        ctx.require(Capability::EditMatters)?;
        let progress = ctx
            .tx
            .matter_workflow(matter)?
            .ok_or_else(|| LexcaseError::not_found("workflow"))?;
        let template = pinned(ctx.tx, &progress)?;
        Ok((progress, template))
    }

    /// Applies a change to the workflow of a visible, editable matter.
    fn change<R>(
        &self,
        matter: MatterId,
        expected_version: u64,
        action: &str,
        f: impl FnOnce(&mut WorkflowProgress, &WorkflowTemplate, &WriteCtx<'_>) -> Result<R>,
    ) -> Result<(WorkflowProgress, R)> {
        self.session.write(|ctx| {
            let (before, template) = Self::load_for_change(ctx, matter)?;
            let mut out = None;
            let after = ctx.amend(before, expected_version, action, |p, ctx| {
                out = Some(f(p, &template, ctx)?);
                Ok(())
            })?;
            let out =
                out.ok_or_else(|| LexcaseError::storage("workflow change produced no result"))?;
            Ok((after, out))
        })
    }

    /// Ticks a checklist item, with an optional note.
    pub fn complete_item(
        &self,
        matter: MatterId,
        expected_version: u64,
        item: &str,
        note: Option<&str>,
    ) -> Result<WorkflowProgress> {
        self.change(
            matter,
            expected_version,
            "workflow.item_completed",
            |p, t, ctx| {
                let completion = ItemCompletion {
                    by: ctx.actor.id,
                    at: ctx.now,
                    note: note.map(str::to_owned),
                };
                p.complete_item(t, item, completion)
            },
        )
        .map(|(p, ())| p)
    }

    /// Un-ticks a checklist item.
    pub fn reopen_item(
        &self,
        matter: MatterId,
        expected_version: u64,
        item: &str,
    ) -> Result<WorkflowProgress> {
        self.change(
            matter,
            expected_version,
            "workflow.item_reopened",
            |p, t, _| p.reopen_item(t, item),
        )
        .map(|(p, ())| p)
    }

    /// Moves the matter to stage `to`. A blocked gate returns the blockers and writes nothing;
    /// with `override_reason` a user with `override_workflow_gates` moves past it (recorded with
    /// what was overridden).
    pub fn move_to(
        &self,
        matter: MatterId,
        expected_version: u64,
        to: &str,
        override_reason: Option<&str>,
    ) -> Result<StageMoveResult> {
        self.session.write(|ctx| {
            let (before, template) = Self::load_for_change(ctx, matter)?;
            super::context::check_version("workflow", before.version, expected_version)?;
            let rules = rule_gate(ctx, matter)?;
            let gates: Vec<&dyn GateCondition> =
                rules.iter().map(|g| g as &dyn GateCondition).collect();
            let mut moved = before.clone();
            let outcome = moved.move_to(
                &template,
                to,
                &gates,
                override_reason,
                ctx.actor.id,
                ctx.now,
                ctx.today()?,
            )?;
            match &outcome {
                MoveOutcome::Blocked(_) => {
                    return Ok(StageMoveResult {
                        progress: before,
                        outcome,
                    });
                }
                MoveOutcome::Moved(step) if step.kind == MoveKind::Override => {
                    ctx.require(Capability::OverrideWorkflowGates)?;
                }
                MoveOutcome::Moved(_) => {}
            }
            let progress =
                ctx.amend(before, expected_version, "workflow.stage_moved", |p, _| {
                    *p = WorkflowProgress {
                        version: p.version,
                        ..moved
                    };
                    Ok(())
                })?;
            let on_matter = ctx.matter(matter)?;
            super::reactions::stage_entered(ctx, &on_matter, &template, &progress.stage)?;
            Ok(StageMoveResult { progress, outcome })
        })
    }

    /// Moves a running matter onto another (newer) version of its template — an explicit,
    /// audited migration (needs `override_workflow_gates`). Returns the items dropped because
    /// the new version lacks them.
    pub fn migrate(
        &self,
        matter: MatterId,
        expected_version: u64,
        to_version: u32,
    ) -> Result<(WorkflowProgress, Vec<String>)> {
        self.change(
            matter,
            expected_version,
            "workflow.migrated",
            |p, _, ctx| {
                ctx.require(Capability::OverrideWorkflowGates)?;
                let target = ctx
                    .tx
                    .workflow_template(&p.template_id, Some(to_version))?
                    .ok_or_else(|| LexcaseError::not_found("workflow template"))?;
                p.migrate(&target)
            },
        )
    }

    /// The status report of a matter's workflow.
    pub fn report(&self, matter: MatterId) -> Result<StatusReport> {
        self.session.read(|ctx| {
            let progress = Self::load(ctx, matter)?;
            let template = pinned(ctx.tx, &progress)?;
            StatusReport::build(&template, &progress, &[])
        })
    }

    /// Matters per template stage, over the matters the actor may see.
    pub fn stage_counts(&self) -> Result<Vec<StageCount>> {
        self.session
            .read(|ctx| ctx.tx.workflow_stage_counts(&ctx.viewer()))
    }

    /// Matters that have been in their current stage for at least `days` days (today in the
    /// firm's zone), longest-waiting first.
    pub fn stuck(&self, days: u32, page: Page) -> Result<Paged<WorkflowProgress>> {
        if days > 36_500 {
            return Err(LexcaseError::validation("days", "more than 100 years"));
        }
        let today = self.session.firm().today()?;
        let entered_by = today - Duration::days(i64::from(days));
        self.session.read(|ctx| {
            ctx.tx
                .workflows_waiting_since(&ctx.viewer(), entered_by, page)
        })
    }
}

/// Ticks `item` on the matter's workflow, if the matter has one and the item is open there —
/// when a task, a key date (or later a document) completes it.
pub(crate) fn tick(ctx: &mut WriteCtx<'_>, matter: MatterId, item: &str, note: &str) -> Result<()> {
    let Some(progress) = ctx.tx.matter_workflow(matter)? else {
        return Ok(());
    };
    let template = pinned(ctx.tx, &progress)?;
    if progress.items.contains_key(item) || !template.items().any(|(_, i)| i.id == item) {
        return Ok(());
    }
    let version = progress.version;
    ctx.amend(progress, version, "workflow.item_completed", |p, ctx| {
        let completion = ItemCompletion {
            by: ctx.actor.id,
            at: ctx.now,
            note: Some(note.to_owned()),
        };
        p.complete_item(&template, item, completion)
    })?;
    Ok(())
}

/// The ids of the items of the matter's workflow whose kind passes `wanted` (none without a
/// workflow).
fn items_of_kind(
    ctx: &WriteCtx<'_>,
    matter: MatterId,
    wanted: impl Fn(&ItemKind) -> bool,
) -> Result<Vec<String>> {
    let Some(progress) = ctx.tx.matter_workflow(matter)? else {
        return Ok(Vec::new());
    };
    let template = pinned(ctx.tx, &progress)?;
    Ok(template
        .items()
        .filter(|(_, i)| wanted(&i.kind))
        .map(|(_, i)| i.id.clone())
        .collect())
}

/// Ticks the key-date items of the matter's workflow that ask for key date `name`; returns
/// their ids (their prompt tasks are completed by [`super::reactions::key_date_set`]).
pub(crate) fn tick_key_date(
    ctx: &mut WriteCtx<'_>,
    matter: MatterId,
    name: &str,
) -> Result<Vec<String>> {
    let items = items_of_kind(
        ctx,
        matter,
        |k| matches!(k, ItemKind::KeyDate { name: n } if n == name),
    )?;
    for item in &items {
        tick(ctx, matter, item, "key date set")?;
    }
    Ok(items)
}

/// Ticks the item a completed task was created for — except key-date items, which only the
/// key date itself completes.
pub(crate) fn tick_for_task(ctx: &mut WriteCtx<'_>, matter: MatterId, item: &str) -> Result<()> {
    let key_dates = items_of_kind(ctx, matter, |k| matches!(k, ItemKind::KeyDate { .. }))?;
    if key_dates.iter().any(|k| k == item) {
        return Ok(());
    }
    tick(ctx, matter, item, "task completed")
}

/// Ticks the document items of the matter's workflow that ask for `category`.
pub(crate) fn tick_document(
    ctx: &mut WriteCtx<'_>,
    matter: MatterId,
    category: &str,
) -> Result<()> {
    let items = items_of_kind(
        ctx,
        matter,
        |k| matches!(k, ItemKind::Document { category: c } if c == category),
    )?;
    for item in items {
        tick(ctx, matter, &item, "document filed")?;
    }
    Ok(())
}
