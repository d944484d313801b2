//! Firm archives: the whole firm in one file, to take it anywhere (another machine, another
//! store) and back, losslessly.
//!
//! # Format (version 1)
//!
//! An archive is a zip file (deflate) whose members are written in a fixed order with fixed
//! timestamps (1980-01-01) and permissions, so that the same firm always gives the same bytes:
//!
//! | member | what |
//! |---|---|
//! | `firm/settings.jsonl` | the firm's settings (one line, none before initialisation) |
//! | `firm/billing_settings.jsonl` | the firm's billing defaults (zero or one line) |
//! | `firm/workflow_templates.jsonl` | every workflow template version |
//! | `firm/document_templates.jsonl` | every stored document template version (installed ones, and built-ins the firm retired), by id then version |
//! | `firm/letterhead.jsonl` | the firm's letterhead (zero or one line) |
//! | `firm/rule_packs.jsonl` | the installed compliance rule packs |
//! | `firm/enabled_rule_packs.jsonl` | one line: the ids of the packs in force |
//! | `records/<kind>.jsonl` | every record of each [`RecordKind`], in key order, one `{"key", "record"}` object a line: users, contacts, matters (parties, team, walls, key dates), matter workflows, tasks, notes (every version), documents (every version), document texts, calendar entries, deadlines, communications, bills, the renderings kept with issued bills, time entries, expenses, timers, billing terms, payments, client money, reconciliations, conflict checks, rule overrides, counters |
//! | `audit/events.jsonl` | every audit event exactly as stored ([`AuditLine`]: changes and hashes in hex), in chain order |
//! | `blobs/<sha256>` | the contents of every document version, attachment, original email and kept bill rendering, named by their SHA-256 |
//! | `manifest.json` | [`Manifest`]: format name and version, the audit head, and each member's line count, size and SHA-256 |
//!
//! Records are the domain types' serde forms (money as decimal strings, never floats).
//!
//! Every member is required: an archive missing one, or holding one this build does not know,
//! is refused. The format is still version 1 although the document templates, the letterhead
//! and the kept bill renderings joined it after its first cut: no release of lexcase has
//! written an archive without them, and a build from before they joined refuses an archive
//! that has them (a member it does not know) rather than dropping them, so nothing is ever
//! lost silently. The version moves when a reader of version 1 could misread an archive.
//!
//! # Import
//!
//! [`import`] reads an archive into an **empty** store (a firm with settings or audit events is
//! refused with a conflict). It first checks the whole archive — manifest, format version (a
//! newer one is refused), that the members are exactly those listed, each member's size, hash
//! and line count, that every line parses as its record, that the audit events link up to the
//! manifest's head, and that every referenced document content is present — and only then
//! writes, in one write transaction: records through the store traits, then the audit events as
//! they are (so `verify` passes on the imported firm and its head is the same). Any error,
//! including a cancel from the progress callback, rolls it back: nothing is written.
//!
//! This is also how a firm moves between stores (a laptop's SQLite file to a server store):
//! export from one, import into the other.

mod export;
mod format;
mod import;

pub use export::export;
pub use format::{
    AUDIT_EVENTS, AuditLine, FORMAT_NAME, FORMAT_VERSION, MANIFEST, Manifest, Member, RecordLine,
    records_member,
};
pub use import::{ensure_empty, import};

pub use crate::store::RecordKind;

use std::io::{Read, Seek, Write};

use crate::error::Result;
use crate::progress::{Progress, Silent};
use crate::service::Firm;

impl Firm {
    /// Writes the whole firm to `out` as an archive (see [`crate::archive`]); returns its
    /// manifest. Reads everything the store holds, whoever may see it: it is for whoever
    /// holds the firm's file, like a backup.
    pub fn export_archive<W: Write + Seek>(&self, out: W) -> Result<Manifest> {
        export(self, out, &mut Silent)
    }

    /// [`Firm::export_archive`], reporting progress to `progress`, which may cancel.
    pub fn export_archive_with_progress<W: Write + Seek>(
        &self,
        out: W,
        progress: &mut dyn Progress,
    ) -> Result<Manifest> {
        export(self, out, progress)
    }

    /// Reads an archive into this firm's store, which must be empty (see [`import`]).
    pub fn import_archive<R: Read + Seek>(&self, input: R) -> Result<Manifest> {
        import(self, input, &mut Silent)
    }

    /// [`Firm::import_archive`], reporting progress to `progress`, which may cancel.
    pub fn import_archive_with_progress<R: Read + Seek>(
        &self,
        input: R,
        progress: &mut dyn Progress,
    ) -> Result<Manifest> {
        import(self, input, progress)
    }
}
