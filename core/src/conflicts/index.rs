//! What a store keeps for each name in its conflict index, so that a search can find and
//! score candidates from the index alone.

use super::keys::blocking_keys;
use super::normalise::normalise;
use super::token::{Class, classify};

/// The index entry of one name: the keys a store files it under, and what it keeps beside
/// each of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedName {
    /// The keys: the name's [`blocking_keys`], and `i:<letter>` for each initial of a name
    /// that also has a significant word ("J. Smith" is under `i:j`), deduplicated.
    pub keys: Vec<String>,
    /// The normalised words ([`super::NormalisedName::tokens`]) joined by single spaces; the
    /// words never contain spaces, so splitting on them gives the words back.
    pub tokens: String,
    /// How many of the words are significant: not an initial, and not a low-weight word such
    /// as "holdings" unless the name has nothing else. A search asks for names with few
    /// significant words under some keys (see [`super::SearchPlan`]).
    pub significant: u16,
}

/// The index entry of `name` (a contact's display name).
pub fn index_name(name: &str) -> IndexedName {
    let normalised = normalise(name);
    let classes = classify(&normalised.tokens);
    let significant = classes
        .iter()
        .filter(|t| t.class == Class::Significant)
        .count();
    let mut keys = blocking_keys(name);
    if significant > 0 {
        for token in classes.iter().filter(|t| t.class == Class::Initial) {
            let key = format!("i:{}", token.text);
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    IndexedName {
        keys,
        tokens: normalised.tokens.join(" "),
        significant: u16::try_from(significant).unwrap_or(u16::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::index_name;

    #[test]
    fn entries_keep_words_significance_and_initials() {
        let e = index_name("Dr John A. Smith");
        assert_eq!(e.tokens, "john a smith");
        assert_eq!(e.significant, 2);
        assert!(e.keys.contains(&"i:a".to_owned()));
        assert!(e.keys.contains(&"n:john a smith".to_owned()));
        let e = index_name("Acme Holdings Ltd");
        assert_eq!((e.tokens.as_str(), e.significant), ("acme holdings", 1));
        let e = index_name("Holdings Group");
        assert_eq!(e.significant, 2);
        let e = index_name("J");
        assert_eq!((e.keys, e.significant), (vec!["n:j".to_owned()], 0));
        assert_eq!(index_name("  ").keys, Vec::<String>::new());
    }
}
