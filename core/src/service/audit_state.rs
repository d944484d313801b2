//! `verify_state`: the stored rows compared with the replay of their audit events.

use std::collections::HashMap;

use serde_json::Value;
use uuid::Uuid;

use super::AuditService;
use super::audit::BATCH;
use super::context::ReadCtx;
use crate::access::Capability;
use crate::audit::{EntityKind, MAX_LISTED, Replay, STATE_KINDS, StateVerification, changes_row};
use crate::error::Result;

/// Rows read per page.
const ROWS: u32 = 500;

/// One move of work by a bill: the event's position, the new billing state, the bill.
type Move = (u64, Value, Uuid);

/// Every move of work recorded on bills (`bill.work_moved`), by the id of the work moved.
fn moves_of_work(ctx: &ReadCtx<'_>) -> Result<HashMap<Uuid, Vec<Move>>> {
    let mut moves: HashMap<Uuid, Vec<Move>> = HashMap::new();
    let mut after = 0;
    loop {
        let events = ctx.tx.audit_records(after, BATCH)?;
        let Some(last) = events.last() else { break };
        after = last.seq;
        for event in events.iter().filter(|e| e.action == "bill.work_moved") {
            let changes = event.field_changes()?;
            let field = |name: &str| {
                changes
                    .iter()
                    .find(|c| c.field == name)
                    .and_then(|c| c.after.clone())
            };
            let Some(to) = field("to") else { continue };
            let work = ["time_entries", "expenses"].into_iter().filter_map(field);
            for id in work.filter_map(|list| list.as_array().cloned()).flatten() {
                if let Some(id) = id.as_str().and_then(|s| s.parse::<Uuid>().ok()) {
                    moves
                        .entry(id)
                        .or_default()
                        .push((event.seq, to.clone(), event.entity_id));
                }
            }
        }
    }
    Ok(moves)
}

/// Replays the events of one row and compares.
fn check_row(
    ctx: &ReadCtx<'_>,
    kind: EntityKind,
    id: Uuid,
    row: &Value,
    moves: &HashMap<Uuid, Vec<Move>>,
) -> Result<Option<crate::audit::UnexplainedRow>> {
    let mut replay = Replay::default();
    let mut moved = moves.get(&id).map(Vec::as_slice).unwrap_or_default().iter();
    let mut next_move = moved.next();
    for event in ctx.tx.audit_records_for(id)? {
        if event.entity_kind != kind || !changes_row(kind, &event.action) {
            continue;
        }
        while let Some((_, to, bill)) = next_move.filter(|m| m.0 < event.seq) {
            replay.apply_move(to, *bill);
            next_move = moved.next();
        }
        replay.apply(&event.field_changes()?);
    }
    while let Some((_, to, bill)) = next_move {
        replay.apply_move(to, *bill);
        next_move = moved.next();
    }
    Ok(replay.explain(kind, id, row))
}

impl AuditService<'_> {
    /// Compares every stored row of the kinds in [`STATE_KINDS`] (users, contacts, matters,
    /// time entries, expenses, bills, payments, client-money entries) with the replay of its
    /// audit events — the values of its create event, then each change after it, and the moves
    /// of work that bills record — and lists the rows no event explains: a row edited or
    /// inserted behind the store's back (which `verify` cannot see, as the chain itself is
    /// untouched). Only kinds, ids and field names are reported, never values. Needs
    /// `view_audit`; reads every row, so it takes time on a large firm.
    pub fn verify_state(&self) -> Result<StateVerification> {
        self.session.read(|ctx| {
            ctx.actor.require(Capability::ViewAudit)?;
            let moves = moves_of_work(ctx)?;
            let mut out = StateVerification {
                kinds: STATE_KINDS.to_vec(),
                rows_checked: 0,
                unexplained_count: 0,
                unexplained: Vec::new(),
            };
            for kind in STATE_KINDS {
                let mut after = None;
                loop {
                    let rows = ctx.tx.state_rows(kind, after, ROWS)?;
                    let Some((last, _)) = rows.last() else { break };
                    after = Some(*last);
                    for (id, row) in &rows {
                        out.rows_checked += 1;
                        if let Some(bad) = check_row(ctx, kind, *id, row, &moves)? {
                            out.unexplained_count += 1;
                            if out.unexplained.len() < MAX_LISTED {
                                out.unexplained.push(bad);
                            }
                        }
                    }
                }
            }
            Ok(out)
        })
    }
}
