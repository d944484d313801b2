//! Typst diagnostics as template errors: the first error, its line, and the field it names
//! when a key is missing.

use lexcase::LexcaseError;
use lexcase::templates::DocumentTemplate;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::syntax::{LinkedNode, Side, SyntaxKind};

use super::world::DocumentWorld;

/// The quoted key of a "does not contain key" message.
fn missing_key(message: &str) -> Option<&str> {
    let rest = message.split_once("does not contain key")?.1;
    let rest = rest.trim().strip_prefix('"')?;
    rest.split_once('"').map(|(key, _)| key)
}

/// Whether `text` reads as a field path (`data.bill.lines` or `line.net`).
fn is_path(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '-')
}

/// The first error of `diagnostics` as a template error of the `typst` part.
pub(crate) fn template_error(
    template: &DocumentTemplate,
    world: &DocumentWorld,
    diagnostics: &[SourceDiagnostic],
) -> LexcaseError {
    let Some(first) = diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
        .or(diagnostics.first())
    else {
        return LexcaseError::template(&template.id, "typst", "the document does not typeset");
    };
    let source = world.source();
    let range = world.range(first.span);
    let line = range
        .as_ref()
        .and_then(|r| source.lines().byte_to_line(r.start))
        .and_then(|l| u32::try_from(l + 1).ok());
    // The whole access (`b.totl`) rather than the key alone, when the error points into one.
    let access = range.as_ref().and_then(|r| {
        let root = LinkedNode::new(source.root());
        let leaf = root.leaf_at(r.start, Side::After)?;
        let parent = leaf.parent()?;
        (parent.kind() == SyntaxKind::FieldAccess).then(|| parent.range())
    });
    let field = missing_key(&first.message).map(|key| {
        access
            .or(range.clone())
            .and_then(|r| source.text().get(r))
            .map(str::trim)
            .filter(|t| is_path(t))
            .map(|t| t.strip_prefix("data.").unwrap_or(t).to_owned())
            .unwrap_or_else(|| key.to_owned())
    });
    let reason = match &field {
        Some(f) => format!("unknown field {f}"),
        None => first.message.to_string(),
    };
    LexcaseError::Template {
        template: template.id.clone(),
        part: "typst".into(),
        line,
        field,
        reason,
    }
}
