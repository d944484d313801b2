//! The systematic case: every read method of every service ([`super::probes`]), run as a
//! partner and as a second admin walled from a matter that holds data in every area.

use lexcase::service::Session;

use super::fixture::Walled;
use super::probes::{COMMANDS, Probe, Read, reads};
use super::secret::{Ids, Secret};
use super::world::Known;
use super::{secret, world};
use crate::fixture::SharedStore;

/// The firm-wide answers of one session, in registry order (`None` for addressed probes).
fn firmwide(reads: &[Read], s: &Session, k: &Known) -> Vec<Option<String>> {
    reads
        .iter()
        .map(|r| match r.probe {
            Probe::Firmwide(p) | Probe::Disclosed(p, _) => Some(p(s, k)),
            Probe::Addressed(_) => None,
        })
        .collect()
}

/// Where two answers first differ, with some context.
fn difference(before: &str, after: &str) -> String {
    let (b, a): (Vec<char>, Vec<char>) = (before.chars().collect(), after.chars().collect());
    let at = b
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(b.len().min(a.len()));
    let window = |s: &[char]| -> String {
        let start = at.saturating_sub(120).min(s.len());
        s[start..(at + 200).min(s.len())].iter().collect()
    };
    format!("before: …{}…\n      after:  …{}…", window(&b), window(&a))
}

/// What one walled session sees that it must not: every failure, described.
fn leaks(
    reads: &[Read],
    s: &Session,
    k: &Known,
    secret: &Secret,
    before: &[Option<String>],
) -> Vec<String> {
    let missing = Ids::missing();
    let me = s.users().me().unwrap().name;
    let mut found = Vec::new();
    for (r, before) in reads.iter().zip(before) {
        let name = format!("{me}: {}::{}", r.service, r.method);
        let answer = match r.probe {
            Probe::Addressed(p) => {
                let (hidden, gone) = (p(s, k, &secret.ids), p(s, k, &missing));
                if hidden != gone {
                    found.push(format!(
                        "{name} tells hidden from missing: {}",
                        difference(&gone, &hidden)
                    ));
                }
                hidden
            }
            Probe::Firmwide(p) => {
                let after = p(s, k);
                if before.as_deref() != Some(after.as_str()) {
                    let before = before.clone().unwrap_or_default();
                    found.push(format!("{name} changed: {}", difference(&before, &after)));
                }
                after
            }
            Probe::Disclosed(p, _) => p(s, k),
        };
        for leaked in secret
            .strings
            .iter()
            .filter(|x| answer.contains(x.as_str()))
        {
            found.push(format!("{name} shows {leaked}"));
        }
    }
    found
}

/// Acting as a partner and as a second admin, each walled from a matter (and a second matter
/// of the same client) that holds data in every area, every read method of every service:
/// addressed to the matter's records answers exactly as for records that do not exist; firm
/// wide (lists, searches, the feed, reports, aggregates — aged debt, WIP, hours, balances,
/// stage counts) answers exactly as before the matter held any data; and no answer holds the
/// matter's ids, numbers, texts or amounts. The admin, who is not walled, sees them all.
pub fn every_read_of_every_service_keeps_a_walled_matter_hidden(store: SharedStore) {
    let w = Walled::new(store);
    let known = world::build(&w);
    let reads = reads();
    let viewers = w.walled_out();
    let before: Vec<_> = viewers
        .iter()
        .map(|s| firmwide(&reads, s, &known))
        .collect();
    let secret = secret::build(&w, &known);
    let mut problems = Vec::new();
    for answers in &before {
        for x in &secret.strings {
            if answers.iter().flatten().any(|a| a.contains(x.as_str())) {
                problems.push(format!(
                    "not a secret: {x} is shown before the matter exists"
                ));
            }
        }
    }
    for (s, before) in viewers.iter().zip(&before) {
        problems.extend(leaks(&reads, s, &known, &secret, before));
    }
    // The probes reach the data: the admin's answers hold every secret, and each addressed
    // probe answers the admin differently for the walled records and for missing ones.
    let admin = &w.f.admin;
    let mut seen = String::new();
    let missing = Ids::missing();
    for r in &reads {
        match r.probe {
            Probe::Addressed(p) => {
                let (found, gone) = (p(admin, &known, &secret.ids), p(admin, &known, &missing));
                if found == gone {
                    problems.push(format!(
                        "{}::{} finds nothing as the admin",
                        r.service, r.method
                    ));
                }
                seen.push_str(&found);
            }
            Probe::Firmwide(p) | Probe::Disclosed(p, _) => seen.push_str(&p(admin, &known)),
        }
    }
    for x in secret.strings.iter().filter(|x| !seen.contains(x.as_str())) {
        problems.push(format!("no probe shows the admin {x}"));
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    let commands: usize = COMMANDS.iter().map(|(_, names)| names.len()).sum();
    println!(
        "{} probes walked ({commands} commands not walked); by design:",
        reads.len()
    );
    for r in &reads {
        if let Probe::Disclosed(_, why) = r.probe {
            println!("  {}::{}: {why}", r.service, r.method);
        }
    }
}
