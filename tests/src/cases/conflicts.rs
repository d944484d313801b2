//! Conflict checks through the services: spelling variants, company suffixes, former
//! clients on closed matters, affiliates, walls, decisions, re-runs when parties change.

use lexcase::ErrorCode;
use lexcase::contacts::{AffiliationKind, Identifier, IdentifierKind, NewContact};
use lexcase::matters::{HitDisposition, PartyRole};

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

/// Searches find variants, suffix-free company names, affiliates and former clients on
/// closed matters, each hit explained; a walled user learns only that a conflict exists.
pub fn search_finds_variants_affiliates_and_former_clients(store: SharedStore) {
    let f = Fixture::new(store);
    let fe = f.fee_earner.matters();
    // A former client: Smith, on a matter now closed.
    let smith = f.person("John", "Smith");
    let old = fe
        .create(f.new_matter("Smith purchase", vec![smith.id]))
        .unwrap();
    let old = fe.open(old.id, old.version).unwrap();
    let old = fe.close(old.id, old.version, None).unwrap();
    // Globex Corporation is the other side on a live matter; Dana works for Globex.
    let globex = {
        let mut new = NewContact::organisation("Globex Corporation");
        new.identifiers =
            vec![Identifier::new(IdentifierKind::CompanyNumber, "0123 4567", Some("GB")).unwrap()];
        f.admin.contacts().create(new).unwrap()
    };
    let dana = f.person("Dana", "Scully");
    let dana = f
        .admin
        .contacts()
        .add_affiliation(
            dana.id,
            dana.version,
            AffiliationKind::WorksFor,
            globex.id,
            Some("General Counsel"),
        )
        .unwrap();
    let client = f.person("Alice", "Brown");
    let live = fe
        .create(f.new_matter("Brown v Globex", vec![client.id]))
        .unwrap();
    let live = fe
        .add_party(
            live.id,
            live.version,
            globex.id,
            PartyRole::OpposingParty,
            None,
            None,
        )
        .unwrap();

    let conflicts = f.fee_earner.conflicts();
    let hits = conflicts.search(&["Jon Smyth".into()], &[]).unwrap();
    let on_old = hits
        .iter()
        .find(|h| h.matter == Some(old.id))
        .expect("former client found");
    assert_eq!(on_old.role.as_deref(), Some("client"));
    assert_eq!(on_old.matter_status.as_deref(), Some("closed"));
    assert!(!on_old.explanation.is_empty());

    let hits = conflicts.search(&["GLOBEX CORP.".into()], &[]).unwrap();
    let adverse = hits
        .iter()
        .find(|h| h.matter == Some(live.id))
        .expect("suffix-free match");
    assert_eq!(adverse.role.as_deref(), Some("opposing_party"));
    // Dana is found through her employer.
    assert!(
        hits.iter()
            .any(|h| h.contact == dana.id
                && h.via.as_deref().is_some_and(|v| v.contains("works for")))
    );
    // By company number, whatever its spacing.
    let by_number = conflicts.search(&[], &["01234567".into()]).unwrap();
    assert!(
        by_number
            .iter()
            .any(|h| h.contact == globex.id && h.score == 1000)
    );
    assert!(
        conflicts
            .search(&["Mary Jones".into()], &[])
            .unwrap()
            .is_empty()
    );

    // Wall the second fee earner off the live matter: the hit stays, its details go.
    let live = fe.get(live.id).unwrap();
    f.admin
        .matters()
        .add_ethical_wall(
            live.id,
            live.version,
            f.fee_earner2.actor_id(),
            "acts for Globex",
        )
        .unwrap();
    let walled = f
        .fee_earner2
        .conflicts()
        .search(&["Globex".into()], &[])
        .unwrap();
    let hidden = walled
        .iter()
        .find(|h| h.withheld)
        .expect("the conflict still shows");
    assert_eq!(
        (
            hidden.matter,
            hidden.matter_number.as_ref(),
            hidden.role.as_ref()
        ),
        (None, None, None)
    );
    assert_code(
        f.read_only.conflicts().search(&["x".into()], &[]),
        ErrorCode::PermissionDenied,
    );
    assert_invalid(f.fee_earner.conflicts().search(&[" ".into()], &[]), "names");
}

/// A check is stored on the matter with a decision per hit; adding a party re-runs it, keeps
/// the decisions and leaves the new hits to decide.
pub fn checks_are_stored_decided_and_rerun(store: SharedStore) {
    let f = Fixture::new(store);
    let fe = f.fee_earner.matters();
    let acme = f.organisation("Acme Widgets Ltd");
    let first = fe
        .create(f.new_matter("Acme supply dispute", vec![acme.id]))
        .unwrap();
    let _ = fe.open(first.id, first.version).unwrap();
    let client = f.person("Bob", "Stone");
    let m = fe
        .create(f.new_matter("Stone v Acme", vec![client.id]))
        .unwrap();
    let m = fe
        .add_party(
            m.id,
            m.version,
            acme.id,
            PartyRole::OpposingParty,
            None,
            None,
        )
        .unwrap();
    let conflicts = f.fee_earner.conflicts();
    let check = conflicts.run(m.id).unwrap();
    assert_eq!(check.status(), "hits");
    let index = check
        .hits
        .iter()
        .position(|h| h.matter == Some(first.id))
        .unwrap();
    assert_eq!(
        check.hits[index].role.as_deref(),
        Some("client"),
        "adverse to a current client"
    );
    assert_code(
        conflicts.decide(
            m.id,
            check.version,
            index,
            HitDisposition::Waived,
            "consent on file",
        ),
        ErrorCode::PermissionDenied,
    );
    let mut check = check;
    for i in 0..check.hits.len() {
        check = f
            .partner
            .conflicts()
            .decide(
                m.id,
                check.version,
                i,
                HitDisposition::Waived,
                "informed consent confirmed in writing",
            )
            .unwrap();
    }
    assert_eq!(check.status(), "resolved");
    assert_eq!(
        check.hits[index].decision.as_ref().unwrap().by,
        f.partner.actor_id()
    );

    // A new party with a conflict of its own: the check runs again by itself.
    let other = f.person("Carol", "Danvers");
    let elsewhere = fe
        .create(f.new_matter("Danvers estate", vec![other.id]))
        .unwrap();
    let m = fe.get(m.id).unwrap();
    fe.add_party(m.id, m.version, other.id, PartyRole::Witness, None, None)
        .unwrap();
    let check = conflicts.get(m.id).unwrap().unwrap();
    assert_eq!(check.status(), "hits");
    assert_eq!(check.unresolved(), 1);
    assert!(
        check
            .hits
            .iter()
            .any(|h| h.matter == Some(elsewhere.id) && h.decision.is_none())
    );
    assert!(
        check
            .hits
            .iter()
            .any(|h| h.matter == Some(first.id) && h.decision.is_some()),
        "decisions kept"
    );
}
