//! JSON bodies of the records kept whole, counters as signed integers, and LIKE escaping.

use lexcase::{LexcaseError, Result};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The JSON body of an aggregate.
pub(crate) fn to_json<T: Serialize>(entity: &str, value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|_| LexcaseError::storage(format!("could not encode the {entity} record")))
}

/// An aggregate from its JSON body.
pub(crate) fn from_json<T: DeserializeOwned>(entity: &str, body: &str) -> Result<T> {
    serde_json::from_str(body)
        .map_err(|_| LexcaseError::storage(format!("the stored {entity} record is unreadable")))
}

/// A version or count for an INTEGER column.
pub(crate) fn to_i64(field: &str, value: u64) -> Result<i64> {
    i64::try_from(value).map_err(|_| LexcaseError::validation(field, "too large"))
}

/// A stored INTEGER that must not be negative.
pub(crate) fn to_u64(value: i64) -> Result<u64> {
    u64::try_from(value).map_err(|_| LexcaseError::storage("a stored counter is negative"))
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
    fn escapes_like_wildcards() {
        assert_eq!(like_escape(r"50%_a\b"), r"50\%\_a\\b");
    }
}
