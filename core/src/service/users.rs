//! Managing the firm's users.

use super::Session;
use super::context::check_version;
use crate::access::{Capability, Role};
use crate::audit::EntityKind;
use crate::error::{LexcaseError, Result};
use crate::ids::UserId;
use crate::store::{Page, Paged, WriteTx};
use crate::users::{NewUser, User, UserChanges};

/// Users of the firm. Everybody may list users; rates are shown only to those who may see
/// rates (and to each user their own).
#[derive(Debug)]
pub struct UserService<'s> {
    session: &'s Session,
}

fn ensure_unique_email(tx: &dyn WriteTx, email: &str, except: Option<UserId>) -> Result<()> {
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
            ctx.tx.insert_user(&user)?;
            ctx.record(
                EntityKind::User,
                user.id.into(),
                None,
                "user.created",
                None,
                Some(&user),
            )?;
            Ok(user)
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
            check_version("user", before.version, expected_version)?;
            let mut after = before.clone();
            after.apply(changes, ctx.settings.default_currency)?;
            if after.email != before.email {
                ensure_unique_email(ctx.tx, &after.email, Some(id))?;
            }
            let was_admin = before.active && before.role == Role::Admin;
            let is_admin = after.active && after.role == Role::Admin;
            if was_admin && !is_admin && !other_active_admin(ctx.tx, id)? {
                return Err(LexcaseError::validation(
                    "role",
                    "the firm must keep at least one active admin",
                ));
            }
            after.version += 1;
            ctx.tx.update_user(&after, expected_version)?;
            ctx.record(
                EntityKind::User,
                id.into(),
                None,
                "user.updated",
                Some(&before),
                Some(&after),
            )?;
            Ok(after)
        })
    }
}

fn other_active_admin(tx: &dyn WriteTx, except: UserId) -> Result<bool> {
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
