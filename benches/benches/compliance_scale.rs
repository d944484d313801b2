//! Compliance and conflicts at firm scale: a sweep of the built-in rule packs over 100 000
//! matters, and conflict searches over 1 000 000 contact names (p50 and p95 latency).
//! One-shot, printed as Markdown.
//!
//! ```text
//! cargo bench -p lexcase-benches --bench compliance_scale
//! ```
//!
//! `LEXCASE_BENCH_MATTERS` (default 100 000) and `LEXCASE_BENCH_NAMES` (default 1 000 000)
//! set the sizes (the conflict part loads as many matters over its names);
//! `LEXCASE_BENCH_ONLY=conflicts` runs the conflict part alone and `LEXCASE_BENCH_NAMES_FILE`
//! keeps its data in a file to reuse. Run as a test (without `--bench`) it does a small smoke
//! run.

use std::error::Error;
use std::time::{Duration, Instant};

use lexcase::rules::CompliancePack;
use lexcase_benches::{
    BenchFirm, contacts_raw, env_number, matters_raw, names, open_file, setup_firm,
};
use lexcase_sqlite::Durability;

type AnyResult<T> = std::result::Result<T, Box<dyn Error>>;

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted
        .get(sorted.len().saturating_sub(1) * p / 100)
        .copied()
        .unwrap_or_default()
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
    if std::env::var("LEXCASE_BENCH_ONLY").is_ok_and(|p| p == "conflicts") {
        return conflicts(names, matters, searches);
    }

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
    let ids: Vec<String> = CompliancePack::builtin()
        .into_iter()
        .map(|p| p.id)
        .collect();
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
    conflicts(names, matters, searches)?;
    Ok(())
}

/// Conflict searches over `count` contacts with realistic names ([`names::zipf_contact`]) and
/// `matters` matters over them (so hits carry their matters, and walls apply), searching as a
/// fee earner. With `LEXCASE_BENCH_NAMES_FILE` set, the data is kept in (or reused from) that
/// file.
fn conflicts(count: u64, matters: u64, searches: u64) -> AnyResult<()> {
    let dir = tempfile::tempdir()?;
    let path = std::env::var_os("LEXCASE_BENCH_NAMES_FILE").map_or_else(
        || dir.path().join("names.lexcase"),
        std::path::PathBuf::from,
    );
    let reuse = path.exists();
    let store = open_file(&path, Durability::Normal)?;
    let bf = if reuse {
        BenchFirm::reattach(lexcase::service::Firm::new(store))?
    } else {
        let bf = setup_firm(store)?;
        let store = bf.firm.store().clone();
        let (contacts, loaded) = names::zipf_contacts_raw(&*store, count, 20_000)?;
        println!(
            "| load contacts with their conflict-search keys (realistic names) | {count} names | {:.2?} |",
            loaded.elapsed
        );
        let loaded = matters_raw(&bf, &*store, &contacts, matters, 10_000)?;
        println!(
            "| load matters over them (parties, walls) | {matters} matters | {:.2?} |",
            loaded.elapsed
        );
        bf
    };
    let (share, distinct) = names::surname_stats(count);
    println!(
        "| names | {count} contacts (1 in 5 organisations); commonest surname {:.2} % of persons, {distinct} distinct surnames | |",
        share * 100.0
    );
    let session = bf.fee_earner(1)?;
    let verbose = std::env::var_os("LEXCASE_BENCH_VERBOSE").is_some();
    let mut times = Vec::with_capacity(searches as usize);
    let mut cpu = Vec::with_capacity(searches as usize);
    let mut hits = 0;
    for i in 0..searches {
        let q = names::conflict_query(i, count);
        let cpu_start = thread_cpu();
        let start = Instant::now();
        let found = session
            .conflicts()
            .search(std::slice::from_ref(&q), &[])?
            .len();
        let took = start.elapsed();
        let used = thread_cpu()
            .zip(cpu_start)
            .map(|(end, start)| end.saturating_sub(start));
        cpu.extend(used);
        if verbose {
            let (stepped, read) = candidates(&bf, &q)?;
            let used = used.unwrap_or_default();
            eprintln!(
                "{took:>10.2?} {used:>10.2?} cpu {found:>6} hits {read:>7} candidates {stepped:>7} entries  {q}"
            );
        }
        hits += found;
        times.push(took);
    }
    times.sort_unstable();
    cpu.sort_unstable();
    println!(
        "| conflict search, one name, as a fee earner | {count} names, {searches} searches ({} hits on average) | p50 {:.2?}, p95 {:.2?}, max {:.2?} |",
        hits as u64 / searches.max(1),
        percentile(&times, 50),
        percentile(&times, 95),
        times.last().copied().unwrap_or_default()
    );
    if !cpu.is_empty() {
        println!(
            "| the same, CPU time of the searching thread | | p50 {:.2?}, p95 {:.2?}, max {:.2?} |",
            percentile(&cpu, 50),
            percentile(&cpu, 95),
            cpu.last().copied().unwrap_or_default()
        );
    }
    Ok(())
}

/// The CPU time the current thread has run for (Linux, from `/proc/thread-self/schedstat`):
/// on a machine shared with other work, it shows what a search costs without the time spent
/// waiting for a core.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// How many index entries are filed under the keys a search for `name` reads, and how many
/// contacts it reads from them (for `LEXCASE_BENCH_VERBOSE` output).
fn candidates(bf: &BenchFirm, name: &str) -> AnyResult<(u32, usize)> {
    let store = bf.firm.store().clone();
    let tx = store.read()?;
    let plan = lexcase::conflicts::SearchPlan::new(name);
    let mut order: Vec<(u32, usize)> = Vec::new();
    for (w, keys) in plan.word_keys().iter().enumerate() {
        order.push((tx.count_conflict_keys(keys, u32::MAX)?, w));
    }
    order.sort_unstable();
    let order: Vec<usize> = order.into_iter().map(|(_, w)| w).collect();
    let mut ids = std::collections::BTreeSet::new();
    let mut stepped = 0;
    for probe in plan.probes(&order) {
        stepped += tx.count_conflict_keys(&probe.keys, u32::MAX)?;
        tx.scan_conflict_index(&probe, &mut |e| {
            ids.insert(e.contact);
            Ok(())
        })?;
    }
    Ok((stepped, ids.len()))
}
