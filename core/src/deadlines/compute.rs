//! Computing a rule's deadline for day, week, month and year periods: count, roll, add the
//! FRCP 6(d) service days, extend for a court-office closure, and record every step.

use chrono::{Datelike, NaiveDate};

use super::input::{ComputedDeadline, DeadlineInput};
use super::rule::{CountingMethod, DeadlineRule, Direction, PeriodUnit, ServiceDaysReading};
use super::steps::{self, Trace};
use super::{cpr, hours};
use crate::error::Result;

impl DeadlineRule {
    /// Computes the deadline for `input`, with a trace whose last step is the due date (and
    /// whose first names the version of the rule in force, for a rule with versions).
    /// Refuses an invalid rule, an hours period without a trigger moment, a trigger date no
    /// version covers, and dates outside the years 1 to 9999 (a validation error on
    /// `trigger`).
    pub fn compute(&self, input: &DeadlineInput<'_>) -> Result<ComputedDeadline> {
        self.validate()?;
        let start = input.trigger.local_date()?;
        let (rule, version) = self.in_force(start)?;
        let mut trace = Trace::default();
        if let Some(version) = version {
            trace.push(
                rule.citation.clone(),
                format!(
                    "version \"{}\" of the rule ({}) is in force for a trigger on {start}: {} {}",
                    version.name,
                    version.span(),
                    rule.period.amount,
                    rule.period.unit
                ),
                start,
            );
        }
        let out = if rule.period.unit == PeriodUnit::Hours {
            hours::compute(&rule, input, trace)?
        } else {
            rule.compute_days(start, input, trace)?
        };
        steps::ensure_in_range(&out)?;
        Ok(out)
    }

    /// Day, week, month and year periods of a rule without versions.
    fn compute_days(
        &self,
        start: NaiveDate,
        input: &DeadlineInput<'_>,
        mut trace: Trace,
    ) -> Result<ComputedDeadline> {
        let last = match self.method {
            CountingMethod::Cpr2_8 => cpr::count(self, start, input.holidays, &mut trace)?,
            CountingMethod::Frcp6 | CountingMethod::Calendar => {
                self.count_every_day(start, &mut trace)?
            }
        };
        let due = self.roll_and_serve(last, input, &mut trace)?;
        let due = self.court_office(due, input, &mut trace)?;
        Ok(self.finish(due, None, trace))
    }

    /// FRCP 6(a)(1)(A)–(B) and plain counting: leave out the trigger day, count every day.
    fn count_every_day(&self, start: NaiveDate, trace: &mut Trace) -> Result<NaiveDate> {
        let frcp = self.method == CountingMethod::Frcp6;
        let provision = |frcp_part: &str| {
            if frcp {
                format!("FRCP 6(a)(1)({frcp_part})")
            } else {
                self.citation.clone()
            }
        };
        trace.push(
            provision("A"),
            format!("the trigger day {start} is not counted"),
            start,
        );
        let end = steps::every_day_end(start, self.period, self.direction, self.options.month_end)?;
        let way = match self.direction {
            Direction::After => "after",
            Direction::Before => "before",
        };
        let how = match self.period.unit {
            PeriodUnit::Months | PeriodUnit::Years => "in calendar units",
            _ => "every day including weekends and holidays",
        };
        trace.push(
            provision("B"),
            format!(
                "counted {} {} {way} {start}, {how}, to {} {end}",
                self.period.amount,
                self.period.unit,
                end.weekday()
            ),
            end,
        );
        Ok(end)
    }

    /// The roll off weekends and holidays, with the FRCP 6(d) days where they apply.
    fn roll_and_serve(
        &self,
        last: NaiveDate,
        input: &DeadlineInput<'_>,
        trace: &mut Trace,
    ) -> Result<NaiveDate> {
        let roll = |date, trace: &mut Trace| {
            steps::roll(
                date,
                self.roll,
                self.direction,
                self.method,
                input.holidays,
                trace,
            )
        };
        if !self.service_days {
            return roll(last, trace);
        }
        let Some(method) = input.service.filter(|m| m.adds_service_days()) else {
            let rolled = roll(last, trace)?;
            let how = input
                .service
                .map_or("no service method was given".to_owned(), |m| {
                    format!("service was {m}")
                });
            trace.push(
                "FRCP 6(d)",
                format!("no 3 days added: {how}; only mail, leaving with the clerk or other consented service add them"),
                rolled,
            );
            return Ok(rolled);
        };
        let add_three = |date: NaiveDate, trace: &mut Trace| -> Result<NaiveDate> {
            let added = steps::shift_days(date, 3)?;
            trace.push(
                "FRCP 6(d)",
                format!(
                    "service by {method}: 3 days added after {date}, to {} {added}",
                    added.weekday()
                ),
                added,
            );
            Ok(added)
        };
        match self.options.service_days {
            ServiceDaysReading::AfterRoll => {
                let rolled = roll(last, trace)?;
                let added = add_three(rolled, trace)?;
                roll(added, trace)
            }
            ServiceDaysReading::BeforeRoll => {
                let added = add_three(last, trace)?;
                roll(added, trace)
            }
        }
    }

    /// FRCP 6(a)(3)(A) / CPR 2.8(5): an act at the court office whose last day is a closure
    /// day is in time on the next day the office is open. The time is *extended*, so this
    /// goes forward even for periods counted back from an event (and after a 6(a)(5) roll
    /// back): moving back would shorten the time the rule allows.
    fn court_office(
        &self,
        due: NaiveDate,
        input: &DeadlineInput<'_>,
        trace: &mut Trace,
    ) -> Result<NaiveDate> {
        if !self.court_office_act || steps::office_open(due, input) {
            return Ok(due);
        }
        let open = steps::first_open(due, true, |d| steps::office_open(d, input))?;
        trace.push(
            steps::office_provision(self.method, &self.citation, false),
            format!(
                "the court office is closed on {due} ({}); the time is extended to {} {open}, the next day it is open",
                steps::why_office_closed(due, input),
                open.weekday()
            ),
            open,
        );
        Ok(open)
    }

    /// The result, with a closing step naming the act (or event) and the question answered.
    pub(super) fn finish(
        &self,
        due: NaiveDate,
        due_at: Option<chrono::DateTime<chrono::Utc>>,
        mut trace: Trace,
    ) -> ComputedDeadline {
        trace.push(
            self.citation.clone(),
            format!("{}: {}", self.answers.closing_words(), self.title),
            due,
        );
        ComputedDeadline {
            due,
            due_at,
            trace: trace.0,
        }
    }
}
