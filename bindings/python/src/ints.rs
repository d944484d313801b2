//! Integer arguments: any Python `int` is accepted and range-checked into the Rust type it
//! feeds, so an out-of-range value (negative, or larger than the type holds) is a
//! `ValidationError` naming the argument, never Python's `OverflowError`.

use lexcase::LexcaseError;
use pyo3::prelude::*;

use crate::errors::to_py;

/// `obj` as a `T`, or a validation error on `field`.
fn checked<T: TryFrom<i128>>(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<T> {
    let out_of_range = || to_py(LexcaseError::validation(field, "out of range"));
    let wide: i128 = match obj.extract() {
        Ok(n) => n,
        // A Python int beyond 128 bits: out of range for every type here.
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(obj.py()) => {
            return Err(out_of_range());
        }
        Err(e) => return Err(e),
    };
    T::try_from(wide).map_err(|_| out_of_range())
}

/// Writes one extractor per argument name and type, for `#[pyo3(from_py_with = …)]`.
macro_rules! int_arguments {
    ($($name:ident => $field:literal: $ty:ty),* $(,)?) => {
        $(
            #[doc = concat!("The argument `", $field, "` as a `", stringify!($ty), "`.")]
            pub(crate) fn $name(obj: &Bound<'_, PyAny>) -> PyResult<$ty> {
                checked(obj, $field)
            }
        )*
    };
}

/// Writes one extractor per optional argument (`None` stays `None`).
macro_rules! optional_int_arguments {
    ($($name:ident => $field:literal: $ty:ty),* $(,)?) => {
        $(
            #[doc = concat!("The optional argument `", $field, "` as a `", stringify!($ty), "`.")]
            pub(crate) fn $name(obj: &Bound<'_, PyAny>) -> PyResult<Option<$ty>> {
                if obj.is_none() {
                    Ok(None)
                } else {
                    checked(obj, $field).map(Some)
                }
            }
        )*
    };
}

int_arguments! {
    expected_version => "expected_version": u64,
    offset => "offset": i64,
    limit => "limit": i64,
    limit_u32 => "limit": u32,
    number => "number": u32,
    due_days => "due_days": i32,
    to_version => "to_version": u32,
    seconds_u64 => "seconds": u64,
    seconds_u32 => "seconds": u32,
    period_amount => "period_amount": u32,
    minimum_minutes => "minimum_minutes": u32,
    increment_minutes => "increment_minutes": u32,
    index => "index": i64,
    hit => "hit": usize,
    days_u32 => "days": u32,
    cursor => "cursor": u64,
}

optional_int_arguments! {
    version => "version": u32,
    payment_terms_days => "payment_terms_days": u32,
}
