//! A quick test a search runs on every index entry it reads: whether a candidate's indexed
//! words could match the query at all — some pair anchors, and every significant word of one
//! name or the other can pair — without aligning them one to one or building a score. It
//! never says no to a name [`super::score_normalised`] would match (property test
//! `the_quick_filter_never_rejects_a_match`), and says no to most others, so only the few that
//! pass are scored.

use super::normalise::NormalisedName;
use super::score::{NameMatch, compare_words, score_with};
use super::token::{Class, Token, classify, promote, token};

/// The query's side of the quick test, built once per searched name.
#[derive(Debug, Clone)]
pub struct QuickFilter {
    /// The query's normalised words joined by single spaces.
    joined: String,
    /// The query's words, classified once.
    words: Vec<Word>,
}

/// A classified word of the query, owned (see [`Token`]).
#[derive(Debug, Clone)]
struct Word {
    text: String,
    class: Class,
    soundex: Option<[u8; 4]>,
    /// The length in bytes of the word's first four characters, when it has four or more.
    prefix: Option<usize>,
}

impl Word {
    fn view(&self) -> Token<'_> {
        Token {
            text: &self.text,
            class: self.class,
            soundex: self.soundex,
            prefix: self.prefix.and_then(|n| self.text.get(..n)),
        }
    }
}

/// The most words a name may have to be tested without allocating.
const WORDS: usize = 8;

/// Whether two significant words pair at all, as the scorer pairs them (equal, one starting
/// the other, the same Soundex code, or spelled alike with a shared key): the spelling test
/// runs only for words sharing a prefix or Soundex digits but not the code.
fn could_pair(a: &Token<'_>, b: &Token<'_>) -> bool {
    compare_words(a, b).is_some()
}

/// Whether word `a` of one name could pair with word `b` of the other for coverage: two
/// significant words as [`could_pair`], or a significant word with an initial it starts with.
fn covers(a: &Token<'_>, b: &Token<'_>) -> bool {
    match (a.class, b.class) {
        (Class::Significant, Class::Significant) => could_pair(a, b),
        (Class::Significant, Class::Initial) => a.text.starts_with(b.text),
        _ => false,
    }
}

/// Whether every significant word of `these` could pair with some word of `those`.
fn all_covered(these: &[Token<'_>], those: &[Token<'_>]) -> bool {
    these
        .iter()
        .filter(|t| t.class == Class::Significant)
        .all(|t| those.iter().any(|o| covers(t, o)))
}

impl QuickFilter {
    /// The filter for `query`.
    pub fn new(query: &NormalisedName) -> Self {
        let words = classify(&query.tokens)
            .into_iter()
            .map(|t| Word {
                text: t.text.to_owned(),
                class: t.class,
                soundex: t.soundex,
                prefix: t.prefix.map(str::len),
            })
            .collect();
        Self {
            joined: query.tokens.join(" "),
            words,
        }
    }

    /// Whether a name whose normalised words are `tokens` (joined by single spaces) could
    /// match the query: `false` only when scoring it would find no match. Names of up to
    /// [`WORDS`] words are tested without allocating.
    pub fn may_match(&self, tokens: &str) -> bool {
        if tokens == self.joined {
            return true;
        }
        if self.words.is_empty() {
            return false;
        }
        let mut theirs = [token(""); WORDS];
        let mut n = 0;
        for t in tokens.split(' ').filter(|t| !t.is_empty()) {
            match theirs.get_mut(n) {
                Some(slot) => *slot = token(t),
                None => return self.may_match_long(tokens),
            }
            n += 1;
        }
        let theirs = &mut theirs[..n];
        promote(theirs);
        self.judge(theirs)
    }

    /// [`Self::may_match`] for names of more than [`WORDS`] words.
    fn may_match_long(&self, tokens: &str) -> bool {
        let theirs: Vec<&str> = tokens.split(' ').filter(|t| !t.is_empty()).collect();
        self.judge(&classify(&theirs))
    }

    /// Scores a candidate's normalised `words` and name as given (`original`) against
    /// `query`, which must be the name this filter was built for: [`super::score_words`]
    /// without classifying the query again.
    pub fn score<S: AsRef<str>>(
        &self,
        query: &NormalisedName,
        words: &[S],
        original: &str,
    ) -> Option<NameMatch> {
        self.with_query(|q| score_with(query, q, words, original))
    }

    /// Calls `f` with the query's classified words (without allocating for up to [`WORDS`]).
    fn with_query<T>(&self, f: impl FnOnce(&[Token<'_>]) -> T) -> T {
        if self.words.len() <= WORDS {
            let mut short = [token(""); WORDS];
            for (slot, w) in short.iter_mut().zip(&self.words) {
                *slot = w.view();
            }
            f(&short[..self.words.len()])
        } else {
            let long: Vec<Token<'_>> = self.words.iter().map(Word::view).collect();
            f(&long)
        }
    }

    /// The test itself, on the candidate's classified words.
    fn judge(&self, c: &[Token<'_>]) -> bool {
        if c.is_empty() {
            return false;
        }
        self.with_query(|q| Self::judge_with(q, c))
    }

    /// The test, with the query's classified words.
    fn judge_with(q: &[Token<'_>], c: &[Token<'_>]) -> bool {
        let anchored = q.iter().any(|a| {
            a.class == Class::Significant
                && c.iter()
                    .any(|b| b.class == Class::Significant && could_pair(a, b))
        });
        anchored && (all_covered(q, c) || all_covered(c, q))
    }
}

#[cfg(test)]
mod tests {
    use super::QuickFilter;
    use crate::conflicts::normalise;

    #[test]
    fn rejects_names_that_only_share_one_word() {
        let f = QuickFilter::new(&normalise("John Smith"));
        for yes in [
            "john smith",
            "jon smyth",
            "j smith",
            "smith",
            "smith john",
            "john a smith",
        ] {
            assert!(f.may_match(yes), "{yes}");
        }
        for no in ["mary smith", "john jones", "acme", "", "j"] {
            assert!(!f.may_match(no), "{no}");
        }
        assert!(QuickFilter::new(&normalise("Catherine")).may_match("katherine"));
        assert!(QuickFilter::new(&normalise("J")).may_match("j"));
    }
}
