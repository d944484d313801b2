//! `session.conflicts`.

use lexcase::MatterId;
use lexcase::matters::HitDisposition;
use lexcase::service::Session;
use pyo3::prelude::*;

use crate::conflict_types::{PyConflictCheck, PyConflictHit};
use crate::convert::{Id, parse, run};
use crate::progress::run_with_progress;
use crate::recheck_types::PyConflictRecheck;

/// Conflict checks (`session.conflicts`): names and identifiers searched over every contact
/// and every matter party (current, closed and archived matters, every role) and their
/// affiliates, the check stored on a matter with a decision per hit, re-run by itself when
/// the matter's parties change. Searching and running checks need `open_matters` or
/// `edit_matters`; clearing a hit needs the same, waiving or declining one needs
/// `manage_matter_access`. A hit on a matter the acting user may not see is withheld: it says
/// only that a conflict exists.
#[pyclass(frozen, module = "lexcase", name = "ConflictService")]
pub struct PyConflictService(pub Session);

#[pymethods]
impl PyConflictService {
    /// Searches `names` and `identifiers` (company numbers, tax ids; spacing and punctuation
    /// ignored) without storing anything; the hits best first, each explained. A blank name is
    /// a `ValidationError` on `names`.
    #[pyo3(signature = (*, names=Vec::new(), identifiers=Vec::new()))]
    fn search(
        &self,
        py: Python<'_>,
        names: Vec<String>,
        identifiers: Vec<String>,
    ) -> PyResult<Vec<PyConflictHit>> {
        let hits = run(py, || self.0.conflicts().search(&names, &identifiers))?;
        Ok(hits.into_iter().map(PyConflictHit).collect())
    }

    /// Runs the matter's check over the names and identifiers of all its parties and stores
    /// it; decisions already made about the same hits are kept.
    fn run(&self, py: Python<'_>, matter: Id<MatterId>) -> PyResult<PyConflictCheck> {
        run(py, || self.0.conflicts().run(matter.0)).map(PyConflictCheck)
    }

    /// Re-runs every stored conflict check on the matters the acting user may see that are
    /// not archived (after taking on many new contacts, or when the matching rules change), in
    /// one command: all or none. Decisions already made about the same hits are kept; a matter
    /// behind a wall from the user is left as it is. Needs `open_matters` or `edit_matters`.
    /// Returns how many checks were re-run and the matters whose check found new hits.
    /// `progress(phase, done, total)` is called page by page with the matters looked at
    /// (`conflicts.recheck`); returning `False` — or raising — cancels: `CancelledError` (or
    /// the callable's exception), and no check is re-run.
    #[pyo3(signature = (*, progress: "_Progress | None"=None))]
    fn recheck_all(
        &self,
        py: Python<'_>,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<PyConflictRecheck> {
        run_with_progress(py, progress, |p| {
            self.0.conflicts().recheck_all_with_progress(p)
        })
        .map(PyConflictRecheck)
    }

    /// The matter's check, or `None` if none was run.
    fn get(&self, py: Python<'_>, matter: Id<MatterId>) -> PyResult<Option<PyConflictCheck>> {
        let check = run(py, || self.0.conflicts().get(matter.0))?;
        Ok(check.map(PyConflictCheck))
    }

    /// Records a decision about hit number `hit` (an index into `ConflictCheck.hits`):
    /// `disposition` is `cleared` (not a conflict), `waived` (consent confirmed in writing) or
    /// `declined`; `note` (required) says why. Waiving and declining need
    /// `manage_matter_access`. An index past the hits is a `NotFoundError`.
    #[pyo3(signature = (matter, expected_version, *, hit, disposition: "Literal['cleared', 'waived', 'declined']", note))]
    fn decide(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        #[pyo3(from_py_with = crate::ints::hit)] hit: usize,
        disposition: &str,
        note: &str,
    ) -> PyResult<PyConflictCheck> {
        let disposition = parse::<HitDisposition>(disposition)?;
        run(py, || {
            self.0
                .conflicts()
                .decide(matter.0, expected_version, hit, disposition, note)
        })
        .map(PyConflictCheck)
    }
}
