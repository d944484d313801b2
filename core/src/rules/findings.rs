//! Building findings: messages with `{fact.path}` placeholders rendered from the facts, the
//! facts a condition read, and the finding of a rule that could not be evaluated (which names
//! the rule and says why, never with a value from the facts).

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use cel::ExecutionError;

use super::facts::Facts;
use super::model::{Checkpoint, Finding, FindingKind, Rule};
use super::schema;
use crate::{LexcaseError, Result};

/// A piece of a message: literal text or a fact placeholder.
#[derive(Debug)]
pub(super) enum Piece {
    Text(String),
    Fact(Vec<String>),
}

/// Splits a message into text and `{fact.path}` placeholders, checking each path.
pub(super) fn parse_message(message: &str) -> std::result::Result<Vec<Piece>, String> {
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
pub(super) fn describe(e: &ExecutionError) -> String {
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
        ExecutionError::Overflow(..) => "arithmetic overflow".to_string(),
        ExecutionError::IndexOutOfBounds(_) => "a list index is out of range".to_string(),
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

/// Why `rule` failed on a matter, in words that carry no client data: a missing map key or
/// unknown name is named only when the condition itself spells it (a key computed from the
/// facts could be a client's name).
pub(super) fn runtime_reason(rule: &Rule, e: &ExecutionError) -> String {
    match e {
        ExecutionError::NoSuchKey(k) if !rule.condition.contains(k.as_str()) => {
            "a map key it reads is missing (guard it with `in` or `has()`)".to_string()
        }
        ExecutionError::UndeclaredReference(name) if !rule.condition.contains(name.as_str()) => {
            "it reads an unknown name".to_string()
        }
        other => describe(other),
    }
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
pub(super) struct FactsJson<'a> {
    facts: &'a Facts,
    checkpoint: Checkpoint,
    roots: BTreeMap<String, serde_json::Value>,
}

impl<'a> FactsJson<'a> {
    /// The facts of one matter at `checkpoint`, nothing serialised yet.
    pub(super) fn new(facts: &'a Facts, checkpoint: Checkpoint) -> Self {
        Self {
            facts,
            checkpoint,
            roots: BTreeMap::new(),
        }
    }

    /// The value at `path` (`null` when missing).
    pub(super) fn lookup(&mut self, path: &[String]) -> Result<serde_json::Value> {
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

    /// The message with its placeholders filled in.
    pub(super) fn render(&mut self, pieces: &[Piece]) -> Result<String> {
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

/// The finding of a breached rule: its message rendered and the facts it read.
pub(super) fn breach(
    pack: &str,
    rule: &Rule,
    message: &[Piece],
    paths: &[Vec<String>],
    json: &mut FactsJson<'_>,
) -> Result<Finding> {
    let mut read = BTreeMap::new();
    for path in paths {
        read.insert(path.join("."), json.lookup(path)?);
    }
    Ok(Finding {
        pack: pack.to_string(),
        rule: rule.id.clone(),
        version: rule.version,
        title: rule.title.clone(),
        severity: rule.severity,
        kind: FindingKind::Breach,
        message: json.render(message)?,
        remedy: rule.remedy.clone(),
        facts: read,
    })
}

/// The finding of a rule that could not be evaluated on a matter, with the rule's severity:
/// it names the rule and version and says why, and carries no facts.
pub(super) fn not_evaluated(pack: &str, rule: &Rule, why: &str) -> Finding {
    Finding {
        pack: pack.to_string(),
        rule: rule.id.clone(),
        version: rule.version,
        title: rule.title.clone(),
        severity: rule.severity,
        kind: FindingKind::NotEvaluated,
        message: format!(
            "rule `{}` version {} of pack `{pack}` could not be evaluated on this matter: {why}",
            rule.id, rule.version
        ),
        remedy: "Check the matter by hand, and have the rule corrected (or guarded against the \
                 facts that make it fail)."
            .to_string(),
        facts: BTreeMap::new(),
    }
}
