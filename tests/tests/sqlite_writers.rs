//! Several processes writing to one SQLite file at once: every call succeeds (contention is
//! waited out inside the store, in arrival order), nothing acknowledged is lost and the audit
//! chain verifies.
//!
//! `LEXCASE_WRITERS` (default 4) and `LEXCASE_WRITE_SECONDS` (default 10) change the load; each
//! child reports its longest call, which the test prints (timings are reported, never
//! asserted).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod processes;

use std::time::{Duration, Instant};

use lexcase::ContactId;
use lexcase::contacts::NewContact;
use lexcase_sqlite::{SqliteOptions, SqliteStore};
use processes::{ADMIN, child_args, lines, new_firm, session, spawn, tell};

const TEST: &str = "several_processes_write_at_once_without_errors_or_losses";

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A child: creates contacts until its time is up, telling the parent each id it got back,
/// then a summary `done <writes> <errors> <longest call in µs> <99th percentile in µs>`.
fn writer(db: &str, id: u32) {
    let seconds = env_or("LEXCASE_WRITE_SECONDS", 10);
    let s = session(db, ADMIN);
    let end = Instant::now() + Duration::from_secs(seconds);
    let (mut errors, mut waits) = (0u64, Vec::new());
    let mut n = 0u64;
    while Instant::now() < end {
        n += 1;
        let started = Instant::now();
        let result = s
            .contacts()
            .create(NewContact::person(&format!("W{id}"), &format!("n{n}")));
        waits.push(started.elapsed());
        match result {
            Ok(c) => tell(&format!("ack {}", c.id)),
            Err(e) => {
                errors += 1;
                tell(&format!("error {e}"));
            }
        }
    }
    waits.sort();
    let longest = waits.last().copied().unwrap_or_default();
    let p99 = waits
        .get(waits.len() * 99 / 100)
        .copied()
        .unwrap_or_default();
    tell(&format!(
        "done {} {errors} {} {}",
        waits.len(),
        longest.as_micros(),
        p99.as_micros()
    ));
}

#[test]
fn several_processes_write_at_once_without_errors_or_losses() {
    if let Some(args) = child_args() {
        writer(&args.db, args.id);
        std::process::exit(0);
    }
    let writers = env_or("LEXCASE_WRITERS", 4) as u32;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.lexcase");
    new_firm(&path);
    let mut children: Vec<_> = (0..writers)
        .map(|i| {
            let mut child = spawn(TEST, "writer", &path, i, &[]);
            let rx = lines(&mut child);
            (child, rx)
        })
        .collect();
    let mut acked = Vec::new();
    let mut errors = Vec::new();
    let mut summaries = Vec::new();
    for (child, rx) in &mut children {
        for line in rx.iter() {
            if let Some(id) = line.strip_prefix("ack ") {
                acked.push(id.parse::<ContactId>().unwrap());
            } else if let Some(e) = line.strip_prefix("error ") {
                errors.push(e.to_owned());
            } else if let Some(done) = line.strip_prefix("done ") {
                summaries.push(done.to_owned());
            }
        }
        assert!(child.wait().unwrap().success(), "a writer process failed");
    }
    for (i, s) in summaries.iter().enumerate() {
        let f: Vec<u64> = s.split(' ').map(|x| x.parse().unwrap()).collect();
        eprintln!(
            "writer {i}: {} calls, {} errors, longest {:.1} ms, p99 {:.1} ms",
            f[0],
            f[1],
            f[2] as f64 / 1000.0,
            f[3] as f64 / 1000.0
        );
    }
    assert_eq!(summaries.len(), writers as usize, "every writer finished");
    assert!(
        errors.is_empty(),
        "calls failed: {:?}",
        &errors[..errors.len().min(5)]
    );
    assert!(!acked.is_empty());

    let store = SqliteStore::open(&path, SqliteOptions::default()).unwrap();
    let firm = lexcase::service::Firm::new(store);
    let admin = firm.session_by_email(ADMIN).unwrap();
    {
        let tx = firm.store().read().unwrap();
        for id in &acked {
            assert!(
                tx.contact(*id).unwrap().is_some(),
                "an acknowledged write was lost"
            );
        }
    }
    let verification = admin.audit().verify().unwrap();
    assert!(verification.is_intact(), "{verification:?}");
}
