//! Compliance rules: the core's packs, test cases, severities, checkpoints, scopes, rules,
//! findings, test outcomes, overrides and a matter's findings cross the FFI as they are
//! (`lexcase::rules`, `lexcase::matters::RuleOverride`, `lexcase::service`; the core `Rule` is
//! named `ComplianceRule` there). A test case's facts cross as JSON text (`TestFacts`); a pack
//! built on the foreign side is checked by the core where it is used, as a pack read from a
//! file is: a bad condition or an unknown fact is a `Validation` error, never a panic.

pub use lexcase::matters::RuleOverride;
pub use lexcase::rules::{
    Checkpoint, CompliancePack, Finding, FindingKind, Rule as ComplianceRule, RuleScope, RuleTest,
    RuleTestOutcome, Severity,
};
pub use lexcase::service::{MatterCompliance, MatterFinding};
