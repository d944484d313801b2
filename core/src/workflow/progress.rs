//! A matter's progress along its template: the current stage, completed checklist items, and
//! the history of stage moves. Leaving a stage passes its gate: the checklist, plus any further
//! [`GateCondition`] (the compliance rules plug in here).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{Stage, WorkflowTemplate};
use crate::error::{LexcaseError, Result};
use crate::ids::{MatterId, UserId};
use crate::validate;

/// Who completed a checklist item, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ItemCompletion {
    /// Who ticked it (or whose task, document or key date ticked it).
    pub by: UserId,
    /// When.
    pub at: DateTime<Utc>,
    /// An optional note ("search result filed 3 Dec").
    pub note: Option<String>,
}

/// How the matter came to a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MoveKind {
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

crate::names::stable_names!(MoveKind, "move", "stage move", {
    Start = "start",
    Advance = "advance",
    Back = "back",
    Jump = "jump",
    Override = "override",
});

/// One stage move in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StageMove {
    /// The stage left (`None` at the start).
    pub from: Option<String>,
    /// The stage entered.
    pub to: String,
    /// How.
    pub kind: MoveKind,
    /// Date entered, in the firm's zone.
    pub on: NaiveDate,
    /// When recorded.
    pub at: DateTime<Utc>,
    /// By whom.
    pub by: UserId,
    /// Why (required for overrides).
    pub reason: Option<String>,
    /// What blocked the gate when it was overridden.
    pub overridden: Vec<Blocker>,
}

/// Something that stops the matter leaving its stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Blocker {
    /// Where it comes from: `checklist`, or a rule id.
    pub source: String,
    /// The checklist item concerned, if any.
    pub item: Option<String>,
    /// What is missing, for people.
    pub message: String,
}

/// A condition a stage's gate checks besides its checklist.
pub trait GateCondition {
    /// What blocks leaving `from` for `to` (empty when nothing does).
    fn blockers(
        &self,
        template: &WorkflowTemplate,
        progress: &WorkflowProgress,
        from: &Stage,
        to: &Stage,
    ) -> Vec<Blocker>;
}

/// The checklist gate: the stage's gate items (or required items) must be complete.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChecklistGate;

impl GateCondition for ChecklistGate {
    fn blockers(
        &self,
        _: &WorkflowTemplate,
        progress: &WorkflowProgress,
        from: &Stage,
        _: &Stage,
    ) -> Vec<Blocker> {
        from.gate_items()
            .filter(|item| !progress.items.contains_key(&item.id))
            .map(|item| Blocker {
                source: "checklist".into(),
                item: Some(item.id.clone()),
                message: format!("not done: {}", item.title),
            })
            .collect()
    }
}

/// What a request to move produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveOutcome {
    /// The matter is now in the target stage.
    Moved(StageMove),
    /// The gate is blocked; nothing changed.
    Blocked(Vec<Blocker>),
}

/// A matter's progress on a pinned template version: an aggregate of its own, one per matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WorkflowProgress {
    /// The matter.
    pub matter: MatterId,
    /// The template's id.
    pub template_id: String,
    /// The template version the matter is pinned to.
    pub template_version: u32,
    /// The current stage's id.
    pub stage: String,
    /// Completed checklist items by item id.
    pub items: BTreeMap<String, ItemCompletion>,
    /// Every stage move, oldest first.
    pub history: Vec<StageMove>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

impl WorkflowProgress {
    /// Starts a matter on the first stage of `template`.
    pub fn start(
        template: &WorkflowTemplate,
        matter: MatterId,
        by: UserId,
        at: DateTime<Utc>,
        on: NaiveDate,
    ) -> Result<Self> {
        let first = template.stages.first().ok_or_else(|| {
            LexcaseError::validation("stages", "a template needs at least one stage")
        })?;
        Ok(Self {
            matter,
            template_id: template.id.clone(),
            template_version: template.version,
            stage: first.id.clone(),
            items: BTreeMap::new(),
            history: vec![StageMove {
                from: None,
                to: first.id.clone(),
                kind: MoveKind::Start,
                on,
                at,
                by,
                reason: None,
                overridden: Vec::new(),
            }],
            version: 1,
        })
    }

    fn ensure_pinned(&self, template: &WorkflowTemplate) -> Result<()> {
        if template.id != self.template_id || template.version != self.template_version {
            return Err(LexcaseError::validation(
                "template",
                "the matter is pinned to another template version",
            ));
        }
        Ok(())
    }

    /// Moves the matter onto a newer version of its template (an explicit migration): the
    /// current stage must exist there; completed items the new version lacks are dropped and
    /// returned.
    pub fn migrate(&mut self, to: &WorkflowTemplate) -> Result<Vec<String>> {
        if to.id != self.template_id || to.version <= self.template_version {
            return Err(LexcaseError::validation(
                "template",
                "migrate only to a newer version of the same template",
            ));
        }
        to.stage(&self.stage).map_err(|_| {
            LexcaseError::validation("stage", "the new version has no stage the matter is in")
        })?;
        let dropped: Vec<String> = self
            .items
            .keys()
            .filter(|id| !to.items().any(|(_, i)| &i.id == *id))
            .cloned()
            .collect();
        for id in &dropped {
            self.items.remove(id);
        }
        self.template_version = to.version;
        Ok(dropped)
    }

    /// The date the matter entered its current stage.
    pub fn entered_on(&self) -> Option<NaiveDate> {
        self.history.last().map(|m| m.on)
    }

    /// Ticks a checklist item (of any stage: a document may arrive early).
    pub fn complete_item(
        &mut self,
        template: &WorkflowTemplate,
        item: &str,
        completion: ItemCompletion,
    ) -> Result<()> {
        self.ensure_pinned(template)?;
        if !template.items().any(|(_, i)| i.id == item) {
            return Err(LexcaseError::not_found("checklist item"));
        }
        if self.items.contains_key(item) {
            return Err(LexcaseError::Conflict {
                reason: "the checklist item is already complete".into(),
            });
        }
        let note = completion
            .note
            .as_deref()
            .map(|n| validate::optional_line("note", n))
            .transpose()?
            .flatten();
        self.items
            .insert(item.to_owned(), ItemCompletion { note, ..completion });
        Ok(())
    }

    /// Un-ticks a checklist item (it was ticked in error, or must be redone).
    pub fn reopen_item(&mut self, template: &WorkflowTemplate, item: &str) -> Result<()> {
        self.ensure_pinned(template)?;
        self.items
            .remove(item)
            .map(|_| ())
            .ok_or_else(|| LexcaseError::not_found("completed checklist item"))
    }

    /// What blocks leaving the current stage for `to` (the checklist gate and `extra`).
    pub fn blockers(
        &self,
        template: &WorkflowTemplate,
        to: &str,
        extra: &[&dyn GateCondition],
    ) -> Result<Vec<Blocker>> {
        self.ensure_pinned(template)?;
        let from = template.stage(&self.stage)?;
        let to = template.stage(to)?;
        let checklist: &dyn GateCondition = &ChecklistGate;
        Ok(std::iter::once(checklist)
            .chain(extra.iter().copied())
            .flat_map(|g| g.blockers(template, self, from, to))
            .collect())
    }

    /// The stage after the current one, if any.
    pub fn next_stage<'t>(&self, template: &'t WorkflowTemplate) -> Option<&'t Stage> {
        template
            .stage_index(&self.stage)
            .and_then(|i| template.stages.get(i + 1))
    }

    /// Moves to stage `to`: the next stage or an allowed jump passes the gate (or is overridden
    /// with a reason, which the service authorises); going back needs the current stage to
    /// allow it. A blocked gate without a reason changes nothing and returns the blockers.
    #[allow(clippy::too_many_arguments)]
    pub fn move_to(
        &mut self,
        template: &WorkflowTemplate,
        to: &str,
        extra: &[&dyn GateCondition],
        override_reason: Option<&str>,
        by: UserId,
        at: DateTime<Utc>,
        on: NaiveDate,
    ) -> Result<MoveOutcome> {
        self.ensure_pinned(template)?;
        let invalid = || LexcaseError::InvalidTransition {
            entity: "workflow",
            from: self.stage.clone(),
            to: to.to_owned(),
        };
        let here = template
            .stage_index(&self.stage)
            .ok_or_else(|| LexcaseError::not_found("stage"))?;
        let there = template
            .stage_index(to)
            .ok_or_else(|| LexcaseError::not_found("stage"))?;
        let current = &template.stages[here];
        let kind = match there {
            t if t == here => return Err(invalid()),
            t if t < here && current.allow_back => MoveKind::Back,
            t if t == here + 1 => MoveKind::Advance,
            t if t > here + 1 && current.allow_jump_to.iter().any(|s| s == to) => MoveKind::Jump,
            _ => return Err(invalid()),
        };
        let reason = override_reason
            .map(|r| validate::required_line("reason", r))
            .transpose()?;
        let (kind, overridden) = if kind == MoveKind::Back {
            (kind, Vec::new())
        } else {
            let blockers = self.blockers(template, to, extra)?;
            match (blockers.is_empty(), &reason) {
                (true, _) => (kind, Vec::new()),
                (false, None) => return Ok(MoveOutcome::Blocked(blockers)),
                (false, Some(_)) => (MoveKind::Override, blockers),
            }
        };
        let step = StageMove {
            from: Some(self.stage.clone()),
            to: to.to_owned(),
            kind,
            on,
            at,
            by,
            reason,
            overridden,
        };
        self.stage = to.to_owned();
        self.history.push(step.clone());
        Ok(MoveOutcome::Moved(step))
    }
}
