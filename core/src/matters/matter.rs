//! The matter aggregate and the rules that keep it consistent.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{
    BillingArrangement, BillingKind, CustomValue, MatterRole, MatterStatus, Party, PartyRole,
    StatusChange, TeamMember,
};
use crate::access::{EthicalWall, MatterAccess, Visibility};
use crate::error::{LexcaseError, Result};
use crate::ids::{ContactId, MatterId, PartyId, UserId};
use crate::money::Currency;
use crate::validate;

/// A matter (case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Matter {
    /// Identifier.
    pub id: MatterId,
    /// The firm's reference number, e.g. `SMI-0042`.
    pub number: String,
    /// Short title, e.g. "Purchase of 12 Acacia Avenue".
    pub title: String,
    /// Longer description.
    pub description: String,
    /// Practice area, e.g. "conveyancing".
    pub practice_area: String,
    /// Lifecycle status.
    pub status: MatterStatus,
    /// Date first opened.
    pub opened_on: Option<NaiveDate>,
    /// Date last closed (cleared on reopening; history keeps every date).
    pub closed_on: Option<NaiveDate>,
    /// Date archived.
    pub archived_on: Option<NaiveDate>,
    /// Every status change, oldest first.
    pub status_history: Vec<StatusChange>,
    /// Responsible fee earner.
    pub responsible: UserId,
    /// Originating fee earner (who brought the work in).
    pub originating: Option<UserId>,
    /// Further team members.
    pub team: Vec<TeamMember>,
    /// Clients and other parties.
    pub parties: Vec<Party>,
    /// Billing arrangement.
    pub billing: BillingArrangement,
    /// Custom field values by key.
    pub custom_fields: BTreeMap<String, CustomValue>,
    /// Named key dates, e.g. "completion", "trial".
    pub key_dates: BTreeMap<String, NaiveDate>,
    /// Visibility and ethical walls.
    pub access: MatterAccess,
    /// Who created it.
    pub created_by: UserId,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What a matter is opened with (ids already resolved; the service checks they exist).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewMatter {
    /// Title.
    pub title: String,
    /// Description.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub description: String,
    /// Practice area.
    pub practice_area: String,
    /// The client(s): at least one.
    pub clients: Vec<ContactId>,
    /// Responsible fee earner.
    pub responsible: UserId,
    /// Originating fee earner.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub originating: Option<UserId>,
    /// Hourly, fixed fee, contingency or non-billable.
    pub billing: BillingKind,
    /// The currency the matter is billed in; `None` for the firm's default currency, filled in
    /// by the service in the same transaction.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub currency: Option<Currency>,
    /// Firm-visible or team-only.
    pub visibility: Visibility,
    /// Team members.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub team: Vec<TeamMember>,
    /// Key dates.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub key_dates: BTreeMap<String, NaiveDate>,
}

/// A partial update of a matter's details; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatterChanges {
    /// New title.
    pub title: Option<String>,
    /// New description.
    pub description: Option<String>,
    /// New practice area.
    pub practice_area: Option<String>,
    /// New responsible fee earner.
    pub responsible: Option<UserId>,
    /// New originating fee earner; `Some(None)` clears it.
    pub originating: Option<Option<UserId>>,
    /// New billing arrangement.
    pub billing: Option<BillingArrangement>,
}

const MAX_PARTIES: usize = 500;
const MAX_TEAM: usize = 200;
const MAX_KEY_DATES: usize = 200;

fn key_date_name(name: &str) -> Result<String> {
    let name = validate::required_line("key_dates", name)?;
    if name.chars().count() > 100 {
        return Err(LexcaseError::validation(
            "key_dates",
            "name longer than 100 characters",
        ));
    }
    Ok(name)
}

impl Matter {
    /// Builds a pending matter at version 1 from checked input, billed in `default_currency`
    /// unless the input names its own.
    pub fn create(
        new: NewMatter,
        default_currency: Currency,
        number: String,
        by: UserId,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Self> {
        if new.clients.is_empty() {
            return Err(LexcaseError::validation(
                "clients",
                "a matter needs at least one client",
            ));
        }
        validate::bounded("clients", &new.clients, MAX_PARTIES)?;
        let mut matter = Self {
            id: MatterId::new(),
            number,
            title: String::new(),
            description: String::new(),
            practice_area: String::new(),
            status: MatterStatus::Pending,
            opened_on: None,
            closed_on: None,
            archived_on: None,
            status_history: vec![StatusChange {
                from: None,
                to: MatterStatus::Pending,
                on: today,
                at: now,
                by,
                reason: None,
            }],
            responsible: new.responsible,
            originating: None,
            team: Vec::new(),
            parties: Vec::new(),
            billing: BillingArrangement {
                kind: new.billing,
                currency: new.currency.unwrap_or(default_currency),
            },
            custom_fields: BTreeMap::new(),
            key_dates: BTreeMap::new(),
            access: MatterAccess {
                visibility: new.visibility,
                walls: Vec::new(),
            },
            created_by: by,
            created_at: now,
            version: 1,
        };
        matter.update_details(MatterChanges {
            title: Some(new.title),
            description: Some(new.description),
            practice_area: Some(new.practice_area),
            responsible: Some(new.responsible),
            originating: Some(new.originating),
            billing: None,
        })?;
        for client in new.clients {
            matter.add_party(client, PartyRole::Client, None, None, now)?;
        }
        validate::bounded("team", &new.team, MAX_TEAM)?;
        for member in new.team {
            matter.add_team_member(member.user, member.role)?;
        }
        validate::bounded(
            "key_dates",
            &new.key_dates.iter().collect::<Vec<_>>(),
            MAX_KEY_DATES,
        )?;
        for (name, date) in new.key_dates {
            matter.set_key_date(&name, Some(date))?;
        }
        Ok(matter)
    }

    /// Every user on the team: responsible, originating and members.
    pub fn team_users(&self) -> impl Iterator<Item = UserId> + '_ {
        std::iter::once(self.responsible)
            .chain(self.originating)
            .chain(self.team.iter().map(|m| m.user))
    }

    /// The client contacts.
    pub fn clients(&self) -> impl Iterator<Item = ContactId> + '_ {
        self.parties
            .iter()
            .filter(|p| p.role == PartyRole::Client)
            .map(|p| p.contact)
    }

    /// The party with id `party`.
    pub fn party(&self, party: PartyId) -> Result<&Party> {
        self.parties
            .iter()
            .find(|p| p.id == party)
            .ok_or_else(|| LexcaseError::not_found("party"))
    }

    fn party_mut(&mut self, party: PartyId) -> Result<&mut Party> {
        self.parties
            .iter_mut()
            .find(|p| p.id == party)
            .ok_or_else(|| LexcaseError::not_found("party"))
    }

    /// Refuses changes to an archived matter (archived matters are read-only).
    pub fn ensure_editable(&self) -> Result<()> {
        if self.status == MatterStatus::Archived {
            return Err(LexcaseError::InvalidTransition {
                entity: "matter",
                from: "archived".into(),
                to: "edited".into(),
            });
        }
        Ok(())
    }

    fn ensure_not_walled(&self, user: UserId, field: &str) -> Result<()> {
        if self.access.is_walled(user) {
            return Err(LexcaseError::validation(
                field,
                "the user is behind an ethical wall on this matter",
            ));
        }
        Ok(())
    }

    /// Applies detail changes, checking each field.
    pub fn update_details(&mut self, changes: MatterChanges) -> Result<()> {
        if let Some(title) = changes.title {
            self.title = validate::required_line("title", &title)?;
        }
        if let Some(description) = changes.description {
            self.description = validate::text("description", &description)?;
        }
        if let Some(area) = changes.practice_area {
            self.practice_area = validate::required_line("practice_area", &area)?;
        }
        if let Some(responsible) = changes.responsible {
            self.ensure_not_walled(responsible, "responsible")?;
            self.responsible = responsible;
        }
        if let Some(originating) = changes.originating {
            if let Some(user) = originating {
                self.ensure_not_walled(user, "originating")?;
            }
            self.originating = originating;
        }
        if let Some(billing) = changes.billing {
            self.billing = billing;
        }
        Ok(())
    }

    /// Moves the matter to `to`, recording the date on its status field and in the history.
    pub fn transition(
        &mut self,
        to: MatterStatus,
        on: NaiveDate,
        at: DateTime<Utc>,
        by: UserId,
        reason: Option<String>,
    ) -> Result<()> {
        self.status.check_transition(to)?;
        let reason = reason
            .map(|r| validate::text("reason", &r))
            .transpose()?
            .filter(|r| !r.is_empty());
        match to {
            MatterStatus::Open => {
                if self.status == MatterStatus::Pending {
                    self.opened_on = Some(on);
                }
                self.closed_on = None;
            }
            MatterStatus::Closed => self.closed_on = Some(on),
            MatterStatus::Archived => self.archived_on = Some(on),
            MatterStatus::Pending => {}
        }
        self.status_history.push(StatusChange {
            from: Some(self.status),
            to,
            on,
            at,
            by,
            reason,
        });
        self.status = to;
        Ok(())
    }

    /// Adds a contact as a party; the same contact may not hold the same role twice.
    pub fn add_party(
        &mut self,
        contact: ContactId,
        role: PartyRole,
        acting_for: Option<PartyId>,
        reference: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<PartyId> {
        if self.parties.len() >= MAX_PARTIES {
            return Err(LexcaseError::validation(
                "parties",
                format!("more than {MAX_PARTIES} parties"),
            ));
        }
        if self
            .parties
            .iter()
            .any(|p| p.contact == contact && p.role == role)
        {
            return Err(LexcaseError::Conflict {
                reason: "the contact already holds this role on the matter".into(),
            });
        }
        if let Some(other) = acting_for {
            self.party(other)?;
        }
        let party = Party {
            id: PartyId::new(),
            contact,
            role,
            acting_for,
            reference: reference
                .map(|r| validate::optional_line("reference", &r))
                .transpose()?
                .flatten(),
            added_at: now,
        };
        let id = party.id;
        self.parties.push(party);
        Ok(id)
    }

    fn ensure_keeps_a_client(&self, without: PartyId) -> Result<()> {
        let remaining = self
            .parties
            .iter()
            .filter(|p| p.id != without && p.role == PartyRole::Client)
            .count();
        if remaining == 0 {
            return Err(LexcaseError::validation(
                "parties",
                "a matter needs at least one client",
            ));
        }
        Ok(())
    }

    /// Removes a party: never the last client, never a party others act for.
    pub fn remove_party(&mut self, party: PartyId) -> Result<Party> {
        let role = self.party(party)?.role;
        if role == PartyRole::Client {
            self.ensure_keeps_a_client(party)?;
        }
        if self.parties.iter().any(|p| p.acting_for == Some(party)) {
            return Err(LexcaseError::validation(
                "parties",
                "another party acts for this party; unlink it first",
            ));
        }
        let index = self
            .parties
            .iter()
            .position(|p| p.id == party)
            .ok_or_else(|| LexcaseError::not_found("party"))?;
        Ok(self.parties.remove(index))
    }

    /// Changes a party's role (never taking away the last client).
    pub fn change_party_role(&mut self, party: PartyId, role: PartyRole) -> Result<()> {
        let current = self.party(party)?.clone();
        if current.role == role {
            return Ok(());
        }
        if current.role == PartyRole::Client {
            self.ensure_keeps_a_client(party)?;
        }
        if self
            .parties
            .iter()
            .any(|p| p.contact == current.contact && p.role == role)
        {
            return Err(LexcaseError::Conflict {
                reason: "the contact already holds this role on the matter".into(),
            });
        }
        self.party_mut(party)?.role = role;
        Ok(())
    }

    /// Sets (or clears) the party that `party` acts for; no self-links, no cycles.
    pub fn set_acting_for(&mut self, party: PartyId, acting_for: Option<PartyId>) -> Result<()> {
        self.party(party)?;
        if let Some(mut next) = acting_for {
            loop {
                if next == party {
                    return Err(LexcaseError::validation(
                        "acting_for",
                        "a party cannot act for itself",
                    ));
                }
                match self.party(next)?.acting_for {
                    Some(n) => next = n,
                    None => break,
                }
            }
        }
        self.party_mut(party)?.acting_for = acting_for;
        Ok(())
    }

    /// Adds a team member, or changes their matter role if already on the team.
    pub fn add_team_member(&mut self, user: UserId, role: MatterRole) -> Result<()> {
        self.ensure_not_walled(user, "team")?;
        match self.team.iter_mut().find(|m| m.user == user) {
            Some(member) => member.role = role,
            None => {
                if self.team.len() >= MAX_TEAM {
                    return Err(LexcaseError::validation(
                        "team",
                        format!("more than {MAX_TEAM} members"),
                    ));
                }
                self.team.push(TeamMember { user, role });
            }
        }
        Ok(())
    }

    /// Removes a team member.
    pub fn remove_team_member(&mut self, user: UserId) -> Result<()> {
        let before = self.team.len();
        self.team.retain(|m| m.user != user);
        if self.team.len() == before {
            return Err(LexcaseError::not_found("team member"));
        }
        Ok(())
    }

    /// Sets a key date (in the years 1 to 9999), or removes it with `None`.
    pub fn set_key_date(&mut self, name: &str, date: Option<NaiveDate>) -> Result<()> {
        let name = key_date_name(name)?;
        match date {
            Some(date) => {
                validate::date("key_dates", date)?;
                if !self.key_dates.contains_key(&name) && self.key_dates.len() >= MAX_KEY_DATES {
                    return Err(LexcaseError::validation("key_dates", "too many key dates"));
                }
                self.key_dates.insert(name, date);
            }
            None => {
                self.key_dates
                    .remove(&name)
                    .ok_or_else(|| LexcaseError::not_found("key date"))?;
            }
        }
        Ok(())
    }

    /// Sets a checked custom value, or removes it with `None`.
    pub fn set_custom_field(&mut self, key: &str, value: Option<CustomValue>) {
        match value {
            Some(v) => self.custom_fields.insert(key.to_owned(), v),
            None => self.custom_fields.remove(key),
        };
    }

    /// Sets the matter's visibility.
    pub fn set_visibility(&mut self, visibility: Visibility) {
        self.access.visibility = visibility;
    }

    /// Puts up an ethical wall: the user may not be on the team.
    pub fn add_wall(
        &mut self,
        user: UserId,
        reason: &str,
        by: UserId,
        at: DateTime<Utc>,
    ) -> Result<()> {
        if self.team_users().any(|u| u == user) {
            return Err(LexcaseError::validation(
                "user",
                "a team member cannot be walled off; take them off the team first",
            ));
        }
        if self.access.is_walled(user) {
            return Err(LexcaseError::Conflict {
                reason: "the user is already walled off".into(),
            });
        }
        let reason = validate::required_line("reason", reason)?;
        self.access.walls.push(EthicalWall {
            user,
            reason,
            by,
            at,
        });
        Ok(())
    }

    /// Takes down an ethical wall.
    pub fn remove_wall(&mut self, user: UserId) -> Result<()> {
        let before = self.access.walls.len();
        self.access.walls.retain(|w| w.user != user);
        if before == self.access.walls.len() {
            return Err(LexcaseError::not_found("ethical wall"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matters::BillingKind;
    use crate::money::Currency;

    fn new_matter(clients: Vec<ContactId>) -> NewMatter {
        NewMatter {
            title: "Purchase of 12 Acacia Avenue".into(),
            description: String::new(),
            practice_area: "conveyancing".into(),
            clients,
            responsible: UserId::new(),
            originating: None,
            billing: BillingKind::FixedFee,
            currency: Some(Currency::parse("GBP").unwrap()),
            visibility: Visibility::Firm,
            team: vec![],
            key_dates: BTreeMap::new(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn matter() -> Matter {
        Matter::create(
            new_matter(vec![ContactId::new()]),
            Currency::parse("EUR").unwrap(),
            "X-1".into(),
            UserId::new(),
            Utc::now(),
            today(),
        )
        .unwrap()
    }

    #[test]
    fn needs_a_client_and_keeps_one() {
        let err = Matter::create(
            new_matter(vec![]),
            Currency::parse("EUR").unwrap(),
            "X".into(),
            UserId::new(),
            Utc::now(),
            today(),
        );
        assert!(err.is_err());
        let mut m = matter();
        let client = m.parties[0].id;
        assert!(m.remove_party(client).is_err());
        assert!(m.change_party_role(client, PartyRole::Witness).is_err());
        let second = m
            .add_party(ContactId::new(), PartyRole::Client, None, None, Utc::now())
            .unwrap();
        m.remove_party(client).unwrap();
        assert_eq!(m.clients().count(), 1);
        assert_eq!(m.parties[0].id, second);
    }

    #[test]
    fn party_links_refuse_cycles_and_dangling_removal() {
        let mut m = matter();
        let opp = m
            .add_party(
                ContactId::new(),
                PartyRole::OpposingParty,
                None,
                None,
                Utc::now(),
            )
            .unwrap();
        let counsel = m
            .add_party(
                ContactId::new(),
                PartyRole::OpposingCounsel,
                Some(opp),
                None,
                Utc::now(),
            )
            .unwrap();
        assert!(m.set_acting_for(opp, Some(counsel)).is_err());
        assert!(m.set_acting_for(opp, Some(opp)).is_err());
        assert!(m.remove_party(opp).is_err());
        assert!(m.set_acting_for(counsel, Some(PartyId::new())).is_err());
        m.set_acting_for(counsel, None).unwrap();
        m.remove_party(opp).unwrap();
        assert!(
            m.add_party(
                ContactId::new(),
                PartyRole::Witness,
                Some(opp),
                None,
                Utc::now()
            )
            .is_err()
        );
    }

    #[test]
    fn lifecycle_records_dates_and_history() {
        let mut m = matter();
        let by = UserId::new();
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        m.transition(MatterStatus::Open, d(1), Utc::now(), by, None)
            .unwrap();
        m.transition(MatterStatus::Closed, d(2), Utc::now(), by, None)
            .unwrap();
        m.transition(
            MatterStatus::Open,
            d(3),
            Utc::now(),
            by,
            Some("appeal".into()),
        )
        .unwrap();
        assert_eq!(m.opened_on, Some(d(1)));
        assert_eq!(m.closed_on, None);
        m.transition(MatterStatus::Closed, d(4), Utc::now(), by, None)
            .unwrap();
        m.transition(MatterStatus::Archived, d(5), Utc::now(), by, None)
            .unwrap();
        assert_eq!(m.status_history.len(), 6);
        assert_eq!(m.status_history[3].reason.as_deref(), Some("appeal"));
        assert!(m.ensure_editable().is_err());
        assert!(
            m.transition(MatterStatus::Open, d(6), Utc::now(), by, None)
                .is_err()
        );
    }

    #[test]
    fn walls_and_team_exclude_each_other() {
        let mut m = matter();
        let u = UserId::new();
        m.add_team_member(u, MatterRole::Paralegal).unwrap();
        assert!(
            m.add_wall(u, "acted for the other side", UserId::new(), Utc::now())
                .is_err()
        );
        m.remove_team_member(u).unwrap();
        m.add_wall(u, "acted for the other side", UserId::new(), Utc::now())
            .unwrap();
        assert!(m.add_team_member(u, MatterRole::Paralegal).is_err());
        assert!(
            m.update_details(MatterChanges {
                responsible: Some(u),
                ..Default::default()
            })
            .is_err()
        );
        m.remove_wall(u).unwrap();
        assert!(m.remove_wall(u).is_err());
    }

    #[test]
    fn key_dates() {
        let mut m = matter();
        m.set_key_date(" completion ", Some(today())).unwrap();
        assert_eq!(m.key_dates.get("completion"), Some(&today()));
        assert!(m.set_key_date("", Some(today())).is_err());
        assert!(m.set_key_date("trial", None).is_err());
        let year_10000 = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        assert!(m.set_key_date("trial", Some(year_10000)).is_err());
        m.set_key_date("completion", None).unwrap();
    }
}
