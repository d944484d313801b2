//! Workflow: templates, starting a matter on one, its checklist, stage moves and reports.

use lexcase::MatterId;

use crate::error::Result;
use crate::records::{
    MigrationResult, Page, StageCount, StageMoveResult, StatusReport, WorkflowPage,
    WorkflowProgress, WorkflowTemplate,
};

service_object! {
    /// Workflow of matters. Reading follows the matter's visibility (a hidden matter's workflow is
    /// `NotFound`); changing needs `edit_matters` and is based on the workflow's `expected_version`
    /// (else `StaleVersion`); moving past a blocked gate needs `override_workflow_gates` and a
    /// reason.
    WorkflowService
}

#[uniffi::export]
impl WorkflowService {
    /// Every registered template version (the built-in ones are registered with the firm).
    pub fn templates(&self) -> Result<Vec<WorkflowTemplate>> {
        Ok(self.session.workflow().templates()?)
    }

    /// A template: the given version, or the latest with null.
    pub fn template(&self, id: String, version: Option<u32>) -> Result<WorkflowTemplate> {
        Ok(self.session.workflow().template(&id, version)?)
    }

    /// Parses a template from TOML and registers it as a new version (needs `manage_firm`);
    /// running matters stay on the version they started with. A template that does not parse
    /// or is inconsistent is a `Validation` error.
    pub fn register_template_toml(&self, text: String) -> Result<WorkflowTemplate> {
        let template = WorkflowTemplate::from_toml(&text)?;
        Ok(self.session.workflow().register_template(template)?)
    }

    /// Starts a matter on a template (its latest version unless given) and creates the tasks
    /// of the first stage; the matter stays pinned to that version.
    pub fn start(
        &self,
        matter: MatterId,
        template_id: String,
        version: Option<u32>,
    ) -> Result<WorkflowProgress> {
        Ok(self
            .session
            .workflow()
            .start(matter, &template_id, version)?)
    }

    /// The workflow of a matter (`NotFound` when it has none).
    pub fn get(&self, matter: MatterId) -> Result<WorkflowProgress> {
        Ok(self.session.workflow().get(matter)?)
    }

    /// Ticks a checklist item of any stage (a document may arrive early), with an optional note.
    pub fn complete_item(
        &self,
        matter: MatterId,
        expected_version: u64,
        item: String,
        note: Option<String>,
    ) -> Result<WorkflowProgress> {
        Ok(self.session.workflow().complete_item(
            matter,
            expected_version,
            &item,
            note.as_deref(),
        )?)
    }

    /// Un-ticks a checklist item.
    pub fn reopen_item(
        &self,
        matter: MatterId,
        expected_version: u64,
        item: String,
    ) -> Result<WorkflowProgress> {
        Ok(self
            .session
            .workflow()
            .reopen_item(matter, expected_version, &item)?)
    }

    /// Moves a running matter onto a newer version of its template (needs
    /// `override_workflow_gates`), dropping completed items the new version lacks.
    pub fn migrate(
        &self,
        matter: MatterId,
        expected_version: u64,
        to_version: u32,
    ) -> Result<MigrationResult> {
        let (progress, dropped) =
            self.session
                .workflow()
                .migrate(matter, expected_version, to_version)?;
        Ok(MigrationResult { progress, dropped })
    }

    /// Moves the matter to `stage`. A blocked gate returns `moved = false` with the blockers
    /// and writes nothing; with `override_reason` a user with `override_workflow_gates` moves
    /// past it (others get `PermissionDenied`). Entering a stage creates its tasks.
    pub fn move_to(
        &self,
        matter: MatterId,
        expected_version: u64,
        stage: String,
        override_reason: Option<String>,
    ) -> Result<StageMoveResult> {
        Ok(self
            .session
            .workflow()
            .move_to(matter, expected_version, &stage, override_reason.as_deref())?
            .into())
    }

    /// The status report of a matter's workflow: done and outstanding items, blockers, history.
    pub fn report(&self, matter: MatterId) -> Result<StatusReport> {
        Ok(self.session.workflow().report(matter)?.into())
    }

    /// Matters per template stage, over the matters the actor may see.
    pub fn stage_counts(&self) -> Result<Vec<StageCount>> {
        Ok(self.session.workflow().stage_counts()?)
    }

    /// Workflows that have been in their current stage for at least `days` days (today in the
    /// firm's zone), longest-waiting first.
    pub fn stuck(&self, days: u32, page: Page) -> Result<WorkflowPage> {
        Ok(self
            .session
            .workflow()
            .stuck(days, page.try_into()?)?
            .into())
    }
}
