//! Re-running every stored conflict check at once: the matters the actor may see, read a page
//! at a time by cursor (keyset, never by offset), each page's stored checks and its parties'
//! contacts read in one query each, then each check searched and stored again.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::conflicts::{store_check, terms_of};
use super::context::{WriteCtx, viewer_of};
use crate::contacts::Contact;
use crate::error::Result;
use crate::ids::{ContactId, MatterId};
use crate::matters::{ConflictCheck, Matter, MatterStatus};
use crate::progress::{Counter, Progress};
use crate::store::{MatterQuery, Page};

/// Matters read per page: each page costs two batched reads besides its matters' searches.
const RECHECK_PAGE: u32 = 200;

/// A matter whose re-run conflict check found hits it did not have before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RecheckedMatter {
    /// The matter.
    pub matter: MatterId,
    /// Its number.
    pub number: String,
    /// How many of its check's hits are new (each awaits a decision).
    pub new_hits: u64,
}

/// What re-running every conflict check did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConflictRecheck {
    /// How many stored checks were run again.
    pub rechecked: u64,
    /// The matters whose check found new hits, newest matter first.
    pub with_new_hits: Vec<RecheckedMatter>,
}

/// Re-runs the check of every matter `ctx`'s actor may see that has one and is not archived,
/// reporting the matters looked at to `progress` (`conflicts.recheck`).
pub(super) fn recheck_all_in(
    ctx: &mut WriteCtx<'_>,
    progress: &mut dyn Progress,
) -> Result<ConflictRecheck> {
    let viewer = viewer_of(&ctx.actor);
    let query = MatterQuery::default();
    let mut page = ctx
        .tx
        .matters(&query, &viewer, Page::first(RECHECK_PAGE)?)?;
    let mut counter = Counter::start(progress, "conflicts.recheck", Some(page.total))?;
    let mut out = ConflictRecheck::default();
    loop {
        let looked_at = page.items.len() as u64;
        recheck_page(ctx, page.items, &mut out)?;
        counter.add(looked_at)?;
        match page.next {
            Some(next) if looked_at > 0 => {
                page = ctx
                    .tx
                    .matters(&query, &viewer, Page::after(next, RECHECK_PAGE)?)?;
            }
            _ => return Ok(out),
        }
    }
}

/// Re-runs the checks of one page of matters.
fn recheck_page(
    ctx: &mut WriteCtx<'_>,
    matters: Vec<Matter>,
    out: &mut ConflictRecheck,
) -> Result<()> {
    let live: Vec<MatterId> = matters
        .iter()
        .filter(|m| m.status != MatterStatus::Archived)
        .map(|m| m.id)
        .collect();
    let mut checks: HashMap<MatterId, ConflictCheck> = ctx
        .tx
        .conflict_checks_of(&live)?
        .into_iter()
        .map(|c| (c.matter, c))
        .collect();
    let checked: Vec<Matter> = matters
        .into_iter()
        .filter(|m| checks.contains_key(&m.id))
        .collect();
    let parties: BTreeSet<ContactId> = checked
        .iter()
        .flat_map(|m| m.parties.iter().map(|p| p.contact))
        .collect();
    let parties: Vec<ContactId> = parties.into_iter().collect();
    let contacts: HashMap<ContactId, Contact> = ctx
        .tx
        .contacts_by_ids(&parties)?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    for matter in checked {
        let terms = terms_of(
            matter
                .parties
                .iter()
                .filter_map(|p| contacts.get(&p.contact)),
        );
        let before = checks.remove(&matter.id);
        let (_, new) = store_check(ctx, &matter, terms, before)?;
        out.rechecked += 1;
        if new > 0 {
            out.with_new_hits.push(RecheckedMatter {
                matter: matter.id,
                number: matter.number,
                new_hits: new as u64,
            });
        }
    }
    Ok(())
}
