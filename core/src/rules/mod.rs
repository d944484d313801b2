//! Compliance rules as data: rule packs with CEL conditions over a documented fact model, checked at load, evaluated per matter, with their own test cases.
//!
//! A [`Rule`] has a CEL condition over [`Facts`] (`true` = breached), a scope, the
//! [`Checkpoint`]s it gates, a [`Severity`], a message with `{fact.path}` placeholders and a
//! remedy. [`CompliancePack`]s are loaded from TOML or JSON and checked at load (see
//! [`CompiledPacks::new`]); [`CompliancePack::builtin`] gives the shipped packs. Evaluate one matter
//! with [`evaluate`], or compile once with [`CompiledPacks`] and sweep many.
//!
//! Conditions are checked statically by walking the parsed expression against the shape of the
//! fact model (unknown facts and fields are refused; map members such as
//! `documents.categories.engagement_letter` are free keys that may be missing at runtime, so
//! guard them with `"x" in map` or `has(map.x)`), then evaluated on default facts and on facts
//! with one element in every list and map: a non-bool result or a type error is refused.
//! Conditions must also keep within an evaluation budget ([`budget`]): bounded length, depth
//! and loop nesting at load, and an estimated cost checked on each matter before evaluating.
//!
//! A rule that cannot be evaluated on a matter — a type error hidden behind a short-circuit
//! (`false && …`), a division by zero, a missing map key, a cost over the budget for that
//! matter's lists — gives a finding of kind [`FindingKind::NotEvaluated`] naming the rule and
//! its version, with the rule's severity and no client data, instead of failing the
//! evaluation: a block rule that cannot be evaluated blocks like a breached one (and can be
//! overridden the same way).

pub mod budget;
mod builtin;
mod compile;
mod engine;
mod facts;
mod findings;
mod model;
mod schema;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_failures;
mod variables;

pub use engine::{CompiledPacks, evaluate};
pub use facts::{
    BillFacts, ClientFacts, ClientMoneyFacts, ConflictFacts, DeadlineFacts, DocumentFacts,
    EventFacts, Facts, MatterFacts, PartyFacts, TaskFacts, TimeFacts, WorkflowFacts,
};
pub use model::{
    Checkpoint, CompliancePack, Finding, FindingKind, Rule, RuleScope, RuleTest, RuleTestOutcome,
    Severity, TestFacts,
};
