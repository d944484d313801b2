//! Conflict checks: searching names and identifiers over every contact and every matter
//! party (current, closed and archived matters, every role) and affiliations, storing the
//! check on the matter with a decision per hit, re-running it when parties change.

use std::collections::BTreeSet;

use super::Session;
use super::conflict_recheck::{ConflictRecheck, recheck_all_in};
use super::conflict_search::{as_seen, search_hits};
use super::context::{ReadCtx, WriteCtx, viewer_of};
use crate::access::Capability;
use crate::contacts::Contact;
use crate::error::{LexcaseError, Result};
use crate::ids::MatterId;
use crate::matters::{ConflictCheck, ConflictHit, HitDisposition, Matter};
use crate::progress::{Progress, Silent};
use crate::store::ReadTx;
use crate::validate;

/// Conflict checks. Searching and running checks need `open_matters` or `edit_matters`;
/// clearing a hit needs the same, waiving or declining needs `manage_matter_access`.
#[derive(Debug)]
pub struct ConflictService<'s> {
    session: &'s Session,
}

/// The names and identifiers a check searches, from the contacts of a matter's parties:
/// every party's name and every identifier of every party, each once, sorted.
pub(super) fn terms_of<'c>(
    parties: impl IntoIterator<Item = &'c Contact>,
) -> (Vec<String>, Vec<String>) {
    let mut names = BTreeSet::new();
    let mut identifiers = BTreeSet::new();
    for contact in parties {
        names.insert(contact.display_name());
        identifiers.extend(contact.identifiers.iter().map(|i| i.value.clone()));
    }
    (
        names.into_iter().collect(),
        identifiers.into_iter().collect(),
    )
}

/// The names and identifiers a matter's check searches (see [`terms_of`]).
fn search_terms(tx: &dyn ReadTx, matter: &Matter) -> Result<(Vec<String>, Vec<String>)> {
    let parties: BTreeSet<_> = matter.parties.iter().map(|p| p.contact).collect();
    let parties: Vec<_> = parties.into_iter().collect();
    Ok(terms_of(&tx.contacts_by_ids(&parties)?))
}

/// Runs (or re-runs) a matter's check inside a command, keeping decisions already made;
/// returns the stored check and how many hits are new.
pub(crate) fn run_check(ctx: &mut WriteCtx<'_>, matter: &Matter) -> Result<(ConflictCheck, usize)> {
    let terms = search_terms(ctx.tx, matter)?;
    let before = ctx.tx.conflict_check(matter.id)?;
    store_check(ctx, matter, terms, before)
}

/// Searches `names` and `identifiers` for `matter` and stores the result as its check,
/// replacing `before` (its stored check, if any) and keeping the decisions made on it;
/// returns the stored check and how many hits are new.
pub(super) fn store_check(
    ctx: &mut WriteCtx<'_>,
    matter: &Matter,
    (names, identifiers): (Vec<String>, Vec<String>),
    before: Option<ConflictCheck>,
) -> Result<(ConflictCheck, usize)> {
    let hits = search_hits(ctx.tx, &names, &identifiers, Some(matter.id))?;
    let (actor, now) = (ctx.actor.id, ctx.now);
    match before {
        None => {
            let mut check = ConflictCheck {
                matter: matter.id,
                names,
                identifiers,
                run_by: actor,
                run_at: now,
                hits: Vec::new(),
                version: 1,
            };
            let new = check.replace_hits(hits);
            Ok((ctx.create(check, "conflicts.checked")?, new))
        }
        Some(before) => {
            let version = before.version;
            let mut new = 0;
            let after = ctx.amend(before, version, "conflicts.rechecked", |c, _| {
                c.names = names;
                c.identifiers = identifiers;
                c.run_by = actor;
                c.run_at = now;
                new = c.replace_hits(hits);
                Ok(())
            })?;
            Ok((after, new))
        }
    }
}

/// Re-runs the check of a matter that has one, after its parties changed.
pub(crate) fn rerun_if_checked(ctx: &mut WriteCtx<'_>, matter: &Matter) -> Result<()> {
    if ctx.tx.conflict_check(matter.id)?.is_some() {
        run_check(ctx, matter)?;
    }
    Ok(())
}

pub(super) fn require_search(actor: &crate::users::User) -> Result<()> {
    if actor.can(Capability::OpenMatters) {
        Ok(())
    } else {
        actor.require(Capability::EditMatters)
    }
}

impl<'s> ConflictService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// Searches names and identifiers (company numbers, tax ids) over every contact and
    /// matter party and their affiliates; a hit on a matter the actor may not see says only
    /// that a conflict exists.
    pub fn search(&self, names: &[String], identifiers: &[String]) -> Result<Vec<ConflictHit>> {
        validate::bounded("names", names, 100)?;
        validate::bounded("identifiers", identifiers, 100)?;
        let names: Vec<String> = names
            .iter()
            .map(|n| validate::required_line("names", n))
            .collect::<Result<_>>()?;
        self.session.read(|ctx: &ReadCtx<'_>| {
            require_search(&ctx.actor)?;
            let hits = search_hits(ctx.tx, &names, identifiers, None)?;
            as_seen(ctx.tx, &ctx.viewer(), hits)
        })
    }

    /// Runs the matter's check over its parties and stores it (decisions already made about
    /// the same hits are kept).
    pub fn run(&self, matter: MatterId) -> Result<ConflictCheck> {
        self.session.write(|ctx| {
            require_search(&ctx.actor)?;
            let m = ctx.matter(matter)?;
            let (check, _) = run_check(ctx, &m)?;
            let viewer = viewer_of(&ctx.actor);
            Ok(ConflictCheck {
                hits: as_seen(ctx.tx, &viewer, check.hits.clone())?,
                ..check
            })
        })
    }

    /// Re-runs every stored conflict check on the matters the actor may see that are not
    /// archived — what a firm does after taking on many new contacts or when the matching
    /// rules change — in one command: all are re-run or, on any error, none. Decisions already
    /// made about the same hits are kept; each re-run check is audited (`conflicts.rechecked`).
    /// Needs the right to search (`open_matters` or `edit_matters`); a matter behind a wall
    /// from the actor, or team-only without them, is left as it is (its check is not re-run by
    /// someone who may not see it), and a hit on a matter the actor may not see is counted as
    /// a hit but not named. Returns how many checks were re-run and the matters whose check
    /// found new hits.
    pub fn recheck_all(&self) -> Result<ConflictRecheck> {
        self.recheck_all_with_progress(&mut Silent)
    }

    /// [`ConflictService::recheck_all`], reporting the matters looked at to `progress` (phase
    /// `conflicts.recheck`, of the matters the actor may see), page by page; a cancel ends it
    /// with [`LexcaseError::Cancelled`] and rolls every re-run back.
    pub fn recheck_all_with_progress(
        &self,
        progress: &mut dyn Progress,
    ) -> Result<ConflictRecheck> {
        self.session.write(|ctx| {
            require_search(&ctx.actor)?;
            recheck_all_in(ctx, progress)
        })
    }

    /// The matter's check, if one was run.
    pub fn get(&self, matter: MatterId) -> Result<Option<ConflictCheck>> {
        self.session.read(|ctx| {
            ctx.matter(matter)?;
            match ctx.tx.conflict_check(matter)? {
                None => Ok(None),
                Some(check) => {
                    let hits = as_seen(ctx.tx, &ctx.viewer(), check.hits.clone())?;
                    Ok(Some(ConflictCheck { hits, ..check }))
                }
            }
        })
    }

    /// Records a decision about hit `index` of the matter's check: cleared (needs the right
    /// to search), waived with consent or declined (need `manage_matter_access`).
    pub fn decide(
        &self,
        matter: MatterId,
        expected_version: u64,
        index: usize,
        disposition: HitDisposition,
        note: &str,
    ) -> Result<ConflictCheck> {
        self.session.write(|ctx| {
            require_search(&ctx.actor)?;
            if disposition != HitDisposition::Cleared {
                ctx.require(Capability::ManageMatterAccess)?;
            }
            ctx.matter(matter)?;
            let before = ctx
                .tx
                .conflict_check(matter)?
                .ok_or_else(|| LexcaseError::not_found("conflict check"))?;
            let action = format!("conflicts.hit_{}", disposition.as_str());
            let after = ctx.amend(before, expected_version, &action, |c, ctx| {
                c.decide(index, disposition, note, ctx.actor.id, ctx.now)
            })?;
            let viewer = viewer_of(&ctx.actor);
            Ok(ConflictCheck {
                hits: as_seen(ctx.tx, &viewer, after.hits.clone())?,
                ..after
            })
        })
    }
}
