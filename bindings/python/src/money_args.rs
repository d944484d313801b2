//! Conversions for time, billing and client money: durations (`int` seconds or text such as
//! `"1h20m"`), amounts whose currency the core takes from their context when left out (the
//! matter's, or the firm's), and currencies.

use lexcase::LexcaseError;
use lexcase::money::{Amount, Currency};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyString};
use rust_decimal::Decimal;

use crate::errors::to_py;

/// A duration: whole seconds as an `int`, or text parsed with the core's `parse_duration`
/// (`"1h20m"`, `"1.5h"`, `"0.3"`, `"90m"`, `"1:20"`). Anything else is a `TypeError`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DurationArg(pub u32);

impl<'a, 'py> FromPyObject<'a, 'py> for DurationArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyBool>() {
            return Err(PyTypeError::new_err(
                "duration: expected int seconds or str, got bool",
            ));
        }
        if obj.is_instance_of::<PyInt>() {
            let seconds: i128 = obj.extract()?;
            return u32::try_from(seconds).map(Self).map_err(|_| {
                to_py(LexcaseError::validation(
                    "seconds",
                    "a time entry is more than 0 seconds and at most 24 hours",
                ))
            });
        }
        if obj.is_instance_of::<PyString>() {
            let text: String = obj.extract()?;
            return lexcase::billing::parse_duration(&text)
                .map(Self)
                .map_err(to_py);
        }
        Err(PyTypeError::new_err(format!(
            "duration: expected int seconds or str such as \"1h20m\", got {}",
            obj.get_type().qualname()?
        )))
    }
}

/// A currency code (`"GBP"`), checked by the core.
pub(crate) fn currency(code: &str) -> PyResult<Currency> {
    Currency::parse(code).map_err(to_py)
}

/// An amount in the currency `code` when given; otherwise the service that takes it puts it in
/// the currency of its context (the matter's, or the firm's default).
pub(crate) fn amount_in(amount: Dec, code: Option<&str>) -> PyResult<Amount> {
    Ok(amounts_in(code)?(amount))
}

/// [`amount_in`] for several amounts given with one `currency=`: the code is checked once,
/// whether or not any amount is given.
pub(crate) fn amounts_in(code: Option<&str>) -> PyResult<impl Fn(Dec) -> Amount> {
    let currency = code.map(currency).transpose()?;
    Ok(move |Dec(amount): Dec| Amount { amount, currency })
}

/// An exact amount argument (`decimal.Decimal`, `str` or `int`; a `float` is a `TypeError`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dec(pub Decimal);

impl<'a, 'py> FromPyObject<'a, 'py> for Dec {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        crate::convert::decimal(&obj, "amount").map(Self)
    }
}

/// Unwraps an optional [`Dec`].
pub(crate) fn dec_opt(value: Option<Dec>) -> Option<Decimal> {
    value.map(|Dec(d)| d)
}
