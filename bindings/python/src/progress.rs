//! Progress of long calls from Python: a callable `progress(phase, done, total)` that may
//! cancel, as every long call takes it (`progress=` keyword).

use lexcase::progress::{Flow, Progress, ProgressUpdate};
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

/// Runs `call` with the GIL released, reporting to `progress` (a callable or `None`); a cancel
/// is `CancelledError`, or the callable's own exception when it raised one.
pub(crate) fn run_with_progress<T, F>(
    py: Python<'_>,
    progress: Option<Py<PyAny>>,
    call: F,
) -> PyResult<T>
where
    F: FnOnce(&mut dyn Progress) -> Result<T> + Send,
    T: Send,
{
    let mut reporter = PyProgress::new(progress);
    let result = py.detach(|| call(&mut reporter));
    reporter.finish(result)
}
