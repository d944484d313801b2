//! Notes through the services: versions kept on edit, lists, full-text search behind walls.

use lexcase::ErrorCode;
use lexcase::notes::NoteSubject;
use lexcase::store::Page;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

/// Editing keeps every prior version; lists are per subject; permissions follow the subject.
pub fn notes_keep_their_versions(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase");
    let jane = f.person("Jane", "Doe");
    let ns = f.paralegal.notes();
    let n = ns
        .add(NoteSubject::Matter(m.id), "Client called about the survey")
        .unwrap();
    let n = f
        .fee_earner
        .notes()
        .edit(
            n.id,
            n.version,
            "Client called about the survey; valuer booked",
        )
        .unwrap();
    assert_eq!(n.revisions.len(), 1);
    assert_eq!(n.revisions[0].body, "Client called about the survey");
    assert_eq!(n.revisions[0].by, f.paralegal.actor_id());
    assert_eq!(n.author, f.fee_earner.actor_id());
    assert_code(ns.edit(n.id, 1, "stale"), ErrorCode::StaleVersion);
    assert_invalid(ns.edit(n.id, n.version, " "), "body");
    ns.add(NoteSubject::Contact(jane.id), "Prefers email")
        .unwrap();
    assert_eq!(
        f.read_only
            .notes()
            .for_matter(m.id, Page::default())
            .unwrap()
            .total,
        1
    );
    assert_eq!(
        f.read_only
            .notes()
            .for_contact(jane.id, Page::default())
            .unwrap()
            .total,
        1
    );
    assert_code(
        f.read_only.notes().add(NoteSubject::Matter(m.id), "x"),
        ErrorCode::PermissionDenied,
    );
    assert_code(
        f.accounts.notes().add(NoteSubject::Contact(jane.id), "x"),
        ErrorCode::PermissionDenied,
    );
    assert_code(
        ns.add(NoteSubject::Matter(lexcase::MatterId::new()), "x"),
        ErrorCode::NotFound,
    );
    let history: Vec<_> = f
        .admin
        .audit()
        .history(n.id.into())
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(history, ["note.added", "note.edited"]);
}

/// Search matches every word as a prefix, ignores case and accents, and never shows a note on
/// a matter the searcher may not see.
pub fn note_search_respects_walls(store: SharedStore) {
    let f = Fixture::new(store);
    let open = f.matter("Open matter");
    let walled = f.matter("Walled matter");
    let ns = f.fee_earner.notes();
    ns.add(
        NoteSubject::Matter(open.id),
        "Müller confirmed the completion date",
    )
    .unwrap();
    ns.add(
        NoteSubject::Matter(walled.id),
        "Muller wants to settle quietly",
    )
    .unwrap();
    let contact = f.person("Ann", "Other");
    ns.add(
        NoteSubject::Contact(contact.id),
        "muller's sister is a witness",
    )
    .unwrap();
    let hits = |s: &lexcase::service::Session, q: &str| {
        s.notes().search(q, Page::default()).unwrap().total
    };
    assert_eq!(hits(&f.secretary, "muller"), 3);
    assert_eq!(
        hits(&f.secretary, "MÜLL compl"),
        1,
        "all words, as prefixes"
    );
    assert_eq!(
        hits(&f.secretary, "\"settle\" OR NEAR("),
        0,
        "operators are literal text"
    );
    let walled = f.fee_earner.matters().get(walled.id).unwrap();
    f.partner
        .matters()
        .add_ethical_wall(
            walled.id,
            walled.version,
            f.secretary.actor_id(),
            "conflict",
        )
        .unwrap();
    assert_eq!(hits(&f.secretary, "muller"), 2);
    assert_eq!(hits(&f.secretary, "settle"), 0);
    assert_eq!(hits(&f.fee_earner, "settle"), 1);
    assert_code(
        f.secretary.notes().for_matter(walled.id, Page::default()),
        ErrorCode::NotFound,
    );
    let note = f
        .fee_earner
        .notes()
        .for_matter(walled.id, Page::default())
        .unwrap()
        .items
        .remove(0);
    assert_code(f.secretary.notes().get(note.id), ErrorCode::NotFound);
    assert_code(
        f.secretary.notes().edit(note.id, note.version, "leak"),
        ErrorCode::NotFound,
    );
    assert_eq!(hits(&f.secretary, ""), 0);
    assert_invalid(
        f.secretary
            .notes()
            .search(&"w ".repeat(21), Page::default()),
        "text",
    );
}
