//! Documents and emails from firm templates: the templates themselves (firm data, versioned
//! like rule packs), the merge model they print from, the firm's letterhead and locale, and the
//! port a template engine implements.
//!
//! A [`DocumentTemplate`] has up to four parts — an email `subject`, a plain `text` body, an
//! `html` body and a `typst` body for PDF — each written against the documented, typed
//! [`MergeModel`] (firm, matter, client, parties, fee earners, key dates, deadlines, tasks,
//! bill lines and totals, payments, statement). Which sections a template may name depends on
//! its [`TemplateKind`] ([`FieldCatalogue::for_kind`]); a template naming a field the model
//! does not have is refused when installed, with the field named. Every figure and date in
//! the model is already formatted in the firm's [`Locale`], so a template prints exactly what
//! the bill stores.
//!
//! The engine that parses and renders parts lives outside this crate (`lexcase-render`:
//! minijinja for text and HTML, Typst for PDF) behind [`TemplateEngine`], so the core keeps
//! no renderer and does no I/O.

mod builtin;
mod catalogue;
mod engine;
mod format;
mod letterhead;
mod locale;
pub mod model;
mod rendering;
mod template;

pub use builtin::{builtin, builtin_templates};
pub use catalogue::FieldCatalogue;
pub use engine::TemplateEngine;
pub use format::OutputFormat;
pub use letterhead::Letterhead;
pub use locale::Locale;
pub use model::MergeModel;
pub use rendering::{BillRendering, RenderedDocument};
pub use template::{DocumentTemplate, NewTemplate, TemplateKind, TemplatePart};
