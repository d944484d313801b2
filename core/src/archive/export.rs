//! Writing a firm archive.

use std::collections::BTreeSet;
use std::io::{Seek, Write};

use serde::Serialize;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::format::{
    AUDIT_EVENTS, AuditLine, BILLING_SETTINGS, BLOBS, DOCUMENT_TEMPLATES, ENABLED_RULE_PACKS,
    FIRM_SETTINGS, FORMAT_NAME, FORMAT_VERSION, LETTERHEAD, MANIFEST, Manifest, Member, RULE_PACKS,
    RecordLine, WORKFLOW_TEMPLATES, records_member,
};
use crate::communications::Communication;
use crate::documents::{ContentHash, Document};
use crate::error::{LexcaseError, Result};
use crate::progress::{Progress, report};
use crate::service::Firm;
use crate::store::RecordKind;
use crate::templates::BillRendering;

/// Records read per page.
pub(super) const PAGE: u32 = 500;

fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644)
}

fn write_error(_: impl std::fmt::Display) -> LexcaseError {
    LexcaseError::storage("could not write the archive")
}

/// The archive being written: the zip and the member in progress.
struct Writer<W: Write + Seek> {
    zip: ZipWriter<W>,
    members: Vec<Member>,
    current: Option<(String, Sha256, u64, u64)>,
}

impl<W: Write + Seek> Writer<W> {
    fn start(&mut self, name: &str) -> Result<()> {
        self.finish_member();
        self.zip.start_file(name, options()).map_err(write_error)?;
        self.current = Some((name.to_owned(), Sha256::new(), 0, 0));
        Ok(())
    }

    fn bytes(&mut self, bytes: &[u8], lines: u64) -> Result<()> {
        self.zip.write_all(bytes).map_err(write_error)?;
        if let Some((_, hasher, size, count)) = self.current.as_mut() {
            hasher.update(bytes);
            *size += bytes.len() as u64;
            *count += lines;
        }
        Ok(())
    }

    fn line<T: Serialize>(&mut self, value: &T) -> Result<()> {
        let mut line = serde_json::to_vec(value)
            .map_err(|_| LexcaseError::storage("a record cannot be encoded for the archive"))?;
        line.push(b'\n');
        self.bytes(&line, 1)
    }

    fn finish_member(&mut self) {
        if let Some((name, hasher, bytes, count)) = self.current.take() {
            self.members.push(Member {
                name,
                count,
                bytes,
                sha256: hex::encode(hasher.finalize()),
            });
        }
    }
}

/// Writes the whole firm `firm` to `out` (see [`crate::archive`]), from one read transaction
/// (a consistent snapshot), reporting progress to `progress` (phases `export.records`,
/// `export.contents`, `export.audit`); a cancel ends it with [`LexcaseError::Cancelled`] (what
/// was written to `out` is then not an archive: it has no manifest).
pub fn export<W: Write + Seek>(
    firm: &Firm,
    out: W,
    progress: &mut dyn Progress,
) -> Result<Manifest> {
    let tx = firm.store().read()?;
    let mut w = Writer {
        zip: ZipWriter::new(out),
        members: Vec::new(),
        current: None,
    };
    let mut done = 0u64;

    w.start(FIRM_SETTINGS)?;
    if let Some(settings) = tx.firm_settings()? {
        w.line(&settings)?;
    }
    w.start(BILLING_SETTINGS)?;
    if let Some(settings) = tx.firm_billing_settings()? {
        w.line(&settings)?;
    }
    w.start(WORKFLOW_TEMPLATES)?;
    for template in tx.workflow_templates()? {
        w.line(&template)?;
    }
    w.start(DOCUMENT_TEMPLATES)?;
    for template in tx.document_templates()? {
        w.line(&template)?;
    }
    w.start(LETTERHEAD)?;
    if let Some(letterhead) = tx.letterhead()? {
        w.line(&letterhead)?;
    }
    w.start(RULE_PACKS)?;
    for pack in tx.installed_rule_packs()? {
        w.line(&pack)?;
    }
    w.start(ENABLED_RULE_PACKS)?;
    w.line(&tx.enabled_rule_packs()?)?;

    let mut contents: BTreeSet<ContentHash> = BTreeSet::new();
    for kind in RecordKind::ALL {
        w.start(&records_member(kind))?;
        let mut after: Option<String> = None;
        loop {
            let page = tx.archive_records(kind, after.as_deref(), PAGE)?;
            let Some(last) = page.last() else { break };
            after = Some(last.key.clone());
            for record in &page {
                collect_contents(kind, &record.value, &mut contents)?;
                w.line(&RecordLine {
                    key: record.key.clone(),
                    record: record.value.clone(),
                })?;
            }
            done += page.len() as u64;
            report(progress, "export.records", done, None)?;
            if page.len() < PAGE as usize {
                break;
            }
        }
    }

    let total = contents.len() as u64;
    if total > 0 {
        let blobs = firm.blobs().ok_or_else(|| {
            LexcaseError::storage("the firm has document contents but no blob store to read them")
        })?;
        for (n, hash) in contents.iter().enumerate() {
            let bytes = blobs.get(hash)?;
            w.start(&format!("{BLOBS}{}", hash.as_str()))?;
            w.bytes(&bytes, 1)?;
            report(progress, "export.contents", n as u64 + 1, Some(total))?;
        }
    }

    let head = tx.audit_head()?;
    let total = head.as_ref().map(|h| h.seq);
    w.start(AUDIT_EVENTS)?;
    let mut after = 0u64;
    loop {
        let events = tx.audit_records(after, PAGE)?;
        let Some(last) = events.last() else { break };
        after = last.seq;
        for event in &events {
            w.line(&AuditLine::of(event))?;
        }
        report(progress, "export.audit", after, total)?;
        if events.len() < PAGE as usize {
            break;
        }
    }
    w.finish_member();
    let Writer {
        mut zip, members, ..
    } = w;

    let manifest = Manifest {
        format: FORMAT_NAME.to_owned(),
        version: FORMAT_VERSION,
        audit_head: head,
        members,
    };
    let mut text = serde_json::to_vec_pretty(&manifest)
        .map_err(|_| LexcaseError::storage("the manifest cannot be encoded"))?;
    text.push(b'\n');
    zip.start_file(MANIFEST, options()).map_err(write_error)?;
    zip.write_all(&text).map_err(write_error)?;
    let mut out = zip.finish().map_err(write_error)?;
    out.flush().map_err(write_error)?;
    Ok(manifest)
}

/// Adds the content hashes a document, communication or kept bill rendering refers to.
pub(super) fn collect_contents(
    kind: RecordKind,
    value: &serde_json::Value,
    into: &mut BTreeSet<ContentHash>,
) -> Result<()> {
    let unreadable = |_| LexcaseError::storage("a stored record cannot be read for the archive");
    match kind {
        RecordKind::Documents => {
            let document: Document = serde_json::from_value(value.clone()).map_err(unreadable)?;
            contents_of_document(&document, into);
        }
        RecordKind::Communications => {
            let c: Communication = serde_json::from_value(value.clone()).map_err(unreadable)?;
            contents_of_communication(&c, into);
        }
        RecordKind::BillRenderings => {
            let r: BillRendering = serde_json::from_value(value.clone()).map_err(unreadable)?;
            into.insert(r.hash);
        }
        _ => {}
    }
    Ok(())
}

pub(super) fn contents_of_document(document: &Document, into: &mut BTreeSet<ContentHash>) {
    into.extend(document.versions.iter().map(|v| v.hash.clone()));
}

pub(super) fn contents_of_communication(c: &Communication, into: &mut BTreeSet<ContentHash>) {
    into.extend(c.attachments.iter().map(|a| a.hash.clone()));
    into.extend(c.raw.clone());
}
