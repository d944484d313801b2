//! Per-token facts shared by scoring and blocking keys, so the two agree by construction.

use super::normalise::is_low_weight;
use super::soundex;

/// How much a token counts when matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A distinctive word: it carries blocking keys and can anchor a match.
    Significant,
    /// A common company word ("holdings", "group"): matches only itself and never anchors.
    Low,
    /// A single character (an initial): matches a word it starts, never anchors.
    Initial,
}

/// One normalised token with what matching needs to know about it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    /// The folded text.
    pub text: &'a str,
    /// How much it counts.
    pub class: Class,
    /// Its Soundex code, for purely alphabetic tokens of three letters or more.
    pub soundex: Option<[u8; 4]>,
    /// Its first four characters, for tokens of four characters or more.
    pub prefix: Option<&'a str>,
}

impl Token<'_> {
    /// The Soundex digits, when at least two are non-zero (shorter digit runs are too
    /// common to index on their own).
    pub fn digits(&self) -> Option<[u8; 3]> {
        self.soundex
            .filter(|c| c[2] != b'0')
            .map(|c| [c[1], c[2], c[3]])
    }
}

impl Token<'_> {
    /// The bits of [`super::IndexedName::words`] this word sets: one for its first
    /// character (a bit of the lower 32) and, when it has Soundex digits, one for them (a bit
    /// of the upper 32). Two words that can pair share a bit: an equal word, a shared prefix or
    /// Soundex code and an initial that starts the other all mean the same first character;
    /// a Soundex match across first letters means the same digits.
    pub fn bits(&self) -> u64 {
        let mut bits = 0;
        if let Some(c) = self.text.chars().next() {
            bits |= 1 << (u32::from(c) % 32);
        }
        if let Some([a, b, c]) = self.digits() {
            let n = (u32::from(a) * 100 + u32::from(b) * 10 + u32::from(c)) % 32;
            bits |= 1 << (32 + n);
        }
        bits
    }
}

/// Classifies `tokens`: low-weight words count as significant when a name has nothing else.
pub(crate) fn classify<S: AsRef<str>>(tokens: &[S]) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = tokens.iter().map(|t| token(t.as_ref())).collect();
    promote(&mut out);
    out
}

/// One token's facts, before [`promote`] looks at the whole name.
pub(crate) fn token(t: &str) -> Token<'_> {
    let len = t.chars().count();
    let class = if len == 1 {
        Class::Initial
    } else if is_low_weight(t) {
        Class::Low
    } else {
        Class::Significant
    };
    let alphabetic = t.bytes().all(|b| b.is_ascii_lowercase());
    Token {
        text: t,
        class,
        soundex: (alphabetic && len >= 3).then(|| soundex::code(t)).flatten(),
        prefix: t
            .char_indices()
            .nth(4)
            .map(|(i, _)| &t[..i])
            .or((len == 4).then_some(t)),
    }
}

/// Makes low-weight words significant when the name has no significant word.
pub(crate) fn promote(tokens: &mut [Token<'_>]) {
    if !tokens.iter().any(|t| t.class == Class::Significant) {
        for t in tokens {
            if t.class == Class::Low {
                t.class = Class::Significant;
            }
        }
    }
}
