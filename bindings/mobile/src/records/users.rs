//! Users of the firm and their roles: the core's records and enums cross the FFI as they are
//! (`lexcase::users`, `lexcase::access::Role`); this module keeps the page of users.

pub use lexcase::access::Role;
pub use lexcase::users::{NewUser, User, UserChanges};

use crate::convert::page_record;

page_record! {
    /// One page of users and the total number of users.
    UserPage of User,
    items: "The users in this page, ordered by name.",
    total: "How many users there are in all.",
}
