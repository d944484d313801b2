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
}

impl Capability {
    /// Every capability.
    pub const ALL: [Capability; 11] = [
        Capability::ManageFirm,
        Capability::ManageUsers,
        Capability::ViewRates,
        Capability::ManageContacts,
        Capability::OpenMatters,
        Capability::EditMatters,
        Capability::ChangeMatterStatus,
        Capability::ArchiveMatters,
        Capability::ManageMatterAccess,
        Capability::ViewRestrictedMatters,
        Capability::ViewAudit,
    ];

    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Capability::ManageFirm => "manage_firm",
            Capability::ManageUsers => "manage_users",
            Capability::ViewRates => "view_rates",
            Capability::ManageContacts => "manage_contacts",
            Capability::OpenMatters => "open_matters",
            Capability::EditMatters => "edit_matters",
            Capability::ChangeMatterStatus => "change_matter_status",
            Capability::ArchiveMatters => "archive_matters",
            Capability::ManageMatterAccess => "manage_matter_access",
            Capability::ViewRestrictedMatters => "view_restricted_matters",
            Capability::ViewAudit => "view_audit",
        }
    }
}
