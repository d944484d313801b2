//! Document and email templates: installing, listing, previewing and retiring them; the merge
//! fields each kind may name; the firm's letterhead.

use std::sync::Arc;

use super::Session;
use super::context::ReadCtx;
use crate::access::Capability;
use crate::audit::EntityKind;
use crate::error::{LexcaseError, Result};
use crate::store::ReadTx;
use crate::templates::{
    DocumentTemplate, FieldCatalogue, Letterhead, NewTemplate, OutputFormat, TemplateEngine,
    TemplateKind, TemplatePart, builtin, builtin_templates,
};

/// Templates are firm data, versioned like rule packs: the built-in ones ship with lexcase,
/// and a firm installs its own (or a higher version of a built-in id, which replaces it for
/// new documents). Installing, retiring and the letterhead need `manage_firm`; anyone may
/// list, read and preview.
#[derive(Debug)]
pub struct TemplateService<'s> {
    session: &'s Session,
}

/// The firm's template engine, which rendering and checking need.
pub(crate) fn engine_of(session: &Session) -> Result<Arc<dyn TemplateEngine>> {
    session.firm().engine().cloned().ok_or_else(|| {
        LexcaseError::validation("templates", "this firm has no template engine configured")
    })
}

/// Every version of template `id` the firm has: the built-in one (unless the firm stored a
/// copy of it, retired) and the installed ones, lowest version first.
fn versions_of(tx: &dyn ReadTx, id: &str) -> Result<Vec<DocumentTemplate>> {
    let stored: Vec<DocumentTemplate> = tx
        .document_templates()?
        .into_iter()
        .filter(|t| t.id == id)
        .collect();
    let mut all: Vec<DocumentTemplate> = builtin(id)
        .filter(|b| !stored.iter().any(|s| s.version == b.version))
        .into_iter()
        .collect();
    all.extend(stored);
    all.sort_by_key(|t| t.version);
    Ok(all)
}

/// The template `id` at `version`, or its current (highest) version.
pub(crate) fn template_of(
    tx: &dyn ReadTx,
    id: &str,
    version: Option<u32>,
) -> Result<DocumentTemplate> {
    let versions = versions_of(tx, id)?;
    match version {
        Some(v) => versions.into_iter().find(|t| t.version == v),
        None => versions.into_iter().next_back(),
    }
    .ok_or_else(|| LexcaseError::not_found("template"))
}

/// The template to render a new document with: as [`template_of`], and not retired.
pub(crate) fn usable(tx: &dyn ReadTx, id: &str, version: Option<u32>) -> Result<DocumentTemplate> {
    let template = template_of(tx, id, version)?;
    if template.retired {
        return Err(LexcaseError::validation(
            "template",
            "the template is retired",
        ));
    }
    Ok(template)
}

/// Checks every part of `template` with the engine, against the fields of its kind.
fn check_parts(engine: &dyn TemplateEngine, template: &DocumentTemplate) -> Result<()> {
    let fields = FieldCatalogue::for_kind(template.kind);
    let sample = fields.sample();
    for part in template.parts() {
        if !engine.supports(part) {
            return Err(LexcaseError::template(
                &template.id,
                part.as_str(),
                "this build cannot render this part (PDF support is the `pdf` feature)",
            ));
        }
        engine.check(template, part, &fields, &sample)?;
    }
    Ok(())
}

impl<'s> TemplateService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    fn require_manage_firm(&self) -> Result<()> {
        self.session
            .read(|ctx| ctx.actor.require(Capability::ManageFirm))
    }

    /// The current version of every template, built-in and installed, in id order (retired
    /// ones included, marked).
    pub fn list(&self) -> Result<Vec<DocumentTemplate>> {
        self.session.read(|ctx| {
            let mut ids: Vec<String> = builtin_templates().into_iter().map(|t| t.id).collect();
            ids.extend(ctx.tx.document_templates()?.into_iter().map(|t| t.id));
            ids.sort();
            ids.dedup();
            ids.iter().map(|id| template_of(ctx.tx, id, None)).collect()
        })
    }

    /// Every version of template `id`, lowest first.
    pub fn versions(&self, id: &str) -> Result<Vec<DocumentTemplate>> {
        self.session.read(|ctx| {
            let all = versions_of(ctx.tx, id)?;
            if all.is_empty() {
                return Err(LexcaseError::not_found("template"));
            }
            Ok(all)
        })
    }

    /// Template `id` at `version` (the current one with `None`).
    pub fn get(&self, id: &str, version: Option<u32>) -> Result<DocumentTemplate> {
        self.session.read(|ctx| template_of(ctx.tx, id, version))
    }

    /// The merge fields a template of `kind` may name (`matter.number`, `bill.lines[].net`,
    /// …), in order: the documentation template authors write against.
    pub fn fields(&self, kind: TemplateKind) -> Vec<String> {
        FieldCatalogue::for_kind(kind)
            .paths()
            .map(str::to_owned)
            .collect()
    }

    /// Checks a template without installing it: its id, parts and kind, and with the engine
    /// every part's syntax and the fields it names (an unknown one is a
    /// [`LexcaseError::Template`] naming it). Needs `manage_firm`.
    pub fn check(&self, new: NewTemplate) -> Result<DocumentTemplate> {
        self.require_manage_firm()?;
        let template = DocumentTemplate::create(new, None, None)?;
        check_parts(&*engine_of(self.session)?, &template)?;
        Ok(template)
    }

    /// Installs a template version (checked as by [`TemplateService::check`]); its version
    /// must be above every version of the same id, built-in or installed. Installing a new
    /// version of a retired template brings it back. Needs `manage_firm`.
    pub fn install(&self, new: NewTemplate) -> Result<DocumentTemplate> {
        let checked = self.check(new)?;
        self.session.write(|ctx| {
            ctx.require(Capability::ManageFirm)?;
            if let Some(current) = versions_of(ctx.tx, &checked.id)?.last()
                && current.version >= checked.version
            {
                return Err(LexcaseError::validation(
                    "version",
                    format!(
                        "version {} of {} exists; install a higher one",
                        current.version, checked.id
                    ),
                ));
            }
            let template = DocumentTemplate {
                installed_by: Some(ctx.actor.id),
                installed_at: Some(ctx.now),
                ..checked
            };
            ctx.tx.put_document_template(&template)?;
            ctx.record(
                EntityKind::Firm,
                uuid::Uuid::nil(),
                Vec::new(),
                "template.installed",
                None,
                Some(&template),
            )?;
            Ok(template)
        })
    }

    /// Retires template `id`: its current version renders no new documents (documents already
    /// rendered, and issued bills' kept renderings, are untouched). Needs `manage_firm`.
    pub fn retire(&self, id: &str) -> Result<DocumentTemplate> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageFirm)?;
            let before = template_of(ctx.tx, id, None)?;
            if before.retired {
                return Err(LexcaseError::validation(
                    "template",
                    "it is already retired",
                ));
            }
            let after = DocumentTemplate {
                retired: true,
                installed_by: Some(ctx.actor.id),
                installed_at: Some(ctx.now),
                ..before.clone()
            };
            ctx.tx.put_document_template(&after)?;
            ctx.record(
                EntityKind::Firm,
                uuid::Uuid::nil(),
                Vec::new(),
                "template.retired",
                Some(&before),
                Some(&after),
            )?;
            Ok(after)
        })
    }

    /// Renders template `id` (at `version`, or its current one) with the sample model of its
    /// kind: how it looks, with invented people and figures. An email template previews its
    /// `text` (or `html`) body; use [`TemplateService::preview_part`] for its subject.
    pub fn preview(&self, id: &str, version: Option<u32>, format: OutputFormat) -> Result<Vec<u8>> {
        self.preview_part(id, version, format.part())
    }

    /// Renders one part of template `id` with the sample model of its kind.
    pub fn preview_part(
        &self,
        id: &str,
        version: Option<u32>,
        part: TemplatePart,
    ) -> Result<Vec<u8>> {
        let template = self.get(id, version)?;
        let engine = engine_of(self.session)?;
        template.require(part)?;
        let sample = FieldCatalogue::for_kind(template.kind).sample();
        engine.render(&template, part, &sample)
    }

    /// The firm's letterhead (empty until set).
    pub fn letterhead(&self) -> Result<Letterhead> {
        self.session
            .read(|ctx| Ok(ctx.tx.letterhead()?.unwrap_or_default()))
    }

    /// Replaces the letterhead. `letterhead.version` must be the stored version (0 before the
    /// first save); the result carries the next. Needs `manage_firm`.
    pub fn set_letterhead(&self, letterhead: Letterhead) -> Result<Letterhead> {
        let expected = letterhead.version;
        let mut after = letterhead.checked()?;
        self.session.write(|ctx| {
            ctx.require(Capability::ManageFirm)?;
            let before = ctx.tx.letterhead()?;
            let stored = before.as_ref().map_or(0, |l| l.version);
            super::context::check_version("letterhead", stored, expected)?;
            after.version = stored + 1;
            ctx.tx
                .put_letterhead(&after, before.as_ref().map(|l| l.version))?;
            ctx.record(
                EntityKind::Firm,
                uuid::Uuid::nil(),
                Vec::new(),
                "letterhead.set",
                before.as_ref(),
                Some(&after),
            )?;
            Ok(after)
        })
    }
}

/// The letterhead as a query sees it (empty until set).
pub(crate) fn letterhead_of(ctx: &ReadCtx<'_>) -> Result<Letterhead> {
    Ok(ctx.tx.letterhead()?.unwrap_or_default())
}
