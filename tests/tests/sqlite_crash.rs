//! Writers killed with SIGKILL in the middle of single and batch writes, again and again: every
//! acknowledged write is in the file afterwards, every batch is all there or not at all, and
//! the audit chain verifies.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod processes;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use lexcase::access::Visibility;
use lexcase::contacts::NewContact;
use lexcase::matters::{BillingKind, NewMatter};
use lexcase::money::Currency;
use lexcase::service::Firm;
use lexcase::store::WorkQuery;
use lexcase::timekeeping::NewTimeEntry;
use lexcase::{MatterId, TimeEntryId};
use lexcase_sqlite::{SqliteOptions, SqliteStore};
use processes::{ADMIN, FEE_EARNER, child_args, lines, new_firm, session, spawn, tell};

const TEST: &str = "writers_killed_mid_write_lose_nothing_acknowledged";
/// Entries per batch.
const BATCH: usize = 25;
/// Rounds of two writers, both killed.
const ROUNDS: u32 = 6;

/// A child: alternates one entry and a batch of [`BATCH`] entries on the matter, telling the
/// parent each acknowledged write, until it is killed.
fn writer(db: &str, id: u32) {
    let matter: MatterId = std::env::var("LEXCASE_TEST_MATTER")
        .unwrap()
        .parse()
        .unwrap();
    let s = session(db, FEE_EARNER);
    let date = chrono::Utc::now().date_naive() - chrono::Days::new(1);
    for k in 0.. {
        let single = format!("s-{id}-{k}");
        let entry = s
            .time()
            .record(NewTimeEntry::new(matter, date, 360, &single))
            .unwrap();
        tell(&format!("single {}", entry.id));
        let tag = format!("b-{id}-{k}");
        let batch = (0..BATCH)
            .map(|i| NewTimeEntry::new(matter, date, 60, &format!("{tag}-{i}")))
            .collect();
        s.time().record_many(batch).unwrap();
        tell(&format!("batch {tag}"));
    }
}

/// A small deterministic generator of pauses (xorshift).
struct Pauses(u64);

impl Pauses {
    fn next(&mut self, from_ms: u64, to_ms: u64) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        Duration::from_millis(from_ms + self.0 % (to_ms - from_ms))
    }
}

#[test]
fn writers_killed_mid_write_lose_nothing_acknowledged() {
    if let Some(args) = child_args() {
        writer(&args.db, args.id);
        std::process::exit(0);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.lexcase");
    new_firm(&path);
    let matter = {
        let firm = Firm::new(SqliteStore::open(&path, SqliteOptions::default()).unwrap());
        let admin = firm.session_by_email(ADMIN).unwrap();
        let fern = firm.session_by_email(FEE_EARNER).unwrap();
        let client = admin
            .contacts()
            .create(NewContact::person("Jane", "Smith"))
            .unwrap();
        let new = NewMatter {
            title: "Smith v Jones".into(),
            description: String::new(),
            practice_area: "litigation".into(),
            clients: vec![client.id],
            responsible: fern.actor_id(),
            originating: None,
            billing: BillingKind::Hourly,
            currency: Some(Currency::parse("GBP").unwrap()),
            visibility: Visibility::Firm,
            team: vec![],
            key_dates: Default::default(),
        };
        fern.matters().create(new).unwrap().id
    };
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("pause seed {seed}");
    let mut pauses = Pauses(seed);
    let mut singles = Vec::new();
    let mut batches = Vec::new();
    for round in 0..ROUNDS {
        let extra = [("LEXCASE_TEST_MATTER", matter.to_string())];
        let mut a = spawn(TEST, "writer", &path, round * 2, &extra);
        let mut b = spawn(TEST, "writer", &path, round * 2 + 1, &extra);
        let (ra, rb) = (lines(&mut a), lines(&mut b));
        std::thread::sleep(pauses.next(300, 900));
        a.kill().unwrap();
        // The second writer goes on alone after the first died, possibly mid-commit.
        std::thread::sleep(pauses.next(100, 500));
        b.kill().unwrap();
        assert!(!a.wait().unwrap().success() && !b.wait().unwrap().success());
        for line in ra.iter().chain(rb.iter()) {
            if let Some(id) = line.strip_prefix("single ") {
                singles.push(id.parse::<TimeEntryId>().unwrap());
            } else if let Some(tag) = line.strip_prefix("batch ") {
                batches.push(tag.to_owned());
            }
        }
    }
    eprintln!(
        "{} single and {} batch writes acknowledged",
        singles.len(),
        batches.len()
    );
    assert!(!singles.is_empty() && !batches.is_empty());

    let store = SqliteStore::open(&path, SqliteOptions::default()).unwrap();
    let firm = Firm::new(store);
    let entries = firm
        .store()
        .read()
        .unwrap()
        .all_time_entries(&WorkQuery {
            matter: Some(matter),
            ..Default::default()
        })
        .unwrap();
    let ids: HashSet<_> = entries.iter().map(|e| e.id).collect();
    for id in &singles {
        assert!(ids.contains(id), "an acknowledged entry was lost");
    }
    let mut per_batch: HashMap<&str, usize> = HashMap::new();
    for e in &entries {
        if let Some(rest) = e.narrative.strip_prefix("b-") {
            let tag = &e.narrative[..2 + rest.rfind('-').unwrap()];
            *per_batch.entry(tag).or_default() += 1;
        }
    }
    for (tag, n) in &per_batch {
        assert_eq!(*n, BATCH, "batch {tag} is partly recorded");
    }
    for tag in &batches {
        assert!(
            per_batch.contains_key(tag.as_str()),
            "an acknowledged batch was lost"
        );
    }
    let admin = firm.session_by_email(ADMIN).unwrap();
    let verification = admin.audit().verify().unwrap();
    assert!(verification.is_intact(), "{verification:?}");
}
