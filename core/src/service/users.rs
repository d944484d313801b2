//! Managing the firm's users.

use super::Session;
use crate::access::{Capability, Role};
use crate::error::{LexcaseError, Result};
use crate::ids::UserId;
use crate::store::{Page, Paged, ReadTx};
use crate::users::{NewUser, User, UserChanges};

/// Users of the firm. Everybody may list users; rates are shown only to those who may see
/// rates (and to each user their own).
#[derive(Debug)]
pub struct UserService<'s> {
    session: &'s Session,
}

fn ensure_unique_email(tx: &dyn ReadTx, email: &str, except: Option<UserId>) -> Result<()> {
    match tx.user_by_email(email)? {
        Some(other) if Some(other.id) != except => Err(LexcaseError::Conflict {
            reason: "another user has this email".into(),
        }),
        _ => Ok(()),
    }
}

impl<'s> UserService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// The acting user.
    pub fn me(&self) -> Result<User> {
        self.session.read(|ctx| Ok(ctx.actor.clone()))
    }

    /// Creates a user (needs `manage_users`).
    pub fn create(&self, new: &NewUser) -> Result<User> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageUsers)?;
            let user = User::create(new, ctx.settings.default_currency, ctx.now)?;
            ensure_unique_email(ctx.tx, &user.email, None)?;
            ctx.create(user, "user.created")
        })
    }

    /// A user by id.
    pub fn get(&self, id: UserId) -> Result<User> {
        self.session.read(|ctx| {
            let user = ctx
                .tx
                .user(id)?
                .ok_or_else(|| LexcaseError::not_found("user"))?;
            Ok(user.seen_by(&ctx.actor))
        })
    }

    /// Users ordered by name.
    pub fn list(&self, page: Page) -> Result<Paged<User>> {
        self.session
            .read(|ctx| Ok(ctx.tx.users(page)?.map(|u| u.seen_by(&ctx.actor))))
    }

    /// Changes a user (needs `manage_users`). The firm always keeps an active admin.
    pub fn update(&self, id: UserId, expected_version: u64, changes: &UserChanges) -> Result<User> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageUsers)?;
            let before = ctx
                .tx
                .user(id)?
                .ok_or_else(|| LexcaseError::not_found("user"))?;
            let was_admin = before.active && before.role == Role::Admin;
            ctx.amend(before, expected_version, "user.updated", |after, ctx| {
                after.apply(changes, ctx.settings.default_currency)?;
                ensure_unique_email(ctx.tx, &after.email, Some(id))?;
                let is_admin = after.active && after.role == Role::Admin;
                if was_admin && !is_admin && !other_active_admin(ctx.tx, id)? {
                    return Err(LexcaseError::validation(
                        "role",
                        "the firm must keep at least one active admin",
                    ));
                }
                Ok(())
            })
        })
    }
}

fn other_active_admin(tx: &dyn ReadTx, except: UserId) -> Result<bool> {
    let mut offset = 0;
    loop {
        let page = tx.users(Page::new(offset, Page::MAX_LIMIT)?)?;
        if page
            .items
            .iter()
            .any(|u| u.id != except && u.active && u.role == Role::Admin)
        {
            return Ok(true);
        }
        offset += page.items.len() as u64;
        if page.items.is_empty() || offset >= page.total {
            return Ok(false);
        }
    }
}
