//! A realistic distribution of names for conflict searches and contact lists.
//!
//! [`crate::new_contact`] draws from 40 given names and 80 family names, so a million contacts
//! share a handful of surnames and every conflict search is a worst case with thousands of
//! candidates. Real name frequencies follow a long-tailed, Zipf-like law: the commonest
//! surname is carried by about one person in a hundred, the hundred commonest by about a
//! fifth, and most surnames are rare. This module draws:
//!
//! * family names from [`SURNAMES`] ranks with weight `rank^-0.6` (the commonest about 1 %);
//!   the first ranks are real common surnames, the rest plausible synthetic ones built from
//!   English place-name parts and from syllables, unique by construction;
//! * given names from [`GIVEN_NAMES`] ranks with weight `rank^-0.7` (the commonest about 3 %);
//! * organisation names from two words of a 3 000-word vocabulary drawn the same way, and a
//!   company suffix.
//!
//! Everything is a pure function of the row number, like the rest of the bench data.

use std::sync::OnceLock;
use std::time::Instant;

use lexcase::contacts::{Contact, ContactKind, Email, NewContact};
use lexcase::store::Store;
use lexcase::{ContactId, Result};

use crate::{Load, mix, new_contact};

/// Number of distinct family names drawn from.
pub const SURNAMES: usize = 8_000;
/// Number of distinct given names drawn from.
pub const GIVEN_NAMES: usize = 3_000;
/// Number of distinct words organisation names are made of.
pub const ORG_VOCABULARY: usize = 3_000;

const REAL_SURNAMES: [&str; 120] = [
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Edwards",
    "Hughes",
    "Green",
    "Hall",
    "Lewis",
    "Harris",
    "Clarke",
    "Patel",
    "Jackson",
    "Wood",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Lee",
    "King",
    "Baker",
    "Harrison",
    "Morgan",
    "Allen",
    "James",
    "Scott",
    "Phillips",
    "Watson",
    "Davis",
    "Parker",
    "Price",
    "Bennett",
    "Young",
    "Griffiths",
    "Mitchell",
    "Kelly",
    "Cook",
    "Carter",
    "Richardson",
    "Bailey",
    "Collins",
    "Bell",
    "Shaw",
    "Murphy",
    "Miller",
    "Cox",
    "Richards",
    "Khan",
    "Marshall",
    "Anderson",
    "Simpson",
    "Ellis",
    "Adams",
    "Singh",
    "Begum",
    "Wilkinson",
    "Foster",
    "Chapman",
    "Powell",
    "Webb",
    "Rogers",
    "Gray",
    "Mason",
    "Ali",
    "Hunt",
    "Hussain",
    "Campbell",
    "Matthews",
    "Owen",
    "Palmer",
    "Holmes",
    "Mills",
    "Barnes",
    "Knight",
    "Lloyd",
    "Butler",
    "Russell",
    "Barker",
    "Fisher",
    "Stevens",
    "Jenkins",
    "Murray",
    "Dixon",
    "Harvey",
    "Graham",
    "Pearson",
    "Ahmed",
    "Fletcher",
    "Walsh",
    "Kaur",
    "Gibson",
    "Howard",
    "Andrews",
    "Stewart",
    "Elliott",
    "Reynolds",
    "Saunders",
    "Payne",
    "Fox",
    "Ford",
    "Pearce",
    "Day",
    "Okonkwo",
    "Nowak",
];

const REAL_GIVEN: [&str; 100] = [
    "Oliver",
    "Amelia",
    "George",
    "Olivia",
    "Harry",
    "Isla",
    "Noah",
    "Ava",
    "Jack",
    "Emily",
    "Leo",
    "Sophia",
    "Arthur",
    "Grace",
    "Muhammad",
    "Mia",
    "Oscar",
    "Poppy",
    "Charlie",
    "Ella",
    "Jacob",
    "Lily",
    "Thomas",
    "Evie",
    "Henry",
    "Isabella",
    "William",
    "Sophie",
    "James",
    "Charlotte",
    "David",
    "Sarah",
    "John",
    "Emma",
    "Michael",
    "Laura",
    "Daniel",
    "Hannah",
    "Matthew",
    "Jessica",
    "Joshua",
    "Chloe",
    "Samuel",
    "Lucy",
    "Benjamin",
    "Rebecca",
    "Alexander",
    "Katie",
    "Ryan",
    "Megan",
    "Adam",
    "Rachel",
    "Luke",
    "Jade",
    "Christopher",
    "Amy",
    "Andrew",
    "Helen",
    "Mark",
    "Claire",
    "Paul",
    "Nicola",
    "Peter",
    "Karen",
    "Richard",
    "Susan",
    "Robert",
    "Julie",
    "Stephen",
    "Alison",
    "Ian",
    "Fiona",
    "Mohammed",
    "Aisha",
    "Rohan",
    "Priya",
    "Chen",
    "Mei",
    "Kwame",
    "Ama",
    "Siobhan",
    "Niamh",
    "Dylan",
    "Bethan",
    "Ewan",
    "Morag",
    "Tomasz",
    "Zofia",
    "Luca",
    "Chiara",
    "Ngozi",
    "Oluwaseun",
    "Fatima",
    "Omar",
    "Anil",
    "Deepa",
    "Wei",
    "Yusuf",
    "Imran",
    "Zainab",
];

const PLACE_HEADS: [&str; 40] = [
    "Ash", "Bal", "Brad", "Brom", "Cran", "Chad", "Dun", "Eld", "Fair", "Gold", "Hart", "Hay",
    "Kel", "Lang", "Mar", "Mid", "Nor", "Old", "Pen", "Ram", "Red", "Rod", "Sal", "Stan", "Thorn",
    "Wal", "Whit", "Wins", "Al", "Bur", "Cal", "Dal", "Fen", "Grim", "Hol", "Kings", "Lin", "Mor",
    "Rath", "Wy",
];

const PLACE_TAILS: [&str; 25] = [
    "ford", "ley", "ton", "wood", "by", "field", "well", "combe", "ham", "more", "son", "er",
    "ridge", "stone", "worth", "man", "dale", "brook", "hurst", "wick", "bury", "cott", "land",
    "shaw", "thwaite",
];

const ONSETS: [&str; 16] = [
    "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch",
];
const VOWELS: [&str; 6] = ["a", "e", "i", "o", "u", "ei"];
const CODAS: [&str; 8] = ["", "n", "r", "s", "k", "ski", "ova", "ez"];

const ORG_KINDS: [&str; 10] = [
    "Ltd",
    "Limited",
    "Holdings Ltd",
    "plc",
    "LLP",
    "Group Ltd",
    "Properties Ltd",
    "Bank plc",
    "Building Society",
    "Trading Ltd",
];

/// Capitalises the first letter.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Distinct words [`syllabic`] makes: an ending times three syllables.
const SYLLABIC_WORDS: usize = CODAS.len() * (ONSETS.len() * VOWELS.len()).pow(3);

/// A syllabic word for `n` (below [`SYLLABIC_WORDS`]): three consonant-vowel syllables and an
/// ending, e.g. "Kemirova", "Tazunski".
fn syllabic(n: usize) -> String {
    let syllables = ONSETS.len() * VOWELS.len();
    let ending = CODAS[n % CODAS.len()];
    let mut k = n / CODAS.len();
    let mut word = String::new();
    for _ in 0..3 {
        let s = k % syllables;
        k /= syllables;
        word.push_str(ONSETS[s % ONSETS.len()]);
        word.push_str(VOWELS[s / ONSETS.len()]);
    }
    word.push_str(ending);
    capitalised(&word)
}

/// The family name of `rank` (0 is the commonest): real names first, then place-name
/// compounds ("Thornworth"), then syllabic names. Distinct ranks give distinct names.
pub fn surname(rank: usize) -> String {
    if let Some(real) = REAL_SURNAMES.get(rank) {
        return (*real).to_owned();
    }
    let k = rank - REAL_SURNAMES.len();
    let compounds = PLACE_HEADS.len() * PLACE_TAILS.len();
    if k < compounds {
        // Scatter so that neighbouring ranks do not share their first part.
        let j = (k * 7) % compounds;
        return format!(
            "{}{}",
            PLACE_HEADS[j % PLACE_HEADS.len()],
            PLACE_TAILS[j / PLACE_HEADS.len()]
        );
    }
    // 8 191 is prime and does not divide the number of words, so distinct ranks scatter to
    // distinct words.
    syllabic(((k - compounds) * 8_191) % SYLLABIC_WORDS)
}

/// The given name of `rank` (0 is the commonest): real names first, then syllabic ones.
pub fn given_name(rank: usize) -> String {
    match REAL_GIVEN.get(rank) {
        Some(real) => (*real).to_owned(),
        None => {
            let s = syllabic(((rank - REAL_GIVEN.len()) * 613 + 300_000) % SYLLABIC_WORDS);
            // Given names end in a vowel more often than not: drop a consonant ending.
            s.trim_end_matches(['n', 'r', 's', 'k']).to_owned()
        }
    }
}

/// A word of organisation names by rank: the bench's own words, then compounds, then
/// syllabic words.
fn org_word(rank: usize) -> String {
    const FIRST: [&str; 20] = [
        "Northbank",
        "Harbour",
        "Meridian",
        "Oakfield",
        "Riverside",
        "Summit",
        "Beacon",
        "Granite",
        "Kestrel",
        "Lantern",
        "Pennine",
        "Thistle",
        "Aldgate",
        "Birchwood",
        "Cobalt",
        "Dunmore",
        "Elmstead",
        "Fairway",
        "Gatehouse",
        "Holloway",
    ];
    match FIRST.get(rank) {
        Some(w) => (*w).to_owned(),
        None => surname(rank + 2_000),
    }
}

/// Cumulative weights of a Zipf-like law over `n` ranks with exponent `s`, normalised to 1.
fn cumulative(n: usize, s: f64) -> Vec<f64> {
    let mut acc = 0.0;
    let mut out: Vec<f64> = (1..=n)
        .map(|k| {
            acc += (k as f64).powf(-s);
            acc
        })
        .collect();
    for w in &mut out {
        *w /= acc;
    }
    out
}

fn surname_table() -> &'static [f64] {
    static T: OnceLock<Vec<f64>> = OnceLock::new();
    T.get_or_init(|| cumulative(SURNAMES, 0.6))
}

fn given_table() -> &'static [f64] {
    static T: OnceLock<Vec<f64>> = OnceLock::new();
    T.get_or_init(|| cumulative(GIVEN_NAMES, 0.7))
}

fn org_table() -> &'static [f64] {
    static T: OnceLock<Vec<f64>> = OnceLock::new();
    T.get_or_init(|| cumulative(ORG_VOCABULARY, 0.7))
}

/// A uniform number in [0, 1) from `mix(i, salt)`.
pub fn unit(i: u64, salt: u64) -> f64 {
    (mix(i, salt) >> 11) as f64 / (1u64 << 53) as f64
}

/// The rank drawn for uniform `u` from a cumulative table.
fn draw(table: &[f64], u: f64) -> usize {
    table
        .partition_point(|&c| c <= u)
        .min(table.len().saturating_sub(1))
}

/// The rank of the family name of row `i` (Zipf-like, exponent 0.6 over [`SURNAMES`]).
pub fn surname_rank(i: u64, salt: u64) -> usize {
    draw(surname_table(), unit(i, salt))
}

/// The rank of the given name of row `i` (Zipf-like, exponent 0.7 over [`GIVEN_NAMES`]).
pub fn given_rank(i: u64, salt: u64) -> usize {
    draw(given_table(), unit(i, salt))
}

/// An organisation name for row `i`, e.g. "Thornworth Kemirova Holdings Ltd".
pub fn org_name(i: u64) -> String {
    let a = org_word(draw(org_table(), unit(i, 201)));
    let b = org_word(draw(org_table(), unit(i, 202)));
    let kind = ORG_KINDS[(mix(i, 203) % ORG_KINDS.len() as u64) as usize];
    if a == b {
        format!("{a} {kind}")
    } else {
        format!("{a} {b} {kind}")
    }
}

/// A person's (given, family) name for row `i`.
pub fn person_name(i: u64) -> (String, String) {
    (
        given_name(given_rank(i, 204)),
        surname(surname_rank(i, 205)),
    )
}

/// Contact `i` with realistic names: [`new_contact`]`(i)` (same kind, addresses, phones,
/// identifiers) with its names drawn from the Zipf-like laws of this module.
pub fn zipf_contact(i: u64) -> NewContact {
    let mut c = new_contact(i);
    match c.kind {
        ContactKind::Organisation => {
            let name = org_name(i);
            let domain: String = name
                .split(' ')
                .next()
                .unwrap_or("org")
                .to_lowercase()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect();
            c.organisation_name = Some(name);
            c.emails = vec![Email {
                address: format!("legal{i}@{domain}.example"),
                label: Some("work".into()),
            }];
        }
        ContactKind::Person => {
            let (given, family) = person_name(i);
            let local: String = format!("{given}.{family}")
                .to_lowercase()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect();
            c.emails = vec![Email {
                address: format!("{local}{}@mail.example", i % 997),
                label: Some("home".into()),
            }];
            c.given_name = Some(given);
            c.family_name = Some(family);
        }
    }
    c
}

/// The display name of [`zipf_contact`]`(i)` without building the whole contact.
pub fn zipf_display_name(i: u64) -> String {
    if mix(i, 1).is_multiple_of(5) {
        org_name(i)
    } else {
        let (g, f) = person_name(i);
        format!("{g} {f}")
    }
}

/// The name searched in conflict search `k` over `contacts` contacts made by
/// [`zipf_contact`]: seven in ten are an existing contact (so common surnames come up as often
/// as they occur), typed with the usual variations (a misspelling, capitals, a different
/// company suffix); three in ten are a new person not necessarily on file, drawn from the same
/// laws.
pub fn conflict_query(k: u64, contacts: u64) -> String {
    if mix(k, 210) % 10 < 3 {
        let (g, f) = person_name(k + 1_000_000_000);
        return format!("{g} {f}");
    }
    let name = zipf_display_name(mix(k, 211) % contacts.max(1));
    match k % 4 {
        0 => name.replacen('e', "a", 1),
        1 => name
            .replace(" Limited", " Ltd")
            .replace(" Ltd", " Limited")
            .replace(" LLP", ""),
        2 => name.to_uppercase(),
        _ => name,
    }
}

/// Writes [`zipf_contact`]`(0..n)` straight into the store, `batch` per transaction, as
/// [`crate::contacts_raw`] does: no permission checks, no audit events.
pub fn zipf_contacts_raw(store: &dyn Store, n: u64, batch: u64) -> Result<(Vec<ContactId>, Load)> {
    let mut ids = Vec::with_capacity(n as usize);
    let start = Instant::now();
    let mut i = 0;
    while i < n {
        let end = (i + batch.max(1)).min(n);
        let mut tx = store.write()?;
        for k in i..end {
            let contact = Contact::create(zipf_contact(k), chrono::Utc::now())?;
            tx.insert_contact(&contact)?;
            ids.push(contact.id);
        }
        tx.commit()?;
        i = end;
    }
    Ok((
        ids,
        Load {
            rows: n,
            elapsed: start.elapsed(),
        },
    ))
}

/// How concentrated the drawn names are, for the report: the share of the `n` first
/// [`zipf_contact`] persons carrying the commonest surname, and the number of distinct
/// surnames among them.
pub fn surname_stats(n: u64) -> (f64, usize) {
    let mut seen = std::collections::HashSet::new();
    let (mut persons, mut commonest) = (0u64, 0u64);
    for i in 0..n {
        if mix(i, 1).is_multiple_of(5) {
            continue;
        }
        persons += 1;
        let r = surname_rank(i, 205);
        if r == 0 {
            commonest += 1;
        }
        seen.insert(r);
    }
    (commonest as f64 / persons.max(1) as f64, seen.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_by_rank() {
        let all: std::collections::HashSet<String> = (0..SURNAMES).map(surname).collect();
        assert_eq!(all.len(), SURNAMES);
        let given: std::collections::HashSet<String> = (0..GIVEN_NAMES).map(given_name).collect();
        assert!(given.len() > GIVEN_NAMES * 9 / 10);
    }

    #[test]
    fn the_commonest_surname_is_about_one_in_a_hundred() {
        let (share, distinct) = surname_stats(200_000);
        assert!((0.005..0.03).contains(&share), "{share}");
        assert!(distinct > 5_000, "{distinct}");
    }
}
