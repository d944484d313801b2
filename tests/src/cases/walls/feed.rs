//! The change feed for viewers who may not see every event: pseudonyms in place of sequence
//! numbers, fresh cursors, no hashes — so hidden activity leaves no gap. The feed key is
//! never shown. The store's set of hidden matters is exactly the visibility rule. Matter
//! numbers from a firm-wide counter say nothing about walled clients.

use std::collections::BTreeSet;

use lexcase::ErrorCode;
use lexcase::access::Viewer;
use lexcase::contacts::NewContact;
use lexcase::service::{Session, SettingsChanges};
use lexcase::tasks::NewTask;

use super::fixture::{Walled, feed};
use crate::fixture::{SharedStore, assert_code, assert_invalid};

fn task(s: &Session, matter: lexcase::MatterId, title: &str) {
    s.tasks()
        .create(NewTask {
            matter: Some(matter),
            title: title.into(),
            ..NewTask::default()
        })
        .unwrap();
}

/// Viewers behind a wall (and anyone who may not see every event) see pseudonyms in place of
/// sequence numbers, a new cursor each call and no hashes; the admin, who sees every event,
/// sees the real chain.
pub fn the_feed_hides_gaps_from_viewers_who_may_not_see_every_event(store: SharedStore) {
    let w = Walled::new(store);
    let all = feed(&w.f.admin);
    assert!(all.iter().enumerate().all(|(i, e)| e.seq == i as u64 + 1));
    assert!(all.iter().all(|e| e.hash.len() == 64));
    let real = |id| all.iter().find(|e| e.id == id).map(|e| e.seq).unwrap();
    for s in w
        .walled_out()
        .into_iter()
        .chain([&w.f.fee_earner, &w.f.accounts])
    {
        let seen = feed(s);
        assert!(!seen.is_empty());
        assert!(
            seen.iter()
                .all(|e| e.seq != real(e.id) && e.hash.is_empty())
        );
        assert!(seen.iter().all(|e| e.prev_hash.is_empty()));
        let (a, b) = (
            s.audit().changes_since(0, 1000).unwrap(),
            s.audit().changes_since(0, 1000).unwrap(),
        );
        assert_eq!(a.events, b.events);
        assert_ne!(a.next_cursor, b.next_cursor);
        // Paging by cursor gives every event once, in order.
        let mut paged = Vec::new();
        let mut cursor = 0;
        loop {
            let page = s.audit().changes_since(cursor, 2).unwrap();
            paged.extend(page.events);
            cursor = page.next_cursor;
            if !page.more {
                break;
            }
        }
        assert_eq!(paged, seen);
        // An event's pseudonym is a place to resume from, too.
        let from_seq = s.audit().changes_since(seen[0].seq, 1000).unwrap();
        assert_eq!(from_seq.events, seen[1..]);
        for made_up in [1, 2, 3, 1 << 40, u64::MAX] {
            assert_invalid(s.audit().changes_since(made_up, 10), "cursor");
        }
    }
    // Activity on the walled matter: nothing arrives, and the next visible event looks the
    // same as if there had been none.
    let partner = &w.f.partner;
    let cursor = partner.audit().changes_since(0, 1000).unwrap().next_cursor;
    for title in ["Zephyr data room", "Zephyr board pack", "Zephyr signing"] {
        task(&w.f.fee_earner, w.walled.id, title);
    }
    let quiet = partner.audit().changes_since(cursor, 1000).unwrap();
    assert!(quiet.events.is_empty() && !quiet.more);
    task(&w.f.fee_earner, w.open.id, "Lease plan");
    let next = partner
        .audit()
        .changes_since(quiet.next_cursor, 1000)
        .unwrap();
    assert_eq!(next.events.len(), 1);
    let admin_seq = feed(&w.f.admin).last().unwrap().seq;
    assert_ne!(next.events[0].seq, admin_seq);
    assert_eq!(feed(&w.f.admin).last().unwrap().id, next.events[0].id);
}

/// The firm's feed key is kept with the settings but never shown nor audited.
pub fn the_feed_key_is_never_shown(store: SharedStore) {
    let w = Walled::new(store);
    let stored = w.f.firm.store().read().unwrap().firm_settings().unwrap();
    assert!(stored.unwrap().feed_key.is_some());
    assert_eq!(w.f.firm.settings().unwrap().feed_key, None);
    let s = w.f.admin.settings().get().unwrap();
    assert_eq!(s.feed_key, None);
    let changes = SettingsChanges {
        name: Some("Smith & Co LLP".into()),
        ..SettingsChanges::default()
    };
    let s = w.f.admin.settings().update(s.version, &changes).unwrap();
    assert_eq!(s.feed_key, None);
    let firm_events = format!(
        "{:?}",
        w.f.admin.audit().history(uuid::Uuid::nil()).unwrap()
    );
    assert!(firm_events.contains("Smith & Co LLP"));
    assert!(!firm_events.contains("feed_key"));
    let stored = w.f.firm.store().read().unwrap().firm_settings().unwrap();
    assert!(stored.unwrap().feed_key.is_some(), "kept across updates");
}

/// The store's set of matters hidden from a viewer is exactly the complement of
/// [`Viewer::can_see`], for every role, walls and team-only matters alike.
pub fn hidden_matters_are_exactly_those_the_rule_hides(store: SharedStore) {
    let w = Walled::new(store);
    let m = w.matter(&w.open);
    w.f.partner
        .matters()
        .set_visibility(m.id, m.version, lexcase::access::Visibility::Team)
        .unwrap();
    let all = lexcase::store::Paged::collect_all(|page| {
        w.f.admin.matters().list(Default::default(), page)
    })
    .unwrap();
    assert!(all.len() >= 2);
    let f = &w.f;
    let sessions = [
        &f.admin,
        &f.partner,
        &f.fee_earner,
        &f.fee_earner2,
        &f.paralegal,
        &f.secretary,
        &f.accounts,
        &f.read_only,
        &w.walled_admin,
    ];
    let users: Vec<_> = sessions.iter().map(|s| s.users().me().unwrap()).collect();
    let tx = f.firm.store().read().unwrap();
    for me in users {
        let viewer = Viewer {
            user: me.id,
            sees_restricted: me.can(lexcase::access::Capability::ViewRestrictedMatters),
        };
        let expected: BTreeSet<_> = all
            .iter()
            .filter(|m| !viewer.can_see(&m.access, m.team_users()))
            .map(|m| m.id)
            .collect();
        let hidden: BTreeSet<_> = tx
            .matters_hidden_from(&viewer)
            .unwrap()
            .into_iter()
            .collect();
        assert_eq!(hidden, expected, "{}", me.name);
    }
}

/// With a per-client counter (`{CLIENT3}-{SEQ:4}`), opening a matter for a client whose name
/// starts like a walled client's gives away that the walled client has matters; with a
/// firm-wide counter (`{FIRMSEQ}`) the number a new matter gets does not depend on its client.
pub fn a_firm_wide_counter_keeps_walled_clients_out_of_new_numbers(store: SharedStore) {
    let f = crate::fixture::Fixture::new(store);
    let settings = f.admin.settings().get().unwrap();
    let changes = SettingsChanges {
        matter_number_format: Some("{CLIENT3}-{FIRMSEQ:4}".into()),
        ..SettingsChanges::default()
    };
    f.admin
        .settings()
        .update(settings.version, &changes)
        .unwrap();
    let client = |name: &str| {
        f.admin
            .contacts()
            .create(NewContact::person("Pat", name))
            .unwrap()
    };
    let mut new = f.new_matter("Zephyr bid", vec![client("Quill").id]);
    new.originating = None;
    let secret = f.fee_earner.matters().create(new).unwrap();
    assert_eq!(secret.number, "QUI-0001");
    f.admin
        .matters()
        .add_ethical_wall(secret.id, secret.version, f.partner.actor_id(), "Zephyr")
        .unwrap();
    let open = |name: &str| {
        let mut new = f.new_matter("New instructions", vec![client(name).id]);
        new.responsible = f.partner.actor_id();
        new.originating = None;
        f.partner.matters().create(new).unwrap().number
    };
    assert_eq!(open("Jones"), "JON-0002");
    assert_eq!(open("Quinn"), "QUI-0003");
    assert_eq!(open("Jones"), "JON-0004");
    assert_code(f.partner.matters().get(secret.id), ErrorCode::NotFound);
}
