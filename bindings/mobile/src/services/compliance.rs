//! Compliance rules: packs in force, a firm's own packs tested and installed, findings on a
//! matter or across the firm, and the overrides recorded on a matter.

use std::sync::Arc;

use lexcase::MatterId;

use crate::error::Result;
use crate::progress::{ProgressListener, listened};
use crate::records::{CompliancePack, MatterCompliance, RuleOverride, RuleTestOutcome};

service_object! {
    /// Compliance rules. Reading findings needs sight of the matter; choosing and installing
    /// packs needs `manage_firm`; overriding a blocking rule (`matters().openOverriding`) needs
    /// `override_workflow_gates` and a reason.
    ComplianceService
}

#[uniffi::export]
impl ComplianceService {
    /// Every pack the firm can put in force (built in and installed).
    pub fn available_packs(&self) -> Result<Vec<CompliancePack>> {
        Ok(self.session.compliance().available_packs()?)
    }

    /// The packs in force.
    pub fn packs(&self) -> Result<Vec<CompliancePack>> {
        Ok(self.session.compliance().packs()?)
    }

    /// Puts exactly the packs `ids` in force and returns them; an id that is not available is
    /// a `Validation` error (field `packs`). Needs `manage_firm`.
    pub fn set_packs_in_force(&self, ids: Vec<String>) -> Result<Vec<CompliancePack>> {
        Ok(self.session.compliance().set_packs_in_force(&ids)?)
    }

    /// Runs a pack's own test cases without installing it; a pack that does not load is a
    /// `Validation` error.
    pub fn test_pack(&self, pack: CompliancePack) -> Result<Vec<RuleTestOutcome>> {
        Ok(self.session.compliance().test_pack(&pack)?)
    }

    /// Installs a pack and puts it in force. A pack whose own tests fail (`Validation`, field
    /// `tests`) or whose version is not above the one in force (field `version`) is refused.
    /// Needs `manage_firm`.
    pub fn install_pack(&self, pack: CompliancePack) -> Result<CompliancePack> {
        Ok(self.session.compliance().install_pack(pack)?)
    }

    /// What the rules in force find on one matter today, each finding with its override.
    pub fn evaluate(&self, matter: MatterId) -> Result<MatterCompliance> {
        Ok(self.session.compliance().evaluate(matter)?)
    }

    /// Sweeps every matter the actor may see that is not archived; returns those with
    /// findings. `listener` hears the matters swept, batch by batch (`sweep.matters`, of
    /// those the sweep covers), and may cancel (`Cancelled`); a sweep writes nothing.
    #[uniffi::method(default(listener = None))]
    pub fn sweep(
        &self,
        listener: Option<Arc<dyn ProgressListener>>,
    ) -> Result<Vec<MatterCompliance>> {
        listened(listener, |p| {
            self.session.compliance().sweep_with_progress(p)
        })
    }

    /// The overrides recorded on a matter, oldest first.
    pub fn overrides(&self, matter: MatterId) -> Result<Vec<RuleOverride>> {
        Ok(self.session.compliance().overrides(matter)?)
    }
}
