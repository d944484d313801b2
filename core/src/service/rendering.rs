//! Rendering documents from firm templates, filing them to their matter, and keeping an
//! issued bill's rendering so every reprint is byte-identical.

use std::sync::Arc;

use chrono::NaiveDate;

use super::bills::BillService;
use super::context::{ReadCtx, WriteCtx};
use super::documents::{DocumentService, insert as insert_document};
use super::merge_model::{ModelScope, build};
use super::payments::statement_of;
use crate::access::Capability;
use crate::audit::EntityKind;
use crate::bills::Bill;
use crate::documents::{ContentHash, Document, NewDocument};
use crate::error::{LexcaseError, Result};
use crate::ids::{BillId, ContactId, DocumentId, MatterId};
use crate::money::Currency;
use crate::store::BlobStore;
use crate::templates::{
    BillRendering, DocumentTemplate, MergeModel, OutputFormat, TemplateEngine, TemplateKind,
    TemplatePart,
};

/// What a document is rendered about.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RenderSubject {
    /// A matter (client-care letters, reports, letters).
    Matter(#[cfg_attr(feature = "uniffi", uniffi(name = "matter"))] MatterId),
    /// A bill (invoices; letters about a bill), with its first matter.
    Bill(#[cfg_attr(feature = "uniffi", uniffi(name = "bill"))] BillId),
    /// A client's statement of account in one currency, filed to `matter` when given.
    Statement {
        /// The client.
        client: ContactId,
        /// The currency.
        currency: Currency,
        /// The matter it is about (and filed to), if any.
        matter: Option<MatterId>,
    },
}

/// How a rendering is filed to its matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileAs {
    /// The document's name (default: the file name, e.g. "Invoice INV000012.pdf").
    pub name: Option<String>,
    /// Its category (default: the template kind's, e.g. `client_care_letter`, which ticks a
    /// workflow item asking for one).
    pub category: Option<String>,
    /// File it as a new version of this document (at this version) rather than a new
    /// document.
    pub new_version_of: Option<(DocumentId, u64)>,
}

/// A document to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderRequest {
    /// The template id.
    pub template: String,
    /// The template version (the current one with `None`).
    pub version: Option<u32>,
    /// The format.
    pub format: OutputFormat,
    /// What it is about.
    pub subject: RenderSubject,
    /// File it to the matter (in the same command), or only return it.
    pub file: Option<FileAs>,
}

impl RenderRequest {
    /// Renders the current version of `template` about `subject`, without filing.
    pub fn new(template: &str, format: OutputFormat, subject: RenderSubject) -> Self {
        Self {
            template: template.to_owned(),
            version: None,
            format,
            subject,
            file: None,
        }
    }

    /// The same request, filing the rendering to the matter.
    pub fn filed(mut self, file: FileAs) -> Self {
        self.file = Some(file);
        self
    }
}

/// Everything read for one rendering, in one snapshot.
pub(crate) struct Prepared {
    pub template: DocumentTemplate,
    pub model: MergeModel,
    pub bill: Option<Bill>,
    /// The matter it is filed to.
    pub matter: Option<MatterId>,
    /// The rendering kept with the (issued) bill, when there is one.
    pub kept: Option<BillRendering>,
    /// The file name without extension.
    pub stem: String,
}

impl Prepared {
    /// Whether the rendering is of an issued bill, whose first rendering is kept.
    pub(crate) fn keeps(&self) -> bool {
        self.template.kind == TemplateKind::Invoice
            && self.bill.as_ref().is_some_and(|b| b.issued_on.is_some())
    }
}

/// Checks that a template of `kind` fits `subject`.
fn fits(kind: TemplateKind, subject: &RenderSubject) -> Result<()> {
    let ok = match kind {
        TemplateKind::Invoice => matches!(subject, RenderSubject::Bill(_)),
        TemplateKind::Statement => matches!(subject, RenderSubject::Statement { .. }),
        TemplateKind::ClientCareLetter | TemplateKind::MatterReport => {
            matches!(subject, RenderSubject::Matter(_))
        }
        TemplateKind::Letter | TemplateKind::Email => {
            !matches!(subject, RenderSubject::Statement { .. })
        }
    };
    if ok {
        Ok(())
    } else {
        Err(LexcaseError::validation(
            "subject",
            format!(
                "a {kind} template renders {}",
                match kind {
                    TemplateKind::Invoice => "a bill",
                    TemplateKind::Statement => "a statement",
                    TemplateKind::ClientCareLetter | TemplateKind::MatterReport => "a matter",
                    TemplateKind::Letter | TemplateKind::Email => "a matter or a bill",
                }
            ),
        ))
    }
}

/// Reads what rendering `template` about `subject` needs.
pub(crate) fn prepare(
    ctx: &ReadCtx<'_>,
    template: DocumentTemplate,
    subject: &RenderSubject,
    format: OutputFormat,
    today: NaiveDate,
) -> Result<Prepared> {
    fits(template.kind, subject)?;
    let mut scope = ModelScope::default();
    let mut stem = template.kind.title().to_owned();
    match subject {
        RenderSubject::Matter(id) => {
            let matter = ctx.matter(*id)?;
            stem = format!("{stem} {}", matter.number);
            scope.matter = Some(matter);
        }
        RenderSubject::Bill(id) => {
            let bill = BillService::visible(ctx, *id)?;
            let first = bill
                .matters
                .first()
                .ok_or_else(|| LexcaseError::not_found("matter"))?;
            let matter = ctx.matter(*first)?;
            stem = match (&bill.number, template.kind) {
                (Some(number), TemplateKind::Invoice) => {
                    let title = match bill.kind {
                        crate::bills::BillKind::Invoice => "Invoice",
                        crate::bills::BillKind::CreditNote => "Credit note",
                    };
                    format!("{title} {number}")
                }
                (None, TemplateKind::Invoice) => format!("Draft invoice {}", matter.number),
                _ => format!("{stem} {}", matter.number),
            };
            scope.matter = Some(matter);
            scope.bill = Some(bill);
        }
        RenderSubject::Statement {
            client,
            currency,
            matter,
        } => {
            ctx.tx
                .contact(*client)?
                .ok_or_else(|| LexcaseError::not_found("contact"))?;
            scope.statement = Some((statement_of(ctx, *client, *currency)?, today));
            stem = format!("{stem} {today}");
            if let Some(m) = matter {
                scope.matter = Some(ctx.matter(*m)?);
            }
        }
    }
    let kept = match &scope.bill {
        Some(bill) if template.kind == TemplateKind::Invoice => {
            ctx.tx.bill_rendering(bill.id, format)?
        }
        _ => None,
    };
    let model = build(ctx, &scope, today)?;
    Ok(Prepared {
        template,
        model,
        matter: scope.matter.as_ref().map(|m| m.id),
        bill: scope.bill,
        kept,
        stem,
    })
}

/// A template error raised on real data, with the engine's own words (which may quote the
/// data) replaced.
pub(crate) fn without_data(error: LexcaseError) -> LexcaseError {
    match error {
        LexcaseError::Template {
            template,
            part,
            line,
            field,
            ..
        } => LexcaseError::Template {
            reason: if field.is_some() {
                "the template names a field the merge model does not have".into()
            } else {
                "the template failed on this document's data (preview it to see why)".into()
            },
            template,
            part,
            line,
            field,
        },
        other => other,
    }
}

/// Renders one part with real data.
pub(crate) fn render_part(
    engine: &dyn TemplateEngine,
    template: &DocumentTemplate,
    part: TemplatePart,
    model: &MergeModel,
) -> Result<Vec<u8>> {
    if !engine.supports(part) {
        return Err(LexcaseError::template(
            &template.id,
            part.as_str(),
            "this build cannot render this part (PDF support is the `pdf` feature)",
        ));
    }
    template.require(part)?;
    engine.render(template, part, model).map_err(without_data)
}

/// The bytes of a prepared rendering: the bill's kept rendering when there is one (a
/// reprint), else freshly rendered.
pub(crate) fn produce(
    engine: &dyn TemplateEngine,
    blobs: Option<&Arc<dyn BlobStore>>,
    prepared: &Prepared,
    format: OutputFormat,
) -> Result<(Vec<u8>, bool)> {
    if let Some(kept) = &prepared.kept {
        let blobs = blobs.ok_or_else(|| {
            LexcaseError::validation("documents", "this firm has no blob store configured")
        })?;
        return Ok((blobs.get(&kept.hash)?, true));
    }
    let bytes = render_part(engine, &prepared.template, format.part(), &prepared.model)?;
    Ok((bytes, false))
}

/// The rendered bytes as a command records them.
pub(crate) struct Output<'a> {
    /// The format.
    pub format: OutputFormat,
    /// SHA-256 of the bytes (already in the blob store).
    pub hash: &'a ContentHash,
    /// Their size.
    pub size: u64,
    /// Text to index for search.
    pub text: Option<&'a str>,
    /// The file name.
    pub file_name: &'a str,
}

/// Inside a command: keeps the rendering of an issued bill (unless one is kept already, which
/// is returned) and files it to the matter when asked.
pub(crate) fn record(
    ctx: &mut WriteCtx<'_>,
    prepared: &Prepared,
    output: &Output<'_>,
    file: Option<&FileAs>,
) -> Result<(Option<BillRendering>, Option<Document>)> {
    let Output {
        format,
        hash,
        size,
        text,
        file_name,
    } = *output;
    let mut existing = None;
    if prepared.keeps()
        && prepared.kept.is_none()
        && let Some(bill) = &prepared.bill
    {
        existing = ctx.tx.bill_rendering(bill.id, format)?;
        if existing.is_none() {
            let rendering = BillRendering {
                bill: bill.id,
                format,
                template: prepared.template.id.clone(),
                template_version: prepared.template.version,
                hash: hash.clone(),
                size,
                rendered_by: ctx.actor.id,
                rendered_at: ctx.now,
            };
            ctx.tx.insert_bill_rendering(&rendering)?;
            ctx.record(
                EntityKind::Bill,
                bill.id.into(),
                bill.matters.clone(),
                "bill.rendering_kept",
                None,
                Some(&rendering),
            )?;
        }
    }
    let Some(file) = file else {
        return Ok((existing, None));
    };
    let matter = prepared.matter.ok_or_else(|| {
        LexcaseError::validation("file", "a statement without a matter is not filed")
    })?;
    ctx.matter(matter)?.ensure_editable()?;
    ctx.require(Capability::EditMatters)?;
    let hash = existing.as_ref().map_or(hash, |e| &e.hash).clone();
    let size = existing.as_ref().map_or(size, |e| e.size);
    let doc = match file.new_version_of {
        Some((id, expected)) => {
            let before = ctx
                .tx
                .document(id)?
                .filter(|d| d.matter == matter)
                .ok_or_else(|| LexcaseError::not_found("document"))?;
            let doc = ctx.amend(before, expected, "document.version_added", |d, ctx| {
                d.add_version(hash, size, format.media_type(), ctx.actor.id, ctx.now)?;
                Ok(())
            })?;
            ctx.tx.index_document_text(doc.id, text.unwrap_or(""))?;
            doc
        }
        None => insert_document(
            ctx,
            NewDocument {
                matter,
                name: file.name.clone().unwrap_or_else(|| file_name.to_owned()),
                category: file
                    .category
                    .clone()
                    .unwrap_or_else(|| prepared.template.kind.category().to_owned()),
                media_type: format.media_type().into(),
            },
            hash,
            size,
            text,
        )?,
    };
    Ok((existing, Some(doc)))
}

impl DocumentService<'_> {
    /// The merge model a template of `kind` would print about `subject` (as JSON-ready data):
    /// what template authors write against, for the actor's own view of it.
    pub fn merge_model(&self, kind: TemplateKind, subject: &RenderSubject) -> Result<MergeModel> {
        let session = self.session();
        let today = session.firm().today()?;
        let probe = DocumentTemplate {
            id: "merge-model".into(),
            version: 1,
            kind,
            name: "merge model".into(),
            subject: None,
            text: None,
            html: None,
            typst: None,
            builtin: true,
            retired: false,
            installed_by: None,
            installed_at: None,
        };
        session.read(|ctx| prepare(ctx, probe, subject, OutputFormat::Text, today).map(|p| p.model))
    }
}
