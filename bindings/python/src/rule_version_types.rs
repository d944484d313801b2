//! `RuleVersion`: one version of a deadline rule with the trigger dates it is in force.

use lexcase::deadlines::RuleVersion;
use pyo3::prelude::*;

use crate::record::py_record;

py_record! {
    /// One version of a deadline rule: the trigger dates it is in force (`in_force_from`
    /// inclusive, `in_force_until` exclusive; `None` for open-ended) and what it changes (the
    /// period, the citation; `None` keeps the rule's own). Versions come with a rule from a pack
    /// (`[[rules.versions]]` in TOML); the computation takes the one in force on the trigger date
    /// and names it in the trace.
    PyRuleVersion(RuleVersion) as "RuleVersion" eq;
    repr(name, in_force_from, in_force_until, period_amount);
    |r| {
        /// What the trace calls it, e.g. `Finance Act 2019`.
        name,
        /// The first trigger date it applies to, or `None` from the beginning.
        in_force_from,
        /// The first trigger date it no longer applies to, or `None` when open-ended.
        in_force_until,
        /// The period's amount while it is in force, or `None` for the rule's own.
        period_amount = r.period.map(|p| p.amount),
        /// The period's unit while it is in force, or `None` for the rule's own.
        period_unit = r.period.map(|p| p.unit),
        /// The citation while it is in force, or `None` for the rule's own.
        citation,
    }
}
