//! Names with a realistic, long-tailed distribution, for conflict searches at scale.
//!
//! [`crate::new_contact`] draws from 40 given and 80 family names, so at a million contacts
//! every name is shared by hundreds of people: a worst case for a name search, not a firm's
//! contact list. Real name frequencies are Zipf-like: in England and Wales the commonest
//! surname (Smith) is carried by about 1.3 % of people, the tenth by about 0.35 %, the
//! hundredth by about 0.08 %, and most surnames are rare. This module draws, as pure functions
//! of the row number (so two runs build the same data):
//!
//! * family names from [`SURNAMES`] ranks with weight `rank^-0.6` (the commonest about 1.3 %,
//!   the hundred commonest about a fifth): common real surnames first (with their Soundex
//!   neighbours such as Smyth, accents and apostrophes), then synthetic ones built from
//!   English place-name parts and from syllables, distinct by construction;
//! * given names from [`GIVEN_NAMES`] ranks with weight `(rank + 5)^-1` (the commonest about
//!   2.7 %, the hundred-odd real names first about half of all people);
//!   one person in 25 has a middle initial ("John A. Smith"), one in 100 gives only an initial
//!   ("J. Smith"), one in 50 has a double-barrelled surname;
//! * organisations (one contact in five, as in [`crate::new_contact`]): a word or two from
//!   [`ORGANISATION_WORDS`] ranks (weight `rank^-0.7`) and a company suffix, or a partnership
//!   or family firm named after surnames ("Patel & Khan LLP", "Harris & Sons Ltd").
//!
//! [`zipf_contact`] is [`crate::new_contact`] with these names; [`conflict_query`] is the name
//! a conflict search types.

use std::sync::OnceLock;

use std::time::Instant;

use lexcase::contacts::{Contact, ContactKind, Email, NewContact};
use lexcase::store::Store;
use lexcase::{ContactId, Result};

use crate::{Load, mix, new_contact};

/// Number of distinct family names drawn from.
pub const SURNAMES: usize = 5_000;
/// Number of distinct given names drawn from.
pub const GIVEN_NAMES: usize = 2_500;
/// Number of distinct words organisation names are made of.
pub const ORGANISATION_WORDS: usize = 3_000;

/// Common surnames of England and Wales, most frequent first (with some of Scotland, Ireland
/// and the UK's larger communities, and spelling variants that sound alike).
#[rustfmt::skip]
const REAL_SURNAMES: [&str; 154] = [
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
    "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes",
    "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin",
    "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison",
    "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price",
    "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey",
    "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall",
    "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman",
    "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews",
    "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell",
    "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "Graham", "Pearson",
    "Ahmed", "Fletcher", "Walsh", "Kaur", "Gibson", "Howard", "Andrews", "Stewart", "Elliott",
    "Reynolds", "Saunders", "Payne", "Fox", "Ford", "Pearce", "Day", "Brooks", "West", "Lawrence",
    "Cole", "Atkinson", "Bradley", "Spencer", "Gill", "Dawson", "Ball", "Burton", "O'Brien",
    "Watts", "Rose", "Booth", "Perry", "Ryan", "Grant", "Wells", "Armstrong", "Francis", "Rees",
    "Hayes", "Hart", "Hudson", "Newman", "Barrett", "Kennedy", "Robertson", "Smyth", "Nowak",
    "Okonkwo", "Müller", "García", "Kowalski", "O'Connor",
];

/// Common given names, most frequent first.
#[rustfmt::skip]
const REAL_GIVEN: [&str; 119] = [
    "David", "John", "Sarah", "Michael", "James", "Paul", "Emma", "Andrew", "Mark", "Claire",
    "Richard", "Laura", "Peter", "Helen", "Daniel", "Rachel", "Thomas", "Karen", "Christopher",
    "Susan", "Stephen", "Nicola", "Matthew", "Julie", "Robert", "Lisa", "Oliver", "Amelia",
    "George", "Olivia", "Harry", "Isla", "Jack", "Emily", "William", "Sophie", "Jane", "Mary",
    "Joshua", "Charlotte", "Samuel", "Hannah", "Benjamin", "Jessica", "Alexander", "Lucy", "Ian",
    "Fiona", "Adam", "Amy", "Luke", "Rebecca", "Ryan", "Katie", "Noah", "Grace", "Leo", "Mia",
    "Arthur", "Ava", "Mohammed", "Aisha", "Muhammad", "Fatima", "Rohan", "Priya", "Anil", "Deepa",
    "Wei", "Mei", "Chen", "Kwame", "Ama", "Ngozi", "Oluwaseun", "Siobhan", "Niamh", "Sean",
    "Ciara", "Dylan", "Bethan", "Rhys", "Ewan", "Morag", "Callum", "Tomasz", "Zofia", "Piotr",
    "Agnieszka", "Luca", "Chiara", "Marco", "Sofia", "José", "María", "Jon", "Jean", "Joan",
    "Jonathan", "Catherine", "Katherine", "Kathryn", "Stephanie", "Steven", "Philip", "Phillip",
    "Anne", "Ann", "Elizabeth", "Margaret", "Patricia", "Linda", "Barbara", "Carol", "Joanne",
    "Louise", "Gareth", "Owain", "Dafydd",
];

/// The first parts of English place names ("Ash-", "Brad-").
#[rustfmt::skip]
const PLACE_HEADS: [&str; 40] = [
    "Ash", "Bard", "Brad", "Brom", "Cart", "Chad", "Dun", "Eld", "Fair", "Gold", "Hart", "Hay",
    "Kel", "Lang", "Mar", "Mid", "Nor", "Old", "Pen", "Ram", "Red", "Rod", "Sal", "Stan", "Thorn",
    "Wal", "Whit", "Wins", "Al", "Bur", "Cal", "Dal", "Fen", "Grim", "Hol", "Kings", "Lin", "Mor",
    "Rath", "Wy",
];

/// The last parts of English place names ("-ford", "-ley").
#[rustfmt::skip]
const PLACE_TAILS: [&str; 25] = [
    "ford", "ley", "ton", "wood", "by", "field", "well", "combe", "ham", "more", "son", "er",
    "ridge", "stone", "worth", "man", "dale", "brook", "hurst", "wick", "bury", "cott", "land",
    "shaw", "thwaite",
];

#[rustfmt::skip]
const ONSETS: [&str; 18] = [
    "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh", "br",
];
const VOWELS: [&str; 6] = ["a", "e", "i", "o", "u", "ai"];
const ENDINGS: [&str; 8] = ["", "n", "r", "s", "k", "ski", "ova", "ez"];

/// Words organisations are commonly named with, before the synthetic ones.
#[rustfmt::skip]
const REAL_ORG_WORDS: [&str; 40] = [
    "Northbank", "Harbour", "Meridian", "Oakfield", "Riverside", "Summit", "Beacon", "Granite",
    "Kestrel", "Lantern", "Pennine", "Thistle", "Aldgate", "Birchwood", "Cobalt", "Dunmore",
    "Elmstead", "Fairway", "Gatehouse", "Holloway", "Ironbridge", "Juniper", "Kingsmead",
    "Larkspur", "Mariner", "Newgate", "Orchard", "Portland", "Quayside", "Redcliffe", "Albion",
    "Britannia", "Crown", "Phoenix", "Sterling", "Victoria", "Atlas", "Horizon", "Pinnacle",
    "Vanguard",
];

/// Company suffixes and kinds, with their weight (out of 100).
const ORG_KINDS: [(&str, u64); 14] = [
    ("Ltd", 30),
    ("Limited", 12),
    ("Holdings Ltd", 8),
    ("Group Ltd", 6),
    ("Properties Ltd", 6),
    ("Trading Ltd", 4),
    ("Services Ltd", 6),
    ("plc", 5),
    ("Bank plc", 2),
    ("Building Society", 1),
    ("LLP", 8),
    ("& Co", 3),
    ("Inc", 5),
    ("LLC", 4),
];

/// Capitalises the first letter.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Distinct words [`syllabic`] makes: an ending after three syllables.
const SYLLABIC_WORDS: usize = ENDINGS.len() * (ONSETS.len() * VOWELS.len()).pow(3);

/// A syllabic word for `n` (taken modulo [`SYLLABIC_WORDS`]): three consonant-vowel
/// syllables and an ending, such as "Kemirova" or "Tazunski".
fn syllabic(n: usize) -> String {
    let n = n % SYLLABIC_WORDS;
    let syllables = ONSETS.len() * VOWELS.len();
    let ending = ENDINGS[n % ENDINGS.len()];
    let mut k = n / ENDINGS.len();
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

/// A place-name compound for `n` below `PLACE_HEADS.len() * PLACE_TAILS.len()`, scattered so
/// that neighbouring `n` do not share their first part ("Thornworth", "Bradley").
fn place_name(n: usize) -> String {
    let compounds = PLACE_HEADS.len() * PLACE_TAILS.len();
    // 7 is prime to the number of compounds, so distinct `n` give distinct compounds.
    let j = (n * 7) % compounds;
    format!(
        "{}{}",
        PLACE_HEADS[j % PLACE_HEADS.len()],
        PLACE_TAILS[j / PLACE_HEADS.len()]
    )
}

/// The family name of `rank` (0 is the commonest): real surnames, then place-name compounds,
/// then syllabic names.
pub fn surname(rank: usize) -> String {
    if let Some(real) = REAL_SURNAMES.get(rank) {
        return (*real).to_owned();
    }
    let k = rank - REAL_SURNAMES.len();
    let compounds = PLACE_HEADS.len() * PLACE_TAILS.len();
    if k < compounds {
        let name = place_name(k);
        // A few compounds are real surnames already ("Bradley"): take a syllabic word instead.
        if !REAL_SURNAMES.contains(&name.as_str()) {
            return name;
        }
        return syllabic((SYLLABIC_WORDS / 2 + k) * 8_191);
    }
    // 8 191 is prime and does not divide the number of words: distinct ranks, distinct words.
    syllabic((k - compounds) * 8_191)
}

/// The given name of `rank` (0 is the commonest): real names, then syllabic ones ending
/// mostly in a vowel.
pub fn given_name(rank: usize) -> String {
    match REAL_GIVEN.get(rank) {
        Some(real) => (*real).to_owned(),
        None => {
            let word = syllabic((rank - REAL_GIVEN.len()) * 613 + 300_000);
            word.trim_end_matches(['n', 'r', 's', 'k']).to_owned()
        }
    }
}

/// The organisation word of `rank`: real ones, then place names and syllabic words not used
/// as the commoner surnames.
fn org_word(rank: usize) -> String {
    match REAL_ORG_WORDS.get(rank) {
        Some(w) => (*w).to_owned(),
        None => surname(rank + 1_500),
    }
}

/// Cumulative weights of a Zipf-like law over `n` ranks, rank `k` (from 1) weighing
/// `(k + offset)^-s`, ending at 1.
fn cumulative(n: usize, s: f64, offset: f64) -> Vec<f64> {
    let mut total = 0.0;
    let mut out: Vec<f64> = (1..=n)
        .map(|k| {
            total += (k as f64 + offset).powf(-s);
            total
        })
        .collect();
    for w in &mut out {
        *w /= total;
    }
    out
}

fn surname_table() -> &'static [f64] {
    static T: OnceLock<Vec<f64>> = OnceLock::new();
    T.get_or_init(|| cumulative(SURNAMES, 0.6, 0.0))
}

fn given_table() -> &'static [f64] {
    static T: OnceLock<Vec<f64>> = OnceLock::new();
    T.get_or_init(|| cumulative(GIVEN_NAMES, 1.0, 5.0))
}

fn org_table() -> &'static [f64] {
    static T: OnceLock<Vec<f64>> = OnceLock::new();
    T.get_or_init(|| cumulative(ORGANISATION_WORDS, 0.7, 0.0))
}

/// A uniform number in [0, 1) from `mix(i, salt)`.
fn unit(i: u64, salt: u64) -> f64 {
    (mix(i, salt) >> 11) as f64 / (1u64 << 53) as f64
}

/// The rank drawn for `u` in [0, 1) from a cumulative table.
fn draw(table: &[f64], u: f64) -> usize {
    table
        .partition_point(|&c| c <= u)
        .min(table.len().saturating_sub(1))
}

/// The rank of a family name drawn for row `i` (salt `salt`).
pub fn surname_rank(i: u64, salt: u64) -> usize {
    draw(surname_table(), unit(i, salt))
}

/// The rank of a given name drawn for row `i` (salt `salt`).
pub fn given_rank(i: u64, salt: u64) -> usize {
    draw(given_table(), unit(i, salt))
}

/// A person's (given, family) names for row `i`: see the module documentation for the
/// initials and double-barrelled names.
pub fn person_name(i: u64) -> (String, String) {
    let given = given_name(given_rank(i, 204));
    let mut family = surname(surname_rank(i, 205));
    if mix(i, 206).is_multiple_of(50) {
        family = format!("{family}-{}", surname(surname_rank(i, 207)));
    }
    let initial = |salt: u64| char::from(b'A' + (mix(i, salt) % 26) as u8);
    let given = match mix(i, 208) % 100 {
        0 => given
            .chars()
            .next()
            .map_or(given.clone(), |c| format!("{c}.")),
        1..=4 => format!("{given} {}.", initial(209)),
        _ => given,
    };
    (given, family)
}

/// An organisation's name for row `i`: "Harbour Ltd", "Meridian Oakfield Holdings Ltd",
/// "Patel & Khan LLP", "Harris & Sons Ltd".
pub fn organisation_name(i: u64) -> String {
    let word = |salt: u64| org_word(draw(org_table(), unit(i, salt)));
    let mut r = mix(i, 210) % 100;
    let mut kind = ORG_KINDS[0].0;
    for (k, weight) in ORG_KINDS {
        if r < weight {
            kind = k;
            break;
        }
        r -= weight;
    }
    match mix(i, 211) % 100 {
        0..55 => format!("{} {kind}", word(212)),
        55..85 => {
            let (a, b) = (word(212), word(213));
            if a == b {
                format!("{a} {kind}")
            } else {
                format!("{a} {b} {kind}")
            }
        }
        85..93 => format!(
            "{} & {} LLP",
            surname(surname_rank(i, 214)),
            surname(surname_rank(i, 215))
        ),
        _ => format!("{} & Sons Ltd", surname(surname_rank(i, 214))),
    }
}

/// Contact `i` with realistic names: [`new_contact`]`(i)` (same kind, addresses, phones,
/// identifiers) with its names drawn by this module.
pub fn zipf_contact(i: u64) -> NewContact {
    let mut c = new_contact(i);
    match c.kind {
        ContactKind::Organisation => {
            let name = organisation_name(i);
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
            let local = [given.as_str(), family.as_str()]
                .iter()
                .map(|part| {
                    part.to_lowercase()
                        .chars()
                        .filter(char::is_ascii_alphanumeric)
                        .collect::<String>()
                })
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(".");
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

/// The display name of [`zipf_contact`]`(i)` ("given family" or the organisation's name),
/// without building the contact.
pub fn zipf_display_name(i: u64) -> String {
    if mix(i, 1).is_multiple_of(5) {
        organisation_name(i)
    } else {
        let (given, family) = person_name(i);
        format!("{given} {family}")
    }
}

/// The name typed into conflict search number `k` over the first `contacts` contacts of
/// [`zipf_contact`]: seven in ten are a contact on file (drawn uniformly, so common names
/// come up as often as they occur), typed with the usual variations (a vowel mistyped, a
/// different company suffix, capitals); three in ten are a new person drawn from the same
/// laws, who may or may not share a name with someone on file.
pub fn conflict_query(k: u64, contacts: u64) -> String {
    if mix(k, 220) % 10 < 3 {
        let (given, family) = person_name(k + 1_000_000_000);
        return format!("{given} {family}");
    }
    let name = zipf_display_name(mix(k, 221) % contacts.max(1));
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

/// How concentrated the names of the first `n` [`zipf_contact`]s are: the share of persons
/// carrying the commonest surname, and the number of distinct surnames among them.
pub fn surname_stats(n: u64) -> (f64, usize) {
    let mut seen = std::collections::HashSet::new();
    let (mut persons, mut commonest) = (0u64, 0u64);
    for i in 0..n {
        if mix(i, 1).is_multiple_of(5) {
            continue;
        }
        persons += 1;
        let rank = surname_rank(i, 205);
        if rank == 0 {
            commonest += 1;
        }
        seen.insert(rank);
    }
    (commonest as f64 / persons.max(1) as f64, seen.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_distinct_by_rank() {
        let surnames: HashSet<String> = (0..SURNAMES).map(surname).collect();
        assert_eq!(surnames.len(), SURNAMES);
        let given: HashSet<String> = (0..GIVEN_NAMES).map(given_name).collect();
        assert!(given.len() > GIVEN_NAMES * 9 / 10, "{}", given.len());
    }

    #[test]
    fn the_commonest_surname_is_about_one_in_a_hundred() {
        let (share, distinct) = surname_stats(200_000);
        assert!((0.008..0.02).contains(&share), "{share}");
        assert!(distinct > 4_000, "{distinct}");
    }

    #[test]
    fn contacts_are_valid_and_deterministic() {
        for i in 0..2_000 {
            let c = zipf_contact(i);
            let made = lexcase::contacts::Contact::create(c.clone(), chrono::Utc::now()).unwrap();
            assert_eq!(made.display_name(), zipf_display_name(i));
            assert_eq!(zipf_contact(i), c);
        }
        assert_eq!(conflict_query(7, 1_000), conflict_query(7, 1_000));
    }
}
