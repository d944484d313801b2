//! Time and billing at firm scale: recording 1M time entries through the batch API and one
//! per call, drafting a bill for a matter with 10 000 entries, and the aged-debt report over
//! 100 000 issued bills. One-shot, printed as Markdown.
//!
//! ```text
//! cargo bench -p lexcase-benches --bench billing_scale
//! ```
//!
//! `LEXCASE_BENCH_ENTRIES` (default 1 000 000), `LEXCASE_BENCH_SINGLE` (entries recorded one
//! per call, default 20 000), `LEXCASE_BENCH_BILLS` (default 100 000) set the sizes. Run as a
//! test (without `--bench`) it does a small smoke run.

use std::error::Error;
use std::time::Instant;

use chrono::{Days, NaiveDate, Utc};
use lexcase::BillId;
use lexcase::access::Viewer;
use lexcase::billing::{BillTotals, LineTotals};
use lexcase::bills::{Bill, BillKind, BillLine, BillStatus, FeeArrangement, LineKind};
use lexcase::matters::Matter;
use lexcase::money::Currency;
use lexcase::service::DraftRequest;
use lexcase::store::{MatterQuery, Page};
use lexcase::timekeeping::NewTimeEntry;
use lexcase_benches::{env_number, mix, open_file, seed_raw, setup_firm, time_runs};
use lexcase_sqlite::Durability;
use rust_decimal::Decimal;

type AnyResult<T> = std::result::Result<T, Box<dyn Error>>;

fn entry(matter: &Matter, i: u64) -> AnyResult<NewTimeEntry> {
    let date = NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(mix(i, 40) % 300)))
        .ok_or("date")?;
    let seconds = 60 + (mix(i, 41) % 7_200) as u32;
    let mut new = NewTimeEntry::new(
        matter.id,
        date,
        seconds,
        "Considering correspondence and advising client",
    );
    new.user = Some(matter.responsible);
    Ok(new)
}

/// An issued invoice with one fee line, for the aged-debt workload.
fn issued_bill(template: &Bill, i: u64, today: NaiveDate) -> AnyResult<Bill> {
    let mut bill = template.clone();
    bill.id = BillId::new();
    bill.number = Some(format!("B{i:09}"));
    bill.issued_on = today.checked_sub_days(Days::new(mix(i, 60) % 200));
    bill.lines[0].unit_price = Decimal::from(100 + mix(i, 61) % 5_000);
    bill.recompute()?;
    bill.paid = if i.is_multiple_of(4) {
        bill.totals.total
    } else {
        Decimal::ZERO
    };
    bill.status = if i.is_multiple_of(4) {
        BillStatus::Paid
    } else {
        BillStatus::Issued
    };
    Ok(bill)
}

fn main() -> AnyResult<()> {
    let bench = std::env::args().any(|a| a == "--bench");
    let entries = if bench {
        env_number("LEXCASE_BENCH_ENTRIES", 1_000_000)
    } else {
        2_000
    };
    let single = if bench {
        env_number("LEXCASE_BENCH_SINGLE", 20_000)
    } else {
        200
    };
    let bills = if bench {
        env_number("LEXCASE_BENCH_BILLS", 100_000)
    } else {
        1_000
    };
    let per_bill = if bench { 10_000 } else { 300 };

    let dir = tempfile::tempdir()?;
    let path = dir.path().join("billing.lexcase");
    let bf = setup_firm(open_file(&path, Durability::Full)?)?;
    seed_raw(&bf, 1_000, 1_000)?;
    let store = bf.firm.store().clone();
    let viewer = Viewer {
        user: bf.staff.admin.id,
        sees_restricted: true,
    };
    let open = MatterQuery {
        status: Some(lexcase::matters::MatterStatus::Open),
        ..MatterQuery::default()
    };
    let matters = store
        .read()?
        .matters(&open, &viewer, Page::first(1_000)?)?
        .items;
    let admin = bf.admin()?;
    println!("| workload | size | time | rate |\n|---|---|---|---|");

    // 1. The batch API: 10 000 entries per transaction (one durable commit each).
    let start = Instant::now();
    let mut i = 0;
    while i < entries {
        let end = (i + 10_000).min(entries);
        let batch = (i..end)
            .map(|k| entry(&matters[(mix(k, 42) % matters.len() as u64) as usize], k))
            .collect::<AnyResult<Vec<_>>>()?;
        admin.time().record_many(batch)?;
        i = end;
    }
    let took = start.elapsed();
    println!(
        "| record time, batch API (10 000 per call, FULL) | {entries} entries | {took:.2?} | {:.0}/s |",
        entries as f64 / took.as_secs_f64()
    );

    // 2. One entry per call: one durable transaction (and audit event) each.
    let start = Instant::now();
    for k in 0..single {
        let m = &matters[(mix(k, 43) % matters.len() as u64) as usize];
        admin.time().record(entry(m, entries + k)?)?;
    }
    let took = start.elapsed();
    println!(
        "| record time, one per call (FULL) | {single} entries | {took:.2?} | {:.0}/s |",
        single as f64 / took.as_secs_f64()
    );

    // 3. Drafting a bill for a matter with 10 000 unbilled entries (then voiding it, which
    //    returns the work): median of 3.
    let matter = &matters[0];
    let batch = (0..per_bill)
        .map(|k| entry(matter, 10_000_000 + k))
        .collect::<AnyResult<Vec<_>>>()?;
    admin.time().record_many(batch)?;
    let client = matter.clients().next().ok_or("client")?;
    let request = DraftRequest {
        client,
        matters: vec![matter.id],
        period_from: NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?,
        period_to: NaiveDate::from_ymd_opt(2026, 12, 31).ok_or("date")?,
        arrangement: FeeArrangement::Hourly,
        discount: None,
        description: "For services rendered".into(),
    };
    let (t, bill) = time_runs(3, || {
        let bill = admin.bills().draft(request.clone())?;
        admin.bills().void(bill.id, bill.version, "bench")?;
        Ok(bill)
    })?;
    println!(
        "| draft a bill (and void it), one matter | {} lines | {:.2?} median ({:.2?}–{:.2?}) | |",
        bill.lines.len(),
        t.median,
        t.min,
        t.max
    );

    // 4. Aged debt over issued bills written straight to the store.
    let currency = Currency::parse("GBP")?;
    let today = Utc::now().date_naive();
    let template = Bill {
        id: BillId::new(),
        kind: BillKind::Invoice,
        number: None,
        client,
        matters: vec![matter.id],
        period_from: today,
        period_to: today,
        currency,
        arrangement: FeeArrangement::Hourly,
        lines: vec![BillLine {
            number: 1,
            kind: LineKind::FixedFee,
            matter: matter.id,
            date: today,
            description: "Fees".into(),
            quantity: Decimal::ONE,
            unit_price: Decimal::ONE,
            discount: None,
            taxable: false,
            time_entry: None,
            expense: None,
            user: None,
            task_code: None,
            activity_code: None,
            expense_code: None,
            totals: LineTotals::default(),
        }],
        covered_time: Vec::new(),
        discount: None,
        tax_name: "VAT".into(),
        tax_rate: Decimal::ZERO,
        totals: BillTotals::default(),
        status: BillStatus::Issued,
        credits: None,
        description: String::new(),
        issued_on: None,
        due_on: None,
        paid: Decimal::ZERO,
        credited: Decimal::ZERO,
        written_off: Decimal::ZERO,
        void_reason: None,
        created_by: bf.staff.admin.id,
        created_at: Utc::now(),
        issued_by: Some(bf.staff.admin.id),
        version: 1,
    };
    let mut k = 0;
    while k < bills {
        let end = (k + 10_000).min(bills);
        let mut tx = store.write()?;
        for i in k..end {
            tx.insert_bill(&issued_bill(&template, i, today)?)?;
        }
        tx.commit()?;
        k = end;
    }
    let (t, aged) = time_runs(5, || admin.payments().aged_debt(today, currency))?;
    println!(
        "| aged debt (0–30, 31–60, 61–90, 90+) | {bills} issued bills ({} total owed) | {:.2?} median ({:.2?}–{:.2?}) | |",
        aged.total, t.median, t.min, t.max
    );
    Ok(())
}
