//! Compliance and conflicts at firm scale: a sweep of the built-in rule packs over 100 000
//! matters, and conflict searches over 1 000 000 contact names (p50 and p95 latency).
//! One-shot, printed as Markdown.
//!
//! ```text
//! cargo bench -p lexcase-benches --bench compliance_scale
//! ```
//!
//! `LEXCASE_BENCH_MATTERS` (default 100 000) and `LEXCASE_BENCH_NAMES` (default 1 000 000)
//! set the sizes. Run as a test (without `--bench`) it does a small smoke run.

use std::error::Error;
use std::time::{Duration, Instant};

use lexcase::rules::RulePack;
use lexcase_benches::{
    contacts_raw, env_number, matters_raw, mix, new_contact, open_file, setup_firm,
};
use lexcase_sqlite::Durability;

type AnyResult<T> = std::result::Result<T, Box<dyn Error>>;

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted
        .get(sorted.len().saturating_sub(1) * p / 100)
        .copied()
        .unwrap_or_default()
}

/// A searched name: a contact's name, sometimes misspelt or with its company suffix changed.
fn query(i: u64) -> String {
    let name =
        lexcase::contacts::Contact::create(new_contact(mix(i, 80) % 1_000_000), chrono::Utc::now())
            .map(|c| c.display_name())
            .unwrap_or_default();
    match i % 4 {
        0 => name.replacen('i', "y", 1),
        1 => name.replace(" Ltd", " Limited").replace(" LLP", ""),
        2 => name.to_uppercase(),
        _ => name,
    }
}

fn main() -> AnyResult<()> {
    let bench = std::env::args().any(|a| a == "--bench");
    let matters = if bench {
        env_number("LEXCASE_BENCH_MATTERS", 100_000)
    } else {
        300
    };
    let names = if bench {
        env_number("LEXCASE_BENCH_NAMES", 1_000_000)
    } else {
        3_000
    };
    let searches = if bench { 200 } else { 20 };
    println!("| workload | size | time |\n|---|---|---|");

    // 1. The sweep: every built-in pack in force over `matters` matters.
    let dir = tempfile::tempdir()?;
    let bf = setup_firm(open_file(
        &dir.path().join("sweep.lexcase"),
        Durability::Normal,
    )?)?;
    let store = bf.firm.store().clone();
    let (contacts, _) = contacts_raw(&*store, matters.min(50_000), 10_000)?;
    matters_raw(&bf, &*store, &contacts, matters, 10_000)?;
    let admin = bf.admin()?;
    let ids: Vec<String> = RulePack::builtin().into_iter().map(|p| p.id).collect();
    admin.compliance().set_packs_in_force(&ids)?;
    let start = Instant::now();
    let swept = admin.compliance().sweep()?;
    let took = start.elapsed();
    let findings: usize = swept.iter().map(|m| m.findings.len()).sum();
    println!(
        "| sweep, {} built-in packs | {matters} matters ({} with findings, {findings} findings) | {took:.2?} ({:.0} matters/s) |",
        ids.len(),
        swept.len(),
        matters as f64 / took.as_secs_f64()
    );

    // 2. Conflict searches over `names` contacts.
    let dir = tempfile::tempdir()?;
    let bf = setup_firm(open_file(
        &dir.path().join("names.lexcase"),
        Durability::Normal,
    )?)?;
    let store = bf.firm.store().clone();
    let start = Instant::now();
    contacts_raw(&*store, names, 20_000)?;
    let loaded = start.elapsed();
    println!("| load contacts with their conflict-search keys | {names} names | {loaded:.2?} |");
    let admin = bf.admin()?;
    let mut times = Vec::with_capacity(searches as usize);
    let mut hits = 0;
    for i in 0..searches {
        let q = query(i);
        let start = Instant::now();
        hits += admin.conflicts().search(&[q], &[])?.len();
        times.push(start.elapsed());
    }
    times.sort_unstable();
    println!(
        "| conflict search, one name | {names} names, {searches} searches ({} hits on average) | p50 {:.2?}, p95 {:.2?}, max {:.2?} |",
        hits as u64 / searches,
        percentile(&times, 50),
        percentile(&times, 95),
        times.last().copied().unwrap_or_default()
    );
    Ok(())
}
