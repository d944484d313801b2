//! How the shared column values ([`lexcase_sql::Value`]) are kept in SQLite: ids as 16-byte
//! blobs, dates as day numbers from 1970-01-01, instants as microseconds from the Unix epoch,
//! exact decimals as their text, booleans as 0 and 1, JSON as text.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use lexcase::{LexcaseError, Result};
use lexcase_sql::{Kind, Value};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Row, ToSql};
use rust_decimal::Decimal;
use uuid::Uuid;

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

/// A date as its day number.
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    (date - epoch()).num_days()
}

/// A day number as a date.
pub(crate) fn date_of(days: i64) -> Option<NaiveDate> {
    epoch().checked_add_signed(TimeDelta::try_days(days)?)
}

/// An instant as microseconds.
pub(crate) fn micros(at: DateTime<Utc>) -> i64 {
    at.timestamp_micros()
}

/// Microseconds as an instant.
pub(crate) fn instant_of(micros: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_micros(micros)
}

/// A shared value bound as a statement parameter.
pub(crate) struct Param<'v, 'a>(pub &'v Value<'a>);

impl ToSql for Param<'_, '_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self.0 {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Bool(b) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(i64::from(*b))),
            Value::Int(i) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(*i)),
            Value::Text(s) | Value::Json(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Bytes(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
            Value::Id(u) => ToSqlOutput::Borrowed(ValueRef::Blob(u.as_bytes())),
            Value::Date(d) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(day_number(*d))),
            Value::Instant(t) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(micros(*t))),
            Value::Decimal(d) => ToSqlOutput::Owned(rusqlite::types::Value::Text(d.to_string())),
        })
    }
}

/// Binds `values` as the parameters of a statement.
pub(crate) fn params<'v, 'a>(values: &'v [Value<'a>]) -> Vec<Param<'v, 'a>> {
    values.iter().map(Param).collect()
}

fn bad(what: &str) -> LexcaseError {
    LexcaseError::storage(format!("a stored {what} is unreadable"))
}

/// A result row read through the shared records.
pub(crate) struct SqlRow<'r, 's>(pub &'r Row<'s>);

impl lexcase_sql::Row for SqlRow<'_, '_> {
    fn value(&self, index: usize, kind: Kind) -> Result<Value<'_>> {
        let raw = self
            .0
            .get_ref(index)
            .map_err(|e| LexcaseError::storage(format!("sqlite: {e}")))?;
        if let ValueRef::Null = raw {
            return Ok(Value::Null);
        }
        Ok(match (kind, raw) {
            (Kind::Bool, ValueRef::Integer(i)) => Value::Bool(i != 0),
            (Kind::Int, ValueRef::Integer(i)) => Value::Int(i),
            (Kind::Text, ValueRef::Text(t)) => Value::Text(Cow::Borrowed(
                std::str::from_utf8(t).map_err(|_| bad("text"))?,
            )),
            (Kind::Json, ValueRef::Text(t)) => Value::Json(Cow::Borrowed(
                std::str::from_utf8(t).map_err(|_| bad("text"))?,
            )),
            (Kind::Bytes, ValueRef::Blob(b)) => Value::Bytes(Cow::Borrowed(b)),
            (Kind::Id, ValueRef::Blob(b)) => {
                Value::Id(Uuid::from_slice(b).map_err(|_| bad("identifier"))?)
            }
            (Kind::Date, ValueRef::Integer(i)) => {
                Value::Date(date_of(i).ok_or_else(|| bad("date"))?)
            }
            (Kind::Instant, ValueRef::Integer(i)) => {
                Value::Instant(instant_of(i).ok_or_else(|| bad("instant"))?)
            }
            (Kind::Decimal, ValueRef::Text(t)) => Value::Decimal(
                std::str::from_utf8(t)
                    .ok()
                    .and_then(|s| s.parse::<Decimal>().ok())
                    .ok_or_else(|| bad("decimal"))?,
            ),
            _ => return Err(bad("value")),
        })
    }
}
