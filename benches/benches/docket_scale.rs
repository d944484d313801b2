//! Deadlines and communications at firm scale: computing 1M deadlines with the built-in court
//! and statutory rules, docketing deadlines through the service, and ingesting 10 000 emails
//! (parse, store, file by reference or parties, attachments as documents). One-shot, printed
//! as Markdown; medians of several runs.
//!
//! ```text
//! cargo bench -p lexcase-benches --bench docket_scale
//! ```
//!
//! `LEXCASE_BENCH_DEADLINES` (default 1 000 000) and `LEXCASE_BENCH_EMAILS` (default 10 000)
//! set the sizes. Run as a test (without `--bench`) it does a small smoke run.

use std::error::Error;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use lexcase::access::Viewer;
use lexcase::deadlines::{DeadlineInput, ServiceMethod, Trigger, builtin_rule};
use lexcase::docket::{DeadlineTrigger, NewDeadline};
use lexcase::service::Firm;
use lexcase::store::{MatterQuery, Page};
use lexcase_benches::{env_number, mix, open_file, seed_raw, setup_firm, time_runs};
use lexcase_sqlite::{Durability, blobs_beside};

type AnyResult<T> = std::result::Result<T, Box<dyn Error>>;

/// The rules the workload mixes, with the service method each is computed with.
const RULES: [(&str, Option<ServiceMethod>); 6] = [
    ("frcp-answer", None),
    ("frcp-reply-counterclaim", Some(ServiceMethod::Mail)),
    ("cpr-defence-after-acknowledgment", None),
    ("cpr-application-notice", None),
    ("limitation-tort", None),
    ("sdlt-return", None),
];

/// Computes `n` deadlines over triggers spread across 2020–2029; returns the trace steps
/// written (so the work cannot be optimised away).
fn compute_many(n: u64) -> AnyResult<u64> {
    let mut prepared = Vec::new();
    for (id, service) in RULES {
        let rule = builtin_rule(id).ok_or("missing built-in rule")?;
        let holidays = rule.usual_holidays().resolve(None)?;
        let closures = rule.usual_closures().resolve(None)?;
        prepared.push((rule, service, holidays, closures));
    }
    let base = NaiveDate::from_ymd_opt(2020, 1, 1).ok_or("date")?;
    let mut steps = 0;
    for i in 0..n {
        let (rule, service, holidays, closures) = &prepared[(i % RULES.len() as u64) as usize];
        let trigger = base
            .checked_add_days(Days::new(mix(i, 90) % 3_650))
            .ok_or("date")?;
        let out = rule.compute(&DeadlineInput {
            trigger: Trigger::Day(trigger),
            service: *service,
            holidays: &**holidays,
            closures: &**closures,
        })?;
        steps += out.trace.len() as u64;
    }
    Ok(steps)
}

/// A raw email from `from` about `subject`, with a 16 KiB attachment on every fifth.
fn email(i: u64, from: &str, subject: &str) -> Vec<u8> {
    let mut raw = format!(
        "From: {from}\r\nTo: associate.0@smith-partners.example\r\nSubject: {subject}\r\n\
         Date: Thu, 26 Nov 2026 16:05:00 +0000\r\nMessage-ID: <bench-{i}@mail.example>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n\
         --B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         Dear Sirs, we refer to the above matter and enclose our client's comments.\r\n"
    );
    if i.is_multiple_of(5) {
        let line =
            "JVBERi0xLjQKJeLjz9MKMSAwIG9iago8PC9UeXBlL0NhdGFsb2cvUGFnZXMgMiAwIFI+PgplbmRvYmoK\r\n";
        raw.push_str(&format!(
            "--B\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; \
             filename=\"enclosure-{i}.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}",
            line.repeat(220)
        ));
    }
    raw.push_str("--B--\r\n");
    raw.into_bytes()
}

fn main() -> AnyResult<()> {
    let bench = std::env::args().any(|a| a == "--bench");
    let deadlines = if bench {
        env_number("LEXCASE_BENCH_DEADLINES", 1_000_000)
    } else {
        6_000
    };
    let emails = if bench {
        env_number("LEXCASE_BENCH_EMAILS", 10_000)
    } else {
        300
    };
    let runs = if bench { 3 } else { 1 };

    println!("| workload | size | median | min | max | rate (median) |\n|---|---|---|---|---|---|");
    let (t, steps) = time_runs(runs, || {
        compute_many(deadlines).map_err(|e| lexcase::LexcaseError::storage(e.to_string()))
    })?;
    println!(
        "| compute deadlines (6 built-in rules, FRCP/CPR/limitation/SDLT) | {deadlines} ({steps} trace steps) | {:.2?} | {:.2?} | {:.2?} | {:.0}/s |",
        t.median,
        t.min,
        t.max,
        deadlines as f64 / t.median.as_secs_f64()
    );

    // A firm on a durable (FULL) file with contents beside it.
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("docket.lexcase");
    let bf = setup_firm(open_file(&path, Durability::Full)?)?;
    let firm: Firm = bf.firm.clone().with_blobs(blobs_beside(&path)?);
    let (contacts, _, _) = seed_raw(&bf, 2_000, 1_000)?;
    let store = firm.store().clone();
    let open = MatterQuery {
        status: Some(lexcase::matters::MatterStatus::Open),
        ..MatterQuery::default()
    };
    let viewer = Viewer {
        user: bf.staff.admin.id,
        sees_restricted: true,
    };
    let matters = store
        .read()?
        .matters(&open, &viewer, Page::first(1_000)?)?
        .items;
    let admin = firm.session(bf.staff.admin.id)?;

    // Docketing through the service: one durable transaction (with its audit event) each.
    let docketed = (deadlines / 100).min(10_000);
    let rule = builtin_rule("cpr-defence-after-acknowledgment").ok_or("rule")?;
    let start = Instant::now();
    for i in 0..docketed {
        let m = &matters[(i % matters.len() as u64) as usize];
        admin.docket().add(NewDeadline::new(
            m.id,
            rule.clone(),
            DeadlineTrigger::Date {
                date: NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?,
            },
        ))?;
    }
    let took = start.elapsed();
    println!(
        "| docket deadlines via the service (FULL durability) | {docketed} | {:.2?} total | | | {:.0}/s |",
        took,
        docketed as f64 / took.as_secs_f64()
    );

    // Ingesting email: a third name a matter number in the subject, a third come from a
    // client of a matter, a third from strangers (the unfiled queue).
    let mut raws = Vec::with_capacity(emails as usize);
    for i in 0..emails {
        let m = &matters[(mix(i, 91) % matters.len() as u64) as usize];
        let raw = match i % 3 {
            0 => email(
                i,
                "counsel@chambers.example",
                &format!("Re: {} — completion", m.number),
            ),
            1 => {
                let client = store
                    .read()?
                    .contact(m.parties[0].contact)?
                    .ok_or("client")?;
                let from = client
                    .emails
                    .first()
                    .map(|e| e.address.clone())
                    .ok_or("email")?;
                email(i, &from, "Our purchase")
            }
            _ => email(i, &format!("stranger{i}@unknown.example"), "Enquiry"),
        };
        raws.push(raw);
    }
    let bytes: usize = raws.iter().map(Vec::len).sum();
    let start = Instant::now();
    let mut filed = 0;
    for raw in &raws {
        if admin
            .communications()
            .ingest_email(raw)?
            .communication
            .matter
            .is_some()
        {
            filed += 1;
        }
    }
    let took = start.elapsed();
    println!(
        "| ingest emails via the service (parse, blobs, filing, attachments as documents; FULL) | {emails} ({} MiB, {filed} filed, {} contacts) | {:.2?} total | | | {:.0}/s |",
        bytes / (1024 * 1024),
        contacts.len(),
        took,
        emails as f64 / took.as_secs_f64()
    );
    Ok(())
}
