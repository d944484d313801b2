//! Many firms in one database, isolated: through the services, and inside the database, where
//! row-level security keeps a session of one firm from reading or writing another's rows even
//! through raw SQL on its connection.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::sync::Arc;

use lexcase::ErrorCode;
use lexcase::store::Page;
use lexcase_conformance::fixture::Fixture;
use lexcase_postgres::{PgDatabase, PgOptions, PgStore};
use uuid::Uuid;

/// A new firm of the shared database, set up with one user per role and a matter.
fn firm(db: &PgDatabase) -> (PgStore, Fixture) {
    let store = db.open_firm(Uuid::now_v7()).unwrap();
    let f = Fixture::new(Arc::new(store.clone()));
    f.matter("Purchase of 12 Acacia Avenue");
    (store, f)
}

#[test]
fn firms_share_nothing_through_the_services() {
    let Some(db) = support::database() else {
        return support::skipped("firms_share_nothing");
    };
    let (_, a) = firm(db);
    let (_, b) = firm(db);
    // The same emails, matter numbers and audit sequence numbers, each within its firm.
    assert_eq!(
        a.admin.users().me().unwrap().email,
        b.admin.users().me().unwrap().email
    );
    let list = |f: &Fixture| f.admin.matters().list(Default::default(), Page::default());
    let (ma, mb) = (list(&a).unwrap(), list(&b).unwrap());
    assert_eq!((ma.total, mb.total), (1, 1));
    assert_eq!(ma.items[0].number, mb.items[0].number);
    assert_ne!(ma.items[0].id, mb.items[0].id);
    assert_eq!(a.audit_head(), b.audit_head());
    // Nothing of one firm is found from the other.
    assert_eq!(
        a.admin.matters().get(mb.items[0].id).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert!(a.admin.audit().verify().unwrap().is_intact());
    assert!(b.admin.audit().verify().unwrap().is_intact());
    // A firm the database does not hold is not found.
    assert_eq!(
        db.firm(Uuid::now_v7()).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

/// Runs `f` in a savepoint of the session's transaction, rolled back to when it fails (so the
/// session goes on after a refused statement).
fn attempt<T>(
    c: &mut postgres::Client,
    f: impl FnOnce(&mut postgres::Client) -> Result<T, postgres::Error>,
) -> Result<T, postgres::Error> {
    c.batch_execute("SAVEPOINT attempt").unwrap();
    let out = f(c);
    if out.is_err() {
        c.batch_execute("ROLLBACK TO SAVEPOINT attempt").unwrap();
    }
    c.batch_execute("RELEASE SAVEPOINT attempt").unwrap();
    out
}

#[test]
fn row_security_walls_off_other_firms_in_raw_sql() {
    let Some(db) = support::database() else {
        return support::skipped("row_security");
    };
    let (a, fa) = firm(db);
    let (b, fb) = firm(db);
    let b_matter = fb
        .admin
        .matters()
        .list(Default::default(), Page::default())
        .unwrap()
        .items
        .remove(0);
    let b_id = b.firm_id();
    let b_events = fb.audit_head();
    a.with_session(|c| {
        let count =
            |c: &mut postgres::Client, sql: &str| -> i64 { c.query_one(sql, &[]).unwrap().get(0) };
        // Without a filter: only firm A's rows.
        assert_eq!(count(c, "SELECT count(*) FROM matters"), 1);
        assert_eq!(count(c, "SELECT count(DISTINCT firm_id) FROM users"), 1);
        assert_eq!(count(c, "SELECT count(*) FROM firms"), 1);
        // Naming firm B finds nothing and changes nothing.
        let of_b = "SELECT count(*) FROM matters WHERE firm_id = $1";
        let n: i64 = c.query_one(of_b, &[&b_id]).unwrap().get(0);
        assert_eq!(n, 0);
        let changed = c
            .execute(
                "UPDATE matters SET title = 'taken over' WHERE firm_id = $1",
                &[&b_id],
            )
            .unwrap();
        assert_eq!(changed, 0);
        let deleted = c
            .execute("DELETE FROM contacts WHERE firm_id = $1", &[&b_id])
            .unwrap();
        assert_eq!(deleted, 0);
        // Writing a row into firm B is refused by the policy.
        let refused = attempt(c, |c| {
            c.execute(
                "INSERT INTO sequences (firm_id, key, value) VALUES ($1, 'x', 1)",
                &[&b_id],
            )
        })
        .unwrap_err();
        assert_eq!(
            refused.code(),
            Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE)
        );
        // Moving firm A's row into firm B is refused too (by the policy; on Citus first by
        // the rule that a row's distribution column never changes).
        let moved = attempt(c, |c| {
            c.execute("UPDATE matters SET firm_id = $1", &[&b_id])
        })
        .unwrap_err();
        assert!(
            [
                Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
                Some(&postgres::error::SqlState::FEATURE_NOT_SUPPORTED)
            ]
            .contains(&moved.code()),
            "{moved:?}"
        );
    })
    .unwrap();
    // A connection that names no firm sees no firm's rows.
    let mut plain = support::client(&support::app_url().unwrap());
    plain.batch_execute("SET search_path TO lexcase").unwrap();
    let n: i64 = plain
        .query_one("SELECT count(*) FROM matters", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
    // Firm B is as it was.
    let again = fb.admin.matters().get(b_matter.id).unwrap();
    assert_eq!(again, b_matter);
    assert_eq!(fb.audit_head(), b_events);
    assert!(fb.admin.audit().verify().unwrap().is_intact());
    assert!(fa.admin.audit().verify().unwrap().is_intact());
}

#[test]
fn the_audit_log_and_client_money_are_append_only() {
    let Some(db) = support::database() else {
        return support::skipped("append_only");
    };
    let (a, fa) = firm(db);
    let before = fa.audit_head();
    a.with_session(|c| {
        for sql in [
            "UPDATE audit_log SET action = 'rewritten'",
            "DELETE FROM audit_log",
            "DELETE FROM client_money_entries",
        ] {
            // Refused by privilege (the owner-migrated setup) or changing no row (no policy
            // allows it): either way nothing moves.
            match attempt(c, |c| c.execute(sql, &[])) {
                Ok(n) => assert_eq!(n, 0, "{sql}"),
                Err(e) => assert_eq!(
                    e.code(),
                    Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
                    "{sql}"
                ),
            }
        }
    })
    .unwrap();
    assert_eq!(fa.audit_head(), before);
    assert!(fa.admin.audit().verify().unwrap().is_intact());
}

#[test]
fn a_role_that_bypasses_row_security_is_refused() {
    let url = support::superuser_url();
    if support::skip("bypass_refused", &url) {
        return;
    }
    let url = url.unwrap();
    // Make sure the schema exists, as the shared database does.
    support::database();
    let err = PgDatabase::connect(&url, PgOptions::default()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    let allowed = PgOptions {
        allow_rls_bypass: true,
        migrate: false,
        ..PgOptions::default()
    };
    assert!(PgDatabase::connect(&url, allowed).is_ok());
}

#[test]
fn tampering_by_a_superuser_is_found_by_verify() {
    let url = support::superuser_url();
    if support::skip("tampering", &url) {
        return;
    }
    let Some(db) = support::database() else {
        return;
    };
    let (a, fa) = firm(db);
    let firm = a.firm_id();
    let mut c = support::client(&url.unwrap());
    let edited = c
        .execute(
            "UPDATE lexcase.audit_log SET action = 'matter.deleted' WHERE firm_id = $1 AND seq = 3",
            &[&firm],
        )
        .unwrap();
    assert_eq!(edited, 1);
    let verdict = fa.admin.audit().verify().unwrap();
    assert_eq!(verdict.first_broken.unwrap().seq, 3);
}
