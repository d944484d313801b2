//! Matters: the matter row, its team, parties and ethical walls as typed child rows, and the
//! index of the people on each matter that the fee-earner lists read.

use std::borrow::Cow;

use lexcase::access::{EthicalWall, MatterAccess};
use lexcase::matters::{BillingArrangement, Matter, Party, TeamMember};
use lexcase::{MatterId, Result, UserId, text};

use crate::record::Record;
use crate::value::{Cols, Value};

/// The matter row: everything but the team, parties and walls.
pub struct MatterHead<'a>(pub Cow<'a, Matter>);

/// The folded practice area a matter is filtered on.
pub fn practice_area_key(matter: &Matter) -> String {
    matter.practice_area.to_lowercase()
}

/// The folded number and title the free-text filter searches.
pub fn search_text(matter: &Matter) -> String {
    text::fold(&format!("{} {}", matter.number, matter.title))
}

impl Record for MatterHead<'_> {
    const TABLE: &'static str = "matters";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "version",
        "number",
        "title",
        "description",
        "practice_area",
        "practice_area_key",
        "search_text",
        "status",
        "opened_on",
        "closed_on",
        "archived_on",
        "status_history",
        "responsible",
        "originating",
        "billing_kind",
        "currency",
        "custom_fields",
        "key_dates",
        "visibility",
        "created_by",
        "created_at",
    ];
    const WHAT: &'static str = "matter";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        let m = self.0.as_ref();
        Ok(vec![
            Value::id(m.id),
            Value::count(m.version)?,
            Value::text(&m.number),
            Value::text(&m.title),
            Value::text(&m.description),
            Value::text(&m.practice_area),
            Value::Text(Cow::Owned(practice_area_key(m))),
            Value::Text(Cow::Owned(search_text(m))),
            Value::name(m.status.as_str()),
            Value::opt_date(m.opened_on),
            Value::opt_date(m.closed_on),
            Value::opt_date(m.archived_on),
            Value::json("matter", &m.status_history)?,
            Value::id(m.responsible),
            Value::opt_id(m.originating),
            Value::name(m.billing.kind.as_str()),
            Value::name(m.billing.currency.code()),
            if m.custom_fields.is_empty() {
                Value::Null
            } else {
                Value::json("matter", &m.custom_fields)?
            },
            if m.key_dates.is_empty() {
                Value::Null
            } else {
                Value::json("matter", &m.key_dates)?
            },
            Value::name(m.access.visibility.as_str()),
            Value::id(m.created_by),
            Value::Instant(m.created_at),
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        let id = c.id()?;
        let version = c.uint()?;
        let number = c.text()?;
        let title = c.text()?;
        let description = c.text()?;
        let practice_area = c.text()?;
        c.skip();
        c.skip();
        let status = c.name()?;
        let opened_on = c.opt_date()?;
        let closed_on = c.opt_date()?;
        let archived_on = c.opt_date()?;
        let status_history = c.json()?;
        let responsible = c.id()?;
        let originating = c.opt_id()?;
        let billing = BillingArrangement {
            kind: c.name()?,
            currency: c.currency()?,
        };
        let custom_fields = c.opt_json()?.unwrap_or_default();
        let key_dates = c.opt_json()?.unwrap_or_default();
        let visibility = c.name()?;
        Ok(MatterHead(Cow::Owned(Matter {
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
            team: Vec::new(),
            parties: Vec::new(),
            billing,
            custom_fields,
            key_dates,
            access: MatterAccess {
                visibility,
                walls: Vec::new(),
            },
            created_by: c.id()?,
            created_at: c.instant()?,
            version,
        })))
    }
}

/// A team member of a matter, at its position in the team.
pub struct TeamRow {
    /// The matter.
    pub matter: MatterId,
    /// Position from 0.
    pub position: u32,
    /// The member.
    pub member: TeamMember,
}

impl Record for TeamRow {
    const TABLE: &'static str = "matter_team";
    const COLUMNS: &'static [&'static str] = &["matter_id", "position", "user_id", "role"];
    const WHAT: &'static str = "matter team member";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        Ok(vec![
            Value::id(self.matter),
            Value::Int(i64::from(self.position)),
            Value::id(self.member.user),
            Value::name(self.member.role.as_str()),
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        Ok(Self {
            matter: c.id()?,
            position: c.uint()?,
            member: TeamMember {
                user: c.id()?,
                role: c.name()?,
            },
        })
    }
}

/// A party to a matter, at its position in the matter's list.
pub struct PartyRow<'a> {
    /// The matter.
    pub matter: MatterId,
    /// Position from 0.
    pub position: u32,
    /// The party.
    pub party: Cow<'a, Party>,
}

impl Record for PartyRow<'_> {
    const TABLE: &'static str = "matter_parties";
    const COLUMNS: &'static [&'static str] = &[
        "matter_id",
        "position",
        "party_id",
        "contact_id",
        "role",
        "acting_for",
        "reference",
        "added_at",
    ];
    const WHAT: &'static str = "matter party";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        let p = self.party.as_ref();
        Ok(vec![
            Value::id(self.matter),
            Value::Int(i64::from(self.position)),
            Value::id(p.id),
            Value::id(p.contact),
            Value::name(p.role.as_str()),
            Value::opt_id(p.acting_for),
            Value::opt_text(p.reference.as_deref()),
            Value::Instant(p.added_at),
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        Ok(Self {
            matter: c.id()?,
            position: c.uint()?,
            party: Cow::Owned(Party {
                id: c.id()?,
                contact: c.id()?,
                role: c.name()?,
                acting_for: c.opt_id()?,
                reference: c.opt_text()?,
                added_at: c.instant()?,
            }),
        })
    }
}

/// An ethical wall on a matter, at its position in the matter's list.
pub struct WallRow<'a> {
    /// The matter.
    pub matter: MatterId,
    /// Position from 0.
    pub position: u32,
    /// The wall.
    pub wall: Cow<'a, EthicalWall>,
}

impl Record for WallRow<'_> {
    const TABLE: &'static str = "matter_walls";
    const COLUMNS: &'static [&'static str] = &[
        "matter_id",
        "position",
        "user_id",
        "reason",
        "walled_by",
        "walled_at",
    ];
    const WHAT: &'static str = "ethical wall";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        let w = self.wall.as_ref();
        Ok(vec![
            Value::id(self.matter),
            Value::Int(i64::from(self.position)),
            Value::id(w.user),
            Value::text(&w.reason),
            Value::id(w.by),
            Value::Instant(w.at),
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        Ok(Self {
            matter: c.id()?,
            position: c.uint()?,
            wall: Cow::Owned(EthicalWall {
                user: c.id()?,
                reason: c.text()?,
                by: c.id()?,
                at: c.instant()?,
            }),
        })
    }
}

/// A person on a matter (responsible, originating or in the team), with copies of the matter
/// columns a fee earner's lists filter and sort on, so those lists read one index.
pub struct MemberRow<'a> {
    /// The person.
    pub user: UserId,
    /// The matter.
    pub matter: &'a Matter,
}

impl Record for MemberRow<'_> {
    const TABLE: &'static str = "matter_members";
    const COLUMNS: &'static [&'static str] = &[
        "user_id",
        "matter_id",
        "status",
        "practice_area_key",
        "visibility",
        "created_at",
    ];
    const WHAT: &'static str = "matter member";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        Ok(vec![
            Value::id(self.user),
            Value::id(self.matter.id),
            Value::name(self.matter.status.as_str()),
            Value::Text(Cow::Owned(practice_area_key(self.matter))),
            Value::name(self.matter.access.visibility.as_str()),
            Value::Instant(self.matter.created_at),
        ])
    }

    fn read(_c: &mut Cols<'_>) -> Result<Self> {
        Err(lexcase::LexcaseError::storage(
            "matter members are an index and are not read back",
        ))
    }
}

/// The child rows of a matter, in list order.
pub struct MatterChildren<'a> {
    /// Its team.
    pub team: Vec<TeamRow>,
    /// Its parties.
    pub parties: Vec<PartyRow<'a>>,
    /// Its walls.
    pub walls: Vec<WallRow<'a>>,
    /// Its people (responsible, originating, team), each once.
    pub members: Vec<MemberRow<'a>>,
}

fn position(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The child rows of `matter`.
pub fn matter_children(matter: &Matter) -> MatterChildren<'_> {
    MatterChildren {
        team: matter
            .team
            .iter()
            .enumerate()
            .map(|(i, m)| TeamRow {
                matter: matter.id,
                position: position(i),
                member: *m,
            })
            .collect(),
        parties: matter
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| PartyRow {
                matter: matter.id,
                position: position(i),
                party: Cow::Borrowed(p),
            })
            .collect(),
        walls: matter
            .access
            .walls
            .iter()
            .enumerate()
            .map(|(i, w)| WallRow {
                matter: matter.id,
                position: position(i),
                wall: Cow::Borrowed(w),
            })
            .collect(),
        members: {
            let mut seen = std::collections::HashSet::new();
            matter
                .team_users()
                .filter(|u| seen.insert(*u))
                .map(|user| MemberRow { user, matter })
                .collect()
        },
    }
}

/// A matter put back together from its row and its children (each in position order).
pub fn assemble_matter(
    head: MatterHead<'_>,
    team: Vec<TeamMember>,
    parties: Vec<Party>,
    walls: Vec<EthicalWall>,
) -> Matter {
    let mut matter = head.0.into_owned();
    matter.team = team;
    matter.parties = parties;
    matter.access.walls = walls;
    matter
}
