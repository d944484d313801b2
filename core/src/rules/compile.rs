//! Compiling a rule pack with every load-time check: ids, the evaluation budget (size, depth,
//! nested loops, estimated cost), facts and fields named, message placeholders, a bool result
//! on default and sample facts, and the pack's test cases.

use std::collections::BTreeSet;
use std::sync::Arc;

use cel::{Env, ExecutionError, Program, Value};

use super::budget::{self, Measure};
use super::facts::Facts;
use super::findings::{Piece, describe, parse_message};
use super::model::{Checkpoint, CompliancePack};
use super::schema::{self, Walker};
use super::variables::{Bound, ROOTS};
use crate::{LexcaseError, Result};

/// A rule that loaded: its program and what evaluating it needs.
#[derive(Debug)]
pub(super) struct Loaded {
    /// The compiled condition.
    pub program: Program,
    /// The top-level facts it reads.
    pub roots: BTreeSet<&'static str>,
    /// The fact paths it reads (for the finding).
    pub paths: Vec<Vec<String>>,
    /// Its message, split at the placeholders.
    pub message: Vec<Piece>,
    /// Its size and shape (for the cost estimate).
    pub measure: Measure,
}

/// One rule of the packs: where it is, and the loaded rule or why it does not load (kept only
/// by [`Strictness::Tolerant`] compiling).
#[derive(Debug)]
pub(super) struct CompiledRule {
    /// Index of its pack.
    pub pack: usize,
    /// Index of the rule in its pack.
    pub rule: usize,
    /// The loaded rule, or the load problem.
    pub loaded: std::result::Result<Loaded, String>,
}

/// How a rule that fails a load check is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Strictness {
    /// The pack is refused (loading, testing or installing a pack).
    Strict,
    /// The rule is kept and reported as not evaluated wherever it applies (the packs already
    /// in force: a rule that no longer loads must not stop every evaluation).
    Tolerant,
}

/// A validation error naming the pack and rule.
pub(super) fn load_error(
    pack: &str,
    rule: Option<&str>,
    problem: impl std::fmt::Display,
) -> LexcaseError {
    let reason = match rule {
        Some(r) => format!("pack `{pack}` rule `{r}`: {problem}"),
        None => format!("pack `{pack}`: {problem}"),
    };
    LexcaseError::validation("rule_pack", reason)
}

/// Whether an error on default or sample facts depends only on the data, not on the rule.
fn data_dependent(e: &ExecutionError) -> bool {
    matches!(
        e,
        ExecutionError::NoSuchKey(_)
            | ExecutionError::DivisionByZero(_)
            | ExecutionError::RemainderByZero(_)
            | ExecutionError::IndexOutOfBounds(_)
            | ExecutionError::Overflow(..)
    )
}

/// Parses `condition` within the evaluation budget: bounded length, operator characters and
/// parser nesting first (parsing recurses), then nodes, depth, nested loops and the cost on a
/// matter of reference size (evaluation recurses, and loops multiply).
fn parse_within_budget(
    env: &Env,
    condition: &str,
) -> std::result::Result<(Program, Measure), String> {
    budget::check_text(condition)?;
    if let Err(e) = env
        .parser()
        .max_recursion_depth(budget::MAX_PARSE_NESTING)
        .parse(condition)
    {
        let text = e.to_string();
        return Err(if text.contains("Recursion limit") {
            format!(
                "the condition exceeds the evaluation budget: nested more than {} deep",
                budget::MAX_PARSE_NESTING
            )
        } else {
            format!("condition does not parse: {text}")
        });
    }
    let program = env
        .compile(condition)
        .map_err(|e| format!("condition does not parse: {e}"))?;
    let measure = budget::measure(program.expression());
    budget::check_shape(&measure)?;
    budget::check_reference_cost(program.expression(), &measure)?;
    Ok((program, measure))
}

/// Loads one rule, or says why it does not load.
fn load_rule(
    env: &Arc<Env>,
    pack: &CompliancePack,
    index: usize,
) -> std::result::Result<Loaded, String> {
    let rule = &pack.rules[index];
    if rule.condition.trim().is_empty() {
        return Err("empty condition".into());
    }
    let (program, measure) = parse_within_budget(env, &rule.condition)?;
    let mut walker = Walker::new();
    walker.check(program.expression());
    if let Some(problem) = walker.error.take() {
        return Err(format!("condition: {problem}"));
    }
    let message = parse_message(&rule.message)?;
    for facts in [Facts::default(), schema::sample_facts()] {
        for checkpoint in Checkpoint::ALL {
            let bound = Bound::new(&facts, checkpoint, ROOTS);
            let ctx = bound.context(env);
            match program.execute(&ctx) {
                Ok(Value::Bool(_)) => {}
                Ok(other) => {
                    return Err(format!(
                        "wrong type: condition gives {}, not bool",
                        other.type_of()
                    ));
                }
                Err(e) if data_dependent(&e) => {}
                Err(e) => return Err(format!("condition: {}", describe(&e))),
            }
        }
    }
    let paths = walker.paths();
    Ok(Loaded {
        roots: paths
            .iter()
            .filter_map(|p| {
                ROOTS
                    .iter()
                    .copied()
                    .find(|r| p.first().is_some_and(|f| f == r))
            })
            .collect(),
        paths,
        program,
        message,
        measure,
    })
}

/// Compiles and checks one pack: nothing of it is kept on error.
pub(crate) fn compile_pack(pack: &CompliancePack) -> Result<()> {
    compile_pack_with(&Arc::new(Env::stdlib()), pack, Strictness::Strict).map(|_| ())
}

/// The stack a pack is compiled on. `cel`'s parser (antlr4rust) takes a great deal of stack
/// per nesting level in unoptimised builds — a thread's usual 2 MiB is gone at about a dozen
/// brackets — so packs are compiled on a thread of their own with room for the deepest
/// nesting accepted ([`budget::MAX_PARSE_NESTING`]); running out of stack aborts the process,
/// it cannot be caught. The memory is reserved, and only touched as far as the parse goes.
const COMPILE_STACK: usize = 64 << 20;

/// Compiles one pack's rules (their `pack` index left at 0) and, when strict, checks its
/// test cases; on a thread with [`COMPILE_STACK`] of stack.
pub(super) fn compile_pack_with(
    env: &Arc<Env>,
    pack: &CompliancePack,
    strictness: Strictness,
) -> Result<Vec<CompiledRule>> {
    let failed = || load_error(&pack.id, None, "the pack could not be compiled");
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("lexcase-rule-pack".into())
            .stack_size(COMPILE_STACK)
            .spawn_scoped(scope, || compile_pack_here(env, pack, strictness))
            .map_err(|_| failed())?
            .join()
            .map_err(|_| failed())?
    })
}

/// [`compile_pack_with`] on the current thread.
fn compile_pack_here(
    env: &Arc<Env>,
    pack: &CompliancePack,
    strictness: Strictness,
) -> Result<Vec<CompiledRule>> {
    if pack.id.trim().is_empty() {
        return Err(load_error("", None, "empty pack id"));
    }
    let mut ids = BTreeSet::new();
    let mut compiled = Vec::new();
    for (i, rule) in pack.rules.iter().enumerate() {
        if rule.id.trim().is_empty() {
            return Err(load_error(
                &pack.id,
                None,
                format!("rule #{} has an empty id", i + 1),
            ));
        }
        if !ids.insert(rule.id.as_str()) {
            return Err(load_error(&pack.id, Some(&rule.id), "duplicate rule id"));
        }
        let loaded = load_rule(env, pack, i);
        if let (Strictness::Strict, Err(problem)) = (strictness, &loaded) {
            return Err(load_error(&pack.id, Some(&rule.id), problem));
        }
        compiled.push(CompiledRule {
            pack: 0,
            rule: i,
            loaded,
        });
    }
    if strictness == Strictness::Tolerant {
        return Ok(compiled);
    }
    for test in &pack.tests {
        let terr = |p: String| load_error(&pack.id, None, format!("test `{}`: {p}", test.name));
        if let Some(unknown) = test.expect.iter().find(|id| !ids.contains(id.as_str())) {
            return Err(terr(format!("expects unknown rule `{unknown}`")));
        }
        schema::check_partial(&test.facts.0, &schema::FACTS_SHAPE, "").map_err(terr)?;
        test_facts(&test.facts.0).map_err(|e| terr(e.to_string()))?;
    }
    Ok(compiled)
}

/// A test's partial facts, filled up with defaults.
pub(super) fn test_facts(value: &serde_json::Value) -> Result<Facts> {
    if value.is_null() {
        return Ok(Facts::default());
    }
    serde_json::from_value(value.clone())
        .map_err(|e| LexcaseError::validation("facts", format!("bad facts: {e}")))
}
