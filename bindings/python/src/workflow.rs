//! `session.workflow`.

use lexcase::MatterId;
use lexcase::service::Session;
use lexcase::workflow::WorkflowTemplate;
use pyo3::prelude::*;

use crate::convert::{Id, page, run};
use crate::page::PyPage;
use crate::workflow_types::{
    PyStageCount, PyStageMoveResult, PyStatusReport, PyWorkflowProgress, PyWorkflowTemplate,
};

/// Workflow of matters (`session.workflow`): templates, starting a matter on one, ticking its
/// checklist, moving it through its stages, and reports. Reading follows the matter's
/// visibility; changing needs `edit_matters`; overriding a blocked gate needs
/// `override_workflow_gates` and a reason.
#[pyclass(frozen, module = "lexcase", name = "WorkflowService")]
pub struct PyWorkflowService(pub Session);

impl PyWorkflowService {
    fn register(
        &self,
        py: Python<'_>,
        parsed: lexcase::Result<WorkflowTemplate>,
    ) -> PyResult<PyWorkflowTemplate> {
        run(py, || self.0.workflow().register_template(parsed?)).map(PyWorkflowTemplate)
    }
}

#[pymethods]
impl PyWorkflowService {
    /// Every registered template version.
    fn templates(&self, py: Python<'_>) -> PyResult<Vec<PyWorkflowTemplate>> {
        run(py, || self.0.workflow().templates())
            .map(|list| list.into_iter().map(PyWorkflowTemplate).collect())
    }

    /// A template: the given version, or the latest.
    #[pyo3(signature = (id, version=None))]
    fn template(
        &self,
        py: Python<'_>,
        id: &str,
        #[pyo3(from_py_with = crate::ints::version)] version: Option<u32>,
    ) -> PyResult<PyWorkflowTemplate> {
        run(py, || self.0.workflow().template(id, version)).map(PyWorkflowTemplate)
    }

    /// Registers a new template version from TOML (needs `manage_firm` and
    /// `override_workflow_gates`); running matters stay on the version they started with.
    fn register_template_toml(&self, py: Python<'_>, text: &str) -> PyResult<PyWorkflowTemplate> {
        self.register(py, WorkflowTemplate::from_toml(text))
    }

    /// Registers a new template version from JSON, as `register_template_toml`.
    fn register_template_json(&self, py: Python<'_>, text: &str) -> PyResult<PyWorkflowTemplate> {
        self.register(py, WorkflowTemplate::from_json(text))
    }

    /// Starts a matter on a template (its latest version unless given); the matter stays
    /// pinned to that version and the first stage's tasks are created.
    #[pyo3(signature = (matter, template_id, version=None))]
    fn start(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        template_id: &str,
        #[pyo3(from_py_with = crate::ints::version)] version: Option<u32>,
    ) -> PyResult<PyWorkflowProgress> {
        run(py, || {
            self.0.workflow().start(matter.0, template_id, version)
        })
        .map(PyWorkflowProgress)
    }

    /// The workflow of a matter.
    fn get(&self, py: Python<'_>, matter: Id<MatterId>) -> PyResult<PyWorkflowProgress> {
        run(py, || self.0.workflow().get(matter.0)).map(PyWorkflowProgress)
    }

    /// Ticks a checklist item, with an optional note.
    #[pyo3(signature = (matter, expected_version, item, note=None))]
    fn complete_item(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        item: &str,
        note: Option<&str>,
    ) -> PyResult<PyWorkflowProgress> {
        run(py, || {
            self.0
                .workflow()
                .complete_item(matter.0, expected_version, item, note)
        })
        .map(PyWorkflowProgress)
    }

    /// Un-ticks a checklist item.
    fn reopen_item(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        item: &str,
    ) -> PyResult<PyWorkflowProgress> {
        run(py, || {
            self.0
                .workflow()
                .reopen_item(matter.0, expected_version, item)
        })
        .map(PyWorkflowProgress)
    }

    /// Moves a running matter onto a newer version of its template (needs
    /// `override_workflow_gates`); returns the new progress and the completed items dropped
    /// because the new version lacks them.
    fn migrate(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        #[pyo3(from_py_with = crate::ints::to_version)] to_version: u32,
    ) -> PyResult<(PyWorkflowProgress, Vec<String>)> {
        run(py, || {
            self.0
                .workflow()
                .migrate(matter.0, expected_version, to_version)
        })
        .map(|(p, dropped)| (PyWorkflowProgress(p), dropped))
    }

    /// Moves the matter to `stage`. A blocked gate returns the blockers and changes nothing;
    /// with `override_reason` a user with `override_workflow_gates` moves past it.
    #[pyo3(signature = (matter, expected_version, stage, override_reason=None))]
    fn move_to(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        stage: &str,
        override_reason: Option<&str>,
    ) -> PyResult<PyStageMoveResult> {
        run(py, || {
            self.0
                .workflow()
                .move_to(matter.0, expected_version, stage, override_reason)
        })
        .map(PyStageMoveResult)
    }

    /// The status report of a matter's workflow.
    fn report(&self, py: Python<'_>, matter: Id<MatterId>) -> PyResult<PyStatusReport> {
        run(py, || self.0.workflow().report(matter.0)).map(PyStatusReport)
    }

    /// Matters per template stage, over the matters the acting user may see.
    fn stage_counts(&self, py: Python<'_>) -> PyResult<Vec<PyStageCount>> {
        run(py, || self.0.workflow().stage_counts())
            .map(|list| list.into_iter().map(PyStageCount).collect())
    }

    /// Workflows whose matter has been in its current stage for at least `days` days (today
    /// in the firm's zone), longest-waiting first.
    #[pyo3(signature = (days, offset=0, limit=50, after=None) -> "Page[WorkflowProgress]")]
    fn stuck(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::days_u32)] days: u32,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.workflow().stuck(days, page))?;
        PyPage::new(py, paged, PyWorkflowProgress)
    }
}
