//! Column values independent of the SQL engine, and the reader a record decodes a row with.
//!
//! Each store maps a [`Value`] to its own column types: SQLite keeps ids as 16-byte blobs,
//! dates as day numbers and instants as microseconds; PostgreSQL as `uuid`, `date` and
//! `timestamptz`. Money that reports sum is an integer count of millionths of the currency unit
//! (see [`crate::money`]), so both engines add it exactly.

use std::borrow::Cow;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use lexcase::money::{Currency, Money};
use lexcase::{LexcaseError, Result};
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::money;

/// One column's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// SQL `NULL`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A 64-bit integer (counts, seconds, versions, money in millionths).
    Int(i64),
    /// Text.
    Text(Cow<'a, str>),
    /// Raw bytes (hashes, encoded audit changes).
    Bytes(Cow<'a, [u8]>),
    /// An identifier.
    Id(Uuid),
    /// A calendar date.
    Date(NaiveDate),
    /// An instant, kept to the microsecond.
    Instant(DateTime<Utc>),
    /// An exact decimal that is never summed by the store (a rate, a quantity, a tax rate).
    Decimal(Decimal),
    /// Nested detail as JSON text.
    Json(Cow<'a, str>),
}

/// The kind of value a column holds, which tells a store how to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// [`Value::Bool`].
    Bool,
    /// [`Value::Int`].
    Int,
    /// [`Value::Text`].
    Text,
    /// [`Value::Bytes`].
    Bytes,
    /// [`Value::Id`].
    Id,
    /// [`Value::Date`].
    Date,
    /// [`Value::Instant`].
    Instant,
    /// [`Value::Decimal`].
    Decimal,
    /// [`Value::Json`].
    Json,
}

/// A result row as a store exposes it to the records.
pub trait Row {
    /// Column `index` (from 0) read as `kind`; [`Value::Null`] for SQL `NULL`.
    fn value(&self, index: usize, kind: Kind) -> Result<Value<'_>>;
}

/// The error of a stored value that cannot be what its column says.
pub fn unreadable(what: &str) -> LexcaseError {
    LexcaseError::storage(format!("a stored {what} is unreadable"))
}

impl<'a> Value<'a> {
    /// Borrowed text.
    pub fn text(s: &'a str) -> Self {
        Value::Text(Cow::Borrowed(s))
    }

    /// Optional borrowed text.
    pub fn opt_text(s: Option<&'a str>) -> Self {
        s.map_or(Value::Null, Value::text)
    }

    /// An id (any typed id converts into a UUID).
    pub fn id(id: impl Into<Uuid>) -> Self {
        Value::Id(id.into())
    }

    /// An optional id.
    pub fn opt_id(id: Option<impl Into<Uuid>>) -> Self {
        id.map_or(Value::Null, Value::id)
    }

    /// An optional date.
    pub fn opt_date(date: Option<NaiveDate>) -> Self {
        date.map_or(Value::Null, Value::Date)
    }

    /// An optional instant.
    pub fn opt_instant(at: Option<DateTime<Utc>>) -> Self {
        at.map_or(Value::Null, Value::Instant)
    }

    /// An unsigned count or version.
    pub fn count(n: u64) -> Result<Self> {
        i64::try_from(n)
            .map(Value::Int)
            .map_err(|_| LexcaseError::validation("count", "too large to store"))
    }

    /// An amount of money the store may sum, in millionths.
    pub fn money(amount: Decimal) -> Result<Self> {
        money::to_units(amount).map(Value::Int)
    }

    /// An optional amount the store may sum.
    pub fn opt_money(amount: Option<Decimal>) -> Result<Self> {
        amount.map_or(Ok(Value::Null), Value::money)
    }

    /// A stable name (an enum's `as_str`).
    pub fn name(name: &'static str) -> Self {
        Value::Text(Cow::Borrowed(name))
    }

    /// Nested detail as JSON.
    pub fn json<T: Serialize>(what: &str, value: &T) -> Result<Self> {
        serde_json::to_string(value)
            .map(|s| Value::Json(Cow::Owned(s)))
            .map_err(|_| LexcaseError::storage(format!("could not encode the {what}")))
    }

    /// The value with any borrowed data copied, so it outlives its source.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Int(i) => Value::Int(i),
            Value::Text(s) => Value::Text(Cow::Owned(s.into_owned())),
            Value::Bytes(b) => Value::Bytes(Cow::Owned(b.into_owned())),
            Value::Id(u) => Value::Id(u),
            Value::Date(d) => Value::Date(d),
            Value::Instant(t) => Value::Instant(t),
            Value::Decimal(d) => Value::Decimal(d),
            Value::Json(s) => Value::Json(Cow::Owned(s.into_owned())),
        }
    }
}

/// Reads the columns of a row in order, each as the type its record expects.
pub struct Cols<'r> {
    row: &'r dyn Row,
    next: usize,
    /// What the row holds, for error messages.
    what: &'static str,
}

macro_rules! required {
    ($self:ident, $opt:expr) => {
        $opt.ok_or_else(|| unreadable($self.what))
    };
}

impl<'r> Cols<'r> {
    /// Reads `row` from its first column; `what` names the record in errors.
    pub fn new(row: &'r dyn Row, what: &'static str) -> Self {
        Self { row, next: 0, what }
    }

    /// Reads `row` from column `start`.
    pub fn starting_at(row: &'r dyn Row, start: usize, what: &'static str) -> Self {
        Self {
            row,
            next: start,
            what,
        }
    }

    fn take(&mut self, kind: Kind) -> Result<Value<'r>> {
        let i = self.next;
        self.next += 1;
        self.row.value(i, kind)
    }

    /// Skips a column.
    pub fn skip(&mut self) {
        self.next += 1;
    }

    /// An optional id.
    pub fn opt_id<T: From<Uuid>>(&mut self) -> Result<Option<T>> {
        match self.take(Kind::Id)? {
            Value::Null => Ok(None),
            Value::Id(u) => Ok(Some(T::from(u))),
            _ => Err(unreadable(self.what)),
        }
    }

    /// An id.
    pub fn id<T: From<Uuid>>(&mut self) -> Result<T> {
        let v = self.opt_id()?;
        required!(self, v)
    }

    /// An optional integer.
    pub fn opt_int(&mut self) -> Result<Option<i64>> {
        match self.take(Kind::Int)? {
            Value::Null => Ok(None),
            Value::Int(i) => Ok(Some(i)),
            _ => Err(unreadable(self.what)),
        }
    }

    /// An integer.
    pub fn int(&mut self) -> Result<i64> {
        let v = self.opt_int()?;
        required!(self, v)
    }

    /// An integer that fits `T` (a count, seconds, a version).
    pub fn uint<T: TryFrom<i64>>(&mut self) -> Result<T> {
        T::try_from(self.int()?).map_err(|_| unreadable(self.what))
    }

    /// An optional integer that fits `T`.
    pub fn opt_uint<T: TryFrom<i64>>(&mut self) -> Result<Option<T>> {
        self.opt_int()?
            .map(|i| T::try_from(i).map_err(|_| unreadable(self.what)))
            .transpose()
    }

    /// A boolean.
    pub fn bool(&mut self) -> Result<bool> {
        match self.take(Kind::Bool)? {
            Value::Bool(b) => Ok(b),
            Value::Int(i) => Ok(i != 0),
            _ => Err(unreadable(self.what)),
        }
    }

    /// Optional text.
    pub fn opt_text(&mut self) -> Result<Option<String>> {
        match self.take(Kind::Text)? {
            Value::Null => Ok(None),
            Value::Text(s) => Ok(Some(s.into_owned())),
            _ => Err(unreadable(self.what)),
        }
    }

    /// Text.
    pub fn text(&mut self) -> Result<String> {
        let v = self.opt_text()?;
        required!(self, v)
    }

    /// Bytes of a known length (a hash).
    pub fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        match self.take(Kind::Bytes)? {
            Value::Bytes(b) => b.as_ref().try_into().map_err(|_| unreadable(self.what)),
            _ => Err(unreadable(self.what)),
        }
    }

    /// Optional bytes of a known length.
    pub fn opt_array<const N: usize>(&mut self) -> Result<Option<[u8; N]>> {
        match self.take(Kind::Bytes)? {
            Value::Null => Ok(None),
            Value::Bytes(b) => b
                .as_ref()
                .try_into()
                .map(Some)
                .map_err(|_| unreadable(self.what)),
            _ => Err(unreadable(self.what)),
        }
    }

    /// Bytes.
    pub fn bytes(&mut self) -> Result<Vec<u8>> {
        match self.take(Kind::Bytes)? {
            Value::Bytes(b) => Ok(b.into_owned()),
            _ => Err(unreadable(self.what)),
        }
    }

    /// An optional date.
    pub fn opt_date(&mut self) -> Result<Option<NaiveDate>> {
        match self.take(Kind::Date)? {
            Value::Null => Ok(None),
            Value::Date(d) => Ok(Some(d)),
            _ => Err(unreadable(self.what)),
        }
    }

    /// A date.
    pub fn date(&mut self) -> Result<NaiveDate> {
        let v = self.opt_date()?;
        required!(self, v)
    }

    /// An optional instant.
    pub fn opt_instant(&mut self) -> Result<Option<DateTime<Utc>>> {
        match self.take(Kind::Instant)? {
            Value::Null => Ok(None),
            Value::Instant(t) => Ok(Some(t)),
            _ => Err(unreadable(self.what)),
        }
    }

    /// An instant.
    pub fn instant(&mut self) -> Result<DateTime<Utc>> {
        let v = self.opt_instant()?;
        required!(self, v)
    }

    /// An optional exact decimal.
    pub fn opt_decimal(&mut self) -> Result<Option<Decimal>> {
        match self.take(Kind::Decimal)? {
            Value::Null => Ok(None),
            Value::Decimal(d) => Ok(Some(d)),
            _ => Err(unreadable(self.what)),
        }
    }

    /// An exact decimal.
    pub fn decimal(&mut self) -> Result<Decimal> {
        let v = self.opt_decimal()?;
        required!(self, v)
    }

    /// An amount kept in millionths, in the canonical form of `currency` (see
    /// [`crate::money::amount`]).
    pub fn amount(&mut self, currency: Currency) -> Result<Decimal> {
        Ok(money::amount(self.int()?, currency))
    }

    /// An optional amount kept in millionths.
    pub fn opt_amount(&mut self, currency: Currency) -> Result<Option<Decimal>> {
        Ok(self.opt_int()?.map(|units| money::amount(units, currency)))
    }

    /// Money kept as an amount in millionths beside its currency's column (read first).
    pub fn money(&mut self, currency: Currency) -> Result<Money> {
        Ok(Money {
            amount: self.amount(currency)?,
            currency,
        })
    }

    /// A currency code.
    pub fn currency(&mut self) -> Result<Currency> {
        Currency::parse(&self.text()?).map_err(|_| unreadable(self.what))
    }

    /// An optional currency code.
    pub fn opt_currency(&mut self) -> Result<Option<Currency>> {
        self.opt_text()?
            .map(|c| Currency::parse(&c).map_err(|_| unreadable(self.what)))
            .transpose()
    }

    /// A stable name parsed back into its enum.
    pub fn name<T: FromStr>(&mut self) -> Result<T> {
        self.text()?.parse().map_err(|_| unreadable(self.what))
    }

    /// An optional stable name.
    pub fn opt_name<T: FromStr>(&mut self) -> Result<Option<T>> {
        self.opt_text()?
            .map(|s| s.parse().map_err(|_| unreadable(self.what)))
            .transpose()
    }

    /// Optional bytes.
    pub fn opt_bytes(&mut self) -> Result<Option<Vec<u8>>> {
        match self.take(Kind::Bytes)? {
            Value::Null => Ok(None),
            Value::Bytes(b) => Ok(Some(b.into_owned())),
            _ => Err(unreadable(self.what)),
        }
    }

    /// Optional nested detail kept as JSON.
    pub fn opt_json<T: DeserializeOwned>(&mut self) -> Result<Option<T>> {
        match self.take(Kind::Json)? {
            Value::Null => Ok(None),
            Value::Json(s) | Value::Text(s) => serde_json::from_str(&s)
                .map(Some)
                .map_err(|_| unreadable(self.what)),
            _ => Err(unreadable(self.what)),
        }
    }

    /// Nested detail kept as JSON.
    pub fn json<T: DeserializeOwned>(&mut self) -> Result<T> {
        match self.take(Kind::Json)? {
            Value::Json(s) | Value::Text(s) => {
                serde_json::from_str(&s).map_err(|_| unreadable(self.what))
            }
            _ => Err(unreadable(self.what)),
        }
    }
}
