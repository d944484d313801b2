//! Compiled rule packs evaluated against a matter's facts: every rule in scope gives a
//! finding when it is breached, or when it cannot be evaluated there.

use std::collections::BTreeSet;
use std::sync::Arc;

use cel::{Context, Env, Value};

use super::budget::{self, Sizes};
use super::compile::{CompiledRule, Loaded, Strictness, compile_pack_with, load_error, test_facts};
use super::facts::Facts;
use super::findings::{self, FactsJson, Piece, runtime_reason};
use super::model::{Checkpoint, CompliancePack, Finding, FindingKind, Rule, RuleTestOutcome};
use super::variables::{Bound, ROOTS};
use crate::Result;

/// Rule packs compiled once and evaluated many times (a firm sweep over every matter).
pub struct CompiledPacks {
    packs: Vec<CompliancePack>,
    rules: Vec<CompiledRule>,
    env: Arc<Env>,
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

/// The top-level facts a finding of `compiled` reads: those its condition and its message name
/// (none for a rule that does not load: its finding carries no facts).
fn reads(compiled: &CompiledRule) -> BTreeSet<&'static str> {
    let Ok(loaded) = &compiled.loaded else {
        return BTreeSet::new();
    };
    let mut names = loaded.roots.clone();
    for piece in &loaded.message {
        if let Piece::Fact(path) = piece {
            names.extend(
                ROOTS
                    .iter()
                    .copied()
                    .find(|r| path.first().is_some_and(|f| f == r)),
            );
        }
    }
    names
}

/// Whether `loaded` is breached on these facts; why it cannot tell otherwise (over the
/// evaluation budget for these list sizes, a run-time error, a result that is not a bool).
fn breached(
    loaded: &Loaded,
    rule: &Rule,
    facts: &Facts,
    ctx: &Context<'_, '_>,
) -> std::result::Result<bool, String> {
    let collections = facts.collection_sizes();
    let lookup = |path: &str| {
        collections
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, n)| *n as u64)
    };
    let largest = collections
        .iter()
        .map(|(_, n)| *n)
        .chain([loaded.measure.longest_literal])
        .max()
        .unwrap_or(0) as u64;
    let steps = budget::cost(
        loaded.program.expression(),
        &Sizes {
            collection: &lookup,
            largest,
        },
    );
    if steps > budget::EVALUATION_BUDGET {
        return Err(format!(
            "it would take about {steps} steps on this matter's facts (the evaluation budget is {})",
            budget::EVALUATION_BUDGET
        ));
    }
    match loaded.program.execute(ctx) {
        Ok(Value::Bool(b)) => Ok(b),
        Ok(other) => Err(format!("the condition gave {}, not bool", other.type_of())),
        Err(e) => Err(runtime_reason(rule, &e)),
    }
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
    /// over the evaluation budget (too long, nested too deep, loops nested more than three
    /// deep, or too costly on a matter with 100 entries in every list: see
    /// [`crate::rules::budget`]); one naming an unknown fact or field; one whose result on
    /// default facts is not a bool; a message placeholder naming an unknown fact; a test
    /// expecting an unknown rule or giving unknown facts.
    pub fn new(packs: Vec<CompliancePack>) -> Result<Self> {
        Self::compile(packs, Strictness::Strict)
    }

    /// Compiles the packs already in force. A rule that fails a load check (say, one
    /// installed before a check existed) is kept, and reported as not evaluated wherever it
    /// applies, rather than failing every evaluation of the firm; duplicate pack or rule ids
    /// are still refused.
    pub fn in_force(packs: Vec<CompliancePack>) -> Result<Self> {
        Self::compile(packs, Strictness::Tolerant)
    }

    fn compile(packs: Vec<CompliancePack>, strictness: Strictness) -> Result<Self> {
        let env = Arc::new(Env::stdlib());
        let mut rules = Vec::new();
        let mut ids = BTreeSet::new();
        for (p, pack) in packs.iter().enumerate() {
            if !ids.insert(pack.id.as_str()) {
                return Err(load_error(&pack.id, None, "duplicate pack id"));
            }
            for mut rule in compile_pack_with(&env, pack, strictness)? {
                rule.pack = p;
                rules.push(rule);
            }
        }
        Ok(Self { packs, rules, env })
    }

    /// The packs, as loaded.
    pub fn packs(&self) -> &[CompliancePack] {
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
            names.extend(reads(compiled));
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
            .flat_map(reads)
            .collect()
    }

    /// Evaluates the rules in scope at `checkpoint` against one matter's facts. Findings come
    /// block first, then warn, then info, each by pack and rule id. A rule that cannot be
    /// evaluated on these facts (a run-time error such as a division by zero or a missing
    /// map key, a result that is not a bool, a cost over the evaluation budget for this
    /// matter's lists, or a rule in force that no longer loads) gives a finding of kind
    /// [`FindingKind::NotEvaluated`] with the rule's severity, not an error: one rule cannot
    /// stop the others, or a sweep of the firm. An error here is about the facts themselves.
    pub fn evaluate(&self, facts: &Facts, checkpoint: Checkpoint) -> Result<Vec<Finding>> {
        let active: Vec<&CompiledRule> = self
            .rules
            .iter()
            .filter(|c| in_scope(&self.packs[c.pack].rules[c.rule], facts, checkpoint))
            .collect();
        let names: BTreeSet<&'static str> = active
            .iter()
            .filter_map(|c| c.loaded.as_ref().ok())
            .flat_map(|l| l.roots.iter().copied())
            .collect();
        let bound = Bound::new(facts, checkpoint, names);
        let ctx = bound.context(&self.env);
        let mut json = FactsJson::new(facts, checkpoint);
        let mut findings = Vec::new();
        for compiled in active {
            let pack = &self.packs[compiled.pack];
            let rule = &pack.rules[compiled.rule];
            let outcome = match &compiled.loaded {
                Ok(loaded) => breached(loaded, rule, facts, &ctx).map(|b| (b, loaded)),
                Err(problem) => Err(format!("it does not load: {problem}")),
            };
            match outcome {
                Ok((false, _)) => {}
                Ok((true, loaded)) => {
                    findings.push(findings::breach(
                        &pack.id,
                        rule,
                        &loaded.message,
                        &loaded.paths,
                        &mut json,
                    )?);
                }
                Err(why) => findings.push(findings::not_evaluated(&pack.id, rule, &why)),
            }
        }
        findings
            .sort_by(|a, b| (a.severity, &a.pack, &a.rule).cmp(&(b.severity, &b.pack, &b.rule)));
        Ok(findings)
    }
}

/// Compiles `packs` and evaluates them once; see [`CompiledPacks::evaluate`].
pub fn evaluate(
    packs: &[CompliancePack],
    facts: &Facts,
    checkpoint: Checkpoint,
) -> Result<Vec<Finding>> {
    CompiledPacks::new(packs.to_vec())?.evaluate(facts, checkpoint)
}

/// Runs a pack's test cases. A case in which a rule cannot be evaluated fails, with the
/// reason as its error: a pack that breaks on its own examples is not installed.
pub(crate) fn run_tests(pack: &CompliancePack) -> Vec<RuleTestOutcome> {
    let compiled = CompiledPacks::new(vec![pack.clone()]);
    pack.tests
        .iter()
        .map(|test| {
            let mut expected = test.expect.clone();
            expected.sort();
            expected.dedup();
            let result = compiled.as_ref().map_err(Clone::clone).and_then(|c| {
                let facts = test_facts(&test.facts.0)?;
                c.evaluate(&facts, test.checkpoint.unwrap_or(Checkpoint::Sweep))
            });
            let (fired, error) = match result {
                Ok(findings) => {
                    let failed = findings
                        .iter()
                        .find(|f| f.kind == FindingKind::NotEvaluated)
                        .map(|f| f.message.clone());
                    let mut ids: Vec<String> = findings
                        .into_iter()
                        .filter(|f| f.kind == FindingKind::Breach)
                        .map(|f| f.rule)
                        .collect();
                    ids.sort();
                    ids.dedup();
                    (ids, failed)
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
