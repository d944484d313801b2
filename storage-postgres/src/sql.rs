//! Statement text: the store writes `$1` for the firm and `?` for every other parameter (as
//! the engine-neutral keyset predicates of [`lexcase_sql::keyset`] do); [`numbered`] turns the
//! `?`s into `$2`, `$3`, … in order.

/// `sql` with each `?` outside quotes replaced by the next numbered placeholder from `$2`.
pub(crate) fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut next = 2;
    let mut quote: Option<char> = None;
    for c in sql.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                out.push(c);
            }
            (Some(_), c) => out.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                out.push(c);
            }
            (None, '?') => {
                out.push('$');
                out.push_str(&next.to_string());
                next += 1;
            }
            (None, c) => out.push(c),
        }
    }
    out
}

/// `AND`-joined conditions as a `WHERE` clause (empty when there are none).
pub(crate) fn where_clause<S: AsRef<str>>(conditions: &[S]) -> String {
    if conditions.is_empty() {
        return String::new();
    }
    let parts: Vec<&str> = conditions.iter().map(AsRef::as_ref).collect();
    format!(" WHERE {}", parts.join(" AND "))
}

/// `text` with LIKE's wildcards and the escape character escaped, for `LIKE … ESCAPE '\'`.
pub(crate) fn like_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_placeholders_outside_quotes() {
        assert_eq!(
            numbered("SELECT a FROM t WHERE firm_id = $1 AND b = ? AND c LIKE '?%' AND d > ?"),
            "SELECT a FROM t WHERE firm_id = $1 AND b = $2 AND c LIKE '?%' AND d > $3"
        );
        assert_eq!(
            numbered(r#"SELECT "?" FROM t WHERE x = ?"#),
            r#"SELECT "?" FROM t WHERE x = $2"#
        );
    }

    #[test]
    fn escapes_like_wildcards() {
        assert_eq!(like_escape(r"50%_a\b"), r"50\%\_a\\b");
        assert_eq!(where_clause::<&str>(&[]), "");
        assert_eq!(where_clause(&["a", "b"]), " WHERE a AND b");
    }
}
