//! How the shared column values ([`lexcase_sql::Value`]) are kept in PostgreSQL: ids as
//! `uuid`, dates as `date`, instants as `timestamptz`, exact decimals as `numeric`, integers
//! (money in millionths among them) as `bigint`, flags as `boolean`, JSON and text as `text`,
//! bytes as `bytea`.
//!
//! A parameter is converted to the type the server inferred for its placeholder, so one value
//! serves wherever it is compared: a sort key read back from a cursor as an integer binds as a
//! `date` (day number) or `timestamptz` (microseconds) where the list sorts on one.

use std::borrow::Cow;
use std::error::Error;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use lexcase::{LexcaseError, Result};
use lexcase_sql::{Kind, Value};
use postgres::types::{IsNull, Kind as PgKind, ToSql, Type, to_sql_checked};
use rust_decimal::Decimal;
use uuid::Uuid;

type BoxError = Box<dyn Error + Sync + Send>;

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

/// A date as its day number from 1970-01-01 (how a cursor keeps it).
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    (date - epoch()).num_days()
}

/// A day number as a date.
pub(crate) fn date_of(days: i64) -> Option<NaiveDate> {
    epoch().checked_add_signed(TimeDelta::try_days(days)?)
}

/// A statement parameter: a shared column value, or a list bound as one array parameter
/// (`= ANY(?)`), so that a statement keeps one shape whatever the length of the list.
#[derive(Debug, Clone)]
pub(crate) enum Arg<'a> {
    /// One value.
    Value(Value<'a>),
    /// Ids, as `uuid[]`.
    Ids(Vec<Uuid>),
    /// Texts, as `text[]`.
    Texts(Vec<String>),
    /// One column of many rows, as an array of the column's type (`unnest` inserts).
    Column(Vec<Value<'a>>),
}

impl<'a> From<Value<'a>> for Arg<'a> {
    fn from(value: Value<'a>) -> Self {
        Arg::Value(value)
    }
}

impl<'a> Arg<'a> {
    /// An id.
    pub(crate) fn id(id: impl Into<Uuid>) -> Self {
        Arg::Value(Value::Id(id.into()))
    }

    /// An optional id.
    pub(crate) fn opt_id(id: Option<impl Into<Uuid>>) -> Self {
        Arg::Value(Value::opt_id(id))
    }

    /// Borrowed text.
    pub(crate) fn text(s: &'a str) -> Self {
        Arg::Value(Value::text(s))
    }

    /// Owned text.
    pub(crate) fn string(s: String) -> Self {
        Arg::Value(Value::Text(Cow::Owned(s)))
    }

    /// Optional borrowed text.
    pub(crate) fn opt_text(s: Option<&'a str>) -> Self {
        Arg::Value(Value::opt_text(s))
    }

    /// An integer.
    pub(crate) fn int(i: i64) -> Self {
        Arg::Value(Value::Int(i))
    }

    /// A flag.
    pub(crate) fn bool(b: bool) -> Self {
        Arg::Value(Value::Bool(b))
    }

    /// A date.
    pub(crate) fn date(d: NaiveDate) -> Self {
        Arg::Value(Value::Date(d))
    }

    /// An optional date.
    pub(crate) fn opt_date(d: Option<NaiveDate>) -> Self {
        Arg::Value(Value::opt_date(d))
    }

    /// An instant.
    pub(crate) fn instant(t: DateTime<Utc>) -> Self {
        Arg::Value(Value::Instant(t))
    }

    /// An optional instant.
    pub(crate) fn opt_instant(t: Option<DateTime<Utc>>) -> Self {
        Arg::Value(Value::opt_instant(t))
    }

    /// A list of ids as one array parameter.
    pub(crate) fn ids<T: Into<Uuid> + Copy>(ids: &[T]) -> Self {
        Arg::Ids(ids.iter().map(|id| (*id).into()).collect())
    }

    /// An unsigned count or version.
    pub(crate) fn count(n: u64) -> Result<Self> {
        Value::count(n).map(Arg::Value)
    }
}

fn mismatch(ty: &Type) -> BoxError {
    format!("a value cannot be sent as {}", ty.name()).into()
}

fn int_to_sql(
    i: i64,
    ty: &Type,
    out: &mut bytes::BytesMut,
) -> std::result::Result<IsNull, BoxError> {
    match *ty {
        Type::INT8 => i.to_sql(ty, out),
        Type::INT4 => i32::try_from(i)?.to_sql(ty, out),
        Type::INT2 => i16::try_from(i)?.to_sql(ty, out),
        Type::NUMERIC => Decimal::from(i).to_sql(ty, out),
        Type::BOOL => (i != 0).to_sql(ty, out),
        Type::DATE => date_of(i).ok_or_else(|| mismatch(ty))?.to_sql(ty, out),
        Type::TIMESTAMPTZ => DateTime::from_timestamp_micros(i)
            .ok_or_else(|| mismatch(ty))?
            .to_sql(ty, out),
        Type::TEXT | Type::VARCHAR => i.to_string().to_sql(ty, out),
        _ => Err(mismatch(ty)),
    }
}

fn text_to_sql(
    s: &str,
    ty: &Type,
    out: &mut bytes::BytesMut,
) -> std::result::Result<IsNull, BoxError> {
    if s.contains('\0') {
        return Err("text holds a NUL character, which PostgreSQL cannot store".into());
    }
    match *ty {
        Type::JSONB => {
            out.extend_from_slice(&[1]);
            out.extend_from_slice(s.as_bytes());
            Ok(IsNull::No)
        }
        Type::JSON | Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
            out.extend_from_slice(s.as_bytes());
            Ok(IsNull::No)
        }
        _ => Err(mismatch(ty)),
    }
}

/// Encodes `value` as `ty`.
fn value_to_sql(
    value: &Value<'_>,
    ty: &Type,
    out: &mut bytes::BytesMut,
) -> std::result::Result<IsNull, BoxError> {
    match value {
        Value::Null => Ok(IsNull::Yes),
        Value::Bool(b) => match *ty {
            Type::BOOL => b.to_sql(ty, out),
            _ => int_to_sql(i64::from(*b), ty, out),
        },
        Value::Int(i) => int_to_sql(*i, ty, out),
        Value::Text(s) | Value::Json(s) => text_to_sql(s, ty, out),
        Value::Bytes(b) => match *ty {
            Type::BYTEA => b.as_ref().to_sql(ty, out),
            Type::UUID => Uuid::from_slice(b)?.to_sql(ty, out),
            _ => Err(mismatch(ty)),
        },
        Value::Id(u) => match *ty {
            Type::UUID => u.to_sql(ty, out),
            Type::BYTEA => u.as_bytes().as_slice().to_sql(ty, out),
            _ => Err(mismatch(ty)),
        },
        Value::Date(d) => match *ty {
            Type::DATE => d.to_sql(ty, out),
            _ => int_to_sql(day_number(*d), ty, out),
        },
        Value::Instant(t) => match *ty {
            Type::TIMESTAMPTZ => t.to_sql(ty, out),
            Type::TIMESTAMP => t.naive_utc().to_sql(ty, out),
            _ => int_to_sql(t.timestamp_micros(), ty, out),
        },
        Value::Decimal(d) => match *ty {
            Type::NUMERIC => d.to_sql(ty, out),
            Type::TEXT | Type::VARCHAR => d.to_string().to_sql(ty, out),
            _ => Err(mismatch(ty)),
        },
    }
}

/// Encodes `values` as a one-dimensional array of `ty`'s element type.
fn column_to_sql(
    values: &[Value<'_>],
    ty: &Type,
    out: &mut bytes::BytesMut,
) -> std::result::Result<IsNull, BoxError> {
    let PgKind::Array(member) = ty.kind() else {
        return Err(mismatch(ty));
    };
    let dimension = postgres_protocol::types::ArrayDimension {
        len: i32::try_from(values.len())?,
        lower_bound: 1,
    };
    postgres_protocol::types::array_to_sql(
        Some(dimension),
        member.oid(),
        values.iter(),
        |v, buf| match value_to_sql(v, member, buf)? {
            IsNull::No => Ok(postgres_protocol::IsNull::No),
            IsNull::Yes => Ok(postgres_protocol::IsNull::Yes),
        },
        out,
    )?;
    Ok(IsNull::No)
}

impl ToSql for Arg<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<IsNull, BoxError> {
        match self {
            Arg::Ids(ids) => ids.to_sql(ty, out),
            Arg::Texts(texts) => texts.to_sql(ty, out),
            Arg::Column(values) => column_to_sql(values, ty, out),
            Arg::Value(v) => value_to_sql(v, ty, out),
        }
    }

    fn accepts(_ty: &Type) -> bool {
        // Checked per value in `to_sql`, against the type the server inferred.
        true
    }

    to_sql_checked!();
}

fn bad(what: &str) -> LexcaseError {
    LexcaseError::storage(format!("a stored {what} is unreadable"))
}

/// A column read as `T`, `None` for SQL `NULL`.
fn get<'r, T: postgres::types::FromSql<'r>>(
    row: &'r postgres::Row,
    index: usize,
) -> Result<Option<T>> {
    row.try_get::<_, Option<T>>(index).map_err(|_| bad("value"))
}

/// A numeric sum as an integer (PostgreSQL sums `bigint` as `numeric`, exactly).
fn integral(d: Decimal) -> Result<i64> {
    if !d.fract().is_zero() {
        return Err(bad("integer"));
    }
    i64::try_from(d.trunc())
        .map_err(|_| LexcaseError::validation("amount", "the total is too large"))
}

/// A result row read through the shared records.
pub(crate) struct PgRow<'r>(pub &'r postgres::Row);

impl lexcase_sql::Row for PgRow<'_> {
    fn value(&self, index: usize, kind: Kind) -> Result<Value<'_>> {
        let row = self.0;
        let ty = row
            .columns()
            .get(index)
            .ok_or_else(|| bad("row"))?
            .type_()
            .clone();
        let value = match (kind, ty) {
            (Kind::Int | Kind::Bool, Type::INT8) => get::<i64>(row, index)?.map(Value::Int),
            (Kind::Int | Kind::Bool, Type::INT4) => {
                get::<i32>(row, index)?.map(|i| Value::Int(i64::from(i)))
            }
            (Kind::Int | Kind::Bool, Type::INT2) => {
                get::<i16>(row, index)?.map(|i| Value::Int(i64::from(i)))
            }
            (Kind::Int, Type::NUMERIC) => get::<Decimal>(row, index)?
                .map(integral)
                .transpose()?
                .map(Value::Int),
            (Kind::Int, Type::BOOL) => get::<bool>(row, index)?.map(|b| Value::Int(i64::from(b))),
            (Kind::Bool, Type::BOOL) => get::<bool>(row, index)?.map(Value::Bool),
            (Kind::Text, _) => get::<&str>(row, index)?.map(|s| Value::Text(Cow::Borrowed(s))),
            (Kind::Json, _) => get::<&str>(row, index)?.map(|s| Value::Json(Cow::Borrowed(s))),
            (Kind::Bytes, _) => get::<&[u8]>(row, index)?.map(|b| Value::Bytes(Cow::Borrowed(b))),
            (Kind::Id, _) => get::<Uuid>(row, index)?.map(Value::Id),
            (Kind::Date, _) => get::<NaiveDate>(row, index)?.map(Value::Date),
            (Kind::Instant, _) => get::<DateTime<Utc>>(row, index)?.map(Value::Instant),
            (Kind::Decimal, _) => get::<Decimal>(row, index)?.map(Value::Decimal),
            _ => return Err(bad("value")),
        };
        Ok(value.unwrap_or(Value::Null))
    }
}

/// A value of a sort key as a cursor keeps it: integers, text, or bytes (an id), with dates as
/// day numbers and instants as microseconds.
pub(crate) fn key_value(
    row: &postgres::Row,
    index: usize,
) -> Result<lexcase_sql::keyset::KeyValue> {
    use lexcase_sql::keyset::KeyValue;
    let ty = row
        .columns()
        .get(index)
        .ok_or_else(|| bad("sort key"))?
        .type_()
        .clone();
    let missing = || LexcaseError::storage("a sort key is missing");
    Ok(match ty {
        Type::INT8 => KeyValue::Int(get::<i64>(row, index)?.ok_or_else(missing)?),
        Type::INT4 => KeyValue::Int(i64::from(get::<i32>(row, index)?.ok_or_else(missing)?)),
        Type::BOOL => KeyValue::Int(i64::from(get::<bool>(row, index)?.ok_or_else(missing)?)),
        Type::DATE => KeyValue::Int(day_number(
            get::<NaiveDate>(row, index)?.ok_or_else(missing)?,
        )),
        Type::TIMESTAMPTZ => KeyValue::Int(
            get::<DateTime<Utc>>(row, index)?
                .ok_or_else(missing)?
                .timestamp_micros(),
        ),
        Type::UUID => KeyValue::Bytes(
            get::<Uuid>(row, index)?
                .ok_or_else(missing)?
                .as_bytes()
                .to_vec(),
        ),
        _ => KeyValue::Text(get::<String>(row, index)?.ok_or_else(missing)?),
    })
}

/// A sort key value from a cursor as a parameter.
pub(crate) fn key_arg<'a>(value: lexcase_sql::keyset::KeyValue) -> Arg<'a> {
    use lexcase_sql::keyset::KeyValue;
    Arg::Value(match value {
        KeyValue::Int(i) => Value::Int(i),
        KeyValue::Text(t) => Value::Text(Cow::Owned(t)),
        KeyValue::Bytes(b) => Value::Bytes(Cow::Owned(b)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for (y, m, d) in [(1, 1, 1), (1970, 1, 1), (2026, 11, 27), (9999, 12, 31)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(date_of(day_number(date)), Some(date));
        }
    }

    #[test]
    fn values_convert_to_the_inferred_type() {
        let mut out = bytes::BytesMut::new();
        let day = Arg::int(day_number(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()));
        assert!(day.to_sql(&Type::DATE, &mut out).is_ok());
        assert!(Arg::int(1).to_sql(&Type::UUID, &mut out).is_err());
        assert!(Arg::text("a\0b").to_sql(&Type::TEXT, &mut out).is_err());
        let id = Arg::Value(Value::Bytes(Cow::Owned(vec![7; 16])));
        assert!(id.to_sql(&Type::UUID, &mut out).is_ok());
        let column = Arg::Column(vec![Value::Int(1), Value::Null, Value::Int(3)]);
        assert!(column.to_sql(&Type::INT8_ARRAY, &mut out).is_ok());
        assert!(column.to_sql(&Type::INT8, &mut out).is_err());
        let dates = Arg::Column(vec![Value::Date(NaiveDate::MIN), Value::Text("x".into())]);
        assert!(dates.to_sql(&Type::DATE_ARRAY, &mut out).is_err());
    }
}
