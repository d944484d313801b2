//! Conflict checks: searching names and identifiers over every contact and every matter
//! party (current, closed and archived matters, every role) and affiliations, storing the
//! check on the matter with a decision per hit, re-running it when parties change.

use std::collections::BTreeSet;

use super::Session;
use super::context::{ReadCtx, WriteCtx, viewer_of};
use super::disclosure::Disclosure;
use crate::access::{Capability, Viewer};
use crate::conflicts::{
    NameMatch, blocking_keys, normalise, score_identifiers, score_names, score_normalised,
};
use crate::contacts::{AffiliationKind, Contact};
use crate::error::{LexcaseError, Result};
use crate::ids::MatterId;
use crate::matters::{ConflictCheck, ConflictHit, HitDisposition, Matter, identifier_key};
use crate::store::ReadTx;
use crate::validate;

/// The most candidate contacts one searched name is scored against.
const MAX_CANDIDATES: u32 = 20_000;

/// Conflict checks. Searching and running checks need `open_matters` or `edit_matters`;
/// clearing a hit needs the same, waiving or declining needs `manage_matter_access`.
#[derive(Debug)]
pub struct ConflictService<'s> {
    session: &'s Session,
}

/// A contact that matched, and how.
struct Matched {
    query: String,
    contact: Contact,
    found: NameMatch,
    via: Option<String>,
}

fn relation(kind: AffiliationKind) -> &'static str {
    match kind {
        AffiliationKind::WorksFor => "works for",
        AffiliationKind::SubsidiaryOf => "is a subsidiary of",
    }
}

/// The contacts a name or identifier search finds, with the contacts affiliated to them.
fn matched_contacts(
    tx: &dyn ReadTx,
    names: &[String],
    identifiers: &[String],
) -> Result<Vec<Matched>> {
    let mut found = Vec::new();
    for name in names {
        let query = normalise(name);
        for (id, key) in tx.contacts_with_name_keys(&blocking_keys(name), MAX_CANDIDATES)? {
            // Score the indexed name first; read the contact only when it matches.
            if score_normalised(&query, &normalise(&key)).is_none() {
                continue;
            }
            let Some(contact) = tx.contact(id)? else {
                continue;
            };
            if let Some(m) = score_names(name, &contact.display_name()) {
                found.push(Matched {
                    query: name.clone(),
                    contact,
                    found: m,
                    via: None,
                });
            }
        }
    }
    for identifier in identifiers {
        for (id, _) in tx.contacts_with_name_keys(&[identifier_key(identifier)], MAX_CANDIDATES)? {
            let Some(contact) = tx.contact(id)? else {
                continue;
            };
            let theirs: Vec<String> = contact
                .identifiers
                .iter()
                .map(|i| i.value.clone())
                .collect();
            if let Some(m) = score_identifiers(std::slice::from_ref(identifier), &theirs) {
                found.push(Matched {
                    query: identifier.clone(),
                    contact,
                    found: m,
                    via: None,
                });
            }
        }
    }
    let mut affiliates = Vec::new();
    for m in &found {
        let name = m.contact.display_name();
        for a in &m.contact.affiliations {
            if let Some(other) = tx.contact(a.other)? {
                let via = format!("{name} {} {}", relation(a.kind), other.display_name());
                affiliates.push(Matched {
                    query: m.query.clone(),
                    contact: other,
                    found: m.found.clone(),
                    via: Some(via),
                });
            }
        }
        for id in tx.contacts_affiliated_to(m.contact.id)? {
            let Some(other) = tx.contact(id)? else {
                continue;
            };
            let kind = other
                .affiliations
                .iter()
                .find(|a| a.other == m.contact.id)
                .map_or("is affiliated to", |a| relation(a.kind));
            let via = format!("{} {kind} {name}", other.display_name());
            affiliates.push(Matched {
                query: m.query.clone(),
                contact: other,
                found: m.found.clone(),
                via: Some(via),
            });
        }
    }
    found.extend(affiliates);
    Ok(found)
}

/// Every hit of a search: each matched contact on each matter it is a party to (or on none),
/// leaving out `exclude` (the matter being checked), best first, without duplicates.
pub(crate) fn search_hits(
    tx: &dyn ReadTx,
    names: &[String],
    identifiers: &[String],
    exclude: Option<MatterId>,
) -> Result<Vec<ConflictHit>> {
    let mut hits: Vec<ConflictHit> = Vec::new();
    for m in matched_contacts(tx, names, identifiers)? {
        let hit = ConflictHit {
            query: m.query.clone(),
            contact: m.contact.id,
            name: m.contact.display_name(),
            score: m.found.score,
            explanation: match &m.via {
                Some(via) => format!("{} ({via})", m.found.explanation),
                None => m.found.explanation.clone(),
            },
            reasons: m.found.reasons.clone(),
            matter: None,
            matter_number: None,
            matter_status: None,
            role: None,
            via: m.via.clone(),
            withheld: false,
            decision: None,
        };
        let all = tx.parties_of_contact(m.contact.id)?;
        if all.is_empty() {
            // On file but on no matter (a prospective client, a contact of the firm).
            hits.push(hit);
            continue;
        }
        // A party of the matter being checked is no hit on that matter itself.
        let parties = all
            .into_iter()
            .filter(|(matter, _)| Some(*matter) != exclude);
        for (matter, role) in parties {
            let on = tx.matter(matter)?;
            hits.push(ConflictHit {
                matter: Some(matter),
                matter_number: on.as_ref().map(|m| m.number.clone()),
                matter_status: on.as_ref().map(|m| m.status.as_str().to_owned()),
                role: Some(role.as_str().to_owned()),
                ..hit.clone()
            });
        }
    }
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.name.cmp(&b.name)));
    let mut unique: Vec<ConflictHit> = Vec::with_capacity(hits.len());
    for hit in hits {
        if !unique.iter().any(|u| u.same_as(&hit)) {
            unique.push(hit);
        }
    }
    Ok(unique)
}

/// The hits as `viewer` may see them: details of matters they may not see are withheld (the
/// rule of [`super::disclosure`]).
fn as_seen(tx: &dyn ReadTx, viewer: &Viewer, hits: Vec<ConflictHit>) -> Result<Vec<ConflictHit>> {
    let disclosure = Disclosure::new(tx, *viewer);
    hits.into_iter()
        .map(|hit| {
            let visible = disclosure.sees_all(&hit.matter)?;
            Ok(if visible { hit } else { hit.withheld() })
        })
        .collect()
}

/// The names and identifiers a matter's check searches: every party's name and every
/// identifier of every party.
fn search_terms(tx: &dyn ReadTx, matter: &Matter) -> Result<(Vec<String>, Vec<String>)> {
    let mut names = BTreeSet::new();
    let mut identifiers = BTreeSet::new();
    for party in &matter.parties {
        if let Some(contact) = tx.contact(party.contact)? {
            names.insert(contact.display_name());
            identifiers.extend(contact.identifiers.iter().map(|i| i.value.clone()));
        }
    }
    Ok((
        names.into_iter().collect(),
        identifiers.into_iter().collect(),
    ))
}

/// Runs (or re-runs) a matter's check inside a command, keeping decisions already made;
/// returns the stored check and how many hits are new.
pub(crate) fn run_check(ctx: &mut WriteCtx<'_>, matter: &Matter) -> Result<(ConflictCheck, usize)> {
    let (names, identifiers) = search_terms(ctx.tx, matter)?;
    let hits = search_hits(ctx.tx, &names, &identifiers, Some(matter.id))?;
    let (actor, now) = (ctx.actor.id, ctx.now);
    match ctx.tx.conflict_check(matter.id)? {
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

fn require_search(actor: &crate::users::User) -> Result<()> {
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
