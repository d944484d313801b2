//! Compiling rule packs (with every load-time check) and evaluating them against facts.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use cel::{Context, Env, ExecutionError, Program, Value};

use super::cel_facts::Bound;
use super::facts::Facts;
use super::model::{Checkpoint, Finding, Rule, RulePack, RuleTestOutcome};
use super::schema::{self, Walker};
use crate::{LexcaseError, Result};

/// A piece of a message: literal text or a fact placeholder.
#[derive(Debug)]
enum Piece {
    Text(String),
    Fact(Vec<String>),
}

/// One rule, compiled.
#[derive(Debug)]
struct CompiledRule {
    pack: usize,
    rule: usize,
    program: Program,
    roots: BTreeSet<&'static str>,
    /// The top-level facts a finding of the rule reads: `roots` and its message's.
    reads: BTreeSet<&'static str>,
    paths: Vec<Vec<String>>,
    message: Vec<Piece>,
}

/// Rule packs compiled once and evaluated many times (a firm sweep over every matter).
pub struct CompiledPacks {
    packs: Vec<RulePack>,
    rules: Vec<CompiledRule>,
    env: Arc<Env>,
}

fn load_error(pack: &str, rule: Option<&str>, problem: impl std::fmt::Display) -> LexcaseError {
    let reason = match rule {
        Some(r) => format!("pack `{pack}` rule `{r}`: {problem}"),
        None => format!("pack `{pack}`: {problem}"),
    };
    LexcaseError::validation("rule_pack", reason)
}

/// Splits a message into text and `{fact.path}` placeholders, checking each path.
fn parse_message(message: &str) -> std::result::Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let inner = &after[..close];
        let is_path = !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
        if is_path {
            schema::check_path(inner).map_err(|e| format!("message placeholder: {e}"))?;
            pieces.push(Piece::Text(rest[..open].to_string()));
            pieces.push(Piece::Fact(inner.split('.').map(str::to_string).collect()));
        } else {
            pieces.push(Piece::Text(rest[..open + 2 + close].to_string()));
        }
        rest = &after[close + 1..];
    }
    pieces.push(Piece::Text(rest.to_string()));
    Ok(pieces)
}

/// A description of an evaluation error without values (they may be client data).
fn describe(e: &ExecutionError) -> String {
    match e {
        ExecutionError::NoSuchKey(k) => {
            format!("no such key `{k}` (guard it with `in` or `has()`)")
        }
        ExecutionError::NoSuchOverload(o) => format!(
            "wrong type: no `{}` for ({})",
            o.function(),
            o.argument_types().join(", ")
        ),
        ExecutionError::UndeclaredReference(name) => format!("unknown name `{name}`"),
        ExecutionError::FunctionError { function, .. } => format!("`{function}` failed"),
        ExecutionError::DivisionByZero(_) | ExecutionError::RemainderByZero(_) => {
            "division by zero".to_string()
        }
        ExecutionError::ValuesNotComparable(a, b) => {
            format!(
                "wrong type: {} cannot be compared to {}",
                a.type_of(),
                b.type_of()
            )
        }
        ExecutionError::UnsupportedBinaryOperator(op, a, b) => {
            format!("wrong type: `{op}` on {} and {}", a.type_of(), b.type_of())
        }
        _ => "evaluation failed (wrong type or argument)".to_string(),
    }
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

/// The top-level facts, as named in conditions.
pub(crate) const ROOTS: [&str; 13] = [
    "matter",
    "clients",
    "parties",
    "workflow",
    "tasks",
    "deadlines",
    "documents",
    "time",
    "bills",
    "client_money",
    "conflicts",
    "today",
    "event",
];

/// Compiles and checks one rule.
fn compile_rule(env: &Arc<Env>, pack: &RulePack, index: usize) -> Result<CompiledRule> {
    let rule = &pack.rules[index];
    let err = |p: String| load_error(&pack.id, Some(&rule.id), p);
    if rule.condition.trim().is_empty() {
        return Err(err("empty condition".into()));
    }
    let program = env
        .compile(&rule.condition)
        .map_err(|e| err(format!("condition does not parse: {e}")))?;
    let mut walker = Walker::new();
    walker.check(program.expression());
    if let Some(problem) = walker.error.take() {
        return Err(err(format!("condition: {problem}")));
    }
    let message = parse_message(&rule.message).map_err(err)?;
    for facts in [Facts::default(), schema::sample_facts()] {
        for checkpoint in Checkpoint::ALL {
            let bound = Bound::new(&facts, checkpoint, ROOTS);
            let mut ctx = Context::with_env(Arc::clone(env));
            ctx.set_variable_resolver(&bound);
            match program.execute(&ctx) {
                Ok(Value::Bool(_)) => {}
                Ok(other) => {
                    return Err(err(format!(
                        "wrong type: condition gives {}, not bool",
                        other.type_of()
                    )));
                }
                Err(e) if data_dependent(&e) => {}
                Err(e) => return Err(err(format!("condition: {}", describe(&e)))),
            }
        }
    }
    let paths = walker.paths();
    let roots: BTreeSet<&'static str> = paths.iter().filter_map(|p| root_of(p)).collect();
    let mut reads = roots.clone();
    for piece in &message {
        if let Piece::Fact(path) = piece {
            reads.extend(root_of(path));
        }
    }
    Ok(CompiledRule {
        pack: 0,
        rule: index,
        roots,
        reads,
        paths,
        program,
        message,
    })
}

/// The top-level fact a path starts from.
fn root_of(path: &[String]) -> Option<&'static str> {
    ROOTS
        .iter()
        .copied()
        .find(|r| path.first().is_some_and(|f| f == r))
}

/// Compiles and checks one pack: nothing of it is kept on error.
pub(crate) fn compile_pack(pack: &RulePack) -> Result<()> {
    compile_pack_with(&Arc::new(Env::stdlib()), pack).map(|_| ())
}

fn compile_pack_with(env: &Arc<Env>, pack: &RulePack) -> Result<Vec<CompiledRule>> {
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
        compiled.push(compile_rule(env, pack, i)?);
    }
    for test in &pack.tests {
        let terr = |p: String| load_error(&pack.id, None, format!("test `{}`: {p}", test.name));
        if let Some(unknown) = test.expect.iter().find(|id| !ids.contains(id.as_str())) {
            return Err(terr(format!("expects unknown rule `{unknown}`")));
        }
        schema::check_partial(&test.facts, &schema::FACTS_SHAPE, "").map_err(terr)?;
        test_facts(&test.facts).map_err(|e| terr(e.to_string()))?;
    }
    Ok(compiled)
}

/// A test's partial facts, filled up with defaults.
fn test_facts(value: &serde_json::Value) -> Result<Facts> {
    if value.is_null() {
        return Ok(Facts::default());
    }
    serde_json::from_value(value.clone())
        .map_err(|e| LexcaseError::validation("facts", format!("bad facts: {e}")))
}

/// The JSON of one top-level fact (`event.checkpoint` set to `checkpoint`; `null` for a name
/// that is not one).
fn root_json(facts: &Facts, name: &str, checkpoint: Checkpoint) -> Result<serde_json::Value> {
    fn json<T: serde::Serialize>(v: &T) -> Result<serde_json::Value> {
        serde_json::to_value(v).map_err(|e| LexcaseError::validation("facts", e.to_string()))
    }
    match name {
        "matter" => json(&facts.matter),
        "clients" => json(&facts.clients),
        "parties" => json(&facts.parties),
        "workflow" => json(&facts.workflow),
        "tasks" => json(&facts.tasks),
        "deadlines" => json(&facts.deadlines),
        "documents" => json(&facts.documents),
        "time" => json(&facts.time),
        "bills" => json(&facts.bills),
        "client_money" => json(&facts.client_money),
        "conflicts" => json(&facts.conflicts),
        "today" => json(&facts.today),
        "event" => {
            let mut event = facts.event.clone();
            event.checkpoint = checkpoint.as_str().to_string();
            json(&event)
        }
        _ => Ok(serde_json::Value::Null),
    }
}

/// The facts as JSON, as the conditions saw them (with `event.checkpoint` set), serialised
/// one top-level fact at a time as findings name them.
struct FactsJson<'a> {
    facts: &'a Facts,
    checkpoint: Checkpoint,
    roots: BTreeMap<String, serde_json::Value>,
}

impl<'a> FactsJson<'a> {
    fn new(facts: &'a Facts, checkpoint: Checkpoint) -> Self {
        Self {
            facts,
            checkpoint,
            roots: BTreeMap::new(),
        }
    }

    /// The value at `path` (`null` when missing).
    fn lookup(&mut self, path: &[String]) -> Result<serde_json::Value> {
        let Some((first, rest)) = path.split_first() else {
            return Ok(serde_json::Value::Null);
        };
        let mut v: &serde_json::Value = match self.roots.entry(first.clone()) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(root_json(self.facts, first, self.checkpoint)?),
        };
        for segment in rest {
            match v.get(segment) {
                Some(next) => v = next,
                None => return Ok(serde_json::Value::Null),
            }
        }
        Ok(v.clone())
    }

    /// A message with its placeholders filled in.
    fn render(&mut self, pieces: &[Piece]) -> Result<String> {
        let mut out = String::new();
        for piece in pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Fact(path) => match self.lookup(path)? {
                    serde_json::Value::String(s) => out.push_str(&s),
                    serde_json::Value::Null => {}
                    other => out.push_str(&other.to_string()),
                },
            }
        }
        Ok(out)
    }
}

fn in_scope(rule: &Rule, facts: &Facts, checkpoint: Checkpoint) -> bool {
    let s = &rule.scope;
    let area = &facts.matter.practice_area;
    (s.practice_areas.is_empty()
        || s.practice_areas
            .iter()
            .any(|a| a.eq_ignore_ascii_case(area)))
        && (s.statuses.is_empty() || s.statuses.contains(&facts.matter.status))
        && (s.stages.is_empty()
            || s.stages.contains(&facts.workflow.stage)
            || (checkpoint == Checkpoint::StageAdvance && s.stages.contains(&facts.event.to_stage)))
        && (checkpoint == Checkpoint::Sweep || rule.on.contains(&checkpoint))
}

impl std::fmt::Debug for CompiledPacks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompiledPacks")
            .field("packs", &self.packs)
            .field("rules", &self.rules.len())
            .finish_non_exhaustive()
    }
}

impl CompiledPacks {
    /// Compiles and checks packs. Refused (a validation error naming the pack, the rule and the
    /// problem): duplicate pack or rule ids; an empty condition; one that does not parse; one
    /// naming an unknown fact or field; one whose result on default facts is not a bool; a
    /// message placeholder naming an unknown fact; a test expecting an unknown rule or giving
    /// unknown facts.
    pub fn new(packs: Vec<RulePack>) -> Result<Self> {
        let env = Arc::new(Env::stdlib());
        let mut rules = Vec::new();
        let mut ids = BTreeSet::new();
        for (p, pack) in packs.iter().enumerate() {
            if !ids.insert(pack.id.as_str()) {
                return Err(load_error(&pack.id, None, "duplicate pack id"));
            }
            for mut rule in compile_pack_with(&env, pack)? {
                rule.pack = p;
                rules.push(rule);
            }
        }
        Ok(Self { packs, rules, env })
    }

    /// The packs, as loaded.
    pub fn packs(&self) -> &[RulePack] {
        &self.packs
    }

    /// The top-level facts (as named in conditions: `matter`, `clients`, `workflow`, …) that
    /// evaluating these rules on any matter may read: those their conditions and message
    /// placeholders name, `workflow` when a rule is scoped to stages, and `matter` (scopes read
    /// its practice area and status). Facts outside this set may be left at their defaults
    /// without changing any finding.
    pub fn facts_read(&self) -> BTreeSet<&'static str> {
        let mut names: BTreeSet<&'static str> = BTreeSet::from(["matter"]);
        for compiled in &self.rules {
            names.extend(compiled.reads.iter().copied());
        }
        if self.scoped_by_stage() {
            names.insert("workflow");
        }
        names
    }

    /// Whether a rule is scoped to workflow stages (so which rules apply to a matter depends
    /// on its workflow).
    pub fn scoped_by_stage(&self) -> bool {
        self.rules
            .iter()
            .any(|c| !self.packs[c.pack].rules[c.rule].scope.stages.is_empty())
    }

    /// The top-level facts that evaluating the rules in scope at `checkpoint` reads, for a
    /// matter whose practice area and status (and workflow stage, and for a stage advance the
    /// stage entered) are those of `facts`: other facts of that matter may be left at their
    /// defaults without changing any finding.
    pub fn facts_read_in_scope(
        &self,
        facts: &Facts,
        checkpoint: Checkpoint,
    ) -> BTreeSet<&'static str> {
        self.rules
            .iter()
            .filter(|c| in_scope(&self.packs[c.pack].rules[c.rule], facts, checkpoint))
            .flat_map(|c| c.reads.iter().copied())
            .collect()
    }

    /// Evaluates the rules in scope at `checkpoint` against one matter's facts. Findings come
    /// block first, then warn, then info, each by pack and rule id. A rule that fails to
    /// evaluate on these facts is a validation error naming it.
    pub fn evaluate(&self, facts: &Facts, checkpoint: Checkpoint) -> Result<Vec<Finding>> {
        let active: Vec<&CompiledRule> = self
            .rules
            .iter()
            .filter(|c| in_scope(&self.packs[c.pack].rules[c.rule], facts, checkpoint))
            .collect();
        // Only the top-level facts these rules read: binding one costs more than evaluating
        // a simple condition.
        let names: BTreeSet<&'static str> = active
            .iter()
            .flat_map(|c| c.roots.iter().copied())
            .collect();
        let bound = Bound::new(facts, checkpoint, names);
        let mut ctx = Context::with_env(Arc::clone(&self.env));
        ctx.set_variable_resolver(&bound);
        let mut json = FactsJson::new(facts, checkpoint);
        let mut findings = Vec::new();
        for compiled in active {
            let pack = &self.packs[compiled.pack];
            let rule = &pack.rules[compiled.rule];
            let breached = match compiled.program.execute(&ctx) {
                Ok(Value::Bool(b)) => b,
                Ok(other) => {
                    return Err(load_error(
                        &pack.id,
                        Some(&rule.id),
                        format!("condition gave {}, not bool", other.type_of()),
                    ));
                }
                Err(e) => return Err(load_error(&pack.id, Some(&rule.id), describe(&e))),
            };
            if !breached {
                continue;
            }
            let mut read = BTreeMap::new();
            for path in &compiled.paths {
                read.insert(path.join("."), json.lookup(path)?);
            }
            findings.push(Finding {
                pack: pack.id.clone(),
                rule: rule.id.clone(),
                version: rule.version,
                title: rule.title.clone(),
                severity: rule.severity,
                message: json.render(&compiled.message)?,
                remedy: rule.remedy.clone(),
                facts: read,
            });
        }
        findings
            .sort_by(|a, b| (a.severity, &a.pack, &a.rule).cmp(&(b.severity, &b.pack, &b.rule)));
        Ok(findings)
    }
}

/// Compiles `packs` and evaluates them once; see [`CompiledPacks::evaluate`].
pub fn evaluate(packs: &[RulePack], facts: &Facts, checkpoint: Checkpoint) -> Result<Vec<Finding>> {
    CompiledPacks::new(packs.to_vec())?.evaluate(facts, checkpoint)
}

/// Runs a pack's test cases.
pub(crate) fn run_tests(pack: &RulePack) -> Vec<RuleTestOutcome> {
    let compiled = CompiledPacks::new(vec![pack.clone()]);
    pack.tests
        .iter()
        .map(|test| {
            let mut expected = test.expect.clone();
            expected.sort();
            expected.dedup();
            let result = compiled.as_ref().map_err(Clone::clone).and_then(|c| {
                let facts = test_facts(&test.facts)?;
                c.evaluate(&facts, test.checkpoint.unwrap_or(Checkpoint::Sweep))
            });
            let (fired, error) = match result {
                Ok(findings) => {
                    let mut ids: Vec<String> = findings.into_iter().map(|f| f.rule).collect();
                    ids.sort();
                    ids.dedup();
                    (ids, None)
                }
                Err(e) => (Vec::new(), Some(e.to_string())),
            };
            RuleTestOutcome {
                name: test.name.clone(),
                passed: error.is_none() && fired == expected,
                expected,
                fired,
                error,
            }
        })
        .collect()
}
