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

use crate::convert::{DateArg, InstantArg, date_opt, parse, parse_opt};
use crate::errors::to_py;
use crate::record::py_record;

fn invalid(field: &str, reason: &str) -> PyErr {
    to_py(LexcaseError::validation(field, reason))
}

py_record! {
    /// One step of a computation: the provision applied, what it did and the date it reached.
    PyTraceStep(TraceStep) as "TraceStep" eq;
    repr(provision, explanation, date);
    |t| {
        /// The provision applied, e.g. `FRCP 6(a)(1)(A)`.
        provision,
        /// What it did.
        explanation,
        /// The date the step reached.
        date,
    }
}

py_record! {
    /// A computed deadline: the last day for the act, the instant it ends for hour periods, and
    /// the trace of every step (the last step's date is `due`).
    PyComputedDeadline(ComputedDeadline) as "ComputedDeadline" eq;
    repr(due, due_at);
    |c| {
        /// The last day for the act.
        due,
        /// For hour periods, the instant the period ends (UTC).
        due_at,
        /// Every step, in order.
        trace,
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

py_record! {
    /// A deadline rule: the period, whether it runs after or before the trigger, the counting
    /// method (`frcp6`, `cpr2_8` or `calendar`), the roll off weekends and holidays (`forward`,
    /// `backward`, `none` or `auto`), FRCP 6(d) service days, whether the act is done at the court
    /// office, the usual calendars, the readings chosen where the rules are ambiguous, the
    /// question it answers and its versions.
    /// Built-in rules come from `builtin_rule` and `builtin_rule_packs`, a firm's own from
    /// `rule_pack_from_toml` / `rule_pack_from_json` or the constructor.
    PyDeadlineRule(DeadlineRule) as "DeadlineRule" eq;
    repr(id, period_amount, period_unit, direction, method);
    |d| {
        /// Stable id, e.g. `frcp-answer`.
        id,
        /// What must be done.
        title,
        /// Where the period comes from, e.g. `FRCP 12(a)(1)(A)(i)`.
        citation,
        /// How many units the period has.
        period_amount = d.period.amount,
        /// The period's unit: `hours`, `days`, `weeks`, `months` or `years`.
        period_unit = d.period.unit,
        /// `after` or `before` the trigger.
        direction,
        /// How days are counted: `frcp6`, `cpr2_8` or `calendar`.
        method,
        /// The roll off weekends and holidays: `forward`, `backward`, `none` or `auto`.
        roll,
        /// Whether FRCP 6(d) adds 3 days for service by mail, with the clerk or other consented
        /// means.
        service_days,
        /// Whether the act is done at the court office (a closure on the last day extends it).
        court_office_act,
        /// The holiday calendar the rule is usually computed with, if it names one.
        holidays,
        /// The court-office closure calendar the rule is usually computed with, if it names one.
        closures,
        /// FRCP 6(d) reading: `after_roll` (add 3 days after the 6(a) roll) or `before_roll`.
        service_days_reading = d.options.service_days,
        /// Month and year periods ending on a day the month lacks: `clamp` or
        /// `next_month_start`.
        month_end = d.options.month_end,
        /// The question the rule answers: `last_day_for_act` (the last day for the act) or
        /// `earliest_day_for_event` (the earliest day a later event may take place).
        answers,
        /// The versions with the trigger dates they are in force (empty when the rule never
        /// changed).
        versions,
    }
    methods {
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

py_record! {
    /// A named, versioned set of deadline rules (a jurisdiction's rules, a firm's own).
    PyRulePack(RulePack) as "RulePack" eq;
    repr(id, version, title);
    |r| {
        /// Stable id, e.g. `frcp`.
        id,
        /// Version of the pack's content.
        version,
        /// Human title.
        title,
        /// The rules, in the pack's order.
        rules,
    }
    methods {
        /// The rule with `id`, or `None` if the pack has none.
        fn rule(&self, id: &str) -> Option<PyDeadlineRule> {
            self.0.rule(id).cloned().map(PyDeadlineRule)
        }
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

py_record! {
    /// A docketed deadline: a rule applied to a trigger on a matter, computed with its trace.
    /// `status` is `open`, `done` or `vacated`; `due` is `None` while the trigger (a key date or
    /// a chained deadline) has no date.
    PyDeadline(Deadline) as "Deadline" eq;
    repr(id, title, status, due, trigger_kind, version);
    |d| {
        /// Identifier.
        id,
        /// The matter.
        matter,
        /// What must be done.
        title,
        /// The rule, as it was when docketed.
        rule,
        /// What the period runs from: `date`, `moment`, `key_date` or `deadline`.
        trigger_kind = match d.trigger {
            DeadlineTrigger::Date { .. } => "date",
            DeadlineTrigger::Moment { .. } => "moment",
            DeadlineTrigger::KeyDate { .. } => "key_date",
            DeadlineTrigger::Deadline { .. } => "deadline",
        },
        /// The trigger date, for a `date` trigger.
        trigger_date = match d.trigger {
            DeadlineTrigger::Date { date } => Some(date),
            _ => None,
        },
        /// The trigger instant (UTC), for a `moment` trigger.
        trigger_at = match d.trigger {
            DeadlineTrigger::Moment { at } => Some(at),
            _ => None,
        },
        /// The matter's key date counted from, for a `key_date` trigger.
        trigger_key_date = match &d.trigger {
            DeadlineTrigger::KeyDate { name } => Some(name),
            _ => None,
        },
        /// The deadline counted from, for a `deadline` trigger (a chain).
        trigger_deadline = match d.trigger {
            DeadlineTrigger::Deadline { id } => Some(id),
            _ => None,
        },
        /// How the triggering document was served, if given.
        service,
        /// The legal-holiday calendar spec, e.g. `us-federal`.
        holidays,
        /// The court-office closure calendar spec, e.g. `ew-court-office`.
        closures,
        /// The last day for the act, once computed.
        due = d.due(),
        /// For hour periods, the instant the period ends (UTC).
        due_at = d.computed.as_ref().and_then(|c| c.due_at),
        /// The steps of the computation (empty while undated).
        trace = d.computed.as_ref().map(|c| &c.trace[..]).unwrap_or_default(),
        /// Reminders, in days before the due date (most notice first).
        reminders,
        /// The fee earner who must see it met.
        responsible,
        /// Where it stands.
        status,
        /// Who entered it (the register).
        entered_by,
        /// When (UTC).
        entered_at,
        /// The day it was entered, in the firm's zone.
        entered_on,
        /// Who closed it (done or vacated).
        closed_by,
        /// When (UTC).
        closed_at,
        /// Why it was vacated.
        vacated_reason,
        /// Optimistic-concurrency version.
        version,
    }
}

py_record! {
    /// One reminder falling due for an open deadline.
    PyDeadlineReminder(DeadlineReminder) as "DeadlineReminder" eq;
    repr(title, due, remind_on, days_before);
    |d| {
        /// The deadline.
        deadline,
        /// Its matter.
        matter,
        /// Its title.
        title,
        /// Its due date.
        due,
        /// The day to remind.
        remind_on,
        /// How many days before the due date that is.
        days_before,
        /// Who is responsible.
        responsible,
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
