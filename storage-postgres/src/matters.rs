//! Matters: the matter row and its team, party, wall and member rows, written together and
//! read back together (a page of matters reads each child table once).

use std::borrow::Cow;
use std::collections::HashMap;

use lexcase::matters::Matter;
use lexcase::{MatterId, Result};
use lexcase_sql::matters::{
    MatterHead, PartyRow, TeamRow, WallRow, assemble_matter, matter_children,
};

use crate::records::{self, Unique, select};
use crate::scope::Scope;
use crate::value::Arg;

const MATTER_UNIQUE: &[Unique] = &[Unique {
    columns: &["number"],
    reason: "a matter with this number already exists",
}];

/// Inserts a matter and its child rows.
pub(crate) fn insert(scope: &mut Scope<'_>, matter: &Matter) -> Result<()> {
    records::insert(scope, &MatterHead(Cow::Borrowed(matter)), MATTER_UNIQUE)?;
    insert_children(scope, matter)
}

/// Updates a matter stored at `expected` and rewrites its child rows.
pub(crate) fn update(scope: &mut Scope<'_>, matter: &Matter, expected: u64) -> Result<()> {
    records::update(
        scope,
        &MatterHead(Cow::Borrowed(matter)),
        matter.version,
        expected,
        MATTER_UNIQUE,
    )?;
    let id = [Arg::id(matter.id)];
    for sql in [
        "DELETE FROM matter_team WHERE firm_id = $1 AND matter_id = ?",
        "DELETE FROM matter_parties WHERE firm_id = $1 AND matter_id = ?",
        "DELETE FROM matter_walls WHERE firm_id = $1 AND matter_id = ?",
        "DELETE FROM matter_members WHERE firm_id = $1 AND matter_id = ?",
    ] {
        scope.execute(sql, &id)?;
    }
    insert_children(scope, matter)
}

fn insert_children(scope: &mut Scope<'_>, matter: &Matter) -> Result<()> {
    let children = matter_children(matter);
    records::insert_all(scope, &children.team)?;
    records::insert_all(scope, &children.parties)?;
    records::insert_all(scope, &children.walls)?;
    records::insert_all(scope, &children.members)
}

/// A matter by id.
pub(crate) fn matter(scope: &mut Scope<'_>, id: MatterId) -> Result<Option<Matter>> {
    let head: Option<MatterHead<'static>> = scope.record(
        &select::<MatterHead<'static>>("m", "m.id = ?"),
        &[Arg::id(id)],
    )?;
    let Some(head) = head else {
        return Ok(None);
    };
    Ok(assemble(scope, vec![head])?.pop())
}

/// A matter by its number.
pub(crate) fn by_number(scope: &mut Scope<'_>, number: &str) -> Result<Option<Matter>> {
    let head: Option<MatterHead<'static>> = scope.record(
        &select::<MatterHead<'static>>("m", "m.number = ?"),
        &[Arg::text(number)],
    )?;
    let Some(head) = head else {
        return Ok(None);
    };
    Ok(assemble(scope, vec![head])?.pop())
}

/// The matters with these ids, in the order given (ids not found are left out).
pub(crate) fn by_ids(scope: &mut Scope<'_>, ids: &[MatterId]) -> Result<Vec<Matter>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let heads: Vec<MatterHead<'static>> = scope.records(
        &select::<MatterHead<'static>>("m", "m.id = ANY(?)"),
        &[Arg::ids(ids)],
    )?;
    let mut by_id: HashMap<MatterId, Matter> = assemble(scope, heads)?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// Reads the child rows of `heads` (one query per child table) and puts the matters together.
pub(crate) fn assemble(
    scope: &mut Scope<'_>,
    heads: Vec<MatterHead<'static>>,
) -> Result<Vec<Matter>> {
    if heads.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<MatterId> = heads.iter().map(|h| h.0.id).collect();
    let args = [Arg::ids(&ids)];
    let filter = "c.matter_id = ANY(?) ORDER BY c.matter_id, c.position";
    let team: Vec<TeamRow> = scope.records(&select::<TeamRow>("c", filter), &args)?;
    let parties: Vec<PartyRow<'static>> =
        scope.records(&select::<PartyRow<'static>>("c", filter), &args)?;
    let walls: Vec<WallRow<'static>> =
        scope.records(&select::<WallRow<'static>>("c", filter), &args)?;
    let mut team_of: HashMap<MatterId, Vec<_>> = HashMap::new();
    for t in team {
        team_of.entry(t.matter).or_default().push(t.member);
    }
    let mut parties_of: HashMap<MatterId, Vec<_>> = HashMap::new();
    for p in parties {
        parties_of
            .entry(p.matter)
            .or_default()
            .push(p.party.into_owned());
    }
    let mut walls_of: HashMap<MatterId, Vec<_>> = HashMap::new();
    for w in walls {
        walls_of
            .entry(w.matter)
            .or_default()
            .push(w.wall.into_owned());
    }
    Ok(heads
        .into_iter()
        .map(|head| {
            let id = head.0.id;
            assemble_matter(
                head,
                team_of.remove(&id).unwrap_or_default(),
                parties_of.remove(&id).unwrap_or_default(),
                walls_of.remove(&id).unwrap_or_default(),
            )
        })
        .collect())
}
