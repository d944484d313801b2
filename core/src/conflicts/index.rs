//! What a store keeps for each name in its conflict index, so that a search can find and
//! score candidates from the index alone.
//!
//! The entry is derived from the name by this crate's normalisation and keys: a release that
//! changes either must have stores rebuild their index (as an upgrade does, writing every
//! contact again), or searches would test old words against new rules.

use super::keys::{digits_family, whole_name_key, word_keys};
use super::normalise::normalise;
use super::token::{Class, classify};

/// One key a name is filed under, with the bits of the name's other words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexKey {
    /// The key.
    pub key: String,
    /// The union of the bits ([`IndexedName::words`]) of the name's words other than the one
    /// the key comes from (of every word when several words, or the whole name, give the
    /// key). A search of several words reads under a key only the names of one significant
    /// word or whose other words share a bit with the query ([`super::Probe::sharing`]).
    pub other_words: u64,
}

/// The index entry of one name: the keys a store files it under, and what it keeps beside
/// each of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedName {
    /// The keys: the name's [`super::blocking_keys`] (in that order) but its `d:` keys, which
    /// are split by the name's other words ([`Self::families`]), then `i:<letter>` for each
    /// initial of a name that also has a significant word ("J. Smith" is under `i:j`).
    pub keys: Vec<IndexKey>,
    /// The families of digits keys the name is in (`d:530|`, see
    /// [`super::SearchPlan`]): a store counts the names in each family, for a search to take
    /// its most selective word first.
    pub families: Vec<String>,
    /// The normalised words ([`super::NormalisedName::tokens`]) joined by single spaces; the
    /// words never contain spaces, so splitting on them gives the words back.
    pub tokens: String,
    /// How many of the words are significant: not an initial, and not a low-weight word such
    /// as "holdings" unless the name has nothing else. A search asks for names with few
    /// significant words under some keys (see [`super::SearchPlan`]).
    pub significant: u16,
    /// The bits of all the words: for each word, the bit of its first character (one of the
    /// lower 32) and, when it has Soundex digits, a bit of those (one of the upper 32). Words
    /// that can pair share a bit.
    pub words: u64,
}

impl IndexedName {
    /// The keys alone.
    pub fn key_names(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|k| k.key.as_str())
    }
}

/// The index entry of `name` (a contact's display name).
pub fn index_name(name: &str) -> IndexedName {
    let normalised = normalise(name);
    let classes = classify(&normalised.tokens);
    let significant = classes
        .iter()
        .filter(|t| t.class == Class::Significant)
        .count();
    let bits: Vec<u64> = classes.iter().map(|t| t.bits()).collect();
    let words = bits.iter().fold(0, |all, b| all | b);
    let others = |i: usize| {
        bits.iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .fold(0, |all, (_, b)| all | b)
    };
    let mut keys: Vec<IndexKey> = Vec::new();
    let mut file = |key: String, other_words: u64| match keys.iter_mut().find(|k| k.key == key) {
        Some(k) => k.other_words |= other_words,
        None => keys.push(IndexKey { key, other_words }),
    };
    if !normalised.tokens.is_empty() {
        file(whole_name_key(&normalised.tokens), words);
    }
    let mut families: Vec<String> = Vec::new();
    for (i, token) in classes.iter().enumerate() {
        if token.class != Class::Significant {
            continue;
        }
        for key in word_keys(token) {
            if !key.starts_with("d:") {
                file(key, others(i));
            }
        }
        let Some(digits) = token.digits() else {
            continue;
        };
        let family = digits_family(digits);
        if significant <= 1 {
            file(format!("{family}*"), others(i));
        } else {
            for (k, other) in classes.iter().enumerate() {
                if k == i || other.class == Class::Low {
                    continue;
                }
                if let Some(c) = other.text.chars().next() {
                    file(format!("{family}{c}"), others(i));
                }
                if let Some(e) = other.digits().filter(|_| other.class == Class::Significant) {
                    file(
                        format!("{family}~{}", String::from_utf8_lossy(&e)),
                        others(i),
                    );
                }
            }
        }
        if !families.contains(&family) {
            families.push(family);
        }
    }
    if significant > 0 {
        for (i, token) in classes.iter().enumerate() {
            if token.class == Class::Initial {
                file(format!("i:{}", token.text), others(i));
            }
        }
    }
    IndexedName {
        keys,
        families,
        tokens: normalised.tokens.join(" "),
        significant: u16::try_from(significant).unwrap_or(u16::MAX),
        words,
    }
}

#[cfg(test)]
mod tests {
    use super::index_name;
    use crate::conflicts::blocking_keys;

    fn keys(name: &str) -> Vec<String> {
        index_name(name).key_names().map(str::to_owned).collect()
    }

    #[test]
    fn entries_keep_words_significance_and_initials() {
        let e = index_name("Dr John A. Smith");
        assert_eq!(e.tokens, "john a smith");
        assert_eq!(e.significant, 2);
        let mut expected = blocking_keys("Dr John A. Smith");
        expected.retain(|k| k != "d:530");
        expected.extend(["d:530|j".into(), "d:530|a".into(), "i:a".into()]);
        assert_eq!(keys("Dr John A. Smith"), expected);
        assert_eq!(e.families, ["d:530|"]);
        let smith = index_name("Smith").words;
        let john = index_name("John").words;
        assert_ne!(e.words & smith, 0);
        assert_eq!(index_name("Mary").words & smith, 0);
        // Under Smith's keys, the other words are John and the initial.
        let under = |key: &str| e.keys.iter().find(|k| k.key == key).unwrap().other_words;
        assert_eq!(under("t:smith") & smith, 0);
        assert_ne!(under("t:smith") & john, 0);
        assert_eq!(under("n:john a smith"), e.words);
        let e = index_name("Acme Holdings Ltd");
        assert_eq!((e.tokens.as_str(), e.significant), ("acme holdings", 1));
        let mut expected = blocking_keys("Acme Holdings Ltd");
        expected.retain(|k| k != "d:250");
        expected.push("d:250|*".into());
        assert_eq!(keys("Acme Holdings Ltd"), expected);
        assert!(keys("Catherine Smith").contains(&"d:365|~530".to_owned()));
        let e = index_name("Holdings Group");
        assert_eq!(e.significant, 2);
        let e = index_name("J");
        assert_eq!((keys("J"), e.significant), (vec!["n:j".to_owned()], 0));
        assert!(index_name("  ").keys.is_empty());
        // A key two words give keeps the bits of both.
        let e = index_name("Smith Smith");
        assert_eq!(e.keys[1].other_words, smith);
        assert!(keys("Smith Smith").contains(&"d:530|~530".to_owned()));
    }
}
