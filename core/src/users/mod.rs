//! Users of the firm: fee earners and staff.

mod user;

pub use user::{NewUser, User, UserChanges};
