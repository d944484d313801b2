//! The firm-scale workload: a one-shot measurement of lexcase on SQLite at the size of a large
//! firm (100 000 contacts and 100 000 matters by default), printed as Markdown tables.
//!
//! ```text
//! cargo bench -p lexcase-benches --bench firm_scale
//! LEXCASE_BENCH_N=20000 cargo bench -p lexcase-benches --bench firm_scale
//! ```
//!
//! Environment: `LEXCASE_BENCH_N` (rows, default 100 000), `LEXCASE_BENCH_SINGLE_N` (rows for
//! the one-transaction-per-command runs, default 2 000), `LEXCASE_BENCH_BATCH` (rows per
//! transaction in batch runs, default 1 000), `LEXCASE_BENCH_RUNS` (runs per query, default
//! 20), `LEXCASE_BENCH_DIR` (where the scratch files go, default the system temp directory).
//!
//! Run as a test (`cargo test -p lexcase-benches --benches`), without `--bench`, it does a small
//! smoke run (300 rows) instead.
//!
//! Criterion would repeat each of these many times, which at 100 000 rows takes too long; the
//! workload measures each step once with `Instant` (queries: the median of several runs).

use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lexcase::contacts::Contact;
use lexcase::matters::MatterStatus;
use lexcase::service::{Firm, MatterFilter};
use lexcase::store::Page;
use lexcase::{ContactId, Result};
use lexcase_benches::{
    BenchFirm, FILTER_AREA, Load, PARTY_NAME, TITLE_WORD, Timing, build_matter,
    contacts_via_service, env_number, matters_via_service, new_contact, open_file, seed_raw,
    setup_firm, time_runs,
};
use lexcase_sqlite::{Durability, SqliteOptions, SqliteStore};

type AnyResult<T> = std::result::Result<T, Box<dyn Error>>;

/// The sizes the run uses.
struct Config {
    n: u64,
    single_n: u64,
    batch: u64,
    runs: usize,
}

fn main() -> AnyResult<()> {
    // `cargo bench` passes `--bench`; `cargo test --benches` (or `--all-targets`) does not, and
    // then a small smoke run checks that the workload works without taking minutes.
    let bench = std::env::args().any(|a| a == "--bench");
    let (n, single_n, runs) = if bench {
        (100_000, 2_000, 20)
    } else {
        (300, 20, 2)
    };
    let config = Config {
        n: env_number("LEXCASE_BENCH_N", n),
        single_n: env_number("LEXCASE_BENCH_SINGLE_N", single_n),
        batch: env_number("LEXCASE_BENCH_BATCH", 1_000),
        runs: env_number("LEXCASE_BENCH_RUNS", runs) as usize,
    };
    let base = std::env::var_os("LEXCASE_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let dir = tempfile::Builder::new()
        .prefix("lexcase-firm-scale-")
        .tempdir_in(base)?;
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());

    println!("# lexcase firm-scale workload\n");
    println!(
        "N = {} contacts and {} matters; {} rows per batch transaction; queries: median of {} \
         runs; {cores} cores; files in {}.\n",
        config.n,
        config.n,
        config.batch,
        config.runs,
        dir.path().display()
    );

    let mut writes = Table::new(&["workload", "durability", "rows", "time", "rows/s"]);
    generation_only(&config, &mut writes)?;
    one_per_command(&config, dir.path(), &mut writes)?;
    let service_file = batched_service(&config, dir.path(), &mut writes)?;
    let (raw_file, contacts) = raw_store(&config, dir.path(), &mut writes)?;
    println!("## Writes\n");
    writes.print();

    println!(
        "\n## Listing and filtering at {} matters (as a fee earner, first page of 50)\n",
        config.n
    );
    queries(&config, &raw_file, &contacts)?;

    println!("\n## Opening the file\n");
    opening(
        &config,
        &[
            ("service (with audit)", &service_file),
            ("raw store", &raw_file),
        ],
    )?;
    Ok(())
}

/// For reference: the cost of generating the rows alone (no store), included in every load.
fn generation_only(config: &Config, table: &mut Table) -> Result<()> {
    progress("generating rows without a store ...");
    let bf = setup_firm(SqliteStore::open_in_memory()?)?;
    let start = Instant::now();
    let mut contacts = Vec::with_capacity(config.n as usize);
    for i in 0..config.n {
        contacts.push(Contact::create(new_contact(i), chrono::Utc::now())?.id);
    }
    let c = Load {
        rows: config.n,
        elapsed: start.elapsed(),
    };
    let start = Instant::now();
    for i in 0..config.n {
        std::hint::black_box(build_matter(&bf, i, &contacts, format!("X-{i}"))?);
    }
    let m = Load {
        rows: config.n,
        elapsed: start.elapsed(),
    };
    table.load(
        "generating contacts only (no store), for reference",
        None,
        c,
    );
    table.load("generating matters only (no store), for reference", None, m);
    Ok(())
}

/// (a) One transaction per command, as an interactive user works: bounded by fsync at FULL.
fn one_per_command(config: &Config, dir: &Path, table: &mut Table) -> Result<()> {
    let n = config.single_n.min(config.n);
    for durability in [Durability::Full, Durability::Normal] {
        let path = dir.join(format!("single-{}.sqlite", name(durability)));
        progress(&format!(
            "service, 1 tx per command, {} ...",
            name(durability)
        ));
        let bf = setup_firm(open_file(&path, durability)?)?;
        let session = bf.admin()?;
        let (contacts, c) = contacts_via_service(&session, n, 1)?;
        let m = matters_via_service(&bf, &session, &contacts, n, 1)?;
        table.load("service `contacts().create`, 1 tx each", durability, c);
        table.load("service `matters().create`, 1 tx each", durability, m);
        drop((session, bf));
        remove_db(&path);
    }
    Ok(())
}

/// (b) The service's batch commands (`create_many`), with audit events, for N of each.
/// Returns the FULL file, kept for the opening test.
fn batched_service(config: &Config, dir: &Path, table: &mut Table) -> Result<PathBuf> {
    let mut kept = PathBuf::new();
    for durability in [Durability::Full, Durability::Normal] {
        let path = dir.join(format!("service-{}.sqlite", name(durability)));
        progress(&format!("service, batches, {} ...", name(durability)));
        let bf = setup_firm(open_file(&path, durability)?)?;
        let session = bf.admin()?;
        let (contacts, c) = contacts_via_service(&session, config.n, config.batch)?;
        let m = matters_via_service(&bf, &session, &contacts, config.n, config.batch)?;
        let what = format!("service `create_many`, {} per tx", config.batch);
        table.load(&format!("{what}: contacts"), durability, c);
        table.load(&format!("{what}: matters"), durability, m);
        drop((session, bf));
        if durability == Durability::Full {
            kept = path;
        } else {
            remove_db(&path);
        }
    }
    Ok(kept)
}

/// (c) Straight into the store: `write()`, `insert_contact` / `insert_matter`, `commit()` —
/// no permission checks, no audit. Returns the FULL file (kept for the queries) and its
/// contacts.
fn raw_store(config: &Config, dir: &Path, table: &mut Table) -> Result<(PathBuf, Vec<ContactId>)> {
    let mut kept = (PathBuf::new(), Vec::new());
    for durability in [Durability::Full, Durability::Normal] {
        let path = dir.join(format!("raw-{}.sqlite", name(durability)));
        progress(&format!("raw store, batches, {} ...", name(durability)));
        let bf = setup_firm(open_file(&path, durability)?)?;
        let (contacts, c, m) = seed_raw(&bf, config.n, config.batch)?;
        let what = format!("raw store, {} per tx", config.batch);
        table.load(&format!("{what}: contacts"), durability, c);
        table.load(
            &format!("{what}: matters (with parties, status)"),
            durability,
            m,
        );
        drop(bf);
        if durability == Durability::Full {
            kept = (path, contacts);
        } else {
            remove_db(&path);
        }
    }
    Ok(kept)
}

/// (d) The list queries a front end runs, at N matters.
fn queries(config: &Config, path: &Path, contacts: &[ContactId]) -> Result<()> {
    progress("queries ...");
    let firm = Firm::new(SqliteStore::open(path, SqliteOptions::default())?);
    let bf = BenchFirm::reattach(firm)?;
    let viewer = bf.fee_earner(1)?;
    let busiest = bf.staff.fee_earners[0].id;
    let typical = bf.staff.fee_earners[10].id;
    let client = contacts
        .first()
        .copied()
        .ok_or_else(|| lexcase::LexcaseError::validation("contacts", "none"))?;
    // A client with matters: the first client of the newest matter.
    let newest = viewer
        .matters()
        .list(MatterFilter::default(), Page::first(1)?)?;
    let client = newest
        .items
        .first()
        .and_then(|m| m.clients().next())
        .unwrap_or(client);
    let number = newest
        .items
        .first()
        .map(|m| m.number.clone())
        .unwrap_or_default();

    let cases: Vec<(String, MatterFilter, Page)> = vec![
        (
            "no filter".into(),
            MatterFilter::default(),
            Page::first(50)?,
        ),
        (
            "no filter, page 201 (offset 10 000)".into(),
            MatterFilter::default(),
            Page::new(10_000, 50)?,
        ),
        (
            "status = open".into(),
            MatterFilter {
                status: Some(MatterStatus::Open),
                ..MatterFilter::default()
            },
            Page::first(50)?,
        ),
        (
            "fee earner = the busiest".into(),
            MatterFilter {
                fee_earner: Some(busiest),
                ..MatterFilter::default()
            },
            Page::first(50)?,
        ),
        (
            "fee earner = a typical one".into(),
            MatterFilter {
                fee_earner: Some(typical),
                ..MatterFilter::default()
            },
            Page::first(50)?,
        ),
        (
            "fee earner + status = open".into(),
            MatterFilter {
                fee_earner: Some(typical),
                status: Some(MatterStatus::Open),
                ..MatterFilter::default()
            },
            Page::first(50)?,
        ),
        (
            "client = one contact".into(),
            MatterFilter {
                client: Some(client),
                ..MatterFilter::default()
            },
            Page::first(50)?,
        ),
        (
            format!("practice area = {FILTER_AREA}"),
            MatterFilter {
                practice_area: Some(FILTER_AREA.into()),
                ..MatterFilter::default()
            },
            Page::first(50)?,
        ),
        (
            format!("text = \"{TITLE_WORD}\" (a title word)"),
            text(TITLE_WORD),
            Page::first(50)?,
        ),
        (
            format!("text = \"{PARTY_NAME}\" (a party's name)"),
            text(PARTY_NAME),
            Page::first(50)?,
        ),
        (
            format!("text = \"{number}\" (a matter number)"),
            text(&number),
            Page::first(50)?,
        ),
        (
            "text = \"zzqx\" (no match)".into(),
            text("zzqx"),
            Page::first(50)?,
        ),
    ];

    let mut table = Table::new(&["query", "total", "median", "min..max"]);
    for (label, filter, page) in cases {
        let (timing, total) = time_runs(config.runs, || {
            Ok(viewer.matters().list(filter.clone(), page.clone())?.total)
        })?;
        table.row(vec![
            label,
            total.to_string(),
            ms(timing.median),
            range(&timing),
        ]);
    }
    let (timing, total) = time_runs(config.runs, || {
        Ok(viewer
            .contacts()
            .search(&PARTY_NAME[..4], None, Page::first(50)?)?
            .total)
    })?;
    table.row(vec![
        format!("contacts: name prefix \"{}\"", &PARTY_NAME[..4]),
        total.to_string(),
        ms(timing.median),
        range(&timing),
    ]);
    let some_matter = newest.items.first().map(|m| m.id);
    if let Some(id) = some_matter {
        let (timing, _) = time_runs(config.runs, || viewer.matters().get(id))?;
        table.row(vec![
            "matters().get(id)".into(),
            "1".into(),
            ms(timing.median),
            range(&timing),
        ]);
    }
    table.print();
    Ok(())
}

fn text(words: &str) -> MatterFilter {
    MatterFilter {
        text: Some(words.into()),
        ..MatterFilter::default()
    }
}

/// (e) Opening an existing file (warm page cache), and its size.
fn opening(config: &Config, files: &[(&str, &Path)]) -> Result<()> {
    progress("opening ...");
    let runs = 10;
    let mut table = Table::new(&[
        "file",
        "database file",
        "WAL left beside it",
        "`SqliteStore::open` median",
        "open + first read median",
    ]);
    for (label, path) in files {
        let (open, _) = time_runs(runs, || {
            SqliteStore::open(path, SqliteOptions::default()).map(drop)
        })?;
        let (first, _) = time_runs(runs, || {
            let firm = Firm::new(SqliteStore::open(path, SqliteOptions::default())?);
            firm.is_initialised()
        })?;
        table.row(vec![
            format!("{label}, {} contacts + {} matters", config.n, config.n),
            mib(file_size(path, "")),
            mib(file_size(path, "-wal")),
            ms(open.median),
            ms(first.median),
        ]);
    }
    table.print();
    Ok(())
}

/// A Markdown table.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    fn load(&mut self, what: &str, durability: impl Into<Option<Durability>>, load: Load) {
        self.row(vec![
            what.to_owned(),
            durability.into().map_or("-", name).to_owned(),
            load.rows.to_string(),
            format!("{:.2} s", load.elapsed.as_secs_f64()),
            format!("{:.0}", load.rate()),
        ]);
    }

    fn print(&self) {
        println!("| {} |", self.header.join(" | "));
        println!(
            "|{}|",
            self.header
                .iter()
                .map(|_| "---")
                .collect::<Vec<_>>()
                .join("|")
        );
        for row in &self.rows {
            println!("| {} |", row.join(" | "));
        }
    }
}

fn range(timing: &Timing) -> String {
    format!("{}..{}", ms(timing.min), ms(timing.max))
}

fn name(durability: Durability) -> &'static str {
    match durability {
        Durability::Full => "FULL",
        Durability::Normal => "NORMAL",
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Size of the database file (`suffix` "") or its WAL (`suffix` "-wal"); 0 if absent.
fn file_size(path: &Path, suffix: &str) -> u64 {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    std::fs::metadata(PathBuf::from(p)).map_or(0, |m| m.len())
}

fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        // Scratch files in our own temporary directory; it is removed at the end anyway.
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

fn progress(what: &str) {
    eprintln!("[firm_scale] {what}");
}
