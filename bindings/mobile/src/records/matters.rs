//! Matters: parties, team, status history, billing, custom fields, key dates and access.

use std::collections::HashMap;
use std::time::SystemTime;

use chrono::NaiveDate;
use lexcase::access::{
    EthicalWall as CoreEthicalWall, MatterAccess as CoreMatterAccess, Visibility as CoreVisibility,
};
use lexcase::matters::{
    BillingArrangement as CoreBillingArrangement, BillingKind as CoreBillingKind,
    CustomValue as CoreCustomValue, Matter as CoreMatter, MatterChanges as CoreMatterChanges,
    MatterRole as CoreMatterRole, MatterStatus as CoreMatterStatus, NewMatter as CoreNewMatter,
    Party as CoreParty, PartyRole as CorePartyRole, StatusChange as CoreStatusChange,
    TeamMember as CoreTeamMember,
};
use lexcase::money::Currency;
use lexcase::service::MatterFilter as CoreMatterFilter;
use lexcase::store::Paged;
use lexcase::{ContactId, UserId};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::convert::{all, instant, mirror_enum};
use crate::error::LexcaseError;

mirror_enum! {
    /// Where a matter is in its life: pending → open → closed (reopen) → archived.
    MatterStatus = CoreMatterStatus {
        /// Instruction received, not yet opened.
        Pending,
        /// Work in progress.
        Open,
        /// Work finished; may be reopened.
        Closed,
        /// Put away; read-only.
        Archived,
    }
}

mirror_enum! {
    /// The kind of billing arrangement.
    BillingKind = CoreBillingKind {
        /// Time at hourly rates.
        Hourly,
        /// An agreed fixed fee.
        FixedFee,
        /// A share of the recovery.
        Contingency,
        /// Not billed (pro bono, internal).
        NonBillable,
    }
}

mirror_enum! {
    /// The role a contact plays on a matter.
    PartyRole = CorePartyRole {
        /// The firm's client.
        Client,
        /// The other side.
        OpposingParty,
        /// The other side's lawyers.
        OpposingCounsel,
        /// Lawyers working with the firm.
        CoCounsel,
        /// The court or tribunal.
        Court,
        /// The judge.
        Judge,
        /// A witness.
        Witness,
        /// An expert.
        Expert,
        /// A lender (e.g. the mortgagee in a purchase).
        Lender,
        /// An agent (estate agent, process server …).
        Agent,
        /// Anyone else.
        Other,
    }
}

mirror_enum! {
    /// A user's role on one matter (distinct from their firm role).
    MatterRole = CoreMatterRole {
        /// Supervises the work.
        Supervisor,
        /// Does fee-earning work.
        FeeEarner,
        /// Paralegal support.
        Paralegal,
        /// Secretarial support.
        Secretary,
        /// Any other involvement.
        Other,
    }
}

mirror_enum! {
    /// Who may see a matter besides its team.
    Visibility = CoreVisibility {
        /// Everyone in the firm (except walled users).
        Firm,
        /// Only the matter's team (and users whose role sees restricted matters), never walled
        /// users.
        Team,
    }
}

/// A custom field's value; its kind must match the field's definition.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum CustomValue {
    /// Text.
    Text {
        /// The text.
        value: String,
    },
    /// Whole number.
    Number {
        /// The number.
        value: i64,
    },
    /// Exact decimal.
    Decimal {
        /// The amount.
        value: Decimal,
    },
    /// Date.
    Date {
        /// The date.
        value: NaiveDate,
    },
    /// Yes/no.
    Bool {
        /// The flag.
        value: bool,
    },
    /// One of the definition's choices (a `Text` value is accepted for a choice field too).
    Choice {
        /// The choice.
        value: String,
    },
    /// A contact.
    ContactRef {
        /// The contact's id.
        value: Uuid,
    },
}

impl From<CoreCustomValue> for CustomValue {
    fn from(value: CoreCustomValue) -> Self {
        match value {
            CoreCustomValue::Text(value) => Self::Text { value },
            CoreCustomValue::Number(value) => Self::Number { value },
            CoreCustomValue::Decimal(value) => Self::Decimal { value },
            CoreCustomValue::Date(value) => Self::Date { value },
            CoreCustomValue::Bool(value) => Self::Bool { value },
            CoreCustomValue::Choice(value) => Self::Choice { value },
            CoreCustomValue::ContactRef(id) => Self::ContactRef { value: id.into() },
        }
    }
}

impl From<CustomValue> for CoreCustomValue {
    fn from(value: CustomValue) -> Self {
        match value {
            CustomValue::Text { value } => Self::Text(value),
            CustomValue::Number { value } => Self::Number(value),
            CustomValue::Decimal { value } => Self::Decimal(value),
            CustomValue::Date { value } => Self::Date(value),
            CustomValue::Bool { value } => Self::Bool(value),
            CustomValue::Choice { value } => Self::Choice(value),
            CustomValue::ContactRef { value } => Self::ContactRef(value.into()),
        }
    }
}

/// A matter's billing arrangement: its kind and currency.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BillingArrangement {
    /// Hourly, fixed fee, contingency or non-billable.
    pub kind: BillingKind,
    /// ISO 4217 currency the matter is billed in.
    pub currency: String,
}

impl From<CoreBillingArrangement> for BillingArrangement {
    fn from(billing: CoreBillingArrangement) -> Self {
        let CoreBillingArrangement { kind, currency } = billing;
        Self {
            kind: kind.into(),
            currency: currency.code().to_owned(),
        }
    }
}

impl TryFrom<BillingArrangement> for CoreBillingArrangement {
    type Error = LexcaseError;
    fn try_from(billing: BillingArrangement) -> Result<Self, LexcaseError> {
        Ok(Self {
            kind: billing.kind.into(),
            currency: Currency::parse(&billing.currency)?,
        })
    }
}

/// A contact on a matter.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Party {
    /// Identifier of this party on this matter.
    pub id: Uuid,
    /// The contact's id.
    pub contact: Uuid,
    /// Their role here.
    pub role: PartyRole,
    /// The party they act for (counsel for X, agent for Y).
    pub acting_for: Option<Uuid>,
    /// Their own reference for the matter, if any.
    pub reference: Option<String>,
    /// When they were added.
    pub added_at: SystemTime,
}

impl From<CoreParty> for Party {
    fn from(party: CoreParty) -> Self {
        let CoreParty {
            id,
            contact,
            role,
            acting_for,
            reference,
            added_at,
        } = party;
        Self {
            id: id.into(),
            contact: contact.into(),
            role: role.into(),
            acting_for: acting_for.map(Uuid::from),
            reference,
            added_at: instant(added_at),
        }
    }
}

/// A member of a matter's team.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TeamMember {
    /// The user's id.
    pub user: Uuid,
    /// Their role on the matter.
    pub role: MatterRole,
}

impl From<CoreTeamMember> for TeamMember {
    fn from(member: CoreTeamMember) -> Self {
        let CoreTeamMember { user, role } = member;
        Self {
            user: user.into(),
            role: role.into(),
        }
    }
}

impl From<TeamMember> for CoreTeamMember {
    fn from(member: TeamMember) -> Self {
        Self {
            user: member.user.into(),
            role: member.role.into(),
        }
    }
}

/// One step of a matter's status history.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatusChange {
    /// Previous status (null at creation).
    pub from: Option<MatterStatus>,
    /// New status.
    pub to: MatterStatus,
    /// Effective date, in the firm's zone.
    pub on: NaiveDate,
    /// When it was recorded.
    pub at: SystemTime,
    /// Who recorded it (a user id).
    pub by: Uuid,
    /// Why (recorded for reopenings and archiving).
    pub reason: Option<String>,
}

impl From<CoreStatusChange> for StatusChange {
    fn from(change: CoreStatusChange) -> Self {
        let CoreStatusChange {
            from,
            to,
            on,
            at,
            by,
            reason,
        } = change;
        Self {
            from: from.map(MatterStatus::from),
            to: to.into(),
            on,
            at: instant(at),
            by: by.into(),
            reason,
        }
    }
}

/// An ethical wall: the user is screened from the matter; for them it does not exist.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EthicalWall {
    /// The screened user's id.
    pub user: Uuid,
    /// Why (for the compliance file).
    pub reason: String,
    /// Who put the wall up.
    pub by: Uuid,
    /// When.
    pub at: SystemTime,
}

impl From<CoreEthicalWall> for EthicalWall {
    fn from(wall: CoreEthicalWall) -> Self {
        let CoreEthicalWall {
            user,
            reason,
            by,
            at,
        } = wall;
        Self {
            user: user.into(),
            reason,
            by: by.into(),
            at: instant(at),
        }
    }
}

/// Who may see a matter: its visibility and its ethical walls.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MatterAccess {
    /// Firm-visible or team-only.
    pub visibility: Visibility,
    /// Users screened from the matter.
    pub walls: Vec<EthicalWall>,
}

impl From<CoreMatterAccess> for MatterAccess {
    fn from(access: CoreMatterAccess) -> Self {
        let CoreMatterAccess { visibility, walls } = access;
        Self {
            visibility: visibility.into(),
            walls: all(walls),
        }
    }
}

/// A matter (case).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Matter {
    /// Identifier.
    pub id: Uuid,
    /// The firm's reference number, e.g. `SMI-0042`.
    pub number: String,
    /// Short title.
    pub title: String,
    /// Longer description.
    pub description: String,
    /// Practice area, e.g. "conveyancing".
    pub practice_area: String,
    /// Lifecycle status.
    pub status: MatterStatus,
    /// Date first opened.
    pub opened_on: Option<NaiveDate>,
    /// Date last closed (cleared on reopening; the history keeps every date).
    pub closed_on: Option<NaiveDate>,
    /// Date archived.
    pub archived_on: Option<NaiveDate>,
    /// Every status change, oldest first.
    pub status_history: Vec<StatusChange>,
    /// Responsible fee earner (a user id).
    pub responsible: Uuid,
    /// Originating fee earner (who brought the work in).
    pub originating: Option<Uuid>,
    /// Further team members.
    pub team: Vec<TeamMember>,
    /// Clients and other parties.
    pub parties: Vec<Party>,
    /// Billing arrangement.
    pub billing: BillingArrangement,
    /// Custom field values by key.
    pub custom_fields: HashMap<String, CustomValue>,
    /// Named key dates, e.g. "completion", "trial".
    pub key_dates: HashMap<String, NaiveDate>,
    /// Visibility and ethical walls.
    pub access: MatterAccess,
    /// Who created it (a user id).
    pub created_by: Uuid,
    /// When.
    pub created_at: SystemTime,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreMatter> for Matter {
    fn from(matter: CoreMatter) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreMatter {
            id,
            number,
            title,
            description,
            practice_area,
            status,
            opened_on,
            closed_on,
            archived_on,
            status_history,
            responsible,
            originating,
            team,
            parties,
            billing,
            custom_fields,
            key_dates,
            access,
            created_by,
            created_at,
            version,
        } = matter;
        Self {
            id: id.into(),
            number,
            title,
            description,
            practice_area,
            status: status.into(),
            opened_on,
            closed_on,
            archived_on,
            status_history: all(status_history),
            responsible: responsible.into(),
            originating: originating.map(Uuid::from),
            team: all(team),
            parties: all(parties),
            billing: billing.into(),
            custom_fields: custom_fields
                .into_iter()
                .map(|(key, value)| (key, value.into()))
                .collect(),
            key_dates: key_dates.into_iter().collect(),
            access: access.into(),
            created_by: created_by.into(),
            created_at: instant(created_at),
            version,
        }
    }
}

/// What a matter is opened with.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewMatter {
    /// Title.
    pub title: String,
    /// Description.
    #[uniffi(default = "")]
    pub description: String,
    /// Practice area.
    pub practice_area: String,
    /// The client contacts' ids: at least one; the first decides `{CLIENT3}` in the number.
    pub clients: Vec<Uuid>,
    /// Responsible fee earner (a user id).
    pub responsible: Uuid,
    /// Originating fee earner.
    #[uniffi(default)]
    pub originating: Option<Uuid>,
    /// Billing arrangement.
    pub billing: BillingArrangement,
    /// Firm-visible or team-only.
    pub visibility: Visibility,
    /// Team members.
    #[uniffi(default)]
    pub team: Vec<TeamMember>,
    /// Key dates by name.
    #[uniffi(default)]
    pub key_dates: HashMap<String, NaiveDate>,
}

impl TryFrom<NewMatter> for CoreNewMatter {
    type Error = LexcaseError;
    fn try_from(new: NewMatter) -> Result<Self, LexcaseError> {
        Ok(Self {
            title: new.title,
            description: new.description,
            practice_area: new.practice_area,
            clients: all(new.clients),
            responsible: new.responsible.into(),
            originating: new.originating.map(UserId::from),
            billing: new.billing.try_into()?,
            visibility: new.visibility.into(),
            team: all(new.team),
            key_dates: new.key_dates.into_iter().collect(),
        })
    }
}

/// How `MatterChanges` changes the originating fee earner (null there leaves it as it is).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum OriginatingChange {
    /// Make this user the originating fee earner.
    Set {
        /// The user's id.
        user: Uuid,
    },
    /// Record no originating fee earner.
    Clear,
}

impl From<OriginatingChange> for Option<UserId> {
    fn from(change: OriginatingChange) -> Self {
        match change {
            OriginatingChange::Set { user } => Some(user.into()),
            OriginatingChange::Clear => None,
        }
    }
}

/// A partial update of a matter's details; null leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct MatterChanges {
    /// New title.
    #[uniffi(default)]
    pub title: Option<String>,
    /// New description.
    #[uniffi(default)]
    pub description: Option<String>,
    /// New practice area.
    #[uniffi(default)]
    pub practice_area: Option<String>,
    /// New responsible fee earner.
    #[uniffi(default)]
    pub responsible: Option<Uuid>,
    /// Set or clear the originating fee earner.
    #[uniffi(default)]
    pub originating: Option<OriginatingChange>,
    /// New billing arrangement.
    #[uniffi(default)]
    pub billing: Option<BillingArrangement>,
}

impl TryFrom<MatterChanges> for CoreMatterChanges {
    type Error = LexcaseError;
    fn try_from(changes: MatterChanges) -> Result<Self, LexcaseError> {
        Ok(Self {
            title: changes.title,
            description: changes.description,
            practice_area: changes.practice_area,
            responsible: changes.responsible.map(UserId::from),
            originating: changes.originating.map(Option::<UserId>::from),
            billing: changes.billing.map(TryInto::try_into).transpose()?,
        })
    }
}

/// Filters for listing matters; null means any.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct MatterFilter {
    /// Only this status.
    #[uniffi(default)]
    pub status: Option<MatterStatus>,
    /// Only this practice area (case-insensitive).
    #[uniffi(default)]
    pub practice_area: Option<String>,
    /// Only matters this user is responsible for, originated or is on the team of.
    #[uniffi(default)]
    pub fee_earner: Option<Uuid>,
    /// Only matters of this client (a contact id).
    #[uniffi(default)]
    pub client: Option<Uuid>,
    /// Words in the number, the title or a party's name (case and accents ignored).
    #[uniffi(default)]
    pub text: Option<String>,
}

impl From<MatterFilter> for CoreMatterFilter {
    fn from(filter: MatterFilter) -> Self {
        Self {
            status: filter.status.map(CoreMatterStatus::from),
            practice_area: filter.practice_area,
            fee_earner: filter.fee_earner.map(UserId::from),
            client: filter.client.map(ContactId::from),
            text: filter.text,
        }
    }
}

/// One page of matters and the total number the acting user may see.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MatterPage {
    /// The matters in this page, newest first.
    pub items: Vec<Matter>,
    /// How many matters match in all (hidden matters are not counted).
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreMatter>> for MatterPage {
    fn from(page: Paged<CoreMatter>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}
