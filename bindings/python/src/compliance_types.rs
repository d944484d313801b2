//! `CompliancePack`, `ComplianceRule`, `ComplianceTest`, `Finding`, `MatterFinding`,
//! `MatterCompliance`, `RuleOverride` and `RuleTestOutcome`, and the compliance-pack module
//! functions.
//!
//! The core calls a compliance pack `lexcase::rules::CompliancePack`; Python names it
//! `CompliancePack` (and its rules `ComplianceRule`) beside the docket's deadline `CompliancePack`.
//! A rule's scope is shown flat: `practice_areas`, `stages` and `statuses`.

use lexcase::matters::RuleOverride;
use lexcase::rules::{CompliancePack, Finding, Rule, RuleTest, RuleTestOutcome};
use lexcase::service::{MatterCompliance, MatterFinding};
use pyo3::prelude::*;

use crate::errors::to_py;
use crate::record::py_record;

py_record! {
    /// One compliance rule: a CEL `condition` over the fact model (`true` means breached), the
    /// matters it applies to, the checkpoints it gates besides sweeps (`on`), its `severity`
    /// (`block`, `warn` or `info`), the `message` (with `{fact.path}` placeholders) and the
    /// `remedy`.
    PyComplianceRule(Rule) as "ComplianceRule" eq;
    repr(id, version, severity);
    |r| {
        /// Stable id, unique within its pack.
        id,
        /// Version of the rule, raised whenever its meaning changes.
        version,
        /// Short title.
        title,
        /// The practice areas it applies to (empty: every one).
        practice_areas = r.scope.practice_areas,
        /// The workflow stages it applies to (empty: every one).
        stages = r.scope.stages,
        /// The matter statuses it applies to (empty: every one).
        statuses = r.scope.statuses,
        /// The checkpoints it runs at: `sweep`, `matter_opening`, `stage_advance`.
        on,
        /// The CEL condition; `true` means the rule is breached.
        condition,
        /// `block`, `warn` or `info`.
        severity,
        /// The finding's message, with `{fact.path}` placeholders.
        message,
        /// What to do about a breach.
        remedy,
    }
}

py_record! {
    /// A test case a compliance pack carries: partial `facts` in (a plain `dict`), the ids of
    /// the rules `expect`ed to fire out, at `checkpoint` (a sweep when `None`).
    PyComplianceTest(RuleTest) as "ComplianceTest" eq;
    repr(name, expect);
    |r| {
        /// Name of the case.
        name,
        /// The checkpoint evaluated at (`None`: a sweep).
        checkpoint,
        /// The ids of the pack's rules expected to fire: exactly these.
        expect,
        /// The partial facts, as plain Python values.
        facts = r.facts.0,
    }
}

py_record! {
    /// A named, versioned set of compliance rules with their own test cases (the core's
    /// `rules::CompliancePack`; the deadline `CompliancePack` is another thing). Built-in packs come from
    /// `builtin_compliance_packs`, a firm's own from `compliance_pack_from_toml` /
    /// `compliance_pack_from_json`.
    PyCompliancePack(CompliancePack) as "CompliancePack" eq;
    repr(id, version, title);
    |c| {
        /// Stable id, e.g. `core`.
        id,
        /// Version of the pack.
        version,
        /// Title.
        title,
        /// The rules, in the pack's order.
        rules,
        /// The pack's test cases.
        tests,
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

py_record! {
    /// The result of one pack test case: whether exactly the `expected` rules `fired`, and the
    /// `error` if the case could not be evaluated.
    PyRuleTestOutcome(RuleTestOutcome) as "RuleTestOutcome" eq;
    repr(name, passed, expected, fired);
    |r| {
        /// Name of the case.
        name,
        /// Whether exactly the expected rules fired.
        passed,
        /// Rule ids expected (sorted).
        expected,
        /// Rule ids that fired (sorted).
        fired,
        /// Why the case could not be evaluated, if it could not.
        error,
    }
}

py_record! {
    /// What a compliance rule found: the pack, rule and rule version, its title and `severity`
    /// (`block`, `warn` or `info`), its `kind` (`breach` or `not_evaluated`), the `message` with
    /// its facts filled in, the `remedy`, and the `facts` the message used (a `dict` of fact path
    /// to plain value; empty for a rule that could not be evaluated).
    PyFinding(Finding) as "Finding" eq;
    repr(pack, rule, severity, kind, message);
    |f| {
        /// The pack.
        pack,
        /// The rule.
        rule,
        /// The rule's version.
        version,
        /// The rule's title.
        title,
        /// `block`, `warn` or `info`.
        severity,
        /// `breach` (the rule's condition held) or `not_evaluated` (the rule could not be
        /// evaluated on the matter: a run-time error, over the evaluation budget, or it no
        /// longer loads; it keeps the rule's severity, so a block rule still blocks).
        kind,
        /// The message, with its facts filled in.
        message,
        /// What to do about it.
        remedy,
        /// The facts the message used: fact path (`time.entries_after_close`) to plain value.
        facts,
    }
}

py_record! {
    /// An authorised override of a blocking rule on a matter: the pack, rule and rule version,
    /// the checkpoint it blocked (`matter_opening` or `stage_advance`), the reason, who and when.
    PyRuleOverride(RuleOverride) as "RuleOverride" eq;
    repr(pack, rule, checkpoint, reason);
    |r| {
        /// The rule pack.
        pack,
        /// The rule.
        rule,
        /// The rule's version overridden.
        version,
        /// Where it blocked: `matter_opening` or `stage_advance`.
        checkpoint,
        /// Why it was overridden.
        reason,
        /// Who overrode it.
        by,
        /// When (UTC).
        at,
    }
}

py_record! {
    /// A finding on a matter with the override that lets it pass, if one was recorded.
    PyMatterFinding(MatterFinding) as "MatterFinding" eq;
    repr(finding, overridden);
    |m| {
        /// The finding.
        finding,
        /// The authorised override of this rule (and version) on this matter, if any.
        overridden,
    }
}

py_record! {
    /// What the compliance rules in force find on one matter, blocking findings first.
    PyMatterCompliance(MatterCompliance) as "MatterCompliance" eq;
    repr(matter, number, findings);
    |m| {
        /// The matter.
        matter,
        /// Its number.
        number,
        /// What the rules found, blocking findings first.
        findings,
    }
}
