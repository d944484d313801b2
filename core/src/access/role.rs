//! Firm roles and the capabilities each one grants.

use serde::{Deserialize, Serialize};

use super::Capability;

/// A user's role in the firm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Role {
    /// Runs the system: users, settings, walls; sees restricted matters (never walled ones).
    Admin,
    /// A partner: opens, runs and closes matters, sees rates, manages walls, reads the audit trail.
    Partner,
    /// A fee earner (solicitor, attorney, associate): opens and runs matters.
    FeeEarner,
    /// A paralegal: works on matters and contacts.
    Paralegal,
    /// A secretary: keeps contacts and matter details.
    Secretary,
    /// Accounts staff: sees rates and the audit trail.
    Accounts,
    /// Reads what it may see and changes nothing.
    ReadOnly,
}

crate::names::stable_names!(Role, "role", "role", {
    Admin = "admin",
    Partner = "partner",
    FeeEarner = "fee_earner",
    Paralegal = "paralegal",
    Secretary = "secretary",
    Accounts = "accounts",
    ReadOnly = "read_only",
});

impl Role {
    /// The capabilities this role grants.
    pub fn capabilities(self) -> &'static [Capability] {
        use Capability::*;
        match self {
            Role::Admin => &[
                ManageFirm,
                ManageUsers,
                ViewRates,
                ManageContacts,
                OpenMatters,
                EditMatters,
                ChangeMatterStatus,
                ArchiveMatters,
                ManageMatterAccess,
                ViewRestrictedMatters,
                ViewAudit,
                OverrideWorkflowGates,
                RecordTime,
                ManageBilling,
                ManageClientMoney,
                OverrideClientMoney,
            ],
            Role::Partner => &[
                ViewRates,
                ManageContacts,
                OpenMatters,
                EditMatters,
                ChangeMatterStatus,
                ArchiveMatters,
                ManageMatterAccess,
                ViewAudit,
                OverrideWorkflowGates,
                RecordTime,
                ManageBilling,
                ManageClientMoney,
                OverrideClientMoney,
            ],
            Role::FeeEarner => &[
                ManageContacts,
                OpenMatters,
                EditMatters,
                ChangeMatterStatus,
                RecordTime,
            ],
            Role::Paralegal | Role::Secretary => &[ManageContacts, EditMatters, RecordTime],
            Role::Accounts => &[ViewRates, ViewAudit, ManageBilling, ManageClientMoney],
            Role::ReadOnly => &[],
        }
    }

    /// Whether this role grants `capability`.
    pub fn grants(self, capability: Capability) -> bool {
        self.capabilities().contains(&capability)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_garbage_is_refused() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>().unwrap(), role);
        }
        assert!("overlord".parse::<Role>().is_err());
    }

    #[test]
    fn read_only_grants_nothing_and_admin_everything() {
        assert!(Role::ReadOnly.capabilities().is_empty());
        for cap in Capability::ALL {
            assert!(Role::Admin.grants(cap), "{cap:?}");
        }
        assert!(!Role::FeeEarner.grants(Capability::ViewRates));
    }
}
