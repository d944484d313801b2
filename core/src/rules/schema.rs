//! The shape of the fact model, and the static check of a CEL condition against it.
//!
//! The shape is derived from a *sample* [`Facts`]: the default facts with one default element
//! in every list and one entry in every map, serialized to JSON. Objects are structs, except
//! the paths in [`MAP_PATHS`], which are maps with free keys. A new field in `facts.rs` is
//! picked up automatically; a new map field must be added to [`MAP_PATHS`].
//!
//! The check walks the parsed expression: every identifier must be a top-level fact (or a
//! comprehension variable such as `c` in `clients.exists(c, …)`), and every member-access chain
//! must follow struct fields; a member of a map (`documents.signed.contingency_agreement`) or a
//! map index (`documents.categories["x"]`) is a key, allowed to be missing at runtime.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use cel::common::ast::{EntryExpr, Expr, LiteralValue};
use cel::parser::Expression;

use super::facts::{ClientFacts, DeadlineFacts, Facts, PartyFacts};

/// Paths of the fact model that are maps with free keys.
pub(crate) const MAP_PATHS: &[&str] = &[
    "matter.key_dates",
    "matter.custom",
    "documents.categories",
    "documents.signed",
    "documents.first_filed",
];

/// CEL type identifiers a condition may name (`type(x) == int`).
const TYPE_NAMES: &[&str] = &[
    "int",
    "uint",
    "double",
    "bool",
    "string",
    "bytes",
    "list",
    "map",
    "null_type",
    "type",
];

/// The shape of a fact value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    /// A number, string or boolean.
    Scalar,
    /// A list of values of one shape.
    List(Box<Shape>),
    /// A map from free string keys to values of one shape.
    Map(Box<Shape>),
    /// A record with known fields.
    Struct(BTreeMap<String, Shape>),
}

/// Facts with one element in every list and one entry in every map.
pub(crate) fn sample_facts() -> Facts {
    let mut f = Facts::default();
    let one = || BTreeMap::from([("k".to_string(), String::new())]);
    f.matter.key_dates = one();
    f.matter.custom = one();
    f.documents.first_filed = one();
    f.documents.categories = BTreeMap::from([("k".to_string(), 0)]);
    f.documents.signed = BTreeMap::from([("k".to_string(), 0)]);
    f.clients = vec![ClientFacts::default()];
    f.parties = vec![PartyFacts::default()];
    f.deadlines = vec![DeadlineFacts::default()];
    f.workflow.done = vec![String::new()];
    f.workflow.outstanding = vec![String::new()];
    f
}

fn shape_of(value: &serde_json::Value, path: &str) -> Shape {
    match value {
        serde_json::Value::Array(items) => Shape::List(Box::new(
            items
                .first()
                .map_or(Shape::Scalar, |v| shape_of(v, &format!("{path}[]"))),
        )),
        serde_json::Value::Object(fields) if MAP_PATHS.contains(&path) => Shape::Map(Box::new(
            fields
                .values()
                .next()
                .map_or(Shape::Scalar, |v| shape_of(v, &format!("{path}{{}}"))),
        )),
        serde_json::Value::Object(fields) => Shape::Struct(
            fields
                .iter()
                .map(|(k, v)| {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    (k.clone(), shape_of(v, &p))
                })
                .collect(),
        ),
        _ => Shape::Scalar,
    }
}

/// The shape of [`Facts`].
pub(crate) static FACTS_SHAPE: LazyLock<Shape> = LazyLock::new(|| {
    serde_json::to_value(sample_facts())
        .map(|v| shape_of(&v, ""))
        .unwrap_or(Shape::Struct(BTreeMap::new()))
});

/// Checks a dotted fact path (as used in message placeholders); map members are free keys.
pub(crate) fn check_path(path: &str) -> Result<(), String> {
    let mut shape = &*FACTS_SHAPE;
    let mut walked = String::new();
    for segment in path.split('.') {
        if segment.is_empty() {
            return Err(format!("`{path}` is not a fact path"));
        }
        shape = match shape {
            Shape::Struct(fields) => fields
                .get(segment)
                .ok_or_else(|| format!("unknown fact `{walked}{segment}`"))?,
            Shape::Map(value) => value,
            _ => return Err(format!("fact `{walked}` has no member `{segment}`")),
        };
        walked.push_str(segment);
        walked.push('.');
    }
    Ok(())
}

/// What the walker knows about a sub-expression.
#[derive(Clone)]
enum Ty<'s> {
    /// A fact of this shape, with its path when rooted at a top-level fact.
    Fact(&'s Shape, Option<Vec<String>>),
    /// Anything else (computed values, literals).
    Dyn,
}

/// Walks a parsed condition, checking fact references and collecting the paths read.
pub(crate) struct Walker<'s> {
    root: &'s Shape,
    scopes: Vec<(String, Ty<'s>)>,
    /// Every fact path read (prefixes included; see [`Walker::paths`]).
    refs: BTreeSet<Vec<String>>,
    /// The first problem found.
    pub error: Option<String>,
}

impl<'s> Walker<'s> {
    /// A walker over the fact model.
    pub(crate) fn new() -> Walker<'static> {
        Walker {
            root: &FACTS_SHAPE,
            scopes: Vec::new(),
            refs: BTreeSet::new(),
            error: None,
        }
    }

    fn fail(&mut self, msg: String) -> Ty<'s> {
        if self.error.is_none() {
            self.error = Some(msg);
        }
        Ty::Dyn
    }

    fn fact(&mut self, shape: &'s Shape, path: Option<Vec<String>>) -> Ty<'s> {
        if let Some(p) = &path {
            self.refs.insert(p.clone());
        }
        Ty::Fact(shape, path)
    }

    /// The fact paths read, longest only (`matter` is dropped when `matter.status` is read).
    pub(crate) fn paths(&self) -> Vec<Vec<String>> {
        self.refs
            .iter()
            .filter(|p| {
                !self
                    .refs
                    .iter()
                    .any(|q| q.len() > p.len() && q.starts_with(p))
            })
            .cloned()
            .collect()
    }

    fn member(&mut self, ty: Ty<'s>, field: &str) -> Ty<'s> {
        let Ty::Fact(shape, path) = ty else {
            return Ty::Dyn;
        };
        let extended = path.map(|mut p| {
            p.push(field.to_string());
            p
        });
        let shown = || extended.clone().unwrap_or_default().join(".");
        match shape {
            Shape::Struct(fields) => match fields.get(field) {
                Some(s) => self.fact(s, extended),
                None => {
                    let msg = format!("unknown fact field `{field}` (in `{}`)", shown());
                    self.fail(msg)
                }
            },
            Shape::Map(value) => self.fact(value, extended),
            _ => {
                let msg = format!("`{}`: a list or value has no fields", shown());
                self.fail(msg)
            }
        }
    }

    /// Walks a whole condition; problems end up in [`Walker::error`].
    pub(crate) fn check(&mut self, e: &Expression) {
        self.walk(e);
    }

    /// Walks one expression.
    fn walk(&mut self, e: &Expression) -> Ty<'s> {
        match &e.expr {
            Expr::Ident(name) => {
                if let Some((_, ty)) = self.scopes.iter().rev().find(|(n, _)| n == name) {
                    return ty.clone();
                }
                let root = self.root;
                match root {
                    Shape::Struct(fields) if fields.contains_key(name) => {
                        self.fact(&fields[name], Some(vec![name.clone()]))
                    }
                    _ if TYPE_NAMES.contains(&name.as_str()) => Ty::Dyn,
                    _ => self.fail(format!("unknown fact `{name}`")),
                }
            }
            Expr::Select(sel) => {
                let operand = self.walk(&sel.operand);
                let ty = self.member(operand, &sel.field);
                if sel.test { Ty::Dyn } else { ty }
            }
            Expr::Call(call) => {
                let target = call.target.as_ref().map(|t| self.walk(t));
                let args: Vec<Ty<'s>> = call.args.iter().map(|a| self.walk(a)).collect();
                if call.func_name == "_[_]" && target.is_none() && args.len() == 2 {
                    let key = match &call.args[1].expr {
                        Expr::Literal(LiteralValue::String(s)) => Some(s.inner().to_string()),
                        _ => None,
                    };
                    return match (&args[0], key) {
                        (Ty::Fact(Shape::Map(_), _), Some(k)) => self.member(args[0].clone(), &k),
                        (Ty::Fact(Shape::Map(v), _), None) => Ty::Fact(v, None),
                        (Ty::Fact(Shape::List(v), _), _) => Ty::Fact(v, None),
                        _ => Ty::Dyn,
                    };
                }
                Ty::Dyn
            }
            Expr::Comprehension(c) => {
                let range = self.walk(&c.iter_range);
                let elem = match range {
                    Ty::Fact(Shape::List(v), _) => Ty::Fact(v, None),
                    Ty::Fact(Shape::Map(_), _) => Ty::Fact(&Shape::Scalar, None),
                    _ => Ty::Dyn,
                };
                self.walk(&c.accu_init);
                let depth = self.scopes.len();
                self.scopes.push((c.iter_var.clone(), elem));
                if let Some(v2) = &c.iter_var2 {
                    self.scopes.push((v2.clone(), Ty::Dyn));
                }
                self.scopes.push((c.accu_var.clone(), Ty::Dyn));
                self.walk(&c.loop_cond);
                self.walk(&c.loop_step);
                self.walk(&c.result);
                self.scopes.truncate(depth);
                Ty::Dyn
            }
            Expr::List(list) => {
                for item in &list.elements {
                    self.walk(item);
                }
                Ty::Dyn
            }
            Expr::Map(map) => {
                for entry in &map.entries {
                    self.walk_entry(&entry.expr);
                }
                Ty::Dyn
            }
            Expr::Struct(st) => {
                for entry in &st.entries {
                    self.walk_entry(&entry.expr);
                }
                Ty::Dyn
            }
            Expr::Literal(_) | Expr::Unspecified => Ty::Dyn,
        }
    }

    fn walk_entry(&mut self, entry: &EntryExpr) {
        match entry {
            EntryExpr::StructField(f) => {
                self.walk(&f.value);
            }
            EntryExpr::MapEntry(m) => {
                self.walk(&m.key);
                self.walk(&m.value);
            }
        }
    }
}

/// Checks the keys of a partial facts document (a rule test's facts) against the model.
pub(crate) fn check_partial(
    value: &serde_json::Value,
    shape: &Shape,
    path: &str,
) -> Result<(), String> {
    match (value, shape) {
        (serde_json::Value::Object(fields), Shape::Struct(known)) => {
            for (k, v) in fields {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                let s = known.get(k).ok_or_else(|| format!("unknown fact `{p}`"))?;
                check_partial(v, s, &p)?;
            }
            Ok(())
        }
        (serde_json::Value::Object(fields), Shape::Map(s)) => {
            for (k, v) in fields {
                check_partial(v, s, &format!("{path}.{k}"))?;
            }
            Ok(())
        }
        (serde_json::Value::Array(items), Shape::List(s)) => {
            for v in items {
                check_partial(v, s, &format!("{path}[]"))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}
