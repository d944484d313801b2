//! Access control: capabilities per role, team-only matters, ethical walls — on every path.

use lexcase::access::Visibility;
use lexcase::contacts::NewContact;
use lexcase::matters::{Matter, MatterChanges, MatterRole, PartyRole};
use lexcase::money::{Amount, Currency};
use lexcase::service::{MatterFilter, Session};
use lexcase::store::Page;
use lexcase::timekeeping::{NewTerms, TermsScope};
use lexcase::{ErrorCode, MatterId};

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

/// What each role may and may not do.
pub fn capabilities_per_role(store: SharedStore) {
    let f = Fixture::new(store);
    let client = f.person("Jane", "Smith");
    let new = || f.new_matter("Purchase", vec![client.id]);
    for s in [&f.paralegal, &f.secretary, &f.accounts, &f.read_only] {
        assert_code(s.matters().create(new()), ErrorCode::PermissionDenied);
    }
    for s in [&f.accounts, &f.read_only] {
        assert_code(
            s.contacts().create(NewContact::person("A", "B")),
            ErrorCode::PermissionDenied,
        );
    }
    let m = f.fee_earner.matters().create(new()).unwrap();
    f.partner.matters().create(new()).unwrap();
    f.admin.matters().create(new()).unwrap();
    let title = || MatterChanges {
        title: Some("Renamed".into()),
        ..Default::default()
    };
    for s in [&f.accounts, &f.read_only] {
        assert_code(
            s.matters().update(m.id, m.version, title()),
            ErrorCode::PermissionDenied,
        );
        assert_code(
            s.matters().set_key_date(m.id, m.version, "x", None),
            ErrorCode::PermissionDenied,
        );
    }
    let m = f
        .secretary
        .matters()
        .update(m.id, m.version, title())
        .unwrap();
    for s in [&f.paralegal, &f.secretary, &f.accounts, &f.read_only] {
        assert_code(
            s.matters().open(m.id, m.version),
            ErrorCode::PermissionDenied,
        );
    }
    for s in [
        &f.fee_earner,
        &f.paralegal,
        &f.secretary,
        &f.accounts,
        &f.read_only,
    ] {
        assert_code(
            s.matters()
                .set_visibility(m.id, m.version, Visibility::Team),
            ErrorCode::PermissionDenied,
        );
        assert_code(
            s.matters()
                .add_ethical_wall(m.id, m.version, f.accounts.actor_id(), "x"),
            ErrorCode::PermissionDenied,
        );
    }
    for s in [&f.fee_earner, &f.paralegal, &f.secretary, &f.read_only] {
        assert_code(s.audit().verify(), ErrorCode::PermissionDenied);
    }
    assert!(f.accounts.audit().verify().unwrap().is_intact());
    // Everybody may read firm-visible matters and contacts.
    for s in [&f.paralegal, &f.secretary, &f.accounts, &f.read_only] {
        assert_eq!(s.matters().get(m.id).unwrap().title, "Renamed");
        assert_eq!(s.contacts().get(client.id).unwrap().id, client.id);
        assert_eq!(Fixture::visible_total(s), 3);
    }
}

/// Everything a session can observe about one matter.
fn observe(s: &Session, m: &Matter) -> (bool, u64, u64, u64, usize, usize) {
    let ms = s.matters();
    let text = |t: &str| {
        ms.list(
            MatterFilter {
                text: Some(t.into()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap()
        .total
    };
    let visible = ms.get(m.id).is_ok();
    let history = s.audit().history(m.id.into()).unwrap().len();
    let feed = s
        .audit()
        .changes_since(0, 1000)
        .unwrap()
        .events
        .iter()
        .filter(|e| e.matters.contains(&m.id))
        .count();
    (
        visible,
        Fixture::visible_total(s),
        text(&m.number),
        text("secret"),
        history,
        feed,
    )
}

/// Walled or hidden: every read says "not found" and every write too, before capability checks.
fn assert_hidden(s: &Session, m: &Matter) {
    assert_eq!(observe(s, m), (false, 0, 0, 0, 0, 0));
    let ms = s.matters();
    assert_code(ms.get(m.id), ErrorCode::NotFound);
    assert_code(
        ms.update(m.id, m.version, MatterChanges::default()),
        ErrorCode::NotFound,
    );
    assert_code(
        ms.set_key_date(m.id, m.version, "trial", None),
        ErrorCode::NotFound,
    );
    assert_code(
        ms.add_party(
            m.id,
            m.version,
            m.parties[0].contact,
            PartyRole::Witness,
            None,
            None,
        ),
        ErrorCode::NotFound,
    );
    assert_code(
        ms.add_team_member(m.id, m.version, s.actor_id(), MatterRole::Other),
        ErrorCode::NotFound,
    );
    assert_code(ms.open(m.id, m.version), ErrorCode::NotFound);
    assert_code(ms.close(m.id, m.version, None), ErrorCode::NotFound);
    assert_code(ms.archive(m.id, m.version, None), ErrorCode::NotFound);
    assert_code(
        ms.set_visibility(m.id, m.version, Visibility::Firm),
        ErrorCode::NotFound,
    );
    assert_code(
        ms.set_custom_field(m.id, m.version, "x", None),
        ErrorCode::NotFound,
    );
    assert_code(
        ms.remove_party(m.id, m.version, m.parties[0].id),
        ErrorCode::NotFound,
    );
    let mine = ms.mine(None, Page::default()).unwrap();
    assert!(mine.items.iter().all(|x| x.id != m.id));
    let client_matters = ms
        .list(
            MatterFilter {
                client: Some(m.parties[0].contact),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    assert_eq!(client_matters.total, 0);
}

/// A team-only matter is visible to its team and to admins, and to nobody else.
pub fn team_only_matters_are_hidden_from_others(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Secret merger");
    let m = f
        .partner
        .matters()
        .set_visibility(m.id, m.version, Visibility::Team)
        .unwrap();
    let m = f
        .fee_earner
        .matters()
        .add_team_member(
            m.id,
            m.version,
            f.paralegal.actor_id(),
            MatterRole::Paralegal,
        )
        .unwrap();
    for s in [&f.fee_earner, &f.partner, &f.paralegal, &f.admin] {
        let (visible, total, by_number, by_title, history, feed) = observe(s, &m);
        assert!(visible && total == 1 && by_number == 1 && by_title == 1);
        assert_eq!((history, feed), (3, 3));
    }
    for s in [&f.fee_earner2, &f.secretary, &f.accounts, &f.read_only] {
        assert_hidden(s, &m);
    }
    // Taking a member off the team hides it from them at once.
    let m = f
        .fee_earner
        .matters()
        .remove_team_member(m.id, m.version, f.paralegal.actor_id())
        .unwrap();
    assert_hidden(&f.paralegal, &m);
    let m = f
        .partner
        .matters()
        .set_visibility(m.id, m.version, Visibility::Firm)
        .unwrap();
    assert!(observe(&f.paralegal, &m).0);
}

/// A walled user — even an admin or partner — cannot see or touch the matter anywhere.
pub fn ethical_walls_hide_the_matter_everywhere(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Secret takeover");
    let walled_admin = f
        .admin
        .users()
        .create(&crate::fixture::new_user(
            "Second Admin",
            lexcase::access::Role::Admin,
        ))
        .unwrap();
    let walled_admin = f.firm.session(walled_admin.id).unwrap();
    let mut m = m;
    for s in [&f.fee_earner2, &f.secretary, &walled_admin] {
        m = f
            .partner
            .matters()
            .add_ethical_wall(m.id, m.version, s.actor_id(), "acted for the target")
            .unwrap();
    }
    for s in [&f.fee_earner2, &f.secretary, &walled_admin] {
        assert_hidden(s, &m);
    }
    // Setting the walled matter's terms (a billing administrator may set any matter's) answers
    // as for a matter that does not exist, even with a rate the matter would refuse.
    let terms = NewTerms {
        rate: Some(Amount {
            amount: "-1".parse().unwrap(),
            currency: Some(Currency::parse("JPY").unwrap()),
        }),
        ..NewTerms::new(TermsScope::Matter(m.id))
    };
    let walled = walled_admin.time().set_terms(terms.clone(), 0).unwrap_err();
    let missing = NewTerms {
        scope: TermsScope::Matter(MatterId::new()),
        ..terms
    };
    let missing = walled_admin.time().set_terms(missing, 0).unwrap_err();
    assert_eq!(walled.code(), ErrorCode::NotFound);
    assert_eq!(format!("{walled:?}"), format!("{missing:?}"));
    for s in [
        &f.fee_earner,
        &f.partner,
        &f.paralegal,
        &f.read_only,
        &f.admin,
    ] {
        assert!(observe(s, &m).0);
    }
    // Walled users cannot be put on the team, nor made responsible.
    assert_invalid(
        f.fee_earner.matters().add_team_member(
            m.id,
            m.version,
            f.fee_earner2.actor_id(),
            MatterRole::FeeEarner,
        ),
        "team",
    );
    assert_invalid(
        f.fee_earner.matters().update(
            m.id,
            m.version,
            MatterChanges {
                responsible: Some(f.secretary.actor_id()),
                ..Default::default()
            },
        ),
        "responsible",
    );
    // Team members cannot be walled; nor can you wall yourself.
    assert_invalid(
        f.partner
            .matters()
            .add_ethical_wall(m.id, m.version, f.fee_earner.actor_id(), "x"),
        "user",
    );
    assert_invalid(
        f.admin
            .matters()
            .add_ethical_wall(m.id, m.version, f.admin.actor_id(), "x"),
        "user",
    );
    assert_invalid(
        f.partner
            .matters()
            .add_ethical_wall(m.id, m.version, f.accounts.actor_id(), " "),
        "reason",
    );
    // Taking the wall down restores access.
    let m = f
        .partner
        .matters()
        .remove_ethical_wall(m.id, m.version, f.fee_earner2.actor_id())
        .unwrap();
    assert!(observe(&f.fee_earner2, &m).0);
    assert_code(
        f.partner
            .matters()
            .remove_ethical_wall(m.id, m.version, f.fee_earner2.actor_id()),
        ErrorCode::NotFound,
    );
}

/// Visibility and walls need `manage_matter_access`, and every change is audited.
pub fn walls_and_visibility_need_manage_matter_access(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase");
    assert_code(
        f.fee_earner
            .matters()
            .set_visibility(m.id, m.version, Visibility::Team),
        ErrorCode::PermissionDenied,
    );
    let m = f
        .admin
        .matters()
        .set_visibility(m.id, m.version, Visibility::Team)
        .unwrap();
    let m = f
        .admin
        .matters()
        .add_ethical_wall(m.id, m.version, f.secretary.actor_id(), "conflict")
        .unwrap();
    assert_eq!(m.access.walls[0].by, f.admin.actor_id());
    let actions: Vec<_> = f
        .admin
        .audit()
        .history(m.id.into())
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            "matter.created",
            "matter.visibility_set",
            "matter.wall_added"
        ]
    );
}
