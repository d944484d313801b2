//! Rule packs: a versioned set of deadline rules loaded from TOML or JSON, and the built-in
//! packs shipped with lexcase.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::rule::DeadlineRule;
use crate::error::{LexcaseError, Result};
use crate::validate;

/// The most rules one pack may hold.
const MAX_RULES: usize = 1_000;

/// The built-in packs' TOML sources.
const BUILTIN_SOURCES: [&str; 4] = [
    include_str!("builtin/frcp.toml"),
    include_str!("builtin/cpr.toml"),
    include_str!("builtin/limitation-ew.toml"),
    include_str!("builtin/sdlt.toml"),
];

/// A named, versioned set of deadline rules (a jurisdiction's rules, a firm's own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RulePack {
    /// Stable id, e.g. `frcp`.
    pub id: String,
    /// Version of the pack's content; bump on every change.
    pub version: u32,
    /// Human title.
    pub title: String,
    /// The rules; ids are unique within the pack.
    pub rules: Vec<DeadlineRule>,
}

impl RulePack {
    /// Parses and validates a pack from TOML (`[[rules]]` tables).
    pub fn from_toml(text: &str) -> Result<Self> {
        validate::import_size("rule_pack", text, validate::MAX_DEFINITION_BYTES)?;
        let pack: Self = toml::from_str(text)
            .map_err(|e| LexcaseError::validation("rule_pack", format!("does not parse: {e}")))?;
        pack.validate()?;
        Ok(pack)
    }

    /// Parses and validates a pack from JSON.
    pub fn from_json(text: &str) -> Result<Self> {
        validate::import_size("rule_pack", text, validate::MAX_DEFINITION_BYTES)?;
        let pack: Self = serde_json::from_str(text)
            .map_err(|e| LexcaseError::validation("rule_pack", format!("does not parse: {e}")))?;
        pack.validate()?;
        Ok(pack)
    }

    /// Checks the pack: id and title, every rule, unique rule ids, at most 1,000 rules.
    pub fn validate(&self) -> Result<()> {
        validate::required_line("id", &self.id)?;
        validate::required_line("title", &self.title)?;
        validate::bounded("rules", &self.rules, MAX_RULES)?;
        let mut seen = BTreeSet::new();
        for rule in &self.rules {
            rule.validate()?;
            if !seen.insert(rule.id.as_str()) {
                return Err(LexcaseError::validation(
                    "rules",
                    format!("duplicate rule id {}", rule.id),
                ));
            }
        }
        Ok(())
    }

    /// The built-in packs: `frcp`, `cpr`, `limitation-ew` and `sdlt`.
    pub fn builtin() -> Vec<RulePack> {
        BUILTIN_SOURCES
            .iter()
            .filter_map(|text| Self::from_toml(text).ok())
            .collect()
    }

    /// The rule with `id`, if the pack has it.
    pub fn rule(&self, id: &str) -> Option<&DeadlineRule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// The built-in rule with `id`, searching every built-in pack.
pub fn builtin_rule(id: &str) -> Option<DeadlineRule> {
    RulePack::builtin()
        .into_iter()
        .find_map(|pack| pack.rule(id).cloned())
}
