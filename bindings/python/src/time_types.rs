//! `TimeEntry`, `NewTimeEntry`, `Timer`, `Expense`, `BillingTerms`, `FirmBillingSettings`,
//! `RoundingPolicy`, `CodePolicy` and `UtbmsCode`.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use lexcase::billing::{Aggregation, CodePolicy, CodeSet, RoundingMode, RoundingPolicy, UtbmsCode};
use lexcase::timekeeping::{
    Billability, BillingTerms, Expense, FirmBillingSettings, NewTimeEntry, TermsScope, TimeEntry,
    TimeSource, Timer,
};
use lexcase::{MatterId, UserId};
use pyo3::prelude::*;
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::convert::{DateArg, Id, id_opt, parse, repr};
use crate::money_args::{Dec, DurationArg, dec_opt};

/// How time is rounded for billing: to `increment_minutes` (1–60) in `mode` (`up`, `nearest`
/// or `down`), at least `minimum_minutes` (0–60) for any work, per entry or per day
/// (`aggregation`: `per_entry` or `per_day`). Constructible; the defaults are 6 minutes up.
#[pyclass(frozen, eq, module = "lexcase", name = "RoundingPolicy")]
#[derive(Clone, PartialEq)]
pub struct PyRoundingPolicy(pub RoundingPolicy);

#[pymethods]
impl PyRoundingPolicy {
    #[new]
    #[pyo3(signature = (*, increment_minutes=6, mode="up", minimum_minutes=0, aggregation="per_entry"))]
    fn new(
        #[pyo3(from_py_with = crate::ints::increment_minutes)] increment_minutes: u32,
        mode: &str,
        #[pyo3(from_py_with = crate::ints::minimum_minutes)] minimum_minutes: u32,
        aggregation: &str,
    ) -> PyResult<Self> {
        let policy = RoundingPolicy {
            increment_minutes,
            mode: parse::<RoundingMode>(mode)?,
            minimum_minutes,
            aggregation: parse::<Aggregation>(aggregation)?,
        };
        policy.validate().map_err(crate::errors::to_py)?;
        Ok(Self(policy))
    }

    /// The increment in minutes.
    #[getter]
    fn increment_minutes(&self) -> u32 {
        self.0.increment_minutes
    }

    /// `up`, `nearest` or `down`.
    #[getter]
    fn mode(&self) -> &'static str {
        self.0.mode.as_str()
    }

    /// The least charged for any work, in minutes.
    #[getter]
    fn minimum_minutes(&self) -> u32 {
        self.0.minimum_minutes
    }

    /// `per_entry` or `per_day`.
    #[getter]
    fn aggregation(&self) -> &'static str {
        self.0.aggregation.as_str()
    }

    /// The seconds charged for `seconds` of work taken alone.
    fn round_entry(&self, #[pyo3(from_py_with = crate::ints::seconds_u64)] seconds: u64) -> u64 {
        self.0.round_entry(seconds)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &[
                "increment_minutes",
                "mode",
                "minimum_minutes",
                "aggregation",
            ],
        )
    }
}

/// A client's restriction on UTBMS codes: `task_sets` (`litigation`, `bankruptcy`,
/// `counseling`, `project`) the client accepts for task codes, and `allowed` codes of any
/// kind (a phase such as `L300` admits its tasks). Empty lists mean no restriction.
#[pyclass(frozen, eq, module = "lexcase", name = "CodePolicy")]
#[derive(Clone, PartialEq)]
pub struct PyCodePolicy(pub CodePolicy);

#[pymethods]
impl PyCodePolicy {
    #[new]
    #[pyo3(signature = (*, task_sets=Vec::new(), allowed=Vec::new()))]
    fn new(task_sets: Vec<String>, allowed: Vec<String>) -> PyResult<Self> {
        let task_sets = task_sets
            .iter()
            .map(|s| parse::<CodeSet>(s))
            .collect::<PyResult<_>>()?;
        Ok(Self(CodePolicy { task_sets, allowed }))
    }

    /// The accepted task sets.
    #[getter]
    fn task_sets(&self) -> Vec<&'static str> {
        self.0.task_sets.iter().map(|s| s.as_str()).collect()
    }

    /// The accepted codes.
    #[getter]
    fn allowed(&self) -> Vec<String> {
        self.0.allowed.clone()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["task_sets", "allowed"])
    }
}

/// A UTBMS code: `set` is `litigation`, `bankruptcy`, `counseling`, `project`, `activity` or
/// `expense`; `phase` is the phase a task belongs to (e.g. `L300` for `L330`).
#[pyclass(frozen, eq, module = "lexcase", name = "UtbmsCode")]
#[derive(Clone, PartialEq)]
pub struct PyUtbmsCode(pub UtbmsCode);

#[pymethods]
impl PyUtbmsCode {
    /// The code, upper case.
    #[getter]
    fn code(&self) -> &str {
        &self.0.code
    }

    /// What it stands for.
    #[getter]
    fn description(&self) -> &str {
        &self.0.description
    }

    /// The code set.
    #[getter]
    fn set(&self) -> &'static str {
        self.0.set.as_str()
    }

    /// The phase of a task code.
    #[getter]
    fn phase(&self) -> Option<&str> {
        self.0.phase.as_deref()
    }

    /// Whether the code is itself a phase.
    #[getter]
    fn is_phase(&self) -> bool {
        self.0.is_phase
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["code", "set", "description"])
    }
}

/// Time to record in a batch (`session.time.record_many`); the same arguments as
/// `session.time.record`.
#[pyclass(frozen, module = "lexcase", name = "NewTimeEntry")]
#[derive(Clone)]
pub struct PyNewTimeEntry {
    pub(crate) entry: NewTimeEntry,
    pub(crate) rate: Option<Decimal>,
}

impl PyNewTimeEntry {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn build(
        matter: Id<MatterId>,
        date: DateArg,
        duration: DurationArg,
        narrative: &str,
        user: Option<Id<UserId>>,
        task_code: Option<String>,
        activity_code: Option<String>,
        billability: &str,
        rate: Option<Dec>,
    ) -> PyResult<Self> {
        let mut entry = NewTimeEntry::new(matter.0, date.0, duration.0, narrative);
        entry.user = id_opt(user);
        entry.task_code = task_code;
        entry.activity_code = activity_code;
        entry.billability = parse::<Billability>(billability)?;
        Ok(Self {
            entry,
            rate: dec_opt(rate),
        })
    }
}

#[pymethods]
impl PyNewTimeEntry {
    #[new]
    #[pyo3(signature = (*, matter, date, duration, narrative, user=None, task_code=None, activity_code=None, billability="billable", rate=None))]
    fn new(
        matter: Id<MatterId>,
        date: DateArg,
        duration: DurationArg,
        narrative: &str,
        user: Option<Id<UserId>>,
        task_code: Option<String>,
        activity_code: Option<String>,
        billability: &str,
        rate: Option<Dec>,
    ) -> PyResult<Self> {
        Self::build(
            matter,
            date,
            duration,
            narrative,
            user,
            task_code,
            activity_code,
            billability,
            rate,
        )
    }

    /// The matter.
    #[getter]
    fn matter(&self) -> Uuid {
        self.entry.matter.into()
    }

    /// The day.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.entry.date
    }

    /// Whole seconds.
    #[getter]
    fn seconds(&self) -> u32 {
        self.entry.seconds
    }

    /// What was done.
    #[getter]
    fn narrative(&self) -> &str {
        &self.entry.narrative
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["matter", "date", "seconds", "narrative"])
    }
}

/// Time worked by a fee earner on a matter. `billability` is `billable`, `non_billable` or
/// `no_charge`; `status` is `unbilled`, `on_draft_bill`, `billed` or `written_off`;
/// `rate_source` is the rule that gave the rate (`manual`, `matter_user`, `matter`,
/// `client_user`, `client`, `activity`, `user_default`); `source` is `typed`, `timer`,
/// `communication`, `task` or `appointment` (with `source_id`).
#[pyclass(frozen, eq, module = "lexcase", name = "TimeEntry")]
#[derive(Clone, PartialEq)]
pub struct PyTimeEntry(pub TimeEntry);

#[pymethods]
impl PyTimeEntry {
    /// Identifier.
    #[getter]
    fn id(&self) -> Uuid {
        self.0.id.into()
    }

    /// The matter.
    #[getter]
    fn matter(&self) -> Uuid {
        self.0.matter.into()
    }

    /// The fee earner who did the work.
    #[getter]
    fn user(&self) -> Uuid {
        self.0.user.into()
    }

    /// The day the work was done.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }

    /// Exact time worked, in whole seconds.
    #[getter]
    fn seconds(&self) -> u32 {
        self.0.seconds
    }

    /// The time worked as text, e.g. `1h20m`.
    #[getter]
    fn duration(&self) -> String {
        lexcase::billing::format_duration(self.0.seconds)
    }

    /// What was done.
    #[getter]
    fn narrative(&self) -> &str {
        &self.0.narrative
    }

    /// UTBMS task code.
    #[getter]
    fn task_code(&self) -> Option<&str> {
        self.0.task_code.as_deref()
    }

    /// UTBMS activity code.
    #[getter]
    fn activity_code(&self) -> Option<&str> {
        self.0.activity_code.as_deref()
    }

    /// Whether it is charged.
    #[getter]
    fn billability(&self) -> &'static str {
        self.0.billability.as_str()
    }

    /// The hourly rate (exact).
    #[getter]
    fn rate(&self) -> Decimal {
        self.0.rate.amount
    }

    /// ISO 4217 currency of the rate and value.
    #[getter]
    fn currency(&self) -> &'static str {
        self.0.rate.currency.code()
    }

    /// Which rule gave the rate.
    #[getter]
    fn rate_source(&self) -> &'static str {
        self.0.rate_source.as_str()
    }

    /// The rounding policy in force when it was recorded.
    #[getter]
    fn rounding(&self) -> PyRoundingPolicy {
        PyRoundingPolicy(self.0.rounding)
    }

    /// Seconds charged under its own policy taken alone (0 for non-billable time).
    #[getter]
    fn chargeable_seconds(&self) -> u64 {
        self.0.chargeable_seconds()
    }

    /// Value at its rate, rounded to the minor unit (0 unless billable).
    #[getter]
    fn value(&self) -> Decimal {
        self.0.value().amount
    }

    /// Where it stands in billing.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// The bill it is on.
    #[getter]
    fn bill(&self) -> Option<Uuid> {
        self.0.bill.map(Into::into)
    }

    /// What it was recorded from.
    #[getter]
    fn source(&self) -> &'static str {
        match self.0.source {
            TimeSource::Typed => "typed",
            TimeSource::Timer => "timer",
            TimeSource::Communication(_) => "communication",
            TimeSource::Task(_) => "task",
            TimeSource::Appointment(_) => "appointment",
        }
    }

    /// The communication, task or calendar entry it was recorded from.
    #[getter]
    fn source_id(&self) -> Option<Uuid> {
        match self.0.source {
            TimeSource::Typed | TimeSource::Timer => None,
            TimeSource::Communication(id) => Some(id.into()),
            TimeSource::Task(id) => Some(id.into()),
            TimeSource::Appointment(id) => Some(id.into()),
        }
    }

    /// Who recorded it.
    #[getter]
    fn recorded_by(&self) -> Uuid {
        self.0.recorded_by.into()
    }

    /// When (UTC).
    #[getter]
    fn recorded_at(&self) -> DateTime<Utc> {
        self.0.recorded_at
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
                "id",
                "date",
                "seconds",
                "narrative",
                "rate",
                "rate_source",
                "status",
                "version",
            ],
        )
    }
}

/// The acting user's timer: `state` is `running` or `paused`.
#[pyclass(frozen, eq, module = "lexcase", name = "Timer")]
#[derive(Clone, PartialEq)]
pub struct PyTimer(pub Timer);

#[pymethods]
impl PyTimer {
    /// Its user.
    #[getter]
    fn user(&self) -> Uuid {
        self.0.user.into()
    }

    /// The matter it runs on.
    #[getter]
    fn matter(&self) -> Uuid {
        self.0.matter.into()
    }

    /// What is being done.
    #[getter]
    fn narrative(&self) -> &str {
        &self.0.narrative
    }

    /// When it was started (UTC).
    #[getter]
    fn started_at(&self) -> DateTime<Utc> {
        self.0.started_at
    }

    /// Seconds counted before the current run.
    #[getter]
    fn elapsed_seconds(&self) -> u32 {
        self.0.elapsed_seconds
    }

    /// Since when it runs (`None` while paused).
    #[getter]
    fn running_since(&self) -> Option<DateTime<Utc>> {
        self.0.running_since
    }

    /// `running` or `paused`.
    #[getter]
    fn state(&self) -> &'static str {
        self.0.state().as_str()
    }

    /// Seconds elapsed at `now` (an aware datetime), at most 24 hours.
    fn elapsed(&self, now: crate::convert::InstantArg) -> u32 {
        self.0.elapsed(now.0)
    }

    /// Optimistic-concurrency version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["matter", "narrative", "state", "elapsed_seconds", "version"],
        )
    }
}

/// An expense or disbursement on a matter: `tax` is `vatable_cost` (re-charged with tax) or
/// `disbursement` (passed through untaxed); `amount` is quantity × unit cost, rounded.
#[pyclass(frozen, eq, module = "lexcase", name = "Expense")]
#[derive(Clone, PartialEq)]
pub struct PyExpense(pub Expense);

#[pymethods]
impl PyExpense {
    /// Identifier.
    #[getter]
    fn id(&self) -> Uuid {
        self.0.id.into()
    }

    /// The matter.
    #[getter]
    fn matter(&self) -> Uuid {
        self.0.matter.into()
    }

    /// The day incurred.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }

    /// What it was.
    #[getter]
    fn description(&self) -> &str {
        &self.0.description
    }

    /// How many units.
    #[getter]
    fn quantity(&self) -> Decimal {
        self.0.quantity
    }

    /// Cost of one unit.
    #[getter]
    fn unit_cost(&self) -> Decimal {
        self.0.unit_cost.amount
    }

    /// ISO 4217 currency.
    #[getter]
    fn currency(&self) -> &'static str {
        self.0.unit_cost.currency.code()
    }

    /// Quantity × unit cost, rounded to the minor unit.
    #[getter]
    fn amount(&self) -> Decimal {
        self.0.amount().amount
    }

    /// UTBMS expense code.
    #[getter]
    fn expense_code(&self) -> Option<&str> {
        self.0.expense_code.as_deref()
    }

    /// Who was paid.
    #[getter]
    fn vendor(&self) -> &str {
        &self.0.vendor
    }

    /// The receipt, a document of the matter.
    #[getter]
    fn receipt(&self) -> Option<Uuid> {
        self.0.receipt.map(Into::into)
    }

    /// Tax treatment.
    #[getter]
    fn tax(&self) -> &'static str {
        self.0.tax.as_str()
    }

    /// Whether it is charged to the client.
    #[getter]
    fn billable(&self) -> bool {
        self.0.billable
    }

    /// Where it stands in billing.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// The bill it is on.
    #[getter]
    fn bill(&self) -> Option<Uuid> {
        self.0.bill.map(Into::into)
    }

    /// Who recorded it.
    #[getter]
    fn recorded_by(&self) -> Uuid {
        self.0.recorded_by.into()
    }

    /// When (UTC).
    #[getter]
    fn recorded_at(&self) -> DateTime<Utc> {
        self.0.recorded_at
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
                "id",
                "date",
                "description",
                "amount",
                "tax",
                "status",
                "version",
            ],
        )
    }
}

/// Billing terms of a client (`client` set) or a matter (`matter` set): a rate for everyone,
/// rates per user, a rounding policy and a code policy; `None` leaves each to the next level.
#[pyclass(frozen, eq, module = "lexcase", name = "BillingTerms")]
#[derive(Clone, PartialEq)]
pub struct PyBillingTerms(pub BillingTerms);

#[pymethods]
impl PyBillingTerms {
    /// The client they apply to.
    #[getter]
    fn client(&self) -> Option<Uuid> {
        match self.0.scope {
            TermsScope::Client(c) => Some(c.into()),
            TermsScope::Matter(_) => None,
        }
    }

    /// The matter they apply to.
    #[getter]
    fn matter(&self) -> Option<Uuid> {
        match self.0.scope {
            TermsScope::Matter(m) => Some(m.into()),
            TermsScope::Client(_) => None,
        }
    }

    /// The hourly rate for everyone.
    #[getter]
    fn rate(&self) -> Option<Decimal> {
        self.0.rate.map(|m| m.amount)
    }

    /// ISO 4217 currency of the rates (`None` without any rate).
    #[getter]
    fn currency(&self) -> Option<&'static str> {
        self.0
            .rate
            .iter()
            .chain(self.0.user_rates.values())
            .next()
            .map(|m| m.currency.code())
    }

    /// Hourly rates per user.
    #[getter]
    fn user_rates(&self) -> BTreeMap<Uuid, Decimal> {
        self.0
            .user_rates
            .iter()
            .map(|(u, m)| ((*u).into(), m.amount))
            .collect()
    }

    /// The rounding policy.
    #[getter]
    fn rounding(&self) -> Option<PyRoundingPolicy> {
        self.0.rounding.map(PyRoundingPolicy)
    }

    /// The code policy.
    #[getter]
    fn codes(&self) -> Option<PyCodePolicy> {
        self.0.codes.clone().map(PyCodePolicy)
    }

    /// Who last set them.
    #[getter]
    fn updated_by(&self) -> Uuid {
        self.0.updated_by.into()
    }

    /// When (UTC).
    #[getter]
    fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// Optimistic-concurrency version (0: never set).
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["client", "matter", "rate", "rounding", "codes", "version"],
        )
    }
}

/// The firm's billing settings: default rounding, hourly rates by UTBMS activity code, the tax
/// (`tax_rate` a fraction: `Decimal("0.20")` for 20 %), the LEDES law-firm id, the invoice
/// number format, payment terms and the client-money reconciliation cadence (`monthly` or
/// `five_weeks`).
#[pyclass(frozen, eq, module = "lexcase", name = "FirmBillingSettings")]
#[derive(Clone, PartialEq)]
pub struct PyFirmBillingSettings(pub FirmBillingSettings);

#[pymethods]
impl PyFirmBillingSettings {
    /// The default rounding policy.
    #[getter]
    fn rounding(&self) -> PyRoundingPolicy {
        PyRoundingPolicy(self.0.rounding)
    }

    /// Hourly rates by activity code.
    #[getter]
    fn activity_rates(&self) -> BTreeMap<String, Decimal> {
        self.0
            .activity_rates
            .iter()
            .map(|(c, m)| (c.clone(), m.amount))
            .collect()
    }

    /// The tax's name, e.g. `VAT`.
    #[getter]
    fn tax_name(&self) -> &str {
        &self.0.tax_name
    }

    /// The tax rate as a fraction.
    #[getter]
    fn tax_rate(&self) -> Decimal {
        self.0.tax_rate
    }

    /// The firm's id in LEDES files.
    #[getter]
    fn law_firm_id(&self) -> &str {
        &self.0.law_firm_id
    }

    /// How invoices are numbered, e.g. `INV{SEQ:6}`.
    #[getter]
    fn invoice_number_format(&self) -> &str {
        &self.0.invoice_number_format
    }

    /// Days from issue to due.
    #[getter]
    fn payment_terms_days(&self) -> u32 {
        self.0.payment_terms_days
    }

    /// How often client money is reconciled.
    #[getter]
    fn reconciliation(&self) -> &'static str {
        self.0.reconciliation.as_str()
    }

    /// Optimistic-concurrency version (0: the defaults, never saved).
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &[
                "tax_name",
                "tax_rate",
                "invoice_number_format",
                "payment_terms_days",
                "version",
            ],
        )
    }
}
