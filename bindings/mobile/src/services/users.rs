//! Users of the firm.

use lexcase::UserId;

use crate::error::Result;
use crate::records::{NewUser, Page, User, UserChanges, UserPage};

service_object! {
    /// Users of the firm. Everybody may list users; rates are shown only to those who may see
    /// rates (and to each user their own); changes need the `manage_users` capability.
    UserService
}

#[uniffi::export]
impl UserService {
    /// The acting user.
    pub fn me(&self) -> Result<User> {
        Ok(self.session.users().me()?)
    }

    /// Creates a user.
    pub fn create(&self, new: NewUser) -> Result<User> {
        Ok(self.session.users().create(&new)?)
    }

    /// A user by id.
    pub fn get(&self, id: UserId) -> Result<User> {
        Ok(self.session.users().get(id)?)
    }

    /// Users ordered by name, with the total count.
    pub fn list(&self, page: Page) -> Result<UserPage> {
        Ok(self.session.users().list(page.try_into()?)?.into())
    }

    /// Changes a user based on `expected_version` (else `StaleVersion`). The firm always keeps
    /// an active admin.
    pub fn update(&self, id: UserId, expected_version: u64, changes: UserChanges) -> Result<User> {
        Ok(self
            .session
            .users()
            .update(id, expected_version, &changes)?)
    }
}
