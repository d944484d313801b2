//! Keyset pagination: a list sorted by some key columns continues after the key of the last
//! item it returned, so every page costs the same wherever it is in the list.
//!
//! A [`Cursor`] holds that key and the total counted on the first page, encoded as hex; stores
//! build the predicate "sorts after this key" with [`after_predicate`] (plain SQL both engines
//! run: a disjunction of comparisons, for any mix of ascending and descending columns).

use lexcase::store::Cursor;
use lexcase::{LexcaseError, Result};

/// One value of a sort key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyValue {
    /// An integer (days, microseconds, ranks).
    Int(i64),
    /// Text.
    Text(String),
    /// Bytes (ids).
    Bytes(Vec<u8>),
}

/// A sort column: an SQL expression (with its collation, if any) and its direction. The
/// expression must never be NULL (use `coalesce`), or rows would be skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortKey {
    /// The expression, e.g. `m.created_at` or `c.sort_name COLLATE NOCASE`.
    pub expr: &'static str,
    /// Descending.
    pub desc: bool,
}

impl SortKey {
    /// An ascending column.
    pub const fn asc(expr: &'static str) -> Self {
        Self { expr, desc: false }
    }

    /// A descending column.
    pub const fn desc(expr: &'static str) -> Self {
        Self { expr, desc: true }
    }
}

/// `ORDER BY` of `keys`.
pub fn order_by(keys: &[SortKey]) -> String {
    let cols: Vec<String> = keys
        .iter()
        .map(|k| format!("{}{}", k.expr, if k.desc { " DESC" } else { "" }))
        .collect();
    format!("ORDER BY {}", cols.join(", "))
}

/// The expressions of `keys`, comma-separated (to select them after a record's columns).
pub fn key_columns(keys: &[SortKey]) -> String {
    keys.iter().map(|k| k.expr).collect::<Vec<_>>().join(", ")
}

/// `(k1 > ?) OR (k1 = ? AND k2 > ?) OR …` (with `<` for descending columns): the rows that
/// sort after a key. The placeholders take, in order, the values of [`after_values`].
pub fn after_predicate(keys: &[SortKey]) -> String {
    let mut terms = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        let mut parts: Vec<String> = keys[..i]
            .iter()
            .map(|k| format!("{} = ?", k.expr))
            .collect();
        parts.push(format!(
            "{} {} ?",
            key.expr,
            if key.desc { "<" } else { ">" }
        ));
        terms.push(format!("({})", parts.join(" AND ")));
    }
    format!("({})", terms.join(" OR "))
}

/// The values [`after_predicate`]'s placeholders take for the key `values`.
pub fn after_values(values: &[KeyValue]) -> Vec<KeyValue> {
    let mut out = Vec::new();
    for i in 0..values.len() {
        out.extend(values[..=i].iter().cloned());
    }
    out
}

/// What a cursor holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The sort key of the last item returned.
    pub key: Vec<KeyValue>,
    /// The total counted on the first page.
    pub total: u64,
}

const VERSION: u8 = 1;

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn invalid() -> LexcaseError {
    LexcaseError::validation("cursor", "not a cursor of this list")
}

impl Position {
    /// The cursor of this position.
    pub fn to_cursor(&self) -> Result<Cursor> {
        let mut out = vec![VERSION];
        put_varint(&mut out, self.total);
        put_varint(&mut out, self.key.len() as u64);
        for value in &self.key {
            match value {
                KeyValue::Int(i) => {
                    out.push(0);
                    out.extend_from_slice(&i.to_be_bytes());
                }
                KeyValue::Text(t) => {
                    out.push(1);
                    put_varint(&mut out, t.len() as u64);
                    out.extend_from_slice(t.as_bytes());
                }
                KeyValue::Bytes(b) => {
                    out.push(2);
                    put_varint(&mut out, b.len() as u64);
                    out.extend_from_slice(b);
                }
            }
        }
        Cursor::new(hex::encode(out))
    }

    /// The position a cursor holds, which must have `arity` key values.
    pub fn of(cursor: &Cursor, arity: usize) -> Result<Self> {
        let bytes = hex::decode(cursor.as_str()).map_err(|_| invalid())?;
        let mut r = Reader {
            bytes: &bytes,
            at: 0,
        };
        if r.byte()? != VERSION {
            return Err(invalid());
        }
        let total = r.varint()?;
        let n = usize::try_from(r.varint()?).map_err(|_| invalid())?;
        if n != arity {
            return Err(invalid());
        }
        let mut key = Vec::with_capacity(n);
        for _ in 0..n {
            key.push(match r.byte()? {
                0 => {
                    let b: [u8; 8] = r.take(8)?.try_into().map_err(|_| invalid())?;
                    KeyValue::Int(i64::from_be_bytes(b))
                }
                1 => {
                    let len = usize::try_from(r.varint()?).map_err(|_| invalid())?;
                    let text = String::from_utf8(r.take(len)?.to_vec()).map_err(|_| invalid())?;
                    KeyValue::Text(text)
                }
                2 => {
                    let len = usize::try_from(r.varint()?).map_err(|_| invalid())?;
                    KeyValue::Bytes(r.take(len)?.to_vec())
                }
                _ => return Err(invalid()),
            });
        }
        if r.at != bytes.len() {
            return Err(invalid());
        }
        Ok(Self { key, total })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8> {
        let b = *self.bytes.get(self.at).ok_or_else(invalid)?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&[u8]> {
        let end = self.at.checked_add(n).ok_or_else(invalid)?;
        let s = self.bytes.get(self.at..end).ok_or_else(invalid)?;
        self.at = end;
        Ok(s)
    }

    fn varint(&mut self) -> Result<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(invalid())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_predicate_expands_mixed_directions() {
        let keys = [SortKey::desc("m.created_at"), SortKey::desc("m.id")];
        assert_eq!(
            after_predicate(&keys),
            "((m.created_at < ?) OR (m.created_at = ? AND m.id < ?))"
        );
        let keys = [SortKey::asc("a"), SortKey::desc("b"), SortKey::asc("c")];
        assert_eq!(
            after_predicate(&keys),
            "((a > ?) OR (a = ? AND b < ?) OR (a = ? AND b = ? AND c > ?))"
        );
        let v = [KeyValue::Int(1), KeyValue::Int(2), KeyValue::Int(3)];
        assert_eq!(after_values(&v).len(), 6);
        assert_eq!(order_by(&keys), "ORDER BY a, b DESC, c");
    }

    #[test]
    fn garbage_is_a_validation_error() {
        for text in ["zz", "00", "01", "0100", "010001ff"] {
            let cursor = Cursor::new(text).unwrap();
            let err = Position::of(&cursor, 1).unwrap_err();
            assert_eq!(err.code(), lexcase::ErrorCode::Validation, "{text}");
        }
        let p = Position {
            key: vec![KeyValue::Int(5)],
            total: 3,
        };
        assert!(Position::of(&p.to_cursor().unwrap(), 2).is_err());
    }

    fn key_value() -> impl Strategy<Value = KeyValue> {
        prop_oneof![
            any::<i64>().prop_map(KeyValue::Int),
            ".{0,20}".prop_map(KeyValue::Text),
            prop::collection::vec(any::<u8>(), 0..20).prop_map(KeyValue::Bytes),
        ]
    }

    proptest! {
        #[test]
        fn positions_round_trip(key in prop::collection::vec(key_value(), 1..5), total: u64) {
            let p = Position { key, total };
            let back = Position::of(&p.to_cursor().unwrap(), p.key.len()).unwrap();
            prop_assert_eq!(back, p);
        }
    }
}
