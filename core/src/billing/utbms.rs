//! UTBMS code sets (task, activity and expense codes) and the checks time entries and LEDES lines
//! make against them.
//!
//! The data lives in `utbms/codes.toml` (sources named there). Litigation and Bankruptcy are
//! two-level: a phase (`L300`) and its tasks (`L330`); the phase of a task is its first two
//! characters followed by `00`. Counseling, the confirmed part of Project (`P100` only), Activity
//! and Expense are single-level: their codes have no phase and are not phases themselves, so a
//! Counseling or Project code is usable as a task code.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};

/// A UTBMS code set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CodeSet {
    /// Litigation task codes (`L100`–`L530`).
    Litigation,
    /// Bankruptcy task codes (`B100`–`B420`).
    Bankruptcy,
    /// Counseling task codes (`C100`–`C400`, single-level).
    Counseling,
    /// Project task codes (only `P100` is confirmed).
    Project,
    /// Activity codes (`A101`–`A111`), used with every task set.
    Activity,
    /// Expense codes (`E101`–`E124`), used with every task set.
    Expense,
}

crate::names::stable_names!(CodeSet, "code_set", "UTBMS code set", {
    Litigation = "litigation",
    Bankruptcy = "bankruptcy",
    Counseling = "counseling",
    Project = "project",
    Activity = "activity",
    Expense = "expense",
});

impl CodeSet {
    /// Whether the set holds task codes (as opposed to activity or expense codes).
    pub fn is_task_set(self) -> bool {
        !matches!(self, Self::Activity | Self::Expense)
    }

    /// Whether the set is two-level (phases and tasks).
    pub fn has_phases(self) -> bool {
        matches!(self, Self::Litigation | Self::Bankruptcy)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Which field a code is checked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeKind {
    /// A task code (`LINE_ITEM_TASK_CODE`).
    Task,
    /// An activity code (`LINE_ITEM_ACTIVITY_CODE`).
    Activity,
    /// An expense code (`LINE_ITEM_EXPENSE_CODE`).
    Expense,
}

crate::names::stable_names!(CodeKind, "code_kind", "code kind", {
    Task = "task",
    Activity = "activity",
    Expense = "expense",
});

impl CodeKind {
    /// The field name used in validation errors.
    pub fn field(self) -> &'static str {
        match self {
            Self::Task => "task_code",
            Self::Activity => "activity_code",
            Self::Expense => "expense_code",
        }
    }
}

/// One UTBMS code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UtbmsCode {
    /// The code in upper case, e.g. `L330`.
    pub code: String,
    /// The official description, e.g. `Depositions`.
    pub description: String,
    /// The set the code belongs to.
    pub set: CodeSet,
    /// The phase of a task in a two-level set (`L300` for `L330`); `None` for phases themselves
    /// and for single-level sets.
    pub phase: Option<String>,
    /// Whether the code is a phase (`L300`) rather than a billable task.
    pub is_phase: bool,
}

static CODES: LazyLock<Vec<Vec<UtbmsCode>>> =
    LazyLock::new(|| load(include_str!("utbms/codes.toml")));

/// Parses the code data. The data is compiled in and covered by tests; a parse failure would
/// yield empty sets rather than a panic.
fn load(text: &str) -> Vec<Vec<UtbmsCode>> {
    let raw: BTreeMap<String, BTreeMap<String, String>> = toml::from_str(text).unwrap_or_default();
    CodeSet::ALL
        .iter()
        .map(|&set| {
            raw.get(set.as_str())
                .map(|codes| {
                    codes
                        .iter()
                        .map(|(code, description)| make(set, code, description))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

fn make(set: CodeSet, code: &str, description: &str) -> UtbmsCode {
    let code = code.to_ascii_uppercase();
    let is_phase = set.has_phases() && code.ends_with("00");
    let phase =
        (set.has_phases() && !is_phase).then(|| format!("{}00", code.get(..2).unwrap_or_default()));
    UtbmsCode {
        code,
        description: description.to_owned(),
        set,
        phase,
        is_phase,
    }
}

/// Every code of `set`, in code order.
pub fn utbms_codes(set: CodeSet) -> &'static [UtbmsCode] {
    CODES
        .get(set.index())
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// Looks a code up in every set, ignoring case and surrounding spaces.
pub fn utbms_code(code: &str) -> Option<&'static UtbmsCode> {
    let code = code.trim();
    CODES
        .iter()
        .flatten()
        .find(|c| c.code.eq_ignore_ascii_case(code))
}

/// Checks that `code` is a known code of the right kind: a task code must be a task (not a
/// phase) of a task set; activity and expense codes must come from their sets. Errors are
/// validation errors on `task_code`, `activity_code` or `expense_code`.
pub fn check_code(kind: CodeKind, code: &str) -> Result<&'static UtbmsCode> {
    let field = kind.field();
    let found = utbms_code(code)
        .ok_or_else(|| LexcaseError::validation(field, "not a known UTBMS code"))?;
    let fits = match kind {
        CodeKind::Task => found.set.is_task_set(),
        CodeKind::Activity => found.set == CodeSet::Activity,
        CodeKind::Expense => found.set == CodeSet::Expense,
    };
    if !fits {
        return Err(LexcaseError::validation(
            field,
            format!("a {} code, not a {} code", found.set, kind),
        ));
    }
    if found.is_phase {
        return Err(LexcaseError::validation(
            field,
            "a phase, not a task: choose one of its tasks",
        ));
    }
    Ok(found)
}

/// A client's restriction on the codes its bills may use. Empty lists mean no restriction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CodePolicy {
    /// The task sets the client accepts (for example only `litigation`); empty = any task set.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub task_sets: Vec<CodeSet>,
    /// The codes the client accepts, of any kind, compared ignoring case; a phase (`L300`)
    /// admits all its tasks. Empty = any code.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub allowed: Vec<String>,
}

impl CodePolicy {
    /// Checks that every allowed code is a known UTBMS code (field `allowed`), so a typing error
    /// in a client's list does not silently refuse every entry.
    pub fn validate(&self) -> Result<()> {
        match self.allowed.iter().find(|c| utbms_code(c).is_none()) {
            Some(_) => Err(LexcaseError::validation(
                "allowed",
                "contains a code that is not a known UTBMS code",
            )),
            None => Ok(()),
        }
    }

    /// Checks `code` with [`check_code`], then against this policy.
    pub fn check(&self, kind: CodeKind, code: &str) -> Result<&'static UtbmsCode> {
        let found = check_code(kind, code)?;
        let field = kind.field();
        if kind == CodeKind::Task
            && !self.task_sets.is_empty()
            && !self.task_sets.contains(&found.set)
        {
            return Err(LexcaseError::validation(
                field,
                format!("the client does not accept {} codes", found.set),
            ));
        }
        if !self.allowed.is_empty() {
            let admitted = |allowed: &String| {
                let allowed = allowed.trim();
                allowed.eq_ignore_ascii_case(&found.code)
                    || found
                        .phase
                        .as_deref()
                        .is_some_and(|p| allowed.eq_ignore_ascii_case(p))
            };
            if !self.allowed.iter().any(admitted) {
                return Err(LexcaseError::validation(
                    field,
                    "not among the codes the client accepts",
                ));
            }
        }
        Ok(found)
    }
}
