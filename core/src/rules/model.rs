//! Rules, rule packs and their test cases as data, and findings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Result;

/// How serious a breach is. Declaration order is the order findings are reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Severity {
    /// Gates stage advances and matter opening.
    Block,
    /// Needs attention.
    Warn,
    /// For information.
    Info,
}

crate::names::stable_names!(Severity, "severity", "severity", {
    Block = "block",
    Warn = "warn",
    Info = "info",
});

/// When rules run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Checkpoint {
    /// A periodic sweep: every rule in scope runs.
    Sweep,
    /// A matter is about to open: rules listing `matter_opening` run.
    MatterOpening,
    /// A matter's workflow is about to enter another stage: rules listing `stage_advance` run.
    StageAdvance,
}

crate::names::stable_names!(Checkpoint, "checkpoint", "checkpoint", {
    Sweep = "sweep",
    MatterOpening = "matter_opening",
    StageAdvance = "stage_advance",
});

/// Which matters a rule applies to. Each list, when empty, means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RuleScope {
    /// Practice areas (`matter.practice_area`, compared ignoring ASCII case).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub practice_areas: Vec<String>,
    /// Workflow stage ids (`workflow.stage`, or for a stage advance also `event.to_stage`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub stages: Vec<String>,
    /// Matter statuses (`matter.status`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub statuses: Vec<String>,
}

fn default_on() -> Vec<Checkpoint> {
    vec![Checkpoint::Sweep]
}

/// One compliance rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi(name = "ComplianceRule"))]
pub struct Rule {
    /// Stable id, unique within its pack.
    pub id: String,
    /// Version of the rule, raised whenever its meaning changes.
    pub version: u32,
    /// Short title.
    pub title: String,
    /// Which matters it applies to.
    #[serde(default)]
    pub scope: RuleScope,
    /// The checkpoints it runs at besides sweeps (every rule runs in a sweep). Default `[sweep]`.
    #[serde(default = "default_on")]
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

/// A test case's partial facts (`{"time": {"unbilled_value": 12000.0}}`), filled up with
/// [`Facts::default`](super::Facts) values. Across the FFI they are JSON text; text that is not
/// JSON lifts as a `Validation` error on `facts`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TestFacts(pub serde_json::Value);

#[cfg(feature = "uniffi")]
uniffi::custom_type!(TestFacts, String, {
    lower: |facts| facts.0.to_string(),
    try_lift: |text| Ok(serde_json::from_str(&text).map(TestFacts).map_err(|e| {
        crate::ffi::FfiError::from(crate::LexcaseError::validation(
            "facts",
            format!("the facts are not JSON: {e}"),
        ))
    })?),
});

/// A test case carried by a pack: facts in, expected findings out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RuleTest {
    /// Name of the case.
    pub name: String,
    /// Partial facts, filled up with default values.
    #[serde(default)]
    pub facts: TestFacts,
    /// The checkpoint to evaluate at (default: sweep).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub checkpoint: Option<Checkpoint>,
    /// The ids of the pack's rules expected to fire: exactly these.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub expect: Vec<String>,
}

/// A versioned set of rules with their test cases. Across the FFI a pack built by hand is
/// checked where it is used (`test_pack`, `install_pack`), as a pack read from a file is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CompliancePack {
    /// Stable id.
    pub id: String,
    /// Version of the pack.
    pub version: u32,
    /// Title.
    pub title: String,
    /// The rules.
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Test cases.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tests: Vec<RuleTest>,
}

/// The result of one pack test case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// What a finding says about its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FindingKind {
    /// The condition held: the rule is breached.
    #[default]
    Breach,
    /// The rule could not be evaluated on this matter (its condition failed at run time, or
    /// it would exceed the evaluation budget, or it no longer loads). It keeps the rule's
    /// severity: a block rule that cannot be evaluated blocks like a breached one.
    NotEvaluated,
}

crate::names::stable_names!(FindingKind, "kind", "finding kind", {
    Breach = "breach",
    NotEvaluated = "not_evaluated",
});

/// What a rule found on one matter: a breach, or that it could not be evaluated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    #[serde(default)]
    pub kind: FindingKind,
    /// The message with its placeholders filled in.
    pub message: String,
    /// The remedy.
    pub remedy: String,
    /// The fact paths the condition read, with their values (`null` for a missing map key).
    pub facts: BTreeMap<String, serde_json::Value>,
}

/// A pack that does not deserialize, naming the pack when its id could be read.
fn syntax_error(id: Option<String>, format: &str, problem: &str) -> crate::LexcaseError {
    let problem = problem.trim();
    let reason = match id {
        Some(id) => format!("pack `{id}`: {format}: {problem}"),
        None => format!("{format}: {problem}"),
    };
    crate::LexcaseError::validation("rule_pack", reason)
}

/// A pack's text is bounded before it is parsed.
fn definition_size(text: &str) -> Result<()> {
    crate::validate::import_size("rule_pack", text, crate::validate::MAX_DEFINITION_BYTES)
}

impl CompliancePack {
    /// Parses and checks a pack written in TOML. See [`CompiledPacks::new`](super::CompiledPacks::new)
    /// for the checks.
    pub fn from_toml(text: &str) -> Result<Self> {
        definition_size(text)?;
        let pack: CompliancePack = toml::from_str(text).map_err(|e| {
            let id = toml::from_str::<toml::Table>(text)
                .ok()
                .and_then(|t| t.get("id").and_then(|v| v.as_str()).map(str::to_string));
            syntax_error(id, "TOML", e.message())
        })?;
        super::compile::compile_pack(&pack)?;
        Ok(pack)
    }

    /// Parses and checks a pack written in JSON.
    pub fn from_json(text: &str) -> Result<Self> {
        definition_size(text)?;
        let pack: CompliancePack = serde_json::from_str(text).map_err(|e| {
            let id = serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string));
            syntax_error(id, "JSON", &e.to_string())
        })?;
        super::compile::compile_pack(&pack)?;
        Ok(pack)
    }

    /// The packs lexcase ships: `core`, `ew-conveyancing`, `ew-litigation` and `us` (each
    /// checked at load like any other pack; a unit test guarantees they all load and pass their
    /// own tests).
    pub fn builtin() -> Vec<CompliancePack> {
        super::builtin::SOURCES
            .iter()
            .filter_map(|text| CompliancePack::from_toml(text).ok())
            .collect()
    }

    /// Runs the pack's own test cases. A failing case is reported, not an error.
    pub fn run_tests(&self) -> Vec<RuleTestOutcome> {
        super::engine::run_tests(self)
    }
}
