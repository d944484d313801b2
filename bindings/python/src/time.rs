//! `session.time` and the module functions `parse_duration`, `format_duration` and
//! `utbms_code`.

use std::collections::BTreeMap;

use lexcase::client_money::ReconciliationCadence;
use lexcase::money::Amount;
use lexcase::service::Session;
use lexcase::store::WorkQuery;
use lexcase::timekeeping::{
    Billability, BillingSettingsChanges, ExpenseChanges, ExpenseTax, NewExpense, NewTerms,
    TermsScope, TimeEntryChanges, TimeSource, WorkStatus,
};
use lexcase::{
    AppointmentId, BillId, CommunicationId, ContactId, DocumentId, ExpenseId, LexcaseError,
    MatterId, TaskId, TimeEntryId, UserId,
};
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::{DateArg, Id, date_opt, id_opt, page, parse, parse_opt, run};
use crate::errors::to_py;
use crate::money_args::{Dec, DurationArg, amount_in, amounts_in, dec_opt};
use crate::page::PyPage;
use crate::progress::run_with_progress;
use crate::tasks::Given;
use crate::time_types::{
    PyBillingTerms, PyCodePolicy, PyExpense, PyFirmBillingSettings, PyNewTimeEntry,
    PyRoundingPolicy, PyTimeEntry, PyTimer, PyUtbmsCode,
};

/// Seconds in a duration such as `"1h20m"`, `"1.5h"`, `"0.3"` (hours), `"90m"` or `"1:20"`;
/// at most 24 hours. Unparseable text is a `ValidationError` on field `duration`.
#[pyfunction]
pub fn parse_duration(text: &str) -> PyResult<u32> {
    lexcase::billing::parse_duration(text).map_err(to_py)
}

/// Seconds as text, e.g. `4800` → `"1h20m"` (`"0m"` for 0).
#[pyfunction]
pub fn format_duration(#[pyo3(from_py_with = crate::ints::seconds_u32)] seconds: u32) -> String {
    lexcase::billing::format_duration(seconds)
}

/// The UTBMS code `code` (any case), or `None` when it is not a known code.
#[pyfunction]
pub fn utbms_code(code: &str) -> Option<PyUtbmsCode> {
    lexcase::billing::utbms_code(code).cloned().map(PyUtbmsCode)
}

fn contradictory(field: &str, reason: &str) -> PyErr {
    to_py(LexcaseError::validation(field, reason))
}

/// Time, expenses and billing terms (`session.time`). Recording needs `record_time` (and
/// `manage_billing` for someone else); a user sees their own time, and everyone's with
/// `view_rates`; terms, settings and write-offs need `manage_billing`. Amounts are
/// `decimal.Decimal` (or `str`/`int`, never `float`) in the matter's currency.
#[pyclass(frozen, module = "lexcase", name = "TimeService")]
pub struct PyTimeService(pub Session);

#[pymethods]
impl PyTimeService {
    /// Records time. `duration` is whole seconds (`int`) or text such as `"1h20m"`. The rate
    /// comes from the hierarchy (manual `rate` → matter for this user → matter → client for
    /// this user → client → activity → user default); the rounding policy in force is kept on
    /// the entry.
    #[pyo3(signature = (*, matter, date, duration, narrative, user=None, task_code=None, activity_code=None, billability="billable", rate=None))]
    fn record(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        date: DateArg,
        duration: DurationArg,
        narrative: &str,
        user: Option<Id<UserId>>,
        task_code: Option<String>,
        activity_code: Option<String>,
        billability: &str,
        rate: Option<Dec>,
    ) -> PyResult<PyTimeEntry> {
        let PyNewTimeEntry(new) = PyNewTimeEntry::new(
            matter,
            date,
            duration,
            narrative,
            user,
            task_code,
            activity_code,
            billability,
            rate,
        )?;
        run(py, || self.0.time().record(new)).map(PyTimeEntry)
    }

    /// Records many `NewTimeEntry` in one transaction: all or none. `progress(phase, done,
    /// total)` is called for each entry recorded (`time.record`); returning `False` — or
    /// raising — cancels: `CancelledError` (or the callable's exception), and no entry is
    /// recorded.
    #[pyo3(signature = (entries, *, progress: "_Progress | None"=None))]
    fn record_many(
        &self,
        py: Python<'_>,
        entries: Vec<PyRef<'_, PyNewTimeEntry>>,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Vec<PyTimeEntry>> {
        let entries: Vec<_> = entries.iter().map(|e| e.0.clone()).collect();
        let recorded = run_with_progress(py, progress, |p| {
            self.0.time().record_many_with_progress(entries, p)
        })?;
        Ok(recorded.into_iter().map(PyTimeEntry).collect())
    }

    /// Records time spent on one of a communication, task or calendar entry: the matter and
    /// day come from it, the narrative from its subject or title unless given.
    #[pyo3(signature = (*, communication=None, task=None, appointment=None, duration, narrative=None))]
    fn record_for(
        &self,
        py: Python<'_>,
        communication: Option<Id<CommunicationId>>,
        task: Option<Id<TaskId>>,
        appointment: Option<Id<AppointmentId>>,
        duration: DurationArg,
        narrative: Option<String>,
    ) -> PyResult<PyTimeEntry> {
        let source = match (communication, task, appointment) {
            (Some(c), None, None) => TimeSource::Communication(c.0),
            (None, Some(t), None) => TimeSource::Task(t.0),
            (None, None, Some(a)) => TimeSource::Appointment(a.0),
            _ => {
                return Err(contradictory(
                    "source",
                    "give exactly one of communication, task and appointment",
                ));
            }
        };
        run(py, || {
            self.0
                .time()
                .record_for(source, duration.0, narrative.as_deref())
        })
        .map(PyTimeEntry)
    }

    /// A time entry by id (one's own, or anyone's with `view_rates`).
    fn get(&self, py: Python<'_>, id: Id<TimeEntryId>) -> PyResult<PyTimeEntry> {
        run(py, || self.0.time().get(id.0)).map(PyTimeEntry)
    }

    /// Changes unbilled time; an argument left out leaves its field. `task_code=None` or
    /// `activity_code=None` clears the code; a `rate` is recorded as `manual`.
    #[pyo3(signature = (id, expected_version, *, date=None, duration=None, narrative=None, task_code=Given::Leave, activity_code=Given::Leave, billability=None, rate=None))]
    fn update(
        &self,
        py: Python<'_>,
        id: Id<TimeEntryId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        date: Option<DateArg>,
        duration: Option<DurationArg>,
        narrative: Option<String>,
        task_code: Given<Option<String>>,
        activity_code: Given<Option<String>>,
        billability: Option<&str>,
        rate: Option<Dec>,
    ) -> PyResult<PyTimeEntry> {
        let task_code = match task_code {
            Given::Leave => None,
            Given::Set(v) => Some(v),
        };
        let activity_code = match activity_code {
            Given::Leave => None,
            Given::Set(v) => Some(v),
        };
        let billability = parse_opt::<Billability>(billability)?;
        let changes = TimeEntryChanges {
            date: date_opt(date),
            seconds: duration.map(|d| d.0),
            narrative,
            task_code,
            activity_code,
            billability,
            // In the entry's currency (the core fills it in).
            rate: rate.map(|Dec(r)| Amount::new(r)),
        };
        run(py, || self.0.time().update(id.0, expected_version, changes)).map(PyTimeEntry)
    }

    /// Writes off unbilled time: it will never be billed (needs `manage_billing`).
    fn write_off(
        &self,
        py: Python<'_>,
        id: Id<TimeEntryId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
    ) -> PyResult<PyTimeEntry> {
        run(py, || self.0.time().write_off(id.0, expected_version)).map(PyTimeEntry)
    }

    /// Time entries matching every filter given; anyone else's (no `user`, or another user)
    /// needs `view_rates`. `status` is a work status.
    #[pyo3(signature = (*, matter=None, user=None, from_date=None, to_date=None, status=None, bill=None, offset=0, limit=50, after=None) -> "Page[TimeEntry]")]
    fn list(
        &self,
        py: Python<'_>,
        matter: Option<Id<MatterId>>,
        user: Option<Id<UserId>>,
        from_date: Option<DateArg>,
        to_date: Option<DateArg>,
        status: Option<&str>,
        bill: Option<Id<BillId>>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let query = WorkQuery {
            matter: id_opt(matter),
            user: id_opt(user),
            from: date_opt(from_date),
            to: date_opt(to_date),
            status: parse_opt::<WorkStatus>(status)?,
            bill: id_opt(bill),
        };
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.time().list(&query, page))?;
        PyPage::new(py, paged, PyTimeEntry)
    }

    /// The acting user's timer, if one is running or paused.
    fn timer(&self, py: Python<'_>) -> PyResult<Option<PyTimer>> {
        run(py, || self.0.time().timer()).map(|t| t.map(PyTimer))
    }

    /// Starts the acting user's timer on a matter (a second timer is a `ConflictError`).
    #[pyo3(signature = (matter, narrative=""))]
    fn start_timer(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        narrative: &str,
    ) -> PyResult<PyTimer> {
        run(py, || self.0.time().start_timer(matter.0, narrative)).map(PyTimer)
    }

    /// Pauses the running timer.
    fn pause_timer(&self, py: Python<'_>) -> PyResult<PyTimer> {
        run(py, || self.0.time().pause_timer()).map(PyTimer)
    }

    /// Resumes the paused timer.
    fn resume_timer(&self, py: Python<'_>) -> PyResult<PyTimer> {
        run(py, || self.0.time().resume_timer()).map(PyTimer)
    }

    /// Stops the timer and records its time (at least one second) on its matter, with
    /// `narrative` if given (else the timer's).
    #[pyo3(signature = (narrative=None))]
    fn stop_timer(&self, py: Python<'_>, narrative: Option<String>) -> PyResult<PyTimeEntry> {
        run(py, || self.0.time().stop_timer(narrative.as_deref())).map(PyTimeEntry)
    }

    /// Discards the acting user's timer without recording its time, whatever became of its
    /// matter (walled off, archived); returns the discarded timer.
    fn discard_timer(&self, py: Python<'_>) -> PyResult<PyTimer> {
        run(py, || self.0.time().discard_timer()).map(PyTimer)
    }

    /// Records an expense (`tax="vatable_cost"`) or a disbursement (`tax="disbursement"`).
    /// `unit_cost` is in `currency`, by default the matter's (another is refused).
    #[pyo3(signature = (*, matter, date, description, unit_cost, quantity=None, expense_code=None, vendor=String::new(), receipt=None, tax="vatable_cost", billable=true, currency=None))]
    fn record_expense(
        &self,
        py: Python<'_>,
        matter: Id<MatterId>,
        date: DateArg,
        description: String,
        unit_cost: Dec,
        quantity: Option<Dec>,
        expense_code: Option<String>,
        vendor: String,
        receipt: Option<Id<DocumentId>>,
        tax: &str,
        billable: bool,
        currency: Option<String>,
    ) -> PyResult<PyExpense> {
        let tax = parse::<ExpenseTax>(tax)?;
        let unit_cost = amount_in(unit_cost, currency.as_deref())?;
        run(py, || {
            let new = NewExpense {
                matter: matter.0,
                date: date.0,
                description,
                quantity: dec_opt(quantity).unwrap_or(rust_decimal::Decimal::ONE),
                unit_cost,
                expense_code,
                vendor,
                receipt: id_opt(receipt),
                tax,
                billable,
            };
            self.0.time().record_expense(new)
        })
        .map(PyExpense)
    }

    /// An expense by id.
    fn expense(&self, py: Python<'_>, id: Id<ExpenseId>) -> PyResult<PyExpense> {
        run(py, || self.0.time().expense(id.0)).map(PyExpense)
    }

    /// Changes an unbilled expense; an argument left out leaves its field
    /// (`expense_code=None` / `receipt=None` clear them).
    #[pyo3(signature = (id, expected_version, *, date=None, description=None, quantity=None, unit_cost=None, expense_code=Given::Leave, vendor=None, receipt=Given::Leave, tax=None, billable=None))]
    fn update_expense(
        &self,
        py: Python<'_>,
        id: Id<ExpenseId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        date: Option<DateArg>,
        description: Option<String>,
        quantity: Option<Dec>,
        unit_cost: Option<Dec>,
        expense_code: Given<Option<String>>,
        vendor: Option<String>,
        receipt: Given<Option<Id<DocumentId>>>,
        tax: Option<&str>,
        billable: Option<bool>,
    ) -> PyResult<PyExpense> {
        let expense_code = match expense_code {
            Given::Leave => None,
            Given::Set(v) => Some(v),
        };
        let receipt = match receipt {
            Given::Leave => None,
            Given::Set(v) => Some(id_opt(v)),
        };
        let tax = parse_opt::<ExpenseTax>(tax)?;
        let changes = ExpenseChanges {
            date: date_opt(date),
            description,
            quantity: dec_opt(quantity),
            // In the expense's currency (the core fills it in).
            unit_cost: unit_cost.map(|Dec(c)| Amount::new(c)),
            expense_code,
            vendor,
            receipt,
            tax,
            billable,
        };
        run(py, || {
            self.0
                .time()
                .update_expense(id.0, expected_version, changes)
        })
        .map(PyExpense)
    }

    /// Expenses matching every filter given.
    #[pyo3(signature = (*, matter=None, from_date=None, to_date=None, status=None, bill=None, offset=0, limit=50, after=None) -> "Page[Expense]")]
    fn expenses(
        &self,
        py: Python<'_>,
        matter: Option<Id<MatterId>>,
        from_date: Option<DateArg>,
        to_date: Option<DateArg>,
        status: Option<&str>,
        bill: Option<Id<BillId>>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let query = WorkQuery {
            matter: id_opt(matter),
            user: None,
            from: date_opt(from_date),
            to: date_opt(to_date),
            status: parse_opt::<WorkStatus>(status)?,
            bill: id_opt(bill),
        };
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.time().expenses(&query, page))?;
        PyPage::new(py, paged, PyExpense)
    }

    /// The billing terms of a client or a matter (give one); version 0 when none are set.
    /// Needs `view_rates`.
    #[pyo3(signature = (*, client=None, matter=None))]
    fn terms(
        &self,
        py: Python<'_>,
        client: Option<Id<ContactId>>,
        matter: Option<Id<MatterId>>,
    ) -> PyResult<PyBillingTerms> {
        let scope = scope(client, matter)?;
        run(py, || self.0.time().terms(scope)).map(PyBillingTerms)
    }

    /// Sets (replaces) the billing terms of a client or a matter (give one;
    /// `expected_version` 0 the first time). Rates are in `currency`, by default the
    /// matter's (matter terms) or the firm's (client terms). Needs `manage_billing`.
    #[pyo3(signature = (*, client=None, matter=None, expected_version, rate=None, user_rates=BTreeMap::new(), rounding=None, codes=None, currency=None))]
    fn set_terms(
        &self,
        py: Python<'_>,
        client: Option<Id<ContactId>>,
        matter: Option<Id<MatterId>>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        rate: Option<Dec>,
        user_rates: BTreeMap<Uuid, Dec>,
        rounding: Option<PyRef<'_, PyRoundingPolicy>>,
        codes: Option<PyRef<'_, PyCodePolicy>>,
        currency: Option<String>,
    ) -> PyResult<PyBillingTerms> {
        let in_currency = amounts_in(currency.as_deref())?;
        let terms = NewTerms {
            rate: rate.map(&in_currency),
            user_rates: user_rates
                .into_iter()
                .map(|(user, rate)| (UserId::from(user), in_currency(rate)))
                .collect(),
            rounding: rounding.map(|r| r.0),
            codes: codes.map(|c| c.0.clone()),
            ..NewTerms::new(scope(client, matter)?)
        };
        run(py, || self.0.time().set_terms(terms, expected_version)).map(PyBillingTerms)
    }

    /// The firm's billing settings (the defaults, version 0, until saved).
    fn billing_settings(&self, py: Python<'_>) -> PyResult<PyFirmBillingSettings> {
        run(py, || self.0.time().billing_settings()).map(PyFirmBillingSettings)
    }

    /// Saves the firm's billing settings; an argument left out keeps its current value (read
    /// and changed in one transaction). `activity_rates` maps activity codes to hourly rates
    /// in `currency` (default the firm's).
    /// Needs `manage_billing`; `expected_version` 0 the first time.
    #[pyo3(signature = (*, expected_version, rounding=None, activity_rates=None, tax_name=None, tax_rate=None, law_firm_id=None, invoice_number_format=None, payment_terms_days=None, reconciliation=None, currency=None))]
    fn set_billing_settings(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        rounding: Option<PyRef<'_, PyRoundingPolicy>>,
        activity_rates: Option<BTreeMap<String, Dec>>,
        tax_name: Option<String>,
        tax_rate: Option<Dec>,
        law_firm_id: Option<String>,
        invoice_number_format: Option<String>,
        #[pyo3(from_py_with = crate::ints::payment_terms_days)] payment_terms_days: Option<u32>,
        reconciliation: Option<&str>,
        currency: Option<String>,
    ) -> PyResult<PyFirmBillingSettings> {
        let in_currency = amounts_in(currency.as_deref())?;
        let changes = BillingSettingsChanges {
            rounding: rounding.map(|r| r.0),
            activity_rates: activity_rates.map(|rates| {
                rates
                    .into_iter()
                    .map(|(code, rate)| (code, in_currency(rate)))
                    .collect()
            }),
            tax_name,
            tax_rate: dec_opt(tax_rate),
            law_firm_id,
            invoice_number_format,
            payment_terms_days,
            reconciliation: parse_opt::<ReconciliationCadence>(reconciliation)?,
        };
        run(py, || {
            self.0
                .time()
                .update_billing_settings(changes, expected_version)
        })
        .map(PyFirmBillingSettings)
    }
}

/// The terms scope from `client=` / `matter=` (exactly one).
fn scope(client: Option<Id<ContactId>>, matter: Option<Id<MatterId>>) -> PyResult<TermsScope> {
    match (client, matter) {
        (Some(c), None) => Ok(TermsScope::Client(c.0)),
        (None, Some(m)) => Ok(TermsScope::Matter(m.0)),
        _ => Err(contradictory("scope", "give client or matter, not both")),
    }
}
