//! Scoring one name against another, with reasons and a plain English explanation.

use serde::{Deserialize, Serialize};

use super::normalise::{NormalisedName, normalise};
use super::token::{Class, Token, classify};

/// Scores below this are not returned by [`score_names`]: a token-overlap match carrying one
/// unmatched extra word, a phonetic match and a prefix match all stay above it; a surname
/// alone shared by two otherwise different people does not reach it.
pub const MATCH_THRESHOLD: u16 = 600;

/// Why two names (or identifiers) were matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MatchReason {
    /// The names are the same text (leading and trailing spaces aside).
    Exact,
    /// The names are the same once case, accents, punctuation, titles and company suffixes
    /// are set aside.
    SameAfterNormalising,
    /// The names share these normalised words.
    TokenOverlap {
        /// The shared words, in query order.
        shared: Vec<String>,
    },
    /// Two words are spelled alike.
    Similar {
        /// Their Jaro-Winkler similarity in thousandths (900..=999).
        jaro_winkler: u16,
    },
    /// Two words have the same Soundex code.
    SoundsLike {
        /// The shared Soundex code ("S530").
        key: String,
    },
    /// One word starts the other ("smith" / "smithfield"), or is its initial.
    Prefix {
        /// The shorter word.
        token: String,
    },
    /// The same identifier (company number, tax id) appears on both.
    Identifier {
        /// The identifier, normalised.
        value: String,
    },
}

/// A scored match between a query and a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameMatch {
    /// 0..=1000; 1000 is an exact match.
    pub score: u16,
    /// What matched, most important first.
    pub reasons: Vec<MatchReason>,
    /// One plain English sentence naming both names.
    pub explanation: String,
}

/// How one query word matched one candidate word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    Equal,
    /// Jaro-Winkler per mille, and the Soundex code when that agrees too.
    Similar(u16, Option<[u8; 4]>),
    SoundsLike([u8; 4]),
    /// The shorter word starts the longer; `true` when the shorter is an initial.
    Prefix(bool),
}

/// One aligned pair of words.
#[derive(Debug, Clone, Copy)]
struct Pair {
    query: usize,
    candidate: usize,
    kind: Kind,
    score: u16,
}

/// Scores `candidate` against `query`; `None` below [`MATCH_THRESHOLD`] or when either name
/// normalises to nothing. Scores:
///
/// * 1000 — the same text (trimmed);
/// * 950 — the same normalised words in the same order ("GLOBEX CORP." / "Globex Corp");
/// * 930 — the same normalised words in another order ("Smith, John" / "John Smith");
/// * otherwise words are paired, best first: equal 1000, spelled alike (Jaro-Winkler ≥ 0.9)
///   its similarity (+50 if Soundex agrees too, at most 990), same Soundex 850, one starting
///   the other 750 (shorter of 4+ letters), an initial starting a word 700. Every significant
///   word of one name must be paired and at least one pair must join two significant words
///   other than by initial; the score is 900 × the mean pair score, less 40 for each unpaired
///   significant word and 10 for each unpaired initial or low-weight word ("holdings").
///
/// Deterministic; symmetric in score except where equally good pairings tie.
pub fn score_names(query: &str, candidate: &str) -> Option<NameMatch> {
    score_normalised(&normalise(query), &normalise(candidate))
}

/// [`score_names`] on names already normalised, so a search normalises its query once (and a
/// store may keep candidates normalised) instead of once per candidate. Same scores.
pub fn score_normalised(q: &NormalisedName, c: &NormalisedName) -> Option<NameMatch> {
    score_words(q, &c.tokens, &c.original)
}

/// [`score_normalised`] with the candidate given as its normalised `words` (borrowed, as a
/// store keeps them) and its name as given, `original`. Same scores.
pub fn score_words<S: AsRef<str>>(
    q: &NormalisedName,
    words: &[S],
    original: &str,
) -> Option<NameMatch> {
    score_with(q, &classify(&q.tokens), words, original)
}

/// [`score_words`] with the query's words already classified (`qi`, as [`classify`] gives
/// them for `q.tokens`), so a search classifies its query once.
pub(crate) fn score_with<S: AsRef<str>>(
    q: &NormalisedName,
    qi: &[Token<'_>],
    words: &[S],
    original: &str,
) -> Option<NameMatch> {
    if q.tokens.is_empty() || words.is_empty() {
        return None;
    }
    let (qt, ct) = (q.original.trim(), original.trim());
    if qt == ct {
        return Some(NameMatch {
            score: 1000,
            reasons: vec![MatchReason::Exact],
            explanation: format!("“{qt}” and “{ct}” are identical"),
        });
    }
    let same = |a: &[String], b: &[S]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.as_str() == y.as_ref())
    };
    if same(&q.tokens, words) {
        return Some(NameMatch {
            score: 950,
            reasons: vec![MatchReason::SameAfterNormalising],
            explanation: format!(
                "“{qt}” and “{ct}” are the same name once case, accents, punctuation, titles \
                 and company suffixes are set aside"
            ),
        });
    }
    let mut qs: Vec<&str> = q.tokens.iter().map(String::as_str).collect();
    let mut cs: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    qs.sort_unstable();
    cs.sort_unstable();
    if qs == cs {
        return Some(NameMatch {
            score: 930,
            reasons: vec![MatchReason::TokenOverlap {
                shared: q.tokens.clone(),
            }],
            explanation: format!("“{qt}” and “{ct}” have the same words in a different order"),
        });
    }
    let ci = classify(words);
    let pairs = align(qi, &ci);
    let anchored = pairs.iter().any(|p| {
        qi[p.query].class == Class::Significant
            && ci[p.candidate].class == Class::Significant
            && p.kind != Kind::Prefix(true)
    });
    let covered = |tokens: &[Token<'_>], side: &dyn Fn(&Pair) -> usize| {
        tokens
            .iter()
            .enumerate()
            .all(|(i, t)| t.class != Class::Significant || pairs.iter().any(|p| side(p) == i))
    };
    if !anchored || !(covered(qi, &|p| p.query) || covered(&ci, &|p| p.candidate)) {
        return None;
    }
    let counted: Vec<u32> = pairs
        .iter()
        .filter(|p| qi[p.query].class != Class::Low)
        .map(|p| u32::from(p.score))
        .collect();
    let mean = counted.iter().sum::<u32>() / u32::try_from(counted.len().max(1)).unwrap_or(1);
    let penalty =
        unpaired_penalty(qi, &pairs, |p| p.query) + unpaired_penalty(&ci, &pairs, |p| p.candidate);
    let score = (900 * mean / 1000).saturating_sub(penalty);
    let score = u16::try_from(score).unwrap_or(0);
    if score < MATCH_THRESHOLD {
        return None;
    }
    let single = q.tokens.len() == 1 && words.len() == 1;
    Some(NameMatch {
        score,
        reasons: reasons(qi, &ci, &pairs),
        explanation: explain(qt, ct, qi, &ci, &pairs, single),
    })
}

/// The penalty for the words of one name left unpaired.
fn unpaired_penalty(tokens: &[Token<'_>], pairs: &[Pair], side: impl Fn(&Pair) -> usize) -> u32 {
    tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| !pairs.iter().any(|p| side(p) == *i))
        .map(|(_, t)| {
            if t.class == Class::Significant {
                40
            } else {
                10
            }
        })
        .sum()
}

/// Pairs words greedily, best pair first (ties by query then candidate position).
fn align(q: &[Token<'_>], c: &[Token<'_>]) -> Vec<Pair> {
    let mut all = Vec::new();
    for (i, a) in q.iter().enumerate() {
        for (j, b) in c.iter().enumerate() {
            if let Some((kind, score)) = compare(a, b) {
                all.push(Pair {
                    query: i,
                    candidate: j,
                    kind,
                    score,
                });
            }
        }
    }
    all.sort_by(|x, y| {
        y.score
            .cmp(&x.score)
            .then(x.query.cmp(&y.query))
            .then(x.candidate.cmp(&y.candidate))
    });
    let mut chosen: Vec<Pair> = Vec::with_capacity(q.len().min(c.len()));
    for p in all {
        if !chosen
            .iter()
            .any(|x| x.query == p.query || x.candidate == p.candidate)
        {
            chosen.push(p);
        }
    }
    chosen.sort_by_key(|p| p.query);
    chosen
}

/// How word `a` matches word `b`, if at all, with the pair's score.
fn compare(a: &Token<'_>, b: &Token<'_>) -> Option<(Kind, u16)> {
    use Class::{Initial, Low, Significant};
    match (a.class, b.class) {
        (Low, Low) | (Initial, Initial) => (a.text == b.text).then_some((Kind::Equal, 1000)),
        (Initial, Significant) if b.text.starts_with(a.text) => Some((Kind::Prefix(true), 700)),
        (Significant, Initial) if a.text.starts_with(b.text) => Some((Kind::Prefix(true), 700)),
        (Significant, Significant) => compare_words(a, b),
        _ => None,
    }
}

/// How two significant words match. Spelling similarity counts only alongside a shared
/// blocking key (Soundex, its digits or the first four letters), which keeps
/// [`super::blocking_keys`] complete.
pub(crate) fn compare_words(a: &Token<'_>, b: &Token<'_>) -> Option<(Kind, u16)> {
    if a.text == b.text {
        return Some((Kind::Equal, 1000));
    }
    let (short, long) = if a.text.len() <= b.text.len() {
        (a, b)
    } else {
        (b, a)
    };
    if short.prefix.is_some() && long.text.starts_with(short.text) {
        return Some((Kind::Prefix(false), 750));
    }
    let sounds = a.soundex.filter(|_| a.soundex == b.soundex);
    let keyed = sounds.is_some()
        || (a.prefix.is_some() && a.prefix == b.prefix)
        || (a.digits().is_some() && a.digits() == b.digits());
    if keyed && a.text.chars().count() >= 3 && b.text.chars().count() >= 3 {
        let jw = strsim::jaro_winkler(a.text, b.text);
        // jw is within 0..=1, so the per mille value fits a u16.
        let per_mille = (jw * 1000.0).round().clamp(0.0, 1000.0) as u16;
        if per_mille >= 900 {
            let score = if sounds.is_some() {
                (per_mille + 50).min(990)
            } else {
                per_mille
            };
            return Some((Kind::Similar(per_mille, sounds), score));
        }
    }
    sounds.map(|code| (Kind::SoundsLike(code), 850))
}

/// The reasons for a word-by-word match: shared words first, then each other pair.
fn reasons(q: &[Token<'_>], c: &[Token<'_>], pairs: &[Pair]) -> Vec<MatchReason> {
    let shared: Vec<String> = pairs
        .iter()
        .filter(|p| p.kind == Kind::Equal)
        .map(|p| q[p.query].text.to_owned())
        .collect();
    let mut out = Vec::new();
    if !shared.is_empty() {
        out.push(MatchReason::TokenOverlap { shared });
    }
    for p in pairs {
        let (a, b) = (q[p.query].text, c[p.candidate].text);
        match p.kind {
            Kind::Equal => {}
            Kind::Similar(jw, sounds) => {
                out.push(MatchReason::Similar { jaro_winkler: jw });
                if let Some(code) = sounds {
                    out.push(MatchReason::SoundsLike {
                        key: code_str(code),
                    });
                }
            }
            Kind::SoundsLike(code) => out.push(MatchReason::SoundsLike {
                key: code_str(code),
            }),
            Kind::Prefix(_) => out.push(MatchReason::Prefix {
                token: if a.len() <= b.len() { a } else { b }.to_owned(),
            }),
        }
    }
    out
}

/// A Soundex code as text.
fn code_str(code: [u8; 4]) -> String {
    code.iter().map(|&b| char::from(b)).collect()
}

/// The explanation sentence. With one word a side the clause names the names themselves
/// ("“Smyth” sounds like “Smith” (S530)"); otherwise it lists what paired.
fn explain(
    qt: &str,
    ct: &str,
    q: &[Token<'_>],
    c: &[Token<'_>],
    pairs: &[Pair],
    single: bool,
) -> String {
    let shared: Vec<String> = pairs
        .iter()
        .filter(|p| p.kind == Kind::Equal)
        .map(|p| format!("“{}”", q[p.query].text))
        .collect();
    let mut clauses = Vec::new();
    if !shared.is_empty() {
        clauses.push(format!("both contain {}", shared.join(" and ")));
    }
    for p in pairs {
        let (a, b) = if single {
            (qt, ct)
        } else {
            (q[p.query].text, c[p.candidate].text)
        };
        let (short, long) = if q[p.query].text.len() <= c[p.candidate].text.len() {
            (a, b)
        } else {
            (b, a)
        };
        clauses.push(match p.kind {
            Kind::Equal => continue,
            Kind::Similar(jw, None) => {
                format!("“{a}” is spelled like “{b}” (Jaro-Winkler 0.{jw:03})")
            }
            Kind::Similar(jw, Some(code)) => format!(
                "“{a}” sounds like “{b}” ({}) and is spelled alike (Jaro-Winkler 0.{jw:03})",
                code_str(code)
            ),
            Kind::SoundsLike(code) => {
                format!("“{a}” sounds like “{b}” ({})", code_str(code))
            }
            Kind::Prefix(true) => format!("“{short}” is the initial of “{long}”"),
            Kind::Prefix(false) => format!("“{short}” is the start of “{long}”"),
        });
    }
    if single && clauses.len() == 1 {
        return clauses.remove(0);
    }
    format!("“{qt}” may be “{ct}”: {}", clauses.join("; "))
}
