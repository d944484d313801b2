//! `session.compliance`.

use lexcase::MatterId;
use lexcase::service::Session;
use pyo3::prelude::*;

use crate::compliance_types::{
    PyCompliancePack, PyMatterCompliance, PyRuleOverride, PyRuleTestOutcome,
};
use crate::convert::{Id, run};
use crate::progress::run_with_progress;

fn packs(packs: Vec<lexcase::rules::CompliancePack>) -> Vec<PyCompliancePack> {
    packs.into_iter().map(PyCompliancePack).collect()
}

/// Compliance rules (`session.compliance`): the packs the firm can put in force (built in and
/// installed) and those in force, a firm's own pack tested before it is installed, findings
/// on one matter or on a sweep of the firm, and the overrides recorded on a matter. With
/// packs in force, blocking rules gate matter opening (`MatterService.open`, or
/// `open_overriding` with a reason) and stage advances. Reading findings needs sight of the
/// matter; choosing and installing packs needs `manage_firm`.
#[pyclass(frozen, module = "lexcase", name = "ComplianceService")]
pub struct PyComplianceService(pub Session);

#[pymethods]
impl PyComplianceService {
    /// Every pack the firm can put in force: the built-in ones (each replaced by an installed
    /// pack of the same id) and the installed ones.
    fn available_packs(&self, py: Python<'_>) -> PyResult<Vec<PyCompliancePack>> {
        run(py, || self.0.compliance().available_packs()).map(packs)
    }

    /// The packs in force (none until the firm chooses).
    fn packs(&self, py: Python<'_>) -> PyResult<Vec<PyCompliancePack>> {
        run(py, || self.0.compliance().packs()).map(packs)
    }

    /// Puts exactly the packs `ids` in force and returns them; an id no available pack has is
    /// a `ValidationError` on `packs`. Needs `manage_firm`.
    fn set_packs_in_force(
        &self,
        py: Python<'_>,
        ids: Vec<String>,
    ) -> PyResult<Vec<PyCompliancePack>> {
        run(py, || self.0.compliance().set_packs_in_force(&ids)).map(packs)
    }

    /// Runs a pack's own test cases without installing it, one outcome per case.
    fn test_pack(
        &self,
        py: Python<'_>,
        pack: PyRef<'_, PyCompliancePack>,
    ) -> PyResult<Vec<PyRuleTestOutcome>> {
        let pack = pack.0.clone();
        let outcomes = run(py, || self.0.compliance().test_pack(&pack))?;
        Ok(outcomes.into_iter().map(PyRuleTestOutcome).collect())
    }

    /// Installs a pack and puts it in force (a newer version of an installed or built-in
    /// pack replaces it). A pack whose own tests fail is a `ValidationError` on `tests`; a
    /// version not newer than the one available, on `version`. Needs `manage_firm`.
    fn install_pack(
        &self,
        py: Python<'_>,
        pack: PyRef<'_, PyCompliancePack>,
    ) -> PyResult<PyCompliancePack> {
        let pack = pack.0.clone();
        run(py, || self.0.compliance().install_pack(pack)).map(PyCompliancePack)
    }

    /// What the rules in force find on one matter today (as a sweep would).
    fn evaluate(&self, py: Python<'_>, matter: Id<MatterId>) -> PyResult<PyMatterCompliance> {
        run(py, || self.0.compliance().evaluate(matter.0)).map(PyMatterCompliance)
    }

    /// Sweeps every matter the acting user may see that is not archived; the matters with
    /// findings. `progress(phase, done, total)` is called batch by batch with the matters
    /// swept (`sweep.matters`, of those the sweep covers); returning `False` — or raising —
    /// cancels: `CancelledError` (or the callable's exception). A sweep writes nothing.
    #[pyo3(signature = (*, progress: "_Progress | None"=None))]
    fn sweep(
        &self,
        py: Python<'_>,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Vec<PyMatterCompliance>> {
        let found =
            run_with_progress(py, progress, |p| self.0.compliance().sweep_with_progress(p))?;
        Ok(found.into_iter().map(PyMatterCompliance).collect())
    }

    /// The overrides recorded on a matter, oldest first.
    fn overrides(&self, py: Python<'_>, matter: Id<MatterId>) -> PyResult<Vec<PyRuleOverride>> {
        let found = run(py, || self.0.compliance().overrides(matter.0))?;
        Ok(found.into_iter().map(PyRuleOverride).collect())
    }
}
