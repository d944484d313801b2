//! Finding matter references in a subject line.

/// The tokens of `subject` that could be matter numbers, in order, without duplicates:
/// runs of letters, digits and the separators `/ - . _` that contain a digit, with
/// leading and trailing separators trimmed (so `Re: [SMI-0001] Purchase.` gives `SMI-0001`).
pub fn matter_references(subject: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let tokens = subject.split(|c: char| !(c.is_alphanumeric() || "/-._".contains(c)));
    for token in tokens {
        let token = token.trim_matches(|c: char| "/-._".contains(c));
        if token.len() >= 2
            && token.len() <= 64
            && token.chars().any(|c| c.is_ascii_digit())
            && !found.iter().any(|f| f == token)
        {
            found.push(token.to_owned());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbers_in_subjects() {
        assert_eq!(
            matter_references("Re: [SMI-0001] Purchase of 12 Elm Road."),
            vec!["SMI-0001", "12"]
        );
        assert_eq!(
            matter_references("Our ref 2026/17; your ref ABC"),
            vec!["2026/17"]
        );
        assert!(matter_references("Hello there").is_empty());
    }
}
