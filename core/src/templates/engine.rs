//! The port a template engine implements (`lexcase-render` provides one).

use super::{DocumentTemplate, FieldCatalogue, MergeModel, TemplatePart};
use crate::error::Result;

/// Parses, checks and renders template parts. Implementations load templates at run time
/// (templates are firm data), escape HTML by default, treat an unknown field as an error and
/// never read files or the network on a template's behalf.
///
/// Errors are [`crate::LexcaseError::Template`] (naming the part, and the field when one is at
/// fault). The service strips the reason from errors raised while rendering real data, so an
/// engine may quote what it saw.
pub trait TemplateEngine: Send + Sync {
    /// Whether this engine renders `part` (a build without PDF support renders no `typst`).
    fn supports(&self, part: TemplatePart) -> bool;

    /// Checks one part of `template`: it parses, and every merge field it names is in
    /// `fields` (a template naming `matter.titel` is refused with the field named). `sample`
    /// is a model holding every field, for engines that check by rendering.
    fn check(
        &self,
        template: &DocumentTemplate,
        part: TemplatePart,
        fields: &FieldCatalogue,
        sample: &MergeModel,
    ) -> Result<()>;

    /// Renders one part of `template` with `model`: UTF-8 text for `subject`, `text` and
    /// `html`, PDF bytes for `typst`.
    fn render(
        &self,
        template: &DocumentTemplate,
        part: TemplatePart,
        model: &MergeModel,
    ) -> Result<Vec<u8>>;
}
