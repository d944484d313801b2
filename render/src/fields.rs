//! Which merge fields a template may name, and the error for one it may not.

use lexcase::LexcaseError;
use lexcase::templates::{DocumentTemplate, FieldCatalogue, TemplatePart};

/// Whether a template may name `path`: a field of the catalogue, or a method called on a text
/// field (`matter.title.upper`), which rendering the sample then tries.
pub(crate) fn known(fields: &FieldCatalogue, path: &str) -> bool {
    if fields.knows(path) {
        return true;
    }
    match path.rsplit_once('.') {
        Some((parent, _)) => fields.knows(parent) && fields.is_leaf(parent),
        None => false,
    }
}

/// Template `template` names `path` in `part`, which its kind's model does not have.
pub(crate) fn unknown_field(
    template: &DocumentTemplate,
    part: TemplatePart,
    path: &str,
    line: Option<u32>,
) -> LexcaseError {
    LexcaseError::Template {
        template: template.id.clone(),
        part: part.as_str().to_owned(),
        line,
        field: Some(path.to_owned()),
        reason: format!(
            "unknown field {path} (a {} template may name the fields the templates service lists for its kind)",
            template.kind
        ),
    }
}
