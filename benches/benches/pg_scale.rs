//! The firm workload on PostgreSQL and on Citus: lexcase's PostgreSQL store beside a
//! hand-written program on the `postgres` crate ("raw", `lexcase_benches::raw_pg`) holding the
//! same rows, measured in the same run against the same server, with the ratio of the two;
//! then write throughput with 1, 2, 4 and 8 concurrent writer processes, on different firms and
//! on one firm. One-shot, printed as Markdown.
//!
//! ```text
//! scripts/bench-pg.sh                     # throwaway durable clusters, release build, figures
//! LEXCASE_BENCH_PG_URL=postgresql://lexcase_app@127.0.0.1:5432/firms \
//! LEXCASE_BENCH_PG_OWNER_URL=postgresql://lexcase_owner@127.0.0.1:5432/firms \
//!     cargo bench -p lexcase-benches --bench pg_scale
//! ```
//!
//! **Data**: the generators of `store_scale` (`lexcase_benches::work`): a firm of 50
//! timekeepers with rates; `MATTERS` matters of as many contacts, written once and given to
//! both sides (lexcase through the store, as `store_scale` does; raw as matter rows and their
//! members); `ENTRIES` time entries over two years in batches of `BATCH`; `SINGLE` entries one
//! per durable command; about `BILLS` bills drafted, approved and issued through lexcase's
//! services (the raw program writes a bill row with the same total and marks the same time
//! billed), their payments and client money on a quarter of the matters. Loads alternate batch
//! by batch between the two sides, queries run by run (medians).
//!
//! **Writers**: the bench re-executes itself (`pg_scale writer …`) as 1, 2, 4 and 8 processes,
//! each recording `WRITES` entries one per durable command, on a firm of its own and all on
//! one firm (lexcase takes the firm's row lock for each write); the raw figure is as many
//! processes each committing `WRITES` one-row inserts into the raw table (raw has no firm
//! lock, so it is the same for both).
//!
//! **Environment**:
//!
//! | variable | default | what |
//! |---|---|---|
//! | `LEXCASE_BENCH_PG_URL` | - | the application role's URL on PostgreSQL (no URL: that part is skipped) |
//! | `LEXCASE_BENCH_PG_OWNER_URL` | the app URL | the schema owner: migrates lexcase (granting the app role) and holds the raw schema |
//! | `LEXCASE_BENCH_CITUS_URL`, `LEXCASE_BENCH_CITUS_OWNER_URL` | - | the same on a Citus coordinator (raw tables are plain coordinator tables) |
//! | `LEXCASE_BENCH_MATTERS` | 2 000 | matters (and contacts) |
//! | `LEXCASE_BENCH_ENTRIES` | 30 000 | time entries ingested (lexcase's batches slow down as the store grows on PostgreSQL: see benches/RESULTS.md) |
//! | `LEXCASE_BENCH_BATCH` | 5 000 | entries per `record_many` / raw transaction |
//! | `LEXCASE_BENCH_SINGLE` | 300 | entries one per durable command |
//! | `LEXCASE_BENCH_BILLS` | 500 | bills asked for |
//! | `LEXCASE_BENCH_RUNS` | 5 | runs per report query (median) |
//! | `LEXCASE_BENCH_LIST_RUNS` | 20 | runs per list query (median) |
//! | `LEXCASE_BENCH_WRITES` | 100 | one-entry commands per writer process |
//! | `LEXCASE_BENCH_WRITERS` | `1,2,4,8` | writer process counts |
//!
//! Durability is the server's (`scripts/bench-pg.sh` starts its clusters with `fsync`,
//! `synchronous_commit` and `full_page_writes` on). Run as a test (`cargo test --benches`) it
//! skips with a message when no URL is set, and does a small smoke run when one is.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Days, Utc};
use lexcase::clock::{Clock, FixedClock, SystemClock};
use lexcase::matters::MatterStatus;
use lexcase::money::Currency;
use lexcase::service::{Firm, MatterFilter};
use lexcase::store::{Page, Store};
use lexcase::timekeeping::NewTimeEntry;
use lexcase::{MatterId, UserId};
use lexcase_benches::raw::RawEntry;
use lexcase_benches::raw_pg::{self, RawPg};
use lexcase_benches::report::{Comparison, Table, Target, Unit, comparison_table, duration};
use lexcase_benches::scale::{
    AnyResult, interleave, machine, make_contacts, rate, write_contacts, write_matters,
};
use lexcase_benches::steps;
use lexcase_benches::work::{EntrySpec, NARRATIVES, Plan, START, TODAY, from_minor, minor, noon};
use lexcase_benches::{
    BenchFirm, FIFTY_TIMEKEEPERS, StaffSizes, env_number, seed_raw, setup_firm_on,
};
use lexcase_postgres::{MigrateOptions, PgDatabase, PgOptions, migrate};
use rust_decimal::Decimal;
use uuid::Uuid;

/// The practice area of the list query (the commonest).
const LIST_AREA: &str = "residential conveyancing";

/// The sizes of a run.
#[derive(Debug, Clone)]
struct Config {
    matters: u64,
    entries: u64,
    batch: u64,
    single: u64,
    bills: u64,
    runs: usize,
    list_runs: usize,
    writes: u64,
    writers: Vec<usize>,
}

impl Config {
    fn from_env() -> Self {
        // `cargo bench` passes `--bench`; `cargo test --benches` does not: then a smoke run.
        let bench = std::env::args().any(|a| a == "--bench");
        let size = |name: &str, full: u64, smoke: u64| {
            if bench { env_number(name, full) } else { smoke }
        };
        let writers = std::env::var("LEXCASE_BENCH_WRITERS")
            .ok()
            .filter(|_| bench)
            .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .unwrap_or_else(|| if bench { vec![1, 2, 4, 8] } else { vec![1, 2] });
        Self {
            matters: size("LEXCASE_BENCH_MATTERS", 2_000, 100),
            entries: size("LEXCASE_BENCH_ENTRIES", 30_000, 1_000),
            batch: size("LEXCASE_BENCH_BATCH", 5_000, 500),
            single: size("LEXCASE_BENCH_SINGLE", 300, 10),
            bills: size("LEXCASE_BENCH_BILLS", 500, 20),
            runs: size("LEXCASE_BENCH_RUNS", 5, 1) as usize,
            list_runs: size("LEXCASE_BENCH_LIST_RUNS", 20, 2) as usize,
            writes: size("LEXCASE_BENCH_WRITES", 100, 5),
            writers,
        }
    }
}

/// One server to run on: its name, the application's URL and the owner's.
#[derive(Debug, Clone)]
struct Server {
    name: &'static str,
    app: String,
    owner: String,
}

fn progress(what: &str) {
    eprintln!("[pg_scale {}] {what}", Utc::now().format("%H:%M:%S"));
}

fn main() -> AnyResult<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("writer") {
        return writer(&args[2..]);
    }
    let cfg = Config::from_env();
    let mut targets = Vec::new();
    for (name, app, owner) in [
        (
            "PostgreSQL",
            "LEXCASE_BENCH_PG_URL",
            "LEXCASE_BENCH_PG_OWNER_URL",
        ),
        (
            "Citus",
            "LEXCASE_BENCH_CITUS_URL",
            "LEXCASE_BENCH_CITUS_OWNER_URL",
        ),
    ] {
        if let Ok(app) = std::env::var(app) {
            let owner = std::env::var(owner).unwrap_or_else(|_| app.clone());
            targets.push(Server { name, app, owner });
        }
    }
    if targets.is_empty() {
        eprintln!(
            "pg_scale: skipped: set LEXCASE_BENCH_PG_URL (and LEXCASE_BENCH_CITUS_URL) to run it \
             (scripts/bench-pg.sh starts throwaway clusters)"
        );
        return Ok(());
    }
    for t in &targets {
        let started = Instant::now();
        let results = run(&cfg, t)?;
        print_report(&cfg, t, &results, started.elapsed());
    }
    Ok(())
}

/// Everything one server's run reports.
#[derive(Debug)]
struct Results {
    comparisons: Vec<Comparison>,
    loads: Table,
    checks: Table,
    writers: Table,
    /// lexcase's ingest batches, in order.
    batches: Vec<Duration>,
}

impl Results {
    fn new() -> Self {
        Self {
            comparisons: Vec::new(),
            loads: Table::new(&["load (setup, for reference)", "rows", "raw", "lexcase"]),
            checks: Table::new(&["same answer on both sides?", "raw", "lexcase", "equal"]),
            writers: Table::new(&[
                "writer processes",
                "raw (one-row commits)",
                "lexcase, a firm each",
                "ratio",
                "lexcase, all on one firm",
                "ratio",
            ]),
            batches: Vec::new(),
        }
    }

    fn compare(&mut self, workload: String, raw: f64, lex: f64, unit: Unit) {
        self.comparisons.push(Comparison {
            workload,
            raw: Some(raw),
            lexcase: lex,
            unit,
            target: Target::None,
            target_text: "-".into(),
        });
    }

    fn load(&mut self, what: &str, rows: u64, raw: Duration, lex: Duration) {
        let show = |t: Duration| format!("{} ({:.0}/s)", duration(t), rate(rows, t));
        self.loads.row(vec![
            what.to_owned(),
            rows.to_string(),
            show(raw),
            show(lex),
        ]);
    }

    fn check(&mut self, what: &str, raw: impl ToString, lex: impl ToString) {
        let (raw, lex) = (raw.to_string(), lex.to_string());
        let equal = if raw == lex { "yes" } else { "**NO**" };
        self.checks
            .row(vec![what.to_owned(), raw, lex, equal.to_owned()]);
    }
}

/// The role of a URL (the application role the owner grants to).
fn role_of(url: &str) -> AnyResult<String> {
    Ok(postgres::Config::from_str(url)?
        .get_user()
        .ok_or("a URL without a user")?
        .to_owned())
}

/// Migrates (as the owner, unless it is the app role) and connects as the application.
fn database(t: &Server, max_connections: u32) -> AnyResult<PgDatabase> {
    if t.owner != t.app {
        migrate(
            &t.owner,
            &MigrateOptions {
                app_role: Some(role_of(&t.app)?),
                ..MigrateOptions::default()
            },
        )?;
    }
    Ok(PgDatabase::connect(
        &t.app,
        PgOptions {
            max_connections,
            ..PgOptions::default()
        },
    )?)
}

/// The whole run on one server.
fn run(cfg: &Config, t: &Server) -> AnyResult<Results> {
    let mut results = Results::new();
    progress(&format!(
        "{}: setting up the firm on both sides ...",
        t.name
    ));
    let db = database(t, 4)?;
    let firm_id = Uuid::now_v7();
    let clock = Arc::new(FixedClock::new(noon(START)));
    let store: Arc<dyn Store> = Arc::new(db.open_firm(firm_id)?);
    let clock_dyn: Arc<dyn Clock> = clock.clone();
    let bf = setup_firm_on(Firm::with_clock(store, clock_dyn), FIFTY_TIMEKEEPERS)?;
    let admin = bf.admin()?;
    let mut settings = admin.time().billing_settings()?;
    let version = settings.version;
    settings.tax_rate = Decimal::new(20, 2);
    admin.time().set_billing_settings(settings, version)?;
    let mut raw = RawPg::create(&t.owner)?;
    raw.set_rates(&bf.users());
    let admin_id = bf.staff.admin.id;

    let contacts = make_contacts(0..cfg.matters)?;
    write_contacts(&**bf.firm.store(), &contacts, 5_000)?;
    let mut raw_time = Duration::ZERO;
    let start = Instant::now();
    let facts = write_matters(&bf, &contacts, 0..cfg.matters, 1_000, |chunk| {
        let t = Instant::now();
        raw.insert_matters(chunk)?;
        raw_time += t.elapsed();
        Ok(())
    })?;
    results.load(
        "matters (lexcase `insert_matter` with parties, history, team; raw: matter rows and members)",
        cfg.matters,
        raw_time,
        start.elapsed() - raw_time,
    );
    let plan = Plan::new(facts, cfg.entries).ok_or("no open, billable matter")?;

    // Workload 1: bulk ingest, batch by batch alternating.
    progress(&format!(
        "{}: ingesting {} time entries ...",
        t.name, cfg.entries
    ));
    let (mut t_raw, mut t_lex) = (Duration::ZERO, Duration::ZERO);
    let (mut i, mut b) = (0, 0);
    let mut batches = Vec::new();
    while i < cfg.entries {
        let end = (i + cfg.batch).min(cfg.entries);
        clock.set(noon(plan.entry(end - 1).date));
        for side in [b % 2, 1 - b % 2] {
            let start = Instant::now();
            if side == 0 {
                let rows: Vec<RawEntry> = (i..end)
                    .map(|k| raw.entry_row(&plan, plan.entry(k), admin_id))
                    .collect();
                raw.insert_entries(&rows)?;
                t_raw += start.elapsed();
            } else {
                let new = (i..end).map(|k| plan.entry(k).to_new(&plan)).collect();
                admin.time().record_many(new)?;
                let took = start.elapsed();
                t_lex += took;
                batches.push(took);
            }
        }
        i = end;
        b += 1;
        progress(&format!(
            "  {i} entries; lexcase's last batch {}",
            duration(batches.last().copied().unwrap_or_default())
        ));
    }
    results.batches = batches;
    results.compare(
        format!(
            "bulk time-entry ingest, {} entries in batches of {} (lexcase: `record_many` with audit)",
            cfg.entries, cfg.batch
        ),
        rate(cfg.entries, t_raw),
        rate(cfg.entries, t_lex),
        Unit::Rate,
    );

    // Workload 2: one durable command per entry, alternating entry by entry.
    progress(&format!(
        "{}: {} one-entry commands ...",
        t.name, cfg.single
    ));
    clock.set(noon(TODAY));
    let (mut t_raw, mut t_lex) = (Duration::ZERO, Duration::ZERO);
    for k in 0..cfg.single {
        for side in [k % 2, 1 - k % 2] {
            let start = Instant::now();
            if side == 0 {
                let row = raw.entry_row(&plan, plan.single(k), admin_id);
                raw.insert_entries(std::slice::from_ref(&row))?;
                t_raw += start.elapsed();
            } else {
                admin.time().record(plan.single(k).to_new(&plan))?;
                t_lex += start.elapsed();
            }
        }
    }
    results.compare(
        "one durable command: record one entry (lexcase with its audit event; raw: one-row commit)"
            .into(),
        rate(cfg.single, t_raw),
        rate(cfg.single, t_lex),
        Unit::Rate,
    );

    billing(cfg, &bf, &plan, &clock, &mut raw, &mut results)?;
    reports(cfg, &bf, &mut raw, &mut results)?;
    lists(cfg, &bf, &mut raw, &mut results)?;
    drop(admin);
    drop(bf);
    writers(cfg, t, &db, &mut results)?;
    Ok(results)
}

/// Setup: bills through lexcase's services (raw: the same totals, the same time billed),
/// payments and client money on both sides.
fn billing(
    cfg: &Config,
    bf: &BenchFirm,
    plan: &Plan,
    clock: &FixedClock,
    raw: &mut RawPg,
    results: &mut Results,
) -> AnyResult<()> {
    let admin = bf.admin()?;
    let bills = plan.bills(cfg.bills);
    progress(&format!(
        "drafting, approving and issuing {} bills ...",
        bills.len()
    ));
    let (mut t_raw, mut t_lex) = (Duration::ZERO, Duration::ZERO);
    let (mut lines_raw, mut lines_lex) = (0u64, 0usize);
    let mut issued = Vec::with_capacity(bills.len());
    for spec in &bills {
        let f = plan.facts[spec.matter];
        clock.set(noon(spec.issued_on));
        let start = Instant::now();
        let bill = steps::issue_bill(&admin, &f, spec)?;
        t_lex += start.elapsed();
        let total = minor(bill.totals.total);
        let start = Instant::now();
        let (raw_id, billed) = raw.issue_bill(
            f.id,
            f.client,
            (START, spec.period_to),
            spec.issued_on,
            total,
        )?;
        t_raw += start.elapsed();
        lines_raw += billed;
        lines_lex += bill.lines.len();
        issued.push((*spec, bill.id, raw_id, total));
    }
    results.load(
        "bills (lexcase: draft, approve, issue; raw: the bill row, the time marked billed)",
        bills.len() as u64,
        t_raw,
        t_lex,
    );
    results.check("time billed (bill lines)", lines_raw, lines_lex);

    progress("payments and client money ...");
    clock.set(noon(TODAY));
    let (mut t_raw, mut t_lex, mut n) = (Duration::ZERO, Duration::ZERO, 0);
    for (spec, lex_id, raw_id, total) in &issued {
        let Some(p) = plan.payment(spec) else {
            continue;
        };
        let amount = p.amount_minor(*total);
        if amount <= 0 {
            continue;
        }
        n += 1;
        let f = plan.facts[spec.matter];
        let start = Instant::now();
        raw.pay(*raw_id, amount)?;
        t_raw += start.elapsed();
        let start = Instant::now();
        steps::pay(&admin, &f, &p, amount, spec.seq, *lex_id)?;
        t_lex += start.elapsed();
    }
    results.load("payments allocated to bills", n, t_raw, t_lex);

    let trust = plan.client_money();
    let (mut t_raw, mut t_lex) = (Duration::ZERO, Duration::ZERO);
    for t in &trust {
        let f = plan.facts[t.matter];
        clock.set(noon(t.date));
        let start = Instant::now();
        raw.trust(plan, t, bf.staff.admin.id)?;
        t_raw += start.elapsed();
        let start = Instant::now();
        steps::hold(&admin, &f, t)?;
        t_lex += start.elapsed();
    }
    results.load(
        "client-money receipts and payments",
        trust.len() as u64,
        t_raw,
        t_lex,
    );
    clock.set(noon(TODAY));
    Ok(())
}

/// Workload 3: the four reports, raw and lexcase alternating run by run.
fn reports(cfg: &Config, bf: &BenchFirm, raw: &mut RawPg, results: &mut Results) -> AnyResult<()> {
    progress("reports ...");
    let admin = bf.admin()?;
    let gbp = Currency::parse("GBP")?;
    let budget = Duration::from_secs(120);
    let raw = std::cell::RefCell::new(raw);

    let (m, r, l) = interleave(
        cfg.runs,
        budget,
        || Ok(raw.borrow_mut().wip()?),
        || Ok(admin.reports().wip()?),
    )?;
    results.compare(
        format!(
            "WIP of every matter and every fee earner{}",
            m.note(cfg.runs)
        ),
        m.raw,
        m.lex,
        Unit::Seconds,
    );
    let lex_secs: u64 = l.0.iter().map(|w| w.unbilled_seconds).sum();
    let lex_value: i64 = l.0.iter().map(|w| minor(w.unbilled_time_value)).sum();
    results.check(
        "WIP: matters, fee earners, seconds, value",
        format!("{}, {}, {}, {}", r.0, r.1, r.2, from_minor(r.3)),
        format!(
            "{}, {}, {lex_secs}, {}",
            l.0.len(),
            l.1.len(),
            from_minor(lex_value)
        ),
    );

    let from = TODAY.checked_sub_days(Days::new(364)).ok_or("date")?;
    let (m, r, l) = interleave(
        cfg.runs,
        budget,
        || Ok(raw.borrow_mut().hours(from, TODAY)?),
        || Ok(admin.reports().hours(from, TODAY, Decimal::from(7))?),
    )?;
    results.compare(
        format!("hours per fee earner over a year{}", m.note(cfg.runs)),
        m.raw,
        m.lex,
        Unit::Seconds,
    );
    results.check(
        "hours: fee earners, recorded seconds, recorded value",
        format!(
            "{}, {}, {}",
            r.len(),
            r.iter().map(|h| h.recorded).sum::<i64>(),
            from_minor(r.iter().map(|h| h.recorded_value).sum())
        ),
        format!(
            "{}, {}, {}",
            l.len(),
            l.iter().map(|h| h.recorded_seconds).sum::<u64>(),
            from_minor(l.iter().map(|h| minor(h.recorded_value)).sum())
        ),
    );

    let (m, r, l) = interleave(
        cfg.runs,
        budget,
        || Ok(raw.borrow_mut().aged_debt(TODAY, "GBP")?),
        || Ok(admin.payments().aged_debt(TODAY, gbp)?),
    )?;
    results.compare(
        format!("aged debt (0–30, 31–60, 61–90, 90+){}", m.note(cfg.runs)),
        m.raw,
        m.lex,
        Unit::Seconds,
    );
    results.check(
        "aged debt: total",
        from_minor(r[4]),
        from_minor(minor(l.total.amount)),
    );

    let (m, r, l) = interleave(
        cfg.runs,
        budget,
        || Ok(raw.borrow_mut().balances(TODAY)?),
        || Ok(admin.reports().client_money_balances(TODAY)?),
    )?;
    results.compare(
        format!(
            "client-money balance of every ledger, and their total{}",
            m.note(cfg.runs)
        ),
        m.raw,
        m.lex,
        Unit::Seconds,
    );
    results.check(
        "client money: ledgers, total",
        format!("{}, {}", r.0.len(), from_minor(r.1)),
        format!(
            "{}, {}",
            l.len(),
            from_minor(l.iter().map(|b| minor(b.balance.amount)).sum())
        ),
    );
    Ok(())
}

/// Workload 4: a fee earner's open matters in a practice area, first page of 50 and total.
fn lists(cfg: &Config, bf: &BenchFirm, raw: &mut RawPg, results: &mut Results) -> AnyResult<()> {
    progress("list queries ...");
    let raw = std::cell::RefCell::new(raw);
    let fe = &bf.staff.fee_earners;
    for (who, user) in [
        ("the busiest", fe[0].id),
        ("a typical", fe[10 % fe.len()].id),
    ] {
        let session = bf.firm.session(user)?;
        let filter = MatterFilter {
            status: Some(MatterStatus::Open),
            practice_area: Some(LIST_AREA.into()),
            fee_earner: Some(user),
            ..MatterFilter::default()
        };
        let (m, r, l) = interleave(
            cfg.list_runs,
            Duration::from_secs(60),
            || Ok(raw.borrow_mut().open_matters_by_area(user, LIST_AREA)?),
            || Ok(session.matters().list(filter.clone(), Page::first(50)?)?),
        )?;
        results.compare(
            format!(
                "{who} fee earner's open matters in {LIST_AREA}, first page of 50 + total, at {} matters",
                cfg.matters
            ),
            m.raw,
            m.lex,
            Unit::Seconds,
        );
        results.check(
            &format!("list ({who} fee earner): page, total"),
            format!("{}, {}", r.0, r.1),
            format!("{}, {}", l.items.len(), l.total),
        );
    }
    Ok(())
}

// ------------------------------------------------------------------------------ writers

/// Small firms for the writer processes: 50 timekeepers and 60 matters each.
fn writer_firms(db: &PgDatabase, n: usize) -> AnyResult<Vec<Uuid>> {
    (0..n)
        .map(|_| {
            let id = Uuid::now_v7();
            let store: Arc<dyn Store> = Arc::new(db.open_firm(id)?);
            let bf = setup_firm_on(
                Firm::with_clock(store, Arc::new(SystemClock)),
                StaffSizes::default(),
            )?;
            seed_raw(&bf, 60, 60)?;
            Ok(id)
        })
        .collect()
}

/// Starts `n` writer processes with `args(k)`, waits until all are ready, starts them
/// together and returns the wall-clock time until the last one finished.
fn race(n: usize, args: impl Fn(usize) -> Vec<String>) -> AnyResult<Duration> {
    let exe = std::env::current_exe()?;
    let mut children: Vec<(Child, BufReader<std::process::ChildStdout>)> = Vec::new();
    for k in 0..n {
        let mut child = Command::new(&exe)
            .arg("writer")
            .args(args(k))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let out = BufReader::new(child.stdout.take().ok_or("no stdout")?);
        children.push((child, out));
    }
    for (_, out) in &mut children {
        let mut line = String::new();
        out.read_line(&mut line)?;
        if line.trim() != "ready" {
            return Err(format!("a writer did not get ready: {line:?}").into());
        }
    }
    let start = Instant::now();
    for (child, _) in &mut children {
        let stdin = child.stdin.as_mut().ok_or("no stdin")?;
        stdin.write_all(b"go\n")?;
        stdin.flush()?;
    }
    for (child, out) in &mut children {
        let mut line = String::new();
        out.read_line(&mut line)?;
        let status = child.wait()?;
        if !status.success() || line.trim() != "done" {
            return Err(format!("a writer failed ({status}): {line:?}").into());
        }
    }
    Ok(start.elapsed())
}

/// Workload 5: 1, 2, 4, 8 writer processes, a firm each and all on one firm, beside raw.
fn writers(cfg: &Config, t: &Server, db: &PgDatabase, results: &mut Results) -> AnyResult<()> {
    let most = cfg.writers.iter().copied().max().unwrap_or(1);
    progress(&format!(
        "{}: {most} small firms for the writers ...",
        t.name
    ));
    let firms = writer_firms(db, most)?;
    let writes = cfg.writes.to_string();
    for &n in &cfg.writers {
        progress(&format!("{}: {n} writer processes ...", t.name));
        let total = cfg.writes * n as u64;
        let raw = race(n, |k| {
            vec![
                "raw".into(),
                t.owner.clone(),
                "-".into(),
                writes.clone(),
                k.to_string(),
            ]
        })?;
        let apart = race(n, |k| {
            vec![
                "lexcase".into(),
                t.app.clone(),
                firms[k].to_string(),
                writes.clone(),
                k.to_string(),
            ]
        })?;
        let together = race(n, |k| {
            vec![
                "lexcase".into(),
                t.app.clone(),
                firms[0].to_string(),
                writes.clone(),
                k.to_string(),
            ]
        })?;
        let (r, a, o) = (rate(total, raw), rate(total, apart), rate(total, together));
        results.writers.row(vec![
            format!("{n} × {} commands", cfg.writes),
            format!("{r:.0}/s"),
            format!("{a:.0}/s"),
            format!("{:.2}×", a / r),
            format!("{o:.0}/s"),
            format!("{:.2}×", o / r),
        ]);
    }
    Ok(())
}

/// A writer process: `raw|lexcase URL FIRM WRITES K`. Prints `ready` once connected, waits
/// for a line on its input, records `WRITES` entries one per durable command and prints
/// `done`.
fn writer(args: &[String]) -> AnyResult<()> {
    let [kind, url, firm, writes, k] = args else {
        return Err("usage: pg_scale writer raw|lexcase URL FIRM WRITES K".into());
    };
    let writes: u64 = writes.parse()?;
    let k: u64 = k.parse()?;
    let wait = || -> AnyResult<()> {
        println!("ready");
        std::io::stdout().flush()?;
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        Ok(())
    };
    if kind == "raw" {
        let mut client = raw_pg::connect(url)?;
        let insert = raw_pg::prepare_insert_entry(&mut client)?;
        let (matter, user) = (MatterId::from(Uuid::now_v7()), UserId::from(Uuid::now_v7()));
        wait()?;
        for j in 0..writes {
            let row = RawEntry {
                id: *Uuid::now_v7().as_bytes(),
                matter,
                spec: spec(j, k, user),
                rate_minor: 26_000,
                recorded_by: user,
                recorded_at: Utc::now(),
            };
            raw_pg::insert_entries(&mut client, &insert, std::slice::from_ref(&row))?;
        }
    } else {
        let db = PgDatabase::connect(
            url,
            PgOptions {
                max_connections: 2,
                ..PgOptions::default()
            },
        )?;
        let store: Arc<dyn Store> = Arc::new(db.firm(Uuid::parse_str(firm)?)?);
        let bf = BenchFirm::reattach(Firm::with_clock(store, Arc::new(SystemClock)))?;
        let admin = bf.admin()?;
        let open: Vec<MatterId> = admin
            .matters()
            .list(
                MatterFilter {
                    status: Some(MatterStatus::Open),
                    ..MatterFilter::default()
                },
                Page::first(50)?,
            )?
            .items
            .iter()
            .map(|m| m.id)
            .collect();
        if open.is_empty() {
            return Err("no open matter".into());
        }
        let user = bf.staff.fee_earners[k as usize % bf.staff.fee_earners.len()].id;
        wait()?;
        for j in 0..writes {
            let s = spec(j, k, user);
            let mut new = NewTimeEntry::new(
                open[((j + k * 7) % open.len() as u64) as usize],
                s.date,
                s.seconds,
                s.narrative,
            );
            new.user = Some(user);
            admin.time().record(new)?;
        }
    }
    println!("done");
    std::io::stdout().flush()?;
    Ok(())
}

/// The `j`-th entry of writer `k`.
fn spec(j: u64, k: u64, user: UserId) -> EntrySpec {
    EntrySpec {
        matter: 0,
        user,
        date: TODAY,
        seconds: 360 * (1 + ((j + k) % 5) as u32),
        billability: lexcase::timekeeping::Billability::Billable,
        narrative: NARRATIVES[((j * 3 + k) % NARRATIVES.len() as u64) as usize],
        task_code: None,
        activity_code: None,
    }
}

// ------------------------------------------------------------------------------- report

fn print_report(cfg: &Config, t: &Server, results: &Results, took: Duration) {
    println!(
        "# lexcase on {}: raw `postgres` crate beside lexcase\n",
        t.name
    );
    println!(
        "Machine: {}. Run of {} UTC, {} in all. Sizes: {} matters, {} time entries in batches \
         of {}, {} one-entry commands, {} bills asked for, {} commands per writer process. \
         Queries: medians of {} runs (lists: {}), raw and lexcase alternating.\n",
        machine(),
        Utc::now().format("%Y-%m-%d %H:%M"),
        duration(took),
        cfg.matters,
        cfg.entries,
        cfg.batch,
        cfg.single,
        cfg.bills,
        cfg.writes,
        cfg.runs,
        cfg.list_runs,
    );
    println!("Ratio: lexcase ÷ raw (throughputs: higher is better; times: lower is better).\n");
    print!("{}", comparison_table(&results.comparisons).render());
    let shown: Vec<String> = results.batches.iter().map(|t| duration(*t)).collect();
    println!(
        "\nlexcase's ingest batches, in order: {}.",
        shown.join(", ")
    );
    println!("\n## Writer processes (entries per second, all processes together)\n");
    print!("{}", results.writers.render());
    println!("\n## Loads\n");
    print!("{}", results.loads.render());
    println!("\n## Checks\n");
    print!("{}", results.checks.render());
    println!();
}
