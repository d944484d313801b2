//! Firm settings: `FirmSettings`, `CustomFieldDefinition` and `session.settings`.

use chrono::NaiveDate;
use lexcase::calendar::HolidayList;
use lexcase::firm::{CustomFieldDefinition, CustomFieldKind, FirmSettings};
use lexcase::service::{Session, SettingsChanges};
use pyo3::prelude::*;

use crate::convert::{DateArg, parse, repr, run};
use crate::errors::to_py;

/// The definition of a typed custom field of matters: `kind` is `text`, `number`, `decimal`,
/// `date`, `bool`, `choice` (with `choices`) or `contact_ref`.
#[pyclass(frozen, eq, module = "lexcase", name = "CustomFieldDefinition")]
#[derive(Clone, PartialEq)]
pub struct PyCustomFieldDefinition(pub CustomFieldDefinition);

#[pymethods]
impl PyCustomFieldDefinition {
    /// Key (a-z, 0-9 and _).
    #[getter]
    fn key(&self) -> &str {
        &self.0.key
    }

    /// Label shown to users.
    #[getter]
    fn label(&self) -> &str {
        &self.0.label
    }

    /// The kind of value.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The allowed values of a choice field.
    #[getter]
    fn choices(&self) -> Vec<String> {
        self.0.choices.clone()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["key", "label", "kind", "choices"])
    }
}

/// The firm's settings.
#[pyclass(frozen, eq, module = "lexcase", name = "FirmSettings")]
#[derive(PartialEq)]
pub struct PyFirmSettings(pub FirmSettings);

#[pymethods]
impl PyFirmSettings {
    /// The firm's name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// Default currency (ISO 4217) of rates and matters.
    #[getter]
    fn default_currency(&self) -> &'static str {
        self.0.default_currency.code()
    }

    /// The matter-number format, e.g. `{CLIENT3}-{SEQ:4}`.
    #[getter]
    fn matter_number_format(&self) -> &str {
        self.0.matter_number_format.as_str()
    }

    /// IANA time zone of the firm, e.g. `Europe/London`.
    #[getter]
    fn time_zone(&self) -> &str {
        &self.0.time_zone
    }

    /// Custom-field definitions of matters.
    #[getter]
    fn custom_fields(&self) -> Vec<PyCustomFieldDefinition> {
        self.0
            .custom_fields
            .iter()
            .cloned()
            .map(PyCustomFieldDefinition)
            .collect()
    }

    /// The firm's holidays, in order, skipped (with weekends) when counting business days;
    /// empty without a holiday calendar.
    #[getter]
    fn holidays(&self) -> Vec<NaiveDate> {
        self.0
            .holidays
            .as_ref()
            .map(|h| h.dates.iter().copied().collect())
            .unwrap_or_default()
    }

    /// Optimistic-concurrency version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &[
                "name",
                "default_currency",
                "matter_number_format",
                "time_zone",
                "version",
            ],
        )
    }
}

/// Firm settings (`session.settings`). Everybody may read them; changing them needs the
/// `manage_firm` capability.
#[pyclass(frozen, module = "lexcase", name = "SettingsService")]
pub struct PySettingsService(pub Session);

#[pymethods]
impl PySettingsService {
    /// The current settings.
    fn get(&self, py: Python<'_>) -> PyResult<PyFirmSettings> {
        run(py, || self.0.settings().get()).map(PyFirmSettings)
    }

    /// Changes name, default currency, matter-number format (for matters opened from now on)
    /// or time zone; `None` leaves a field as it is.
    #[pyo3(signature = (expected_version, *, name=None, default_currency=None, matter_number_format=None, time_zone=None))]
    fn update(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        name: Option<String>,
        default_currency: Option<String>,
        matter_number_format: Option<String>,
        time_zone: Option<String>,
    ) -> PyResult<PyFirmSettings> {
        let changes = SettingsChanges {
            name,
            default_currency,
            matter_number_format,
            time_zone,
        };
        run(py, || self.0.settings().update(expected_version, &changes)).map(PyFirmSettings)
    }

    /// Defines a new custom field of matters (its key must be new).
    #[pyo3(signature = (expected_version, *, key, label, kind, choices=Vec::new()))]
    fn define_custom_field(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        key: String,
        label: String,
        kind: &str,
        choices: Vec<String>,
    ) -> PyResult<PyFirmSettings> {
        let definition = CustomFieldDefinition {
            key,
            label,
            kind: parse::<CustomFieldKind>(kind)?,
            choices,
        };
        run(py, || {
            self.0
                .settings()
                .define_custom_field(expected_version, definition)
        })
        .map(PyFirmSettings)
    }

    /// Sets the firm's holiday calendar for business-day counting: its id and its dates (any
    /// iterable of `datetime.date`). Due dates already computed keep their dates until their
    /// anchors move.
    #[pyo3(signature = (expected_version, *, calendar_id, dates))]
    fn set_holidays(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        calendar_id: &str,
        dates: &Bound<'_, PyAny>,
    ) -> PyResult<PyFirmSettings> {
        let dates = dates
            .try_iter()?
            .map(|d| Ok(d?.extract::<DateArg>()?.0))
            .collect::<PyResult<Vec<_>>>()?;
        let holidays = HolidayList::new(calendar_id, dates).map_err(to_py)?;
        run(py, || {
            self.0
                .settings()
                .set_holidays(expected_version, Some(holidays))
        })
        .map(PyFirmSettings)
    }

    /// Removes the firm's holiday calendar: business days are Monday to Friday.
    fn clear_holidays(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
    ) -> PyResult<PyFirmSettings> {
        run(py, || {
            self.0.settings().set_holidays(expected_version, None)
        })
        .map(PyFirmSettings)
    }
}
