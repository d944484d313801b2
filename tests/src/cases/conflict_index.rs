//! The conflict index at scale: the store's index reads as documented, and searches that stay
//! exact — every name the scorer matches is found, however common the surname — with the
//! walls rule applied to what a user is told.

use std::collections::BTreeSet;

use lexcase::ContactId;
use lexcase::access::Viewer;
use lexcase::conflicts::{Probe, index_name, score_names};
use lexcase::contacts::{AffiliationKind, Contact, ContactChanges, NewContact};
use lexcase::matters::{MatterStatus, PartyRole};
use lexcase::store::ReadTx;

use crate::fixture::{Fixture, SharedStore};

/// An index entry as a scan visited it, owned.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    contact: ContactId,
    name: String,
    tokens: String,
    significant: u16,
}

/// Every entry under `keys` (with at most `max` significant words), sorted.
fn scan(tx: &dyn ReadTx, keys: &[&str], max: Option<u16>) -> Vec<Entry> {
    scan_sharing(tx, keys, max, None)
}

/// [`scan`], with only the names of one significant word or sharing `sharing` bits. Keys
/// ending in `|` are read as families (prefixes).
fn scan_sharing(
    tx: &dyn ReadTx,
    keys: &[&str],
    max_significant: Option<u16>,
    sharing: Option<u64>,
) -> Vec<Entry> {
    let (prefixes, keys): (Vec<&str>, Vec<&str>) = keys.iter().partition(|k| k.ends_with('|'));
    let probe = Probe {
        keys: keys.iter().map(|k| (*k).to_owned()).collect(),
        prefixes: prefixes.iter().map(|k| (*k).to_owned()).collect(),
        max_significant,
        sharing,
    };
    let mut out = Vec::new();
    tx.scan_conflict_index(&probe, &mut |e| {
        out.push(Entry {
            contact: e.contact,
            name: e.name.to_owned(),
            tokens: e.tokens.to_owned(),
            significant: e.significant,
        });
        Ok(())
    })
    .unwrap();
    out.sort();
    out
}

/// Given names for the holders of a common surname.
const GIVEN: [&str; 24] = [
    "John", "Jon", "Jane", "Joan", "Mary", "Peter", "Paul", "Sarah", "David", "Emma", "James",
    "Anne", "Mark", "Claire", "Adam", "Ruth", "Tom", "Lucy", "Ian", "Helen", "Sam", "Kate", "Ben",
    "Amy",
];

/// The store answers the index reads as the trait documents them: keys with their counts,
/// entries once per key with the display name, words and significance (and only the names
/// with few significant words when asked), contacts by ids, parties with their matter's
/// number and status, affiliates both ways, and the matters a viewer may see.
pub fn index_reads_follow_the_contract(store: SharedStore) {
    let f = Fixture::new(store.clone());
    let john = f.person("John", "Smith");
    let initial = f.person("J.", "Smith");
    let firm = f.organisation("Smith Ltd");
    let mary = f.person("Mary", "Jones");
    let mary = f
        .admin
        .contacts()
        .add_affiliation(
            mary.id,
            mary.version,
            AffiliationKind::WorksFor,
            firm.id,
            None,
        )
        .unwrap();
    let m = f
        .fee_earner
        .matters()
        .create(f.new_matter("Smith purchase", vec![john.id, firm.id]))
        .unwrap();
    let walled = f.fee_earner2.actor_id();
    f.admin
        .matters()
        .add_ethical_wall(m.id, m.version, walled, "acted for the seller")
        .unwrap();
    let r = store.read().unwrap();

    let count = |tx: &dyn ReadTx, keys: &[&str], cap| {
        let keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
        tx.count_conflict_keys(&keys, cap).unwrap()
    };
    // The digits family counts each contact once, whichever of its keys they are under.
    assert_eq!(count(&*r, &["d:530|"], 100), 3);
    assert_eq!(count(&*r, &["d:530|"], 2), 2);
    assert_eq!(count(&*r, &["d:530|", "t:smith", "t:nobody"], 100), 6);
    // Every Smith is in the family and under t:smith, so visited twice.
    let found = scan(&*r, &["d:530|", "t:smith"], None);
    let mut smiths = [john.id, initial.id, firm.id].repeat(2);
    smiths.sort();
    assert_eq!(found.iter().map(|e| e.contact).collect::<Vec<_>>(), smiths);
    let johns = found.iter().find(|e| e.contact == john.id).unwrap();
    assert_eq!(
        (
            johns.name.as_str(),
            johns.tokens.as_str(),
            johns.significant
        ),
        ("John Smith", "john smith", 2)
    );
    let ids = |entries: Vec<Entry>| -> BTreeSet<ContactId> {
        entries.into_iter().map(|e| e.contact).collect()
    };
    // Within the family: names of one significant word under `*`, others by their other words.
    assert_eq!(
        ids(scan(&*r, &["d:530|*"], None)),
        BTreeSet::from([initial.id, firm.id])
    );
    assert_eq!(
        ids(scan(&*r, &["d:530|j"], None)),
        BTreeSet::from([john.id])
    );
    let few: BTreeSet<ContactId> = scan(&*r, &["d:530|"], Some(1))
        .into_iter()
        .map(|e| e.contact)
        .collect();
    assert_eq!(few, BTreeSet::from([initial.id, firm.id]));
    let by_initial = scan(&*r, &["i:j"], None);
    assert_eq!(by_initial.len(), 1);
    assert_eq!(
        (by_initial[0].contact, by_initial[0].name.as_str()),
        (initial.id, "J. Smith")
    );
    assert!(scan(&*r, &[], None).is_empty());
    // Sharing the bits of "John": John Smith, and the names of one significant word.
    let john_bits = index_name("John").words;
    let sharing: Vec<ContactId> = scan_sharing(&*r, &["t:smith"], None, Some(john_bits))
        .into_iter()
        .map(|e| e.contact)
        .collect();
    assert_eq!(sharing.len(), 3);
    let mary_bits = index_name("Mary").words;
    let sharing = scan_sharing(&*r, &["t:smith"], None, Some(mary_bits));
    assert!(sharing.iter().all(|e| e.significant <= 1));
    assert_eq!(sharing.len(), 2);
    // The top bit survives the trip through the store's signed integers.
    assert_eq!(
        scan_sharing(&*r, &["t:smith"], Some(5), Some(1 << 63)).len(),
        2
    );
    assert_eq!(
        r.contacts_naming_others(&[firm.id, mary.id, john.id])
            .unwrap(),
        [mary.id]
    );

    let ids = r
        .contacts_by_ids(&[mary.id, john.id, ContactId::new(), john.id])
        .unwrap();
    let mut expected = vec![john.id, mary.id];
    expected.sort();
    assert_eq!(ids.iter().map(|c| c.id).collect::<Vec<_>>(), expected);

    let parties = r.parties_of_contacts(&[firm.id, mary.id, john.id]).unwrap();
    assert_eq!(parties.len(), 2);
    assert!(parties.windows(2).all(|w| w[0].contact <= w[1].contact));
    for p in &parties {
        assert_eq!(p.matter, m.id);
        assert_eq!(p.role, PartyRole::Client);
        assert_eq!(p.matter_number, m.number);
        assert_eq!(p.matter_status, MatterStatus::Pending);
    }
    assert_eq!(
        r.affiliates_of_contacts(&[firm.id, john.id]).unwrap(),
        [(firm.id, mary.id)]
    );

    let viewer = |user, sees_restricted| Viewer {
        user,
        sees_restricted,
    };
    let ids = [m.id, lexcase::MatterId::new()];
    assert_eq!(
        r.visible_matters(&ids, &viewer(f.fee_earner.actor_id(), false))
            .unwrap(),
        [m.id]
    );
    assert!(
        r.visible_matters(&ids, &viewer(walled, true))
            .unwrap()
            .is_empty()
    );
    drop(r);

    // A new name moves the contact's entries, and the counts with them.
    let changes = ContactChanges {
        family_name: Some("Jones".into()),
        ..Default::default()
    };
    f.admin
        .contacts()
        .update(john.id, john.version, changes)
        .unwrap();
    let r = store.read().unwrap();
    assert_eq!(count(&*r, &["t:smith"], 100), 2);
    assert_eq!(count(&*r, &["d:530|"], 100), 2);
    assert_eq!(count(&*r, &["d:520|"], 100), 2);
    assert_eq!(count(&*r, &["t:jones", "n:john jones"], 100), 3);
    assert_eq!(scan(&*r, &["n:john smith"], None), []);
    let jones = scan(&*r, &["n:john jones"], None);
    assert_eq!(jones.len(), 1);
    assert_eq!(jones[0].name, "John Jones");
}

/// Thousands of people share a surname: a search still finds exactly the names the scorer
/// matches (checked against scoring every contact), the exact person first; a user walled off
/// that person's matter learns that a conflict exists, not where.
pub fn common_surnames_still_find_the_exact_person(store: SharedStore) {
    let f = Fixture::new(store);
    let mut all: Vec<Contact> = Vec::new();
    for batch in 0..4 {
        let new: Vec<NewContact> = (0..500)
            .map(|i| {
                let k = batch * 500 + i;
                let family = match k % 20 {
                    0 => "Smyth",
                    1 => "Smithson",
                    2 => "Jones",
                    _ => "Smith",
                };
                let given = GIVEN[k % GIVEN.len()];
                match k % 50 {
                    0 => NewContact::organisation(&format!("{family} & Sons Ltd")),
                    1 => NewContact::person(&format!("{given} A."), family),
                    _ => NewContact::person(given, family),
                }
            })
            .collect();
        all.extend(f.admin.contacts().create_many(new).unwrap());
    }
    let target = f.person("Zebedee", "Smith");
    let obrien = f.organisation("O'Brien Ltd");
    all.extend([target.clone(), obrien.clone()]);
    let m = f
        .fee_earner
        .matters()
        .create(f.new_matter("Smith sale", vec![target.id]))
        .unwrap();
    let m = f
        .admin
        .matters()
        .add_ethical_wall(
            m.id,
            m.version,
            f.fee_earner2.actor_id(),
            "acts for the buyer",
        )
        .unwrap();
    assert!(all.len() > 2_000);

    let conflicts = f.fee_earner.conflicts();
    for query in [
        "Zebedee Smith",
        "John Smyth",
        "J Smith",
        "Adam Smith",
        "OBrien",
        "Smith",
    ] {
        let found: BTreeSet<ContactId> = conflicts
            .search(&[query.into()], &[])
            .unwrap()
            .iter()
            .map(|h| h.contact)
            .collect();
        let scored: BTreeSet<ContactId> = all
            .iter()
            .filter(|c| score_names(query, &c.display_name()).is_some())
            .map(|c| c.id)
            .collect();
        assert_eq!(found, scored, "{query}");
    }
    let hits = conflicts.search(&["Zebedee Smith".into()], &[]).unwrap();
    assert_eq!((hits[0].contact, hits[0].score), (target.id, 1000));
    assert_eq!(hits[0].matter_number.as_deref(), Some(m.number.as_str()));
    let hits = conflicts.search(&["OBrien".into()], &[]).unwrap();
    assert_eq!((hits[0].contact, hits[0].score), (obrien.id, 950));

    let walled = f
        .fee_earner2
        .conflicts()
        .search(&["Zebedee Smith".into()], &[])
        .unwrap();
    let hidden = &walled[0];
    assert_eq!((hidden.contact, hidden.score), (target.id, 1000));
    assert!(hidden.withheld);
    assert_eq!(
        (&hidden.matter, &hidden.matter_number, &hidden.role),
        (&None, &None, &None)
    );
}
