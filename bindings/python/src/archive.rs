//! Firm archives from Python: export to and import from a file, with a progress callable that
//! may cancel.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use lexcase::progress::{Flow, Progress, ProgressUpdate};
use lexcase::service::Firm;
use lexcase::{LexcaseError, Result};
use pyo3::prelude::*;

/// Calls `progress(phase: str, done: int, total: int | None)` for every update. `False`
/// cancels the call; an exception raised by the callable cancels it too and is raised again
/// once the call has written nothing. Anything else goes on.
pub(crate) struct PyProgress {
    callable: Option<Py<PyAny>>,
    raised: Option<PyErr>,
}

impl PyProgress {
    /// A progress reporter calling `callable`, or reporting nowhere for `None`.
    pub(crate) fn new(callable: Option<Py<PyAny>>) -> Self {
        Self {
            callable,
            raised: None,
        }
    }

    /// The result of the call, with the callable's own exception in place of `cancelled`
    /// when it raised one.
    pub(crate) fn finish<T>(self, result: Result<T>) -> PyResult<T> {
        match (result, self.raised) {
            (Err(LexcaseError::Cancelled), Some(raised)) => Err(raised),
            (result, _) => result.map_err(crate::errors::to_py),
        }
    }
}

impl Progress for PyProgress {
    fn update(&mut self, update: ProgressUpdate) -> Flow {
        let Some(callable) = &self.callable else {
            return Flow::Continue;
        };
        Python::attach(
            |py| match callable.call1(py, (update.phase, update.done, update.total)) {
                Ok(answer) => match answer.extract::<bool>(py) {
                    Ok(false) => Flow::Cancel,
                    _ => Flow::Continue,
                },
                Err(e) => {
                    self.raised = Some(e);
                    Flow::Cancel
                }
            },
        )
    }
}

/// Exports `firm` to a new archive file at `path` (refused if it exists), returning the
/// manifest as JSON text. A cancelled or failed export removes the partial file.
pub(crate) fn export(firm: &Firm, path: &Path, progress: &mut PyProgress) -> Result<String> {
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
pub(crate) fn import(firm: &Firm, path: &Path, progress: &mut PyProgress) -> Result<String> {
    let file = File::open(path)
        .map_err(|e| LexcaseError::validation("path", format!("cannot open the archive: {e}")))?;
    let manifest = firm.import_archive_with_progress(std::io::BufReader::new(file), progress)?;
    serde_json::to_string(&manifest)
        .map_err(|_| LexcaseError::storage("the manifest cannot be encoded"))
}
