//! Workflow results: `WorkflowTemplate` with its `Stage`s and `ChecklistItem`s,
//! `WorkflowProgress`, `ItemCompletion`, `StageMove`, `Blocker`, `StageMoveResult`,
//! `StatusReport`, `ItemStatus` and `StageCount`.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use lexcase::LexcaseError;
use lexcase::service::StageMoveResult;
use lexcase::store::StageCount;
use lexcase::workflow::{
    Blocker, ChecklistItem, ItemCompletion, ItemKind, ItemStatus, MoveOutcome, Stage, StageMove,
    StatusReport, WorkflowProgress, WorkflowTemplate,
};
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::repr;
use crate::errors::to_py;

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

/// One checklist item of a stage: `kind` is `task`, `document`, `search`, `key_date` or
/// `confirmation`.
#[pyclass(frozen, eq, module = "lexcase", name = "ChecklistItem")]
#[derive(Clone, PartialEq)]
pub struct PyChecklistItem(pub ChecklistItem);

#[pymethods]
impl PyChecklistItem {
    /// Identifier, unique in the template.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// What the team sees.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// What completes it.
    #[getter]
    fn kind(&self) -> &'static str {
        kind_name(&self.0.kind)
    }

    /// Whether it must be complete before the matter leaves the stage (without an explicit
    /// gate).
    #[getter]
    fn required(&self) -> bool {
        self.0.required
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["id", "title", "kind", "required"])
    }
}

/// One stage of a workflow template.
#[pyclass(frozen, eq, module = "lexcase", name = "Stage")]
#[derive(Clone, PartialEq)]
pub struct PyStage(pub Stage);

#[pymethods]
impl PyStage {
    /// Identifier, unique in the template.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// Name shown to the team.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// Checklist items.
    #[getter]
    fn items(&self) -> Vec<PyChecklistItem> {
        self.0.items.iter().cloned().map(PyChecklistItem).collect()
    }

    /// Item ids that must be complete to leave the stage; `None` means every required item.
    #[getter]
    fn gate(&self) -> Option<Vec<String>> {
        self.0.gate.clone()
    }

    /// Whether the matter may go back from this stage to an earlier one.
    #[getter]
    fn allow_back(&self) -> bool {
        self.0.allow_back
    }

    /// Later stages the matter may jump to from here.
    #[getter]
    fn allow_jump_to(&self) -> Vec<String> {
        self.0.allow_jump_to.clone()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["id", "name"])
    }
}

/// A versioned workflow template: ordered stages with checklists and gates.
#[pyclass(frozen, eq, module = "lexcase", name = "WorkflowTemplate")]
#[derive(Clone, PartialEq)]
pub struct PyWorkflowTemplate(pub WorkflowTemplate);

#[pymethods]
impl PyWorkflowTemplate {
    /// Identifier, e.g. `ew-residential-purchase`.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// Version, from 1.
    #[getter]
    fn version(&self) -> u32 {
        self.0.version
    }

    /// Name shown to users.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The practice area it serves.
    #[getter]
    fn practice_area(&self) -> &str {
        &self.0.practice_area
    }

    /// The stages in order.
    #[getter]
    fn stages(&self) -> Vec<PyStage> {
        self.0.stages.iter().cloned().map(PyStage).collect()
    }

    /// The template as JSON (the format `register_template_json` reads).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.0)
            .map_err(|e| to_py(LexcaseError::storage(format!("template to JSON: {e}"))))
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["id", "version", "name"])
    }
}

/// Who completed a checklist item, and when.
#[pyclass(frozen, eq, module = "lexcase", name = "ItemCompletion")]
#[derive(Clone, PartialEq)]
pub struct PyItemCompletion(pub ItemCompletion);

#[pymethods]
impl PyItemCompletion {
    /// Who ticked it (or whose task or key date ticked it).
    #[getter]
    fn by(&self) -> Uuid {
        self.0.by.into()
    }

    /// When (UTC).
    #[getter]
    fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    /// An optional note.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["by", "at", "note"])
    }
}

/// Something that stops the matter leaving its stage.
#[pyclass(frozen, eq, module = "lexcase", name = "Blocker")]
#[derive(Clone, PartialEq)]
pub struct PyBlocker(pub Blocker);

#[pymethods]
impl PyBlocker {
    /// Where it comes from: `checklist`, or a rule id.
    #[getter]
    fn source(&self) -> &str {
        &self.0.source
    }

    /// The checklist item concerned, if any.
    #[getter]
    fn item(&self) -> Option<&str> {
        self.0.item.as_deref()
    }

    /// What is missing, for people.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["source", "item", "message"])
    }
}

fn blockers(list: &[Blocker]) -> Vec<PyBlocker> {
    list.iter().cloned().map(PyBlocker).collect()
}

/// One stage move in a workflow's history: `kind` is `start`, `advance`, `back`, `jump` or
/// `override`.
#[pyclass(frozen, eq, module = "lexcase", name = "StageMove")]
#[derive(Clone, PartialEq)]
pub struct PyStageMove(pub StageMove);

#[pymethods]
impl PyStageMove {
    /// The stage left (`None` at the start).
    #[getter(from_stage)]
    fn left_stage(&self) -> Option<&str> {
        self.0.from.as_deref()
    }

    /// The stage entered.
    #[getter]
    fn to_stage(&self) -> &str {
        &self.0.to
    }

    /// How the matter came to the stage.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// Date entered, in the firm's time zone.
    #[getter]
    fn on(&self) -> NaiveDate {
        self.0.on
    }

    /// When it was recorded (UTC).
    #[getter]
    fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    /// Who moved it.
    #[getter]
    fn by(&self) -> Uuid {
        self.0.by.into()
    }

    /// Why (required for overrides).
    #[getter]
    fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }

    /// What blocked the gate when it was overridden.
    #[getter]
    fn overridden(&self) -> Vec<PyBlocker> {
        blockers(&self.0.overridden)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["from_stage", "to_stage", "kind", "on"])
    }
}

fn moves(list: &[StageMove]) -> Vec<PyStageMove> {
    list.iter().cloned().map(PyStageMove).collect()
}

/// A matter's progress on a pinned template version.
#[pyclass(frozen, eq, module = "lexcase", name = "WorkflowProgress")]
#[derive(Clone, PartialEq)]
pub struct PyWorkflowProgress(pub WorkflowProgress);

#[pymethods]
impl PyWorkflowProgress {
    /// The matter.
    #[getter]
    fn matter(&self) -> Uuid {
        self.0.matter.into()
    }

    /// The template's id.
    #[getter]
    fn template_id(&self) -> &str {
        &self.0.template_id
    }

    /// The template version the matter is pinned to.
    #[getter]
    fn template_version(&self) -> u32 {
        self.0.template_version
    }

    /// The current stage's id.
    #[getter]
    fn stage(&self) -> &str {
        &self.0.stage
    }

    /// Completed checklist items by item id.
    #[getter]
    fn items(&self) -> BTreeMap<String, PyItemCompletion> {
        self.0
            .items
            .iter()
            .map(|(k, v)| (k.clone(), PyItemCompletion(v.clone())))
            .collect()
    }

    /// Every stage move, oldest first.
    #[getter]
    fn history(&self) -> Vec<PyStageMove> {
        moves(&self.0.history)
    }

    /// Optimistic-concurrency version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &[
                "matter",
                "template_id",
                "template_version",
                "stage",
                "version",
            ],
        )
    }
}

/// The outcome of asking a matter to move stage: `moved` with the `move` made, or blocked
/// with its `blockers` (and `progress` unchanged).
#[pyclass(frozen, module = "lexcase", name = "StageMoveResult")]
pub struct PyStageMoveResult(pub StageMoveResult);

#[pymethods]
impl PyStageMoveResult {
    /// The workflow after the request (unchanged when blocked).
    #[getter]
    fn progress(&self) -> PyWorkflowProgress {
        PyWorkflowProgress(self.0.progress.clone())
    }

    /// Whether the matter moved.
    #[getter]
    fn moved(&self) -> bool {
        matches!(self.0.outcome, MoveOutcome::Moved(_))
    }

    /// The move made, or `None` when blocked.
    #[getter(r#move)]
    fn stage_move(&self) -> Option<PyStageMove> {
        match &self.0.outcome {
            MoveOutcome::Moved(m) => Some(PyStageMove(m.clone())),
            MoveOutcome::Blocked(_) => None,
        }
    }

    /// What blocks the move (empty when it moved).
    #[getter]
    fn blockers(&self) -> Vec<PyBlocker> {
        match &self.0.outcome {
            MoveOutcome::Moved(_) => Vec::new(),
            MoveOutcome::Blocked(b) => blockers(b),
        }
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["moved", "move", "blockers"])
    }
}

/// One checklist item in a status report: `kind` as in `ChecklistItem`.
#[pyclass(frozen, eq, module = "lexcase", name = "ItemStatus")]
#[derive(Clone, PartialEq)]
pub struct PyItemStatus(pub ItemStatus);

#[pymethods]
impl PyItemStatus {
    /// The stage it belongs to.
    #[getter]
    fn stage(&self) -> &str {
        &self.0.stage
    }

    /// The item's id.
    #[getter]
    fn item(&self) -> &str {
        &self.0.item
    }

    /// What the team sees.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// What completes it.
    #[getter]
    fn kind(&self) -> &'static str {
        kind_name(&self.0.kind)
    }

    /// Whether it gates leaving its stage.
    #[getter]
    fn gating(&self) -> bool {
        self.0.gating
    }

    /// Its completion, or `None` while outstanding.
    #[getter]
    fn done(&self) -> Option<PyItemCompletion> {
        self.0.done.clone().map(PyItemCompletion)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["stage", "item", "kind", "gating", "done"])
    }
}

fn item_statuses(list: &[ItemStatus]) -> Vec<PyItemStatus> {
    list.iter().cloned().map(PyItemStatus).collect()
}

/// The status report of a matter's workflow.
#[pyclass(frozen, eq, module = "lexcase", name = "StatusReport")]
#[derive(Clone, PartialEq)]
pub struct PyStatusReport(pub StatusReport);

#[pymethods]
impl PyStatusReport {
    /// Template id.
    #[getter]
    fn template_id(&self) -> &str {
        &self.0.template_id
    }

    /// Template version.
    #[getter]
    fn template_version(&self) -> u32 {
        self.0.template_version
    }

    /// Template name.
    #[getter]
    fn template_name(&self) -> &str {
        &self.0.template_name
    }

    /// The current stage's id.
    #[getter]
    fn stage(&self) -> &str {
        &self.0.stage
    }

    /// The current stage's name.
    #[getter]
    fn stage_name(&self) -> &str {
        &self.0.stage_name
    }

    /// `(position, of)`: where the current stage stands among the template's stages.
    #[getter]
    fn stage_position(&self) -> (usize, usize) {
        self.0.stage_position
    }

    /// Completed items.
    #[getter]
    fn done(&self) -> Vec<PyItemStatus> {
        item_statuses(&self.0.done)
    }

    /// Items still to do.
    #[getter]
    fn outstanding(&self) -> Vec<PyItemStatus> {
        item_statuses(&self.0.outstanding)
    }

    /// The next stage's id, if any.
    #[getter]
    fn next_stage(&self) -> Option<&str> {
        self.0.next_stage.as_deref()
    }

    /// What blocks moving to the next stage.
    #[getter]
    fn blockers(&self) -> Vec<PyBlocker> {
        blockers(&self.0.blockers)
    }

    /// Every stage move, oldest first.
    #[getter]
    fn history(&self) -> Vec<PyStageMove> {
        moves(&self.0.history)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["template_id", "stage", "stage_position", "next_stage"],
        )
    }
}

/// How many matters stand in one stage of a template.
#[pyclass(frozen, eq, module = "lexcase", name = "StageCount")]
#[derive(Clone, PartialEq)]
pub struct PyStageCount(pub StageCount);

#[pymethods]
impl PyStageCount {
    /// Template id.
    #[getter]
    fn template_id(&self) -> &str {
        &self.0.template_id
    }

    /// Stage id.
    #[getter]
    fn stage(&self) -> &str {
        &self.0.stage
    }

    /// Number of matters.
    #[getter]
    fn matters(&self) -> u64 {
        self.0.matters
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["template_id", "stage", "matters"])
    }
}
