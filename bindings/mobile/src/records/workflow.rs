//! Workflow: the core's templates, progress, moves and counts cross the FFI as they are
//! (`lexcase::workflow`, `lexcase::store::StageCount`); this module keeps what has no core
//! counterpart: the outcomes of a migration and of a stage move, the status report (its
//! stage position is two numbers here), and the page of workflows.

pub use lexcase::store::StageCount;
pub use lexcase::workflow::{
    Blocker, ChecklistItem, DueRule, ItemCompletion, ItemKind, ItemStatus, MoveKind, Stage,
    StageMove, WorkflowProgress, WorkflowTemplate,
};

use lexcase::service::StageMoveResult as CoreStageMoveResult;
use lexcase::workflow::{MoveOutcome, StatusReport as CoreStatusReport};

use crate::convert::page_record;

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
        let (stage_move, blockers) = match result.outcome {
            MoveOutcome::Moved(step) => (Some(step), Vec::new()),
            MoveOutcome::Blocked(blockers) => (None, blockers),
        };
        Self {
            progress: result.progress,
            moved: stage_move.is_some(),
            stage_move,
            blockers,
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
        Self {
            stage_number: report.stage_position.0 as u64,
            stage_count: report.stage_position.1 as u64,
            template_id: report.template_id,
            template_version: report.template_version,
            template_name: report.template_name,
            stage: report.stage,
            stage_name: report.stage_name,
            done: report.done,
            outstanding: report.outstanding,
            next_stage: report.next_stage,
            blockers: report.blockers,
            history: report.history,
        }
    }
}

page_record! {
    /// One page of workflows and the total number matching.
    WorkflowPage of WorkflowProgress,
    items: "The workflows in this page.",
    total: "How many match in all (hidden matters are not counted).",
}
