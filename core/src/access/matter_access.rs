//! Who may see a matter: its visibility, and the ethical walls that exclude named users.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::UserId;

/// Who may see a matter besides its team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Visibility {
    /// Everyone in the firm (except walled users).
    #[default]
    Firm,
    /// Only the matter's team: responsible and originating fee earners and team members
    /// (and users whose role grants `ViewRestrictedMatters`), never walled users.
    Team,
}

crate::names::stable_names!(Visibility, "visibility", "visibility", {
    Firm = "firm",
    Team = "team",
});

/// An ethical wall: the user is screened from the matter; for them it does not exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EthicalWall {
    /// The screened user.
    pub user: UserId,
    /// Why (for the compliance file).
    pub reason: String,
    /// Who put the wall up.
    pub by: UserId,
    /// When.
    pub at: DateTime<Utc>,
}

/// The access part of a matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatterAccess {
    /// Firm-visible or team-only.
    pub visibility: Visibility,
    /// Users screened from the matter.
    pub walls: Vec<EthicalWall>,
}

impl MatterAccess {
    /// Whether `user` is behind a wall on this matter.
    pub fn is_walled(&self, user: UserId) -> bool {
        self.walls.iter().any(|w| w.user == user)
    }
}

/// The user a query runs for, with what their role lets them see. Stores apply exactly
/// [`Viewer::can_see`]'s rule in their list and count queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewer {
    /// The acting user.
    pub user: UserId,
    /// Whether the role grants `ViewRestrictedMatters`.
    pub sees_restricted: bool,
}

impl Viewer {
    /// The visibility rule: never through a wall; a team-only matter only for its team or a
    /// user who sees restricted matters.
    pub fn can_see(&self, access: &MatterAccess, team: impl IntoIterator<Item = UserId>) -> bool {
        if access.is_walled(self.user) {
            return false;
        }
        match access.visibility {
            Visibility::Firm => true,
            Visibility::Team => self.sees_restricted || team.into_iter().any(|u| u == self.user),
        }
    }
}
