//! `lexcase migrate`: a firm moved from its SQLite file into a PostgreSQL database through a
//! firm archive ([`lexcase::archive`]): exported from the file to a temporary archive,
//! imported into an empty firm of the database, and its audit chain verified there.

use std::io::{BufReader, BufWriter, Seek};
use std::path::Path;
use std::sync::Arc;

use lexcase::audit::AuditHead;
use lexcase::progress::ProgressUpdate;
use lexcase::service::Firm;
use lexcase::{LexcaseError, Result};
use lexcase_postgres::{PgDatabase, PgOptions};
use uuid::Uuid;

use crate::{Bar, io_error, open, session};

/// Where the firm went.
pub struct Migrated {
    /// The firm's id in the database.
    pub firm: Uuid,
    /// The audit head, the same in the file and the database.
    pub head: Option<AuditHead>,
}

/// Moves the firm in `file` into firm `target` (a new id when `None`) of the PostgreSQL
/// database at `url`, which must hold nothing for it ([`LexcaseError::Conflict`] otherwise,
/// checked before anything is exported), showing progress on `bar`; then verifies the
/// imported chain as `actor` against the head exported.
pub fn migrate(
    file: &Path,
    url: &str,
    target: Option<Uuid>,
    actor: &str,
    bar: &mut Bar,
) -> Result<Migrated> {
    let source = open(file)?;
    let db = PgDatabase::connect(url, PgOptions::default())?;
    let id = target.unwrap_or_else(Uuid::now_v7);
    let store = db.open_firm(id)?;
    let moved = Firm::new(store.clone()).with_blobs(Arc::new(store.blobs()));
    lexcase::archive::ensure_empty(&*moved.store().read()?)?;

    // The archive lives in an unnamed temporary file, gone when it is dropped.
    let mut archive = tempfile::tempfile().map_err(io_error)?;
    source
        .export_archive_with_progress(BufWriter::new(&mut archive), &mut |u: ProgressUpdate| {
            bar.update(u)
        })?;
    archive.rewind().map_err(io_error)?;
    let manifest = moved
        .import_archive_with_progress(BufReader::new(&mut archive), &mut |u: ProgressUpdate| {
            bar.update(u)
        })?;
    bar.bar.finish_and_clear();

    let audit = session(&moved, actor)?;
    let result = match &manifest.audit_head {
        Some(head) => audit.audit().verify_against(head)?,
        None => audit.audit().verify()?,
    };
    let head = audit.audit().head()?;
    if !result.is_intact() || head != manifest.audit_head {
        return Err(LexcaseError::Integrity {
            reason: "the migrated audit chain does not verify to the exported head".into(),
        });
    }
    Ok(Migrated { firm: id, head })
}
