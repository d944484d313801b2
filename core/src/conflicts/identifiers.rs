//! Matching identifiers: company numbers, tax ids, registration numbers.

use super::score::{MatchReason, NameMatch};

/// An identifier reduced to its comparable form: folded, letters and digits only, upper case
/// ("gb 123-456 78" → "GB12345678").
fn normalise_identifier(value: &str) -> String {
    crate::text::fold(value)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Scores the identifiers of a query against a candidate's. Spaces, dashes, dots, case and
/// accents are ignored. Leading zeros are significant: the same identifier scores 1000, one
/// differing only by leading zeros ("01234567" / "1234567", a common re-keying slip) scores
/// 900. `None` when nothing matches; empty identifiers never match. Every matching
/// identifier is a reason, best first.
pub fn score_identifiers(query: &[String], candidate: &[String]) -> Option<NameMatch> {
    let cs: Vec<String> = candidate
        .iter()
        .map(|c| normalise_identifier(c))
        .filter(|c| !c.is_empty())
        .collect();
    let mut hits: Vec<(u16, String, String)> = Vec::new();
    for q in query {
        let qn = normalise_identifier(q);
        if qn.is_empty() {
            continue;
        }
        let best = cs
            .iter()
            .filter_map(|c| {
                if *c == qn {
                    Some((1000, c))
                } else if !c.trim_start_matches('0').is_empty()
                    && c.trim_start_matches('0') == qn.trim_start_matches('0')
                {
                    Some((900, c))
                } else {
                    None
                }
            })
            .max_by_key(|(score, _)| *score);
        if let Some((score, c)) = best
            && !hits.iter().any(|(_, v, _)| *v == qn)
        {
            hits.push((score, qn, c.clone()));
        }
    }
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let (score, first, other) = hits.first()?.clone();
    let explanation = if score == 1000 {
        format!("identifier “{first}” is on both")
    } else {
        format!("identifier “{first}” is “{other}” without its leading zeros")
    };
    Some(NameMatch {
        score,
        reasons: hits
            .into_iter()
            .map(|(_, value, _)| MatchReason::Identifier { value })
            .collect(),
        explanation,
    })
}

#[cfg(test)]
mod tests {
    use super::score_identifiers;
    use crate::conflicts::MatchReason;

    fn ids(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn exact_after_stripping_spaces_dashes_and_case() {
        let m = score_identifiers(&ids(&["gb 123-456.78"]), &ids(&["X1", "GB12345678"])).unwrap();
        assert_eq!(m.score, 1000);
        assert_eq!(
            m.reasons,
            [MatchReason::Identifier {
                value: "GB12345678".into()
            }]
        );
        assert_eq!(m.explanation, "identifier “GB12345678” is on both");
    }

    #[test]
    fn leading_zeros_are_significant_but_still_match_lower() {
        let m = score_identifiers(&ids(&["1234567"]), &ids(&["01234567"])).unwrap();
        assert_eq!(m.score, 900);
        assert!(m.explanation.contains("leading zeros"));
        assert!(score_identifiers(&ids(&["0"]), &ids(&["00"])).is_none());
    }

    #[test]
    fn no_match() {
        assert!(score_identifiers(&ids(&["123"]), &ids(&["124"])).is_none());
        assert!(score_identifiers(&ids(&[" - "]), &ids(&[""])).is_none());
        assert!(score_identifiers(&[], &ids(&["1"])).is_none());
    }
}
