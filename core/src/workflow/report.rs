//! The status report of one matter's workflow: where it stands, what is done, what is
//! outstanding, what blocks the next stage, and how it got here.

use serde::Serialize;

use super::progress::{Blocker, GateCondition, ItemCompletion, StageMove, WorkflowProgress};
use super::{ItemKind, WorkflowTemplate};
use crate::error::Result;

/// One checklist item in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ItemStatus {
    /// Stage id.
    pub stage: String,
    /// Item id.
    pub item: String,
    /// Item title.
    pub title: String,
    /// What completes it.
    pub kind: ItemKind,
    /// Whether the stage gate needs it.
    pub gating: bool,
    /// Who completed it and when, if done.
    pub done: Option<ItemCompletion>,
}

/// The status report of a matter's workflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusReport {
    /// Template id.
    pub template_id: String,
    /// Template version the matter is pinned to.
    pub template_version: u32,
    /// Template name.
    pub template_name: String,
    /// Current stage id.
    pub stage: String,
    /// Current stage name.
    pub stage_name: String,
    /// Position of the current stage, from 1, and the number of stages.
    pub stage_position: (usize, usize),
    /// Items done, in template order.
    pub done: Vec<ItemStatus>,
    /// Items outstanding in the current and earlier stages, in template order.
    pub outstanding: Vec<ItemStatus>,
    /// The next stage, if any.
    pub next_stage: Option<String>,
    /// What blocks advancing to the next stage.
    pub blockers: Vec<Blocker>,
    /// Every stage move.
    pub history: Vec<StageMove>,
}

impl StatusReport {
    /// Builds the report for `progress` on its pinned `template`, with the gate's extra conditions.
    pub fn build(
        template: &WorkflowTemplate,
        progress: &WorkflowProgress,
        extra: &[&dyn GateCondition],
    ) -> Result<Self> {
        let here = template
            .stage_index(&progress.stage)
            .ok_or_else(|| crate::LexcaseError::not_found("stage"))?;
        let mut done = Vec::new();
        let mut outstanding = Vec::new();
        for (index, stage) in template.stages.iter().enumerate() {
            let gating: Vec<&str> = stage.gate_items().map(|i| i.id.as_str()).collect();
            for item in &stage.items {
                let status = ItemStatus {
                    stage: stage.id.clone(),
                    item: item.id.clone(),
                    title: item.title.clone(),
                    kind: item.kind.clone(),
                    gating: gating.contains(&item.id.as_str()),
                    done: progress.items.get(&item.id).cloned(),
                };
                if status.done.is_some() {
                    done.push(status);
                } else if index <= here {
                    outstanding.push(status);
                }
            }
        }
        let next = progress.next_stage(template);
        let blockers = match next {
            Some(next) => progress.blockers(template, &next.id, extra)?,
            None => Vec::new(),
        };
        Ok(Self {
            template_id: template.id.clone(),
            template_version: template.version,
            template_name: template.name.clone(),
            stage: progress.stage.clone(),
            stage_name: template.stages[here].name.clone(),
            stage_position: (here + 1, template.stages.len()),
            done,
            outstanding,
            next_stage: next.map(|s| s.id.clone()),
            blockers,
            history: progress.history.clone(),
        })
    }
}
