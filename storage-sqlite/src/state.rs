//! Every row of a kind, in id order and pages, in its serde form: what `verify_state` compares
//! with the replay of the audit trail.

use lexcase::Result;
use lexcase::audit::EntityKind;
use lexcase_sql::state::{json, table};
use rusqlite::Connection;
use uuid::Uuid;

use crate::error::Db;
use crate::{bills, client_money, matters, read, work};

/// One record of `kind` by id, in its serde form.
fn load(
    conn: &Connection,
    kind: EntityKind,
    id: Uuid,
) -> Result<Option<(Uuid, serde_json::Value)>> {
    match kind {
        EntityKind::User => json(id, read::user(conn, id.into())?),
        EntityKind::Contact => json(id, read::contact(conn, id.into())?),
        EntityKind::Matter => json(id, matters::matter(conn, id.into())?),
        EntityKind::TimeEntry => json(id, work::get::<lexcase::timekeeping::TimeEntry>(conn, id)?),
        EntityKind::Expense => json(id, work::get::<lexcase::timekeeping::Expense>(conn, id)?),
        EntityKind::Bill => json(id, bills::bill(conn, id.into())?),
        EntityKind::Payment => json(id, bills::payment(conn, id.into())?),
        EntityKind::ClientMoney => json(id, client_money::entry(conn, id.into())?),
        _ => Ok(None),
    }
}

/// Up to `limit` records of `kind` with ids above `after`, in id order.
pub(crate) fn rows(
    conn: &Connection,
    kind: EntityKind,
    after: Option<Uuid>,
    limit: u32,
) -> Result<Vec<(Uuid, serde_json::Value)>> {
    let Some(table) = table(kind) else {
        return Ok(Vec::new());
    };
    let after = after.map_or([0u8; 16], |id| *id.as_bytes());
    let ids = conn
        .prepare_cached(&format!(
            "SELECT id FROM {table} WHERE id > ?1 ORDER BY id LIMIT ?2"
        ))
        .db()?
        .query_map(rusqlite::params![after, i64::from(limit)], |r| {
            r.get::<_, [u8; 16]>(0)
        })
        .db()?
        .collect::<rusqlite::Result<Vec<_>>>()
        .db()?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.extend(load(conn, kind, Uuid::from_bytes(id))?);
    }
    Ok(out)
}
