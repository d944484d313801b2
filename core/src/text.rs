//! Folding of names for search: lower case, diacritics removed, punctuation to spaces.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds `value` to its search key: "Müller-Lüdenscheidt, O'Brien" → "muller ludenscheidt o brien".
pub fn fold(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut space = true;
    for c in value.nfkd().filter(|c| !is_combining_mark(*c)) {
        if let Some(spelled) = transliterate(c) {
            out.push_str(spelled);
            space = false;
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Letters that do not decompose under NFKD but have a usual Latin spelling.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'Æ' | 'æ' => "ae",
        'Ø' | 'ø' => "o",
        'Œ' | 'œ' => "oe",
        'ß' => "ss",
        'Ł' | 'ł' => "l",
        'Đ' | 'đ' => "d",
        'Þ' | 'þ' => "th",
        'Ð' | 'ð' => "d",
        _ => return None,
    })
}

/// The most words a full-text search may have.
pub const MAX_SEARCH_WORDS: usize = 20;

/// Splits search text into folded words (each matched as a word prefix by the stores); more
/// than [`MAX_SEARCH_WORDS`] words, or control characters, are a validation error on `text`.
pub fn search_words(text: &str) -> crate::Result<Vec<String>> {
    crate::validate::optional_line("text", text)?;
    let words: Vec<String> = fold(text).split_whitespace().map(str::to_owned).collect();
    if words.len() > MAX_SEARCH_WORDS {
        return Err(crate::LexcaseError::validation(
            "text",
            format!("more than {MAX_SEARCH_WORDS} words"),
        ));
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(
            fold("Müller-Lüdenscheidt, O'Brien"),
            "muller ludenscheidt o brien"
        );
        assert_eq!(fold("  ACME   Ltd. "), "acme ltd");
        assert_eq!(fold("Ærøskøbing"), "aeroskobing");
        assert_eq!(fold("Straße Łódź"), "strasse lodz");
        assert_eq!(fold(""), "");
    }
}
