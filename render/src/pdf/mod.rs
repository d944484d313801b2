//! PDF with Typst as a library: a template's `typst` part typeset with the merge model as the
//! global `data` (data, never markup), in a world with no files, no packages, no clock and
//! only embedded fonts, exported as PDF/A-2b.

mod diagnostics;
mod fields;
mod fonts;
mod world;

use lexcase::Result;
use lexcase::templates::{DocumentTemplate, FieldCatalogue, MergeModel, TemplatePart};
use typst::foundations::{Datetime, Smart};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use self::diagnostics::template_error;
use self::world::DocumentWorld;

/// An ISO date (`2026-03-31`) as a Typst date.
fn date_of(iso: &str) -> Option<Datetime> {
    let mut parts = iso.splitn(3, '-').map(str::parse::<u32>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    Datetime::from_ymd(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

/// Typesets a template's Typst part with `model` into a PDF document.
fn typeset(template: &DocumentTemplate, model: &MergeModel) -> Result<typst_layout::PagedDocument> {
    let source = template.require(TemplatePart::Typst)?;
    let world = DocumentWorld::new(source, model)
        .map_err(|reason| lexcase::LexcaseError::template(&template.id, "typst", reason))?;
    let compiled = typst::compile::<typst_layout::PagedDocument>(&world).output;
    // Bounded memory in a long-running process: drop cached results not used recently.
    typst::comemo::evict(10);
    compiled.map_err(|diags| template_error(template, &world, &diags))
}

/// Renders a template's Typst part with `model` to PDF/A-2b bytes. The same template and model
/// give the same bytes (no clock, a stable document identifier).
pub(crate) fn render(template: &DocumentTemplate, model: &MergeModel) -> Result<Vec<u8>> {
    let document = typeset(template, model)?;
    let standards = PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| {
        lexcase::LexcaseError::template(&template.id, "typst", format!("PDF/A: {}", e.message()))
    })?;
    // PDF/A wants a creation date: the document's own date, so the same data gives the
    // same bytes.
    let timestamp = date_of(&model.today_iso).map(Timestamp::new_utc);
    let options = PdfOptions {
        ident: Smart::Custom(format!("lexcase:{}:{}", template.id, template.version)),
        creator: Smart::Custom(Some("lexcase".into())),
        timestamp,
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|diags| {
        let world = DocumentWorld::new(template.typst.as_deref().unwrap_or_default(), model);
        match world {
            Ok(world) => template_error(template, &world, &diags),
            Err(reason) => lexcase::LexcaseError::template(&template.id, "typst", reason),
        }
    })
}

/// Checks a Typst part: every `data.…` path it names (also through `for x in data.…`
/// loops) is in `fields`, and it typesets with the sample.
pub(crate) fn check(
    template: &DocumentTemplate,
    fields: &FieldCatalogue,
    sample: &MergeModel,
) -> Result<()> {
    let source = template.require(TemplatePart::Typst)?;
    let world = DocumentWorld::new(source, sample)
        .map_err(|reason| lexcase::LexcaseError::template(&template.id, "typst", reason))?;
    fields::check(template, world.source(), fields)?;
    typeset(template, sample).map(|_| ())
}
