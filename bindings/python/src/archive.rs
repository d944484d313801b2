//! Firm archives from Python: export to and import from a file, with a progress callable that
//! may cancel ([`crate::progress`]).

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use lexcase::progress::Progress;
use lexcase::service::Firm;
use lexcase::{LexcaseError, Result};

/// Exports `firm` to a new archive file at `path` (refused if it exists), returning the
/// manifest as JSON text. A cancelled or failed export removes the partial file.
pub(crate) fn export(firm: &Firm, path: &Path, progress: &mut dyn Progress) -> Result<String> {
    let file = File::options()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| LexcaseError::validation("path", format!("cannot create the archive: {e}")))?;
    let result = firm
        .export_archive_with_progress(BufWriter::new(file), progress)
        .and_then(|manifest| {
            serde_json::to_string(&manifest)
                .map_err(|_| LexcaseError::storage("the manifest cannot be encoded"))
        });
    if result.is_err() {
        // Best effort: a partial archive must not pass for an export.
        let _ = std::fs::remove_file(path);
    }
    result
}

/// Imports the archive file at `path` into `firm`'s empty store, returning the manifest as
/// JSON text.
pub(crate) fn import(firm: &Firm, path: &Path, progress: &mut dyn Progress) -> Result<String> {
    let file = File::open(path)
        .map_err(|e| LexcaseError::validation("path", format!("cannot open the archive: {e}")))?;
    let manifest = firm.import_archive_with_progress(std::io::BufReader::new(file), progress)?;
    serde_json::to_string(&manifest)
        .map_err(|_| LexcaseError::storage("the manifest cannot be encoded"))
}
