//! The list queries: matter filters, visibility and pagination; contact name search; users.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use lexcase::access::{Viewer, Visibility};
use lexcase::contacts::{ContactChanges, ContactKind};
use lexcase::matters::{Matter, MatterRole, MatterStatus, PartyRole};
use lexcase::store::{ContactQuery, MatterQuery, Page, Store};
use lexcase::text::fold;
use lexcase::{ContactId, MatterId, UserId};
use lexcase_sqlite::SqliteStore;

fn everyone(user: UserId) -> Viewer {
    Viewer {
        user,
        sees_restricted: true,
    }
}

fn plain(user: UserId) -> Viewer {
    Viewer {
        user,
        sees_restricted: false,
    }
}

fn ids(store: &SqliteStore, query: &MatterQuery, viewer: Viewer) -> Vec<MatterId> {
    let page = store
        .read()
        .unwrap()
        .matters(query, &viewer, Page::first(1000).unwrap())
        .unwrap();
    assert_eq!(page.total, page.items.len() as u64);
    page.items.iter().map(|m| m.id).collect()
}

/// A firm with a few matters spread over statuses, areas, teams and parties.
struct Firm {
    store: SqliteStore,
    ann: UserId,
    bob: UserId,
    cat: UserId,
    jane: ContactId,
    acme: ContactId,
    muller: ContactId,
    /// Oldest first.
    matters: Vec<Matter>,
}

fn firm() -> Firm {
    let store = memory();
    let (ann, bob, cat) = (user("Ann Able"), user("Bob Baker"), user("Cat Cole"));
    let jane = person("Jane", "Smith");
    let acme = organisation("Acme Holdings Ltd");
    let muller = person("Jürgen", "Müller-Lüdenscheidt");
    insert_users(&store, &[&ann, &bob, &cat]);
    insert_contacts(&store, &[&jane, &acme, &muller]);

    let mut m0 = MatterSpec::new("SMI-0001", jane.id, ann.id, 0).build();
    m0.transition(MatterStatus::Open, at(0).date_naive(), at(0), ann.id, None)
        .unwrap();
    let mut m1 = MatterSpec {
        title: "Acme v Widgets: breach of contract",
        practice_area: "Litigation",
        originating: Some(bob.id),
        ..MatterSpec::new("ACM-0001", acme.id, ann.id, 10)
    }
    .build();
    m1.add_party(muller.id, PartyRole::OpposingParty, None, None, at(10))
        .unwrap();
    let mut m2 = MatterSpec {
        title: "Estate of Mr Brown",
        practice_area: "probate",
        visibility: Visibility::Team,
        ..MatterSpec::new("MUL-0001", muller.id, bob.id, 20)
    }
    .build();
    m2.add_team_member(cat.id, MatterRole::Paralegal).unwrap();
    let mut m3 = MatterSpec {
        title: "Sale of 1 High Street",
        ..MatterSpec::new("SMI-0002", jane.id, bob.id, 30)
    }
    .build();
    m3.add_wall(ann.id, "acted for the buyer", bob.id, at(30))
        .unwrap();
    m3.add_party(acme.id, PartyRole::Lender, None, None, at(30))
        .unwrap();
    let matters = vec![m0, m1, m2, m3];
    insert_matters(&store, &matters.iter().collect::<Vec<_>>());
    Firm {
        store,
        ann: ann.id,
        bob: bob.id,
        cat: cat.id,
        jane: jane.id,
        acme: acme.id,
        muller: muller.id,
        matters,
    }
}

impl Firm {
    fn id(&self, i: usize) -> MatterId {
        self.matters[i].id
    }
    fn newest_first(&self, which: &[usize]) -> Vec<MatterId> {
        let mut v: Vec<usize> = which.to_vec();
        v.sort_unstable_by(|a, b| b.cmp(a));
        v.into_iter().map(|i| self.id(i)).collect()
    }
    fn query(&self, query: MatterQuery) -> Vec<MatterId> {
        // A user on no team who sees restricted matters and is walled nowhere.
        ids(&self.store, &query, everyone(UserId::new()))
    }
}

#[test]
fn matters_come_newest_first_with_the_id_breaking_ties() {
    let f = firm();
    assert_eq!(
        f.query(MatterQuery::default()),
        f.newest_first(&[0, 1, 2, 3])
    );
    // Same creation instant: the larger id first.
    let store = memory();
    let u = user("Ann Able");
    let c = person("Jane", "Doe");
    let a = MatterSpec::new("A-1", c.id, u.id, 5).build();
    let b = MatterSpec::new("A-2", c.id, u.id, 5).build();
    insert_matters(&store, &[&a, &b]);
    let mut expected = vec![a.id, b.id];
    expected.sort_unstable_by(|x, y| y.cmp(x));
    assert_eq!(
        ids(&store, &MatterQuery::default(), everyone(u.id)),
        expected
    );
}

#[test]
fn matters_by_status() {
    let f = firm();
    let by = |status| {
        f.query(MatterQuery {
            status: Some(status),
            ..Default::default()
        })
    };
    assert_eq!(by(MatterStatus::Open), vec![f.id(0)]);
    assert_eq!(by(MatterStatus::Pending), f.newest_first(&[1, 2, 3]));
    assert!(by(MatterStatus::Closed).is_empty());
}

#[test]
fn matters_by_practice_area_exactly_but_ignoring_case() {
    let f = firm();
    let by = |area: &str| {
        f.query(MatterQuery {
            practice_area: Some(area.into()),
            ..Default::default()
        })
    };
    assert_eq!(by("litigation"), vec![f.id(1)]);
    assert_eq!(by("LITIGATION"), vec![f.id(1)]);
    assert_eq!(by("Conveyancing"), f.newest_first(&[0, 3]));
    assert!(by("convey").is_empty());
    assert!(by("%").is_empty());
}

#[test]
fn matters_by_fee_earner_responsible_originating_or_team() {
    let f = firm();
    let by = |user| {
        f.query(MatterQuery {
            fee_earner: Some(user),
            ..Default::default()
        })
    };
    assert_eq!(by(f.ann), f.newest_first(&[0, 1]));
    assert_eq!(by(f.bob), f.newest_first(&[1, 2, 3]));
    assert_eq!(by(f.cat), vec![f.id(2)]);
    assert!(by(UserId::new()).is_empty());
}

#[test]
fn matters_by_client_only_in_the_client_role() {
    let f = firm();
    let by = |contact| {
        f.query(MatterQuery {
            client: Some(contact),
            ..Default::default()
        })
    };
    assert_eq!(by(f.jane), f.newest_first(&[0, 3]));
    // Acme is a client on m1 and only a lender on m3.
    assert_eq!(by(f.acme), vec![f.id(1)]);
    // Müller is the client on m2 and the opposing party on m1.
    assert_eq!(by(f.muller), vec![f.id(2)]);
}

#[test]
fn matters_by_text_in_number_title_or_any_party_name() {
    let f = firm();
    let by = |text: &str| {
        f.query(MatterQuery {
            text: Some(fold(text)),
            ..Default::default()
        })
    };
    assert_eq!(by("SMI-0002"), vec![f.id(3)]);
    assert_eq!(by("smi"), f.newest_first(&[0, 3]));
    assert_eq!(by("breach"), vec![f.id(1)]);
    assert_eq!(by("High Street"), vec![f.id(3)]);
    // Party names, folded: "Müller" as "muller", through any role.
    assert_eq!(by("Müller"), f.newest_first(&[1, 2]));
    assert_eq!(by("ludensch"), f.newest_first(&[1, 2]));
    assert_eq!(by("acme"), f.newest_first(&[1, 3]));
    assert_eq!(by("jane smith"), f.newest_first(&[0, 3]));
    assert!(by("nobody at all").is_empty());
    // LIKE wildcards are plain characters.
    assert!(
        f.query(MatterQuery {
            text: Some("%".into()),
            ..Default::default()
        })
        .is_empty()
    );
}

#[test]
fn renaming_a_contact_changes_which_matters_its_name_finds() {
    let f = firm();
    let by = |text: &str| {
        f.query(MatterQuery {
            text: Some(fold(text)),
            ..Default::default()
        })
    };
    assert!(by("globex").is_empty());
    let mut acme = f.store.read().unwrap().contact(f.acme).unwrap().unwrap();
    acme.apply(ContactChanges {
        organisation_name: Some("Globex Corporation".into()),
        ..Default::default()
    })
    .unwrap();
    acme.version = 2;
    write(&f.store, |tx| tx.update_contact(&acme, 1).unwrap());
    assert_eq!(by("globex"), f.newest_first(&[1, 3]));
    // The number still matches the old prefix; the old name no longer does.
    assert_eq!(by("acme"), vec![f.id(1)]);
}

#[test]
fn filters_combine() {
    let f = firm();
    let q = MatterQuery {
        status: Some(MatterStatus::Pending),
        practice_area: Some("conveyancing".into()),
        fee_earner: Some(f.bob),
        client: Some(f.jane),
        text: Some("high".into()),
    };
    assert_eq!(f.query(q.clone()), vec![f.id(3)]);
    let none = MatterQuery {
        fee_earner: Some(f.ann),
        ..q
    };
    assert!(f.query(none).is_empty());
}

#[test]
fn team_only_matters_are_seen_by_their_team_and_by_who_sees_restricted() {
    let f = firm();
    let outsider = UserId::new();
    // m2 is team-only: Bob responsible, Cat on the team.
    assert_eq!(
        ids(&f.store, &MatterQuery::default(), plain(outsider)),
        f.newest_first(&[0, 1, 3])
    );
    assert_eq!(
        ids(&f.store, &MatterQuery::default(), plain(f.cat)),
        f.newest_first(&[0, 1, 2, 3])
    );
    assert_eq!(
        ids(&f.store, &MatterQuery::default(), plain(f.bob)),
        f.newest_first(&[0, 1, 2, 3])
    );
    assert_eq!(
        ids(&f.store, &MatterQuery::default(), everyone(outsider)),
        f.newest_first(&[0, 1, 2, 3])
    );
    // The same rule as Viewer::can_see, matter by matter.
    for viewer in [plain(outsider), plain(f.cat), plain(f.ann), everyone(f.ann)] {
        let expected: Vec<MatterId> = f
            .matters
            .iter()
            .rev()
            .filter(|m| viewer.can_see(&m.access, m.team_users()))
            .map(|m| m.id)
            .collect();
        assert_eq!(ids(&f.store, &MatterQuery::default(), viewer), expected);
    }
}

#[test]
fn a_walled_user_never_sees_the_matter_even_with_restricted_access() {
    let f = firm();
    // Ann is walled off m3 (firm-visible).
    for viewer in [plain(f.ann), everyone(f.ann)] {
        let seen = ids(&f.store, &MatterQuery::default(), viewer);
        assert!(!seen.contains(&f.id(3)));
        let q = MatterQuery {
            client: Some(f.jane),
            ..Default::default()
        };
        assert_eq!(ids(&f.store, &q, viewer), vec![f.id(0)]);
        let q = MatterQuery {
            text: Some("high street".into()),
            ..Default::default()
        };
        assert!(ids(&f.store, &q, viewer).is_empty());
    }
}

#[test]
fn matter_pages_count_all_visible_matches() {
    let store = memory();
    let u = user("Ann Able");
    let other = user("Oz Other");
    let c = person("Jane", "Doe");
    insert_contacts(&store, &[&c]);
    let mut all = Vec::new();
    for i in 0..25 {
        let number = format!("DOE-{i:04}");
        let mut spec = MatterSpec::new(&number, c.id, u.id, i);
        if i % 5 == 0 {
            spec.visibility = Visibility::Team;
        }
        all.push(spec.build());
    }
    insert_matters(&store, &all.iter().collect::<Vec<_>>());
    let r = store.read().unwrap();
    let q = MatterQuery::default();
    let page = |offset, limit| {
        r.matters(&q, &plain(other.id), Page::new(offset, limit).unwrap())
            .unwrap()
    };
    let visible: Vec<MatterId> = all
        .iter()
        .rev()
        .filter(|m| m.access.visibility == Visibility::Firm)
        .map(|m| m.id)
        .collect();
    assert_eq!(visible.len(), 20);
    let first = page(0, 8);
    assert_eq!(first.total, 20);
    assert_eq!(
        first.items.iter().map(|m| m.id).collect::<Vec<_>>(),
        visible[..8]
    );
    let last = page(16, 8);
    assert_eq!(last.total, 20);
    assert_eq!(
        last.items.iter().map(|m| m.id).collect::<Vec<_>>(),
        visible[16..]
    );
    let beyond = page(40, 8);
    assert_eq!((beyond.total, beyond.items.len()), (20, 0));
    let mine = r
        .matters(&q, &plain(u.id), Page::new(20, 10).unwrap())
        .unwrap();
    assert_eq!((mine.total, mine.items.len()), (25, 5));
}

fn contact_names(store: &SqliteStore, query: ContactQuery) -> Vec<String> {
    let page = store
        .read()
        .unwrap()
        .contacts(&query, Page::first(1000).unwrap())
        .unwrap();
    assert_eq!(page.total, page.items.len() as u64);
    page.items.iter().map(|c| c.display_name()).collect()
}

fn named(prefix: &str) -> ContactQuery {
    ContactQuery {
        name_prefix: Some(fold(prefix)),
        kind: None,
    }
}

fn contacts_firm() -> SqliteStore {
    let store = memory();
    let people = [
        person("Jane", "Smith"),
        person("John", "smithers"),
        person("Jürgen", "Müller-Lüdenscheidt"),
        person("Anna", "Mueller"),
        person("Ada", "Blacksmith"),
        organisation("Smith & Sons Ltd"),
        organisation("O'Brien Partners"),
        organisation("100% Pure_Juice"),
    ];
    insert_contacts(&store, &people.iter().collect::<Vec<_>>());
    store
}

#[test]
fn contacts_are_ordered_by_sort_name_ignoring_case() {
    let store = contacts_firm();
    assert_eq!(
        contact_names(&store, ContactQuery::default()),
        [
            "100% Pure_Juice",
            "Ada Blacksmith",
            "Anna Mueller",
            "Jürgen Müller-Lüdenscheidt",
            "O'Brien Partners",
            "Jane Smith",
            "Smith & Sons Ltd",
            "John smithers",
        ]
    );
}

#[test]
fn contact_prefix_matches_the_start_of_any_name_word() {
    let store = contacts_firm();
    assert_eq!(
        contact_names(&store, named("smi")),
        ["Jane Smith", "Smith & Sons Ltd", "John smithers"]
    );
    assert_eq!(contact_names(&store, named("SMITH")).len(), 3);
    // Not inside a word.
    assert!(contact_names(&store, named("mith")).is_empty());
    assert_eq!(contact_names(&store, named("ja")), ["Jane Smith"]);
    assert_eq!(contact_names(&store, named("brien")), ["O'Brien Partners"]);
    assert_eq!(contact_names(&store, named("o'b")), ["O'Brien Partners"]);
}

#[test]
fn contact_prefix_may_span_words() {
    let store = contacts_firm();
    assert_eq!(contact_names(&store, named("jane sm")), ["Jane Smith"]);
    assert_eq!(
        contact_names(&store, named("smith & s")),
        ["Smith & Sons Ltd"]
    );
    assert_eq!(
        contact_names(&store, named("muller-lud")),
        ["Jürgen Müller-Lüdenscheidt"]
    );
    assert!(contact_names(&store, named("jane smithers")).is_empty());
}

#[test]
fn contact_prefix_ignores_diacritics_through_folding() {
    let store = contacts_firm();
    assert_eq!(fold("Mül"), "mul");
    assert_eq!(
        contact_names(&store, named("Mül")),
        ["Jürgen Müller-Lüdenscheidt"]
    );
    assert_eq!(
        contact_names(&store, named("jurg")),
        ["Jürgen Müller-Lüdenscheidt"]
    );
    assert_eq!(
        contact_names(&store, named("lüden")),
        ["Jürgen Müller-Lüdenscheidt"]
    );
    assert_eq!(contact_names(&store, named("mue")), ["Anna Mueller"]);
}

#[test]
fn contact_prefix_treats_like_wildcards_as_text() {
    let store = contacts_firm();
    let raw = |p: &str| ContactQuery {
        name_prefix: Some(p.into()),
        kind: None,
    };
    assert!(contact_names(&store, raw("%")).is_empty());
    assert!(contact_names(&store, raw("_")).is_empty());
    assert!(contact_names(&store, raw("s%h")).is_empty());
    assert!(contact_names(&store, raw("\\")).is_empty());
    assert_eq!(contact_names(&store, raw("100 pure")), ["100% Pure_Juice"]);
}

#[test]
fn contacts_by_kind_and_in_pages() {
    let store = contacts_firm();
    let orgs = ContactQuery {
        name_prefix: None,
        kind: Some(ContactKind::Organisation),
    };
    assert_eq!(
        contact_names(&store, orgs),
        ["100% Pure_Juice", "O'Brien Partners", "Smith & Sons Ltd"]
    );
    let people_smi = ContactQuery {
        kind: Some(ContactKind::Person),
        ..named("smi")
    };
    assert_eq!(
        contact_names(&store, people_smi),
        ["Jane Smith", "John smithers"]
    );
    let r = store.read().unwrap();
    let page = r
        .contacts(&ContactQuery::default(), Page::new(3, 2).unwrap())
        .unwrap();
    assert_eq!(page.total, 8);
    let names: Vec<String> = page.items.iter().map(|c| c.display_name()).collect();
    assert_eq!(names, ["Jürgen Müller-Lüdenscheidt", "O'Brien Partners"]);
}

#[test]
fn users_are_ordered_by_name_and_found_by_exact_email() {
    let store = memory();
    let users = [
        user("Cat Cole"),
        user("ann Able"),
        user("Bob Baker"),
        user("Ann Able"),
    ];
    // "ann Able" and "Ann Able" tie when case is ignored; the id decides. Their emails would
    // collide, so the second one gets its own.
    let mut twin = users[3].clone();
    twin.id = UserId::new();
    twin.email = "ann.able2@smith.example".into();
    insert_users(&store, &[&users[0], &users[1], &users[2], &twin]);
    let r = store.read().unwrap();
    let all = r.users(Page::default()).unwrap();
    assert_eq!(all.total, 4);
    let names: Vec<&str> = all.items.iter().map(|u| u.name.as_str()).collect();
    let mut ann_ids = [users[1].id, twin.id];
    ann_ids.sort_unstable();
    assert_eq!(names[2..], ["Bob Baker", "Cat Cole"]);
    assert_eq!([all.items[0].id, all.items[1].id], ann_ids);
    let second = r.users(Page::new(1, 2).unwrap()).unwrap();
    assert_eq!((second.total, second.items.len()), (4, 2));
    assert_eq!(
        r.user_by_email("bob.baker@smith.example")
            .unwrap()
            .map(|u| u.id),
        Some(users[2].id)
    );
    assert_eq!(r.user_by_email("bob.baker@smith").unwrap(), None);
}
