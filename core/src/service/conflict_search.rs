//! The search behind conflict checks: names through the conflict index (most selective word
//! first; every entry read is tested on its indexed words and only those that may match are
//! scored, on the name the index keeps), identifiers, the affiliates of what matched, and the
//! matters of all of them — a few batched reads per search, none per candidate or per hit.
//!
//! Recall is not bounded: the reads of [`SearchPlan`] hold every name the scorer matches
//! (property-tested), and every one of them is scored, so a common surname with thousands of
//! holders still finds the exact person. What a search costs grows with the names filed under
//! the keys of its most selective word and with its hits, not with the number of contacts.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::access::Viewer;
use crate::conflicts::{NameMatch, Probe, QuickFilter, SearchPlan, score_identifiers};
use crate::contacts::{Affiliation, AffiliationKind, Contact};
use crate::error::Result;
use crate::ids::{ContactId, MatterId};
use crate::matters::{ConflictHit, identifier_key};
use crate::store::{ContactParty, ReadTx};

/// Beyond this many index entries a word is "very common", and any order of such words will
/// do.
const COUNT_CAP: u32 = 1_000_000;

/// A hasher for the set of contacts a search has tested: ids are random bytes already, so
/// folding them is enough (SipHash would cost more than the test it saves).
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A contact found: its id, display name and affiliations (read only for contacts that
/// have some).
struct Found {
    id: ContactId,
    name: String,
    affiliations: Vec<Affiliation>,
}

impl From<Contact> for Found {
    fn from(c: Contact) -> Self {
        Self {
            name: c.display_name(),
            id: c.id,
            affiliations: c.affiliations,
        }
    }
}

/// A contact that matched, and how.
struct Matched {
    query: String,
    contact: Found,
    found: NameMatch,
    via: Option<String>,
}

fn relation(kind: AffiliationKind) -> &'static str {
    match kind {
        AffiliationKind::WorksFor => "works for",
        AffiliationKind::SubsidiaryOf => "is a subsidiary of",
    }
}

/// The significant words of the plan's query, most selective (fewest index entries) first,
/// ties in query order.
fn selective_order(tx: &dyn ReadTx, plan: &SearchPlan) -> Result<Vec<usize>> {
    let words = plan.word_keys();
    if words.len() < 2 {
        return Ok((0..words.len()).collect());
    }
    let mut counts = Vec::with_capacity(words.len());
    for (w, keys) in words.iter().enumerate() {
        counts.push((tx.count_conflict_keys(keys, COUNT_CAP)?, w));
    }
    counts.sort_unstable();
    Ok(counts.into_iter().map(|(_, w)| w).collect())
}

/// The contacts whose names match `name`, in id order, with the match. Each index entry read
/// is tested on its words ([`QuickFilter`]); those that pass are scored on the display name and
/// words the index keeps (the words are the name's normalised words, written by the same code,
/// so the score is that of the name).
fn name_matches(tx: &dyn ReadTx, name: &str) -> Result<Vec<(Found, NameMatch)>> {
    let plan = SearchPlan::new(name);
    let filter = QuickFilter::new(plan.query());
    let order = selective_order(tx, &plan)?;
    let mut seen: HashSet<ContactId, BuildHasherDefault<IdHasher>> = HashSet::default();
    let mut matched: BTreeMap<ContactId, (String, NameMatch)> = BTreeMap::new();
    for probe in plan.probes(&order) {
        tx.scan_conflict_index(&probe, &mut |entry| {
            // A contact filed under several of the keys is tested once.
            if seen.insert(entry.contact) && filter.may_match(entry.tokens) {
                let words: Vec<&str> = entry.tokens.split(' ').filter(|t| !t.is_empty()).collect();
                if let Some(m) = filter.score(plan.query(), &words, entry.name) {
                    matched.insert(entry.contact, (entry.name.to_owned(), m));
                }
            }
            Ok(())
        })?;
    }
    let mut out: Vec<(Found, NameMatch)> = matched
        .into_iter()
        .map(|(id, (name, m))| {
            let found = Found {
                id,
                name,
                affiliations: Vec::new(),
            };
            (found, m)
        })
        .collect();
    let ids: Vec<ContactId> = out.iter().map(|(f, _)| f.id).collect();
    let naming = tx.contacts_naming_others(&ids)?;
    if !naming.is_empty() {
        let mut read: HashMap<ContactId, Contact> = tx
            .contacts_by_ids(&naming)?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        for (found, _) in &mut out {
            if let Some(c) = read.remove(&found.id) {
                found.affiliations = c.affiliations;
            }
        }
    }
    Ok(out)
}

/// The contacts whose identifiers match `identifier`, in id order, with the match.
fn identifier_matches(tx: &dyn ReadTx, identifier: &str) -> Result<Vec<(Found, NameMatch)>> {
    let mut ids = BTreeSet::new();
    let probe = Probe {
        keys: vec![identifier_key(identifier)],
        prefixes: Vec::new(),
        max_significant: None,
        sharing: None,
    };
    tx.scan_conflict_index(&probe, &mut |entry| {
        ids.insert(entry.contact);
        Ok(())
    })?;
    let ids: Vec<ContactId> = ids.into_iter().collect();
    let mut out = Vec::new();
    for contact in tx.contacts_by_ids(&ids)? {
        let theirs: Vec<String> = contact
            .identifiers
            .iter()
            .map(|i| i.value.clone())
            .collect();
        if let Some(m) = score_identifiers(&[identifier.to_owned()], &theirs) {
            out.push((Found::from(contact), m));
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
        let name = &m.contact.name;
        let through = |other: &Contact, via: String| Matched {
            query: m.query.clone(),
            contact: Found::from(other.clone()),
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
            name: m.contact.name,
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
