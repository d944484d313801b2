//! The matter list: filters, the visibility rule of [`Viewer::can_see`], newest first; and the
//! visibility rule as conditions other lists reuse.

use lexcase::access::{Viewer, Visibility};
use lexcase::matters::{Matter, PartyRole};
use lexcase::store::{MatterQuery, Page, Paged};
use lexcase::{MatterId, Result};
use lexcase_sql::keyset::SortKey;
use uuid::Uuid;

use crate::paging::{self, List};
use crate::scope::Scope;
use crate::value::Arg;

/// The conditions (on matters aliased `m`) and their parameters that keep exactly the matters
/// `viewer` may see: the rule of [`Viewer::can_see`].
pub(crate) fn visible_to(viewer: &Viewer) -> (Vec<&'static str>, Vec<Arg<'static>>) {
    MATTERS.visible_to(viewer)
}

/// The matters `viewer` may not see, as a subquery of their ids, with its parameters: those
/// behind a wall for the viewer, and (unless the viewer sees restricted matters) the team-only
/// matters the viewer is not on. It is small, so rows of any table are checked against it
/// rather than against the (large) set of visible matters.
pub(crate) fn hidden_from(viewer: &Viewer) -> (&'static str, Vec<Arg<'static>>) {
    let me = Arg::id(viewer.user);
    if viewer.sees_restricted {
        (
            "SELECT hw.matter_id FROM matter_walls hw WHERE hw.firm_id = $1 AND hw.user_id = ?",
            vec![me],
        )
    } else {
        (
            "SELECT hw.matter_id FROM matter_walls hw WHERE hw.firm_id = $1 AND hw.user_id = ? \
             UNION SELECT ht.id FROM matters ht WHERE ht.firm_id = $1 AND ht.visibility = 'team' \
             AND ht.id NOT IN (SELECT hm.matter_id FROM matter_members hm \
             WHERE hm.firm_id = $1 AND hm.user_id = ?)",
            vec![me.clone(), me],
        )
    }
}

/// The matters `viewer` may not see ([`hidden_from`]), in id order.
pub(crate) fn hidden_matters(scope: &mut Scope<'_>, viewer: &Viewer) -> Result<Vec<MatterId>> {
    let (hidden, args) = hidden_from(viewer);
    let rows = scope.rows(&format!("SELECT h.* FROM ({hidden}) h ORDER BY 1"), &args)?;
    crate::communications::ids(&rows)
}

/// `column` (a matter id) names a matter `viewer` may see: the rule of [`Viewer::can_see`]
/// on any row that belongs to a matter.
pub(crate) fn on_visible_matter(column: &str, viewer: &Viewer) -> (String, Vec<Arg<'static>>) {
    let (hidden, args) = hidden_from(viewer);
    (format!("{column} NOT IN ({hidden})"), args)
}

/// A bill (aliased `b`) every matter of which `viewer` may see.
pub(crate) fn bill_visible(viewer: &Viewer) -> (String, Vec<Arg<'static>>) {
    let (hidden, args) = hidden_from(viewer);
    (
        format!(
            "NOT EXISTS (SELECT 1 FROM bill_matters bm WHERE bm.firm_id = $1 \
             AND bm.bill_id = b.id AND bm.matter_id IN ({hidden}))"
        ),
        args,
    )
}

/// The columns a list is read from: the matters table, or the index of a person's matters.
struct Source {
    from: &'static str,
    firm: &'static str,
    id: &'static str,
    status: &'static str,
    area: &'static str,
    /// Newest first.
    keys: &'static [SortKey],
    /// The row's matter is not behind a wall for the viewer (bound: the viewer).
    not_walled: &'static str,
    /// The row's matter is firm-visible or the viewer is on it (bound: `firm`, the viewer).
    open_to_viewer: &'static str,
}

const MATTERS: Source = Source {
    from: "matters m",
    firm: "m.firm_id = $1",
    id: "m.id",
    status: "m.status",
    area: "m.practice_area_key",
    keys: &[SortKey::desc("m.created_at"), SortKey::desc("m.id")],
    not_walled: "m.id NOT IN (SELECT vw.matter_id FROM matter_walls vw \
                 WHERE vw.firm_id = $1 AND vw.user_id = ?)",
    open_to_viewer: "(m.visibility = ? OR m.id IN (SELECT vm.matter_id FROM matter_members vm \
                     WHERE vm.firm_id = $1 AND vm.user_id = ?))",
};

const MEMBERS: Source = Source {
    from: "matter_members mm",
    firm: "mm.firm_id = $1",
    id: "mm.matter_id",
    status: "mm.status",
    area: "mm.practice_area_key",
    keys: &[
        SortKey::desc("mm.created_at"),
        SortKey::desc("mm.matter_id"),
    ],
    not_walled: "mm.matter_id NOT IN (SELECT vw.matter_id FROM matter_walls vw \
                 WHERE vw.firm_id = $1 AND vw.user_id = ?)",
    open_to_viewer: "(mm.visibility = ? OR mm.matter_id IN (SELECT vm.matter_id \
                     FROM matter_members vm WHERE vm.firm_id = $1 AND vm.user_id = ?))",
};

impl Source {
    /// The firm's rows under the visibility rule of [`Viewer::can_see`].
    fn visible_to(&self, viewer: &Viewer) -> (Vec<&'static str>, Vec<Arg<'static>>) {
        let me = Arg::id(viewer.user);
        // Never through an ethical wall.
        let mut conditions = vec![self.firm, self.not_walled];
        let mut args = vec![me.clone()];
        // A team-only matter only for its team, unless the viewer sees restricted matters.
        if !viewer.sees_restricted {
            conditions.push(self.open_to_viewer);
            args.push(Arg::text(Visibility::Firm.as_str()));
            args.push(me);
        }
        (conditions, args)
    }
}

/// Matters matching `query` that `viewer` may see, newest first; the total counts the same.
///
/// A fee earner's matters are read from the index of people on matters, which carries the
/// status, practice area, visibility and creation time. Matters are read whole for the page
/// alone.
pub(crate) fn matters(
    scope: &mut Scope<'_>,
    query: &MatterQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Matter>> {
    let source = if query.fee_earner.is_some() {
        &MEMBERS
    } else {
        &MATTERS
    };
    let (conditions, mut args) = source.visible_to(viewer);
    let mut all: Vec<String> = conditions.iter().map(|c| (*c).to_owned()).collect();
    if let Some(user) = query.fee_earner {
        all.push("mm.user_id = ?".into());
        args.push(Arg::id(user));
    }
    if let Some(status) = query.status {
        all.push(format!("{} = ?", source.status));
        args.push(Arg::text(status.as_str()));
    }
    if let Some(area) = &query.practice_area {
        all.push(format!("{} = ?", source.area));
        args.push(Arg::string(area.to_lowercase()));
    }
    if let Some(client) = query.client {
        all.push(format!(
            "{} IN (SELECT cp.matter_id FROM matter_parties cp WHERE cp.firm_id = $1 \
             AND cp.contact_id = ? AND cp.role = ?)",
            source.id
        ));
        args.push(Arg::id(client));
        args.push(Arg::text(PartyRole::Client.as_str()));
    }
    if let Some(folded) = &query.text {
        all.push(format!(
            "{id} IN (SELECT t.id FROM matters t WHERE t.firm_id = $1 \
             AND strpos(t.search_text, ?) > 0 \
             UNION SELECT p.matter_id FROM contacts c JOIN matter_parties p \
             ON p.firm_id = c.firm_id AND p.contact_id = c.id \
             WHERE c.firm_id = $1 AND strpos(c.search_key, ?) > 0)",
            id = source.id
        ));
        args.push(Arg::string(folded.clone()));
        args.push(Arg::string(folded.clone()));
    }
    let ids = paging::page(
        scope,
        List {
            columns: source.id,
            from: source.from,
            conditions: all,
            args,
            keys: source.keys,
        },
        &page,
        |row| {
            row.try_get::<_, Uuid>(0)
                .map(MatterId::from)
                .map_err(|_| lexcase::LexcaseError::storage("a stored matter id is unreadable"))
        },
    )?;
    Ok(Paged {
        items: crate::matters::by_ids(scope, &ids.items)?,
        total: ids.total,
        next: ids.next,
    })
}
