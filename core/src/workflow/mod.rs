//! Workflow: templates of the stages a legal procedure passes through, and the progress of a
//! matter along one of them.
//!
//! A [`WorkflowTemplate`] is versioned data (TOML or JSON): ordered stages, each with checklist
//! items (tasks to create, documents and searches required, key dates to set, confirmations)
//! and a gate. [`builtin`] holds the templates lexcase ships.

pub mod builtin;
mod progress;
mod report;
mod template;

pub use progress::{
    Blocker, ChecklistGate, GateCondition, ItemCompletion, MoveKind, MoveOutcome, StageMove,
    WorkflowProgress,
};
pub use report::{ItemStatus, StatusReport};
pub use template::{ChecklistItem, DueRule, ItemKind, Stage, WorkflowTemplate};

#[cfg(test)]
mod tests;
