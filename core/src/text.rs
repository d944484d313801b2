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
