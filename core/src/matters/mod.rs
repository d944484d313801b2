//! Matters (cases): number, clients and other parties, team, status lifecycle, billing
//! arrangement, custom fields and key dates.

mod billing;
mod custom_value;
mod matter;
mod party;
mod status;
mod team;

pub use billing::{BillingArrangement, BillingKind};
pub use custom_value::CustomValue;
pub use matter::{Matter, MatterChanges, NewMatter};
pub use party::{Party, PartyRole};
pub use status::{MatterStatus, StatusChange};
pub use team::{MatterRole, TeamMember};
