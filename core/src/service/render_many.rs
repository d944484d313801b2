//! Rendering documents from firm templates, one or many at once: everything read in one
//! snapshot, rendered outside any transaction, then what must be kept or filed recorded in one
//! command, its contents published as its last step.

use std::sync::Arc;

use super::documents::{DocumentService, blob_store};
use super::rendering::{Output, Prepared, RenderRequest, prepare, produce, record, render_part};
use super::templates::{engine_of, usable};
use crate::documents::ContentHash;
use crate::error::{LexcaseError, Result};
use crate::progress::{Counter, Progress, Silent};
use crate::store::Staging;
use crate::templates::{OutputFormat, RenderedDocument, TemplateEngine, TemplatePart};

/// The most documents one call renders.
const MAX_RENDERINGS: usize = 1_000;

/// The document a prepared rendering gives (not yet kept or filed).
fn rendered(
    engine: &dyn TemplateEngine,
    blobs: Option<&Arc<dyn crate::store::BlobStore>>,
    prepared: &Prepared,
    format: OutputFormat,
) -> Result<RenderedDocument> {
    let (bytes, reprint) = produce(engine, blobs, prepared, format)?;
    let (template, template_version) = match &prepared.kept {
        Some(k) => (k.template.clone(), k.template_version),
        None => (prepared.template.id.clone(), prepared.template.version),
    };
    Ok(RenderedDocument {
        hash: ContentHash::of(&bytes),
        file_name: format!("{}.{}", prepared.stem, format.extension()),
        bytes,
        format,
        template,
        template_version,
        document: None,
        reprint,
    })
}

/// The text a filed rendering is indexed by: the text itself, or the template's text part
/// when it has one this build renders (none when that fails: the document is filed all the
/// same).
fn index_text(
    engine: &dyn TemplateEngine,
    prepared: &Prepared,
    document: &RenderedDocument,
) -> Option<String> {
    match (document.format, prepared.template.part(TemplatePart::Text)) {
        (OutputFormat::Text, _) => Some(String::from_utf8_lossy(&document.bytes).into_owned()),
        (_, Some(_)) if engine.supports(TemplatePart::Text) => render_part(
            engine,
            &prepared.template,
            TemplatePart::Text,
            &prepared.model,
        )
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned()),
        _ => None,
    }
}

/// A rendering the command must record: which one, its staged contents, its indexed text.
struct Pending {
    index: usize,
    staging: Staging,
    text: Option<String>,
}

impl DocumentService<'_> {
    /// Renders a document from a firm template — text, HTML, or PDF (typeset with Typst) —
    /// about a matter, a bill or a statement, and files it to the matter when
    /// `request.file` asks (in the same command, audited; the contents content-addressed like
    /// every document).
    ///
    /// The first rendering of an issued bill in a format is kept with the bill, and every
    /// later rendering of it in that format returns the kept bytes (`reprint`), so a reprint
    /// is byte-identical whatever the template has become. Errors raised by the template on
    /// real data name the template, part, line and field, never the data.
    pub fn render(&self, request: RenderRequest) -> Result<RenderedDocument> {
        self.render_many(vec![request])?
            .pop()
            .ok_or_else(|| LexcaseError::storage("the rendering was not returned"))
    }

    /// Renders many documents (a bill run's invoices, a month's statements), each as
    /// [`DocumentService::render`] would, in the order given, at most 1,000: all read in one
    /// snapshot, and what is kept with issued bills or filed to matters recorded in one
    /// command — all or nothing (an error in any request renders and records none).
    pub fn render_many(&self, requests: Vec<RenderRequest>) -> Result<Vec<RenderedDocument>> {
        self.render_many_with_progress(requests, &mut Silent)
    }

    /// [`DocumentService::render_many`], reporting each document rendered to `progress`
    /// (phase `render.documents`, of the requests), then each one kept or filed
    /// (`render.record`, of those that are); a cancel ends it with
    /// [`LexcaseError::Cancelled`]: nothing is kept or filed and no contents are left behind.
    pub fn render_many_with_progress(
        &self,
        requests: Vec<RenderRequest>,
        progress: &mut dyn Progress,
    ) -> Result<Vec<RenderedDocument>> {
        crate::validate::bounded("requests", &requests, MAX_RENDERINGS)?;
        let session = self.session();
        let engine = engine_of(session)?;
        let today = session.firm().today()?;
        let prepared: Vec<Prepared> = session.read(|ctx| {
            requests
                .iter()
                .map(|r| {
                    let template = usable(ctx.tx, &r.template, r.version)?;
                    prepare(ctx, template, &r.subject, r.format, today)
                })
                .collect()
        })?;

        let blobs = session.firm().blobs().cloned();
        let mut documents = Vec::with_capacity(requests.len());
        let mut to_record = Vec::new();
        let mut counter =
            Counter::start(progress, "render.documents", Some(requests.len() as u64))?;
        for (index, (request, prepared)) in requests.iter().zip(&prepared).enumerate() {
            let document = rendered(&*engine, blobs.as_ref(), prepared, request.format)?;
            if (prepared.keeps() && prepared.kept.is_none()) || request.file.is_some() {
                to_record.push((index, index_text(&*engine, prepared, &document)));
            }
            documents.push(document);
            counter.step()?;
        }
        if to_record.is_empty() {
            return Ok(documents);
        }

        // Staged before the command, published as its last step (a refused or cancelled
        // command leaves nothing readable behind).
        let store = blob_store(session)?;
        let pending: Vec<Pending> = to_record
            .into_iter()
            .map(|(index, text)| {
                let mut staging = Staging::new(Arc::clone(&store));
                staging.add(&documents[index].bytes)?;
                Ok(Pending {
                    index,
                    staging,
                    text,
                })
            })
            .collect::<Result<_>>()?;
        let recorded = session.write(|ctx| {
            let mut counter =
                Counter::start(progress, "render.record", Some(pending.len() as u64))?;
            let mut recorded = Vec::with_capacity(pending.len());
            for p in &pending {
                let document = &documents[p.index];
                let output = Output {
                    format: document.format,
                    hash: &document.hash,
                    size: document.bytes.len() as u64,
                    text: p.text.as_deref(),
                    file_name: &document.file_name,
                };
                let file = requests[p.index].file.as_ref();
                recorded.push(record(ctx, &prepared[p.index], &output, file)?);
                counter.step()?;
            }
            for (p, (existing, _)) in pending.iter().zip(&recorded) {
                if existing.is_none() {
                    // Another user's kept rendering is filed instead of these bytes otherwise.
                    p.staging.publish()?;
                }
            }
            Ok(recorded)
        })?;
        for (p, (existing, filed)) in pending.iter().zip(recorded) {
            let document = &mut documents[p.index];
            if let Some(kept) = existing {
                // Another rendering was kept first: it is the bill's.
                document.bytes = store.get(&kept.hash)?;
                document.hash = kept.hash;
                document.template = kept.template;
                document.template_version = kept.template_version;
                document.reprint = true;
            }
            document.document = filed;
        }
        Ok(documents)
    }
}
