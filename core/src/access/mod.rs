//! Access control: firm roles grant capabilities; matters are firm-visible or restricted to
//! their team; ethical walls remove named users from a matter entirely.

mod capability;
mod matter_access;
mod role;

pub use capability::Capability;
pub use matter_access::{EthicalWall, MatterAccess, Viewer, Visibility};
pub use role::Role;
