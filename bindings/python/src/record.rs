//! One declarative way to expose a core value to Python.
//!
//! [`py_record!`] writes, from a list of fields, the frozen wrapper class (`PyX(pub X)`), a
//! read-only property per field (with its doc comment as the docstring) and a `__repr__` in
//! one format (`Name(field=repr(value), …)`, see [`repr`](crate::convert::repr)). Each
//! property converts its value with [`ToPy`], chosen by the value's type: numbers, text, dates,
//! instants and decimals become their native Python values, typed ids `uuid.UUID`, the core's
//! fieldless enums their stable snake_case names, its text values (calendar specs, recurrence
//! rules, …) their text, currencies their ISO 4217 codes, `Option` a value or `None`, sequences
//! lists, maps dicts, and a core value declared with [`py_record!`] its wrapper class. So a property is just a field name (`id`), or a name and the expression
//! that computes it (`total = b.totals.total`).

use std::collections::{BTreeMap, BTreeSet};
use std::marker::PhantomData;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use lexcase::money::Currency;
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use rust_decimal::Decimal;
use uuid::Uuid;

/// A value as a Python object: the conversion of a property of a [`py_record!`] class.
pub(crate) trait ToPy {
    /// The Python value.
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;

    /// The value's type as the type stub writes it (`datetime.date | None`).
    fn hint() -> String;
}

impl<T: ToPy + ?Sized> ToPy for &T {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (**self).to_py(py)
    }

    fn hint() -> String {
        T::hint()
    }
}

/// Values that pyo3 converts to their native Python counterparts, with their stub types.
macro_rules! native {
    ($($ty:ty => $hint:literal),* $(,)?) => {
        $(impl ToPy for $ty {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.clone().into_bound_py_any(py)
            }

            fn hint() -> String {
                $hint.to_owned()
            }
        })*
    };
}

native!(
    bool => "bool",
    u16 => "int",
    u32 => "int",
    u64 => "int",
    usize => "int",
    i32 => "int",
    i64 => "int",
    f64 => "float",
    String => "str",
    Decimal => "Decimal",
    NaiveDate => "datetime.date",
    NaiveTime => "datetime.time",
    NaiveDateTime => "datetime.datetime",
    DateTime<Utc> => "datetime.datetime",
    Uuid => "uuid.UUID",
);

impl ToPy for str {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }

    fn hint() -> String {
        "str".to_owned()
    }
}

impl<T: ToPy> ToPy for Option<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(value) => value.to_py(py),
            None => Ok(py.None().into_bound(py)),
        }
    }

    fn hint() -> String {
        format!("{} | None", T::hint())
    }
}

/// Items as a `list`.
fn list<'a, 'py, T: ToPy + 'a>(
    py: Python<'py>,
    items: impl IntoIterator<Item = &'a T>,
) -> PyResult<Bound<'py, PyAny>> {
    let items = items
        .into_iter()
        .map(|item| item.to_py(py))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyList::new(py, items)?.into_any())
}

impl<T: ToPy> ToPy for [T] {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        list(py, self)
    }
    fn hint() -> String {
        format!("list[{}]", T::hint())
    }
}

impl<T: ToPy> ToPy for Vec<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        list(py, self)
    }
    fn hint() -> String {
        format!("list[{}]", T::hint())
    }
}

impl<T: ToPy> ToPy for BTreeSet<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        list(py, self)
    }
    fn hint() -> String {
        format!("list[{}]", T::hint())
    }
}

impl<K: ToPy, V: ToPy> ToPy for BTreeMap<K, V> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let dict = PyDict::new(py);
        for (key, value) in self {
            dict.set_item(key.to_py(py)?, value.to_py(py)?)?;
        }
        Ok(dict.into_any())
    }

    fn hint() -> String {
        format!("dict[{}, {}]", K::hint(), V::hint())
    }
}

impl<A: ToPy, B: ToPy> ToPy for (A, B) {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyTuple::new(py, [self.0.to_py(py)?, self.1.to_py(py)?])?.into_any())
    }

    fn hint() -> String {
        format!("tuple[{}, {}]", A::hint(), B::hint())
    }
}

impl ToPy for Currency {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.code().to_py(py)
    }

    fn hint() -> String {
        "str".to_owned()
    }
}

impl ToPy for serde_json::Value {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::json_to_py(py, self)
    }

    fn hint() -> String {
        "_Json".to_owned()
    }
}

impl ToPy for lexcase::matters::CustomValue {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::custom_value_to_py(py, self)
    }

    fn hint() -> String {
        "_CustomValue".to_owned()
    }
}

/// Raw content as `bytes` (a `Vec<u8>` would otherwise be a list of ints).
pub(crate) struct Bytes<'a>(pub &'a [u8]);

impl ToPy for Bytes<'_> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyBytes::new(py, self.0).into_any())
    }

    fn hint() -> String {
        "bytes".to_owned()
    }
}

/// Typed ids as `uuid.UUID`.
macro_rules! ids {
    ($($ty:ident),* $(,)?) => {
        $(impl ToPy for lexcase::$ty {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Uuid::from(*self).to_py(py)
            }

            fn hint() -> String {
                Uuid::hint()
            }
        })*
    };
}

ids!(
    UserId,
    ContactId,
    MatterId,
    PartyId,
    TaskId,
    NoteId,
    DocumentId,
    EventId,
    AppointmentId,
    DeadlineId,
    CommunicationId,
    TimeEntryId,
    ExpenseId,
    BillId,
    PaymentId,
    TrustEntryId,
);

/// The core's fieldless enums as their stable snake_case names, and its text values
/// (calendar specs, recurrence rules, content hashes, number formats) as their text.
macro_rules! text {
    ($($module:ident::{$($ty:ident),* $(,)?}),* $(,)?) => {
        $($(impl ToPy for lexcase::$module::$ty {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.as_str().to_py(py)
            }

            fn hint() -> String {
                str::hint()
            }
        })*)*
    };
}

text!(
    access::{Capability, Role, Visibility},
    appointments::{AppointmentKind, AppointmentStatus, Recurrence},
    billing::{Aggregation, CodeKind, CodeSet, ContingencyBasis, LedesLineType, RoundingMode},
    bills::{BillKind, BillStatus, LineKind},
    calendar::{CalendarSpec, DayUnit},
    client_money::{ClientMoneyEntryKind, ReconciliationCadence},
    communications::{Channel, Direction, FilingMethod, ParticipantRole},
    contacts::{AffiliationKind, ContactKind, IdentifierKind, IdentityStatus, VerificationMethod},
    deadlines::{
        CountingMethod, Direction, MonthEndReading, PeriodUnit, Question, RollPolicy,
        ServiceDaysReading, ServiceMethod,
    },
    docket::{DeadlineStatus},
    documents::{ContentHash, DocumentStatus},
    firm::{CustomFieldKind, MatterNumberFormat},
    matters::{BillingKind, HitDisposition, MatterRole, MatterStatus, PartyRole},
    rules::{Checkpoint, FindingKind, Severity},
    tasks::{Priority, TaskStatus},
    templates::{Locale, OutputFormat, TemplateKind, TemplatePart},
    timekeeping::{Billability, ExpenseTax, RateSource, TimerState, WorkStatus},
    workflow::{MoveKind},
);

/// The kind of entity an audit event is about, as its name; typed as the `Literal` of every
/// name, which the generated stub declares (`_EntityKind`).
impl ToPy for lexcase::audit::EntityKind {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.as_str().to_py(py)
    }

    fn hint() -> String {
        "_EntityKind".to_owned()
    }
}

/// The type of a value, for [`hint_of`]: no value is kept.
pub(crate) fn typed<T: ToPy + ?Sized>(_: &T) -> PhantomData<*const T> {
    PhantomData
}

/// The stub type of what a property computes from its record, read from the property's own
/// expression (`|b| typed(&b.totals.total)`), which is type-checked but never run.
pub(crate) fn hint_of<'a, C, T, F>(_: F) -> String
where
    C: 'a,
    T: ToPy + ?Sized + 'a,
    F: Fn(&'a C) -> PhantomData<*const T>,
{
    T::hint()
}

/// Declares a Python class wrapping a core value: a frozen `#[pyclass]` in module `lexcase`,
/// a read-only property per field and a `__repr__` of the fields named in `repr(…)`.
///
/// ```text
/// py_record! {
///     /// A bill … (the class docstring)
///     PyBill(Bill) as "Bill" eq;          // `eq`: compared by value; `eq hash`: hashable too
///     repr(id, kind, number);             // optional: leave out to write `__repr__` yourself
///     |b| {
///         /// Identifier.                 // each property's docstring
///         id,                             // `b.id`, converted by its type
///         /// The total due.
///         total = b.totals.total,         // any expression over `b` (the core value)
///     }
///     methods { … }                       // optional: constructors and methods (their stub
///                                         // is read from this source, as the services')
/// }
/// ```
///
/// It also makes the core type convertible with [`ToPy`] (as its class), so other records can
/// list fields holding it, alone, in an `Option`, a `Vec` or a map, and describes the class
/// for the generated type stub ([`crate::stub`]): its properties' types come from the same
/// expressions the getters convert; the stub of its `methods` is generated from their source
/// by the test `tests/stub.rs`.
macro_rules! py_record {
    (
        $(#[$meta:meta])*
        $py:ident($core:ty) as $name:literal $($flag:ident)*;
        $(repr($($repr:ident),* $(,)?);)?
        |$v:ident| { $($(#[$fmeta:meta])* $field:ident $(= $value:expr)?),* $(,)? }
        $(methods { $($methods:tt)* })?
    ) => {
        $crate::record::py_record!(@class [$(#[$meta])*] $py, $core, $name, ($($flag)*));

        #[pymethods]
        impl $py {
            $(
                $(#[$fmeta])*
                #[getter]
                // A property is named as Python sees it (`from_status` is no conversion).
                #[allow(clippy::wrong_self_convention)]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    let $v = &self.0;
                    $crate::record::ToPy::to_py(
                        &$crate::record::py_record!(@value $v $field $($value)?),
                        py,
                    )
                }
            )*

            $(
                fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                    $crate::convert::repr(slf.as_any(), &[$(stringify!($repr)),*])
                }
            )?

            $($($methods)*)?
        }

        impl $crate::record::ToPy for $core {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(Bound::new(py, $py(self.clone()))?.into_any())
            }

            fn hint() -> String {
                $name.to_owned()
            }
        }

        impl $crate::stub::Described for $py {
            fn described() -> $crate::stub::RecordStub {
                $crate::stub::RecordStub {
                    name: $name,
                    properties: vec![$((
                        stringify!($field),
                        $crate::record::hint_of::<$core, _, _>(|$v| {
                            $crate::record::typed(&$crate::record::py_record!(@value $v $field $($value)?))
                        }),
                    )),*],
                }
            }
        }
    };
    (@value $v:ident $field:ident) => { $v.$field };
    (@value $v:ident $field:ident $value:expr) => { $value };
    (@class [$($meta:tt)*] $py:ident, $core:ty, $name:literal, ()) => {
        $($meta)*
        #[pyclass(frozen, module = "lexcase", name = $name)]
        #[derive(Clone)]
        pub struct $py(pub $core);
    };
    (@class [$($meta:tt)*] $py:ident, $core:ty, $name:literal, (eq)) => {
        $($meta)*
        #[pyclass(frozen, eq, module = "lexcase", name = $name)]
        #[derive(Clone, PartialEq)]
        pub struct $py(pub $core);
    };
    (@class [$($meta:tt)*] $py:ident, $core:ty, $name:literal, (eq hash)) => {
        $($meta)*
        #[pyclass(frozen, eq, hash, module = "lexcase", name = $name)]
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $py(pub $core);
    };
}

pub(crate) use py_record;
