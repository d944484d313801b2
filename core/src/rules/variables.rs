//! The CEL variables of one matter: its facts bound by their top-level names.

use std::sync::Arc;

use cel::{Context, Env, Value};

use super::facts::Facts;
use super::model::Checkpoint;
use crate::{LexcaseError, Result};

/// The top-level facts, as named in conditions.
pub(super) const ROOTS: [&str; 13] = [
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

/// The CEL value of one top-level fact (`event.checkpoint` set to `checkpoint`).
fn root_value(facts: &Facts, name: &str, checkpoint: Checkpoint) -> Result<Option<Value>> {
    fn val<T: serde::Serialize>(v: &T) -> Result<Option<Value>> {
        cel::to_value(v)
            .map(Some)
            .map_err(|e| LexcaseError::validation("facts", e.to_string()))
    }
    match name {
        "matter" => val(&facts.matter),
        "clients" => val(&facts.clients),
        "parties" => val(&facts.parties),
        "workflow" => val(&facts.workflow),
        "tasks" => val(&facts.tasks),
        "deadlines" => val(&facts.deadlines),
        "documents" => val(&facts.documents),
        "time" => val(&facts.time),
        "bills" => val(&facts.bills),
        "client_money" => val(&facts.client_money),
        "conflicts" => val(&facts.conflicts),
        "today" => val(&facts.today),
        "event" => {
            let mut event = facts.event.clone();
            event.checkpoint = checkpoint.as_str().to_string();
            val(&event)
        }
        _ => Ok(None),
    }
}

/// The CEL variables for one matter at one checkpoint: only the top-level facts in `names`
/// (binding a variable costs more than evaluating a simple condition).
pub(super) fn context<'a>(
    env: &Arc<Env>,
    facts: &Facts,
    checkpoint: Checkpoint,
    names: impl IntoIterator<Item = &'a str>,
) -> Result<Context<'static, 'static>> {
    let mut ctx = Context::with_env(Arc::clone(env));
    for name in names {
        if let Some(value) = root_value(facts, name, checkpoint)? {
            ctx.add_variable_from_value(name, value);
        }
    }
    Ok(ctx)
}
