//! A pooled connection the server dropped (a restart, an administrator's terminate) costs a
//! transaction nothing: it begins again on a fresh connection.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use lexcase::store::Store;
use lexcase_postgres::{PgDatabase, PgOptions};
use uuid::Uuid;

#[test]
fn transactions_begin_again_on_a_fresh_connection_after_the_server_dropped_one() {
    let (Some(app), Some(superuser)) = (support::app_url(), support::superuser_url()) else {
        return support::skipped("fresh_connection");
    };
    support::database();
    let name = format!("lexcase_resilience_{}", std::process::id());
    let sep = if app.contains('?') { '&' } else { '?' };
    let url = format!("{app}{sep}application_name={name}");
    let db = PgDatabase::connect(&url, PgOptions::default()).unwrap();
    let store = db.open_firm(Uuid::now_v7()).unwrap();
    {
        let mut tx = store.write().unwrap();
        tx.next_sequence("K").unwrap();
        tx.commit().unwrap();
    }
    assert!(store.read().unwrap().firm_settings().unwrap().is_none());
    let killed: i64 = support::client(&superuser)
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
             WHERE application_name = $1",
            &[&name],
        )
        .unwrap()
        .get(0);
    assert!(killed >= 1);
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert!(store.read().unwrap().firm_settings().unwrap().is_none());
    let mut tx = store.write().unwrap();
    assert_eq!(tx.next_sequence("K").unwrap(), 2);
    tx.commit().unwrap();
}
