//! Re-running every stored conflict check: new contacts with the names of existing parties
//! become hits; only the checks of matters the actor may see and that are not archived are
//! re-run, over more than one page of matters; it needs the right to search; progress counts
//! the matters looked at, and a cancel re-runs none.

use lexcase::ErrorCode;
use lexcase::matters::Matter;

use super::progress::{assert_counted, at_end, never, watched};
use crate::fixture::{Fixture, SharedStore, assert_code};

/// A matter for a new client, with its conflict check run (clear: nobody else has the name).
fn checked(f: &Fixture, given: &str, family: &str) -> Matter {
    let client = f.person(given, family);
    let m = f
        .fee_earner
        .matters()
        .create(f.new_matter(&format!("{family} purchase"), vec![client.id]))
        .unwrap();
    let check = f.fee_earner.conflicts().run(m.id).unwrap();
    assert_eq!(check.status(), "clear");
    m
}

/// Re-checks find the hits new contacts bring, leave walled, hidden and archived matters'
/// checks as they are, and roll back whole on a cancel.
pub fn rechecking_every_check_skips_walled_and_archived_matters_and_a_cancel_rechecks_none(
    store: SharedStore,
) {
    let f = Fixture::new(store);
    let open = checked(&f, "Jane", "Marsh");
    let walled = checked(&f, "Walt", "Whitby");
    f.partner
        .matters()
        .add_ethical_wall(
            walled.id,
            walled.version,
            f.fee_earner2.actor_id(),
            "acted for the seller",
        )
        .unwrap();
    let archived = checked(&f, "Arch", "Able");
    f.partner
        .matters()
        .archive(archived.id, archived.version, None)
        .unwrap();
    // More matters than one page of the re-check holds, without checks, in one command.
    let filler = f.person("Fil", "Ler");
    let many = (0..205)
        .map(|n| f.new_matter(&format!("Filler {n}"), vec![filler.id]))
        .collect();
    f.fee_earner.matters().create_many(many).unwrap();
    // Same names, new people: each check now has a hit.
    for (given, family) in [("Jane", "Marsh"), ("Walt", "Whitby"), ("Arch", "Able")] {
        f.person(given, family);
    }
    let version = |m: &Matter| {
        f.admin
            .conflicts()
            .get(m.id)
            .unwrap()
            .map(|c| c.version)
            .unwrap()
    };
    let versions = || [&open, &walled, &archived].map(version);
    let before = versions();

    assert_code(
        f.read_only.conflicts().recheck_all(),
        ErrorCode::PermissionDenied,
    );
    let head = f.audit_head();
    let (result, seen) = watched(at_end("conflicts.recheck"), |p| {
        f.fee_earner.conflicts().recheck_all_with_progress(p)
    });
    assert_code(result, ErrorCode::Cancelled);
    assert_counted(
        &seen,
        "conflicts.recheck",
        Fixture::visible_total(&f.fee_earner),
    );
    assert!(seen.len() > 2, "more than one page: {seen:?}");
    assert_eq!(f.audit_head(), head);
    assert_eq!(versions(), before);

    // Walled from one matter: only the open one is re-run, and its new hit reported.
    let (result, seen) = watched(never, |p| {
        f.fee_earner2.conflicts().recheck_all_with_progress(p)
    });
    let recheck = result.unwrap();
    assert_counted(
        &seen,
        "conflicts.recheck",
        Fixture::visible_total(&f.fee_earner2),
    );
    assert_eq!(recheck.rechecked, 1);
    assert_eq!(
        recheck
            .with_new_hits
            .iter()
            .map(|m| (m.matter, m.number.as_str(), m.new_hits))
            .collect::<Vec<_>>(),
        vec![(open.id, open.number.as_str(), 1)]
    );
    assert_eq!(
        versions(),
        [before[0] + 1, before[1], before[2]],
        "walled and archived matters' checks untouched"
    );
    assert_eq!(f.audit_head(), head + 1, "one event per check re-run");
    let check = f.fee_earner.conflicts().get(open.id).unwrap().unwrap();
    assert_eq!(check.status(), "hits");
    assert_eq!(check.run_by, f.fee_earner2.actor_id());

    // The fee earner sees both live matters: the open one has nothing new now.
    let recheck = f.fee_earner.conflicts().recheck_all().unwrap();
    assert_eq!(recheck.rechecked, 2);
    assert_eq!(
        recheck
            .with_new_hits
            .iter()
            .map(|m| (m.matter, m.new_hits))
            .collect::<Vec<_>>(),
        vec![(walled.id, 1)]
    );
    assert_eq!(versions(), [before[0] + 2, before[1] + 1, before[2]]);
    f.assert_state_explained();
}
