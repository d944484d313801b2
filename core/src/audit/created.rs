//! The changes of a created record, encoded straight from the record: the same bytes as
//! encoding [`super::diff`]`(None, record)`, without building its JSON first. Every command
//! that creates a record (and every entry of a batch) pays for its event's changes, so this is
//! the audit trail's hot path.
//!
//! The record is serialised with a serializer that writes [`super::encoding`]'s value form
//! directly, following serde_json's data model (maps and struct fields in key order, unit
//! variants as strings, newtype variants as one-key objects, non-finite floats as null).

use std::borrow::Cow;
use std::fmt::Display;
use std::ops::Range;

use serde::ser::{self, Serialize};

use super::encoding::{
    AFTER, ARRAY, EventContext, FALSE, FLOAT, INT, NULL, OBJECT, TRUE, UINT, put_string,
    put_varint, put_word, zigzag,
};
use crate::error::{LexcaseError, Result};

/// Fields that change on every write and say nothing by themselves (as in [`super::diff`]).
const IGNORED: &str = "version";

/// A record that cannot be encoded (a map key that is not text, a serializer error).
#[derive(Debug)]
pub struct EncodeError(String);

impl Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EncodeError {}

impl ser::Error for EncodeError {
    fn custom<T: Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

type Res<T = ()> = std::result::Result<T, EncodeError>;

/// The encoded change list of `record` created in an event with `context`: each top-level
/// field but `version` and the null ones, as an addition, in key order.
pub fn created_changes<T: Serialize>(record: &T, context: &EventContext) -> Result<Vec<u8>> {
    let mut fields = Fields::default();
    record
        .serialize(Top {
            context,
            fields: &mut fields,
        })
        .map_err(|_| LexcaseError::storage("a record cannot be encoded for the audit trail"))?;
    let Fields { mut entries, bytes } = fields;
    entries.retain(|(key, range)| key != IGNORED && bytes[range.clone()] != [NULL]);
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::with_capacity(8 + bytes.len() + entries.len() * 3);
    put_varint(&mut out, entries.len() as u64);
    for (key, range) in entries {
        put_word(&mut out, &key);
        out.push(AFTER);
        out.extend_from_slice(&bytes[range]);
    }
    Ok(out)
}

/// Encoded fields: each key with the range of its value in one shared buffer.
#[derive(Default)]
struct Fields {
    entries: Vec<(Cow<'static, str>, Range<usize>)>,
    bytes: Vec<u8>,
}

impl Fields {
    fn push(
        &mut self,
        key: Cow<'static, str>,
        value: &(impl Serialize + ?Sized),
        context: &EventContext,
    ) -> Res {
        let start = self.bytes.len();
        value.serialize(Val {
            out: &mut self.bytes,
            context,
        })?;
        self.entries.push((key, start..self.bytes.len()));
        Ok(())
    }
}

/// Writes one value's encoding into `out`.
struct Val<'a, 'c> {
    out: &'a mut Vec<u8>,
    context: &'c EventContext,
}

impl<'c> Val<'_, 'c> {
    fn int(self, n: i64) -> Res {
        self.out.push(INT);
        put_varint(self.out, zigzag(n));
        Ok(())
    }

    fn uint(self, n: u64) -> Res {
        match i64::try_from(n) {
            Ok(i) => self.int(i),
            Err(_) => {
                self.out.push(UINT);
                put_varint(self.out, n);
                Ok(())
            }
        }
    }
}

/// Entries written into their own buffers, then sorted and written as an object (maps and
/// structs) or kept in order as an array.
struct Entries<'a, 'c> {
    out: &'a mut Vec<u8>,
    context: &'c EventContext,
    fields: Fields,
    /// A key waiting for its value (maps).
    key: Option<String>,
    /// Wrap the result as `{variant: …}`.
    variant: Option<&'static str>,
    /// An array rather than an object.
    array: bool,
}

impl<'a, 'c> Entries<'a, 'c> {
    fn new(out: &'a mut Vec<u8>, context: &'c EventContext, array: bool) -> Self {
        Self {
            out,
            context,
            fields: Fields::default(),
            key: None,
            variant: None,
            array,
        }
    }

    fn push(&mut self, key: Cow<'static, str>, value: &(impl Serialize + ?Sized)) -> Res {
        self.fields.push(key, value, self.context)
    }

    fn finish(self) -> Res {
        if let Some(variant) = self.variant {
            self.out.push(OBJECT);
            put_varint(self.out, 1);
            put_word(self.out, variant);
        }
        let Fields { mut entries, bytes } = self.fields;
        if self.array {
            // Elements are written in order: the buffer is the array's contents.
            self.out.push(ARRAY);
            put_varint(self.out, entries.len() as u64);
            self.out.extend_from_slice(&bytes);
        } else {
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            // A map keeps the last value of a repeated key, as serde_json's does.
            entries.dedup_by(|later, earlier| {
                if later.0 == earlier.0 {
                    std::mem::swap(later, earlier);
                    true
                } else {
                    false
                }
            });
            self.out.push(OBJECT);
            put_varint(self.out, entries.len() as u64);
            for (key, range) in entries {
                put_word(self.out, &key);
                self.out.extend_from_slice(&bytes[range]);
            }
        }
        Ok(())
    }
}

impl<'a, 'c> ser::Serializer for Val<'a, 'c> {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = Entries<'a, 'c>;
    type SerializeTuple = Entries<'a, 'c>;
    type SerializeTupleStruct = Entries<'a, 'c>;
    type SerializeTupleVariant = Entries<'a, 'c>;
    type SerializeMap = Entries<'a, 'c>;
    type SerializeStruct = Entries<'a, 'c>;
    type SerializeStructVariant = Entries<'a, 'c>;

    fn serialize_bool(self, v: bool) -> Res {
        self.out.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Res {
        self.int(v.into())
    }
    fn serialize_i16(self, v: i16) -> Res {
        self.int(v.into())
    }
    fn serialize_i32(self, v: i32) -> Res {
        self.int(v.into())
    }
    fn serialize_i64(self, v: i64) -> Res {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Res {
        self.uint(v.into())
    }
    fn serialize_u16(self, v: u16) -> Res {
        self.uint(v.into())
    }
    fn serialize_u32(self, v: u32) -> Res {
        self.uint(v.into())
    }
    fn serialize_u64(self, v: u64) -> Res {
        self.uint(v)
    }
    fn serialize_f32(self, v: f32) -> Res {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Res {
        if v.is_finite() {
            self.out.push(FLOAT);
            self.out.extend_from_slice(&v.to_be_bytes());
        } else {
            self.out.push(NULL);
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Res {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Res {
        put_string(self.out, self.context, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Res {
        self.out.push(ARRAY);
        put_varint(self.out, v.len() as u64);
        for b in v {
            self.out.push(INT);
            put_varint(self.out, zigzag(i64::from(*b)));
        }
        Ok(())
    }
    fn serialize_none(self) -> Res {
        self.out.push(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Res {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Res {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Res {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Res {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Res {
        let mut entries = Entries::new(self.out, self.context, false);
        entries.push(Cow::Borrowed(variant), value)?;
        entries.finish()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Res<Self::SerializeSeq> {
        Ok(Entries::new(self.out, self.context, true))
    }
    fn serialize_tuple(self, _len: usize) -> Res<Self::SerializeTuple> {
        Ok(Entries::new(self.out, self.context, true))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Res<Self::SerializeTupleStruct> {
        Ok(Entries::new(self.out, self.context, true))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Res<Self::SerializeTupleVariant> {
        let mut entries = Entries::new(self.out, self.context, true);
        entries.variant = Some(variant);
        Ok(entries)
    }
    fn serialize_map(self, _len: Option<usize>) -> Res<Self::SerializeMap> {
        Ok(Entries::new(self.out, self.context, false))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Res<Self::SerializeStruct> {
        Ok(Entries::new(self.out, self.context, false))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Res<Self::SerializeStructVariant> {
        let mut entries = Entries::new(self.out, self.context, false);
        entries.variant = Some(variant);
        Ok(entries)
    }
}

impl ser::SerializeSeq for Entries<'_, '_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        self.push(Cow::Borrowed(""), value)
    }
    fn end(self) -> Res {
        self.finish()
    }
}

impl ser::SerializeTuple for Entries<'_, '_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        self.push(Cow::Borrowed(""), value)
    }
    fn end(self) -> Res {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Entries<'_, '_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        self.push(Cow::Borrowed(""), value)
    }
    fn end(self) -> Res {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Entries<'_, '_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        self.push(Cow::Borrowed(""), value)
    }
    fn end(self) -> Res {
        self.finish()
    }
}

impl ser::SerializeMap for Entries<'_, '_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Res {
        self.key = Some(key.serialize(KeyText)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        let key = self
            .key
            .take()
            .ok_or_else(|| EncodeError("a map value without its key".into()))?;
        self.push(Cow::Owned(key), value)
    }
    fn end(self) -> Res {
        self.finish()
    }
}

impl ser::SerializeStruct for Entries<'_, '_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Res {
        self.push(Cow::Borrowed(key), value)
    }
    fn end(self) -> Res {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Entries<'_, '_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Res {
        self.push(Cow::Borrowed(key), value)
    }
    fn end(self) -> Res {
        self.finish()
    }
}

/// The top level: a struct or map whose fields become the changes.
struct Top<'a, 'c> {
    context: &'c EventContext,
    fields: &'a mut Fields,
}

/// Collects the top-level fields.
struct TopFields<'a, 'c> {
    context: &'c EventContext,
    fields: &'a mut Fields,
    key: Option<String>,
}

fn not_a_record() -> EncodeError {
    EncodeError("only a record with fields is audited as created".into())
}

macro_rules! refuse {
    ($($name:ident($($arg:ty),*) -> $ret:ty;)*) => {
        $(fn $name(self, $(_: $arg),*) -> Res<$ret> { Err(not_a_record()) })*
    };
}

impl<'a, 'c> ser::Serializer for Top<'a, 'c> {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = ser::Impossible<(), EncodeError>;
    type SerializeTuple = ser::Impossible<(), EncodeError>;
    type SerializeTupleStruct = ser::Impossible<(), EncodeError>;
    type SerializeTupleVariant = ser::Impossible<(), EncodeError>;
    type SerializeMap = TopFields<'a, 'c>;
    type SerializeStruct = TopFields<'a, 'c>;
    type SerializeStructVariant = ser::Impossible<(), EncodeError>;

    refuse! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_u64(u64) -> ();
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_char(char) -> ();
        serialize_str(&str) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Res {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Res {
        Err(not_a_record())
    }
    fn serialize_map(self, _len: Option<usize>) -> Res<Self::SerializeMap> {
        Ok(TopFields {
            context: self.context,
            fields: self.fields,
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Res<Self::SerializeStruct> {
        self.serialize_map(None)
    }
}

impl ser::SerializeMap for TopFields<'_, '_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Res {
        self.key = Some(key.serialize(KeyText)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        let key = self
            .key
            .take()
            .ok_or_else(|| EncodeError("a map value without its key".into()))?;
        self.fields.push(Cow::Owned(key), value, self.context)
    }
    fn end(self) -> Res {
        Ok(())
    }
}

impl ser::SerializeStruct for TopFields<'_, '_> {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Res {
        self.fields.push(Cow::Borrowed(key), value, self.context)
    }
    fn end(self) -> Res {
        Ok(())
    }
}

/// A map key as the text serde_json would make of it.
struct KeyText;

impl ser::Serializer for KeyText {
    type Ok = String;
    type Error = EncodeError;
    type SerializeSeq = ser::Impossible<String, EncodeError>;
    type SerializeTuple = ser::Impossible<String, EncodeError>;
    type SerializeTupleStruct = ser::Impossible<String, EncodeError>;
    type SerializeTupleVariant = ser::Impossible<String, EncodeError>;
    type SerializeMap = ser::Impossible<String, EncodeError>;
    type SerializeStruct = ser::Impossible<String, EncodeError>;
    type SerializeStructVariant = ser::Impossible<String, EncodeError>;

    fn serialize_str(self, v: &str) -> Res<String> {
        Ok(v.to_owned())
    }
    fn serialize_char(self, v: char) -> Res<String> {
        Ok(v.to_string())
    }
    fn serialize_bool(self, v: bool) -> Res<String> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Res<String> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Res<String> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Res<String> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Res<String> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Res<String> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Res<String> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Res<String> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Res<String> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _v: f32) -> Res<String> {
        Err(EncodeError("a float map key".into()))
    }
    fn serialize_f64(self, _v: f64) -> Res<String> {
        Err(EncodeError("a float map key".into()))
    }
    fn serialize_bytes(self, _v: &[u8]) -> Res<String> {
        Err(EncodeError("a bytes map key".into()))
    }
    fn serialize_none(self) -> Res<String> {
        Err(EncodeError("a missing map key".into()))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _v: &T) -> Res<String> {
        Err(EncodeError("an optional map key".into()))
    }
    fn serialize_unit(self) -> Res<String> {
        Err(EncodeError("a unit map key".into()))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Res<String> {
        Err(EncodeError("a unit map key".into()))
    }
    fn serialize_unit_variant(self, _n: &'static str, _i: u32, v: &'static str) -> Res<String> {
        Ok(v.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        v: &T,
    ) -> Res<String> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _n: &'static str,
        _i: u32,
        _v: &'static str,
        _value: &T,
    ) -> Res<String> {
        Err(EncodeError("a variant map key".into()))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Res<Self::SerializeSeq> {
        Err(EncodeError("a sequence map key".into()))
    }
    fn serialize_tuple(self, _len: usize) -> Res<Self::SerializeTuple> {
        Err(EncodeError("a tuple map key".into()))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Res<Self::SerializeTupleStruct> {
        Err(EncodeError("a tuple map key".into()))
    }
    fn serialize_tuple_variant(
        self,
        _n: &'static str,
        _i: u32,
        _v: &'static str,
        _len: usize,
    ) -> Res<Self::SerializeTupleVariant> {
        Err(EncodeError("a variant map key".into()))
    }
    fn serialize_map(self, _len: Option<usize>) -> Res<Self::SerializeMap> {
        Err(EncodeError("a map map key".into()))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Res<Self::SerializeStruct> {
        Err(EncodeError("a struct map key".into()))
    }
    fn serialize_struct_variant(
        self,
        _n: &'static str,
        _i: u32,
        _v: &'static str,
        _len: usize,
    ) -> Res<Self::SerializeStructVariant> {
        Err(EncodeError("a variant map key".into()))
    }
}

#[cfg(test)]
#[path = "created_tests.rs"]
mod tests;
