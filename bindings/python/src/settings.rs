//! Firm settings: `FirmSettings`, `CustomFieldDefinition` and `session.settings`.

use lexcase::calendar::HolidayList;
use lexcase::firm::{CustomFieldDefinition, CustomFieldKind, FirmSettings};
use lexcase::service::{Session, SettingsChanges};
use pyo3::prelude::*;

use crate::convert::{DateArg, parse, run};
use crate::errors::to_py;
use crate::record::py_record;

py_record! {
    /// The definition of a typed custom field of matters: `kind` is `text`, `number`, `decimal`,
    /// `date`, `bool`, `choice` (with `choices`) or `contact_ref`.
    PyCustomFieldDefinition(CustomFieldDefinition) as "CustomFieldDefinition" eq;
    repr(key, label, kind, choices);
    |c| {
        /// Key (a-z, 0-9 and _).
        key,
        /// Label shown to users.
        label,
        /// The kind of value.
        kind,
        /// The allowed values of a choice field.
        choices,
    }
}

py_record! {
    /// The firm's settings.
    PyFirmSettings(FirmSettings) as "FirmSettings" eq;
    repr(name, default_currency, matter_number_format, time_zone, version);
    |f| {
        /// The firm's name.
        name,
        /// Default currency (ISO 4217) of rates and matters.
        default_currency,
        /// The matter-number format, e.g. `{CLIENT3}-{SEQ:4}`.
        matter_number_format,
        /// IANA time zone of the firm, e.g. `Europe/London`.
        time_zone,
        /// Custom-field definitions of matters.
        custom_fields,
        /// The firm's holidays, in order, skipped (with weekends) when counting business days;
        /// empty without a holiday calendar.
        holidays = f.holidays.as_ref().map(|h| h.dates.iter().collect::<Vec<_>>())
            .unwrap_or_default(),
        /// Optimistic-concurrency version.
        version,
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
    #[pyo3(signature = (expected_version, *, calendar_id, dates: "Iterable[datetime.date]"))]
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
