//! Matters (cases): number, clients and other parties, team, status lifecycle, billing
//! arrangement, custom fields and key dates.

mod billing;
mod conflict_check;
mod custom_value;
mod matter;
mod party;
mod rule_override;
mod status;
mod team;

pub use billing::{BillingArrangement, BillingKind};
pub use conflict_check::{ConflictCheck, ConflictHit, Decision, HitDisposition, identifier_key};
pub use custom_value::CustomValue;
pub use matter::{Matter, MatterChanges, NewMatter};
pub use party::{Party, PartyRole};
pub use rule_override::{RuleOverride, RuleOverrides};
pub use status::{MatterStatus, StatusChange};
pub use team::{MatterRole, TeamMember};
