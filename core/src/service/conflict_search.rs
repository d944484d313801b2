//! The search behind conflict checks: names through the conflict index (most selective word
//! first, candidates scored on their indexed words, only matches read), identifiers, the
//! affiliates of what matched, and the matters of all of them — a few batched reads per
//! search, none per candidate or per hit.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::access::Viewer;
use crate::conflicts::{
    NameMatch, NormalisedName, SearchPlan, score_identifiers, score_names, score_normalised,
};
use crate::contacts::{AffiliationKind, Contact};
use crate::error::Result;
use crate::ids::{ContactId, MatterId};
use crate::matters::{ConflictHit, identifier_key};
use crate::store::{ContactParty, NameCandidate, ReadTx};

/// The most index entries counted for one word when looking for the most selective word;
/// beyond it a word is "very common" and any rarer word goes first.
const COUNT_CAP: u32 = 1_000_000;

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

/// The significant words of the plan's query, most selective (fewest index entries) first.
/// Each word is counted only up to the fewest entries seen so far.
fn selective_order(tx: &dyn ReadTx, plan: &SearchPlan) -> Result<Vec<usize>> {
    let words = plan.word_keys();
    if words.len() < 2 {
        return Ok((0..words.len()).collect());
    }
    let mut counts = Vec::with_capacity(words.len());
    let mut fewest = COUNT_CAP;
    for (w, keys) in words.iter().enumerate() {
        let count = tx.count_conflict_keys(keys, fewest.saturating_add(1))?;
        fewest = fewest.min(count);
        counts.push((count, w));
    }
    counts.sort_unstable();
    Ok(counts.into_iter().map(|(_, w)| w).collect())
}

/// Whether the candidate's indexed words match the query (the same verdict as scoring its
/// name: only an identical text scores differently, and identical texts have the same words).
fn words_match(query: &NormalisedName, candidate: &NameCandidate) -> bool {
    let words = NormalisedName {
        tokens: candidate
            .tokens
            .split(' ')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        original: String::new(),
    };
    score_normalised(query, &words).is_some()
}

/// The contacts whose names match `name`, in id order, with the match.
fn name_matches(tx: &dyn ReadTx, name: &str) -> Result<Vec<(Contact, NameMatch)>> {
    let plan = SearchPlan::new(name);
    let order = selective_order(tx, &plan)?;
    let mut candidates = Vec::new();
    for probe in plan.probes(&order) {
        candidates.extend(tx.conflict_candidates(&probe.keys, probe.max_significant)?);
    }
    candidates.sort_unstable_by_key(|c| c.contact);
    candidates.dedup_by_key(|c| c.contact);
    let passing: Vec<ContactId> = candidates
        .iter()
        .filter(|c| words_match(plan.query(), c))
        .map(|c| c.contact)
        .collect();
    let mut out = Vec::with_capacity(passing.len());
    for contact in tx.contacts_by_ids(&passing)? {
        if let Some(m) = score_names(name, &contact.display_name()) {
            out.push((contact, m));
        }
    }
    Ok(out)
}

/// The contacts whose identifiers match `identifier`, in id order, with the match.
fn identifier_matches(tx: &dyn ReadTx, identifier: &str) -> Result<Vec<(Contact, NameMatch)>> {
    let ids: Vec<ContactId> = tx
        .conflict_candidates(&[identifier_key(identifier)], None)?
        .into_iter()
        .map(|c| c.contact)
        .collect();
    let mut out = Vec::new();
    for contact in tx.contacts_by_ids(&ids)? {
        let theirs: Vec<String> = contact
            .identifiers
            .iter()
            .map(|i| i.value.clone())
            .collect();
        if let Some(m) = score_identifiers(&[identifier.to_owned()], &theirs) {
            out.push((contact, m));
        }
    }
    Ok(out)
}

/// The contacts affiliated to those found (both ways), each found through its affiliation:
/// for each contact found, in order, those it names, then those naming it (in id order).
fn affiliates(tx: &dyn ReadTx, found: &[Matched]) -> Result<Vec<Matched>> {
    let ids: BTreeSet<ContactId> = found.iter().map(|m| m.contact.id).collect();
    let ids: Vec<ContactId> = ids.into_iter().collect();
    let mut naming: HashMap<ContactId, Vec<ContactId>> = HashMap::new();
    for (named, other) in tx.affiliates_of_contacts(&ids)? {
        naming.entry(named).or_default().push(other);
    }
    let mut wanted: BTreeSet<ContactId> = naming.values().flatten().copied().collect();
    for m in found {
        wanted.extend(m.contact.affiliations.iter().map(|a| a.other));
    }
    let wanted: Vec<ContactId> = wanted.into_iter().collect();
    let others: HashMap<ContactId, Contact> = tx
        .contacts_by_ids(&wanted)?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut out = Vec::new();
    for m in found {
        let name = m.contact.display_name();
        let through = |other: &Contact, via: String| Matched {
            query: m.query.clone(),
            contact: other.clone(),
            found: m.found.clone(),
            via: Some(via),
        };
        for a in &m.contact.affiliations {
            if let Some(other) = others.get(&a.other) {
                let via = format!("{name} {} {}", relation(a.kind), other.display_name());
                out.push(through(other, via));
            }
        }
        for id in naming.get(&m.contact.id).into_iter().flatten() {
            let Some(other) = others.get(id) else {
                continue;
            };
            let kind = other
                .affiliations
                .iter()
                .find(|a| a.other == m.contact.id)
                .map_or("is affiliated to", |a| relation(a.kind));
            out.push(through(
                other,
                format!("{} {kind} {name}", other.display_name()),
            ));
        }
    }
    Ok(out)
}

/// The contacts a name or identifier search finds (names in query order, then identifiers,
/// each in contact id order), then the contacts affiliated to them.
fn matched_contacts(
    tx: &dyn ReadTx,
    names: &[String],
    identifiers: &[String],
) -> Result<Vec<Matched>> {
    let mut found = Vec::new();
    for (query, matches) in names
        .iter()
        .map(|n| (n, name_matches(tx, n)))
        .chain(identifiers.iter().map(|i| (i, identifier_matches(tx, i))))
    {
        for (contact, m) in matches? {
            found.push(Matched {
                query: query.clone(),
                contact,
                found: m,
                via: None,
            });
        }
    }
    let affiliated = affiliates(tx, &found)?;
    found.extend(affiliated);
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
    let matched = matched_contacts(tx, names, identifiers)?;
    let ids: BTreeSet<ContactId> = matched.iter().map(|m| m.contact.id).collect();
    let ids: Vec<ContactId> = ids.into_iter().collect();
    let mut parties: HashMap<ContactId, Vec<ContactParty>> = HashMap::new();
    for p in tx.parties_of_contacts(&ids)? {
        parties.entry(p.contact).or_default().push(p);
    }
    let mut hits: Vec<ConflictHit> = Vec::new();
    for m in matched {
        let hit = ConflictHit {
            query: m.query,
            contact: m.contact.id,
            name: m.contact.display_name(),
            score: m.found.score,
            explanation: match &m.via {
                Some(via) => format!("{} ({via})", m.found.explanation),
                None => m.found.explanation,
            },
            reasons: m.found.reasons,
            matter: None,
            matter_number: None,
            matter_status: None,
            role: None,
            via: m.via,
            withheld: false,
            decision: None,
        };
        let Some(all) = parties.get(&hit.contact).filter(|all| !all.is_empty()) else {
            // On file but on no matter (a prospective client, a contact of the firm).
            hits.push(hit);
            continue;
        };
        // A party of the matter being checked is no hit on that matter itself.
        for p in all.iter().filter(|p| Some(p.matter) != exclude) {
            hits.push(ConflictHit {
                matter: Some(p.matter),
                matter_number: Some(p.matter_number.clone()),
                matter_status: Some(p.matter_status.as_str().to_owned()),
                role: Some(p.role.as_str().to_owned()),
                ..hit.clone()
            });
        }
    }
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.name.cmp(&b.name)));
    let mut seen = HashSet::with_capacity(hits.len());
    hits.retain(|h| seen.insert((h.contact, h.matter, h.role.clone(), h.via.clone())));
    Ok(hits)
}

/// The hits as `viewer` may see them: details of matters they may not see are withheld.
pub(crate) fn as_seen(
    tx: &dyn ReadTx,
    viewer: &Viewer,
    hits: Vec<ConflictHit>,
) -> Result<Vec<ConflictHit>> {
    let matters: BTreeSet<MatterId> = hits.iter().filter_map(|h| h.matter).collect();
    let matters: Vec<MatterId> = matters.into_iter().collect();
    let visible: HashSet<MatterId> = tx.visible_matters(&matters, viewer)?.into_iter().collect();
    Ok(hits
        .into_iter()
        .map(|hit| match hit.matter {
            Some(id) if !visible.contains(&id) => hit.withheld(),
            _ => hit,
        })
        .collect())
}
