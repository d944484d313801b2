//! Content lines shared by iCalendar (RFC 5545 §3.1) and vCard (RFC 6350 §3.2): folding at 75
//! octets, unfolding, and TEXT escaping (RFC 5545 §3.3.11, RFC 6350 §3.4).

/// The longest physical line, in octets, excluding the CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

/// Folds one logical content line into physical lines of at most 75 octets, joined by CRLF
/// followed by one space. A UTF-8 sequence is never split. No trailing CRLF is added.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            return out;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut);
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        // A continuation line starts with the space, which counts towards its 75 octets.
        limit = MAX_LINE_OCTETS - 1;
    }
}

/// Undoes folding: removes every line break (CRLF or a bare LF) that is followed by a space or
/// a horizontal tab, together with that one whitespace character.
pub fn unfold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = match c {
            '\r' if chars.peek() == Some(&'\n') => {
                let mut ahead = chars.clone();
                ahead.next();
                if matches!(ahead.peek(), Some(' ' | '\t')) {
                    chars.next();
                    true
                } else {
                    false
                }
            }
            '\n' => matches!(chars.peek(), Some(' ' | '\t')),
            _ => false,
        };
        if is_break {
            chars.next();
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits unfolded text into logical lines, accepting CRLF or LF, dropping empty lines.
pub fn logical_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty())
}

/// Escapes a TEXT value: backslash, semicolon and comma get a backslash, a line break (CRLF,
/// CR or LF) becomes `\n`. Colons are not escaped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Undoes [`escape_text`]: `\\`, `\;`, `\,`, `\n` and `\N`. Leniently, any other escaped
/// character (such as `\:`) stands for itself and a lone trailing backslash is kept.
pub fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Splits a still-escaped value at every `sep` that is not preceded by an escaping backslash
/// (for structured values: `;` between components, `,` between list values).
pub fn split_unescaped(value: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in value.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            parts.push(&value[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&value[start..]);
    parts
}

/// Appends one folded content line and its CRLF to `out`.
pub(crate) fn push_line(out: &mut String, line: &str) {
    out.push_str(&fold_line(line));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rfc_folded_description_unfolds() {
        let folded = "DESCRIPTION:This is a lo\r\n ng description\r\n  that exists on a long line.";
        let original = "DESCRIPTION:This is a long description that exists on a long line.";
        assert_eq!(unfold(folded), original);
        assert_eq!(unfold(&folded.replace("\r\n", "\n")), original);
        assert_eq!(unfold("A\r\n\tB"), "AB");
        // Short enough: not folded at all.
        assert_eq!(fold_line(original), original);
    }

    #[test]
    fn long_description_folds_at_75_octets() {
        let line = format!("DESCRIPTION:{}", "This is a long description. ".repeat(6));
        let folded = fold_line(&line);
        let physical: Vec<&str> = folded.split("\r\n").collect();
        assert!(physical.len() >= 3);
        assert_eq!(physical[0].len(), 75);
        assert!(physical[1..].iter().all(|l| l.starts_with(' ')));
        assert!(physical.iter().all(|l| l.len() <= 75));
        assert_eq!(unfold(&folded), line);
    }

    #[test]
    fn folding_never_splits_a_utf8_sequence() {
        let line = format!("SUMMARY:{}", "日本語のテキスト€".repeat(20));
        let folded = fold_line(&line);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75);
        }
        assert_eq!(unfold(&folded), line);
    }

    #[test]
    fn rfc_escaping_vectors() {
        let text = "Project XYZ Final Review\nConference Room - 3B\nCome Prepared.";
        let escaped = escape_text(text);
        assert_eq!(
            escaped,
            "Project XYZ Final Review\\nConference Room - 3B\\nCome Prepared."
        );
        assert_eq!(unescape_text(&escaped), text);
        assert_eq!(escape_text("Smith, John; Esq."), "Smith\\, John\\; Esq.");
        assert_eq!(escape_text("a:b"), "a:b");
        assert_eq!(escape_text("C:\\dir"), "C:\\\\dir");
        assert_eq!(escape_text("one\r\ntwo\rthree"), "one\\ntwo\\nthree");
        assert_eq!(
            unescape_text("Mr. John Q. Public\\, Esq."),
            "Mr. John Q. Public, Esq."
        );
        assert_eq!(unescape_text("a\\Nb\\:c\\"), "a\nb:c\\");
    }

    #[test]
    fn splitting_respects_escapes() {
        assert_eq!(split_unescaped("a\\;b;c;;", ';'), ["a\\;b", "c", "", ""]);
        assert_eq!(split_unescaped("x\\\\,y", ','), ["x\\\\", "y"]);
    }

    proptest! {
        #[test]
        fn fold_then_unfold_is_identity(line in "[^\r\n]{0,400}") {
            prop_assert_eq!(unfold(&fold_line(&line)), line);
        }

        #[test]
        fn folded_lines_are_at_most_75_octets(line in "\\PC{0,400}") {
            let folded = fold_line(&line);
            for physical in folded.split("\r\n") {
                prop_assert!(physical.len() <= MAX_LINE_OCTETS);
            }
        }

        #[test]
        fn escape_then_unescape_is_identity(text in "[^\r]{0,200}") {
            let escaped = escape_text(&text);
            prop_assert!(!escaped.contains('\n'));
            prop_assert_eq!(unescape_text(&escaped), text);
        }
    }
}
