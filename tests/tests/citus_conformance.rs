//! The conformance suite on a Citus cluster (a coordinator and two workers), and the checks
//! that firms are sharded by their id: two firms' rows sit in different shards, and the
//! statements of one firm run on one shard.
//!
//! Needs `LEXCASE_TEST_CITUS_URL` (the application role on the coordinator),
//! `LEXCASE_TEST_CITUS_OWNER_URL` (the schema's owner, which migrates and distributes the
//! tables) and `LEXCASE_TEST_CITUS_SUPERUSER_URL` (to look at shards); `scripts/test.sh citus`
//! starts such a cluster and sets them. Without them every case is reported as skipped.
//!
//! The application's connections run with `citus.multi_task_query_log_level = error`, so any
//! statement of the store that Citus would spread over several shards fails the case that
//! made it: every case of the suite is also a check that one firm's statements are routed to
//! one shard.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::{Arc, OnceLock};

use lexcase::store::Store;
use lexcase_postgres::{MigrateOptions, PgDatabase, PgOptions, migrate};
use postgres::{Client, NoTls};
use uuid::Uuid;

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The application role's URL, with multi-shard statements made errors.
fn app_url() -> Option<String> {
    let url = env("LEXCASE_TEST_CITUS_URL")?;
    let sep = if url.contains('?') { '&' } else { '?' };
    Some(format!(
        "{url}{sep}options=-c%20citus.multi_task_query_log_level%3Derror"
    ))
}

/// The cluster, migrated and distributed once per test process.
fn database() -> Option<&'static PgDatabase> {
    static DATABASE: OnceLock<Option<PgDatabase>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let url = app_url()?;
            let owner = env("LEXCASE_TEST_CITUS_OWNER_URL")?;
            let options = MigrateOptions {
                app_role: Some(env("LEXCASE_TEST_PG_APP_ROLE").unwrap_or("lexcase_app".into())),
                ..MigrateOptions::default()
            };
            migrate(&owner, &options).expect("migrate and distribute as the owner");
            let options = PgOptions {
                max_connections: 24,
                ..PgOptions::default()
            };
            let db = PgDatabase::connect(&url, options).expect("connect to the coordinator");
            assert!(
                db.is_citus(),
                "LEXCASE_TEST_CITUS_URL is not a Citus coordinator"
            );
            Some(db)
        })
        .as_ref()
}

fn make() -> Arc<dyn Store> {
    let db = database().expect("LEXCASE_TEST_CITUS_URL is set");
    Arc::new(db.open_firm(Uuid::now_v7()).unwrap())
}

fn skip() -> Option<String> {
    database()
        .is_none()
        .then(|| "LEXCASE_TEST_CITUS_URL is not set (scripts/test.sh citus sets it)".into())
}

lexcase_conformance::conformance_tests!(make, skip = skip);

/// A superuser's connection to the coordinator.
fn superuser() -> Client {
    let url = env("LEXCASE_TEST_CITUS_SUPERUSER_URL").expect("LEXCASE_TEST_CITUS_SUPERUSER_URL");
    Client::connect(&url, NoTls).unwrap()
}

/// The shard of `table` that holds `firm`'s rows.
fn shard_of(c: &mut Client, table: &str, firm: Uuid) -> i64 {
    c.query_one(
        "SELECT get_shard_id_for_distribution_column($1::text::regclass, $2::text)",
        &[&format!("lexcase.{table}"), &firm.to_string()],
    )
    .unwrap()
    .get(0)
}

/// The rows of each firm in shard `shard` of `table`, read on the worker that holds it.
fn rows_in_shard(c: &mut Client, table: &str, shard: i64) -> Vec<(Uuid, i64)> {
    let row = c
        .query_one(
            "SELECT nodename, nodeport FROM citus_shards WHERE shardid = $1",
            &[&shard],
        )
        .unwrap();
    let (host, port): (String, i32) = (row.get(0), row.get(1));
    let coordinator: postgres::Config = env("LEXCASE_TEST_CITUS_SUPERUSER_URL")
        .unwrap()
        .parse()
        .unwrap();
    let mut worker = postgres::Config::new();
    worker
        .host(&host)
        .port(u16::try_from(port).unwrap())
        .user(coordinator.get_user().unwrap())
        .dbname(coordinator.get_dbname().unwrap());
    let mut w = worker.connect(NoTls).unwrap();
    // Shards are hidden from ordinary catalogue lookups on a worker.
    w.batch_execute("SET citus.override_table_visibility = off")
        .unwrap();
    w.query(
        &format!("SELECT firm_id, count(*) FROM lexcase.{table}_{shard} GROUP BY firm_id"),
        &[],
    )
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1)))
    .collect()
}

/// Two firms whose ids hash to different shards, each with a client contact.
fn two_firms_on_different_shards(db: &PgDatabase) -> (Uuid, Uuid) {
    let mut c = superuser();
    let a = Uuid::now_v7();
    let b = loop {
        let b = Uuid::now_v7();
        if shard_of(&mut c, "firms", b) != shard_of(&mut c, "firms", a) {
            break b;
        }
    };
    for firm in [a, b] {
        let store: Arc<dyn Store> = Arc::new(db.open_firm(firm).unwrap());
        let f = lexcase_conformance::fixture::Fixture::new(store);
        f.organisation("Harper & Lowe Ltd");
    }
    (a, b)
}

#[test]
fn two_firms_rows_land_on_different_shards() {
    let Some(db) = database() else {
        return eprintln!("two_firms_rows_land_on_different_shards: skipped: no Citus cluster");
    };
    let (a, b) = two_firms_on_different_shards(db);
    let mut c = superuser();
    for table in ["firms", "users", "contacts", "audit_log"] {
        let (shard_a, shard_b) = (shard_of(&mut c, table, a), shard_of(&mut c, table, b));
        assert_ne!(shard_a, shard_b, "{table}");
        let in_a = rows_in_shard(&mut c, table, shard_a);
        let in_b = rows_in_shard(&mut c, table, shard_b);
        assert!(
            in_a.iter().any(|(f, n)| *f == a && *n > 0),
            "{table}: {in_a:?}"
        );
        assert!(
            in_b.iter().any(|(f, n)| *f == b && *n > 0),
            "{table}: {in_b:?}"
        );
        assert!(
            in_a.iter().all(|(f, _)| *f != b),
            "{table}: b's rows in a's shard"
        );
        assert!(
            in_b.iter().all(|(f, _)| *f != a),
            "{table}: a's rows in b's shard"
        );
    }
    // Every firm-scoped table is colocated with `firms`: a firm's rows of every table sit in
    // one shard group, on one worker.
    let groups: i64 = c
        .query_one(
            "SELECT count(DISTINCT colocationid) FROM pg_dist_partition \
             WHERE logicalrelid::text LIKE 'lexcase.%' AND partmethod = 'h'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(groups, 1);
    let reference: Vec<String> = c
        .query(
            "SELECT logicalrelid::text FROM pg_dist_partition \
             WHERE logicalrelid::text LIKE 'lexcase.%' AND partmethod = 'n'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(reference, ["lexcase.schema_version"]);
}

/// The `Task Count` lines of the plan of `sql` run by the application role for `firm`.
fn task_counts(db: &PgDatabase, firm: Uuid, sql: &str) -> Vec<String> {
    let store = db.firm(firm).unwrap();
    store
        .with_session(|c| {
            // The session's transaction names the firm; here multi-shard plans are allowed.
            c.batch_execute("SET LOCAL citus.multi_task_query_log_level = off")
                .unwrap();
            c.query(&format!("EXPLAIN {sql}"), &[])
                .unwrap()
                .iter()
                .map(|r| r.get::<_, String>(0))
                .filter(|line| line.contains("Task Count"))
                .map(|line| line.trim().to_owned())
                .collect()
        })
        .unwrap()
}

#[test]
fn a_query_of_one_firm_is_routed_to_one_shard() {
    let Some(db) = database() else {
        return eprintln!("a_query_of_one_firm_is_routed_to_one_shard: skipped: no Citus cluster");
    };
    let (a, _) = two_firms_on_different_shards(db);
    let one = |sql: &str| {
        let plan = task_counts(db, a, sql);
        assert_eq!(plan, ["Task Count: 1"], "{sql}");
    };
    // Lists and joins of one firm, as the store writes them.
    one(&format!(
        "SELECT c.id, c.sort_name FROM contacts c WHERE c.firm_id = '{a}' ORDER BY c.id LIMIT 50"
    ));
    one(&format!(
        "SELECT m.id FROM matters m WHERE m.firm_id = '{a}' AND NOT EXISTS \
         (SELECT 1 FROM matter_walls w WHERE w.firm_id = '{a}' AND w.matter_id = m.id) \
         ORDER BY m.id"
    ));
    one(&format!(
        "SELECT p.contact_id, m.number FROM matter_parties p JOIN matters m \
         ON m.firm_id = '{a}' AND m.id = p.matter_id WHERE p.firm_id = '{a}'"
    ));
    one(&format!(
        "SELECT seq, hash FROM audit_log WHERE firm_id = '{a}' ORDER BY seq DESC LIMIT 1"
    ));
    // The same without the firm is spread over every shard: the routing comes from the firm.
    let all = task_counts(db, a, "SELECT count(*) FROM contacts");
    assert_eq!(all.len(), 1);
    assert_ne!(all[0], "Task Count: 1", "{all:?}");
    // And the store's own connections refuse such a statement (which is what makes every case
    // of the suite on Citus a routing check too).
    let refused = db
        .firm(a)
        .unwrap()
        .with_session(|c| c.query("SELECT count(*) FROM contacts", &[]).map(|_| ()))
        .unwrap()
        .unwrap_err();
    let message = refused.as_db_error().map(|e| e.message().to_owned());
    assert!(
        message.as_deref().is_some_and(|m| m.contains("multi-task")),
        "{message:?}"
    );
}
