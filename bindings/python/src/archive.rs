//! Firm archives from Python: export to and import from a file, with a progress callable that
//! may cancel ([`crate::progress`]); the manifest comes back as JSON text.

use std::path::Path;

use lexcase::archive::Manifest;
use lexcase::progress::Progress;
use lexcase::service::Firm;
use lexcase::{LexcaseError, Result};

fn manifest_json(manifest: &Manifest) -> Result<String> {
    serde_json::to_string(manifest)
        .map_err(|_| LexcaseError::storage("the manifest cannot be encoded"))
}

/// Exports `firm` to a new archive file at `path` (refused if it exists), returning the
/// manifest as JSON text. A cancelled or failed export removes the partial file.
pub(crate) fn export(firm: &Firm, path: &Path, progress: &mut dyn Progress) -> Result<String> {
    manifest_json(&firm.export_archive_file(path, progress)?)
}

/// Imports the archive file at `path` into `firm`'s empty store, returning the manifest as
/// JSON text.
pub(crate) fn import(firm: &Firm, path: &Path, progress: &mut dyn Progress) -> Result<String> {
    manifest_json(&firm.import_archive_file(path, progress)?)
}
