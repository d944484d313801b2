//! Store scale: lexcase beside a hand-written rusqlite program ("raw") holding the same
//! information, measured in the same run on the same machine, with the ratio of the two and
//! the issue's target for each workload. One-shot, printed as Markdown.
//!
//! ```text
//! cargo bench -p lexcase-benches --bench store_scale
//! LEXCASE_BENCH_ENTRIES=100000 LEXCASE_BENCH_MATTERS=2000 LEXCASE_BENCH_BILLS=10000 \
//!     cargo bench -p lexcase-benches --bench store_scale
//! ```
//!
//! **Data** (deterministic, see `lexcase_benches::work` and `lexcase_benches::names`): a firm
//! of 50 timekeepers with rates; `MATTERS` matters (all practice areas and statuses) of as many
//! contacts with realistic names; `ENTRIES` time entries over two years (skewed over matters
//! and fee earners; billable, non-billable and no-charge); about `BILLS` bills drafted monthly
//! from part of that work and issued, most paid in full or in part; client-money receipts and
//! payments on a quarter of the matters.
//!
//! **Both sides get the same rows in the same order.** Contacts and matters are built once
//! (lexcase's aggregates) and written to both: to lexcase through the store (`insert_contact`,
//! `insert_matter`, as `firm_scale` does — the service has no way to import a matter's
//! history), to raw as typed rows. Everything else goes through lexcase's services: time by
//! `time().record_many` (audited), bills by `bills().draft` + `transition(approved)` +
//! `issue`, payments by `payments().record`, client money by `client_money().record`; and the
//! raw side runs the equivalent SQL. Loads alternate batch by batch between the two sides
//! (each side's figure is the sum of its own batches), queries alternate run by run (medians),
//! so a noisy machine affects both alike.
//!
//! **Environment** (defaults = the issue's sizes):
//!
//! | variable | default | what |
//! |---|---|---|
//! | `LEXCASE_BENCH_MATTERS` | 20 000 | matters (and contacts) of the main firm |
//! | `LEXCASE_BENCH_ENTRIES` | 1 000 000 | time entries ingested in batches |
//! | `LEXCASE_BENCH_BATCH` | 10 000 | entries per `record_many` / per raw transaction |
//! | `LEXCASE_BENCH_BILLS` | 100 000 | bills drafted and issued (fewer if too little work) |
//! | `LEXCASE_BENCH_SINGLE` | 2 000 | entries recorded one per durable command |
//! | `LEXCASE_BENCH_DRAFT_ENTRIES` | 10 000 | unbilled entries of the matter a bill is drafted from |
//! | `LEXCASE_BENCH_BIG_MATTERS` | 1 000 000 | matters for the list query at scale |
//! | `LEXCASE_BENCH_SWEEP_MATTERS` | 100 000 | matters the compliance sweep runs over |
//! | `LEXCASE_BENCH_NAMES` | 1 000 000 | contacts the conflict search runs over |
//! | `LEXCASE_BENCH_SEARCHES` | 200 | conflict searches |
//! | `LEXCASE_BENCH_RUNS` | 5 | runs per report query (median) |
//! | `LEXCASE_BENCH_LIST_RUNS` | 20 | runs per list query (median) |
//! | `LEXCASE_BENCH_QUERY_BUDGET` | 300 | seconds after which a query's repetitions stop (each side runs at least once) |
//! | `LEXCASE_BENCH_SKIP` | - | parts of the main firm's workload to leave out: `bills` (and so payments and client money), `reports`, `draft`, `list` |
//! | `LEXCASE_BENCH_SETUP_DURABILITY` | `normal` | durability of the untimed setup (bills, payments, client money); `full` to run it durably |
//! | `LEXCASE_BENCH_PARTS` | `main,big` | `main`: the firm (ingest, commands, reports, drafting, list at 20 000, file size); `big`: the 1M-matter / 1M-name store (sweep, list, conflicts) |
//! | `LEXCASE_BENCH_DIR` | system temp | where the scratch files go |
//! | `LEXCASE_BENCH_JSON` | - | also write every figure to this JSON file |
//! | `LEXCASE_BENCH_PY_DIR` | - | leave what `benches/python/store_scale.py` needs here: the firm before the ingest (`seed.lexcase`), the entries (`entries.csv`), the firm at the end (`final.lexcase`) and the Rust figures (`figures.json`) |
//!
//! The ingest and the one-entry commands run at `synchronous=FULL` on both sides (the issue's
//! durability); the setup of bills, payments and client money at
//! `LEXCASE_BENCH_SETUP_DURABILITY` on both sides. Run as a test (`cargo test --benches`,
//! without `--bench`) it does a smoke run of a few seconds instead.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Days, Utc};
use lexcase::bills::FeeArrangement;
use lexcase::clock::{Clock, FixedClock};
use lexcase::matters::MatterStatus;
use lexcase::money::Currency;
use lexcase::rules::CompliancePack;
use lexcase::service::{DraftRequest, Firm, MatterFilter};
use lexcase::store::{Page, Store};
use lexcase::{BillId, UserId};
use lexcase_benches::names::{conflict_query, surname_stats};
use lexcase_benches::raw::{self, FileSize, RawDb};
use lexcase_benches::report::{
    Comparison, Table, Target, Unit, comparison_table, duration, median, mib, percentile,
};
use lexcase_benches::scale::{
    AnyResult, interleave, machine, make_contacts, rate, write_contacts, write_matters,
};
use lexcase_benches::steps;
use lexcase_benches::work::{BillSpec, PaymentSpec, Plan, START, TODAY, from_minor, minor, noon};
use lexcase_benches::{BenchFirm, FIFTY_TIMEKEEPERS, env_number, open_file, setup_firm_on};
use lexcase_sqlite::Durability;
use rust_decimal::Decimal;
use serde_json::json;

/// The practice area of the list query (the commonest).
const LIST_AREA: &str = "residential conveyancing";

/// The sizes and options of a run.
#[derive(Debug, Clone)]
struct Config {
    matters: u64,
    entries: u64,
    batch: u64,
    bills: u64,
    single: u64,
    draft_entries: u64,
    big_matters: u64,
    sweep_matters: u64,
    names: u64,
    searches: u64,
    runs: usize,
    list_runs: usize,
    budget: Duration,
    setup: Durability,
    skip: Vec<String>,
    main: bool,
    big: bool,
    dir: PathBuf,
    json: Option<PathBuf>,
    py_dir: Option<PathBuf>,
}

impl Config {
    /// Whether a part of the main firm's workload runs (`LEXCASE_BENCH_SKIP` names those that
    /// do not).
    fn does(&self, part: &str) -> bool {
        !self.skip.iter().any(|p| p == part)
    }

    fn from_env() -> Self {
        // `cargo bench` passes `--bench`; `cargo test --benches` does not: then a smoke run.
        let bench = std::env::args().any(|a| a == "--bench");
        let size = |name: &str, full: u64, smoke: u64| {
            if bench { env_number(name, full) } else { smoke }
        };
        let parts = std::env::var("LEXCASE_BENCH_PARTS").unwrap_or_else(|_| "main,big".into());
        let path = |name: &str| std::env::var_os(name).map(PathBuf::from);
        Self {
            matters: size("LEXCASE_BENCH_MATTERS", 20_000, 200),
            entries: size("LEXCASE_BENCH_ENTRIES", 1_000_000, 3_000),
            batch: size("LEXCASE_BENCH_BATCH", 10_000, 500),
            bills: size("LEXCASE_BENCH_BILLS", 100_000, 120),
            single: size("LEXCASE_BENCH_SINGLE", 2_000, 20),
            draft_entries: size("LEXCASE_BENCH_DRAFT_ENTRIES", 10_000, 200),
            big_matters: size("LEXCASE_BENCH_BIG_MATTERS", 1_000_000, 1_500),
            sweep_matters: size("LEXCASE_BENCH_SWEEP_MATTERS", 100_000, 300),
            names: size("LEXCASE_BENCH_NAMES", 1_000_000, 2_000),
            searches: size("LEXCASE_BENCH_SEARCHES", 200, 10),
            runs: size("LEXCASE_BENCH_RUNS", 5, 1) as usize,
            list_runs: size("LEXCASE_BENCH_LIST_RUNS", 20, 2) as usize,
            budget: Duration::from_secs(size("LEXCASE_BENCH_QUERY_BUDGET", 300, 60)),
            skip: std::env::var("LEXCASE_BENCH_SKIP")
                .unwrap_or_default()
                .split(',')
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect(),
            setup: match std::env::var("LEXCASE_BENCH_SETUP_DURABILITY").as_deref() {
                Ok("full") => Durability::Full,
                _ => Durability::Normal,
            },
            main: parts.split(',').any(|p| p.trim() == "main"),
            big: parts.split(',').any(|p| p.trim() == "big"),
            dir: path("LEXCASE_BENCH_DIR").unwrap_or_else(std::env::temp_dir),
            json: path("LEXCASE_BENCH_JSON").filter(|_| bench),
            py_dir: path("LEXCASE_BENCH_PY_DIR").filter(|_| bench),
        }
    }
}

/// Everything the run reports.
#[derive(Debug, Default)]
struct Results {
    comparisons: Vec<Comparison>,
    loads: Table,
    checks: Table,
    details: Vec<String>,
    /// Figures the Python bench compares with (and the list timings the big store's scaling
    /// row needs), written to `figures.json` under `python_parity`.
    python: serde_json::Map<String, serde_json::Value>,
}

impl Results {
    fn new() -> Self {
        Self {
            loads: Table::new(&[
                "load (setup, for reference)",
                "rows",
                "raw",
                "lexcase",
                "durability",
            ]),
            checks: Table::new(&["same answer on both sides?", "raw", "lexcase", "equal"]),
            ..Self::default()
        }
    }

    fn compare(
        &mut self,
        workload: impl Into<String>,
        raw: Option<f64>,
        lexcase: f64,
        unit: Unit,
        target: Target,
        target_text: impl Into<String>,
    ) {
        self.comparisons.push(Comparison {
            workload: workload.into(),
            raw,
            lexcase,
            unit,
            target,
            target_text: target_text.into(),
        });
    }

    fn load(&mut self, what: &str, rows: u64, raw: Option<Duration>, lex: Duration, d: Durability) {
        let rate = |t: Duration| {
            format!(
                "{} ({:.0}/s)",
                duration(t),
                rows as f64 / t.as_secs_f64().max(1e-9)
            )
        };
        self.loads.row(vec![
            what.to_owned(),
            rows.to_string(),
            raw.map_or_else(|| "-".into(), rate),
            rate(lex),
            durability_name(d).into(),
        ]);
    }

    fn check(&mut self, what: &str, raw: impl ToString, lex: impl ToString) {
        let (raw, lex) = (raw.to_string(), lex.to_string());
        let equal = if raw == lex { "yes" } else { "**NO**" };
        self.checks
            .row(vec![what.to_owned(), raw, lex, equal.to_owned()]);
    }
}

fn durability_name(d: Durability) -> &'static str {
    match d {
        Durability::Full => "FULL",
        Durability::Normal => "NORMAL",
    }
}

fn progress(what: &str) {
    eprintln!("[store_scale {}] {what}", Utc::now().format("%H:%M:%S"));
}

fn main() -> AnyResult<()> {
    let cfg = Config::from_env();
    std::fs::create_dir_all(&cfg.dir)?;
    let scratch = tempfile::Builder::new()
        .prefix("lexcase-store-scale-")
        .tempdir_in(&cfg.dir)?;
    if let Some(py) = &cfg.py_dir {
        std::fs::create_dir_all(py)?;
    }
    let mut results = Results::new();
    let started = Instant::now();
    if cfg.main {
        main_firm(&cfg, scratch.path(), &mut results)?;
    }
    if cfg.big {
        big_store(&cfg, scratch.path(), &mut results)?;
    }
    print_report(&cfg, &results, started.elapsed());
    let figures = json!({
        "machine": machine(),
        "config": {
            "matters": cfg.matters, "entries": cfg.entries, "batch": cfg.batch,
            "bills": cfg.bills, "single": cfg.single, "draft_entries": cfg.draft_entries,
            "big_matters": cfg.big_matters, "sweep_matters": cfg.sweep_matters,
            "names": cfg.names, "searches": cfg.searches, "runs": cfg.runs,
        },
        "comparisons": results.comparisons.iter().map(Comparison::to_json).collect::<Vec<_>>(),
        "python_parity": results.python,
    });
    let text = serde_json::to_string_pretty(&figures)?;
    if let Some(path) = &cfg.json {
        std::fs::write(path, &text)?;
    }
    if let Some(py) = &cfg.py_dir {
        std::fs::write(py.join("figures.json"), &text)?;
    }
    Ok(())
}

// ------------------------------------------------------------------------------ the firm

/// Opens the lexcase file at `durability` with the bench's clock and finds the firm in it.
fn attach(path: &Path, durability: Durability, clock: &Arc<FixedClock>) -> AnyResult<BenchFirm> {
    let store: Arc<dyn Store> = Arc::new(open_file(path, durability)?);
    let clock: Arc<dyn Clock> = clock.clone();
    Ok(BenchFirm::reattach(Firm::with_clock(store, clock))?)
}

/// The main firm's two databases, and what both sides share.
struct Firms {
    lex_path: PathBuf,
    clock: Arc<FixedClock>,
    raw: RawDb,
    plan: Plan,
    admin_id: UserId,
    gbp: Currency,
}

impl Firms {
    /// Opens lexcase (with the bench's clock) and reopens raw, both at `durability`.
    fn open(&mut self, durability: Durability) -> AnyResult<BenchFirm> {
        self.raw.reopen(durability)?;
        attach(&self.lex_path, durability, &self.clock)
    }
}

/// The firm: ingest, one-entry commands, bills, reports, drafting, the list at `matters`
/// matters and the file sizes.
fn main_firm(cfg: &Config, dir: &Path, results: &mut Results) -> AnyResult<()> {
    let mut firms = setup(cfg, dir, results)?;
    if let Some(py) = &cfg.py_dir {
        progress("writing the Python bench's seed and entries ...");
        raw::file_size(&firms.lex_path)?;
        std::fs::copy(&firms.lex_path, py.join("seed.lexcase"))?;
        write_entries_csv(&firms.plan, &py.join("entries.csv"))?;
    }
    ingest(cfg, &mut firms, results)?;
    commands(cfg, &mut firms, results)?;
    reserved_matter(cfg, &mut firms)?;
    let bills = if cfg.does("bills") {
        billing(cfg, &mut firms, results)?
    } else {
        0
    };
    if cfg.does("reports") {
        reports(cfg, &mut firms, results)?;
    }
    if cfg.does("draft") {
        drafting(cfg, &mut firms, results)?;
    }
    if cfg.does("list") {
        lists(cfg, &mut firms, results)?;
    }
    sizes(cfg, &firms, results, bills)
}

/// The firm, its users, contacts and matters on both sides; VAT at 20 %.
fn setup(cfg: &Config, dir: &Path, results: &mut Results) -> AnyResult<Firms> {
    progress("setting up the firm, contacts and matters on both sides ...");
    let lex_path = dir.join("lexcase.sqlite");
    let clock = Arc::new(FixedClock::new(noon(START)));
    let store: Arc<dyn Store> = Arc::new(open_file(&lex_path, cfg.setup)?);
    let bf = setup_firm_on(Firm::with_clock(store, clock.clone()), FIFTY_TIMEKEEPERS)?;
    let admin = bf.admin()?;
    let mut settings = admin.time().billing_settings()?;
    let version = settings.version;
    settings.tax_rate = Decimal::new(20, 2);
    admin.time().set_billing_settings(settings, version)?;
    let mut raw = RawDb::create(&dir.join("raw.sqlite"), cfg.setup)?;
    raw.insert_users(&bf.users())?;

    let contacts = make_contacts(0..cfg.matters)?;
    let start = Instant::now();
    write_contacts(&**bf.firm.store(), &contacts, 10_000)?;
    let lex_time = start.elapsed();
    let start = Instant::now();
    for part in contacts.chunks(10_000) {
        raw.insert_contacts(part)?;
    }
    results.load(
        "contacts (lexcase through the store, with conflict keys; raw typed rows)",
        cfg.matters,
        Some(start.elapsed()),
        lex_time,
        cfg.setup,
    );
    let mut raw_time = Duration::ZERO;
    let start = Instant::now();
    let facts = write_matters(&bf, &contacts, 0..cfg.matters, 10_000, |chunk| {
        let t = Instant::now();
        raw.insert_matters(chunk, true)?;
        raw_time += t.elapsed();
        Ok(())
    })?;
    results.load(
        "matters with parties, team, history (lexcase `insert_matter`; raw typed rows)",
        cfg.matters,
        Some(raw_time),
        start.elapsed() - raw_time,
        cfg.setup,
    );
    Ok(Firms {
        lex_path,
        clock,
        raw,
        plan: Plan::new(facts, cfg.entries).ok_or("no open, billable matter")?,
        admin_id: bf.staff.admin.id,
        gbp: Currency::parse("GBP")?,
    })
}

/// Workload 1: bulk ingest, FULL on both sides, batch by batch alternating between them.
fn ingest(cfg: &Config, firms: &mut Firms, results: &mut Results) -> AnyResult<()> {
    progress(&format!("ingesting {} time entries ...", cfg.entries));
    let bf = firms.open(Durability::Full)?;
    let admin = bf.admin()?;
    let Firms {
        raw, plan, clock, ..
    } = firms;
    let (mut t_raw, mut t_lex) = (Duration::ZERO, Duration::ZERO);
    let (mut i, mut b) = (0, 0);
    while i < cfg.entries {
        let end = (i + cfg.batch).min(cfg.entries);
        clock.set(noon(plan.entry(end - 1).date));
        for side in [b % 2, 1 - b % 2] {
            let start = Instant::now();
            if side == 0 {
                let rows: Vec<_> = (i..end)
                    .map(|k| raw.entry_row(plan, plan.entry(k), firms.admin_id))
                    .collect();
                raw.insert_entries(&rows)?;
                t_raw += start.elapsed();
            } else {
                let new = (i..end).map(|k| plan.entry(k).to_new(plan)).collect();
                admin.time().record_many(new)?;
                t_lex += start.elapsed();
            }
        }
        i = end;
        b += 1;
    }
    results.compare(
        format!(
            "bulk time-entry ingest, {} entries in batches of {} (lexcase: `record_many` with audit), FULL",
            cfg.entries, cfg.batch
        ),
        Some(rate(cfg.entries, t_raw)),
        rate(cfg.entries, t_lex),
        Unit::Rate,
        Target::AtLeast(0.5),
        "≥ 0.5 × raw",
    );
    results
        .python
        .insert("ingest_rows_per_s".into(), json!(rate(cfg.entries, t_lex)));
    Ok(())
}

/// Workload 2: one durable command per entry, FULL, alternating entry by entry.
fn commands(cfg: &Config, firms: &mut Firms, results: &mut Results) -> AnyResult<()> {
    progress(&format!(
        "{} entries one per durable command ...",
        cfg.single
    ));
    let bf = firms.open(Durability::Full)?;
    let admin = bf.admin()?;
    firms.clock.set(noon(TODAY));
    let (mut t_raw, mut t_lex) = (Duration::ZERO, Duration::ZERO);
    for k in 0..cfg.single {
        for side in [k % 2, 1 - k % 2] {
            let start = Instant::now();
            if side == 0 {
                let row = firms
                    .raw
                    .entry_row(&firms.plan, firms.plan.single(k), firms.admin_id);
                firms.raw.insert_entries(std::slice::from_ref(&row))?;
                t_raw += start.elapsed();
            } else {
                admin
                    .time()
                    .record(firms.plan.single(k).to_new(&firms.plan))?;
                t_lex += start.elapsed();
            }
        }
    }
    results.compare(
        "one durable command: record one entry (lexcase with its audit event; raw: one-row commit), FULL",
        Some(rate(cfg.single, t_raw)),
        rate(cfg.single, t_lex),
        Unit::Rate,
        Target::AtLeast(0.7),
        "≥ 0.7 × raw",
    );
    Ok(())
}

/// The reserved matter's unbilled entries, on both sides (untimed).
fn reserved_matter(cfg: &Config, firms: &mut Firms) -> AnyResult<()> {
    let bf = firms.open(cfg.setup)?;
    let admin = bf.admin()?;
    let mut k = 0;
    while k < cfg.draft_entries {
        let end = (k + cfg.batch).min(cfg.draft_entries);
        let rows: Vec<_> = (k..end)
            .map(|j| {
                firms
                    .raw
                    .entry_row(&firms.plan, firms.plan.draft_entry(j), firms.admin_id)
            })
            .collect();
        firms.raw.insert_entries(&rows)?;
        admin.time().record_many(
            (k..end)
                .map(|j| firms.plan.draft_entry(j).to_new(&firms.plan))
                .collect(),
        )?;
        k = end;
    }
    Ok(())
}

/// Setup: bills drafted, approved and issued month by month, their payments, and client
/// money, through the services and the raw SQL alike. Returns the number of bills.
fn billing(cfg: &Config, firms: &mut Firms, results: &mut Results) -> AnyResult<usize> {
    let bf = firms.open(cfg.setup)?;
    let admin = bf.admin()?;
    let Firms {
        raw,
        plan,
        clock,
        admin_id,
        ..
    } = firms;
    let admin_id = *admin_id;
    progress("planning bills ...");
    let bills = plan.bills(cfg.bills);
    progress(&format!(
        "drafting, approving and issuing {} bills ...",
        bills.len()
    ));
    let (mut t_raw, mut t_lex) = (Duration::ZERO, Duration::ZERO);
    let mut issued: Vec<(BillSpec, BillId, [u8; 16], i64)> = Vec::with_capacity(bills.len());
    let (mut lines_raw, mut lines_lex, mut total_mismatch) = (0usize, 0usize, 0u64);
    for (n, spec) in bills.iter().enumerate() {
        let f = plan.facts[spec.matter];
        clock.set(noon(spec.issued_on));
        let (mut raw_bill, mut lex_bill) = (None, None);
        for side in [n % 2, 1 - n % 2] {
            let start = Instant::now();
            if side == 0 {
                raw_bill = Some(raw.issue_bill(
                    f.id,
                    f.client,
                    START,
                    spec.period_to,
                    spec.issued_on,
                    admin_id,
                )?);
                t_raw += start.elapsed();
            } else {
                lex_bill = Some(steps::issue_bill(&admin, &f, spec)?);
                t_lex += start.elapsed();
            }
        }
        let (raw_id, raw_total, raw_lines) = raw_bill.ok_or("raw bill")?;
        let bill = lex_bill.ok_or("lexcase bill")?;
        let lex_total = minor(bill.totals.total);
        lines_raw += raw_lines;
        lines_lex += bill.lines.len();
        if lex_total != raw_total {
            total_mismatch += 1;
        }
        issued.push((*spec, bill.id, raw_id, lex_total));
    }
    results.load(
        "bills drafted (hourly, a month's unbilled work), approved and issued; raw: one transaction each",
        bills.len() as u64,
        Some(t_raw),
        t_lex,
        cfg.setup,
    );
    results.check("bill lines written", lines_raw, lines_lex);
    results.check("bills whose totals differ", 0, total_mismatch);

    progress("payments ...");
    clock.set(noon(TODAY));
    let payments: Vec<(&BillSpec, BillId, [u8; 16], i64, PaymentSpec)> = issued
        .iter()
        .filter_map(|(spec, lex_id, raw_id, total)| {
            plan.payment(spec)
                .map(|p| (spec, *lex_id, *raw_id, p.amount_minor(*total), p))
        })
        .filter(|(_, _, _, amount, _)| *amount > 0)
        .collect();
    let (mut t_raw, mut t_lex) = (Duration::ZERO, Duration::ZERO);
    for (n, (spec, lex_id, raw_id, amount, p)) in payments.iter().enumerate() {
        let f = plan.facts[spec.matter];
        for side in [n % 2, 1 - n % 2] {
            let start = Instant::now();
            if side == 0 {
                raw.pay(*raw_id, f.client, p, *amount, spec.seq, admin_id)?;
                t_raw += start.elapsed();
            } else {
                steps::pay(&admin, &f, p, *amount, spec.seq, *lex_id)?;
                t_lex += start.elapsed();
            }
        }
    }
    results.load(
        "payments allocated to bills",
        payments.len() as u64,
        Some(t_raw),
        t_lex,
        cfg.setup,
    );

    progress("client money ...");
    let trust = plan.client_money();
    let (mut t_raw, mut t_lex) = (Duration::ZERO, Duration::ZERO);
    for (n, t) in trust.iter().enumerate() {
        let f = plan.facts[t.matter];
        clock.set(noon(t.date));
        for side in [n % 2, 1 - n % 2] {
            let start = Instant::now();
            if side == 0 {
                raw.trust(plan, t, admin_id)?;
                t_raw += start.elapsed();
            } else {
                steps::hold(&admin, &f, t)?;
                t_lex += start.elapsed();
            }
        }
    }
    results.load(
        "client-money receipts and payments",
        trust.len() as u64,
        Some(t_raw),
        t_lex,
        cfg.setup,
    );
    clock.set(noon(TODAY));
    Ok(bills.len())
}

/// Workload 3: the four reports, raw and lexcase alternating run by run.
fn reports(cfg: &Config, firms: &mut Firms, results: &mut Results) -> AnyResult<()> {
    progress("reports ...");
    firms.clock.set(noon(TODAY));
    let bf = firms.open(Durability::Full)?;
    let admin = bf.admin()?;
    let (raw, gbp) = (&firms.raw, firms.gbp);
    let mut answers = serde_json::Map::new();

    let (m, raw_wip, lex_wip) = interleave(
        cfg.runs,
        cfg.budget,
        || Ok(raw.wip()?),
        || Ok(admin.reports().wip()?),
    )?;
    results.compare(
        format!(
            "WIP of every matter and of every fee earner (`reports().wip()`; raw: two GROUP BY){}",
            m.note(cfg.runs)
        ),
        Some(m.raw),
        m.lex,
        Unit::Seconds,
        Target::AtMost(3.0),
        "≤ 3 × raw",
    );
    results.python.insert("wip_s".into(), json!(m.lex));
    let raw_value = from_minor(raw_wip.0.iter().map(|w| w.2).sum());
    let raw_secs: i64 = raw_wip.0.iter().map(|w| w.1).sum();
    let lex_value = from_minor(lex_wip.0.iter().map(|w| minor(w.unbilled_time_value)).sum());
    let lex_secs: u64 = lex_wip.0.iter().map(|w| w.unbilled_seconds).sum();
    answers.insert("wip_value".into(), json!(lex_value.to_string()));
    results.check(
        "WIP: matters, fee earners",
        format!("{}, {}", raw_wip.0.len(), raw_wip.1.len()),
        format!("{}, {}", lex_wip.0.len(), lex_wip.1.len()),
    );
    results.check(
        "WIP: unbilled seconds, value",
        format!("{raw_secs}, {raw_value}"),
        format!("{lex_secs}, {lex_value}"),
    );

    let from = TODAY.checked_sub_days(Days::new(364)).ok_or("date")?;
    let available = Decimal::from(7);
    let (m, raw_hours, lex_hours) = interleave(
        cfg.runs,
        cfg.budget,
        || Ok(raw.hours(from, TODAY)?),
        || Ok(admin.reports().hours(from, TODAY, available)?),
    )?;
    results.compare(
        format!(
            "hours per fee earner over a year ({from} to {TODAY}){}",
            m.note(cfg.runs)
        ),
        Some(m.raw),
        m.lex,
        Unit::Seconds,
        Target::AtMost(3.0),
        "≤ 3 × raw",
    );
    results.python.insert("hours_s".into(), json!(m.lex));
    let lex_recorded: u64 = lex_hours.iter().map(|h| h.recorded_seconds).sum();
    answers.insert("hours_recorded_seconds".into(), json!(lex_recorded));
    results.check(
        "hours: fee earners, recorded seconds, recorded value, billed value",
        format!(
            "{}, {}, {}, {}",
            raw_hours.len(),
            raw_hours.iter().map(|h| h.recorded).sum::<i64>(),
            from_minor(raw_hours.iter().map(|h| h.recorded_value).sum()),
            from_minor(raw_hours.iter().map(|h| h.billed_value).sum()),
        ),
        format!(
            "{}, {lex_recorded}, {}, {}",
            lex_hours.len(),
            from_minor(lex_hours.iter().map(|h| minor(h.recorded_value)).sum()),
            from_minor(lex_hours.iter().map(|h| minor(h.billed_value)).sum()),
        ),
    );

    let (m, raw_aged, lex_aged) = interleave(
        cfg.runs,
        cfg.budget,
        || Ok(raw.aged_debt(TODAY, "GBP")?),
        || Ok(admin.payments().aged_debt(TODAY, gbp)?),
    )?;
    results.compare(
        format!(
            "aged debt (0–30, 31–60, 61–90, 90+) of the issued bills{}",
            m.note(cfg.runs)
        ),
        Some(m.raw),
        m.lex,
        Unit::Seconds,
        Target::AtMost(3.0),
        "≤ 3 × raw",
    );
    results.python.insert("aged_debt_s".into(), json!(m.lex));
    answers.insert(
        "aged_total".into(),
        json!(from_minor(minor(lex_aged.total.amount)).to_string()),
    );
    let show = |v: Vec<i64>| {
        v.iter()
            .map(|p| from_minor(*p).to_string())
            .collect::<Vec<_>>()
            .join(" / ")
    };
    results.check(
        "aged debt: buckets and total",
        show(raw_aged.to_vec()),
        show(
            [
                lex_aged.current,
                lex_aged.days_31_60,
                lex_aged.days_61_90,
                lex_aged.over_90,
                lex_aged.total,
            ]
            .iter()
            .map(|m| minor(m.amount))
            .collect(),
        ),
    );

    let (m, raw_bal, lex_bal) = interleave(
        cfg.runs,
        cfg.budget,
        || Ok(raw.balances(TODAY)?),
        || Ok(admin.reports().client_money_balances(TODAY)?),
    )?;
    results.compare(
        format!(
            "client-money balance of every ledger, and their total{}",
            m.note(cfg.runs)
        ),
        Some(m.raw),
        m.lex,
        Unit::Seconds,
        Target::AtMost(3.0),
        "≤ 3 × raw",
    );
    results.python.insert("balances_s".into(), json!(m.lex));
    let lex_total = from_minor(lex_bal.iter().map(|b| minor(b.balance.amount)).sum());
    answers.insert("balances_total".into(), json!(lex_total.to_string()));
    results.check(
        "client money: ledgers, total",
        format!("{}, {}", raw_bal.0.len(), from_minor(raw_bal.1)),
        format!("{}, {lex_total}", lex_bal.len()),
    );
    results.python.insert(
        "reports".into(),
        json!({
            "hours_from": from.to_string(), "hours_to": TODAY.to_string(),
            "available_hours_per_day": "7", "as_of": TODAY.to_string(), "currency": "GBP",
            "runs": cfg.runs,
        }),
    );
    results.python.insert("answers".into(), answers.into());
    Ok(())
}

/// Workload 4: drafting a bill from the reserved matter's unbilled entries (raw: reading them
/// and inserting the lines; each side's bill is undone, untimed, after each run).
fn drafting(cfg: &Config, firms: &mut Firms, results: &mut Results) -> AnyResult<()> {
    progress("drafting from the reserved matter ...");
    firms.clock.set(noon(TODAY));
    let bf = firms.open(Durability::Full)?;
    let admin = bf.admin()?;
    let f = firms.plan.facts[firms.plan.draft_matter];
    let request = DraftRequest {
        client: f.client,
        matters: vec![f.id],
        period_from: START,
        period_to: TODAY,
        arrangement: FeeArrangement::Hourly,
        discount: None,
        description: "For services rendered".into(),
    };
    let (mut rt, mut lt) = (Vec::new(), Vec::new());
    let (mut raw_lines, mut lex_lines) = (0, 0);
    let started = Instant::now();
    for run in 0..3 {
        for side in [run % 2, 1 - run % 2] {
            if side == 0 {
                let start = Instant::now();
                let (id, lines) =
                    firms
                        .raw
                        .draft_lines(f.id, f.client, (START, TODAY), firms.admin_id)?;
                rt.push(start.elapsed());
                raw_lines = lines;
                firms.raw.delete_bill(id)?;
            } else {
                let start = Instant::now();
                let bill = admin.bills().draft(request.clone())?;
                lt.push(start.elapsed());
                lex_lines = bill.lines.len();
                admin.bills().void(bill.id, bill.version, "bench")?;
            }
        }
        if started.elapsed() > cfg.budget {
            break;
        }
    }
    results.compare(
        format!(
            "draft a bill from a matter with {} unbilled entries (raw: read the rows + insert the lines; median of {})",
            cfg.draft_entries,
            lt.len()
        ),
        Some(median(&mut rt).as_secs_f64()),
        median(&mut lt).as_secs_f64(),
        Unit::Seconds,
        Target::AtMost(3.0),
        "≤ 3 × raw",
    );
    results.check("draft: lines", raw_lines, lex_lines);
    Ok(())
}

/// Workload 5: a fee earner's open matters in a practice area, at `matters` matters.
fn lists(cfg: &Config, firms: &mut Firms, results: &mut Results) -> AnyResult<()> {
    progress("list queries ...");
    let bf = firms.open(Durability::Full)?;
    let conn = raw::connect(firms.raw.path(), Durability::Full)?;
    let mut at_size = Vec::new();
    for (who, user) in fee_earners(&bf) {
        let session = bf.firm.session(user)?;
        let filter = open_in_area(user);
        let list_cfg = Config {
            runs: cfg.list_runs,
            ..cfg.clone()
        };
        let (m, raw_list, lex_list) = interleave(
            list_cfg.runs,
            list_cfg.budget,
            || Ok(raw::open_matters_by_area(&conn, user, LIST_AREA)?),
            || Ok(session.matters().list(filter.clone(), Page::first(50)?)?),
        )?;
        results.compare(
            format!(
                "{who} fee earner's open matters in {LIST_AREA}, first page of 50 + total, at {} matters",
                cfg.matters
            ),
            Some(m.raw),
            m.lex,
            Unit::Seconds,
            Target::Absolute(0.001),
            "≤ 1 ms",
        );
        results.check(
            &format!("list ({who} fee earner): page, total"),
            format!("{}, {}", raw_list.0, raw_list.1),
            format!("{}, {}", lex_list.items.len(), lex_list.total),
        );
        at_size.push(m.lex);
    }
    results.python.insert("list_s".into(), json!(at_size));
    Ok(())
}

/// The busiest fee earner and a typical one.
fn fee_earners(bf: &BenchFirm) -> [(&'static str, UserId); 2] {
    let fe = &bf.staff.fee_earners;
    [
        ("the busiest", fe[0].id),
        ("a typical", fe[10 % fe.len()].id),
    ]
}

/// `user`'s open matters in [`LIST_AREA`].
fn open_in_area(user: UserId) -> MatterFilter {
    MatterFilter {
        status: Some(MatterStatus::Open),
        practice_area: Some(LIST_AREA.into()),
        fee_earner: Some(user),
        ..MatterFilter::default()
    }
}

/// Workload 6: the size of both files after a checkpoint (lexcase closed).
fn sizes(cfg: &Config, firms: &Firms, results: &mut Results, bills: usize) -> AnyResult<()> {
    progress("file sizes ...");
    let lex_size = raw::file_size(&firms.lex_path)?;
    let raw_size = firms.raw.size()?;
    results.compare(
        format!(
            "database file for the same data ({} matters, {} entries, {bills} bills, payments, client money; lexcase with its audit log)",
            cfg.matters,
            cfg.entries + cfg.single + cfg.draft_entries,
        ),
        Some(raw_size.bytes as f64),
        lex_size.bytes as f64,
        Unit::Bytes,
        Target::AtMost(2.0),
        "≤ 2 × raw",
    );
    results.details.push(size_table(&lex_size, &raw_size));
    if let Some(py) = &cfg.py_dir {
        std::fs::copy(&firms.lex_path, py.join("final.lexcase"))?;
    }
    Ok(())
}

/// The sizes of both files by table, side by side.
fn size_table(lex: &FileSize, raw: &FileSize) -> String {
    let mut t = Table::new(&["table (with its indexes)", "raw", "lexcase"]);
    let mut names: Vec<&String> = lex.tables.iter().map(|(n, _)| n).collect();
    for (n, _) in &raw.tables {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    let get = |f: &FileSize, n: &str| {
        f.tables
            .iter()
            .find(|(m, _)| m == n)
            .map_or_else(|| "-".to_owned(), |(_, b)| mib(*b))
    };
    for n in names {
        let big = |f: &FileSize| f.tables.iter().any(|(m, b)| m == n && *b >= 50 * 1024);
        if !big(raw) && !big(lex) {
            continue;
        }
        let (r, l) = (get(raw, n), get(lex, n));
        t.row(vec![n.clone(), r, l]);
    }
    t.row(vec![
        "**file** (page_count × page_size, after a checkpoint)".into(),
        mib(raw.bytes),
        mib(lex.bytes),
    ]);
    format!("### File size by table\n\n{}", t.render())
}

/// The regular entries, for the Python bench (which records the same ones).
fn write_entries_csv(plan: &Plan, path: &Path) -> AnyResult<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        out,
        "matter,user,date,seconds,billability,task_code,activity_code,narrative"
    )?;
    for i in 0..plan.entries {
        let e = plan.entry(i);
        writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            plan.facts[e.matter].id,
            e.user,
            e.date,
            e.seconds,
            e.billability.as_str(),
            e.task_code.unwrap_or(""),
            e.activity_code.unwrap_or(""),
            e.narrative
        )?;
    }
    out.flush()?;
    Ok(())
}

// ------------------------------------------------------------------------ the big store

/// The store of `big_matters` matters and `names` contacts: the compliance sweep at
/// `sweep_matters` matters, the list query at `big_matters` and conflict searches.
fn big_store(cfg: &Config, dir: &Path, results: &mut Results) -> AnyResult<()> {
    let lex_path = dir.join("big-lexcase.sqlite");
    let raw_path = dir.join("big-raw.sqlite");
    progress("big store: firm ...");
    let store: Arc<dyn Store> = Arc::new(open_file(&lex_path, Durability::Normal)?);
    let bf = setup_firm_on(
        Firm::with_clock(store, Arc::new(lexcase::clock::SystemClock)),
        FIFTY_TIMEKEEPERS,
    )?;
    let store = bf.firm.store().clone();
    let mut raw_conn = raw::create_matters_only(&raw_path)?;

    progress(&format!(
        "big store: {} contacts with realistic names ...",
        cfg.names
    ));
    let (share, distinct) = surname_stats(cfg.names.min(1_000_000));
    let mut contacts = Vec::with_capacity(cfg.names as usize);
    let start = Instant::now();
    let mut k = 0;
    while k < cfg.names {
        let end = (k + 20_000).min(cfg.names);
        let part = make_contacts(k..end)?;
        write_contacts(&*store, &part, 20_000)?;
        contacts.extend(part);
        k = end;
    }
    results.load(
        "contacts with their conflict-search keys (lexcase through the store)",
        cfg.names,
        None,
        start.elapsed(),
        Durability::Normal,
    );

    let sweep_at = cfg.sweep_matters.min(cfg.big_matters);
    let mut raw_time = Duration::ZERO;
    let mut add_matters = |range: std::ops::Range<u64>, raw_time: &mut Duration| {
        write_matters(&bf, &contacts, range, 10_000, |chunk| {
            let t = Instant::now();
            let tx = raw_conn.transaction()?;
            raw::insert_matters(&tx, chunk, false)?;
            tx.commit()?;
            *raw_time += t.elapsed();
            Ok(())
        })
        .map(drop)
    };
    progress(&format!("big store: {sweep_at} matters ..."));
    let start = Instant::now();
    add_matters(0..sweep_at, &mut raw_time)?;

    progress("compliance sweep ...");
    let admin = bf.admin()?;
    let ids: Vec<String> = CompliancePack::builtin()
        .into_iter()
        .map(|p| p.id)
        .collect();
    admin.compliance().set_packs_in_force(&ids)?;
    let t = Instant::now();
    let swept = admin.compliance().sweep()?;
    let took = t.elapsed();
    let findings: usize = swept.iter().map(|m| m.findings.len()).sum();
    results.compare(
        format!(
            "compliance sweep of {sweep_at} matters, {} built-in packs ({} matters with findings, {findings} findings)",
            ids.len(),
            swept.len()
        ),
        None,
        took.as_secs_f64(),
        Unit::Seconds,
        Target::Absolute(2.0),
        "≤ 2 s",
    );
    drop(swept);

    progress(&format!("big store: matters up to {} ...", cfg.big_matters));
    add_matters(sweep_at..cfg.big_matters, &mut raw_time)?;
    let lex_time = start.elapsed() - raw_time;
    results.load(
        "matters (lexcase `insert_matter`; raw: matter rows and members only)",
        cfg.big_matters,
        Some(raw_time),
        lex_time,
        Durability::Normal,
    );
    drop(contacts);

    progress("list queries at scale ...");
    let at_main: Vec<f64> = results
        .python
        .get("list_s")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    let list_cfg = Config {
        runs: cfg.list_runs,
        ..cfg.clone()
    };
    for (n, (who, user)) in fee_earners(&bf).into_iter().enumerate() {
        let session = bf.firm.session(user)?;
        let filter = open_in_area(user);
        let (m, raw_list, lex_list) = interleave(
            list_cfg.runs,
            list_cfg.budget,
            || Ok(raw::open_matters_by_area(&raw_conn, user, LIST_AREA)?),
            || Ok(session.matters().list(filter.clone(), Page::first(50)?)?),
        )?;
        results.compare(
            format!(
                "{who} fee earner's open matters in {LIST_AREA}, first page of 50 + total, at {} matters",
                cfg.big_matters
            ),
            Some(m.raw),
            m.lex,
            Unit::Seconds,
            Target::Absolute(0.002),
            "≤ 2 ms (2 × 1 ms)",
        );
        if let Some(small) = at_main.get(n) {
            results.compare(
                format!(
                    "… the same query, lexcase at {} matters against lexcase at {} (shown as raw)",
                    cfg.big_matters, cfg.matters
                ),
                Some(*small),
                m.lex,
                Unit::Seconds,
                Target::AtMost(2.0),
                format!("≤ 2 × lexcase at {}", cfg.matters),
            );
        }
        results.check(
            &format!("list at scale ({who} fee earner): page, total"),
            format!("{}, {}", raw_list.0, raw_list.1),
            format!("{}, {}", lex_list.items.len(), lex_list.total),
        );
    }

    progress(&format!("{} conflict searches ...", cfg.searches));
    let mut times = Vec::with_capacity(cfg.searches as usize);
    let mut hits = 0;
    for k in 0..cfg.searches {
        let q = conflict_query(k, cfg.names);
        let t = Instant::now();
        hits += admin.conflicts().search(&[q], &[])?.len();
        times.push(t.elapsed());
    }
    times.sort_unstable();
    let p95 = percentile(&times, 95);
    results.compare(
        format!(
            "conflict search, one name, over {} names (p95 of {})",
            cfg.names, cfg.searches
        ),
        None,
        p95.as_secs_f64(),
        Unit::Seconds,
        Target::Absolute(0.020),
        "p95 ≤ 20 ms",
    );
    results.details.push(format!(
        "### Conflict search\n\n{} names: the commonest surname is carried by {:.2} % of the \
         persons, {distinct} distinct surnames; 7 in 10 searches name an existing contact \
         (with a misspelling, capitals or another company suffix), 3 in 10 a new person.\n\n\
         | searches | p50 | p95 | max | hits per search (mean) |\n|---|---|---|---|---|\n\
         | {} | {} | {} | {} | {:.1} |\n",
        cfg.names,
        share * 100.0,
        cfg.searches,
        duration(percentile(&times, 50)),
        duration(p95),
        duration(times.last().copied().unwrap_or_default()),
        hits as f64 / cfg.searches.max(1) as f64,
    ));
    Ok(())
}

// ------------------------------------------------------------------------------- report

fn print_report(cfg: &Config, results: &Results, took: Duration) {
    println!("# lexcase store scale: raw rusqlite beside lexcase\n");
    let mut sizes = Vec::new();
    if cfg.main {
        sizes.push(format!(
            "{} matters, {} time entries in batches of {}, {} bills asked for, {} one-entry \
             commands, {} entries on the drafted matter",
            cfg.matters, cfg.entries, cfg.batch, cfg.bills, cfg.single, cfg.draft_entries
        ));
    }
    if cfg.big {
        sizes.push(format!(
            "{} matters and {} names in the big store (sweep at {})",
            cfg.big_matters,
            cfg.names,
            cfg.sweep_matters.min(cfg.big_matters)
        ));
    }
    let skipped = if cfg.skip.is_empty() {
        String::new()
    } else {
        format!(" Skipped: {}.", cfg.skip.join(", "))
    };
    println!(
        "Machine: {}. Run of {} UTC, {} in all. Sizes: {}. Queries: medians of {} runs (lists: \
         {}; at most {} s of repetitions per query), raw and lexcase alternating; setup at {}.{} \
         Files in {}.\n",
        machine(),
        Utc::now().format("%Y-%m-%d %H:%M"),
        duration(took),
        sizes.join("; "),
        cfg.runs,
        cfg.list_runs,
        cfg.budget.as_secs(),
        durability_name(cfg.setup),
        skipped,
        cfg.dir.display(),
    );
    println!("## Targets\n");
    println!(
        "Ratio: lexcase ÷ raw (throughputs: higher is better; times and sizes: lower is better). \
         A \"-\" raw figure: the target is absolute.\n"
    );
    print!("{}", comparison_table(&results.comparisons).render());
    println!("\n## Loads\n");
    print!("{}", results.loads.render());
    println!("\n## Checks\n");
    print!("{}", results.checks.render());
    for d in &results.details {
        println!("\n{d}");
    }
}
