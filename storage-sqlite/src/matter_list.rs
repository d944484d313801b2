//! The matter list: filters, the visibility rule of [`Viewer::can_see`], newest first.

use lexcase::access::{Viewer, Visibility};
use lexcase::matters::{Matter, PartyRole};
use lexcase::store::{MatterQuery, Page, Paged};
use lexcase::{MatterId, Result};
use lexcase_sql::keyset::SortKey;
use rusqlite::Connection;
use rusqlite::types::Value;

use crate::error::Db;
use crate::paging::{self, List};

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

/// The matters `viewer` may not see, as a subquery of their ids, with its parameters: those
/// behind a wall for the viewer, and (unless the viewer sees restricted matters) the
/// team-only matters the viewer is not on. It is small, so rows of any table are checked
/// against it rather than against the (large) set of visible matters.
pub(crate) fn hidden_from(viewer: &Viewer) -> (&'static str, Vec<Value>) {
    let me = blob(viewer.user.to_bytes());
    if viewer.sees_restricted {
        (
            "SELECT matter_id FROM matter_walls WHERE user_id = ?",
            vec![me],
        )
    } else {
        (
            "SELECT matter_id FROM matter_walls WHERE user_id = ? \
             UNION SELECT t.id FROM matters t WHERE t.visibility = 'team' \
             AND NOT EXISTS (SELECT 1 FROM matter_members v \
             WHERE v.matter_id = t.id AND v.user_id = ?)",
            vec![me.clone(), me],
        )
    }
}

/// The ids of the matters `viewer` may not see ([`hidden_from`]), in id order.
pub(crate) fn hidden_matters(conn: &Connection, viewer: &Viewer) -> Result<Vec<MatterId>> {
    let (hidden, params) = hidden_from(viewer);
    let sql = format!("SELECT matter_id FROM ({hidden}) ORDER BY 1");
    let mut stmt = conn.prepare_cached(&sql).db()?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params)).db()?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().db()? {
        let bytes: [u8; 16] = row.get(0).db()?;
        out.push(MatterId::from(uuid::Uuid::from_bytes(bytes)));
    }
    Ok(out)
}

/// `column` (a matter id) names a matter `viewer` may see: the rule of [`Viewer::can_see`]
/// on any row that belongs to a matter.
pub(crate) fn on_visible_matter(column: &str, viewer: &Viewer) -> (String, Vec<Value>) {
    let (hidden, params) = hidden_from(viewer);
    (format!("{column} NOT IN ({hidden})"), params)
}

/// A bill (aliased `b`) every matter of which `viewer` may see.
pub(crate) fn bill_visible(viewer: &Viewer) -> (String, Vec<Value>) {
    let (hidden, params) = hidden_from(viewer);
    (
        format!(
            "NOT EXISTS (SELECT 1 FROM bill_matters bm WHERE bm.bill_id = b.id \
             AND bm.matter_id IN ({hidden}))"
        ),
        params,
    )
}

/// The columns a list is read from: the matters table, or the index of a person's matters.
struct Source {
    from: &'static str,
    id: &'static str,
    status: &'static str,
    area: &'static str,
    /// Newest first.
    keys: &'static [SortKey],
    /// The row's matter is not behind a wall for the viewer (bound: the viewer).
    not_walled: &'static str,
    /// The row's matter is firm-visible or the viewer is on it (bound: `firm`, the viewer).
    /// Correlated on the members' primary key, so only team-only rows cost a probe: an `IN`
    /// over the viewer's memberships would build that whole set first (360 ms for a partner
    /// on 580 000 of 1 000 000 matters, against 8 ms).
    open_to_viewer: &'static str,
}

const MATTERS: Source = Source {
    from: "matters m",
    id: "m.id",
    status: "m.status",
    area: "m.practice_area_key",
    keys: &[SortKey::desc("m.created_at"), SortKey::desc("m.id")],
    not_walled: "m.id NOT IN (SELECT matter_id FROM matter_walls WHERE user_id = ?)",
    open_to_viewer: "(m.visibility = ? OR EXISTS (SELECT 1 FROM matter_members v \
                     WHERE v.matter_id = m.id AND v.user_id = ?))",
};

const MEMBERS: Source = Source {
    from: "matter_members mm",
    id: "mm.matter_id",
    status: "mm.status",
    area: "mm.practice_area_key",
    keys: &[
        SortKey::desc("mm.created_at"),
        SortKey::desc("mm.matter_id"),
    ],
    not_walled: "mm.matter_id NOT IN (SELECT matter_id FROM matter_walls WHERE user_id = ?)",
    open_to_viewer: "(mm.visibility = ? OR EXISTS (SELECT 1 FROM matter_members v \
                     WHERE v.matter_id = mm.matter_id AND v.user_id = ?))",
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
    let (conditions, mut params) = source.visible_to(viewer);
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
    let mut all: Vec<String> = conditions.iter().map(|c| (*c).to_owned()).collect();
    all.extend(owned);
    let ids = paging::page(
        conn,
        List {
            columns: source.id,
            from: source.from,
            conditions: all,
            params,
            keys: source.keys,
        },
        &page,
        |row| Ok(MatterId::from_bytes(row.get::<_, [u8; 16]>(0).db()?)),
    )?;
    Ok(Paged {
        items: crate::matters::by_ids(conn, &ids.items)?,
        total: ids.total,
        next: ids.next,
    })
}
