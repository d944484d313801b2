//! Workflow: templates of a procedure's stages, a matter's progress along one, stage moves and
//! status reports.

use std::collections::HashMap;
use std::time::SystemTime;

use chrono::NaiveDate;
use lexcase::service::StageMoveResult as CoreStageMoveResult;
use lexcase::store::{Paged, StageCount as CoreStageCount};
use lexcase::workflow::{
    Blocker as CoreBlocker, ChecklistItem as CoreChecklistItem, DueRule as CoreDueRule,
    ItemCompletion as CoreItemCompletion, ItemKind as CoreItemKind, ItemStatus as CoreItemStatus,
    MoveKind as CoreMoveKind, MoveOutcome, Stage as CoreStage, StageMove as CoreStageMove,
    StatusReport as CoreStatusReport, WorkflowProgress as CoreWorkflowProgress,
    WorkflowTemplate as CoreWorkflowTemplate,
};
use uuid::Uuid;

use super::{DayUnit, MatterRole};
use crate::convert::{all, instant, mirror_enum};

mirror_enum! {
    /// How a matter came to a stage.
    MoveKind = CoreMoveKind {
        /// The workflow started here.
        Start,
        /// The next stage, gate passed.
        Advance,
        /// An earlier stage (where the template allows going back).
        Back,
        /// A later stage beyond the next (where the template allows the jump), gate passed.
        Jump,
        /// Forward although the gate was blocked: an authorised user gave a reason.
        Override,
    }
}

/// When a task created from a checklist item falls due.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum DueRule {
    /// Counted from the day the matter enters the stage.
    StageEntered {
        /// Days after (or before, negative).
        days: i32,
        /// Calendar or business days.
        unit: DayUnit,
    },
    /// Counted from a named key date of the matter (e.g. "completion").
    KeyDate {
        /// The key date's name.
        name: String,
        /// Days after (or before, negative).
        days: i32,
        /// Calendar or business days.
        unit: DayUnit,
    },
}

impl From<CoreDueRule> for DueRule {
    fn from(rule: CoreDueRule) -> Self {
        match rule {
            CoreDueRule::StageEntered { days, unit } => Self::StageEntered { days, unit },
            CoreDueRule::KeyDate { name, days, unit } => Self::KeyDate { name, days, unit },
        }
    }
}

/// What a checklist item asks for.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum ItemKind {
    /// A task created when the stage is entered; completing it ticks the item.
    Task {
        /// The matter role the task goes to (else the responsible fee earner).
        assignee_role: Option<MatterRole>,
        /// When it falls due.
        due: Option<DueRule>,
    },
    /// A document of this category must be on the matter.
    Document {
        /// Document category, e.g. "TA6".
        category: String,
    },
    /// A search must be ordered and its result filed (e.g. "LLC1", "CON29").
    Search {
        /// The search's name.
        name: String,
    },
    /// A key date of the matter must be set; setting it ticks the item.
    KeyDate {
        /// The key date's name, e.g. "completion".
        name: String,
    },
    /// Someone confirms it was done.
    Confirmation,
}

impl From<CoreItemKind> for ItemKind {
    fn from(kind: CoreItemKind) -> Self {
        match kind {
            CoreItemKind::Task { assignee_role, due } => Self::Task {
                assignee_role,
                due: due.map(DueRule::from),
            },
            CoreItemKind::Document { category } => Self::Document { category },
            CoreItemKind::Search { name } => Self::Search { name },
            CoreItemKind::KeyDate { name } => Self::KeyDate { name },
            CoreItemKind::Confirmation => Self::Confirmation,
        }
    }
}

/// One checklist item of a stage.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChecklistItem {
    /// Identifier, unique in the template.
    pub id: String,
    /// What the team sees.
    pub title: String,
    /// What completes it.
    pub kind: ItemKind,
    /// Whether it must be complete before the matter leaves the stage (when the stage has no
    /// explicit gate).
    pub required: bool,
}

impl From<CoreChecklistItem> for ChecklistItem {
    fn from(item: CoreChecklistItem) -> Self {
        let CoreChecklistItem {
            id,
            title,
            kind,
            required,
        } = item;
        Self {
            id,
            title,
            kind: kind.into(),
            required,
        }
    }
}

/// One stage of a procedure.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Stage {
    /// Identifier, unique in the template.
    pub id: String,
    /// Name shown to the team.
    pub name: String,
    /// Checklist items.
    pub items: Vec<ChecklistItem>,
    /// Item ids that must be complete to leave the stage; null means every required item.
    pub gate: Option<Vec<String>>,
    /// Whether the matter may go back from this stage to an earlier one.
    pub allow_back: bool,
    /// Later stages the matter may jump to from here.
    pub allow_jump_to: Vec<String>,
}

impl From<CoreStage> for Stage {
    fn from(stage: CoreStage) -> Self {
        let CoreStage {
            id,
            name,
            items,
            gate,
            allow_back,
            allow_jump_to,
        } = stage;
        Self {
            id,
            name,
            items: all(items),
            gate,
            allow_back,
            allow_jump_to,
        }
    }
}

/// A versioned workflow template.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WorkflowTemplate {
    /// Identifier, e.g. `ew-residential-purchase`.
    pub id: String,
    /// Version, from 1; a matter stays on the version it started with.
    pub version: u32,
    /// Name shown to users.
    pub name: String,
    /// The practice area it serves.
    pub practice_area: String,
    /// The stages in order.
    pub stages: Vec<Stage>,
}

impl From<CoreWorkflowTemplate> for WorkflowTemplate {
    fn from(template: CoreWorkflowTemplate) -> Self {
        let CoreWorkflowTemplate {
            id,
            version,
            name,
            practice_area,
            stages,
        } = template;
        Self {
            id,
            version,
            name,
            practice_area,
            stages: all(stages),
        }
    }
}

/// Who ticked a checklist item, and when.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ItemCompletion {
    /// The user's id.
    pub by: Uuid,
    /// When.
    pub at: SystemTime,
    /// An optional note.
    pub note: Option<String>,
}

impl From<CoreItemCompletion> for ItemCompletion {
    fn from(completion: CoreItemCompletion) -> Self {
        let CoreItemCompletion { by, at, note } = completion;
        Self {
            by: by.into(),
            at: instant(at),
            note,
        }
    }
}

/// Something that keeps a matter from leaving its stage.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Blocker {
    /// What reported it, e.g. `checklist`.
    pub source: String,
    /// The checklist item concerned, if any.
    pub item: Option<String>,
    /// What is missing.
    pub message: String,
}

impl From<CoreBlocker> for Blocker {
    fn from(blocker: CoreBlocker) -> Self {
        let CoreBlocker {
            source,
            item,
            message,
        } = blocker;
        Self {
            source,
            item,
            message,
        }
    }
}

/// One step of a matter's way through the stages.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StageMove {
    /// The stage left (null at the start).
    pub from: Option<String>,
    /// The stage entered.
    pub to: String,
    /// How.
    pub kind: MoveKind,
    /// Effective date, in the firm's zone.
    pub on: NaiveDate,
    /// When it was recorded.
    pub at: SystemTime,
    /// Who moved it (a user id).
    pub by: Uuid,
    /// Why (required for an override).
    pub reason: Option<String>,
    /// The blockers an override moved past.
    pub overridden: Vec<Blocker>,
}

impl From<CoreStageMove> for StageMove {
    fn from(step: CoreStageMove) -> Self {
        let CoreStageMove {
            from,
            to,
            kind,
            on,
            at,
            by,
            reason,
            overridden,
        } = step;
        Self {
            from,
            to,
            kind: kind.into(),
            on,
            at: instant(at),
            by: by.into(),
            reason,
            overridden: all(overridden),
        }
    }
}

/// A matter's progress along its workflow template.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WorkflowProgress {
    /// The matter's id.
    pub matter: Uuid,
    /// The template's id.
    pub template_id: String,
    /// The template version the matter is pinned to.
    pub template_version: u32,
    /// The current stage's id.
    pub stage: String,
    /// Ticked checklist items by item id.
    pub items: HashMap<String, ItemCompletion>,
    /// Every stage move, oldest first.
    pub history: Vec<StageMove>,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreWorkflowProgress> for WorkflowProgress {
    fn from(progress: CoreWorkflowProgress) -> Self {
        let CoreWorkflowProgress {
            matter,
            template_id,
            template_version,
            stage,
            items,
            history,
            version,
        } = progress;
        Self {
            matter: matter.into(),
            template_id,
            template_version,
            stage,
            items: items
                .into_iter()
                .map(|(item, completion)| (item, completion.into()))
                .collect(),
            history: all(history),
            version,
        }
    }
}

/// The outcome of migrating a running matter to a newer template version.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MigrationResult {
    /// The workflow on the new version.
    pub progress: WorkflowProgress,
    /// Completed items dropped because the new version lacks them.
    pub dropped: Vec<String>,
}

/// The outcome of asking a matter to move stage.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StageMoveResult {
    /// The workflow after the request (unchanged when blocked).
    pub progress: WorkflowProgress,
    /// Whether the matter moved.
    pub moved: bool,
    /// The move made (null when blocked).
    pub stage_move: Option<StageMove>,
    /// What blocks the move (empty when moved; an override lists them in the move).
    pub blockers: Vec<Blocker>,
}

impl From<CoreStageMoveResult> for StageMoveResult {
    fn from(result: CoreStageMoveResult) -> Self {
        let CoreStageMoveResult { progress, outcome } = result;
        let (stage_move, blockers) = match outcome {
            MoveOutcome::Moved(step) => (Some(step.into()), Vec::new()),
            MoveOutcome::Blocked(blockers) => (None, all(blockers)),
        };
        Self {
            progress: progress.into(),
            moved: stage_move.is_some(),
            stage_move,
            blockers,
        }
    }
}

/// One checklist item in a status report.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ItemStatus {
    /// The stage's id.
    pub stage: String,
    /// The item's id.
    pub item: String,
    /// The item's title.
    pub title: String,
    /// What completes it.
    pub kind: ItemKind,
    /// Whether it gates leaving its stage.
    pub gating: bool,
    /// Who ticked it, if done.
    pub done: Option<ItemCompletion>,
}

impl From<CoreItemStatus> for ItemStatus {
    fn from(status: CoreItemStatus) -> Self {
        let CoreItemStatus {
            stage,
            item,
            title,
            kind,
            gating,
            done,
        } = status;
        Self {
            stage,
            item,
            title,
            kind: kind.into(),
            gating,
            done: done.map(ItemCompletion::from),
        }
    }
}

/// Where a matter stands on its workflow.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatusReport {
    /// The template's id.
    pub template_id: String,
    /// The pinned template version.
    pub template_version: u32,
    /// The template's name.
    pub template_name: String,
    /// The current stage's id.
    pub stage: String,
    /// The current stage's name.
    pub stage_name: String,
    /// The current stage's position, from 1.
    pub stage_number: u64,
    /// How many stages the template has.
    pub stage_count: u64,
    /// Ticked items.
    pub done: Vec<ItemStatus>,
    /// Items still to do.
    pub outstanding: Vec<ItemStatus>,
    /// The next stage's id (null in the last stage).
    pub next_stage: Option<String>,
    /// What blocks moving to the next stage.
    pub blockers: Vec<Blocker>,
    /// Every stage move, oldest first.
    pub history: Vec<StageMove>,
}

impl From<CoreStatusReport> for StatusReport {
    fn from(report: CoreStatusReport) -> Self {
        let CoreStatusReport {
            template_id,
            template_version,
            template_name,
            stage,
            stage_name,
            stage_position: (stage_number, stage_count),
            done,
            outstanding,
            next_stage,
            blockers,
            history,
        } = report;
        Self {
            template_id,
            template_version,
            template_name,
            stage,
            stage_name,
            stage_number: stage_number as u64,
            stage_count: stage_count as u64,
            done: all(done),
            outstanding: all(outstanding),
            next_stage,
            blockers: all(blockers),
            history: all(history),
        }
    }
}

/// How many visible matters stand in one stage of one template.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StageCount {
    /// The template's id.
    pub template_id: String,
    /// The stage's id.
    pub stage: String,
    /// Number of matters.
    pub matters: u64,
}

impl From<CoreStageCount> for StageCount {
    fn from(count: CoreStageCount) -> Self {
        let CoreStageCount {
            template_id,
            stage,
            matters,
        } = count;
        Self {
            template_id,
            stage,
            matters,
        }
    }
}

/// One page of workflows and the total number matching.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WorkflowPage {
    /// The workflows in this page.
    pub items: Vec<WorkflowProgress>,
    /// How many match in all (hidden matters are not counted).
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreWorkflowProgress>> for WorkflowPage {
    fn from(page: Paged<CoreWorkflowProgress>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}
