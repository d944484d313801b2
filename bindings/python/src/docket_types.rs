//! `Deadline`, `DeadlineReminder`, `DeadlineRule`, `RulePack`, `ComputedDeadline` and
//! `TraceStep`, and the rule-pack module functions.
//!
//! A deadline's trigger is shown flat: `trigger_kind` (`date`, `moment`, `key_date` or
//! `deadline`) and the one of `trigger_date`, `trigger_at`, `trigger_key_date` and
//! `trigger_deadline` that kind uses; the others are `None`. A rule's period is
//! `period_amount` and `period_unit`, its reading options `service_days_reading` and
//! `month_end`.

use chrono::{DateTime, NaiveDate, Utc};
use lexcase::LexcaseError;
use lexcase::calendar::CalendarSpec;
use lexcase::deadlines::{
    ComputedDeadline, CountingMethod, DeadlineInput, DeadlineRule, Direction, MonthEndReading,
    Period, PeriodUnit, Question, ReadingOptions, RollPolicy, RulePack, ServiceDaysReading,
    ServiceMethod, TraceStep, Trigger, builtin_rule,
};
use lexcase::docket::{Deadline, DeadlineReminder, DeadlineTrigger};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use uuid::Uuid;

use crate::convert::{DateArg, InstantArg, date_opt, parse, parse_opt, repr};
use crate::errors::to_py;
use crate::rule_version_types::PyRuleVersion;

fn invalid(field: &str, reason: &str) -> PyErr {
    to_py(LexcaseError::validation(field, reason))
}

/// One step of a computation: the provision applied, what it did and the date it reached.
#[pyclass(frozen, eq, module = "lexcase", name = "TraceStep")]
#[derive(Clone, PartialEq)]
pub struct PyTraceStep(pub TraceStep);

#[pymethods]
impl PyTraceStep {
    /// The provision applied, e.g. `FRCP 6(a)(1)(A)`.
    #[getter]
    fn provision(&self) -> &str {
        &self.0.provision
    }

    /// What it did.
    #[getter]
    fn explanation(&self) -> &str {
        &self.0.explanation
    }

    /// The date the step reached.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["provision", "explanation", "date"])
    }
}

fn trace(steps: &[TraceStep]) -> Vec<PyTraceStep> {
    steps.iter().cloned().map(PyTraceStep).collect()
}

/// A computed deadline: the last day for the act, the instant it ends for hour periods, and
/// the trace of every step (the last step's date is `due`).
#[pyclass(frozen, eq, module = "lexcase", name = "ComputedDeadline")]
#[derive(Clone, PartialEq)]
pub struct PyComputedDeadline(pub ComputedDeadline);

#[pymethods]
impl PyComputedDeadline {
    /// The last day for the act.
    #[getter]
    fn due(&self) -> NaiveDate {
        self.0.due
    }

    /// For hour periods, the instant the period ends (UTC).
    #[getter]
    fn due_at(&self) -> Option<DateTime<Utc>> {
        self.0.due_at
    }

    /// Every step, in order.
    #[getter]
    fn trace(&self) -> Vec<PyTraceStep> {
        trace(&self.0.trace)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["due", "due_at"])
    }
}

/// The calendars a computation without a docket uses: the given spec, else the rule's usual
/// one.
fn calendars(
    rule: &DeadlineRule,
    holidays: Option<String>,
    closures: Option<String>,
) -> lexcase::Result<(CalendarSpec, CalendarSpec)> {
    let pick = |given: Option<String>, usual: CalendarSpec| match given {
        Some(spec) => CalendarSpec::parse(&spec),
        None => Ok(usual),
    };
    Ok((
        pick(holidays, rule.usual_holidays())?,
        pick(closures, rule.usual_closures())?,
    ))
}

/// The trigger of a computation: a date, or an instant with the court's IANA zone.
fn trigger(
    date: Option<NaiveDate>,
    at: Option<DateTime<Utc>>,
    zone: Option<String>,
) -> PyResult<Trigger> {
    match (date, at, zone) {
        (Some(date), None, None) => Ok(Trigger::Day(date)),
        (None, Some(at), Some(zone)) => Trigger::moment(at, &zone).map_err(to_py),
        (None, Some(_), None) => Err(invalid("zone", "trigger_at needs the court's zone")),
        (Some(_), None, Some(_)) => Err(invalid(
            "zone",
            "a zone goes with trigger_at, not trigger_date",
        )),
        _ => Err(invalid(
            "trigger",
            "give exactly one of trigger_date and trigger_at",
        )),
    }
}

/// A deadline rule: the period, whether it runs after or before the trigger, the counting
/// method (`frcp6`, `cpr2_8` or `calendar`), the roll off weekends and holidays (`forward`,
/// `backward`, `none` or `auto`), FRCP 6(d) service days, whether the act is done at the court
/// office, the usual calendars, the readings chosen where the rules are ambiguous, the
/// question it answers and its versions.
/// Built-in rules come from `builtin_rule` and `builtin_rule_packs`, a firm's own from
/// `rule_pack_from_toml` / `rule_pack_from_json` or the constructor.
#[pyclass(frozen, eq, module = "lexcase", name = "DeadlineRule")]
#[derive(Clone, PartialEq)]
pub struct PyDeadlineRule(pub DeadlineRule);

#[pymethods]
impl PyDeadlineRule {
    /// A rule of the firm's own, checked as a pack's rule is (an invalid one is a
    /// `ValidationError`). `period_unit` is `hours`, `days`, `weeks`, `months` or `years`;
    /// `direction` `after` or `before`; `service_days_reading` `after_roll` or `before_roll`;
    /// `month_end` `clamp` or `next_month_start`; `holidays` and `closures` calendar specs
    /// such as `"us-federal+firm"`; `answers` `last_day_for_act` or `earliest_day_for_event`
    /// (CPR 2.8: the earliest day of a later event at least the period after a step). A rule
    /// with versions comes from a pack.
    #[new]
    #[pyo3(signature = (*, id, title, citation, period_amount, period_unit, direction="after", method="calendar", roll="forward", service_days=false, court_office_act=false, holidays=None, closures=None, service_days_reading="after_roll", month_end="clamp", answers="last_day_for_act"))]
    fn new(
        id: String,
        title: String,
        citation: String,
        #[pyo3(from_py_with = crate::ints::period_amount)] period_amount: u32,
        period_unit: &str,
        direction: &str,
        method: &str,
        roll: &str,
        service_days: bool,
        court_office_act: bool,
        holidays: Option<&str>,
        closures: Option<&str>,
        service_days_reading: &str,
        month_end: &str,
        answers: &str,
    ) -> PyResult<Self> {
        let spec = |text: Option<&str>| text.map(CalendarSpec::parse).transpose().map_err(to_py);
        let rule = DeadlineRule {
            id,
            title,
            citation,
            period: Period {
                amount: period_amount,
                unit: parse::<PeriodUnit>(period_unit)?,
            },
            direction: parse::<Direction>(direction)?,
            method: parse::<CountingMethod>(method)?,
            roll: parse::<RollPolicy>(roll)?,
            service_days,
            court_office_act,
            options: ReadingOptions {
                service_days: parse::<ServiceDaysReading>(service_days_reading)?,
                month_end: parse::<MonthEndReading>(month_end)?,
            },
            holidays: spec(holidays)?,
            closures: spec(closures)?,
            answers: parse::<Question>(answers)?,
            versions: Vec::new(),
        };
        rule.validate().map_err(to_py)?;
        Ok(Self(rule))
    }

    /// Stable id, e.g. `frcp-answer`.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// What must be done.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// Where the period comes from, e.g. `FRCP 12(a)(1)(A)(i)`.
    #[getter]
    fn citation(&self) -> &str {
        &self.0.citation
    }

    /// How many units the period has.
    #[getter]
    fn period_amount(&self) -> u32 {
        self.0.period.amount
    }

    /// The period's unit: `hours`, `days`, `weeks`, `months` or `years`.
    #[getter]
    fn period_unit(&self) -> &'static str {
        self.0.period.unit.as_str()
    }

    /// `after` or `before` the trigger.
    #[getter]
    fn direction(&self) -> &'static str {
        self.0.direction.as_str()
    }

    /// How days are counted: `frcp6`, `cpr2_8` or `calendar`.
    #[getter]
    fn method(&self) -> &'static str {
        self.0.method.as_str()
    }

    /// The roll off weekends and holidays: `forward`, `backward`, `none` or `auto`.
    #[getter]
    fn roll(&self) -> &'static str {
        self.0.roll.as_str()
    }

    /// Whether FRCP 6(d) adds 3 days for service by mail, with the clerk or other consented
    /// means.
    #[getter]
    fn service_days(&self) -> bool {
        self.0.service_days
    }

    /// Whether the act is done at the court office (a closure on the last day extends it).
    #[getter]
    fn court_office_act(&self) -> bool {
        self.0.court_office_act
    }

    /// The holiday calendar the rule is usually computed with, if it names one.
    #[getter]
    fn holidays(&self) -> Option<&str> {
        self.0.holidays.as_ref().map(CalendarSpec::as_str)
    }

    /// The court-office closure calendar the rule is usually computed with, if it names one.
    #[getter]
    fn closures(&self) -> Option<&str> {
        self.0.closures.as_ref().map(CalendarSpec::as_str)
    }

    /// FRCP 6(d) reading: `after_roll` (add 3 days after the 6(a) roll) or `before_roll`.
    #[getter]
    fn service_days_reading(&self) -> &'static str {
        self.0.options.service_days.as_str()
    }

    /// Month and year periods ending on a day the month lacks: `clamp` or
    /// `next_month_start`.
    #[getter]
    fn month_end(&self) -> &'static str {
        self.0.options.month_end.as_str()
    }

    /// The question the rule answers: `last_day_for_act` (the last day for the act) or
    /// `earliest_day_for_event` (the earliest day a later event may take place).
    #[getter]
    fn answers(&self) -> &'static str {
        self.0.answers.as_str()
    }

    /// The versions with the trigger dates they are in force (empty when the rule never
    /// changed).
    #[getter]
    fn versions(&self) -> Vec<PyRuleVersion> {
        self.0.versions.iter().cloned().map(PyRuleVersion).collect()
    }

    /// Computes the rule without docketing it: from `trigger_date`, or from `trigger_at` (an
    /// aware datetime, for hour periods) read in `zone` (the court's IANA zone). `service` is
    /// the service method (`personal`, `electronic`, `mail`, `left_with_clerk`,
    /// `other_consented`); `holidays` and `closures` calendar specs (the rule's, else the
    /// counting method's usual ones; `firm` reads as no holidays here).
    #[pyo3(signature = (*, trigger_date=None, trigger_at=None, zone=None, service=None, holidays=None, closures=None))]
    fn compute(
        &self,
        py: Python<'_>,
        trigger_date: Option<DateArg>,
        trigger_at: Option<InstantArg>,
        zone: Option<String>,
        service: Option<&str>,
        holidays: Option<String>,
        closures: Option<String>,
    ) -> PyResult<PyComputedDeadline> {
        let trigger = trigger(date_opt(trigger_date), trigger_at.map(|a| a.0), zone)?;
        let service = parse_opt::<ServiceMethod>(service)?;
        let rule = &self.0;
        crate::convert::run(py, || {
            let (holidays, closures) = calendars(rule, holidays, closures)?;
            let holidays = holidays.resolve(None)?;
            let closures = closures.resolve(None)?;
            rule.compute(&DeadlineInput {
                trigger,
                service,
                holidays: &*holidays,
                closures: &*closures,
            })
        })
        .map(PyComputedDeadline)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["id", "period_amount", "period_unit", "direction", "method"],
        )
    }
}

/// A rule given as a built-in rule id (`str`) or a `DeadlineRule`.
pub(crate) struct RuleArg(pub DeadlineRule);

impl<'a, 'py> FromPyObject<'a, 'py> for RuleArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(rule) = obj.cast::<PyDeadlineRule>() {
            return Ok(Self(rule.get().0.clone()));
        }
        if obj.is_instance_of::<PyString>() {
            return lookup(&obj.extract::<String>()?).map(Self);
        }
        Err(PyTypeError::new_err(
            "expected a built-in rule id (str) or a DeadlineRule",
        ))
    }
}

fn lookup(id: &str) -> PyResult<DeadlineRule> {
    builtin_rule(id).ok_or_else(|| invalid("rule", "no built-in rule has this id"))
}

/// A named, versioned set of deadline rules (a jurisdiction's rules, a firm's own).
#[pyclass(frozen, eq, module = "lexcase", name = "RulePack")]
#[derive(Clone, PartialEq)]
pub struct PyRulePack(pub RulePack);

#[pymethods]
impl PyRulePack {
    /// Stable id, e.g. `frcp`.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// Version of the pack's content.
    #[getter]
    fn version(&self) -> u32 {
        self.0.version
    }

    /// Human title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// The rules, in the pack's order.
    #[getter]
    fn rules(&self) -> Vec<PyDeadlineRule> {
        self.0.rules.iter().cloned().map(PyDeadlineRule).collect()
    }

    /// The rule with `id`, or `None` if the pack has none.
    fn rule(&self, id: &str) -> Option<PyDeadlineRule> {
        self.0.rule(id).cloned().map(PyDeadlineRule)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["id", "version", "title"])
    }
}

/// Parses and checks a rule pack written in TOML (`[[rules]]` tables); a malformed or invalid
/// pack is a `ValidationError`.
#[pyfunction]
pub(crate) fn rule_pack_from_toml(text: &str) -> PyResult<PyRulePack> {
    RulePack::from_toml(text).map(PyRulePack).map_err(to_py)
}

/// Parses and checks a rule pack written in JSON; a malformed or invalid pack is a
/// `ValidationError`.
#[pyfunction]
pub(crate) fn rule_pack_from_json(text: &str) -> PyResult<PyRulePack> {
    RulePack::from_json(text).map(PyRulePack).map_err(to_py)
}

/// The built-in rule packs: `frcp`, `cpr`, `limitation-ew` and `sdlt`.
#[pyfunction]
pub(crate) fn builtin_rule_packs() -> Vec<PyRulePack> {
    RulePack::builtin().into_iter().map(PyRulePack).collect()
}

/// The built-in rule with `id`, searching every built-in pack; an unknown id is a
/// `ValidationError` (field `rule`).
#[pyfunction(name = "builtin_rule")]
pub(crate) fn builtin_rule_by_id(id: &str) -> PyResult<PyDeadlineRule> {
    lookup(id).map(PyDeadlineRule)
}

/// A docketed deadline: a rule applied to a trigger on a matter, computed with its trace.
/// `status` is `open`, `done` or `vacated`; `due` is `None` while the trigger (a key date or
/// a chained deadline) has no date.
#[pyclass(frozen, eq, module = "lexcase", name = "Deadline")]
#[derive(Clone, PartialEq)]
pub struct PyDeadline(pub Deadline);

#[pymethods]
impl PyDeadline {
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

    /// What must be done.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// The rule, as it was when docketed.
    #[getter]
    fn rule(&self) -> PyDeadlineRule {
        PyDeadlineRule(self.0.rule.clone())
    }

    /// What the period runs from: `date`, `moment`, `key_date` or `deadline`.
    #[getter]
    fn trigger_kind(&self) -> &'static str {
        match self.0.trigger {
            DeadlineTrigger::Date { .. } => "date",
            DeadlineTrigger::Moment { .. } => "moment",
            DeadlineTrigger::KeyDate { .. } => "key_date",
            DeadlineTrigger::Deadline { .. } => "deadline",
        }
    }

    /// The trigger date, for a `date` trigger.
    #[getter]
    fn trigger_date(&self) -> Option<NaiveDate> {
        match self.0.trigger {
            DeadlineTrigger::Date { date } => Some(date),
            _ => None,
        }
    }

    /// The trigger instant (UTC), for a `moment` trigger.
    #[getter]
    fn trigger_at(&self) -> Option<DateTime<Utc>> {
        match self.0.trigger {
            DeadlineTrigger::Moment { at } => Some(at),
            _ => None,
        }
    }

    /// The matter's key date counted from, for a `key_date` trigger.
    #[getter]
    fn trigger_key_date(&self) -> Option<&str> {
        match &self.0.trigger {
            DeadlineTrigger::KeyDate { name } => Some(name),
            _ => None,
        }
    }

    /// The deadline counted from, for a `deadline` trigger (a chain).
    #[getter]
    fn trigger_deadline(&self) -> Option<Uuid> {
        match self.0.trigger {
            DeadlineTrigger::Deadline { id } => Some(id.into()),
            _ => None,
        }
    }

    /// How the triggering document was served, if given.
    #[getter]
    fn service(&self) -> Option<&'static str> {
        self.0.service.map(|s| s.as_str())
    }

    /// The legal-holiday calendar spec, e.g. `us-federal`.
    #[getter]
    fn holidays(&self) -> &str {
        self.0.holidays.as_str()
    }

    /// The court-office closure calendar spec, e.g. `ew-court-office`.
    #[getter]
    fn closures(&self) -> &str {
        self.0.closures.as_str()
    }

    /// The last day for the act, once computed.
    #[getter]
    fn due(&self) -> Option<NaiveDate> {
        self.0.due()
    }

    /// For hour periods, the instant the period ends (UTC).
    #[getter]
    fn due_at(&self) -> Option<DateTime<Utc>> {
        self.0.computed.as_ref().and_then(|c| c.due_at)
    }

    /// The steps of the computation (empty while undated).
    #[getter]
    fn trace(&self) -> Vec<PyTraceStep> {
        self.0
            .computed
            .as_ref()
            .map(|c| trace(&c.trace))
            .unwrap_or_default()
    }

    /// Reminders, in days before the due date (most notice first).
    #[getter]
    fn reminders(&self) -> Vec<u32> {
        self.0.reminders.clone()
    }

    /// The fee earner who must see it met.
    #[getter]
    fn responsible(&self) -> Option<Uuid> {
        self.0.responsible.map(Into::into)
    }

    /// Where it stands.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// Who entered it (the register).
    #[getter]
    fn entered_by(&self) -> Uuid {
        self.0.entered_by.into()
    }

    /// When (UTC).
    #[getter]
    fn entered_at(&self) -> DateTime<Utc> {
        self.0.entered_at
    }

    /// The day it was entered, in the firm's zone.
    #[getter]
    fn entered_on(&self) -> NaiveDate {
        self.0.entered_on
    }

    /// Who closed it (done or vacated).
    #[getter]
    fn closed_by(&self) -> Option<Uuid> {
        self.0.closed_by.map(Into::into)
    }

    /// When (UTC).
    #[getter]
    fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }

    /// Why it was vacated.
    #[getter]
    fn vacated_reason(&self) -> Option<&str> {
        self.0.vacated_reason.as_deref()
    }

    /// Optimistic-concurrency version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["id", "title", "status", "due", "trigger_kind", "version"],
        )
    }
}

/// One reminder falling due for an open deadline.
#[pyclass(frozen, eq, module = "lexcase", name = "DeadlineReminder")]
#[derive(Clone, PartialEq)]
pub struct PyDeadlineReminder(pub DeadlineReminder);

#[pymethods]
impl PyDeadlineReminder {
    /// The deadline.
    #[getter]
    fn deadline(&self) -> Uuid {
        self.0.deadline.into()
    }

    /// Its matter.
    #[getter]
    fn matter(&self) -> Uuid {
        self.0.matter.into()
    }

    /// Its title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// Its due date.
    #[getter]
    fn due(&self) -> NaiveDate {
        self.0.due
    }

    /// The day to remind.
    #[getter]
    fn remind_on(&self) -> NaiveDate {
        self.0.remind_on
    }

    /// How many days before the due date that is.
    #[getter]
    fn days_before(&self) -> u32 {
        self.0.days_before
    }

    /// Who is responsible.
    #[getter]
    fn responsible(&self) -> Option<Uuid> {
        self.0.responsible.map(Into::into)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["title", "due", "remind_on", "days_before"])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computing_without_a_docket_uses_the_rule_or_method_calendars() {
        let rule = builtin_rule("cpr-defence").expect("built-in rule");
        let (holidays, closures) = calendars(&rule, None, None).expect("defaults");
        assert_eq!(
            (holidays.as_str(), closures.as_str()),
            ("england-wales", "ew-court-office")
        );
        let (holidays, _) =
            calendars(&rule, Some("us-federal+firm".into()), None).expect("given spec");
        assert_eq!(holidays.as_str(), "us-federal+firm");
        assert!(calendars(&rule, Some("mars".into()), None).is_err());
    }

    #[test]
    fn a_moment_trigger_needs_a_known_zone() {
        Python::initialize();
        Python::attach(|py| {
            crate::errors::ensure_validation_error_is_value_error(py).expect("bases");
            let at = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).expect("instant");
            let got = trigger(None, Some(at), Some("America/New_York".into())).expect("zone");
            assert!(matches!(got, Trigger::Moment { at: a, .. } if a == at));
            assert!(trigger(None, Some(at), Some("Mars/Olympus".into())).is_err());
            assert!(trigger(None, Some(at), None).is_err());
            assert!(trigger(None, None, None).is_err());
        });
    }
}
