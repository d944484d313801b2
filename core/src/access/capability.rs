//! What a role allows.

use serde::{Deserialize, Serialize};

/// One thing a user may be allowed to do. Roles grant sets of capabilities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// Change the firm's settings and custom-field definitions.
    ManageFirm,
    /// Create users, change their role, rate and active flag.
    ManageUsers,
    /// See hourly rates.
    ViewRates,
    /// Create and edit contacts.
    ManageContacts,
    /// Open (create) matters.
    OpenMatters,
    /// Edit matter details, parties, team, key dates and custom fields.
    EditMatters,
    /// Move a matter through pending → open → closed and reopen it.
    ChangeMatterStatus,
    /// Archive closed or abandoned matters.
    ArchiveMatters,
    /// Set a matter's visibility and its ethical walls.
    ManageMatterAccess,
    /// See matters restricted to a team the user is not on (never walled ones).
    ViewRestrictedMatters,
    /// Read and verify the audit trail.
    ViewAudit,
    /// Register workflow templates (with `manage_firm`) and move a matter past a blocked gate
    /// with a reason.
    OverrideWorkflowGates,
    /// Record time and expenses on matters (one's own time; others' with `manage_billing`).
    RecordTime,
    /// Set billing terms and the firm's billing settings, write off work, draft, approve and
    /// issue bills, record payments.
    ManageBilling,
    /// Record client-money (trust) receipts, payments and transfers, and reconcile.
    ManageClientMoney,
    /// Let a client-money payment take a client ledger below zero, with a reason.
    OverrideClientMoney,
}

crate::names::stable_names!(Capability, "capability", "capability", {
    ManageFirm = "manage_firm",
    ManageUsers = "manage_users",
    ViewRates = "view_rates",
    ManageContacts = "manage_contacts",
    OpenMatters = "open_matters",
    EditMatters = "edit_matters",
    ChangeMatterStatus = "change_matter_status",
    ArchiveMatters = "archive_matters",
    ManageMatterAccess = "manage_matter_access",
    ViewRestrictedMatters = "view_restricted_matters",
    ViewAudit = "view_audit",
    OverrideWorkflowGates = "override_workflow_gates",
    RecordTime = "record_time",
    ManageBilling = "manage_billing",
    ManageClientMoney = "manage_client_money",
    OverrideClientMoney = "override_client_money",
});
