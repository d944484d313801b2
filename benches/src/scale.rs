//! What the store-scale benches share (`store_scale` on SQLite, `pg_scale` on PostgreSQL and
//! Citus): contacts and complete matters built once and written to lexcase through the store
//! (handing each chunk to the raw side), raw and lexcase runs alternated with their medians,
//! and a line describing the machine.

use std::collections::HashMap;
use std::error::Error;
use std::time::{Duration, Instant};

use chrono::Utc;
use lexcase::ContactId;
use lexcase::contacts::Contact;
use lexcase::firm::MatterNumberContext;
use lexcase::matters::Matter;
use lexcase::store::Store;

use crate::names::zipf_contact;
use crate::report::median;
use crate::work::{MatterFacts, START};
use crate::{BenchFirm, build_matter};

/// Any error, boxed: the benches' result type.
pub type AnyResult<T> = std::result::Result<T, Box<dyn Error>>;

/// Builds `range` matters over `contacts` (complete aggregates, as `build_matter` makes
/// them, numbered from the store's counters) and writes them to lexcase through the store in
/// transactions of `chunk`, handing each chunk to `also` (the raw side) afterwards.
// NOTE(lead): contacts and matters go in through `Store::write` + `insert_contact` /
// `insert_matter` / `next_sequence`, as firm_scale does: the service can create matters
// (`create_many`, pending, clients only) but cannot import their history, parties and walls,
// and opening and closing 20 000 matters one command each would dominate the setup. If the
// redesigned store renames or drops these, this is the one place to change (matters through
// `matters().create_many` plus the status commands would do, at the cost of set-up time).
pub fn write_matters(
    bf: &BenchFirm,
    contacts: &[Contact],
    range: std::ops::Range<u64>,
    chunk: u64,
    mut also: impl FnMut(&[Matter]) -> AnyResult<()>,
) -> AnyResult<Vec<MatterFacts>> {
    let store = bf.firm.store().clone();
    let settings = bf.firm.settings()?;
    let ids: Vec<ContactId> = contacts.iter().map(|c| c.id).collect();
    let names: HashMap<ContactId, &Contact> = contacts.iter().map(|c| (c.id, c)).collect();
    let mut facts = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let end = (i + chunk).min(range.end);
        let mut built = Vec::with_capacity((end - i) as usize);
        let mut tx = store.write()?;
        for k in i..end {
            // The number's `{CLIENT3}` comes from the first client, as `build_matter` picks it.
            let draft = build_matter(bf, k, &ids, String::new())?;
            let first = draft.clients().next().ok_or("a matter without a client")?;
            let name = names
                .get(&first)
                .map(|c| c.display_name())
                .unwrap_or_default();
            let ctx = MatterNumberContext {
                client_name: &name,
                date: START,
            };
            let seq = tx.next_sequence(&settings.matter_number_format.sequence_key(&ctx))?;
            let matter = Matter {
                number: settings.matter_number_format.render(&ctx, seq),
                ..draft
            };
            tx.insert_matter(&matter)?;
            built.push(matter);
        }
        tx.commit()?;
        also(&built)?;
        facts.extend(built.iter().filter_map(MatterFacts::of));
        i = end;
    }
    Ok(facts)
}

/// Contacts `range` with realistic names, built once for both sides.
pub fn make_contacts(range: std::ops::Range<u64>) -> AnyResult<Vec<Contact>> {
    Ok(range
        .map(|i| Contact::create(zipf_contact(i), Utc::now()))
        .collect::<lexcase::Result<_>>()?)
}

/// Writes contacts to lexcase through the store, `chunk` per transaction.
pub fn write_contacts(store: &dyn Store, contacts: &[Contact], chunk: usize) -> AnyResult<()> {
    for part in contacts.chunks(chunk.max(1)) {
        let mut tx = store.write()?;
        for c in part {
            tx.insert_contact(c)?;
        }
        tx.commit()?;
    }
    Ok(())
}

/// Medians of alternating runs.
#[derive(Debug, Clone, Copy)]
pub struct Medians {
    /// Raw, seconds.
    pub raw: f64,
    /// lexcase, seconds.
    pub lex: f64,
    /// Runs made of each.
    pub runs: usize,
}

impl Medians {
    /// " [1 of 5 runs: time budget]" when the budget cut the runs short.
    pub fn note(&self, asked: usize) -> String {
        if self.runs < asked {
            format!(" [{} of {asked} runs: time budget]", self.runs)
        } else {
            String::new()
        }
    }
}

/// Runs `raw` and `lex` alternately `runs` times (which goes first alternates too) and
/// returns their medians and last answers. Stops repeating once the two together have taken
/// `budget` (each runs at least once).
pub fn interleave<A, B>(
    runs: usize,
    budget: Duration,
    mut raw: impl FnMut() -> AnyResult<A>,
    mut lex: impl FnMut() -> AnyResult<B>,
) -> AnyResult<(Medians, A, B)> {
    let (mut rt, mut lt) = (Vec::new(), Vec::new());
    let (mut ra, mut la) = (None, None);
    let started = Instant::now();
    for r in 0..runs.max(1) {
        for side in [r % 2, 1 - r % 2] {
            let start = Instant::now();
            if side == 0 {
                ra = Some(raw()?);
                rt.push(start.elapsed());
            } else {
                la = Some(lex()?);
                lt.push(start.elapsed());
            }
        }
        if started.elapsed() > budget {
            break;
        }
    }
    let medians = Medians {
        raw: median(&mut rt).as_secs_f64(),
        lex: median(&mut lt).as_secs_f64(),
        runs: lt.len(),
    };
    Ok((medians, ra.ok_or("no run")?, la.ok_or("no run")?))
}

/// Seconds per row as rows per second.
pub fn rate(rows: u64, t: Duration) -> f64 {
    rows as f64 / t.as_secs_f64().max(1e-9)
}

/// The machine, as far as the bench can tell.
pub fn machine() -> String {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let cpu = read("/proc/cpuinfo")
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = read("/proc/meminfo")
        .lines()
        .find(|l| l.starts_with("MemTotal"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or_else(String::new, |kb| {
            format!(", {:.0} GiB RAM", kb / 1024.0 / 1024.0)
        });
    let os = read("/etc/os-release")
        .lines()
        .find(|l| l.starts_with("PRETTY_NAME="))
        .map(|l| {
            l.trim_start_matches("PRETTY_NAME=")
                .trim_matches('"')
                .to_owned()
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = read("/proc/loadavg")
        .split_whitespace()
        .next()
        .map(|l| format!(", load average {l} at the end"))
        .unwrap_or_default();
    format!("{cores} cores ({cpu}){mem}, {os}{load}")
}
