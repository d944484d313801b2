//! The state the audit trail explains: a record rebuilt from its create event and the changes
//! after it, compared with the stored row. A row edited behind the store's back, or one with
//! no create event, is a row no event explains.

use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::{EntityKind, FieldChange};

/// The kinds whose rows `verify_state` checks, in the order it checks them.
pub const STATE_KINDS: [EntityKind; 8] = [
    EntityKind::User,
    EntityKind::Contact,
    EntityKind::Matter,
    EntityKind::TimeEntry,
    EntityKind::Expense,
    EntityKind::Bill,
    EntityKind::Payment,
    EntityKind::ClientMoney,
];

/// The most unexplained rows a verification lists (it counts them all).
pub const MAX_LISTED: usize = 1000;

/// A stored row whose state no audit event explains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnexplainedRow {
    /// The kind of record.
    pub kind: EntityKind,
    /// Its id.
    pub id: Uuid,
    /// The top-level fields whose stored value differs from the replay of the events (empty
    /// when there is no event at all).
    pub fields: Vec<String>,
    /// What is wrong, without the values.
    pub reason: String,
}

/// The outcome of comparing stored rows with the replay of their events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StateVerification {
    /// The kinds checked.
    pub kinds: Vec<EntityKind>,
    /// Rows compared.
    pub rows_checked: u64,
    /// Rows that no event explains (how many in all).
    pub unexplained_count: u64,
    /// The first of them (at most [`MAX_LISTED`]).
    pub unexplained: Vec<UnexplainedRow>,
}

impl StateVerification {
    /// Whether every row checked is what its events say.
    pub fn is_consistent(&self) -> bool {
        self.unexplained_count == 0
    }
}

/// Whether an event with `action` about an entity of `kind` changes that entity's own row (a
/// timer's events are filed under its user, a workflow's, conflict check's, rule overrides'
/// and billing terms' under their matter; a bill's list of moved work changes the work, and
/// the rendering kept with an issued bill is a record of its own).
pub fn changes_row(kind: EntityKind, action: &str) -> bool {
    let prefix = action.split('.').next().unwrap_or_default();
    match kind {
        EntityKind::User => prefix == "user",
        EntityKind::Contact => prefix == "contact",
        EntityKind::Matter => prefix == "matter",
        EntityKind::TimeEntry => prefix == "time",
        EntityKind::Expense => prefix == "expense",
        EntityKind::Bill => {
            prefix == "bill" && !matches!(action, "bill.work_moved" | "bill.rendering_kept")
        }
        EntityKind::Payment => prefix == "payment",
        EntityKind::ClientMoney => prefix == "client_money" && action != "client_money.reconciled",
        _ => false,
    }
}

/// A record being rebuilt from its events.
#[derive(Debug, Default)]
pub struct Replay {
    state: Map<String, Value>,
    events: usize,
}

impl Replay {
    /// Applies the changed fields of one event (dotted paths into objects).
    pub fn apply(&mut self, changes: &[FieldChange]) {
        self.events += 1;
        for change in changes {
            set(&mut self.state, &change.field, change.after.clone());
        }
    }

    /// Applies a move of work by a bill (`bill.work_moved`): the new billing state and the
    /// bill it is on (none once back to unbilled).
    pub fn apply_move(&mut self, to: &Value, bill: Uuid) {
        self.events += 1;
        self.state.insert("status".into(), to.clone());
        let unbilled = to.as_str() == Some("unbilled");
        let bill = (!unbilled).then(|| Value::String(bill.to_string()));
        set(&mut self.state, "bill", bill);
    }

    /// Compares the replay with the stored row: `None` when the events explain it.
    pub fn explain(self, kind: EntityKind, id: Uuid, row: &Value) -> Option<UnexplainedRow> {
        if self.events == 0 {
            return Some(UnexplainedRow {
                kind,
                id,
                fields: Vec::new(),
                reason: "a row without any audit event (inserted behind the store's back)".into(),
            });
        }
        let mut replayed = Value::Object(self.state);
        let mut stored = row.clone();
        normalise(&mut replayed);
        normalise(&mut stored);
        let (Value::Object(replayed), Value::Object(stored)) = (replayed, stored) else {
            return None;
        };
        let mut fields: Vec<String> = stored
            .iter()
            .filter(|(k, v)| !replayed.get(*k).is_some_and(|r| same(r, v)))
            .map(|(k, _)| k.clone())
            .chain(
                replayed
                    .keys()
                    .filter(|k| !stored.contains_key(*k))
                    .cloned(),
            )
            .collect();
        fields.sort();
        fields.dedup();
        (!fields.is_empty()).then(|| UnexplainedRow {
            kind,
            id,
            fields,
            reason: "the stored row differs from the replay of its audit events \
                     (edited behind the store's back)"
                .into(),
        })
    }
}

/// Whether two values are the same, taking amounts written at another scale ("500" and
/// "500.00", as a store keeps money at its currency's scale) as the same.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => {
            x == y
                || matches!(
                    (x.parse::<rust_decimal::Decimal>(), y.parse::<rust_decimal::Decimal>()),
                    (Ok(x), Ok(y)) if x == y
                )
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// Sets (or with `None` removes) the value at a dotted path, making objects on the way.
fn set(state: &mut Map<String, Value>, path: &str, value: Option<Value>) {
    let mut parts = path.split('.').peekable();
    let mut object = state;
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            match value {
                Some(v) => {
                    object.insert(part.to_owned(), v);
                }
                None => {
                    object.remove(part);
                }
            }
            return;
        }
        let next = object
            .entry(part.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if !next.is_object() {
            *next = Value::Object(Map::new());
        }
        let Value::Object(inner) = next else { return };
        object = inner;
    }
}

/// Drops what the audit trail does not keep: the version, and fields that are null (an
/// absent optional field and a null one are the same to it).
fn normalise(value: &mut Value) {
    if let Value::Object(map) = value {
        map.remove("version");
        strip_nulls(value);
    }
}

fn strip_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(strip_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn change(field: &str, after: Option<Value>) -> FieldChange {
        FieldChange {
            field: field.into(),
            before: None,
            after,
        }
    }

    #[test]
    fn a_replayed_record_explains_its_row_and_an_edit_is_named() {
        let id = Uuid::nil();
        let mut replay = Replay::default();
        replay.apply(&[
            change("title", Some(json!("A"))),
            change("key_dates", Some(json!({"trial": "2027-01-01"}))),
        ]);
        replay.apply(&[
            change("key_dates.trial", None),
            change("key_dates.completion", Some(json!("2027-02-01"))),
        ]);
        let row = json!({"title": "A", "version": 3, "note": null,
                         "key_dates": {"completion": "2027-02-01"}});
        let kind = EntityKind::Matter;
        assert_eq!(replay.explain(kind, id, &row), None);

        let mut replay = Replay::default();
        replay.apply(&[change("title", Some(json!("A")))]);
        let edited = json!({"title": "B"});
        assert_eq!(replay.explain(kind, id, &edited).unwrap().fields, ["title"]);
        let none = Replay::default().explain(kind, id, &edited).unwrap();
        assert!(none.fields.is_empty());
    }

    #[test]
    fn moved_work_follows_its_bill() {
        let bill = Uuid::now_v7();
        let mut replay = Replay::default();
        replay.apply(&[change("status", Some(json!("unbilled")))]);
        replay.apply_move(&json!("on_draft_bill"), bill);
        let row = json!({"status": "on_draft_bill", "bill": bill.to_string()});
        assert_eq!(replay.explain(EntityKind::TimeEntry, bill, &row), None);
        assert!(!changes_row(EntityKind::Bill, "bill.work_moved"));
        assert!(!changes_row(EntityKind::Bill, "bill.rendering_kept"));
        assert!(!changes_row(EntityKind::User, "timer.started"));
    }
}
