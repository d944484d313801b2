//! Conversions shared by every namespace: running a core call without the GIL, ids, dates,
//! money, enum names, pages, custom-field values, JSON values and `repr`.
//!
//! Conversions are strict: an id must be a `uuid.UUID`, a date a `datetime.date` (not a
//! `datetime.datetime`), an amount a `decimal.Decimal`, a `str` or an `int` — never a `float`.
//! Everything else is a `TypeError` naming what was expected.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use lexcase::LexcaseError;
use lexcase::matters::CustomValue;
use lexcase::store::{Cursor, Page};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyType,
    PyTzInfo,
};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::errors::to_py;

/// Runs a core call with the GIL released and turns its error into the Python exception.
pub(crate) fn run<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: FnOnce() -> lexcase::Result<T> + Send,
    T: Send,
{
    py.detach(f).map_err(to_py)
}

/// Parses a stable enum name with the core's `FromStr` (an unknown name is a `ValidationError`).
pub(crate) fn parse<T: FromStr<Err = LexcaseError>>(name: &str) -> PyResult<T> {
    name.parse().map_err(to_py)
}

/// [`parse`] for an optional name.
pub(crate) fn parse_opt<T: FromStr<Err = LexcaseError>>(name: Option<&str>) -> PyResult<Option<T>> {
    name.map(parse).transpose()
}

/// A page of a listing: `limit` items after skipping `offset`, or after the cursor `after`
/// (a previous page's `next_cursor`). Offsets and limits are range-checked by the core; a
/// negative value cannot be represented there and is refused here as the core would refuse an
/// out-of-range one.
pub(crate) fn page(offset: i64, limit: i64, after: Option<String>) -> PyResult<Page> {
    let offset = u64::try_from(offset)
        .map_err(|_| to_py(LexcaseError::validation("offset", "must not be negative")))?;
    let limit = u32::try_from(limit).unwrap_or(if limit < 0 { 0 } else { u32::MAX });
    match after {
        None => Page::new(offset, limit).map_err(to_py),
        Some(cursor) => {
            if offset != 0 {
                return Err(to_py(LexcaseError::validation(
                    "offset",
                    "a page after a cursor takes no offset",
                )));
            }
            Page::after(Cursor::new(cursor).map_err(to_py)?, limit).map_err(to_py)
        }
    }
}

/// The name of an object's type, for error messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .qualname()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_owned())
}

fn uuid_of(obj: &Bound<'_, PyAny>) -> PyResult<Uuid> {
    obj.extract::<Uuid>()
        .map_err(|_| PyTypeError::new_err(format!("expected uuid.UUID, got {}", type_name(obj))))
}

/// A typed id (`UserId`, `ContactId`, …) taken from a `uuid.UUID`; anything else (a `str`
/// too) is a `TypeError`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Id<T>(pub T);

impl<'a, 'py, T: From<Uuid>> FromPyObject<'a, 'py> for Id<T> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        uuid_of(&obj).map(|u| Self(T::from(u)))
    }
}

/// Unwraps an optional [`Id`].
pub(crate) fn id_opt<T>(id: Option<Id<T>>) -> Option<T> {
    id.map(|Id(id)| id)
}

/// A calendar date from a `datetime.date`; a `datetime.datetime` is refused (it would lose
/// its time and zone silently).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateArg(pub NaiveDate);

impl<'a, 'py> FromPyObject<'a, 'py> for DateArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyDateTime>() {
            return Err(PyTypeError::new_err(
                "expected datetime.date, got datetime.datetime (pass .date() for the calendar date)",
            ));
        }
        if !obj.is_instance_of::<PyDate>() {
            return Err(PyTypeError::new_err(format!(
                "expected datetime.date, got {}",
                type_name(&obj)
            )));
        }
        obj.extract::<NaiveDate>().map(Self)
    }
}

/// Unwraps an optional [`DateArg`].
pub(crate) fn date_opt(date: Option<DateArg>) -> Option<NaiveDate> {
    date.map(|DateArg(d)| d)
}

/// A wall-clock time from a naive `datetime.datetime` (no `tzinfo`: the zone is given beside
/// it). An aware datetime or a `datetime.date` is a `TypeError`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LocalDateTimeArg(pub NaiveDateTime);

impl<'a, 'py> FromPyObject<'a, 'py> for LocalDateTimeArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if !obj.is_instance_of::<PyDateTime>() {
            return Err(PyTypeError::new_err(format!(
                "expected a naive datetime.datetime, got {}",
                type_name(&obj)
            )));
        }
        if !obj.getattr("tzinfo")?.is_none() {
            return Err(PyTypeError::new_err(
                "expected a naive datetime.datetime (a wall-clock time; give the zone as `zone`), \
                 got an aware one",
            ));
        }
        obj.extract::<NaiveDateTime>().map(Self)
    }
}

/// Unwraps an optional [`LocalDateTimeArg`].
pub(crate) fn local_opt(value: Option<LocalDateTimeArg>) -> Option<NaiveDateTime> {
    value.map(|LocalDateTimeArg(v)| v)
}

/// An instant from an aware `datetime.datetime` in any zone (converted to UTC); a naive
/// datetime is a `TypeError` (its instant would be a guess).
#[derive(Debug, Clone, Copy)]
pub(crate) struct InstantArg(pub DateTime<Utc>);

impl<'a, 'py> FromPyObject<'a, 'py> for InstantArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if !obj.is_instance_of::<PyDateTime>() {
            return Err(PyTypeError::new_err(format!(
                "expected an aware datetime.datetime, got {}",
                type_name(&obj)
            )));
        }
        if obj.call_method0("utcoffset")?.is_none() {
            return Err(PyTypeError::new_err(
                "expected an aware datetime.datetime (with tzinfo), got a naive one",
            ));
        }
        let utc = PyTzInfo::utc(obj.py())?;
        obj.call_method1("astimezone", (utc,))?
            .extract::<DateTime<Utc>>()
            .map(Self)
    }
}

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn is_decimal(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let class = DECIMAL.import(obj.py(), "decimal", "Decimal")?;
    obj.is_instance(class)
}

fn parse_decimal(text: &str, field: &str) -> PyResult<Decimal> {
    let text = text.trim();
    Decimal::from_str(text)
        .or_else(|_| Decimal::from_scientific(text))
        .map_err(|_| {
            to_py(LexcaseError::validation(
                field,
                "not a finite decimal number in range",
            ))
        })
}

/// An exact amount (money, a rate) from a `decimal.Decimal`, a `str` or an `int`.
///
/// A `float` is a `TypeError`: binary floats cannot hold most decimal amounts exactly.
/// `field` names the argument in the `ValidationError` of an unparseable string.
pub(crate) fn decimal(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Decimal> {
    if obj.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(format!(
            "{field}: a float cannot hold an exact amount; pass decimal.Decimal or a string \
             (e.g. Decimal(\"250.50\") or \"250.50\")"
        )));
    }
    if obj.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{field}: expected decimal.Decimal or str, got bool"
        )));
    }
    if obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyString>() || is_decimal(obj)? {
        return parse_decimal(&obj.str()?.to_cow()?, field);
    }
    Err(PyTypeError::new_err(format!(
        "{field}: expected decimal.Decimal or str, got {}",
        type_name(obj)
    )))
}

/// [`decimal`] for an optional argument.
pub(crate) fn decimal_opt(
    obj: Option<&Bound<'_, PyAny>>,
    field: &str,
) -> PyResult<Option<Decimal>> {
    obj.map(|o| decimal(o, field)).transpose()
}

/// A custom-field value from Python: `str` → text (the core accepts text for a choice field),
/// `bool` → bool, `int` → number, `Decimal` → decimal, `date` → date, `UUID` → contact,
/// `None` → clear. A `float` or a `datetime` is a `TypeError`.
pub(crate) fn custom_value(obj: &Bound<'_, PyAny>) -> PyResult<Option<CustomValue>> {
    if obj.is_none() {
        return Ok(None);
    }
    // bool before int: `True` is an int in Python.
    if obj.is_instance_of::<PyBool>() {
        return Ok(Some(CustomValue::Bool(obj.extract()?)));
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(Some(CustomValue::Number(obj.extract()?)));
    }
    if obj.is_instance_of::<PyString>() {
        return Ok(Some(CustomValue::Text(obj.extract()?)));
    }
    if obj.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(
            "value: a float cannot hold an exact number; pass int, decimal.Decimal or a string",
        ));
    }
    if is_decimal(obj)? {
        return Ok(Some(CustomValue::Decimal(decimal(obj, "value")?)));
    }
    if obj.is_instance_of::<PyDate>() {
        return Ok(Some(CustomValue::Date(obj.extract::<DateArg>()?.0)));
    }
    if let Ok(uuid) = obj.extract::<Uuid>() {
        return Ok(Some(CustomValue::ContactRef(uuid.into())));
    }
    Err(PyTypeError::new_err(format!(
        "value: expected str, bool, int, decimal.Decimal, datetime.date, uuid.UUID or None, got {}",
        type_name(obj)
    )))
}

/// A custom-field value as a plain Python value.
pub(crate) fn custom_value_to_py<'py>(
    py: Python<'py>,
    value: &CustomValue,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        CustomValue::Text(s) | CustomValue::Choice(s) => s.into_pyobject(py)?.into_any(),
        CustomValue::Number(n) => n.into_pyobject(py)?.into_any(),
        CustomValue::Decimal(d) => d.into_pyobject(py)?,
        CustomValue::Date(d) => d.into_pyobject(py)?.into_any(),
        CustomValue::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        CustomValue::ContactRef(c) => Uuid::from(*c).into_pyobject(py)?,
    })
}

/// A JSON value (audit before/after) as plain Python: `None`, `bool`, `int`, `float`, `str`,
/// `list` and `dict`.
pub(crate) fn json_to_py<'py>(
    py: Python<'py>,
    value: &serde_json::Value,
) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => PyList::new(
            py,
            items
                .iter()
                .map(|v| json_to_py(py, v))
                .collect::<PyResult<Vec<_>>>()?,
        )?
        .into_any(),
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, json_to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// The `(key, value)` pairs of a mapping (any `collections.abc.Mapping`).
pub(crate) fn mapping_items<'py>(
    obj: &Bound<'py, PyAny>,
    what: &str,
) -> PyResult<Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
    let mapping = obj.cast::<PyMapping>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what}: expected a mapping, got {}",
            type_name(obj)
        ))
    })?;
    mapping.items()?.iter().map(|item| item.extract()).collect()
}

/// `Name(field=repr, …)` from the object's own attributes.
pub(crate) fn repr(obj: &Bound<'_, PyAny>, fields: &[&str]) -> PyResult<String> {
    let name = obj.get_type().qualname()?;
    let parts = fields
        .iter()
        .map(|f| Ok(format!("{f}={}", obj.getattr(*f)?.repr()?)))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(format!("{name}({})", parts.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyo3::ffi::c_str;

    fn eval<'py>(py: Python<'py>, code: &std::ffi::CStr) -> Bound<'py, PyAny> {
        py.eval(code, None, None).expect("valid expression")
    }

    #[test]
    fn amounts_are_exact_and_floats_refused() {
        Python::initialize();
        Python::attach(|py| {
            let dec = eval(py, c_str!("__import__('decimal').Decimal('250.50')"));
            assert_eq!(
                decimal(&dec, "rate").expect("Decimal").to_string(),
                "250.50"
            );
            let text = eval(py, c_str!("' 1E+3 '"));
            assert_eq!(decimal(&text, "rate").expect("str"), Decimal::from(1000));
            let int = eval(py, c_str!("7"));
            assert_eq!(decimal(&int, "rate").expect("int"), Decimal::from(7));
            for refused in [c_str!("250.5"), c_str!("True"), c_str!("[1]")] {
                let err = decimal(&eval(py, refused), "rate").expect_err("refused");
                assert!(err.is_instance_of::<PyTypeError>(py));
            }
            let nan = eval(py, c_str!("__import__('decimal').Decimal('NaN')"));
            let err = decimal(&nan, "rate").expect_err("NaN is refused");
            assert!(err.is_instance_of::<crate::errors::ValidationError>(py));
        });
    }

    #[test]
    fn custom_values_take_their_kind_from_the_python_type() {
        Python::initialize();
        Python::attach(|py| {
            let value = |code| custom_value(&eval(py, code));
            assert_eq!(
                value(c_str!("True")).expect("bool"),
                Some(CustomValue::Bool(true))
            );
            assert_eq!(
                value(c_str!("3")).expect("int"),
                Some(CustomValue::Number(3))
            );
            assert_eq!(
                value(c_str!("'x'")).expect("str"),
                Some(CustomValue::Text("x".into()))
            );
            assert_eq!(value(c_str!("None")).expect("None"), None);
            assert!(value(c_str!("1.5")).is_err());
            assert!(value(c_str!("__import__('datetime').datetime(2031, 1, 1)")).is_err());
            assert_eq!(
                value(c_str!("__import__('datetime').date(2031, 1, 2)")).expect("date"),
                NaiveDate::from_ymd_opt(2031, 1, 2).map(CustomValue::Date)
            );
        });
    }

    #[test]
    fn instants_need_a_zone_and_wall_clock_times_refuse_one() {
        Python::initialize();
        Python::attach(|py| {
            let aware = eval(
                py,
                c_str!(
                    "__import__('datetime').datetime(2031, 7, 5, 10, 30, \
                     tzinfo=__import__('zoneinfo').ZoneInfo('Europe/London'))"
                ),
            );
            let instant = aware.extract::<InstantArg>().expect("aware datetime").0;
            assert_eq!(instant.to_rfc3339(), "2031-07-05T09:30:00+00:00");
            let naive = eval(
                py,
                c_str!("__import__('datetime').datetime(2031, 7, 5, 10, 30)"),
            );
            let err = naive.extract::<InstantArg>().expect_err("naive is refused");
            assert!(err.is_instance_of::<PyTypeError>(py));
            let local = naive
                .extract::<LocalDateTimeArg>()
                .expect("naive datetime")
                .0;
            assert_eq!(local.to_string(), "2031-07-05 10:30:00");
            let err = aware
                .extract::<LocalDateTimeArg>()
                .expect_err("aware is refused");
            assert!(err.is_instance_of::<PyTypeError>(py));
            let date = eval(py, c_str!("__import__('datetime').date(2031, 7, 5)"));
            assert!(date.extract::<LocalDateTimeArg>().is_err());
            assert!(date.extract::<InstantArg>().is_err());
        });
    }

    #[test]
    fn negative_offsets_are_validation_errors() {
        Python::initialize();
        Python::attach(|py| {
            let err = page(-1, 10, None).expect_err("negative offset");
            assert!(err.is_instance_of::<crate::errors::ValidationError>(py));
            assert!(page(0, -5, None).is_err());
            assert_eq!(
                page(10, 20, None).expect("in range"),
                Page::new(10, 20).expect("page")
            );
        });
    }
}
