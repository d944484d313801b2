//! How a search reads the conflict index for one name: few entries, yet every name that
//! [`super::score_normalised`] would match.
//!
//! A match pairs words one to one, and [`super::score_names`] returns one only when every
//! significant word of the query is paired, or every significant word of the candidate is,
//! and at least one pair joins two significant words (which then share a key of
//! [`super::blocking_keys`]). A word pairs with a significant word through a shared key, or
//! with an initial it starts with. So, with the query's significant words `q1 … qn` taken in
//! any order (a search takes the most selective first) and `I` initials in the query, every
//! match is
//!
//! * a name with the same words (the `n:` key), or
//! * a name sharing a key with `q1`, or with an initial that starts `q1` (`i:` key) when
//!   `n ≥ 2` — every query word paired; or
//! * a name of `m` significant words, each paired with a different query word, at least
//!   `m − I` of them through keys: it shares keys with that many different query words, so
//!   with one of `q1 … q(n−m+I+1)`; under the keys of `qj` (`j ≥ 2`) only names with at most
//!   `n − j + 1 + I` significant words need reading.
//!
//! And when the query has two significant words or more, a matching name of two significant
//! words or more found under a key has a word other than the one the key comes from that is
//! paired with a word or initial of the query (every query word is paired, or every word of
//! the name is, one to one), and paired words share a bit: so the name's
//! [`IndexKey::other_words`] under that key share a bit with the query's words
//! ([`Probe::sharing`]), which a store tests without reading the name.
//!
//! The names sharing a word's Soundex digits are many (digits ignore the first letter, so that
//! "Catherine" finds "Katherine"). The index files them by the name's other words
//! ([`IndexedName::families`]): a query of one significant word reads the whole family; a
//! query of more reads the names of one significant word, and those with another word that
//! starts as a query word or initial does or has a query word's digits — the words that can
//! pair with a query word, since a matching name of two significant words or more has one
//! besides the word the key comes from.
//!
//! The property test `plans_find_every_match` checks this against the scorer.

use super::index::{IndexKey, IndexedName};
use super::keys::{digits_family, strong_keys, whole_name_key};
use super::normalise::{NormalisedName, normalise};
use super::token::{Class, classify};

/// One read of the index: every name filed under any of `keys` or under a key starting with
/// one of `prefixes`, keeping only names with at most `max_significant` significant words when
/// that is set, and only names with at most one significant word or whose
/// [`IndexKey::other_words`] under the key share a bit with `sharing` when that is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The keys to read.
    pub keys: Vec<String>,
    /// Families of keys to read whole: every key starting with one of these.
    pub prefixes: Vec<String>,
    /// The most significant words a name read may have (`None`: any number).
    pub max_significant: Option<u16>,
    /// Bits that a name of two significant words or more must share with its
    /// [`IndexKey::other_words`] under the key (`None`: no such test).
    pub sharing: Option<u64>,
}

impl Probe {
    /// Whether this probe reads the index entry `entry` (under one of its keys or more).
    pub fn reads(&self, entry: &IndexedName) -> bool {
        self.max_significant
            .is_none_or(|max| entry.significant <= max)
            && entry
                .keys
                .iter()
                .any(|k| self.reads_key(k, entry.significant))
    }

    /// Whether this probe reads a name of `significant` significant words under `key`.
    pub fn reads_key(&self, key: &IndexKey, significant: u16) -> bool {
        (self.keys.contains(&key.key) || self.prefixes.iter().any(|p| key.key.starts_with(p)))
            && self
                .sharing
                .is_none_or(|bits| significant <= 1 || key.other_words & bits != 0)
    }
}

/// How one significant word of the query is looked up.
#[derive(Debug, Clone)]
struct Word {
    /// Its keys but the digits ones ([`strong_keys`]).
    strong: Vec<String>,
    /// Its digits family, when it has Soundex digits.
    family: Option<String>,
}

/// The reads that find every candidate for one searched name.
#[derive(Debug, Clone)]
pub struct SearchPlan {
    query: NormalisedName,
    /// The significant words, in query order.
    words: Vec<Word>,
    /// The first characters of the significant words and initials, once each.
    letters: Vec<char>,
    /// The Soundex digits of the significant words, once each.
    digits: Vec<String>,
    /// The first character of each significant word, in query order.
    firsts: Vec<String>,
    initials: usize,
    /// The bits ([`IndexedName::words`]) of the query's significant words and initials.
    bits: u64,
}

impl SearchPlan {
    /// The plan for searching `name`.
    pub fn new(name: &str) -> Self {
        let query = normalise(name);
        let classes = classify(&query.tokens);
        let mut words = Vec::new();
        let mut firsts = Vec::new();
        let mut letters = Vec::new();
        let mut digits = Vec::new();
        for token in classes.iter().filter(|t| t.class != Class::Low) {
            let first = token.text.chars().next();
            if let Some(c) = first.filter(|c| !letters.contains(c)) {
                letters.push(c);
            }
            if token.class != Class::Significant {
                continue;
            }
            let code = token.digits();
            if let Some(d) = code.map(|d| String::from_utf8_lossy(&d).into_owned())
                && !digits.contains(&d)
            {
                digits.push(d);
            }
            words.push(Word {
                strong: strong_keys(token),
                family: code.map(digits_family),
            });
            firsts.push(first.map(String::from).unwrap_or_default());
        }
        let initials = classes.iter().filter(|t| t.class == Class::Initial).count();
        let bits = classes
            .iter()
            .filter(|t| t.class != Class::Low)
            .fold(0, |b, t| b | t.bits());
        Self {
            query,
            words,
            letters,
            digits,
            firsts,
            initials,
            bits,
        }
    }

    /// The searched name, normalised.
    pub fn query(&self) -> &NormalisedName {
        &self.query
    }

    /// The keys of each significant word of the query (in query order), a digits family
    /// among them when it has Soundex digits: what a search counts to take the most selective
    /// word first.
    pub fn word_keys(&self) -> Vec<Vec<String>> {
        self.words
            .iter()
            .map(|w| w.strong.iter().chain(&w.family).cloned().collect())
            .collect()
    }

    /// The probe of word `w`'s keys: its strong keys, and its digits family whole for a query
    /// of one significant word, or else the family's keys for names of one significant word
    /// (`*`) and for names with another word starting as a query word or initial does, or
    /// with the Soundex digits of a query word (see [`super::IndexedName::families`]).
    fn word_probe(&self, w: &Word, max_significant: Option<u16>, sharing: Option<u64>) -> Probe {
        let mut keys = w.strong.clone();
        let mut prefixes = Vec::new();
        if let Some(family) = &w.family {
            if self.words.len() >= 2 {
                keys.push(format!("{family}*"));
                keys.extend(self.letters.iter().map(|c| format!("{family}{c}")));
                keys.extend(self.digits.iter().map(|d| format!("{family}~{d}")));
            } else {
                prefixes.push(family.clone());
            }
        }
        Probe {
            keys,
            prefixes,
            max_significant,
            sharing,
        }
    }

    /// The probes, with the significant words taken in `order` (indexes into
    /// [`Self::word_keys`]; missing or repeated indexes are made good in query order). Their
    /// union holds every name the query matches, whatever the order.
    pub fn probes(&self, order: &[usize]) -> Vec<Probe> {
        let mut out = Vec::new();
        if !self.query.tokens.is_empty() {
            out.push(Probe {
                keys: vec![whole_name_key(&self.query.tokens)],
                prefixes: Vec::new(),
                max_significant: None,
                sharing: None,
            });
        }
        let order = self.complete(order);
        let n = order.len();
        for (j, &w) in order.iter().enumerate() {
            let max_significant = if j == 0 {
                None
            } else {
                Some(u16::try_from(n - j + self.initials).unwrap_or(u16::MAX))
            };
            let sharing = (n >= 2).then_some(self.bits);
            out.push(self.word_probe(&self.words[w], max_significant, sharing));
            if j == 0 && n >= 2 {
                out.push(Probe {
                    keys: vec![format!("i:{}", self.firsts[w])],
                    prefixes: Vec::new(),
                    max_significant: None,
                    sharing,
                });
            }
        }
        out
    }

    /// `order` made a permutation of the word indexes: valid indexes first, once each, then
    /// the others in query order.
    fn complete(&self, order: &[usize]) -> Vec<usize> {
        let n = self.words.len();
        let mut out: Vec<usize> = Vec::with_capacity(n);
        for w in order.iter().copied().chain(0..n) {
            if w < n && !out.contains(&w) {
                out.push(w);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{Probe, SearchPlan};

    fn probe(keys: &[&str], max: Option<u16>, sharing: Option<u64>) -> Probe {
        Probe {
            keys: keys.iter().map(|k| (*k).to_owned()).collect(),
            prefixes: Vec::new(),
            max_significant: max,
            sharing,
        }
    }

    #[test]
    fn a_two_word_name_reads_its_rarer_word_whole_and_the_other_for_short_names() {
        let plan = SearchPlan::new("John Smith");
        assert_eq!(plan.word_keys()[0], ["s:J500", "p:john"]);
        assert_eq!(plan.word_keys()[1], ["p:smit", "d:530|"]);
        let both = Some(plan.bits);
        assert_eq!(
            plan.probes(&[1, 0]),
            [
                probe(&["n:john smith"], None, None),
                probe(
                    &["p:smit", "d:530|*", "d:530|j", "d:530|s", "d:530|~530"],
                    None,
                    both
                ),
                probe(&["i:s"], None, both),
                probe(&["s:J500", "p:john"], Some(1), both),
            ]
        );
        let smith = SearchPlan::new("Smith").probes(&[]);
        assert!(smith.iter().all(|p| p.sharing.is_none()));
        assert_eq!(smith[1].prefixes, ["d:530|"]);
        assert_eq!(plan.probes(&[7, 1, 1]), plan.probes(&[1, 0]));
        assert_eq!(SearchPlan::new(" ").probes(&[]), []);
        assert_eq!(SearchPlan::new("J").probes(&[]).len(), 1);
    }
}
