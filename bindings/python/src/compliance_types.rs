//! `CompliancePack`, `ComplianceRule`, `ComplianceTest`, `Finding`, `MatterFinding`,
//! `MatterCompliance`, `RuleOverride` and `RuleTestOutcome`, and the compliance-pack module
//! functions.
//!
//! The core calls a compliance pack `lexcase::rules::CompliancePack`; Python names it
//! `CompliancePack` (and its rules `ComplianceRule`) beside the docket's deadline `CompliancePack`.
//! A rule's scope is shown flat: `practice_areas`, `stages` and `statuses`.

use chrono::{DateTime, Utc};
use lexcase::matters::RuleOverride;
use lexcase::rules::{CompliancePack, Finding, Rule, RuleTest, RuleTestOutcome};
use lexcase::service::{MatterCompliance, MatterFinding};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use uuid::Uuid;

use crate::convert::{json_to_py, repr};
use crate::errors::to_py;

/// One compliance rule: a CEL `condition` over the fact model (`true` means breached), the
/// matters it applies to, the checkpoints it gates besides sweeps (`on`), its `severity`
/// (`block`, `warn` or `info`), the `message` (with `{fact.path}` placeholders) and the
/// `remedy`.
#[pyclass(frozen, eq, module = "lexcase", name = "ComplianceRule")]
#[derive(Clone, PartialEq)]
pub struct PyComplianceRule(pub Rule);

#[pymethods]
impl PyComplianceRule {
    /// Stable id, unique within its pack.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// Version of the rule, raised whenever its meaning changes.
    #[getter]
    fn version(&self) -> u32 {
        self.0.version
    }

    /// Short title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// The practice areas it applies to (empty: every one).
    #[getter]
    fn practice_areas(&self) -> Vec<String> {
        self.0.scope.practice_areas.clone()
    }

    /// The workflow stages it applies to (empty: every one).
    #[getter]
    fn stages(&self) -> Vec<String> {
        self.0.scope.stages.clone()
    }

    /// The matter statuses it applies to (empty: every one).
    #[getter]
    fn statuses(&self) -> Vec<String> {
        self.0.scope.statuses.clone()
    }

    /// The checkpoints it runs at: `sweep`, `matter_opening`, `stage_advance`.
    #[getter]
    fn on(&self) -> Vec<&'static str> {
        self.0.on.iter().map(|c| c.as_str()).collect()
    }

    /// The CEL condition; `true` means the rule is breached.
    #[getter]
    fn condition(&self) -> &str {
        &self.0.condition
    }

    /// `block`, `warn` or `info`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }

    /// The finding's message, with `{fact.path}` placeholders.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// What to do about a breach.
    #[getter]
    fn remedy(&self) -> &str {
        &self.0.remedy
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["id", "version", "severity"])
    }
}

/// A test case a compliance pack carries: partial `facts` in (a plain `dict`), the ids of
/// the rules `expect`ed to fire out, at `checkpoint` (a sweep when `None`).
#[pyclass(frozen, eq, module = "lexcase", name = "ComplianceTest")]
#[derive(Clone, PartialEq)]
pub struct PyComplianceTest(pub RuleTest);

#[pymethods]
impl PyComplianceTest {
    /// Name of the case.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The partial facts, as plain Python values.
    #[getter]
    fn facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.0.facts)
    }

    /// The checkpoint evaluated at (`None`: a sweep).
    #[getter]
    fn checkpoint(&self) -> Option<&'static str> {
        self.0.checkpoint.map(|c| c.as_str())
    }

    /// The ids of the pack's rules expected to fire: exactly these.
    #[getter]
    fn expect(&self) -> Vec<String> {
        self.0.expect.clone()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["name", "expect"])
    }
}

/// A named, versioned set of compliance rules with their own test cases (the core's
/// `rules::CompliancePack`; the deadline `CompliancePack` is another thing). Built-in packs come from
/// `builtin_compliance_packs`, a firm's own from `compliance_pack_from_toml` /
/// `compliance_pack_from_json`.
#[pyclass(frozen, eq, module = "lexcase", name = "CompliancePack")]
#[derive(Clone, PartialEq)]
pub struct PyCompliancePack(pub CompliancePack);

#[pymethods]
impl PyCompliancePack {
    /// Stable id, e.g. `core`.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// Version of the pack.
    #[getter]
    fn version(&self) -> u32 {
        self.0.version
    }

    /// Title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// The rules, in the pack's order.
    #[getter]
    fn rules(&self) -> Vec<PyComplianceRule> {
        self.0.rules.iter().cloned().map(PyComplianceRule).collect()
    }

    /// The pack's test cases.
    #[getter]
    fn tests(&self) -> Vec<PyComplianceTest> {
        self.0.tests.iter().cloned().map(PyComplianceTest).collect()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["id", "version", "title"])
    }
}

/// Parses and checks a compliance pack written in TOML: unknown facts, conditions that are
/// not CEL or not boolean are refused at load (`ValidationError`).
#[pyfunction]
pub(crate) fn compliance_pack_from_toml(text: &str) -> PyResult<PyCompliancePack> {
    CompliancePack::from_toml(text)
        .map(PyCompliancePack)
        .map_err(to_py)
}

/// Parses and checks a compliance pack written in JSON, as `compliance_pack_from_toml` does.
#[pyfunction]
pub(crate) fn compliance_pack_from_json(text: &str) -> PyResult<PyCompliancePack> {
    CompliancePack::from_json(text)
        .map(PyCompliancePack)
        .map_err(to_py)
}

/// The compliance packs lexcase ships: `core`, `ew-conveyancing`, `ew-litigation` and `us`.
#[pyfunction]
pub(crate) fn builtin_compliance_packs() -> Vec<PyCompliancePack> {
    CompliancePack::builtin()
        .into_iter()
        .map(PyCompliancePack)
        .collect()
}

/// The result of one pack test case: whether exactly the `expected` rules `fired`, and the
/// `error` if the case could not be evaluated.
#[pyclass(frozen, eq, module = "lexcase", name = "RuleTestOutcome")]
#[derive(Clone, PartialEq)]
pub struct PyRuleTestOutcome(pub RuleTestOutcome);

#[pymethods]
impl PyRuleTestOutcome {
    /// Name of the case.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// Whether exactly the expected rules fired.
    #[getter]
    fn passed(&self) -> bool {
        self.0.passed
    }

    /// Rule ids expected (sorted).
    #[getter]
    fn expected(&self) -> Vec<String> {
        self.0.expected.clone()
    }

    /// Rule ids that fired (sorted).
    #[getter]
    fn fired(&self) -> Vec<String> {
        self.0.fired.clone()
    }

    /// Why the case could not be evaluated, if it could not.
    #[getter]
    fn error(&self) -> Option<&str> {
        self.0.error.as_deref()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["name", "passed", "expected", "fired"])
    }
}

/// What a compliance rule found: the pack, rule and rule version, its title and `severity`
/// (`block`, `warn` or `info`), its `kind` (`breach` or `not_evaluated`), the `message` with
/// its facts filled in, the `remedy`, and the `facts` the message used (a `dict` of fact path
/// to plain value; empty for a rule that could not be evaluated).
#[pyclass(frozen, eq, module = "lexcase", name = "Finding")]
#[derive(Clone, PartialEq)]
pub struct PyFinding(pub Finding);

#[pymethods]
impl PyFinding {
    /// The pack.
    #[getter]
    fn pack(&self) -> &str {
        &self.0.pack
    }

    /// The rule.
    #[getter]
    fn rule(&self) -> &str {
        &self.0.rule
    }

    /// The rule's version.
    #[getter]
    fn version(&self) -> u32 {
        self.0.version
    }

    /// The rule's title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// `block`, `warn` or `info`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }

    /// `breach` (the rule's condition held) or `not_evaluated` (the rule could not be
    /// evaluated on the matter: a run-time error, over the evaluation budget, or it no
    /// longer loads; it keeps the rule's severity, so a block rule still blocks).
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The message, with its facts filled in.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// What to do about it.
    #[getter]
    fn remedy(&self) -> &str {
        &self.0.remedy
    }

    /// The facts the message used: fact path (`time.entries_after_close`) to plain value.
    #[getter]
    fn facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (path, value) in &self.0.facts {
            dict.set_item(path, json_to_py(py, value)?)?;
        }
        Ok(dict)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["pack", "rule", "severity", "kind", "message"],
        )
    }
}

/// An authorised override of a blocking rule on a matter: the pack, rule and rule version,
/// the checkpoint it blocked (`matter_opening` or `stage_advance`), the reason, who and when.
#[pyclass(frozen, eq, module = "lexcase", name = "RuleOverride")]
#[derive(Clone, PartialEq)]
pub struct PyRuleOverride(pub RuleOverride);

#[pymethods]
impl PyRuleOverride {
    /// The rule pack.
    #[getter]
    fn pack(&self) -> &str {
        &self.0.pack
    }

    /// The rule.
    #[getter]
    fn rule(&self) -> &str {
        &self.0.rule
    }

    /// The rule's version overridden.
    #[getter]
    fn version(&self) -> u32 {
        self.0.version
    }

    /// Where it blocked: `matter_opening` or `stage_advance`.
    #[getter]
    fn checkpoint(&self) -> &str {
        &self.0.checkpoint
    }

    /// Why it was overridden.
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }

    /// Who overrode it.
    #[getter]
    fn by(&self) -> Uuid {
        self.0.by.into()
    }

    /// When (UTC).
    #[getter]
    fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["pack", "rule", "checkpoint", "reason"])
    }
}

/// A finding on a matter with the override that lets it pass, if one was recorded.
#[pyclass(frozen, eq, module = "lexcase", name = "MatterFinding")]
#[derive(Clone, PartialEq)]
pub struct PyMatterFinding(pub MatterFinding);

#[pymethods]
impl PyMatterFinding {
    /// The finding.
    #[getter]
    fn finding(&self) -> PyFinding {
        PyFinding(self.0.finding.clone())
    }

    /// The authorised override of this rule (and version) on this matter, if any.
    #[getter]
    fn overridden(&self) -> Option<PyRuleOverride> {
        self.0.overridden.clone().map(PyRuleOverride)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["finding", "overridden"])
    }
}

/// What the compliance rules in force find on one matter, blocking findings first.
#[pyclass(frozen, eq, module = "lexcase", name = "MatterCompliance")]
#[derive(Clone, PartialEq)]
pub struct PyMatterCompliance(pub MatterCompliance);

#[pymethods]
impl PyMatterCompliance {
    /// The matter.
    #[getter]
    fn matter(&self) -> Uuid {
        self.0.matter.into()
    }

    /// Its number.
    #[getter]
    fn number(&self) -> &str {
        &self.0.number
    }

    /// What the rules found, blocking findings first.
    #[getter]
    fn findings(&self) -> Vec<PyMatterFinding> {
        self.0
            .findings
            .iter()
            .cloned()
            .map(PyMatterFinding)
            .collect()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["matter", "number", "findings"])
    }
}
