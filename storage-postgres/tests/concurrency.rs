//! Several processes write one firm at once: every write lands or fails as `stale_version`
//! (never a lost update, never a storage error), and the firm keeps one valid audit chain.
//!
//! The test re-runs its own binary as the worker processes (`worker` below, ignored unless
//! started this way).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::process::Command;
use std::sync::Arc;

use lexcase::ErrorCode;
use lexcase::contacts::NewContact;
use lexcase::matters::MatterChanges;
use lexcase::notes::NoteSubject;
use lexcase::service::Firm;
use lexcase::store::Store;
use lexcase::{MatterId, UserId};
use lexcase_conformance::fixture::Fixture;
use uuid::Uuid;

/// Worker processes.
const WORKERS: usize = 4;
/// Rounds each worker runs: a contact, a note, and an update of the shared matter.
const ROUNDS: usize = 15;
/// The environment variable that turns the test binary into a worker.
const WORKER_ENV: &str = "LEXCASE_PG_WORKER";

#[test]
fn processes_writing_one_firm_keep_versions_and_one_audit_chain() {
    let Some(db) = support::database() else {
        return support::skipped("processes_writing_one_firm");
    };
    let store = db.open_firm(Uuid::now_v7()).unwrap();
    let firm_id = store.firm_id();
    let f = Fixture::new(Arc::new(store.clone()));
    let matter = f.matter("Shared matter");
    let before = f.audit_head();
    let me = std::env::current_exe().unwrap();
    // All workers start before any is waited for, so they overlap.
    let children: Vec<_> = (0..WORKERS)
        .map(|i| {
            Command::new(&me)
                .args(["worker", "--exact", "--ignored", "--nocapture"])
                .env(
                    WORKER_ENV,
                    format!("{firm_id} {} {} {i}", f.fee_earner.actor_id(), matter.id),
                )
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let (mut updated, mut stale) = (0, 0);
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "worker failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = stdout
            .lines()
            .find_map(|l| l.strip_prefix("updated="))
            .unwrap_or_else(|| panic!("no count from worker:\n{stdout}"));
        updated += line.trim().parse::<u64>().unwrap();
        stale += stdout
            .lines()
            .find_map(|l| l.strip_prefix("stale="))
            .map_or(0, |n| n.trim().parse::<u64>().unwrap_or(0));
    }
    eprintln!("{WORKERS} workers: {updated} updates landed, {stale} were stale");
    let workers_runs = WORKERS as u64;
    let m = f.fee_earner.matters().get(matter.id).unwrap();
    assert_eq!(
        m.version,
        matter.version + updated,
        "every successful update moved the version by one: none was lost"
    );
    let contacts = f
        .admin
        .contacts()
        .search("", None, lexcase::store::Page::default())
        .unwrap()
        .total;
    // The fixture's client, plus one contact per round of every worker run.
    assert_eq!(contacts, 1 + workers_runs * ROUNDS as u64);
    let verdict = f.admin.audit().verify().unwrap();
    assert!(verdict.is_intact(), "{:?}", verdict.first_broken);
    // One event per contact, per note and per successful update, all in one chain.
    assert_eq!(
        f.audit_head(),
        before + 2 * workers_runs * ROUNDS as u64 + updated
    );
    assert_eq!(verdict.events_checked, f.audit_head());
}

/// One worker: `ROUNDS` rounds of a new contact, a note on the shared matter, and an update of
/// the matter from the version it last read (a stale version is reported and read again).
#[test]
#[ignore = "run by processes_writing_one_firm_keep_versions_and_one_audit_chain"]
fn worker() {
    let Ok(spec) = std::env::var(WORKER_ENV) else {
        return;
    };
    let parts: Vec<&str> = spec.split(' ').collect();
    let firm: Uuid = parts[0].parse().unwrap();
    let user = UserId::from(parts[1].parse::<Uuid>().unwrap());
    let matter = MatterId::from(parts[2].parse::<Uuid>().unwrap());
    let me = parts[3];
    let db = support::database().unwrap();
    let session = Firm::new(db.firm(firm).unwrap()).session(user).unwrap();
    let mut updated = 0;
    let mut stale = 0;
    for round in 0..ROUNDS {
        session
            .contacts()
            .create(NewContact::person("Worker", &format!("W{me} R{round}")))
            .unwrap();
        session
            .notes()
            .add(NoteSubject::Matter(matter), &format!("note {me}/{round}"))
            .unwrap();
        let seen = session.matters().get(matter).unwrap();
        let changes = MatterChanges {
            title: Some(format!("Shared matter, {me}/{round}")),
            ..Default::default()
        };
        match session.matters().update(matter, seen.version, changes) {
            Ok(_) => updated += 1,
            Err(e) if e.code() == ErrorCode::StaleVersion => stale += 1,
            Err(e) => panic!("an ordinary contention reached the user: {e}"),
        }
    }
    println!("updated={updated}");
    println!("stale={stale}");
}

/// A writer of a firm waits for the firm's other writer (from any connection) rather than
/// failing, up to the lock timeout; writers of other firms and readers do not wait at all.
#[test]
fn writers_of_one_firm_take_turns_and_other_firms_do_not_wait() {
    let Some(url) = support::app_url() else {
        return support::skipped("writers_take_turns");
    };
    support::database();
    let options = lexcase_postgres::PgOptions {
        lock_timeout: std::time::Duration::from_millis(300),
        ..lexcase_postgres::PgOptions::default()
    };
    let db = lexcase_postgres::PgDatabase::connect(&url, options).unwrap();
    let x = db.open_firm(Uuid::now_v7()).unwrap();
    let y = db.open_firm(Uuid::now_v7()).unwrap();
    let mut held = x.write().unwrap();
    assert_eq!(held.next_sequence("K").unwrap(), 1);
    // Another firm writes, and anyone reads, while firm X's writer holds its lock.
    let mut other = y.write().unwrap();
    assert_eq!(other.next_sequence("K").unwrap(), 1);
    other.commit().unwrap();
    assert!(x.read().unwrap().firm_settings().unwrap().is_none());
    // A second writer of firm X waits for the first: here past the (short) lock timeout.
    let started = std::time::Instant::now();
    let err = x.write().err().unwrap();
    assert_eq!(err.code(), ErrorCode::Storage);
    assert!(err.to_string().contains("locked"), "{err}");
    assert!(started.elapsed() >= std::time::Duration::from_millis(250));
    // Within the timeout it gets its turn and sees the first writer's work.
    let turn = x.clone();
    let waiter = std::thread::spawn(move || {
        let mut tx = turn.write().unwrap();
        let n = tx.next_sequence("K").unwrap();
        tx.commit().unwrap();
        n
    });
    std::thread::sleep(std::time::Duration::from_millis(100));
    held.commit().unwrap();
    assert_eq!(waiter.join().unwrap(), 2);
}
