//! The matter list: filters, the visibility rule of [`Viewer::can_see`], newest first.

use lexcase::Result;
use lexcase::access::{Viewer, Visibility};
use lexcase::matters::{Matter, PartyRole};
use lexcase::store::{MatterQuery, Page, Paged};
use rusqlite::Connection;
use rusqlite::types::Value;

use crate::read::{paged, where_clause};

fn blob(bytes: [u8; 16]) -> Value {
    Value::Blob(bytes.to_vec())
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

/// The conditions (on matters aliased `m`) and their parameters that keep exactly the matters
/// `viewer` may see: the rule of [`Viewer::can_see`].
pub(crate) fn visible_to(viewer: &Viewer) -> (Vec<&'static str>, Vec<Value>) {
    let me = blob(viewer.user.to_bytes());
    // Never through an ethical wall.
    let mut conditions = vec!["m.id NOT IN (SELECT matter_id FROM matter_walls WHERE user_id = ?)"];
    let mut params = vec![me.clone()];
    // A team-only matter only for its team, unless the viewer sees restricted matters.
    if !viewer.sees_restricted {
        conditions.push(
            "(m.visibility = ? OR m.id IN (SELECT matter_id FROM matter_members WHERE user_id = ?))",
        );
        params.push(text(Visibility::Firm.as_str()));
        params.push(me);
    }
    (conditions, params)
}

/// Matters matching `query` that `viewer` may see, newest first; the total counts the same.
///
/// Every filter on another table is a non-correlated `IN` set, computed once per query rather
/// than probed per matter; the text search over party names scans the contacts' covering index
/// once. The count and the page scan only index columns; bodies are read for the page alone.
pub(crate) fn matters(
    conn: &Connection,
    query: &MatterQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Matter>> {
    let (mut conditions, mut params) = visible_to(viewer);
    if let Some(status) = query.status {
        conditions.push("m.status = ?");
        params.push(text(status.as_str()));
    }
    if let Some(area) = &query.practice_area {
        conditions.push("m.practice_area_folded = ?");
        params.push(text(&area.to_lowercase()));
    }
    if let Some(user) = query.fee_earner {
        conditions.push("m.id IN (SELECT matter_id FROM matter_members WHERE user_id = ?)");
        params.push(blob(user.to_bytes()));
    }
    if let Some(client) = query.client {
        conditions.push(
            "m.id IN (SELECT matter_id FROM matter_parties WHERE contact_id = ? AND role = ?)",
        );
        params.push(blob(client.to_bytes()));
        params.push(text(PartyRole::Client.as_str()));
    }
    if let Some(folded) = &query.text {
        // CROSS JOIN keeps contacts as the outer loop: one scan of their search keys, then the
        // parties of each matching contact by index.
        conditions.push(
            "(instr(m.search_text, ?) > 0 OR m.id IN (SELECT p.matter_id FROM contacts c \
             CROSS JOIN matter_parties p ON p.contact_id = c.id \
             WHERE instr(c.search_key, ?) > 0))",
        );
        params.push(text(folded));
        params.push(text(folded));
    }
    let filter = where_clause(&conditions);
    paged(
        conn,
        lexcase::MatterId::ENTITY,
        &format!("SELECT count(*) FROM matters m{filter}"),
        &format!(
            "SELECT b.body FROM (SELECT m.id AS id, m.created_at AS created_at \
             FROM matters m{filter} ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?) AS page \
             CROSS JOIN matters b ON b.id = page.id \
             ORDER BY page.created_at DESC, page.id DESC"
        ),
        params,
        page,
    )
}
