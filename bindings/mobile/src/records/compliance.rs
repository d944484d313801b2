//! Compliance rules: rule packs with their rules and test cases, findings on a matter, and
//! the authorised overrides of blocking rules.
//!
//! A pack crosses the FFI as a [`CompliancePack`] record (named so beside the deadline
//! `CompliancePack`). Converting one back to the core pack goes through the core's JSON loading, so
//! it is checked as a pack read from a file is: a bad condition, an unknown fact or facts that
//! are not JSON are a `Validation` error, never a panic. Facts cross as JSON text.

use std::collections::HashMap;
use std::time::SystemTime;

use lexcase::matters::RuleOverride as CoreRuleOverride;
use lexcase::rules::{
    Checkpoint as CoreCheckpoint, CompliancePack as CoreRulePack, Finding as CoreFinding,
    FindingKind as CoreFindingKind, Rule as CoreRule, RuleScope as CoreRuleScope,
    RuleTest as CoreRuleTest, RuleTestOutcome as CoreRuleTestOutcome, Severity as CoreSeverity,
};
use lexcase::service::{
    MatterCompliance as CoreMatterCompliance, MatterFinding as CoreMatterFinding,
};
use uuid::Uuid;

use crate::convert::{all, instant, mirror_enum};
use crate::error::LexcaseError;

mirror_enum! {
    /// How serious a breach is; findings are reported in this order.
    Severity = CoreSeverity {
        /// Gates stage advances and matter opening.
        Block,
        /// Needs attention.
        Warn,
        /// For information.
        Info,
    }
}

mirror_enum! {
    /// What a finding says about its rule.
    FindingKind = CoreFindingKind {
        /// The condition held: the rule is breached.
        Breach,
        /// The rule could not be evaluated on the matter (a run-time error, over the
        /// evaluation budget, or it no longer loads); it keeps the rule's severity.
        NotEvaluated,
    }
}

mirror_enum! {
    /// When rules run.
    Checkpoint = CoreCheckpoint {
        /// A periodic sweep: every rule in scope runs.
        Sweep,
        /// A matter is about to open: rules listing `MATTER_OPENING` run.
        MatterOpening,
        /// A matter's workflow is about to enter another stage: rules listing `STAGE_ADVANCE`
        /// run.
        StageAdvance,
    }
}

/// JSON text of a fact value.
fn json_text(value: &serde_json::Value) -> String {
    value.to_string()
}

/// Which matters a rule applies to. Each list, when empty, means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct RuleScope {
    /// Practice areas (`matter.practice_area`).
    #[uniffi(default)]
    pub practice_areas: Vec<String>,
    /// Workflow stage ids (`workflow.stage`, or for a stage advance also `event.to_stage`).
    #[uniffi(default)]
    pub stages: Vec<String>,
    /// Matter statuses (`matter.status`).
    #[uniffi(default)]
    pub statuses: Vec<String>,
}

impl From<CoreRuleScope> for RuleScope {
    fn from(scope: CoreRuleScope) -> Self {
        let CoreRuleScope {
            practice_areas,
            stages,
            statuses,
        } = scope;
        Self {
            practice_areas,
            stages,
            statuses,
        }
    }
}

impl From<RuleScope> for CoreRuleScope {
    fn from(scope: RuleScope) -> Self {
        let RuleScope {
            practice_areas,
            stages,
            statuses,
        } = scope;
        Self {
            practice_areas,
            stages,
            statuses,
        }
    }
}

/// One compliance rule: a CEL condition over the fact model (`true` means breached).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ComplianceRule {
    /// Stable id, unique within its pack.
    pub id: String,
    /// Version of the rule, raised whenever its meaning changes.
    pub version: u32,
    /// Short title.
    pub title: String,
    /// Which matters it applies to.
    pub scope: RuleScope,
    /// The checkpoints it runs at besides sweeps (every rule runs in a sweep).
    pub on: Vec<Checkpoint>,
    /// CEL condition over the fact model; `true` means the rule is breached.
    pub condition: String,
    /// How serious a breach is.
    pub severity: Severity,
    /// The finding's message; `{path}` placeholders (e.g. `{matter.number}`) name facts.
    pub message: String,
    /// What to do about it.
    pub remedy: String,
}

impl From<CoreRule> for ComplianceRule {
    fn from(rule: CoreRule) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreRule {
            id,
            version,
            title,
            scope,
            on,
            condition,
            severity,
            message,
            remedy,
        } = rule;
        Self {
            id,
            version,
            title,
            scope: scope.into(),
            on: all(on),
            condition,
            severity: severity.into(),
            message,
            remedy,
        }
    }
}

impl From<ComplianceRule> for CoreRule {
    fn from(rule: ComplianceRule) -> Self {
        let ComplianceRule {
            id,
            version,
            title,
            scope,
            on,
            condition,
            severity,
            message,
            remedy,
        } = rule;
        Self {
            id,
            version,
            title,
            scope: scope.into(),
            on: all(on),
            condition,
            severity: severity.into(),
            message,
            remedy,
        }
    }
}

/// A test case carried by a pack: facts in, expected findings out.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RuleTest {
    /// Name of the case.
    pub name: String,
    /// Partial facts as JSON text (`{"time": {"unbilled_value": 12000.0}}`), filled up with
    /// default values.
    pub facts: String,
    /// The checkpoint to evaluate at (default: sweep).
    #[uniffi(default)]
    pub checkpoint: Option<Checkpoint>,
    /// The ids of the pack's rules expected to fire: exactly these.
    #[uniffi(default)]
    pub expect: Vec<String>,
}

impl From<CoreRuleTest> for RuleTest {
    fn from(test: CoreRuleTest) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreRuleTest {
            name,
            facts,
            checkpoint,
            expect,
        } = test;
        Self {
            name,
            facts: json_text(&facts),
            checkpoint: checkpoint.map(Into::into),
            expect,
        }
    }
}

impl TryFrom<RuleTest> for CoreRuleTest {
    type Error = LexcaseError;
    /// Facts that are not JSON are a `Validation` error on `facts`.
    fn try_from(test: RuleTest) -> Result<Self, LexcaseError> {
        let RuleTest {
            name,
            facts,
            checkpoint,
            expect,
        } = test;
        let facts = serde_json::from_str(&facts).map_err(|e| LexcaseError::Validation {
            field: "facts".to_owned(),
            reason: format!("test {name}: facts are not JSON: {e}"),
            detail: None,
        })?;
        Ok(Self {
            name,
            facts,
            checkpoint: checkpoint.map(Into::into),
            expect,
        })
    }
}

/// A versioned set of compliance rules with their test cases. Get one from
/// `builtinCompliancePacks`, `compliancePackFromToml` / `compliancePackFromJson`, or build
/// your own (checked when used).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CompliancePack {
    /// Stable id, e.g. `core`.
    pub id: String,
    /// Version of the pack.
    pub version: u32,
    /// Title.
    pub title: String,
    /// The rules.
    pub rules: Vec<ComplianceRule>,
    /// Test cases.
    #[uniffi(default)]
    pub tests: Vec<RuleTest>,
}

impl From<CoreRulePack> for CompliancePack {
    fn from(pack: CoreRulePack) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreRulePack {
            id,
            version,
            title,
            rules,
            tests,
        } = pack;
        Self {
            id,
            version,
            title,
            rules: all(rules),
            tests: all(tests),
        }
    }
}

impl TryFrom<CompliancePack> for CoreRulePack {
    type Error = LexcaseError;
    /// Builds the core pack and loads it through the core's JSON loading, which checks every
    /// condition against the fact model; a bad pack is a `Validation` error.
    fn try_from(pack: CompliancePack) -> Result<Self, LexcaseError> {
        let CompliancePack {
            id,
            version,
            title,
            rules,
            tests,
        } = pack;
        let pack = Self {
            id,
            version,
            title,
            rules: all(rules),
            tests: tests
                .into_iter()
                .map(TryInto::try_into)
                .collect::<Result<_, LexcaseError>>()?,
        };
        let text = serde_json::to_string(&pack).map_err(|e| LexcaseError::Validation {
            field: "rule_pack".to_owned(),
            reason: format!("JSON: {e}"),
            detail: None,
        })?;
        Ok(Self::from_json(&text)?)
    }
}

/// The result of one pack test case.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RuleTestOutcome {
    /// Name of the case.
    pub name: String,
    /// Whether exactly the expected rules fired.
    pub passed: bool,
    /// Rule ids expected (sorted).
    pub expected: Vec<String>,
    /// Rule ids that fired (sorted).
    pub fired: Vec<String>,
    /// Why the case could not be evaluated, if it could not.
    pub error: Option<String>,
}

impl From<CoreRuleTestOutcome> for RuleTestOutcome {
    fn from(outcome: CoreRuleTestOutcome) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreRuleTestOutcome {
            name,
            passed,
            expected,
            fired,
            error,
        } = outcome;
        Self {
            name,
            passed,
            expected,
            fired,
            error,
        }
    }
}

/// A breached rule on one matter.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Finding {
    /// Pack id.
    pub pack: String,
    /// Rule id.
    pub rule: String,
    /// Rule version.
    pub version: u32,
    /// Rule title.
    pub title: String,
    /// Severity.
    pub severity: Severity,
    /// A breach, or a rule that could not be evaluated.
    pub kind: FindingKind,
    /// The message with its placeholders filled in.
    pub message: String,
    /// The remedy.
    pub remedy: String,
    /// The fact paths the condition read, each with its value as JSON text (`null` for a
    /// missing map key).
    pub facts: HashMap<String, String>,
}

impl From<CoreFinding> for Finding {
    fn from(finding: CoreFinding) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreFinding {
            pack,
            rule,
            version,
            title,
            severity,
            kind,
            message,
            remedy,
            facts,
        } = finding;
        Self {
            pack,
            rule,
            version,
            title,
            severity: severity.into(),
            kind: kind.into(),
            message,
            remedy,
            facts: facts
                .iter()
                .map(|(path, value)| (path.clone(), json_text(value)))
                .collect(),
        }
    }
}

/// A blocking rule let pass on one matter, with the reason, by an authorised user.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RuleOverride {
    /// The rule pack.
    pub pack: String,
    /// The rule.
    pub rule: String,
    /// The rule's version overridden.
    pub version: u32,
    /// Where it blocked (`matter_opening` or `stage_advance`).
    pub checkpoint: String,
    /// Why it was overridden.
    pub reason: String,
    /// Who overrode it (a user id).
    pub by: Uuid,
    /// When.
    pub at: SystemTime,
}

impl From<CoreRuleOverride> for RuleOverride {
    fn from(o: CoreRuleOverride) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreRuleOverride {
            pack,
            rule,
            version,
            checkpoint,
            reason,
            by,
            at,
        } = o;
        Self {
            pack,
            rule,
            version,
            checkpoint,
            reason,
            by: by.into(),
            at: instant(at),
        }
    }
}

/// A finding with the override that lets it pass, if one was recorded.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MatterFinding {
    /// The finding.
    pub finding: Finding,
    /// The authorised override of this rule on this matter, if any.
    pub overridden: Option<RuleOverride>,
}

impl From<CoreMatterFinding> for MatterFinding {
    fn from(found: CoreMatterFinding) -> Self {
        let CoreMatterFinding {
            finding,
            overridden,
        } = found;
        Self {
            finding: finding.into(),
            overridden: overridden.map(Into::into),
        }
    }
}

/// The findings on one matter.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MatterCompliance {
    /// The matter.
    pub matter: Uuid,
    /// Its number.
    pub number: String,
    /// What the rules found, block first.
    pub findings: Vec<MatterFinding>,
}

impl From<CoreMatterCompliance> for MatterCompliance {
    fn from(compliance: CoreMatterCompliance) -> Self {
        let CoreMatterCompliance {
            matter,
            number,
            findings,
        } = compliance;
        Self {
            matter: matter.into(),
            number,
            findings: all(findings),
        }
    }
}
