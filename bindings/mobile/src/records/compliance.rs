//! Compliance rules: the core's severities, checkpoints, scopes, rules, findings, test
//! outcomes, overrides and a matter's findings cross the FFI as they are (`lexcase::rules`,
//! `lexcase::matters::RuleOverride`, `lexcase::service`; the core `Rule` is named
//! `ComplianceRule` there). This module keeps the pack and its test cases (facts as JSON text,
//! the pack checked through the core's JSON loading).
//!
//! A pack crosses the FFI as a [`CompliancePack`] record (named so beside the deadline
//! `CompliancePack`). Converting one back to the core pack goes through the core's JSON loading, so
//! it is checked as a pack read from a file is: a bad condition, an unknown fact or facts that
//! are not JSON are a `Validation` error, never a panic. Facts cross as JSON text.

pub use lexcase::matters::RuleOverride;
pub use lexcase::rules::{
    Checkpoint, Finding, FindingKind, Rule as ComplianceRule, RuleScope, RuleTestOutcome, Severity,
};
pub use lexcase::service::{MatterCompliance, MatterFinding};

use lexcase::rules::{CompliancePack as CoreRulePack, RuleTest as CoreRuleTest};

use crate::convert::all;
use crate::error::LexcaseError;

/// JSON text of a fact value.
fn json_text(value: &serde_json::Value) -> String {
    value.to_string()
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
            checkpoint,
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
            checkpoint,
            expect,
        })
    }
}

/// A versioned set of compliance rules with their test cases. Get one from
/// `builtinCompliancePacks`, `compliancePackFromToml` / `compliancePackFromJson`, or build
/// your own (checked when used).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
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
