//! # lexcase-render
//!
//! The template engine of lexcase: firm templates rendered to text and HTML with
//! [minijinja](https://docs.rs/minijinja) (loaded at run time, HTML escaped by default,
//! unknown fields an error) and, with the `pdf` feature, to PDF/A-2b with
//! [Typst](https://typst.app) as a library (in-process, deterministic, sandboxed: no files,
//! no network, embedded fonts; the merge model is passed as data, the global `data`, never
//! spliced into markup).
//!
//! ```no_run
//! # fn main() -> lexcase::Result<()> {
//! use std::sync::Arc;
//! use lexcase::service::Firm;
//! use lexcase_sqlite::{SqliteOptions, SqliteStore};
//! let firm = Firm::new(SqliteStore::open(":memory:", SqliteOptions::default())?)
//!     .with_engine(Arc::new(lexcase_render::Engine::new()));
//! # Ok(()) }
//! ```

mod fields;
mod jinja;
#[cfg(feature = "pdf")]
mod pdf;

use lexcase::Result;
use lexcase::templates::{
    DocumentTemplate, FieldCatalogue, MergeModel, TemplateEngine, TemplatePart,
};

/// The template engine: minijinja for subjects, text and HTML; Typst for PDF (feature
/// `pdf`). Cheap to share; one per process is enough.
pub struct Engine {
    env: minijinja::Environment<'static>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("pdf", &cfg!(feature = "pdf"))
            .finish()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    /// A new engine.
    pub fn new() -> Self {
        Self {
            env: jinja::environment(),
        }
    }

    /// Whether this build renders PDF (the `pdf` feature).
    pub fn renders_pdf() -> bool {
        cfg!(feature = "pdf")
    }
}

impl TemplateEngine for Engine {
    fn supports(&self, part: TemplatePart) -> bool {
        part != TemplatePart::Typst || Self::renders_pdf()
    }

    fn check(
        &self,
        template: &DocumentTemplate,
        part: TemplatePart,
        fields: &FieldCatalogue,
        sample: &MergeModel,
    ) -> Result<()> {
        match part {
            #[cfg(feature = "pdf")]
            TemplatePart::Typst => pdf::check(template, fields, sample),
            #[cfg(not(feature = "pdf"))]
            TemplatePart::Typst => Err(no_pdf(template)),
            _ => jinja::check(&self.env, template, part, fields, sample),
        }
    }

    fn render(
        &self,
        template: &DocumentTemplate,
        part: TemplatePart,
        model: &MergeModel,
    ) -> Result<Vec<u8>> {
        match part {
            #[cfg(feature = "pdf")]
            TemplatePart::Typst => pdf::render(template, model),
            #[cfg(not(feature = "pdf"))]
            TemplatePart::Typst => Err(no_pdf(template)),
            _ => jinja::render(&self.env, template, part, model).map(String::into_bytes),
        }
    }
}

#[cfg(not(feature = "pdf"))]
fn no_pdf(template: &DocumentTemplate) -> lexcase::LexcaseError {
    lexcase::LexcaseError::template(
        &template.id,
        "typst",
        "this build renders no PDF (enable the `pdf` feature of lexcase-render)",
    )
}
