//! How values are written to and read from columns: ids as 16-byte blobs, aggregates as JSON,
//! instants as fixed-width RFC 3339 text, counters as signed integers.

use chrono::{DateTime, SecondsFormat, Utc};
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

/// An instant as text whose order is the order of time: `2026-11-27T10:00:00.000000000Z`.
pub(crate) fn time_to_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

/// An instant from [`time_to_text`]'s form.
pub(crate) fn time_from_text(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| LexcaseError::storage("a stored instant is unreadable"))
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
    fn instants_round_trip_and_sort_as_text() {
        let a: DateTime<Utc> = "2026-11-27T10:00:00.123456789Z".parse().unwrap();
        let b: DateTime<Utc> = "2026-11-27T10:00:01Z".parse().unwrap();
        assert_eq!(time_to_text(b), "2026-11-27T10:00:01.000000000Z");
        assert_eq!(time_from_text(&time_to_text(a)).unwrap(), a);
        assert!(time_to_text(a) < time_to_text(b));
    }

    #[test]
    fn escapes_like_wildcards() {
        assert_eq!(like_escape(r"50%_a\b"), r"50\%\_a\\b");
    }
}
