//! The evaluation budget of a condition: limits on its size and shape, checked when a pack
//! loads, and an estimate of its cost on one matter's facts, checked before it is evaluated.
//!
//! What the `cel` crate (0.15) offers: its parser bounds its own recursion (96 levels by
//! default, lowered with `Parser::max_recursion_depth`), and nothing else — no node limit for
//! the default parser, no cost tracking or step limit while evaluating. Evaluation recurses
//! over the expression tree, so a long left-nested chain (`1 + 1 + … + 1`, which the parser
//! builds without recursing) overflows the stack, and nested loops over long lists run for as
//! long as their sizes multiply. So lexcase:
//!
//! - refuses at load a condition longer than [`MAX_CONDITION_CHARS`] or with more than
//!   [`MAX_OPERATOR_CHARS`] operator characters (both before parsing), nesting more than
//!   [`MAX_PARSE_NESTING`] levels in the parser, with more than [`MAX_NODES`] nodes, deeper
//!   than [`MAX_DEPTH`], with loops (the `all`, `exists`, `exists_one`, `map` and `filter`
//!   macros) nested more than [`MAX_LOOP_NESTING`] deep, or whose estimated cost on a matter
//!   with [`REFERENCE_SIZE`] elements in every list exceeds [`EVALUATION_BUDGET`];
//! - estimates the cost on each matter's own list sizes before evaluating the rule there: a
//!   rule over budget on a matter is reported as a finding that it could not be evaluated.
//!
//! The estimate counts expression nodes evaluated, each loop body once per element of the
//! list it runs over (the size of a fact list, of a literal list, or the largest list in
//! play when it cannot tell).

use cel::common::ast::{EntryExpr, Expr};
use cel::parser::Expression;

/// The longest condition accepted, in characters.
pub const MAX_CONDITION_CHARS: usize = 2_000;
/// The most operator characters (`+ - * / % < > = ! & | . [ ?`, in string literals too) a
/// condition may have. Each can add a level to a left-nested chain that the parser builds
/// without its recursion guard, and parsing or evaluating a deep chain overflows the stack:
/// this bounds the depth before anything is parsed.
pub const MAX_OPERATOR_CHARS: usize = 250;
/// The deepest nesting the parser accepts (brackets, calls, conditionals).
pub const MAX_PARSE_NESTING: u16 = 32;
/// The most nodes a parsed condition (its macros expanded) may have.
pub const MAX_NODES: usize = 500;
/// The deepest expression tree accepted. Evaluation recurses once per level, on the
/// caller's thread: 24 levels fit a 1 MiB thread stack (a JVM thread's) even in an
/// unoptimised build, where `cel` takes some 35 KiB per level; the built-in rules need 9.
pub const MAX_DEPTH: usize = 24;
/// The deepest nesting of loops (`all`, `exists`, `exists_one`, `map`, `filter`).
pub const MAX_LOOP_NESTING: usize = 3;
/// The most steps (nodes evaluated) a rule may take on one matter.
pub const EVALUATION_BUDGET: u64 = 1_000_000;
/// The list size a condition is costed with at load: every list of the facts this long.
pub const REFERENCE_SIZE: u64 = 100;

/// The size and shape of a parsed condition.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Measure {
    /// Nodes, macros expanded.
    pub nodes: usize,
    /// Depth of the tree (a lone literal is 1).
    pub depth: usize,
    /// Deepest nesting of loops.
    pub loops: usize,
    /// The longest literal list or map.
    pub longest_literal: usize,
}

/// The children of `e`, each with whether it runs inside `e`'s loop.
fn children(e: &Expression) -> Vec<(&Expression, bool)> {
    fn entry(entry: &EntryExpr) -> Vec<&Expression> {
        match entry {
            EntryExpr::StructField(field) => vec![&field.value],
            EntryExpr::MapEntry(pair) => vec![&pair.key, &pair.value],
        }
    }
    match &e.expr {
        Expr::Call(call) => call
            .target
            .iter()
            .map(|t| &**t)
            .chain(&call.args)
            .map(|c| (c, false))
            .collect(),
        Expr::Comprehension(c) => vec![
            (&c.iter_range, false),
            (&c.accu_init, false),
            (&c.loop_cond, true),
            (&c.loop_step, true),
            (&c.result, false),
        ],
        Expr::List(list) => list.elements.iter().map(|c| (c, false)).collect(),
        Expr::Map(map) => map
            .entries
            .iter()
            .flat_map(|e| entry(&e.expr))
            .map(|c| (c, false))
            .collect(),
        Expr::Struct(s) => s
            .entries
            .iter()
            .flat_map(|e| entry(&e.expr))
            .map(|c| (c, false))
            .collect(),
        Expr::Select(select) => vec![(&*select.operand, false)],
        Expr::Ident(_) | Expr::Literal(_) | Expr::Unspecified => Vec::new(),
    }
}

/// Measures `root` without recursing (the tree may be far deeper than the stack allows).
pub(crate) fn measure(root: &Expression) -> Measure {
    let mut m = Measure::default();
    let mut stack = vec![(root, 1, 0)];
    while let Some((e, depth, loops)) = stack.pop() {
        m.nodes += 1;
        m.depth = m.depth.max(depth);
        m.loops = m.loops.max(loops);
        let literal = match &e.expr {
            Expr::List(list) => list.elements.len(),
            Expr::Map(map) => map.entries.len(),
            _ => 0,
        };
        m.longest_literal = m.longest_literal.max(literal);
        for (child, in_loop) in children(e) {
            stack.push((child, depth + 1, loops + usize::from(in_loop)));
        }
    }
    m
}

/// Checks the text of a condition before it is parsed: its length and operator characters.
pub(crate) fn check_text(condition: &str) -> Result<(), String> {
    let over = |what: String| {
        Err(format!(
            "the condition exceeds the evaluation budget: {what}"
        ))
    };
    let chars = condition.chars().count();
    if chars > MAX_CONDITION_CHARS {
        return over(format!(
            "{chars} characters (at most {MAX_CONDITION_CHARS})"
        ));
    }
    let operators = condition
        .chars()
        .filter(|c| "+-*/%<>=!&|.[?".contains(*c))
        .count();
    if operators > MAX_OPERATOR_CHARS {
        return over(format!(
            "{operators} operator characters (at most {MAX_OPERATOR_CHARS})"
        ));
    }
    Ok(())
}

/// Checks the measure against the limits; the problem in words when it is over one.
pub(crate) fn check_shape(m: &Measure) -> Result<(), String> {
    let over = |what: String| {
        Err(format!(
            "the condition exceeds the evaluation budget: {what}"
        ))
    };
    if m.nodes > MAX_NODES {
        return over(format!("{} nodes (at most {MAX_NODES})", m.nodes));
    }
    if m.depth > MAX_DEPTH {
        return over(format!("nested {} deep (at most {MAX_DEPTH})", m.depth));
    }
    if m.loops > MAX_LOOP_NESTING {
        return over(format!(
            "loops nested {} deep (at most {MAX_LOOP_NESTING})",
            m.loops
        ));
    }
    Ok(())
}

/// The list sizes one matter's facts give, for the estimate.
pub(crate) struct Sizes<'a> {
    /// The size of the fact collection at a path (`parties`, `workflow.done`), if it is one.
    pub collection: &'a dyn Fn(&str) -> Option<u64>,
    /// The longest list or map in play (facts and literals): the size of any other list.
    pub largest: u64,
}

/// The dotted fact path `e` names, unless it starts at a loop variable.
fn fact_path(e: &Expression, bound: &[&str]) -> Option<String> {
    let mut segments = Vec::new();
    let mut at = e;
    loop {
        match &at.expr {
            Expr::Ident(name) if !bound.contains(&name.as_str()) => {
                segments.push(name.as_str());
                segments.reverse();
                return Some(segments.join("."));
            }
            Expr::Select(select) if !select.test => {
                segments.push(select.field.as_str());
                at = &select.operand;
            }
            _ => return None,
        }
    }
}

/// An upper bound on the length of the list or map `e` gives.
fn size(e: &Expression, bound: &[&str], sizes: &Sizes<'_>) -> f64 {
    match &e.expr {
        Expr::List(list) => list.elements.len() as f64,
        Expr::Map(map) => map.entries.len() as f64,
        Expr::Call(call) if call.func_name == "_+_" && call.args.len() == 2 => {
            call.args.iter().map(|a| size(a, bound, sizes)).sum()
        }
        Expr::Comprehension(c) => size(&c.iter_range, bound, sizes),
        _ => fact_path(e, bound)
            .and_then(|p| (sizes.collection)(&p))
            .unwrap_or(sizes.largest) as f64,
    }
}

/// The estimated steps of evaluating `e`. Recurses: call it on a tree whose depth passed
/// [`check_shape`].
fn cost_of<'e>(e: &'e Expression, bound: &mut Vec<&'e str>, sizes: &Sizes<'_>) -> f64 {
    let Expr::Comprehension(c) = &e.expr else {
        return 1.0
            + children(e)
                .into_iter()
                .map(|(child, _)| cost_of(child, bound, sizes))
                .sum::<f64>();
    };
    let outside = cost_of(&c.iter_range, bound, sizes) + cost_of(&c.accu_init, bound, sizes);
    let times = size(&c.iter_range, bound, sizes);
    let before = bound.len();
    bound.push(&c.iter_var);
    if let Some(second) = &c.iter_var2 {
        bound.push(second);
    }
    bound.push(&c.accu_var);
    let body = cost_of(&c.loop_cond, bound, sizes) + cost_of(&c.loop_step, bound, sizes);
    let result = cost_of(&c.result, bound, sizes);
    bound.truncate(before);
    1.0 + outside + times * body + result
}

/// The estimated steps of evaluating `e` with `sizes`, rounded up (saturating).
pub(crate) fn cost(e: &Expression, sizes: &Sizes<'_>) -> u64 {
    let steps = cost_of(e, &mut Vec::new(), sizes).ceil();
    if steps >= u64::MAX as f64 {
        u64::MAX
    } else {
        steps as u64
    }
}

/// The cost with every fact list [`REFERENCE_SIZE`] long, checked against the budget.
pub(crate) fn check_reference_cost(e: &Expression, m: &Measure) -> Result<(), String> {
    let sizes = Sizes {
        collection: &|_| Some(REFERENCE_SIZE),
        largest: REFERENCE_SIZE.max(m.longest_literal as u64),
    };
    let steps = cost(e, &sizes);
    if steps > EVALUATION_BUDGET {
        return Err(format!(
            "the condition exceeds the evaluation budget: about {steps} steps on a matter with \
             {REFERENCE_SIZE} parties, deadlines and other list entries (at most \
             {EVALUATION_BUDGET})"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(src: &str) -> Expression {
        cel::Env::stdlib()
            .compile(src)
            .unwrap()
            .expression()
            .clone()
    }

    fn sizes(n: u64) -> impl Fn(&str) -> Option<u64> {
        move |path| matches!(path, "parties" | "clients").then_some(n)
    }

    #[test]
    fn measures_nodes_depth_and_loops_without_recursing() {
        let m = measure(&parsed(
            "parties.exists(p, clients.all(c, c.name != p.name))",
        ));
        assert_eq!(m.loops, 2);
        assert!(m.depth > 4 && m.nodes > 10, "{m:?}");
        let chain = vec!["1"; 200].join(" + ");
        let m = measure(&parsed(&format!("{chain} > 0")));
        assert!(m.depth > 200 && check_shape(&m).is_err());
        assert!(check_text(&chain).is_ok());
        assert!(check_text(&vec!["1"; 300].join("+")).is_err());
        assert!(check_text(&"x".repeat(MAX_CONDITION_CHARS + 1)).is_err());
        assert_eq!(measure(&parsed("[1, 2, 3].size() > 0")).longest_literal, 3);
    }

    #[test]
    fn cost_grows_with_the_lists_a_loop_runs_over() {
        let e = parsed("parties.exists(p, clients.all(c, c.name != p.name))");
        let lookup = sizes(10);
        let small = cost(
            &e,
            &Sizes {
                collection: &lookup,
                largest: 10,
            },
        );
        let lookup = sizes(1_000);
        let large = cost(
            &e,
            &Sizes {
                collection: &lookup,
                largest: 1_000,
            },
        );
        assert!(small < 2_000, "{small}");
        assert!(large > EVALUATION_BUDGET, "{large}");
        // A loop over a literal list costs its length, whatever the facts.
        let literal = parsed("[1, 2, 3].all(x, x > 0)");
        let lookup = sizes(1_000_000);
        let c = cost(
            &literal,
            &Sizes {
                collection: &lookup,
                largest: 1_000_000,
            },
        );
        assert!(c < 50, "{c}");
        // Loop variables that shadow a fact are not the fact.
        let shadow = parsed("[[1], [2]].all(parties, parties.all(x, x > 0))");
        let lookup = sizes(1_000_000);
        let c = cost(
            &shadow,
            &Sizes {
                collection: &lookup,
                largest: 1,
            },
        );
        assert!(c < 100, "{c}");
    }

    #[test]
    fn the_reference_cost_refuses_loops_over_loops_over_loops() {
        let two = parsed("parties.exists(p, clients.all(c, c.name != p.name))");
        assert!(check_reference_cost(&two, &measure(&two)).is_ok());
        let three =
            parsed("parties.exists(a, parties.exists(b, parties.exists(c, a.name == c.name)))");
        let problem = check_reference_cost(&three, &measure(&three)).unwrap_err();
        assert!(problem.contains("budget"), "{problem}");
    }
}
