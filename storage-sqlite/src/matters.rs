//! Matters: the matter row and its team, party, wall and member rows, written together and
//! read back together (a page of matters reads each child table once).

use std::collections::HashMap;

use lexcase::matters::Matter;
use lexcase::{MatterId, Result};
use lexcase_sql::matters::{
    MatterHead, PartyRow, TeamRow, WallRow, assemble_matter, matter_children,
};
use lexcase_sql::{Record, Value, select_sql};
use rusqlite::Connection;

use crate::error::Db;
use crate::records;
use crate::write::atomically;

const MATTER_UNIQUE: &[(&str, &str)] = &[
    ("matters.number", "a matter with this number already exists"),
    ("matters.id", "the matter already exists"),
];

/// Inserts a matter and its child rows.
pub(crate) fn insert(conn: &Connection, matter: &Matter) -> Result<()> {
    atomically(conn, |conn| {
        records::insert(
            conn,
            &MatterHead(std::borrow::Cow::Borrowed(matter)),
            MATTER_UNIQUE,
        )?;
        insert_children(conn, matter)
    })
}

/// Updates a matter stored at `expected` and rewrites its child rows.
pub(crate) fn update(conn: &Connection, matter: &Matter, expected: u64) -> Result<()> {
    atomically(conn, |conn| {
        records::update(
            conn,
            &MatterHead(std::borrow::Cow::Borrowed(matter)),
            matter.version,
            expected,
            MATTER_UNIQUE,
        )?;
        let id = matter.id.to_bytes();
        for sql in [
            "DELETE FROM matter_team WHERE matter_id = ?1",
            "DELETE FROM matter_parties WHERE matter_id = ?1",
            "DELETE FROM matter_walls WHERE matter_id = ?1",
            "DELETE FROM matter_members WHERE matter_id = ?1",
        ] {
            conn.prepare_cached(sql).db()?.execute([id]).db()?;
        }
        insert_children(conn, matter)
    })
}

fn insert_children(conn: &Connection, matter: &Matter) -> Result<()> {
    let children = matter_children(matter);
    records::insert_all(conn, &children.team)?;
    records::insert_all(conn, &children.parties)?;
    records::insert_all(conn, &children.walls)?;
    records::insert_all(conn, &children.members)
}

/// A matter by id.
pub(crate) fn matter(conn: &Connection, id: MatterId) -> Result<Option<Matter>> {
    let head: Option<MatterHead<'static>> = records::one(
        conn,
        &cached_select::<MatterHead<'static>>("m", "WHERE m.id = ?"),
        &[Value::id(id)],
    )?;
    let Some(head) = head else {
        return Ok(None);
    };
    Ok(assemble(conn, vec![head])?.pop())
}

/// A matter by its number.
pub(crate) fn by_number(conn: &Connection, number: &str) -> Result<Option<Matter>> {
    let head: Option<MatterHead<'static>> = records::one(
        conn,
        &cached_select::<MatterHead<'static>>("m", "WHERE m.number = ?"),
        &[Value::text(number)],
    )?;
    let Some(head) = head else {
        return Ok(None);
    };
    Ok(assemble(conn, vec![head])?.pop())
}

/// The matters with these ids, in the order given (ids not found are left out).
pub(crate) fn by_ids(conn: &Connection, ids: &[MatterId]) -> Result<Vec<Matter>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ids.len()].join(", ");
    let args: Vec<Value<'_>> = ids.iter().map(|id| Value::id(*id)).collect();
    let heads: Vec<MatterHead<'static>> = records::many(
        conn,
        &format!(
            "{} WHERE m.id IN ({marks})",
            select_sql::<MatterHead<'static>>("m")
        ),
        &args,
    )?;
    let mut by_id: HashMap<MatterId, Matter> = assemble(conn, heads)?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

fn cached_select<R: Record>(alias: &str, filter: &str) -> String {
    format!("{} {filter}", select_sql::<R>(alias))
}

/// Reads the child rows of `heads` (one query per child table) and puts the matters together.
pub(crate) fn assemble(conn: &Connection, heads: Vec<MatterHead<'static>>) -> Result<Vec<Matter>> {
    let ids: Vec<Value<'_>> = heads.iter().map(|h| Value::id(h.0.id)).collect();
    let filter = if ids.len() == 1 {
        "WHERE matter_id = ?".to_owned()
    } else {
        format!("WHERE matter_id IN ({})", vec!["?"; ids.len()].join(", "))
    };
    let order = "ORDER BY matter_id, position";
    let team: Vec<TeamRow> = records::many(
        conn,
        &format!("{} {filter} {order}", select_sql::<TeamRow>("c")),
        &ids,
    )?;
    let parties: Vec<PartyRow<'static>> = records::many(
        conn,
        &format!("{} {filter} {order}", select_sql::<PartyRow<'static>>("c")),
        &ids,
    )?;
    let walls: Vec<WallRow<'static>> = records::many(
        conn,
        &format!("{} {filter} {order}", select_sql::<WallRow<'static>>("c")),
        &ids,
    )?;
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
