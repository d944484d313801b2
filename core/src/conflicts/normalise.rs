//! Name normalisation: folded tokens without titles, company suffixes or filler words.

use serde::{Deserialize, Serialize};

/// A name reduced to the tokens conflict matching compares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormalisedName {
    /// Folded tokens in their original order: lower case, accents removed, apostrophes
    /// dropped ("O'Brien" → "obrien"), other punctuation splitting words, runs of single
    /// letters joined ("L.L.C." → "llc", "J. P. Morgan" → "jp morgan"), filler words (the,
    /// and, of, &) removed, leading titles (Mr, Dr, Sir, …), trailing post-nominals (Esq, Jr,
    /// QC, …) and trailing company suffixes (Ltd, LLC, Inc, Corp, GmbH, …) removed. If that
    /// would leave nothing ("The Company"), the folded tokens are kept as they are.
    pub tokens: Vec<String>,
    /// The name as given.
    pub original: String,
}

/// Words dropped wherever they are.
const FILLER: &[&str] = &["the", "and", "of", "et", "und"];

/// Titles dropped from the start of a name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "master",
    "dr",
    "doctor",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "revd",
    "reverend",
    "rt",
    "hon",
    "honourable",
    "honorable",
    "judge",
    "justice",
];

/// Post-nominals and company suffixes dropped from the end of a name. "Holdings" and "Group"
/// are deliberately not here: they distinguish companies in the same family, so they stay as
/// low-weight tokens (see [`is_low_weight`]).
const TRAILING: &[&str] = &[
    // post-nominals
    "esq",
    "jr",
    "sr",
    "junior",
    "senior",
    "ii",
    "iii",
    "iv",
    "qc",
    "kc",
    "mp",
    "phd",
    "obe",
    "mbe",
    "cbe",
    // company suffixes
    "ltd",
    "limited",
    "llp",
    "llc",
    "lp",
    "plc",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "cic",
    "pc",
    "pllc",
    "gmbh",
    "ag",
    "kg",
    "sa",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "pty",
    "pte",
    "ltda",
    "oy",
    "ab",
];

/// Common words in company names that alone never make two names the same business: they
/// count towards a match only when they are all a name has.
const LOW_WEIGHT: &[&str] = &[
    "holdings",
    "holding",
    "group",
    "international",
    "intl",
    "global",
    "services",
    "solutions",
    "partners",
    "associates",
    "enterprises",
    "industries",
    "trading",
    "ventures",
    "trust",
];

/// Whether `token` is a low-weight word ("holdings", "group", …).
pub(crate) fn is_low_weight(token: &str) -> bool {
    LOW_WEIGHT.contains(&token)
}

/// Normalises `name` for conflict matching; idempotent on the joined tokens. See
/// [`NormalisedName::tokens`] for the rules.
pub fn normalise(name: &str) -> NormalisedName {
    NormalisedName {
        tokens: tokens(name),
        original: name.to_owned(),
    }
}

/// The normalised tokens of `name`.
fn tokens(name: &str) -> Vec<String> {
    let without_apostrophes: String = name
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`'))
        .collect();
    let folded = crate::text::fold(&without_apostrophes);
    let mut joined: Vec<String> = folded.split_whitespace().map(str::to_owned).collect();
    // Dropping filler can bring initials together and joining initials can spell a filler
    // word ("t h e"), so repeat until neither changes anything (each pass only shrinks).
    loop {
        let kept: Vec<&str> = joined
            .iter()
            .map(String::as_str)
            .filter(|t| !FILLER.contains(t))
            .collect();
        let next = if kept.is_empty() {
            joined.clone()
        } else {
            join_initials(&kept)
        };
        if next == joined {
            break;
        }
        joined = next;
    }
    let start = joined
        .iter()
        .take_while(|t| TITLES.contains(&t.as_str()))
        .count();
    let end = joined.len()
        - joined[start..]
            .iter()
            .rev()
            .take_while(|t| TRAILING.contains(&t.as_str()))
            .count();
    if start < end {
        joined[start..end].to_vec()
    } else {
        joined
    }
}

/// Joins runs of two or more single-character tokens: ["l", "l", "c"] → ["llc"].
fn join_initials(tokens: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut run = String::new();
    let mut run_len = 0;
    for token in tokens {
        if token.chars().count() == 1 {
            run.push_str(token);
            run_len += 1;
            continue;
        }
        flush(&mut out, &mut run, &mut run_len);
        out.push((*token).to_owned());
    }
    flush(&mut out, &mut run, &mut run_len);
    out
}

/// Moves a pending run of single characters into `out` as one token.
fn flush(out: &mut Vec<String>, run: &mut String, run_len: &mut usize) {
    if *run_len > 0 {
        out.push(std::mem::take(run));
        *run_len = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::normalise;

    fn toks(name: &str) -> Vec<String> {
        normalise(name).tokens
    }

    #[test]
    fn strips_titles_suffixes_and_punctuation() {
        assert_eq!(toks("Dr John Smith"), ["john", "smith"]);
        assert_eq!(toks("GLOBEX CORP."), ["globex"]);
        assert_eq!(toks("Globex Corporation"), ["globex"]);
        assert_eq!(toks("Acme Holdings Corp"), ["acme", "holdings"]);
        assert_eq!(toks("Acme L.L.C."), ["acme"]);
        assert_eq!(toks("Smith, John"), ["smith", "john"]);
        assert_eq!(toks("José García"), ["jose", "garcia"]);
        assert_eq!(toks("O'Brien & Co Ltd"), ["obrien"]);
        assert_eq!(toks("The Bank of England"), ["bank", "england"]);
        assert_eq!(toks("J. P. Morgan"), ["jp", "morgan"]);
        assert_eq!(toks("John A Smith Jr"), ["john", "a", "smith"]);
        assert_eq!(toks("Ærø Straße GmbH"), ["aero", "strasse"]);
        assert_eq!(normalise("Acme").original, "Acme");
    }

    #[test]
    fn keeps_something_when_everything_is_a_title_or_suffix() {
        assert_eq!(toks("The Company"), ["company"]);
        assert_eq!(toks("Mr Lord"), ["mr", "lord"]);
        assert_eq!(toks("The"), ["the"]);
        assert_eq!(toks("  "), Vec::<String>::new());
        assert_eq!(toks("John Lord"), ["john", "lord"]);
    }
}
