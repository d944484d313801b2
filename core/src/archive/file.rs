//! Firm archives as files: what the bindings and a command line call with a path.

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::Path;

use super::Manifest;
use crate::error::{LexcaseError, Result};
use crate::progress::Progress;
use crate::service::Firm;

impl Firm {
    /// Writes the whole firm to a new archive file at `path` (see [`Firm::export_archive`]),
    /// reporting progress to `progress`, which may cancel. A file that exists, or one that
    /// cannot be created, is a validation error on `path`; a failed or cancelled export
    /// removes the partial file, so no file at `path` passes for an export.
    pub fn export_archive_file(
        &self,
        path: &Path,
        progress: &mut dyn Progress,
    ) -> Result<Manifest> {
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| {
                LexcaseError::validation("path", format!("cannot create the archive: {e}"))
            })?;
        let result = self.export_archive_with_progress(BufWriter::new(file), progress);
        if result.is_err() {
            // Best effort: the file was created by this call and holds no manifest.
            let _ = std::fs::remove_file(path);
        }
        result
    }

    /// Reads the archive file at `path` into this firm's empty store (see
    /// [`Firm::import_archive`]), reporting progress to `progress`, which may cancel. A file
    /// that cannot be opened is a validation error on `path`.
    pub fn import_archive_file(
        &self,
        path: &Path,
        progress: &mut dyn Progress,
    ) -> Result<Manifest> {
        let file = File::open(path).map_err(|e| {
            LexcaseError::validation("path", format!("cannot open the archive: {e}"))
        })?;
        self.import_archive_with_progress(BufReader::new(file), progress)
    }
}
