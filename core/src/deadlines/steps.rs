//! Shared steps of every computation: the trace, date arithmetic in the period's units, the
//! roll off weekends and holidays, and the court-office extension.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::input::{ComputedDeadline, DeadlineInput, TraceStep};
use super::rule::{CountingMethod, Direction, MonthEndReading, Period, PeriodUnit, RollPolicy};
use crate::calendar::HolidayCalendar;
use crate::error::{LexcaseError, Result};
use crate::validate;

/// The furthest a roll or extension searches for an open day.
const MAX_SEARCH: u32 = 400;

/// The steps recorded so far.
#[derive(Debug, Default)]
pub(super) struct Trace(pub(super) Vec<TraceStep>);

impl Trace {
    /// Records a step.
    pub(super) fn push(
        &mut self,
        provision: impl Into<String>,
        explanation: impl Into<String>,
        date: NaiveDate,
    ) {
        self.0.push(TraceStep {
            provision: provision.into(),
            explanation: explanation.into(),
            date,
        });
    }
}

/// The error for a computation that leaves the supported dates (the years 1 to 9999): the
/// trigger is too close to the end of the calendar for the period.
pub(super) fn out_of_range() -> LexcaseError {
    LexcaseError::validation(
        "trigger",
        "the deadline counted from this trigger falls outside the years 1 to 9999",
    )
}

/// Refuses a computation any of whose dates (the due date, the instant, a step of the
/// trace) falls outside the years 1 to 9999.
pub(super) fn ensure_in_range(out: &ComputedDeadline) -> Result<()> {
    let in_range = |date: NaiveDate| validate::DATE_YEARS.contains(&date.year());
    let instant_in_range = out.due_at.is_none_or(|at| in_range(at.date_naive()));
    if in_range(out.due) && instant_in_range && out.trace.iter().all(|s| in_range(s.date)) {
        Ok(())
    } else {
        Err(out_of_range())
    }
}

/// `date` moved by `days` (negative goes back).
pub(super) fn shift_days(date: NaiveDate, days: i64) -> Result<NaiveDate> {
    let magnitude = Days::new(days.unsigned_abs());
    if days >= 0 {
        date.checked_add_days(magnitude)
    } else {
        date.checked_sub_days(magnitude)
    }
    .ok_or_else(out_of_range)
}

/// `date` moved by whole calendar months; a missing corresponding day is read per `reading`.
pub(super) fn shift_months(
    date: NaiveDate,
    months: u32,
    direction: Direction,
    reading: MonthEndReading,
) -> Result<NaiveDate> {
    let first = date.with_day(1).ok_or_else(out_of_range)?;
    let target_first = match direction {
        Direction::After => first.checked_add_months(Months::new(months)),
        Direction::Before => first.checked_sub_months(Months::new(months)),
    }
    .ok_or_else(out_of_range)?;
    if let Some(same_day) = target_first.with_day(date.day()) {
        return Ok(same_day);
    }
    let next_first = target_first
        .checked_add_months(Months::new(1))
        .ok_or_else(out_of_range)?;
    match reading {
        MonthEndReading::Clamp => next_first.pred_opt().ok_or_else(out_of_range),
        MonthEndReading::NextMonthStart => Ok(next_first),
    }
}

/// The day `period` after (or before) `start` when every day counts.
pub(super) fn every_day_end(
    start: NaiveDate,
    period: Period,
    direction: Direction,
    reading: MonthEndReading,
) -> Result<NaiveDate> {
    let sign = match direction {
        Direction::After => 1,
        Direction::Before => -1,
    };
    let amount = i64::from(period.amount);
    match period.unit {
        PeriodUnit::Hours | PeriodUnit::Days => shift_days(start, sign * amount),
        PeriodUnit::Weeks => shift_days(start, sign * amount * 7),
        PeriodUnit::Months => shift_months(start, period.amount, direction, reading),
        PeriodUnit::Years => shift_months(start, period.amount * 12, direction, reading),
    }
}

/// Why `date` is not a business day of `calendar`, e.g. `a Saturday`.
pub(super) fn why_closed(date: NaiveDate, calendar: &dyn HolidayCalendar) -> String {
    match date.weekday() {
        Weekday::Sat => "a Saturday".to_owned(),
        Weekday::Sun => "a Sunday".to_owned(),
        _ if calendar.is_holiday(date) => format!("a holiday ({})", calendar.id()),
        _ => "open".to_owned(),
    }
}

/// The first day from `date` (inclusive), going forward or back, for which `open` holds.
pub(super) fn first_open(
    date: NaiveDate,
    forward: bool,
    open: impl Fn(NaiveDate) -> bool,
) -> Result<NaiveDate> {
    let mut day = date;
    for _ in 0..MAX_SEARCH {
        if open(day) {
            return Ok(day);
        }
        day = if forward {
            day.succ_opt()
        } else {
            day.pred_opt()
        }
        .ok_or_else(out_of_range)?;
    }
    Err(LexcaseError::validation(
        "holidays",
        format!("no open day within {MAX_SEARCH} days of {date}"),
    ))
}

/// The roll direction of `policy` for a period in `direction`: forward, backward or none.
pub(super) fn roll_forward(policy: RollPolicy, direction: Direction) -> Option<bool> {
    match policy {
        RollPolicy::Forward => Some(true),
        RollPolicy::Backward => Some(false),
        RollPolicy::None => None,
        RollPolicy::Auto => Some(direction == Direction::After),
    }
}

/// The provision a roll is made under.
pub(super) fn roll_provision(method: CountingMethod, forward: bool, hours: bool) -> String {
    match (method, forward, hours) {
        (CountingMethod::Frcp6, true, false) => "FRCP 6(a)(1)(C)".to_owned(),
        (CountingMethod::Frcp6, true, true) => "FRCP 6(a)(2)(C)".to_owned(),
        (CountingMethod::Frcp6, false, _) => "FRCP 6(a)(5)".to_owned(),
        (_, true, _) => "roll policy: forward".to_owned(),
        (_, false, _) => "roll policy: backward".to_owned(),
    }
}

/// Rolls `date` off weekends and holidays per `policy`, recording the step if it moves.
pub(super) fn roll(
    date: NaiveDate,
    policy: RollPolicy,
    direction: Direction,
    method: CountingMethod,
    holidays: &dyn HolidayCalendar,
    trace: &mut Trace,
) -> Result<NaiveDate> {
    let Some(forward) = roll_forward(policy, direction) else {
        return Ok(date);
    };
    let rolled = first_open(date, forward, |d| holidays.is_business_day(d))?;
    if rolled != date {
        let way = if forward { "forward" } else { "back" };
        trace.push(
            roll_provision(method, forward, false),
            format!(
                "{date} is {}; rolled {way} to {} {rolled}",
                why_closed(date, holidays),
                rolled.weekday()
            ),
            rolled,
        );
    }
    Ok(rolled)
}

/// Whether the court office is open on `date`: a business day of both calendars.
pub(super) fn office_open(date: NaiveDate, input: &DeadlineInput<'_>) -> bool {
    input.holidays.is_business_day(date) && input.closures.is_business_day(date)
}

/// Why the court office is closed on `date`.
pub(super) fn why_office_closed(date: NaiveDate, input: &DeadlineInput<'_>) -> String {
    let holiday = why_closed(date, input.holidays);
    if holiday == "open" {
        format!("a closure day of {}", input.closures.id())
    } else {
        holiday
    }
}

/// The provision for a court-office closure on the last day.
pub(super) fn office_provision(method: CountingMethod, citation: &str, hours: bool) -> String {
    match (method, hours) {
        (CountingMethod::Frcp6, false) => "FRCP 6(a)(3)(A)".to_owned(),
        (CountingMethod::Frcp6, true) => "FRCP 6(a)(3)(B)".to_owned(),
        (CountingMethod::Cpr2_8, _) => "CPR 2.8(5)".to_owned(),
        (CountingMethod::Calendar, _) => format!("{citation} (court office closed)"),
    }
}
