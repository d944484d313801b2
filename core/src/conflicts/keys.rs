//! Blocking keys: what a store indexes each name under so a search reads few candidates.

use super::normalise::normalise;
use super::token::{Class, Token, classify};

/// The keys a store indexes `name` under; a search looks up the query's keys and scores only
/// the names sharing one. Deduplicated, in a stable order:
///
/// * `n:<tokens>` — the whole normalised name (catches exact and same-after-normalising);
/// * per significant token (not an initial, not a low-weight word such as "holdings" unless
///   the name has nothing else): `t:<token>`, `s:<soundex>` (alphabetic tokens of 3+
///   letters), `d:<soundex digits>` (when two or more digits are non-zero, so "Catherine" and
///   "Katherine" meet) and `p:<first four characters>` (tokens of 4+ characters).
///
/// [`super::score_names`] only returns a match when such a key is shared, so searching by
/// keys loses nothing. No key is a single letter; an empty name has no keys.
pub fn blocking_keys(name: &str) -> Vec<String> {
    let normalised = normalise(name);
    if normalised.tokens.is_empty() {
        return Vec::new();
    }
    let mut keys = vec![whole_name_key(&normalised.tokens)];
    for token in classify(&normalised.tokens) {
        if token.class == Class::Significant {
            keys.extend(word_keys(&token));
        }
    }
    let mut seen = std::collections::HashSet::with_capacity(keys.len());
    keys.retain(|k| seen.insert(k.clone()));
    keys
}

/// The `n:` key of a name's normalised tokens.
pub(crate) fn whole_name_key(tokens: &[String]) -> String {
    format!("n:{}", tokens.join(" "))
}

/// The keys of one significant word: `t:`, `s:`, `d:` and `p:` as [`blocking_keys`] gives
/// them, in that order.
pub(crate) fn word_keys(token: &Token<'_>) -> Vec<String> {
    let mut keys = vec![format!("t:{}", token.text)];
    if let Some(code) = token.soundex {
        keys.push(format!("s:{}", String::from_utf8_lossy(&code)));
    }
    if let Some(digits) = token.digits() {
        keys.push(format!("d:{}", String::from_utf8_lossy(&digits)));
    }
    if let Some(prefix) = token.prefix {
        keys.push(format!("p:{prefix}"));
    }
    keys
}

/// The keys of one significant word but its `d:` key, fewest first: `s:` (else `t:`) when the
/// word has no Soundex digits — a name under `t:w` is under the `s:` of `w` — and `p:`.
/// Names sharing the digits are found through the digits family ([`digits_family`]).
pub(crate) fn strong_keys(token: &Token<'_>) -> Vec<String> {
    let mut keys = word_keys(token);
    let has = |keys: &[String], kind: &str| keys.iter().any(|k| k.starts_with(kind));
    if has(&keys, "d:") {
        keys.retain(|k| !k.starts_with("s:") && !k.starts_with("d:"));
    }
    if has(&keys, "s:") || has(&keys, "d:") || has(&keys, "p:") {
        keys.retain(|k| !k.starts_with("t:"));
    }
    keys
}

/// The family of keys of the names with a word of Soundex digits `digits`: `d:530|`. The index
/// files such a name under `d:530|*` when it has one significant word at most, else under
/// `d:530|<c>` for the first character `c` of each of its other words (significant words and
/// initials) and `d:530|~<digits>` for the Soundex digits of each other significant word.
pub(crate) fn digits_family(digits: [u8; 3]) -> String {
    format!("d:{}|", String::from_utf8_lossy(&digits))
}

#[cfg(test)]
mod tests {
    use super::blocking_keys;

    #[test]
    fn keys_for_a_person_and_a_company() {
        assert_eq!(
            blocking_keys("Dr John Smith"),
            [
                "n:john smith",
                "t:john",
                "s:J500",
                "p:john",
                "t:smith",
                "s:S530",
                "d:530",
                "p:smit"
            ]
        );
        assert_eq!(
            blocking_keys("Acme Holdings Corp"),
            ["n:acme holdings", "t:acme", "s:A250", "d:250", "p:acme"]
        );
        assert_eq!(
            blocking_keys("Holdings"),
            ["n:holdings", "t:holdings", "s:H435", "d:435", "p:hold"]
        );
        assert_eq!(blocking_keys("J"), ["n:j"]);
        assert!(blocking_keys("  ").is_empty());
    }

    #[test]
    fn no_single_letter_keys() {
        for name in ["J. Smith", "A B C", "Lee", "X Æ A-12"] {
            for key in blocking_keys(name) {
                assert!(key.len() > 3, "{name}: {key}");
            }
        }
    }
}
