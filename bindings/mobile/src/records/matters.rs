//! Matters: the core's records and enums cross the FFI as they are (`lexcase::matters`,
//! `lexcase::access`, `lexcase::service::MatterFilter`); this module keeps what has no core
//! counterpart: the tri-state change of the originating fee earner and the page of matters.

pub use lexcase::access::{EthicalWall, MatterAccess, Visibility};
pub use lexcase::matters::{
    BillingArrangement, BillingKind, CustomValue, Matter, MatterRole, MatterStatus, NewMatter,
    Party, PartyRole, StatusChange, TeamMember,
};
pub use lexcase::service::MatterFilter;

use lexcase::UserId;

use crate::convert::page_record;
use lexcase::matters::MatterChanges as CoreMatterChanges;

/// How `MatterChanges` changes the originating fee earner (null there leaves it as it is).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum OriginatingChange {
    /// Make this user the originating fee earner.
    Set {
        /// The user's id.
        user: UserId,
    },
    /// Record no originating fee earner.
    Clear,
}

impl From<OriginatingChange> for Option<UserId> {
    fn from(change: OriginatingChange) -> Self {
        match change {
            OriginatingChange::Set { user } => Some(user),
            OriginatingChange::Clear => None,
        }
    }
}

/// A partial update of a matter's details; null leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct MatterChanges {
    /// New title.
    #[uniffi(default)]
    pub title: Option<String>,
    /// New description.
    #[uniffi(default)]
    pub description: Option<String>,
    /// New practice area.
    #[uniffi(default)]
    pub practice_area: Option<String>,
    /// New responsible fee earner.
    #[uniffi(default)]
    pub responsible: Option<UserId>,
    /// Set or clear the originating fee earner.
    #[uniffi(default)]
    pub originating: Option<OriginatingChange>,
    /// New billing arrangement.
    #[uniffi(default)]
    pub billing: Option<BillingArrangement>,
}

impl From<MatterChanges> for CoreMatterChanges {
    fn from(changes: MatterChanges) -> Self {
        Self {
            title: changes.title,
            description: changes.description,
            practice_area: changes.practice_area,
            responsible: changes.responsible,
            originating: changes.originating.map(Option::<UserId>::from),
            billing: changes.billing,
        }
    }
}

page_record! {
    /// One page of matters and the total number the acting user may see.
    MatterPage of Matter,
    items: "The matters in this page, newest first.",
    total: "How many matters match in all (hidden matters are not counted).",
}
