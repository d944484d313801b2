//! Text and HTML parts with minijinja: templates loaded at run time from the firm's data,
//! HTML escaped by default, unknown fields an error, bounded work per render.

use lexcase::templates::{DocumentTemplate, FieldCatalogue, MergeModel, TemplatePart};
use lexcase::{LexcaseError, Result};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior};

use crate::fields::{known, unknown_field};

/// Instructions one render may run (a runaway loop ends in an error, not a hung process).
const FUEL: u64 = 50_000_000;

/// The environment every part is rendered in: no loader (a part cannot include files),
/// strict undefined values, HTML escaping for `.html` names only, bounded fuel and nesting.
pub(crate) fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(100);
    if let Ok(syntax) = SyntaxConfig::builder().keep_trailing_newline(true).build() {
        env.set_syntax(syntax);
    }
    env
}

/// The name a part is compiled under (its extension chooses the escaping).
fn name_of(template: &DocumentTemplate, part: TemplatePart) -> String {
    let ext = match part {
        TemplatePart::Html => "html",
        TemplatePart::Subject => "subject",
        TemplatePart::Text | TemplatePart::Typst => "txt",
    };
    format!("{}.{ext}", template.id)
}

fn line_of(error: &minijinja::Error) -> Option<u32> {
    error.line().and_then(|l| u32::try_from(l).ok())
}

/// A minijinja error as a template error of `part`.
fn template_error(
    template: &DocumentTemplate,
    part: TemplatePart,
    source: &str,
    error: &minijinja::Error,
) -> LexcaseError {
    // The detail quotes the undefined expression: "`matter.titel` is undefined".
    let quoted = || {
        error
            .detail()
            .and_then(|d| d.split('`').nth(1))
            .map(str::to_owned)
    };
    let field = match error.kind() {
        ErrorKind::UndefinedError => quoted()
            .or_else(|| error.range().and_then(|r| source.get(r)).map(str::to_owned))
            .map(|expr| expr.trim().to_owned())
            .filter(|expr| !expr.is_empty()),
        _ => None,
    };
    let reason = match (&field, error.kind()) {
        (Some(f), _) => format!("unknown field {f}"),
        (None, ErrorKind::SyntaxError) => format!(
            "syntax error: {}",
            error.detail().unwrap_or("the template does not parse")
        ),
        (None, ErrorKind::OutOfFuel) => "the template does too much work".to_owned(),
        (None, kind) => match error.detail() {
            Some(detail) => format!("{kind}: {detail}"),
            None => kind.to_string(),
        },
    };
    LexcaseError::Template {
        template: template.id.clone(),
        part: part.as_str().to_owned(),
        line: line_of(error),
        field,
        reason,
    }
}

/// Renders a text, subject or HTML part.
pub(crate) fn render(
    env: &Environment<'static>,
    template: &DocumentTemplate,
    part: TemplatePart,
    model: &MergeModel,
) -> Result<String> {
    let source = template.require(part)?;
    let name = name_of(template, part);
    let compiled = env
        .template_from_named_str(&name, source)
        .map_err(|e| template_error(template, part, source, &e))?;
    let out = compiled
        .render(Value::from(Serde(model)))
        .map_err(|e| template_error(template, part, source, &e))?;
    Ok(if part == TemplatePart::Subject {
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        out
    })
}

/// Checks a text, subject or HTML part: it parses, every field it names outside loops is in
/// `fields` (whatever branch it sits in), and it renders with the sample (which catches
/// fields named through loop variables).
pub(crate) fn check(
    env: &Environment<'static>,
    template: &DocumentTemplate,
    part: TemplatePart,
    fields: &FieldCatalogue,
    sample: &MergeModel,
) -> Result<()> {
    let source = template.require(part)?;
    let name = name_of(template, part);
    let compiled = env
        .template_from_named_str(&name, source)
        .map_err(|e| template_error(template, part, source, &e))?;
    let globals: Vec<String> = env.globals().map(|(n, _)| n.to_owned()).collect();
    let mut named: Vec<String> = compiled.undeclared_variables(true).into_iter().collect();
    named.sort();
    for path in named {
        let root = path.split(['.', '[']).next().unwrap_or_default();
        if globals.iter().any(|g| g == root) {
            continue;
        }
        if !known(fields, &path) {
            return Err(unknown_field(template, part, &path, None));
        }
    }
    render(env, template, part, sample).map(|_| ())
}
