//! Workflow results: `WorkflowTemplate` with its `Stage`s and `ChecklistItem`s,
//! `WorkflowProgress`, `ItemCompletion`, `StageMove`, `Blocker`, `StageMoveResult`,
//! `StatusReport`, `ItemStatus` and `StageCount`.

use lexcase::LexcaseError;
use lexcase::service::StageMoveResult;
use lexcase::store::StageCount;
use lexcase::workflow::{
    Blocker, ChecklistItem, ItemCompletion, ItemKind, ItemStatus, MoveOutcome, Stage, StageMove,
    StatusReport, WorkflowProgress, WorkflowTemplate,
};
use pyo3::prelude::*;

use crate::errors::to_py;
use crate::record::py_record;

/// The stable name of what a checklist item asks for (the `kind` tag of the template format).
fn kind_name(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Task { .. } => "task",
        ItemKind::Document { .. } => "document",
        ItemKind::Search { .. } => "search",
        ItemKind::KeyDate { .. } => "key_date",
        ItemKind::Confirmation => "confirmation",
    }
}

py_record! {
    /// One checklist item of a stage: `kind` is `task`, `document`, `search`, `key_date` or
    /// `confirmation`.
    PyChecklistItem(ChecklistItem) as "ChecklistItem" eq;
    repr(id, title, kind, required);
    |c| {
        /// Identifier, unique in the template.
        id,
        /// What the team sees.
        title,
        /// What completes it.
        kind = kind_name(&c.kind),
        /// Whether it must be complete before the matter leaves the stage (without an explicit
        /// gate).
        required,
    }
}

py_record! {
    /// One stage of a workflow template.
    PyStage(Stage) as "Stage" eq;
    repr(id, name);
    |s| {
        /// Identifier, unique in the template.
        id,
        /// Name shown to the team.
        name,
        /// Checklist items.
        items,
        /// Item ids that must be complete to leave the stage; `None` means every required item.
        gate,
        /// Whether the matter may go back from this stage to an earlier one.
        allow_back,
        /// Later stages the matter may jump to from here.
        allow_jump_to,
    }
}

py_record! {
    /// A versioned workflow template: ordered stages with checklists and gates.
    PyWorkflowTemplate(WorkflowTemplate) as "WorkflowTemplate" eq;
    repr(id, version, name);
    |w| {
        /// Identifier, e.g. `ew-residential-purchase`.
        id,
        /// Version, from 1.
        version,
        /// Name shown to users.
        name,
        /// The practice area it serves.
        practice_area,
        /// The stages in order.
        stages,
    }
    methods {
        /// The template as JSON (the format `register_template_json` reads).
        fn to_json(&self) -> PyResult<String> {
            serde_json::to_string_pretty(&self.0)
            .map_err(|e| to_py(LexcaseError::storage(format!("template to JSON: {e}"))))
        }
    }
}

py_record! {
    /// Who completed a checklist item, and when.
    PyItemCompletion(ItemCompletion) as "ItemCompletion" eq;
    repr(by, at, note);
    |i| {
        /// Who ticked it (or whose task or key date ticked it).
        by,
        /// When (UTC).
        at,
        /// An optional note.
        note,
    }
}

py_record! {
    /// Something that stops the matter leaving its stage.
    PyBlocker(Blocker) as "Blocker" eq;
    repr(source, item, message);
    |b| {
        /// Where it comes from: `checklist`, or a rule id.
        source,
        /// The checklist item concerned, if any.
        item,
        /// What is missing, for people.
        message,
    }
}

py_record! {
    /// One stage move in a workflow's history: `kind` is `start`, `advance`, `back`, `jump` or
    /// `override`.
    PyStageMove(StageMove) as "StageMove" eq;
    repr(from_stage, to_stage, kind, on);
    |s| {
        /// The stage left (`None` at the start).
        from_stage = s.from,
        /// The stage entered.
        to_stage = s.to,
        /// How the matter came to the stage.
        kind,
        /// Date entered, in the firm's time zone.
        on,
        /// When it was recorded (UTC).
        at,
        /// Who moved it.
        by,
        /// Why (required for overrides).
        reason,
        /// What blocked the gate when it was overridden.
        overridden,
    }
}

py_record! {
    /// A matter's progress on a pinned template version.
    PyWorkflowProgress(WorkflowProgress) as "WorkflowProgress" eq;
    repr(matter, template_id, template_version, stage, version);
    |w| {
        /// The matter.
        matter,
        /// The template's id.
        template_id,
        /// The template version the matter is pinned to.
        template_version,
        /// The current stage's id.
        stage,
        /// Completed checklist items by item id.
        items,
        /// Every stage move, oldest first.
        history,
        /// Optimistic-concurrency version.
        version,
    }
}

py_record! {
    /// The outcome of asking a matter to move stage: `moved` with the `move` made, or blocked
    /// with its `blockers` (and `progress` unchanged).
    PyStageMoveResult(StageMoveResult) as "StageMoveResult";
    repr(moved, move, blockers);
    |s| {
        /// The workflow after the request (unchanged when blocked).
        progress,
        /// Whether the matter moved.
        moved = matches!(s.outcome, MoveOutcome::Moved(_)),
        /// The move made, or `None` when blocked.
        r#move = match &s.outcome {
            MoveOutcome::Moved(m) => Some(m),
            MoveOutcome::Blocked(_) => None,
        },
        /// What blocks the move (empty when it moved).
        blockers = match &s.outcome {
            MoveOutcome::Moved(_) => &[][..],
            MoveOutcome::Blocked(b) => &b[..],
        },
    }
}

py_record! {
    /// One checklist item in a status report: `kind` as in `ChecklistItem`.
    PyItemStatus(ItemStatus) as "ItemStatus" eq;
    repr(stage, item, kind, gating, done);
    |i| {
        /// The stage it belongs to.
        stage,
        /// The item's id.
        item,
        /// What the team sees.
        title,
        /// What completes it.
        kind = kind_name(&i.kind),
        /// Whether it gates leaving its stage.
        gating,
        /// Its completion, or `None` while outstanding.
        done,
    }
}

py_record! {
    /// The status report of a matter's workflow.
    PyStatusReport(StatusReport) as "StatusReport" eq;
    repr(template_id, stage, stage_position, next_stage);
    |s| {
        /// Template id.
        template_id,
        /// Template version.
        template_version,
        /// Template name.
        template_name,
        /// The current stage's id.
        stage,
        /// The current stage's name.
        stage_name,
        /// `(position, of)`: where the current stage stands among the template's stages.
        stage_position,
        /// Completed items.
        done,
        /// Items still to do.
        outstanding,
        /// The next stage's id, if any.
        next_stage,
        /// What blocks moving to the next stage.
        blockers,
        /// Every stage move, oldest first.
        history,
    }
}

py_record! {
    /// How many matters stand in one stage of a template.
    PyStageCount(StageCount) as "StageCount" eq;
    repr(template_id, stage, matters);
    |s| {
        /// Template id.
        template_id,
        /// Stage id.
        stage,
        /// Number of matters.
        matters,
    }
}
