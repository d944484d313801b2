//! Documents through the services: versions with hashes, statuses, verified contents, search
//! behind walls, checklist items ticked by category.

use lexcase::ErrorCode;
use lexcase::documents::{ContentHash, DocumentStatus, NewDocument};
use lexcase::store::Page;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

fn new_doc(matter: lexcase::MatterId, name: &str, category: &str) -> NewDocument {
    NewDocument {
        matter,
        name: name.into(),
        category: category.into(),
        media_type: "application/pdf".into(),
    }
}

/// Versions carry hash, size, type, author and time; statuses move draft ↔ final → signed;
/// contents come back verified, and changed contents are an integrity error.
pub fn versions_statuses_and_verified_contents(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase");
    let ds = f.paralegal.documents();
    let d = ds
        .add(
            new_doc(m.id, "Contract", "contract"),
            b"draft one",
            Some("Agreement for sale"),
        )
        .unwrap();
    let v1 = &d.versions[0];
    assert_eq!(
        (v1.number, v1.size, v1.hash.clone()),
        (1, 9, ContentHash::of(b"draft one"))
    );
    assert_eq!(
        (v1.author, v1.media_type.as_str()),
        (f.paralegal.actor_id(), "application/pdf")
    );
    let d = ds
        .set_status(d.id, d.version, DocumentStatus::Final)
        .unwrap();
    let d = ds
        .add_version(d.id, d.version, b"draft two", "application/pdf", None)
        .unwrap();
    assert_eq!(
        (d.status, d.versions.len()),
        (DocumentStatus::Draft, 2),
        "a new version reopens the draft"
    );
    assert_eq!(ds.contents(d.id, Some(1)).unwrap(), b"draft one");
    assert_eq!(ds.contents(d.id, None).unwrap(), b"draft two");
    assert_code(ds.contents(d.id, Some(9)), ErrorCode::NotFound);
    let d = ds
        .set_status(d.id, d.version, DocumentStatus::Final)
        .unwrap();
    let d = ds
        .set_status(d.id, d.version, DocumentStatus::Signed)
        .unwrap();
    assert_code(
        ds.add_version(d.id, d.version, b"x", "text/plain", None),
        ErrorCode::InvalidTransition,
    );
    assert_code(
        ds.set_status(d.id, d.version, DocumentStatus::Draft),
        ErrorCode::InvalidTransition,
    );
    f.blobs.corrupt(
        &ContentHash::of(b"draft two"),
        b"draft 2, edited behind our back".to_vec(),
    );
    assert_code(ds.contents(d.id, None), ErrorCode::Integrity);
    let mut bad_type = new_doc(m.id, "x", "y");
    bad_type.media_type = "pdf".into();
    assert_invalid(ds.add(bad_type, b"x", None), "media_type");
    assert_invalid(ds.add(new_doc(m.id, " ", "y"), b"x", None), "name");
    assert_code(
        f.read_only
            .documents()
            .add(new_doc(m.id, "x", "y"), b"x", None),
        ErrorCode::PermissionDenied,
    );
    assert_code(
        ds.add(new_doc(lexcase::MatterId::new(), "x", "y"), b"x", None),
        ErrorCode::NotFound,
    );
    let actions: Vec<_> = f
        .admin
        .audit()
        .history(d.id.into())
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions[..3],
        [
            "document.added",
            "document.status_set",
            "document.version_added"
        ]
    );
    assert_eq!(
        f.read_only
            .documents()
            .for_matter(m.id, Page::default())
            .unwrap()
            .total,
        1
    );
}

/// The text supplied for the latest version is searchable, never on a walled matter; a document
/// of a category a workflow item asks for ticks the item.
pub fn search_and_checklist(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase");
    let walled = f.matter("Secret");
    let ds = f.fee_earner.documents();
    f.fee_earner
        .workflow()
        .start(m.id, "ew-residential-purchase", None)
        .unwrap();
    ds.add(
        new_doc(m.id, "Client care letter", "client_care_letter"),
        b"pdf",
        Some("Dear Mrs Hart, thank you"),
    )
    .unwrap();
    assert!(
        f.fee_earner
            .workflow()
            .get(m.id)
            .unwrap()
            .items
            .contains_key("client_care_letter")
    );
    let secret = ds
        .add(
            new_doc(walled.id, "Heads of terms", "terms"),
            b"pdf",
            Some("Hart acquisition terms"),
        )
        .unwrap();
    let hits = |s: &lexcase::service::Session, q: &str| {
        s.documents().search(q, Page::default()).unwrap().total
    };
    assert_eq!(hits(&f.secretary, "hart"), 2);
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
    assert_eq!(hits(&f.secretary, "hart"), 1);
    assert_eq!(hits(&f.secretary, "acquisition"), 0);
    assert_eq!(hits(&f.fee_earner, "acquis"), 1);
    assert_code(f.secretary.documents().get(secret.id), ErrorCode::NotFound);
    assert_code(
        f.secretary.documents().contents(secret.id, None),
        ErrorCode::NotFound,
    );
    // A new version without text drops the old version's text from search.
    let secret = ds
        .add_version(secret.id, secret.version, b"v2", "application/pdf", None)
        .unwrap();
    assert_eq!(hits(&f.fee_earner, "acquisition"), 0);
    assert_eq!(secret.versions.len(), 2);
}
