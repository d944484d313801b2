//! Building findings: messages with `{fact.path}` placeholders rendered from the facts, the
//! facts a condition read, and the finding of a rule that could not be evaluated (which names
//! the rule and says why, never with a value from the facts).

use std::collections::BTreeMap;

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

/// The facts as JSON, as the conditions saw them (with `event.checkpoint` set).
pub(super) fn facts_json(facts: &Facts, checkpoint: Checkpoint) -> Result<serde_json::Value> {
    let mut json = serde_json::to_value(facts)
        .map_err(|e| LexcaseError::validation("facts", e.to_string()))?;
    if let Some(event) = json.get_mut("event").and_then(|e| e.as_object_mut()) {
        event.insert("checkpoint".into(), checkpoint.as_str().into());
    }
    Ok(json)
}

/// The value at `path` (`null` when missing).
pub(super) fn lookup(json: &serde_json::Value, path: &[String]) -> serde_json::Value {
    let mut v = json;
    for segment in path {
        match v.get(segment) {
            Some(next) => v = next,
            None => return serde_json::Value::Null,
        }
    }
    v.clone()
}

/// The message with its placeholders filled in from `json`.
pub(super) fn render(pieces: &[Piece], json: &serde_json::Value) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Fact(path) => match lookup(json, path) {
                serde_json::Value::String(s) => out.push_str(&s),
                serde_json::Value::Null => {}
                other => out.push_str(&other.to_string()),
            },
        }
    }
    out
}

/// The finding of a breached rule: its message rendered and the facts it read.
pub(super) fn breach(
    pack: &str,
    rule: &Rule,
    message: &[Piece],
    paths: &[Vec<String>],
    json: &serde_json::Value,
) -> Finding {
    Finding {
        pack: pack.to_string(),
        rule: rule.id.clone(),
        version: rule.version,
        title: rule.title.clone(),
        severity: rule.severity,
        kind: FindingKind::Breach,
        message: render(message, json),
        remedy: rule.remedy.clone(),
        facts: paths
            .iter()
            .map(|p| (p.join("."), lookup(json, p)))
            .collect::<BTreeMap<_, _>>(),
    }
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
