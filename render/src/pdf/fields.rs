//! The merge fields a Typst part names: every `data.a.b` chain, and chains through a variable
//! bound by `for x in data.a.b`, checked against the catalogue whatever branch they sit in.

use lexcase::Result;
use lexcase::templates::{DocumentTemplate, FieldCatalogue, TemplatePart};
use typst::syntax::ast::{self, AstNode, Expr, Pattern};
use typst::syntax::{Source, SyntaxNode};

use crate::fields::unknown_field;

/// A named path and the byte where it starts.
struct Named {
    path: String,
    at: usize,
}

/// Walks a syntax tree, knowing which variables loops bound to which paths.
struct Walker<'a> {
    bound: Vec<(String, String)>,
    named: Vec<Named>,
    source: &'a Source,
}

impl Walker<'_> {
    /// The path an expression names: `data` is the root, a loop variable its list's element.
    fn path_of(&self, expr: Expr<'_>) -> Option<String> {
        match expr {
            Expr::Ident(ident) if ident.as_str() == "data" => Some(String::new()),
            Expr::Ident(ident) => self
                .bound
                .iter()
                .rev()
                .find(|(name, _)| name == ident.as_str())
                .map(|(_, path)| path.clone()),
            Expr::FieldAccess(access) => self.path_of(access.target()).map(|parent| {
                let field = access.field();
                if parent.is_empty() {
                    field.as_str().to_owned()
                } else {
                    format!("{parent}.{}", field.as_str())
                }
            }),
            _ => None,
        }
    }

    fn offset(&self, node: &SyntaxNode) -> usize {
        self.source.find(node.span()).map_or(0, |n| n.offset())
    }

    fn walk(&mut self, node: &SyntaxNode, is_callee: bool) {
        if let Some(access) = node.cast::<ast::FieldAccess>() {
            // A method call (`data.bill.lines.len()`) names its target, not the method.
            if !is_callee && let Some(path) = self.path_of(Expr::FieldAccess(access)) {
                let at = self.offset(node);
                self.named.push(Named { path, at });
            }
            self.walk(access.target().to_untyped(), false);
            return;
        }
        if let Some(call) = node.cast::<ast::FuncCall>() {
            self.walk(call.callee().to_untyped(), true);
            self.walk(call.args().to_untyped(), false);
            return;
        }
        if let Some(for_loop) = node.cast::<ast::ForLoop>() {
            let iterable = for_loop.iterable();
            self.walk(iterable.to_untyped(), false);
            let binding = match (for_loop.pattern(), self.path_of(iterable)) {
                (Pattern::Normal(Expr::Ident(name)), Some(path)) => {
                    Some((name.as_str().to_owned(), format!("{path}[]")))
                }
                _ => None,
            };
            let pushed = binding.is_some();
            self.bound.extend(binding);
            self.walk(for_loop.body().to_untyped(), false);
            if pushed {
                self.bound.pop();
            }
            return;
        }
        for child in node.children() {
            self.walk(child, false);
        }
    }
}

/// Checks every path a Typst part names against `fields`.
pub(crate) fn check(
    template: &DocumentTemplate,
    source: &Source,
    fields: &FieldCatalogue,
) -> Result<()> {
    let mut walker = Walker {
        bound: Vec::new(),
        named: Vec::new(),
        source,
    };
    walker.walk(source.root(), false);
    let source = source.text();
    for named in walker.named {
        if !named.path.is_empty() && !crate::fields::known(fields, &named.path) {
            let line = source
                .get(..named.at)
                .map(|before| before.matches('\n').count() + 1)
                .and_then(|l| u32::try_from(l).ok());
            return Err(unknown_field(
                template,
                TemplatePart::Typst,
                &named.path,
                line,
            ));
        }
    }
    Ok(())
}
