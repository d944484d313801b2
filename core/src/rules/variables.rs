//! The CEL variables of one matter: its facts bound by their top-level names. The values are
//! built directly (no serde round trip) and borrow their text from the facts, so binding a
//! matter's facts costs a few allocations; the shape is exactly what serialising the facts
//! gives (structs are maps by field name; numbers, text, flags, lists and maps as themselves),
//! which a test holds equal.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use cel::common::types::{CelBool, CelDouble, CelInt, CelList, CelMap, CelMapKey, CelString};
use cel::common::value::{CowVal, Val};
use cel::context::VariableResolver;
use cel::{Context, Env};

use super::facts::{
    BillFacts, ClientFacts, ClientMoneyFacts, ConflictFacts, DeadlineFacts, DocumentFacts,
    EventFacts, Facts, MatterFacts, PartyFacts, TaskFacts, TimeFacts, WorkflowFacts,
};
use super::model::Checkpoint;

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

/// A CEL value borrowing from the facts.
type CelVal<'f> = Box<dyn Val + 'f>;

/// A fact as a CEL value.
trait ToCel {
    fn to_cel(&self) -> CelVal<'_>;
}

/// A struct of the fact model: a map by field name.
fn record<'f, const N: usize>(fields: [(&'static str, CelVal<'f>); N]) -> CelVal<'f> {
    let map: HashMap<CelMapKey<'f>, CelVal<'f>> = fields
        .into_iter()
        .map(|(k, v)| (CelMapKey::from(k), v))
        .collect();
    Box::new(CelMap::from(map))
}

impl ToCel for String {
    fn to_cel(&self) -> CelVal<'_> {
        Box::new(CelString::from(self.as_str()))
    }
}

impl ToCel for i64 {
    fn to_cel(&self) -> CelVal<'_> {
        Box::new(CelInt::from(*self))
    }
}

impl ToCel for f64 {
    fn to_cel(&self) -> CelVal<'_> {
        Box::new(CelDouble::from(*self))
    }
}

impl ToCel for bool {
    fn to_cel(&self) -> CelVal<'_> {
        Box::new(CelBool::from(*self))
    }
}

impl<T: ToCel> ToCel for Vec<T> {
    fn to_cel(&self) -> CelVal<'_> {
        Box::new(CelList::from(
            self.iter().map(ToCel::to_cel).collect::<Vec<_>>(),
        ))
    }
}

impl<V: ToCel> ToCel for BTreeMap<String, V> {
    fn to_cel(&self) -> CelVal<'_> {
        let map: HashMap<CelMapKey<'_>, CelVal<'_>> = self
            .iter()
            .map(|(k, v)| (CelMapKey::from(k.as_str()), v.to_cel()))
            .collect();
        Box::new(CelMap::from(map))
    }
}

impl ToCel for MatterFacts {
    fn to_cel(&self) -> CelVal<'_> {
        record([
            ("id", self.id.to_cel()),
            ("number", self.number.to_cel()),
            ("title", self.title.to_cel()),
            ("status", self.status.to_cel()),
            ("practice_area", self.practice_area.to_cel()),
            ("billing_kind", self.billing_kind.to_cel()),
            ("currency", self.currency.to_cel()),
            ("opened_on", self.opened_on.to_cel()),
            ("closed_on", self.closed_on.to_cel()),
            ("days_open", self.days_open.to_cel()),
            ("key_dates", self.key_dates.to_cel()),
            ("custom", self.custom.to_cel()),
        ])
    }
}

impl ToCel for ClientFacts {
    fn to_cel(&self) -> CelVal<'_> {
        record([
            ("id", self.id.to_cel()),
            ("name", self.name.to_cel()),
            ("kind", self.kind.to_cel()),
            ("identity_status", self.identity_status.to_cel()),
            ("identity_verified", self.identity_verified.to_cel()),
            ("identity_verified_on", self.identity_verified_on.to_cel()),
        ])
    }
}

impl ToCel for PartyFacts {
    fn to_cel(&self) -> CelVal<'_> {
        record([
            ("contact", self.contact.to_cel()),
            ("name", self.name.to_cel()),
            ("role", self.role.to_cel()),
        ])
    }
}

impl ToCel for WorkflowFacts {
    fn to_cel(&self) -> CelVal<'_> {
        record([
            ("template", self.template.to_cel()),
            ("stage", self.stage.to_cel()),
            ("done", self.done.to_cel()),
            ("outstanding", self.outstanding.to_cel()),
        ])
    }
}

impl ToCel for TaskFacts {
    fn to_cel(&self) -> CelVal<'_> {
        record([
            ("open", self.open.to_cel()),
            ("overdue", self.overdue.to_cel()),
        ])
    }
}

impl ToCel for DeadlineFacts {
    fn to_cel(&self) -> CelVal<'_> {
        record([
            ("title", self.title.to_cel()),
            ("rule", self.rule.to_cel()),
            ("due", self.due.to_cel()),
            ("open", self.open.to_cel()),
            ("reminders", self.reminders.to_cel()),
            ("court", self.court.to_cel()),
        ])
    }
}

impl ToCel for DocumentFacts {
    fn to_cel(&self) -> CelVal<'_> {
        record([
            ("categories", self.categories.to_cel()),
            ("signed", self.signed.to_cel()),
            ("first_filed", self.first_filed.to_cel()),
        ])
    }
}

impl ToCel for TimeFacts {
    fn to_cel(&self) -> CelVal<'_> {
        record([
            ("unbilled_value", self.unbilled_value.to_cel()),
            ("oldest_unbilled_days", self.oldest_unbilled_days.to_cel()),
            ("entries_after_close", self.entries_after_close.to_cel()),
            ("recorded_hours", self.recorded_hours.to_cel()),
        ])
    }
}

impl ToCel for BillFacts {
    fn to_cel(&self) -> CelVal<'_> {
        record([
            ("issued", self.issued.to_cel()),
            ("outstanding", self.outstanding.to_cel()),
        ])
    }
}

impl ToCel for ClientMoneyFacts {
    fn to_cel(&self) -> CelVal<'_> {
        record([
            ("balance", self.balance.to_cel()),
            ("lowest_balance", self.lowest_balance.to_cel()),
            ("received", self.received.to_cel()),
        ])
    }
}

impl ToCel for ConflictFacts {
    fn to_cel(&self) -> CelVal<'_> {
        record([
            ("status", self.status.to_cel()),
            ("unresolved", self.unresolved.to_cel()),
            ("waived", self.waived.to_cel()),
        ])
    }
}

/// The event, with `checkpoint` as the one being evaluated.
fn event(event: &EventFacts, checkpoint: Checkpoint) -> CelVal<'_> {
    record([
        ("checkpoint", Box::new(CelString::from(checkpoint.as_str()))),
        ("from_stage", event.from_stage.to_cel()),
        ("to_stage", event.to_stage.to_cel()),
    ])
}

/// The CEL value of the top-level fact `name` (`event.checkpoint` set to `checkpoint`), or
/// `None` for a name that is not a top-level fact.
fn root<'f>(facts: &'f Facts, name: &str, checkpoint: Checkpoint) -> Option<CelVal<'f>> {
    Some(match name {
        "matter" => facts.matter.to_cel(),
        "clients" => facts.clients.to_cel(),
        "parties" => facts.parties.to_cel(),
        "workflow" => facts.workflow.to_cel(),
        "tasks" => facts.tasks.to_cel(),
        "deadlines" => facts.deadlines.to_cel(),
        "documents" => facts.documents.to_cel(),
        "time" => facts.time.to_cel(),
        "bills" => facts.bills.to_cel(),
        "client_money" => facts.client_money.to_cel(),
        "conflicts" => facts.conflicts.to_cel(),
        "today" => facts.today.to_cel(),
        "event" => event(&facts.event, checkpoint),
        _ => return None,
    })
}

/// The top-level facts of one matter bound as CEL variables: each built once, looked up by
/// name without a map of owned names.
pub(super) struct Bound<'f> {
    roots: Vec<(&'static str, CelVal<'f>)>,
}

impl<'f> Bound<'f> {
    /// Binds the top-level facts `names` of `facts` (`event.checkpoint` set to `checkpoint`):
    /// only those a condition reads (binding a variable costs more than evaluating a simple
    /// condition).
    pub(super) fn new(
        facts: &'f Facts,
        checkpoint: Checkpoint,
        names: impl IntoIterator<Item = &'static str>,
    ) -> Self {
        Self {
            roots: names
                .into_iter()
                .filter_map(|name| root(facts, name, checkpoint).map(|v| (name, v)))
                .collect(),
        }
    }

    /// A context in which conditions see these facts.
    pub(super) fn context<'b>(&'b self, env: &Arc<Env>) -> Context<'b, 'b> {
        let mut ctx = Context::with_env(Arc::clone(env));
        ctx.set_variable_resolver(self);
        ctx
    }
}

impl VariableResolver for Bound<'_> {
    fn resolve<'b>(&'b self, variable: &str) -> Option<CowVal<'b, 'b>> {
        self.roots
            .iter()
            .find(|(name, _)| *name == variable)
            .map(|(_, value)| CowVal::Borrowed(value.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    use cel::Value;

    use super::*;
    use crate::rules::schema::sample_facts;

    /// A root as serialising it gives (how facts were bound before).
    fn serialised(facts: &Facts, name: &str, checkpoint: Checkpoint) -> Value {
        let value = match name {
            "matter" => cel::to_value(&facts.matter),
            "clients" => cel::to_value(&facts.clients),
            "parties" => cel::to_value(&facts.parties),
            "workflow" => cel::to_value(&facts.workflow),
            "tasks" => cel::to_value(&facts.tasks),
            "deadlines" => cel::to_value(&facts.deadlines),
            "documents" => cel::to_value(&facts.documents),
            "time" => cel::to_value(&facts.time),
            "bills" => cel::to_value(&facts.bills),
            "client_money" => cel::to_value(&facts.client_money),
            "conflicts" => cel::to_value(&facts.conflicts),
            "today" => cel::to_value(&facts.today),
            _ => {
                let mut event = facts.event.clone();
                event.checkpoint = checkpoint.as_str().into();
                cel::to_value(&event)
            }
        };
        value.unwrap()
    }

    /// Equal and of the same types all the way down (CEL's own equality lets an int equal
    /// a double).
    fn same(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Map(a), Value::Map(b)) => {
                a.map.len() == b.map.len()
                    && a.map
                        .iter()
                        .all(|(k, v)| b.map.get(k).is_some_and(|w| same(v, w)))
            }
            (Value::List(a), Value::List(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(v, w)| same(v, w))
            }
            _ => std::mem::discriminant(a) == std::mem::discriminant(b) && a == b,
        }
    }

    /// The direct values equal what serialising the facts gives, for every top-level fact and
    /// checkpoint, on default facts and on facts with something in every list and map.
    #[test]
    fn direct_values_match_serialised_facts() {
        let mut busy = sample_facts();
        busy.event.from_stage = "a".into();
        busy.time.recorded_hours = 1.5;
        for facts in [Facts::default(), busy] {
            for name in ROOTS {
                for checkpoint in Checkpoint::ALL {
                    let direct = root(&facts, name, checkpoint).unwrap();
                    let actual = Value::try_from(direct.as_ref()).unwrap();
                    let expected = serialised(&facts, name, checkpoint);
                    assert!(
                        same(&actual, &expected),
                        "{name}: {actual:?} != {expected:?}"
                    );
                }
            }
        }
        assert!(!same(&Value::Int(0), &Value::Float(0.0)));
        assert!(root(&Facts::default(), "nothing", Checkpoint::Sweep).is_none());
    }
}
