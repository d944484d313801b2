//! Cross-module tests: STANDARDS §6.4 matching vectors and properties.

use super::{
    MATCH_THRESHOLD, MatchReason, QuickFilter, SearchPlan, blocking_keys, index_name, normalise,
    score_names, score_normalised,
};
use proptest::prelude::*;

fn score(q: &str, c: &str) -> u16 {
    score_names(q, c).map_or(0, |m| m.score)
}

/// Asserts `q` and `c` match (both ways) at `min` or more.
fn matches(q: &str, c: &str, min: u16) {
    for (a, b) in [(q, c), (c, q)] {
        let s = score(a, b);
        assert!(s >= min, "{a} / {b}: {s} < {min}");
    }
}

fn no_match(q: &str, c: &str) {
    assert!(
        score_names(q, c).is_none(),
        "{q} / {c}: {:?}",
        score_names(q, c)
    );
    assert!(score_names(c, q).is_none(), "{c} / {q}");
}

#[test]
fn exact_and_normalised() {
    let m = score_names("Acme", " Acme ").unwrap();
    assert_eq!((m.score, m.reasons), (1000, vec![MatchReason::Exact]));
    for (a, b) in [
        ("Globex Corp", "Globex Corporation"),
        ("Globex Corp", "GLOBEX CORP."),
        ("Globex Corporation", "GLOBEX CORP."),
        ("Acme LLC", "Acme"),
        ("José Garcia", "Jose García"),
        ("Dr John Smith", "John Smith"),
    ] {
        let m = score_names(a, b).unwrap();
        assert_eq!(m.score, 950, "{a} / {b}");
        assert_eq!(m.reasons, [MatchReason::SameAfterNormalising]);
        assert!(m.explanation.contains(a) && m.explanation.contains(b));
    }
}

#[test]
fn reordered_names() {
    let m = score_names("Smith, John", "John Smith").unwrap();
    assert_eq!(m.score, 930);
    assert_eq!(
        m.explanation,
        "“Smith, John” and “John Smith” have the same words in a different order"
    );
}

#[test]
fn phonetic_smyth_smith() {
    let m = score_names("Smyth", "Smith").unwrap();
    assert_eq!(m.score, 765);
    assert_eq!(m.reasons, [MatchReason::SoundsLike { key: "S530".into() }]);
    assert_eq!(m.explanation, "“Smyth” sounds like “Smith” (S530)");
    matches("Smyth", "Smith", 700);
}

#[test]
fn partial_smith_smithfield() {
    let m = score_names("Smith", "Smithfield").unwrap();
    assert_eq!(m.score, 675);
    assert_eq!(
        m.reasons,
        [MatchReason::Prefix {
            token: "smith".into()
        }]
    );
    assert_eq!(m.explanation, "“Smith” is the start of “Smithfield”");
    matches("Smith", "Smithfield", MATCH_THRESHOLD);
}

#[test]
fn company_suffixes_and_low_weight_words() {
    let m = score_names("Acme LLC", "Acme Holdings Corp").unwrap();
    assert_eq!(m.score, 890);
    assert_eq!(
        m.reasons,
        [MatchReason::TokenOverlap {
            shared: vec!["acme".into()]
        }]
    );
    assert_eq!(
        m.explanation,
        "“Acme LLC” may be “Acme Holdings Corp”: both contain “acme”"
    );
    matches("Acme LLC", "Acme Holdings Corp", 850);
    no_match("Acme Holdings", "Globex Holdings");
    no_match("Acme Group Ltd", "Initech Group");
}

#[test]
fn spelling_variants() {
    matches("Jon Smith", "John Smith", 850);
    matches("Catherine Jones", "Katherine Jones", 850);
    let m = score_names("Catherine", "Katherine").unwrap();
    assert_eq!(m.reasons, [MatchReason::Similar { jaro_winkler: 926 }]);
    assert_eq!(
        m.explanation,
        "“Catherine” is spelled like “Katherine” (Jaro-Winkler 0.926)"
    );
    matches("J Smith", "John Smith", 750);
    matches("John A Smith", "John Smith", 850);
    matches("O'Brien", "OBrien Ltd", 950);
}

#[test]
fn partial_name_overlap() {
    // One name inside the other: the shorter is wholly found.
    matches("Smith", "John Smith", 850);
    // Only a surname in common: different people.
    no_match("John Smith", "Mary Smith");
    // Soundex is deliberately recall-first: Jane and John are both J500, so these meet
    // (a person clears the hit); documented rather than hidden.
    let m = score_names("John Smith", "Jane Smith").unwrap();
    assert_eq!(m.score, 832);
    assert_eq!(
        m.explanation,
        "“John Smith” may be “Jane Smith”: both contain “smith”; “john” sounds like “jane” (J500)"
    );
}

#[test]
fn clearly_different_names() {
    no_match("John Smith", "Mary Jones");
    no_match("Acme", "Apex");
    no_match("Acme Ltd", "Apex Ltd");
    no_match("J", "John Smith");
    no_match("", "");
    no_match("!!!", "!!!");
    no_match("Holdings", "Acme Holdings");
}

#[test]
fn reasons_serialise_tagged() {
    let json = serde_json::to_value(MatchReason::SoundsLike { key: "S530".into() }).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"kind": "sounds_like", "key": "S530"})
    );
    let json = serde_json::to_value(MatchReason::SameAfterNormalising).unwrap();
    assert_eq!(json, serde_json::json!({"kind": "same_after_normalising"}));
}

/// Words and spelling variants the properties build names from.
const VOCAB: &[&str] = &[
    "Smith",
    "Smyth",
    "Smithfield",
    "smithe",
    "John",
    "Jon",
    "Jonas",
    "Jane",
    "Mary",
    "Jones",
    "Catherine",
    "Katherine",
    "Kathryn",
    "José",
    "Jose",
    "García",
    "Garcia",
    "O'Brien",
    "Obrien",
    "Acme",
    "Acne",
    "Apex",
    "Globex",
    "Holdings",
    "Group",
    "Ltd",
    "Corp.",
    "LLC",
    "Dr",
    "Mr",
    "the",
    "and",
    "&",
    "J",
    "J.",
    "A",
    "Lee",
    "Leigh",
    "Tremblay",
    "Trimble",
    "Müller",
    "Mueller",
    "Ærø",
    "12",
    "Jr",
    "Co",
];

fn name() -> impl Strategy<Value = String> {
    prop::collection::vec((0..VOCAB.len(), any::<bool>()), 1..5).prop_map(|words| {
        words
            .into_iter()
            .map(|(i, upper)| {
                if upper {
                    VOCAB[i].to_uppercase()
                } else {
                    VOCAB[i].to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Every order of `0..n`.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for rest in permutations(n - 1) {
        for at in 0..=rest.len() {
            let mut p = rest.clone();
            p.insert(at, n - 1);
            out.push(p);
        }
    }
    out
}

proptest! {
    #[test]
    fn plans_find_every_match(q in name(), c in name()) {
        if score_names(&q, &c).is_some() {
            let plan = SearchPlan::new(&q);
            let entry = index_name(&c);
            for order in permutations(plan.word_keys().len()) {
                prop_assert!(
                    plan.probes(&order).iter().any(|p| p.reads(&entry)),
                    "{} / {} in order {:?}: {:?} vs {:?}", q, c, order, plan.probes(&order), entry
                );
            }
        }
    }

    #[test]
    fn the_quick_filter_never_rejects_a_match(q in name(), c in name()) {
        if score_names(&q, &c).is_some() {
            let filter = QuickFilter::new(&normalise(&q));
            prop_assert!(filter.may_match(&index_name(&c).tokens), "{} / {}", q, c);
        }
    }

    #[test]
    fn scoring_indexed_words_agrees(q in name(), c in name()) {
        let query = normalise(&q);
        let entry = index_name(&c);
        let words: Vec<&str> = entry.tokens.split(' ').filter(|t| !t.is_empty()).collect();
        prop_assert_eq!(
            QuickFilter::new(&query).score(&query, &words, &c),
            score_names(&q, &c)
        );
    }

    #[test]
    fn matches_always_share_a_blocking_key(q in name(), c in name()) {
        if score_names(&q, &c).is_some() {
            let ck = blocking_keys(&c);
            prop_assert!(
                blocking_keys(&q).iter().any(|k| ck.contains(k)),
                "{} / {}: {:?} vs {:?}", q, c, blocking_keys(&q), ck
            );
        }
    }

    #[test]
    fn normalise_is_idempotent(n in name()) {
        let once = normalise(&n).tokens;
        prop_assert_eq!(normalise(&once.join(" ")).tokens, once);
    }

    #[test]
    fn scores_are_symmetric_and_bounded(q in name(), c in name()) {
        let (a, b) = (score(&q, &c), score(&c, &q));
        prop_assert_eq!(a, b, "{} / {}", q, c);
        prop_assert!(a <= 1000);
        prop_assert!(a == 0 || a >= MATCH_THRESHOLD);
    }

    #[test]
    fn prenormalised_scoring_agrees(q in name(), c in name()) {
        prop_assert_eq!(
            score_normalised(&normalise(&q), &normalise(&c)),
            score_names(&q, &c)
        );
    }

    #[test]
    fn names_match_themselves(n in name()) {
        if !normalise(&n).tokens.is_empty() {
            prop_assert_eq!(score(&n, &n), 1000);
        }
    }
}
