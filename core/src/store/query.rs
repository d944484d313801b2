//! Query filters the stores answer.

use crate::contacts::ContactKind;
use crate::ids::{ContactId, UserId};
use crate::matters::MatterStatus;

/// Filters for listing matters; all given filters must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatterQuery {
    /// Only matters in this status.
    pub status: Option<MatterStatus>,
    /// Only this practice area (exact, case-insensitive).
    pub practice_area: Option<String>,
    /// Only matters where this user is responsible, originating or a team member.
    pub fee_earner: Option<UserId>,
    /// Only matters where this contact is a client.
    pub client: Option<ContactId>,
    /// Free text, already folded with [`crate::text::fold`]: matches a matter whose folded
    /// number, title, or any party's folded name contains it.
    pub text: Option<String>,
}

/// Filters for listing tasks; all given filters must match. Tasks on a matter are listed only
/// when the viewer may see the matter; tasks on no matter are visible to everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskQuery {
    /// Only tasks on this matter.
    pub matter: Option<crate::ids::MatterId>,
    /// Only tasks assigned to this user.
    pub assignee: Option<UserId>,
    /// Only tasks on matters where this user is responsible, originating or on the team.
    pub team_member: Option<UserId>,
    /// Only open tasks (pending, in progress, in review).
    pub open_only: bool,
    /// Only tasks due on or after this date.
    pub due_from: Option<chrono::NaiveDate>,
    /// Only tasks due on or before this date.
    pub due_to: Option<chrono::NaiveDate>,
}

/// How many visible matters stand in one stage of one template.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StageCount {
    /// Template id.
    pub template_id: String,
    /// Stage id.
    pub stage: String,
    /// Number of matters.
    pub matters: u64,
}

/// Filters for listing contacts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactQuery {
    /// Folded name prefix: matches a contact one of whose name words (in the folded display
    /// name, see [`crate::contacts::Contact::search_key`]) starts with it; may span words.
    pub name_prefix: Option<String>,
    /// Only persons or only organisations.
    pub kind: Option<ContactKind>,
}

/// Filters for listing deadlines; all given filters must match. Only deadlines on matters the
/// viewer may see are listed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeadlineQuery {
    /// Only deadlines on this matter.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub matter: Option<crate::ids::MatterId>,
    /// Only deadlines this user is responsible for.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub responsible: Option<UserId>,
    /// Only open deadlines.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub open_only: bool,
    /// Only deadlines due on or after this date (computed ones only).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub due_from: Option<chrono::NaiveDate>,
    /// Only deadlines due on or before this date (computed ones only).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub due_to: Option<chrono::NaiveDate>,
    /// Only deadlines entered on this day (the register).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub entered_on: Option<chrono::NaiveDate>,
}

/// Filters for listing time entries or expenses; all given filters must match. Only work on
/// matters the viewer may see is listed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WorkQuery {
    /// Only this matter's.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub matter: Option<crate::ids::MatterId>,
    /// Only this fee earner's (time entries only).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user: Option<UserId>,
    /// Only work on or after this day.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub from: Option<chrono::NaiveDate>,
    /// Only work on or before this day.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub to: Option<chrono::NaiveDate>,
    /// Only work in this billing state.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<crate::timekeeping::WorkStatus>,
    /// Only work on this bill.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bill: Option<crate::ids::BillId>,
}

/// Filters for listing bills; all given filters must match. A bill is listed only when the
/// viewer may see every matter it bills.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BillQuery {
    /// Only this client's.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub client: Option<crate::ids::ContactId>,
    /// Only bills of this matter.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub matter: Option<crate::ids::MatterId>,
    /// Only bills in this status.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<crate::bills::BillStatus>,
}

/// How work in progress is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WipBy {
    /// Per matter: time and expenses.
    Matter,
    /// Per fee earner: time.
    FeeEarner,
}
