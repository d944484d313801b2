//! The compliance rules as a workflow gate: block-severity rules in force for stage advances
//! stand in the way of leaving a stage, like unfinished checklist items.

use crate::rules::{Checkpoint, CompiledPacks, EventFacts, Facts, Severity};
use crate::workflow::{Blocker, GateCondition, Stage, WorkflowProgress, WorkflowTemplate};

/// Rules evaluated against a matter's facts when it moves between stages.
pub(crate) struct RuleGate {
    /// The packs in force.
    pub packs: CompiledPacks,
    /// The matter's facts before the move.
    pub facts: Facts,
    /// Rules (pack, rule, version) already overridden on the matter.
    pub overridden: Vec<(String, String, u32)>,
}

impl GateCondition for RuleGate {
    fn blockers(
        &self,
        _: &WorkflowTemplate,
        _: &WorkflowProgress,
        from: &Stage,
        to: &Stage,
    ) -> Vec<Blocker> {
        let mut facts = self.facts.clone();
        facts.event = EventFacts {
            checkpoint: Checkpoint::StageAdvance.as_str().into(),
            from_stage: from.id.clone(),
            to_stage: to.id.clone(),
        };
        match self.packs.evaluate(&facts, Checkpoint::StageAdvance) {
            Ok(findings) => findings
                .into_iter()
                .filter(|f| f.severity == Severity::Block)
                .filter(|f| {
                    !self
                        .overridden
                        .iter()
                        .any(|(p, r, v)| *p == f.pack && *r == f.rule && *v == f.version)
                })
                .map(|f| Blocker {
                    source: format!("rule:{}", f.rule),
                    item: None,
                    message: format!("{} — {}", f.message, f.remedy),
                })
                .collect(),
            // A rule that cannot be evaluated blocks rather than letting the matter through.
            Err(e) => vec![Blocker {
                source: "rules".into(),
                item: None,
                message: format!("the compliance rules could not be evaluated: {e}"),
            }],
        }
    }
}
