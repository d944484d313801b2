//! `session.interchange`.

use lexcase::service::Session;
use lexcase::{ContactId, MatterId, UserId};
use pyo3::prelude::*;

use crate::contact_types::PyContact;
use crate::convert::{DateArg, Id, run};
use crate::progress::run_with_progress;

/// Interchange (`session.interchange`): calendars as iCalendar (RFC 5545) text and contacts as
/// vCard 4.0 (RFC 6350) text, out and in.
#[pyclass(frozen, module = "lexcase", name = "InterchangeService")]
pub struct PyInterchangeService(pub Session);

#[pymethods]
impl PyInterchangeService {
    /// A user's calendar from `from_date` to `to_date` (inclusive, in the firm's zone) as
    /// iCalendar: the entries they organise or attend (whole series, with `EXDATE` and
    /// `RECURRENCE-ID`), the deadlines they are responsible for and the tasks assigned to them
    /// falling due in the range (as `VTODO` with alarms), on matters the acting user may see.
    #[pyo3(signature = (user, *, from_date, to_date))]
    fn user_calendar(
        &self,
        py: Python<'_>,
        user: Id<UserId>,
        from_date: DateArg,
        to_date: DateArg,
    ) -> PyResult<String> {
        run(py, || {
            self.0
                .interchange()
                .user_calendar(user.0, from_date.0, to_date.0)
        })
    }

    /// A matter's whole calendar as iCalendar: its entries, deadlines and dated tasks.
    fn matter_calendar(&self, py: Python<'_>, matter: Id<MatterId>) -> PyResult<String> {
        run(py, || self.0.interchange().matter_calendar(matter.0))
    }

    /// Contacts as vCard 4.0 text, in the order given (an unknown id is a `NotFoundError`).
    fn export_contacts(&self, py: Python<'_>, ids: Vec<Id<ContactId>>) -> PyResult<String> {
        let ids: Vec<ContactId> = ids.into_iter().map(|Id(id)| id).collect();
        run(py, || self.0.interchange().export_contacts(&ids))
    }

    /// Imports vCard 4.0 text (3.0 is refused) as new contacts, each card's `NOTE` becoming a
    /// note on its contact — all or nothing: a bad card is a `ValidationError` and imports
    /// nothing. `progress(phase, done, total)` is called for each card imported
    /// (`contacts.import`); returning `False` — or raising — cancels: `CancelledError` (or the
    /// callable's exception), and no contact is created.
    #[pyo3(signature = (vcf, *, progress: "_Progress | None"=None))]
    fn import_contacts(
        &self,
        py: Python<'_>,
        vcf: &str,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Vec<PyContact>> {
        let contacts = run_with_progress(py, progress, |p| {
            self.0.interchange().import_contacts_with_progress(vcf, p)
        })?;
        Ok(contacts.into_iter().map(PyContact).collect())
    }
}
