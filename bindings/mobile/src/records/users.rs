//! Users of the firm and their roles.

use std::time::SystemTime;

use lexcase::access::Role as CoreRole;
use lexcase::store::Paged;
use lexcase::users::{NewUser as CoreNewUser, User as CoreUser, UserChanges as CoreUserChanges};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::Money;
use crate::convert::{all, instant, mirror_enum};

mirror_enum! {
    /// A user's role in the firm; it decides what the user may do.
    Role = CoreRole {
        /// Runs the system: users, settings, walls; sees restricted matters (never walled ones).
        Admin,
        /// Opens, runs and closes matters, sees rates, manages walls, reads the audit trail.
        Partner,
        /// A fee earner (solicitor, attorney, associate): opens and runs matters.
        FeeEarner,
        /// Works on matters and contacts.
        Paralegal,
        /// Keeps contacts and matter details.
        Secretary,
        /// Sees rates and the audit trail.
        Accounts,
        /// Reads what it may see and changes nothing.
        ReadOnly,
    }
}

/// A user of the firm (fee earner or staff).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct User {
    /// Identifier.
    pub id: Uuid,
    /// Full name.
    pub name: String,
    /// Login / contact email, unique in the firm.
    pub email: String,
    /// Role in the firm.
    pub role: Role,
    /// Default hourly rate; hidden (null) unless the viewer may see rates or is this user.
    pub default_rate: Option<Money>,
    /// Timekeeper classification code for LEDES (e.g. `PT`, `AS`, `PL`).
    pub timekeeper_code: Option<String>,
    /// Inactive users keep their history but may not act.
    pub active: bool,
    /// When created.
    pub created_at: SystemTime,
    /// Optimistic-concurrency version: pass it back to `update`.
    pub version: u64,
}

impl From<CoreUser> for User {
    fn from(user: CoreUser) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreUser {
            id,
            name,
            email,
            role,
            default_rate,
            timekeeper_code,
            active,
            created_at,
            version,
        } = user;
        Self {
            id: id.into(),
            name,
            email,
            role: role.into(),
            default_rate,
            timekeeper_code,
            active,
            created_at: instant(created_at),
            version,
        }
    }
}

/// What a new user is created with.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewUser {
    /// Full name.
    pub name: String,
    /// Email, unique in the firm.
    pub email: String,
    /// Role (the first user of a firm is always made an admin).
    pub role: Role,
    /// Default hourly rate amount; its currency is `rate_currency` or the firm's.
    #[uniffi(default)]
    pub default_rate: Option<Decimal>,
    /// ISO 4217 currency of the rate (the firm's default when null).
    #[uniffi(default)]
    pub rate_currency: Option<String>,
    /// Timekeeper classification code (1 to 10 upper-case letters or digits).
    #[uniffi(default)]
    pub timekeeper_code: Option<String>,
}

impl From<NewUser> for CoreNewUser {
    fn from(new: NewUser) -> Self {
        Self {
            name: new.name,
            email: new.email,
            role: new.role.into(),
            default_rate: new.default_rate,
            rate_currency: new.rate_currency,
            timekeeper_code: new.timekeeper_code,
        }
    }
}

/// A partial update of a user; null leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct UserChanges {
    /// New name.
    #[uniffi(default)]
    pub name: Option<String>,
    /// New email.
    #[uniffi(default)]
    pub email: Option<String>,
    /// New role.
    #[uniffi(default)]
    pub role: Option<Role>,
    /// New default rate amount (in `rate_currency`, else the current or the firm's currency).
    #[uniffi(default)]
    pub default_rate: Option<Decimal>,
    /// Currency of the new rate (only together with `default_rate`).
    #[uniffi(default)]
    pub rate_currency: Option<String>,
    /// New timekeeper code; `""` clears it.
    #[uniffi(default)]
    pub timekeeper_code: Option<String>,
    /// Activate or deactivate.
    #[uniffi(default)]
    pub active: Option<bool>,
}

impl From<UserChanges> for CoreUserChanges {
    fn from(changes: UserChanges) -> Self {
        Self {
            name: changes.name,
            email: changes.email,
            role: changes.role.map(CoreRole::from),
            default_rate: changes.default_rate,
            rate_currency: changes.rate_currency,
            timekeeper_code: changes.timekeeper_code,
            active: changes.active,
        }
    }
}

/// One page of users and the total number of users.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct UserPage {
    /// The users in this page, ordered by name.
    pub items: Vec<User>,
    /// How many users there are in all.
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreUser>> for UserPage {
    fn from(page: Paged<CoreUser>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}
