//! `RuleVersion`: one version of a deadline rule with the trigger dates it is in force.

use chrono::NaiveDate;
use lexcase::deadlines::RuleVersion;
use pyo3::prelude::*;

use crate::convert::repr;

/// One version of a deadline rule: the trigger dates it is in force (`in_force_from`
/// inclusive, `in_force_until` exclusive; `None` for open-ended) and what it changes (the
/// period, the citation; `None` keeps the rule's own). Versions come with a rule from a pack
/// (`[[rules.versions]]` in TOML); the computation takes the one in force on the trigger date
/// and names it in the trace.
#[pyclass(frozen, eq, module = "lexcase", name = "RuleVersion")]
#[derive(Clone, PartialEq)]
pub struct PyRuleVersion(pub RuleVersion);

#[pymethods]
impl PyRuleVersion {
    /// What the trace calls it, e.g. `Finance Act 2019`.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The first trigger date it applies to, or `None` from the beginning.
    #[getter]
    fn in_force_from(&self) -> Option<NaiveDate> {
        self.0.in_force_from
    }

    /// The first trigger date it no longer applies to, or `None` when open-ended.
    #[getter]
    fn in_force_until(&self) -> Option<NaiveDate> {
        self.0.in_force_until
    }

    /// The period's amount while it is in force, or `None` for the rule's own.
    #[getter]
    fn period_amount(&self) -> Option<u32> {
        self.0.period.map(|p| p.amount)
    }

    /// The period's unit while it is in force, or `None` for the rule's own.
    #[getter]
    fn period_unit(&self) -> Option<&'static str> {
        self.0.period.map(|p| p.unit.as_str())
    }

    /// The citation while it is in force, or `None` for the rule's own.
    #[getter]
    fn citation(&self) -> Option<&str> {
        self.0.citation.as_deref()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["name", "in_force_from", "in_force_until", "period_amount"],
        )
    }
}
