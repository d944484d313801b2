//! The services' part of the type stub, generated from this crate's own source: every
//! hand-written `#[pyclass]` (the firm, the services, `RenderRequest`; not `Page`, which is
//! generic, nor `Session`, whose methods a macro writes: both stay in `_lexcase.pyi`) with its
//! `#[pymethods]`.
//!
//! A method's parameters, their order, kinds (`*`, `/`) and defaults come from its
//! `#[pyo3(signature = …)]`, each parameter's type from its Rust type ([`hint`]) unless the
//! signature annotates it (`format: "Literal['pdf', 'html']" = "pdf"`, pyo3's own syntax, also
//! `-> "Page[Matter]"` for the return), and the docstrings from the doc comments. A type the
//! rules do not know fails the test, naming the method to annotate.
//!
//! The methods of the record classes (constructors, computations), declared in the
//! `methods { … }` block of their `py_record!`, are read the same way ([`Generated::records`])
//! and written into `records.pyi` by `lexcase_python::stub::generate`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use proc_macro2::{TokenStream, TokenTree};
use syn::{Attribute, FnArg, ImplItem, Item, Lit, PathArguments, ReturnType, Type};

/// The classes written by hand in `_lexcase.pyi` rather than generated: `Page` is generic,
/// `Session`'s properties are written by a macro.
const HAND_WRITTEN: &[&str] = &["Page", "Session"];

/// The generated stub's header.
const HEADER: &str = r#"# Generated from the #[pymethods] of bindings/python/src by
# `LEXCASE_BLESS=1 cargo test -p lexcase-python generated_stub`: do not edit.
"""The firm, the session and the services of ``lexcase._lexcase`` (generated)."""

import builtins
import datetime
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Literal, final

from lexcase._lexcase import Page, Session, _CustomValueArg, _Progress, _Sender
from lexcase.generated.records import *
from lexcase.generated.records import _Amount, _Json
"#;

/// A class found in the source.
struct Class {
    name: String,
    rust: String,
    doc: String,
    methods: Vec<String>,
}

/// What the source gives.
pub struct Generated {
    /// The stub, `services.pyi`.
    pub stub: String,
    /// Its run-time module, `services.py`.
    pub module: String,
    /// The stub of each record class's methods, by Python class name.
    pub records: BTreeMap<String, String>,
}

/// The stub (`services.pyi`), its run-time module (`services.py`) and the record classes'
/// methods from the sources under `src`, or the list of methods whose types must be annotated.
pub fn generate(src: &Path) -> Result<Generated, Vec<String>> {
    let mut files = Vec::new();
    read_sources(src, &mut files);
    let mut classes = Vec::new();
    let mut impls = Vec::new();
    let mut records = BTreeMap::new();
    let mut missing = Vec::new();
    for file in &files {
        for item in &file.items {
            match item {
                Item::Macro(m) if m.mac.path.is_ident("py_record") => {
                    if let Some((name, methods)) = record_methods(&m.mac.tokens) {
                        let stubs = methods_of(&name, &methods, &mut missing);
                        records.insert(name, stubs.concat());
                    }
                }
                Item::Struct(s) => {
                    if let Some(name) = pyclass_name(&s.attrs)
                        && !HAND_WRITTEN.contains(&name.as_str())
                    {
                        classes.push(Class {
                            name,
                            rust: s.ident.to_string(),
                            doc: doc(&s.attrs),
                            methods: Vec::new(),
                        });
                    }
                }
                Item::Impl(i) if has(&i.attrs, "pymethods") => impls.push(i),
                _ => {}
            }
        }
    }
    for class in &mut classes {
        for block in impls.iter().filter(|i| type_name(&i.self_ty) == class.rust) {
            let mut stubs = methods_of(&class.name, &block.items, &mut missing);
            class.methods.append(&mut stubs);
        }
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    classes.sort_by(|a, b| a.name.cmp(&b.name));
    let names: Vec<&str> = classes.iter().map(|c| c.name.as_str()).collect();
    let all = lexcase_python::stub::all(&names);
    let mut stub = format!("{HEADER}\n{all}");
    for class in &classes {
        let _ = write!(stub, "\n@final\nclass {}:\n", class.name);
        stub.push_str(&lexcase_python::stub::docstring_text(&class.doc, 4));
        // A class with a method named `list` shadows the builtin in its own annotations.
        let shadows_list = class.methods.iter().any(|m| m.contains("    def list("));
        for method in &class.methods {
            stub.push('\n');
            match shadows_list {
                true => stub.push_str(&method.replace(" list[", " builtins.list[")),
                false => stub.push_str(method),
            }
        }
    }
    Ok(Generated {
        stub,
        module: lexcase_python::stub::runtime_module("services", &names, &all),
        records,
    })
}

/// The stubs of `items` of class `class`, adding what must be annotated to `missing`.
fn methods_of(class: &str, items: &[ImplItem], missing: &mut Vec<String>) -> Vec<String> {
    let mut stubs = Vec::new();
    for item in items {
        // `__repr__` and the like need no stub.
        if let ImplItem::Fn(f) = item
            && !f.sig.ident.to_string().starts_with("__")
        {
            match method(class, f) {
                Ok(text) => stubs.push(text),
                Err(mut what) => missing.append(&mut what),
            }
        }
    }
    stubs
}

/// The Python name (`as "Name"`) and the `methods { … }` of a `py_record!` invocation, when it
/// has methods.
fn record_methods(tokens: &TokenStream) -> Option<(String, Vec<ImplItem>)> {
    let tokens: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let name = tokens.windows(2).find_map(|w| match w {
        [TokenTree::Ident(a), TokenTree::Literal(l)] if a == "as" => Some(unquote(&l.to_string())),
        _ => None,
    })?;
    let body = tokens.windows(2).find_map(|w| match w {
        [TokenTree::Ident(m), TokenTree::Group(g)] if m == "methods" => Some(g.stream()),
        _ => None,
    })?;
    let items = syn::parse::Parser::parse2(
        |input: syn::parse::ParseStream<'_>| {
            let mut items = Vec::new();
            while !input.is_empty() {
                items.push(input.parse::<ImplItem>()?);
            }
            Ok(items)
        },
        body,
    )
    .expect("a py_record!'s methods parse as impl items");
    Some((name, items))
}

/// Parses every `.rs` file under `dir`.
fn read_sources(dir: &Path, out: &mut Vec<syn::File>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("the source directory is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file is readable");
            out.push(syn::parse_file(&text).expect("the source parses"));
        }
    }
}

/// Whether `attrs` holds `#[name…]`.
fn has(attrs: &[Attribute], name: &str) -> bool {
    attrs.iter().any(|a| a.path().is_ident(name))
}

/// The Python name of a `#[pyclass(…, name = "X")]`.
fn pyclass_name(attrs: &[Attribute]) -> Option<String> {
    let attr = attrs.iter().find(|a| a.path().is_ident("pyclass"))?;
    let tokens: Vec<TokenTree> = attr
        .meta
        .require_list()
        .ok()?
        .tokens
        .clone()
        .into_iter()
        .collect();
    tokens.windows(3).find_map(|w| match w {
        [
            TokenTree::Ident(i),
            TokenTree::Punct(p),
            TokenTree::Literal(l),
        ] if i == "name" && p.as_char() == '=' => Some(l.to_string().trim_matches('"').to_owned()),
        _ => None,
    })
}

/// The doc comment of an item, one line per `///` line.
fn doc(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta.require_name_value().ok()?.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: Lit::Str(s), ..
            }) => Some(s.value()),
            _ => None,
        })
        .map(|line| line.strip_prefix(' ').unwrap_or(&line).to_owned())
        .collect();
    lines.join("\n")
}

/// The last identifier of a type's path (`PyMatterService`).
fn type_name(ty: &Type) -> String {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        Type::Reference(r) => Some(type_name(&r.elem)),
        _ => None,
    }
    .unwrap_or_default()
}

/// One parameter of the Python signature.
enum Param {
    /// `*` or `/`.
    Marker(String),
    /// A named parameter, its annotation and its default as written in the signature.
    Named {
        name: String,
        annotation: Option<String>,
        default: Option<String>,
    },
}

/// A `#[pyo3(signature = (…) -> "…")]`: its parameters and the annotated return type.
fn signature(attrs: &[Attribute]) -> Option<(Vec<Param>, Option<String>)> {
    let tokens: Vec<TokenTree> = attrs
        .iter()
        .filter(|a| a.path().is_ident("pyo3"))
        .filter_map(|a| a.meta.require_list().ok())
        .flat_map(|l| l.tokens.clone())
        .collect();
    let at = tokens
        .iter()
        .position(|t| matches!(t, TokenTree::Ident(i) if i == "signature"))?;
    let TokenTree::Group(group) = tokens.get(at + 2)? else {
        return None;
    };
    let returns = match (tokens.get(at + 3), tokens.get(at + 4), tokens.get(at + 5)) {
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)), Some(TokenTree::Literal(l)))
            if a.as_char() == '-' && b.as_char() == '>' =>
        {
            Some(unquote(&l.to_string()))
        }
        _ => None,
    };
    let params = split_commas(group.stream())
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| param(&p))
        .collect();
    Some((params, returns))
}

/// The token runs between top-level commas.
fn split_commas(stream: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut out = vec![Vec::new()];
    for token in stream {
        match &token {
            TokenTree::Punct(p) if p.as_char() == ',' => out.push(Vec::new()),
            _ => out.last_mut().expect("one run at least").push(token),
        }
    }
    out
}

/// One signature item: `*`, `/`, `name`, `name: "T"`, `name = default`, `name: "T" = default`.
fn param(tokens: &[TokenTree]) -> Param {
    match tokens {
        [TokenTree::Punct(p)] => Param::Marker(p.as_char().to_string()),
        [TokenTree::Ident(name), rest @ ..] => {
            let (annotation, rest) = match rest {
                [TokenTree::Punct(colon), TokenTree::Literal(l), rest @ ..]
                    if colon.as_char() == ':' =>
                {
                    (Some(unquote(&l.to_string())), rest)
                }
                _ => (None, rest),
            };
            let default = match rest {
                [TokenTree::Punct(eq), value @ ..] if eq.as_char() == '=' => {
                    Some(python_default(value))
                }
                _ => None,
            };
            Param::Named {
                name: name.to_string().trim_start_matches("r#").to_owned(),
                annotation,
                default,
            }
        }
        other => panic!("a signature item this generator does not read: {other:?}"),
    }
}

/// A string literal's text.
fn unquote(literal: &str) -> String {
    literal.trim_matches('"').replace("\\\"", "\"")
}

/// A default as Python writes it: literals as they are, anything computed as `...`.
fn python_default(value: &[TokenTree]) -> String {
    match value {
        [TokenTree::Ident(i)] if i == "None" => "None".to_owned(),
        [TokenTree::Ident(i)] if i == "true" => "True".to_owned(),
        [TokenTree::Ident(i)] if i == "false" => "False".to_owned(),
        [TokenTree::Literal(l)] => l.to_string(),
        [TokenTree::Punct(minus), TokenTree::Literal(l)] if minus.as_char() == '-' => {
            format!("-{l}")
        }
        _ => "...".to_owned(),
    }
}

/// `hint` with the class's own type (`Self`, as in `-> PyResult<Self>` or `Option<Self>`)
/// written as the class.
fn own_class(hint: &str, class: &str) -> String {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::new();
    let mut rest = hint;
    while let Some(at) = rest.find("Self") {
        let before = rest[..at].chars().next_back();
        let after = rest[at + 4..].chars().next();
        out.push_str(&rest[..at]);
        match before.is_some_and(word) || after.is_some_and(word) {
            true => out.push_str("Self"),
            false => out.push_str(class),
        }
        rest = &rest[at + 4..];
    }
    out.push_str(rest);
    out
}

/// Whether a method is one this generator does not write: a `#[classmethod]`, or one renamed
/// with `#[pyo3(name = …)]` (its Python name is not its Rust name).
fn unsupported(f: &syn::ImplItemFn) -> bool {
    let renamed = f
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("pyo3"))
        .filter_map(|a| a.meta.require_list().ok())
        .any(|l| {
            let tokens: Vec<TokenTree> = l.tokens.clone().into_iter().collect();
            tokens.windows(2).any(|w| {
                matches!(w, [TokenTree::Ident(i), TokenTree::Punct(p)] if i == "name" && p.as_char() == '=')
            })
        });
    renamed || has(&f.attrs, "classmethod")
}

/// The stub of one method, or what must be annotated.
fn method(class: &str, f: &syn::ImplItemFn) -> Result<String, Vec<String>> {
    if unsupported(f) {
        return Err(vec![format!(
            "{class}.{}: a #[classmethod] or #[pyo3(name = …)] method, which tests/stub/services.rs does not write yet",
            f.sig.ident
        )]);
    }
    let name = f.sig.ident.to_string();
    let rust_params: Vec<(String, &Type, bool)> = f
        .sig
        .inputs
        .iter()
        .filter_map(|arg| match arg {
            FnArg::Typed(t) => match &*t.pat {
                syn::Pat::Ident(i) => Some((
                    i.ident.to_string().trim_start_matches("r#").to_owned(),
                    &*t.ty,
                    is_int_argument(&t.attrs),
                )),
                _ => None,
            },
            FnArg::Receiver(_) => None,
        })
        .filter(|(_, ty, _)| !is_implicit(ty))
        .collect();
    let (params, returns) = signature(&f.attrs).unwrap_or_else(|| {
        let params = rust_params
            .iter()
            .map(|(name, _, _)| Param::Named {
                name: name.clone(),
                annotation: None,
                default: None,
            })
            .collect();
        (params, None)
    });
    let mut missing = Vec::new();
    let mut rendered = Vec::new();
    for p in &params {
        match p {
            Param::Marker(m) => rendered.push(m.clone()),
            Param::Named {
                name,
                annotation,
                default,
            } => {
                let rust = rust_params.iter().find(|(n, _, _)| n == name);
                let hint = annotation.clone().or_else(|| match rust {
                    Some((_, ty, true)) if type_name(ty) == "Option" => {
                        Some("int | None".to_owned())
                    }
                    Some((_, _, true)) => Some("int".to_owned()),
                    Some((_, ty, false)) => hint(ty, Position::Argument),
                    None => None,
                });
                match hint {
                    Some(hint) => rendered.push(match default {
                        Some(d) => format!("{name}: {hint} = {d}"),
                        None => format!("{name}: {hint}"),
                    }),
                    None => missing.push(format!("{class}.{}({name})", f.sig.ident)),
                }
            }
        }
    }
    let is_new = has(&f.attrs, "new");
    let returns = if is_new {
        Some(class.to_owned())
    } else {
        returns.or_else(|| match &f.sig.output {
            ReturnType::Default => Some("None".to_owned()),
            ReturnType::Type(_, ty) => hint(ty, Position::Return),
        })
    };
    let Some(returns) = returns else {
        missing.push(format!("{class}.{} -> ?", f.sig.ident));
        return Err(missing);
    };
    let returns = own_class(&returns, class);
    let rendered: Vec<String> = rendered.iter().map(|p| own_class(p, class)).collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let (decorator, first, name) = if is_new {
        ("", "cls", "__new__".to_owned())
    } else if has(&f.attrs, "getter") {
        ("    @property\n", "self", name)
    } else if has(&f.attrs, "staticmethod") {
        ("    @staticmethod\n", "", name)
    } else {
        ("", "self", name)
    };
    let mut all: Vec<String> = Vec::new();
    if !first.is_empty() {
        all.push(first.to_owned());
    }
    all.extend(rendered);
    let one_line = format!("    def {name}({}) -> {returns}:", all.join(", "));
    let head = if one_line.len() <= 100 {
        one_line
    } else {
        let lines: Vec<String> = all.iter().map(|p| format!("        {p},\n")).collect();
        format!("    def {name}(\n{}    ) -> {returns}:", lines.concat())
    };
    let doc = lexcase_python::stub::docstring_text(&doc(&f.attrs), 8);
    Ok(match doc.is_empty() {
        true => format!("{decorator}{head} ...\n"),
        false => format!("{decorator}{head}\n{doc}"),
    })
}

/// Whether a parameter is read by one of the range-checked integer readers (`crate::ints`).
fn is_int_argument(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("pyo3")
            && a.meta
                .require_list()
                .is_ok_and(|l| l.tokens.to_string().contains("ints ::"))
    })
}

/// Parameters Python does not see: the interpreter token and the object itself.
fn is_implicit(ty: &Type) -> bool {
    let name = type_name(ty);
    name == "Python" || (name == "Bound" && quote_type(ty).contains("Self"))
}

/// A type as text (only used to recognise `Bound<'_, Self>`).
fn quote_type(ty: &Type) -> String {
    use quote::ToTokens;
    ty.to_token_stream().to_string()
}

/// Where a type appears: arguments accept any sequence or mapping, results are lists and dicts.
#[derive(Clone, Copy, PartialEq)]
enum Position {
    Argument,
    Return,
}

/// The generic arguments of a path segment.
fn generics(args: &PathArguments) -> Vec<&Type> {
    match args {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|g| match g {
                syn::GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The stub type of a Rust type, or `None` when it must be annotated.
fn hint(ty: &Type, at: Position) -> Option<String> {
    match ty {
        Type::Reference(r) => hint(&r.elem, at),
        Type::Slice(s) if type_name(&s.elem) == "u8" => Some("bytes".to_owned()),
        Type::Slice(s) => Some(format!("Sequence[{}]", hint(&s.elem, at)?)),
        Type::Tuple(t) if t.elems.is_empty() => Some("None".to_owned()),
        Type::Tuple(t) => {
            let items: Option<Vec<String>> = t.elems.iter().map(|e| hint(e, at)).collect();
            Some(format!("tuple[{}]", items?.join(", ")))
        }
        Type::Path(p) => {
            let segment = p.path.segments.last()?;
            let args = generics(&segment.arguments);
            let ident = segment.ident.to_string();
            let arg = |i: usize| args.get(i).and_then(|t| hint(t, at));
            match ident.as_str() {
                "Option" => Some(format!("{} | None", arg(0)?)),
                "Vec" if args.first().is_some_and(|t| type_name(t) == "u8") => {
                    Some("bytes".to_owned())
                }
                "Vec" if at == Position::Argument => Some(format!("Sequence[{}]", arg(0)?)),
                "Vec" => Some(format!("list[{}]", arg(0)?)),
                "BTreeMap" | "HashMap" if at == Position::Argument => {
                    Some(format!("Mapping[{}, {}]", arg(0)?, arg(1)?))
                }
                "BTreeMap" | "HashMap" => Some(format!("dict[{}, {}]", arg(0)?, arg(1)?)),
                "PyResult" | "Result" | "Given" => arg(0),
                "PyRef" | "PyRefMut" | "Py" | "Bound" => args.last().and_then(|t| hint(t, at)),
                _ => named(&ident),
            }
        }
        _ => None,
    }
}

/// The stub type of a named (non-generic) Rust type.
fn named(ident: &str) -> Option<String> {
    let hint = match ident {
        "Id" | "Uuid" => "uuid.UUID",
        "String" | "str" | "Currency" => "str",
        "bool" => "bool",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => "int",
        "f64" => "float",
        "Dec" => "_Amount",
        "DateArg" | "NaiveDate" => "datetime.date",
        "InstantArg" | "LocalDateTimeArg" | "NaiveDateTime" | "DateTime" => "datetime.datetime",
        "PathBuf" | "Path" => "str | os.PathLike[str]",
        "DurationArg" => "int | str",
        "EmailArg" => "str | Email",
        "PhoneArg" => "str | Phone",
        "AddressArg" => "PostalAddress",
        "IdentifierArg" => "Identifier",
        "RecipientArg" => "Recipient | str",
        "ParticipantArg" => "Participant",
        "RuleArg" => "str | DeadlineRule",
        "KeyDates" => "Mapping[str, datetime.date]",
        "Originating" => "uuid.UUID | None",
        "Bytes" | "PyBytes" => "bytes",
        "Self" => "Self",
        "PyString" => "str",
        "PyAny" | "PyPage" | "PyDict" | "PyList" | "PyTuple" | "PyType" | "PyModule" => {
            return None;
        }
        class if class.starts_with("Py") && class[2..].starts_with(char::is_uppercase) => {
            return Some(class[2..].to_owned());
        }
        _ => return None,
    };
    Some(hint.to_owned())
}
