//! The matter list: filters, the visibility rule of [`Viewer::can_see`], newest first.

use lexcase::access::{Viewer, Visibility};
use lexcase::matters::{Matter, PartyRole};
use lexcase::store::{MatterQuery, Page, Paged};
use lexcase::{MatterId, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use crate::codec::to_i64;
use crate::error::Db;
use crate::read::{count, where_clause};

fn blob(bytes: [u8; 16]) -> Value {
    Value::Blob(bytes.to_vec())
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

/// The conditions (on matters aliased `m`) and their parameters that keep exactly the matters
/// `viewer` may see: the rule of [`Viewer::can_see`].
pub(crate) fn visible_to(viewer: &Viewer) -> (Vec<&'static str>, Vec<Value>) {
    MATTERS.visible_to(viewer)
}

/// The columns a list is read from: the matters table, or the index of a person's matters.
struct Source {
    from: &'static str,
    id: &'static str,
    status: &'static str,
    area: &'static str,
    created_at: &'static str,
    /// The row's matter is not behind a wall for the viewer (bound: the viewer).
    not_walled: &'static str,
    /// The row's matter is firm-visible or the viewer is on it (bound: `firm`, the viewer).
    open_to_viewer: &'static str,
}

const MATTERS: Source = Source {
    from: "matters m",
    id: "m.id",
    status: "m.status",
    area: "m.practice_area_key",
    created_at: "m.created_at",
    not_walled: "m.id NOT IN (SELECT matter_id FROM matter_walls WHERE user_id = ?)",
    open_to_viewer: "(m.visibility = ? OR m.id IN \
                     (SELECT matter_id FROM matter_members WHERE user_id = ?))",
};

const MEMBERS: Source = Source {
    from: "matter_members mm",
    id: "mm.matter_id",
    status: "mm.status",
    area: "mm.practice_area_key",
    created_at: "mm.created_at",
    not_walled: "mm.matter_id NOT IN (SELECT matter_id FROM matter_walls WHERE user_id = ?)",
    open_to_viewer: "(mm.visibility = ? OR mm.matter_id IN \
                     (SELECT matter_id FROM matter_members WHERE user_id = ?))",
};

impl Source {
    /// The visibility rule of [`Viewer::can_see`] on this source's rows.
    fn visible_to(&self, viewer: &Viewer) -> (Vec<&'static str>, Vec<Value>) {
        let me = blob(viewer.user.to_bytes());
        // Never through an ethical wall.
        let mut conditions = vec![self.not_walled];
        let mut params = vec![me.clone()];
        // A team-only matter only for its team, unless the viewer sees restricted matters.
        if !viewer.sees_restricted {
            conditions.push(self.open_to_viewer);
            params.push(text(Visibility::Firm.as_str()));
            params.push(me);
        }
        (conditions, params)
    }
}

/// Matters matching `query` that `viewer` may see, newest first; the total counts the same.
///
/// A fee earner's matters are read from the index of people on matters, which carries the
/// status, practice area, visibility and creation time: the count and the page scan that index
/// alone. Every other filter on another table is a non-correlated `IN` set, computed once per
/// query. Matters are read whole for the page alone.
pub(crate) fn matters(
    conn: &Connection,
    query: &MatterQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Matter>> {
    let source = if query.fee_earner.is_some() {
        &MEMBERS
    } else {
        &MATTERS
    };
    let (mut conditions, mut params) = source.visible_to(viewer);
    let mut owned: Vec<String> = Vec::new();
    if let Some(user) = query.fee_earner {
        owned.push("mm.user_id = ?".into());
        params.push(blob(user.to_bytes()));
    }
    if let Some(status) = query.status {
        owned.push(format!("{} = ?", source.status));
        params.push(text(status.as_str()));
    }
    if let Some(area) = &query.practice_area {
        owned.push(format!("{} = ?", source.area));
        params.push(text(&area.to_lowercase()));
    }
    if let Some(client) = query.client {
        owned.push(format!(
            "{} IN (SELECT matter_id FROM matter_parties WHERE contact_id = ? AND role = ?)",
            source.id
        ));
        params.push(blob(client.to_bytes()));
        params.push(text(PartyRole::Client.as_str()));
    }
    if let Some(folded) = &query.text {
        // CROSS JOIN keeps contacts as the outer loop: one scan of their search keys, then the
        // parties of each matching contact by index.
        owned.push(format!(
            "{id} IN (SELECT t.id FROM matters t WHERE instr(t.search_text, ?) > 0 \
             UNION SELECT p.matter_id FROM contacts c \
             CROSS JOIN matter_parties p ON p.contact_id = c.id \
             WHERE instr(c.search_key, ?) > 0)",
            id = source.id
        ));
        params.push(text(folded));
        params.push(text(folded));
    }
    conditions.extend(owned.iter().map(String::as_str));
    let filter = where_clause(&conditions);
    let from = source.from;
    let total = count(
        conn,
        &format!("SELECT count(*) FROM {from}{filter}"),
        params_from_iter(params.iter()),
    )?;
    if total <= page.offset {
        return Ok(Paged {
            items: Vec::new(),
            total,
        });
    }
    params.push(Value::Integer(i64::from(page.limit)));
    params.push(Value::Integer(to_i64("offset", page.offset)?));
    let sql = format!(
        "SELECT {id} FROM {from}{filter} ORDER BY {created} DESC, {id} DESC LIMIT ? OFFSET ?",
        id = source.id,
        created = source.created_at,
    );
    let mut stmt = conn.prepare_cached(&sql).db()?;
    let ids = stmt
        .query_map(params_from_iter(params.iter()), |r| r.get::<_, [u8; 16]>(0))
        .db()?
        .map(|r| r.db().map(MatterId::from_bytes))
        .collect::<Result<Vec<_>>>()?;
    Ok(Paged {
        items: crate::matters::by_ids(conn, &ids)?,
        total,
    })
}
