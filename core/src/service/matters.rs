//! Matters: opening, details, lifecycle, parties, team, key dates, custom fields, access.

use chrono::NaiveDate;

use super::Session;
use super::context::WriteCtx;
use crate::access::{Capability, Visibility};
use crate::error::{LexcaseError, Result};
use crate::firm::MatterNumberContext;
use crate::ids::{ContactId, MatterId, PartyId, UserId};
use crate::matters::{
    CustomValue, Matter, MatterChanges, MatterRole, MatterStatus, NewMatter, PartyRole,
};
use crate::store::{MatterQuery, Page, Paged};
use crate::{text, validate};

/// Filters for listing matters, as a user types them (free text is folded here).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatterFilter {
    /// Only this status.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<MatterStatus>,
    /// Only this practice area (case-insensitive).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub practice_area: Option<String>,
    /// Only matters this user is responsible for, originated or is on the team of.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub fee_earner: Option<UserId>,
    /// Only matters of this client.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub client: Option<ContactId>,
    /// Words in the number, the title or a party's name (case and accents ignored).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub text: Option<String>,
}

impl MatterFilter {
    fn into_query(self) -> Result<MatterQuery> {
        let fold = |field: &str, v: Option<String>| -> Result<Option<String>> {
            Ok(v.map(|v| validate::optional_line(field, &v))
                .transpose()?
                .flatten()
                .map(|v| text::fold(&v))
                .filter(|v| !v.is_empty()))
        };
        Ok(MatterQuery {
            status: self.status,
            practice_area: fold("practice_area", self.practice_area)?,
            fee_earner: self.fee_earner,
            client: self.client,
            text: fold("text", self.text)?,
        })
    }
}

/// Matters. A matter the actor may not see (ethical wall, or team-only and not on the team)
/// does not exist for them: reads, lists, counts and writes all behave as if it were absent.
#[derive(Debug)]
pub struct MatterService<'s> {
    session: &'s Session,
}

impl<'s> MatterService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    fn insert(ctx: &mut WriteCtx<'_>, new: NewMatter) -> Result<Matter> {
        let first_client = new.clients.first().ok_or_else(|| {
            LexcaseError::validation("clients", "a matter needs at least one client")
        })?;
        let client_name = ctx.contact(*first_client)?.sort_name();
        for client in new.clients.iter().skip(1) {
            ctx.contact(*client)?;
        }
        ctx.active_user(new.responsible, "responsible")?;
        if let Some(originating) = new.originating {
            ctx.active_user(originating, "originating")?;
        }
        for member in &new.team {
            ctx.active_user(member.user, "team")?;
        }
        let today = ctx.today()?;
        let number_ctx = MatterNumberContext {
            client_name: &client_name,
            date: today,
        };
        let format = ctx.settings.matter_number_format.clone();
        let seq = ctx.tx.next_sequence(&format.sequence_key(&number_ctx))?;
        let number = format.render(&number_ctx, seq);
        let currency = ctx.settings.default_currency;
        let matter = Matter::create(new, currency, number, ctx.actor.id, ctx.now, today)?;
        ctx.create(matter, "matter.created")
    }

    /// Opens a new matter file in status `pending` with the next number (needs `open_matters`),
    /// billed in the firm's default currency unless `new.currency` names another.
    pub fn create(&self, new: NewMatter) -> Result<Matter> {
        self.session.write(|ctx| {
            ctx.require(Capability::OpenMatters)?;
            Self::insert(ctx, new)
        })
    }

    /// Creates many matters in one transaction (imports): all or none.
    pub fn create_many(&self, new: Vec<NewMatter>) -> Result<Vec<Matter>> {
        self.session.write(|ctx| {
            ctx.require(Capability::OpenMatters)?;
            new.into_iter().map(|n| Self::insert(ctx, n)).collect()
        })
    }

    /// A matter by id.
    pub fn get(&self, id: MatterId) -> Result<Matter> {
        self.session.read(|ctx| ctx.matter(id))
    }

    /// Matters matching `filter` that the actor may see, newest first, with the total count.
    pub fn list(&self, filter: MatterFilter, page: Page) -> Result<Paged<Matter>> {
        let query = filter.into_query()?;
        self.session
            .read(|ctx| ctx.tx.matters(&query, &ctx.viewer(), page))
    }

    /// The actor's matters (responsible, originating or on the team), newest first.
    pub fn mine(&self, status: Option<MatterStatus>, page: Page) -> Result<Paged<Matter>> {
        let filter = MatterFilter {
            status,
            fee_earner: Some(self.session.actor_id()),
            ..MatterFilter::default()
        };
        self.list(filter, page)
    }

    /// Inside a command: applies `f` to a visible, editable matter at `expected_version`
    /// (the actor needing `capability`) and records `action`.
    fn amend_in(
        ctx: &mut WriteCtx<'_>,
        id: MatterId,
        expected_version: u64,
        capability: Capability,
        action: &str,
        f: impl FnOnce(&mut Matter, &WriteCtx<'_>) -> Result<()>,
    ) -> Result<Matter> {
        let before = ctx.matter(id)?;
        ctx.require(capability)?;
        super::context::check_version("matter", before.version, expected_version)?;
        before.ensure_editable()?;
        ctx.amend(before, expected_version, action, f)
    }

    /// Applies `f` to a visible, editable matter at `expected_version` and records `action`.
    fn change(
        &self,
        id: MatterId,
        expected_version: u64,
        capability: Capability,
        action: &str,
        f: impl FnOnce(&mut Matter, &WriteCtx<'_>) -> Result<()>,
    ) -> Result<Matter> {
        self.session
            .write(|ctx| Self::amend_in(ctx, id, expected_version, capability, action, f))
    }

    /// Changes title, description, practice area, fee earners or billing arrangement.
    pub fn update(
        &self,
        id: MatterId,
        expected_version: u64,
        changes: MatterChanges,
    ) -> Result<Matter> {
        self.change(
            id,
            expected_version,
            Capability::EditMatters,
            "matter.updated",
            |m, ctx| {
                if let Some(user) = changes.responsible {
                    ctx.active_user(user, "responsible")?;
                }
                if let Some(Some(user)) = changes.originating {
                    ctx.active_user(user, "originating")?;
                }
                m.update_details(changes)
            },
        )
    }

    fn transition(
        &self,
        id: MatterId,
        expected_version: u64,
        from: &[MatterStatus],
        to: MatterStatus,
        reason: Option<String>,
    ) -> Result<Matter> {
        self.session
            .write(|ctx| Self::transition_in(ctx, id, expected_version, from, to, reason))
    }

    fn transition_in(
        ctx: &mut WriteCtx<'_>,
        id: MatterId,
        expected_version: u64,
        from: &[MatterStatus],
        to: MatterStatus,
        reason: Option<String>,
    ) -> Result<Matter> {
        let (capability, action) = match (from, to) {
            (_, MatterStatus::Archived) => (Capability::ArchiveMatters, "matter.archived"),
            ([MatterStatus::Closed], MatterStatus::Open) => {
                (Capability::ChangeMatterStatus, "matter.reopened")
            }
            (_, MatterStatus::Open) => (Capability::ChangeMatterStatus, "matter.opened"),
            _ => (Capability::ChangeMatterStatus, "matter.closed"),
        };
        Self::amend_in(ctx, id, expected_version, capability, action, |m, ctx| {
            if !from.contains(&m.status) {
                return Err(LexcaseError::InvalidTransition {
                    entity: "matter",
                    from: m.status.as_str().into(),
                    to: to.as_str().into(),
                });
            }
            m.transition(to, ctx.today()?, ctx.now, ctx.actor.id, reason)
        })
    }

    /// Pending → open (the date opened is today in the firm's zone). Block-severity
    /// compliance rules in force for matter opening stand in the way (a validation error on
    /// `rules` listing them); see [`MatterService::open_overriding`].
    pub fn open(&self, id: MatterId, expected_version: u64) -> Result<Matter> {
        self.open_gated(id, expected_version, None)
    }

    /// Opens a matter past blocking compliance rules: each is recorded as overridden with
    /// `reason` (needs `override_workflow_gates`).
    pub fn open_overriding(
        &self,
        id: MatterId,
        expected_version: u64,
        reason: &str,
    ) -> Result<Matter> {
        self.open_gated(id, expected_version, Some(reason))
    }

    fn open_gated(
        &self,
        id: MatterId,
        expected_version: u64,
        reason: Option<&str>,
    ) -> Result<Matter> {
        self.session.write(|ctx| {
            let matter = ctx.matter(id)?;
            if matter.status == MatterStatus::Pending {
                let event = crate::rules::EventFacts {
                    checkpoint: crate::rules::Checkpoint::MatterOpening.as_str().into(),
                    ..Default::default()
                };
                super::compliance::gate(
                    ctx,
                    &matter,
                    crate::rules::Checkpoint::MatterOpening,
                    event,
                    reason,
                )?;
            }
            Self::transition_in(
                ctx,
                id,
                expected_version,
                &[MatterStatus::Pending],
                MatterStatus::Open,
                None,
            )
        })
    }

    /// Open → closed.
    pub fn close(
        &self,
        id: MatterId,
        expected_version: u64,
        reason: Option<String>,
    ) -> Result<Matter> {
        self.transition(
            id,
            expected_version,
            &[MatterStatus::Open],
            MatterStatus::Closed,
            reason,
        )
    }

    /// Closed → open again; a reason is required and recorded.
    pub fn reopen(&self, id: MatterId, expected_version: u64, reason: &str) -> Result<Matter> {
        if reason.trim().is_empty() {
            return Err(LexcaseError::validation(
                "reason",
                "reopening a matter needs a reason",
            ));
        }
        let reason = Some(reason.to_owned());
        self.transition(
            id,
            expected_version,
            &[MatterStatus::Closed],
            MatterStatus::Open,
            reason,
        )
    }

    /// Closed (or never-opened pending) → archived; archived matters are read-only.
    pub fn archive(
        &self,
        id: MatterId,
        expected_version: u64,
        reason: Option<String>,
    ) -> Result<Matter> {
        let from = [MatterStatus::Closed, MatterStatus::Pending];
        self.transition(id, expected_version, &from, MatterStatus::Archived, reason)
    }

    /// Adds a contact as a party in `role`, optionally acting for another party; the
    /// matter's conflict check, if it has one, runs again (new hits await a decision).
    pub fn add_party(
        &self,
        id: MatterId,
        expected_version: u64,
        contact: ContactId,
        role: PartyRole,
        acting_for: Option<PartyId>,
        reference: Option<String>,
    ) -> Result<Matter> {
        self.session.write(|ctx| {
            let matter = Self::amend_in(
                ctx,
                id,
                expected_version,
                Capability::EditMatters,
                "matter.party_added",
                |m, ctx| {
                    ctx.contact(contact)?;
                    m.add_party(contact, role, acting_for, reference, ctx.now)
                        .map(|_| ())
                },
            )?;
            super::reactions::parties_changed(ctx, &matter)?;
            Ok(matter)
        })
    }

    /// Removes a party (never the last client, never one that others act for).
    pub fn remove_party(
        &self,
        id: MatterId,
        expected_version: u64,
        party: PartyId,
    ) -> Result<Matter> {
        self.change(
            id,
            expected_version,
            Capability::EditMatters,
            "matter.party_removed",
            |m, _| m.remove_party(party).map(|_| ()),
        )
    }

    /// Changes a party's role (re-running the conflict check, if the matter has one).
    pub fn change_party_role(
        &self,
        id: MatterId,
        expected_version: u64,
        party: PartyId,
        role: PartyRole,
    ) -> Result<Matter> {
        self.session.write(|ctx| {
            let matter = Self::amend_in(
                ctx,
                id,
                expected_version,
                Capability::EditMatters,
                "matter.party_role_changed",
                |m, _| m.change_party_role(party, role),
            )?;
            super::reactions::parties_changed(ctx, &matter)?;
            Ok(matter)
        })
    }

    /// Records that `party` acts for `acting_for` (or for nobody with `None`).
    pub fn set_party_acting_for(
        &self,
        id: MatterId,
        expected_version: u64,
        party: PartyId,
        acting_for: Option<PartyId>,
    ) -> Result<Matter> {
        self.change(
            id,
            expected_version,
            Capability::EditMatters,
            "matter.party_linked",
            |m, _| m.set_acting_for(party, acting_for),
        )
    }

    /// Adds a user to the team (or changes their matter role).
    pub fn add_team_member(
        &self,
        id: MatterId,
        expected_version: u64,
        user: UserId,
        role: MatterRole,
    ) -> Result<Matter> {
        self.change(
            id,
            expected_version,
            Capability::EditMatters,
            "matter.team_member_added",
            |m, ctx| {
                ctx.active_user(user, "team")?;
                m.add_team_member(user, role)
            },
        )
    }

    /// Takes a user off the team.
    pub fn remove_team_member(
        &self,
        id: MatterId,
        expected_version: u64,
        user: UserId,
    ) -> Result<Matter> {
        self.change(
            id,
            expected_version,
            Capability::EditMatters,
            "matter.team_member_removed",
            |m, _| m.remove_team_member(user),
        )
    }

    /// Sets a named key date, or removes it with `None`. Tasks and deadlines counting from it
    /// move with it, and workflow items asking for it are ticked.
    pub fn set_key_date(
        &self,
        id: MatterId,
        expected_version: u64,
        name: &str,
        date: Option<NaiveDate>,
    ) -> Result<Matter> {
        self.session.write(|ctx| {
            let action = "matter.key_date_set";
            let matter = Self::amend_in(
                ctx,
                id,
                expected_version,
                Capability::EditMatters,
                action,
                |m, _| m.set_key_date(name, date),
            )?;
            super::reactions::key_date_set(ctx, id, name.trim(), date)?;
            Ok(matter)
        })
    }

    /// Sets a custom field defined in the firm settings, or clears it with `None`.
    pub fn set_custom_field(
        &self,
        id: MatterId,
        expected_version: u64,
        key: &str,
        value: Option<CustomValue>,
    ) -> Result<Matter> {
        self.change(
            id,
            expected_version,
            Capability::EditMatters,
            "matter.custom_field_set",
            |m, ctx| {
                let def = ctx.settings.custom_field(key).ok_or_else(|| {
                    LexcaseError::validation("custom_fields", "no such custom field")
                })?;
                let value = value.map(|v| v.checked(def)).transpose()?;
                if let Some(CustomValue::ContactRef(contact)) = &value {
                    ctx.contact(*contact)?;
                }
                if value.is_none() && !m.custom_fields.contains_key(key) {
                    return Err(LexcaseError::not_found("custom field value"));
                }
                m.set_custom_field(key, value);
                Ok(())
            },
        )
    }

    /// Makes the matter firm-visible or team-only (needs `manage_matter_access`).
    pub fn set_visibility(
        &self,
        id: MatterId,
        expected_version: u64,
        visibility: Visibility,
    ) -> Result<Matter> {
        self.change(
            id,
            expected_version,
            Capability::ManageMatterAccess,
            "matter.visibility_set",
            |m, _| {
                m.set_visibility(visibility);
                Ok(())
            },
        )
    }

    /// Puts up an ethical wall screening `user` from the matter (needs `manage_matter_access`).
    pub fn add_ethical_wall(
        &self,
        id: MatterId,
        expected_version: u64,
        user: UserId,
        reason: &str,
    ) -> Result<Matter> {
        self.change(
            id,
            expected_version,
            Capability::ManageMatterAccess,
            "matter.wall_added",
            |m, ctx| {
                if user == ctx.actor.id {
                    return Err(LexcaseError::validation(
                        "user",
                        "you cannot wall yourself off",
                    ));
                }
                ctx.tx
                    .user(user)?
                    .ok_or_else(|| LexcaseError::not_found("user"))?;
                m.add_wall(user, reason, ctx.actor.id, ctx.now)
            },
        )
    }

    /// Takes down an ethical wall (needs `manage_matter_access`).
    pub fn remove_ethical_wall(
        &self,
        id: MatterId,
        expected_version: u64,
        user: UserId,
    ) -> Result<Matter> {
        self.change(
            id,
            expected_version,
            Capability::ManageMatterAccess,
            "matter.wall_removed",
            |m, _| m.remove_wall(user),
        )
    }
}
