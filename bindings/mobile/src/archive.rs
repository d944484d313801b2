//! Firm archives from Kotlin and Swift: the whole firm written to a file and read back into an
//! empty one, with an optional progress listener that may cancel.

use std::path::Path;
use std::sync::Arc;

use lexcase::archive::{Manifest as CoreManifest, Member as CoreMember};

use crate::error::Result;
use crate::firm::Firm;
use crate::progress::{ProgressListener, listened};
use crate::records::AuditHead;

/// One member of an archive: its path, its line count (1 for a document's contents), size and
/// SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ArchiveMember {
    /// Its path inside the archive.
    pub name: String,
    /// Lines (records) of a JSON Lines member; 1 for a document's contents.
    pub count: u64,
    /// Its size in bytes.
    pub bytes: u64,
    /// The SHA-256 of its bytes, hex.
    pub sha256: String,
}

impl From<CoreMember> for ArchiveMember {
    fn from(m: CoreMember) -> Self {
        let CoreMember {
            name,
            count,
            bytes,
            sha256,
        } = m;
        Self {
            name,
            count,
            bytes,
            sha256,
        }
    }
}

/// What an archive holds: its format and version, the head of the firm's audit chain when it
/// was exported (null for an empty log) and every member.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ArchiveManifest {
    /// Always `lexcase-firm-archive`.
    pub format: String,
    /// The archive format version.
    pub version: u32,
    /// The audit head at export.
    pub audit_head: Option<AuditHead>,
    /// Every member but the manifest, in the order written.
    pub members: Vec<ArchiveMember>,
}

impl From<CoreManifest> for ArchiveManifest {
    fn from(m: CoreManifest) -> Self {
        Self {
            format: m.format,
            version: m.version,
            audit_head: m.audit_head,
            members: crate::convert::all(m.members),
        }
    }
}

#[uniffi::export]
impl Firm {
    /// Writes the whole firm (settings, users, contacts, matters and all their data, time,
    /// bills, client money, rule packs, templates, documents with every version, the audit
    /// chain) to a new archive file at `path` and returns its manifest. A file that exists is
    /// a `Validation` error (field `path`). `listener` hears the phases `export.records`,
    /// `export.contents` and `export.audit`; cancelling (or a failure) removes the partial
    /// file.
    #[uniffi::method(default(listener = None))]
    pub fn export_archive(
        &self,
        path: String,
        listener: Option<Arc<dyn ProgressListener>>,
    ) -> Result<ArchiveManifest> {
        listened(listener, |p| {
            self.core().export_archive_file(Path::new(&path), p)
        })
        .map(Into::into)
    }

    /// Reads the archive file at `path` into this firm, whose database must be empty (a new
    /// file; else `Conflict`), and returns its manifest. The whole archive is checked before
    /// anything is written — a damaged, cut-off or newer archive is `InvalidArchive` — then
    /// written in one transaction, the audit chain exactly as exported. `listener` hears the
    /// phases `import.check`, `import.contents` and `import.write`; cancelling writes nothing.
    #[uniffi::method(default(listener = None))]
    pub fn import_archive(
        &self,
        path: String,
        listener: Option<Arc<dyn ProgressListener>>,
    ) -> Result<ArchiveManifest> {
        listened(listener, |p| {
            self.core().import_archive_file(Path::new(&path), p)
        })
        .map(Into::into)
    }
}
