//! CPR 2.8 counting: clear days (the last day for an act, or the earliest day for a later
//! event), short periods that skip weekends and holidays, and calendar months under CPR 2.10.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::question::Question;
use super::rule::{DeadlineRule, Direction, PeriodUnit};
use super::steps::{self, Trace};
use crate::calendar::{HolidayCalendar, easter_sunday};
use crate::error::{LexcaseError, Result};

/// Periods of this many days or fewer skip non-counting days (CPR 2.8(4)).
const SHORT_PERIOD: u32 = 5;

/// Why `date` does not count in a short period (CPR 2.8(4)), if it does not.
fn not_counted(date: NaiveDate, holidays: &dyn HolidayCalendar) -> Option<String> {
    let good_friday =
        easter_sunday(date.year()).and_then(|e| e.checked_sub_signed(Duration::days(2)));
    match date.weekday() {
        Weekday::Sat => Some("a Saturday".to_owned()),
        Weekday::Sun => Some("a Sunday".to_owned()),
        _ if date.month() == 12 && date.day() == 25 => Some("Christmas Day".to_owned()),
        _ if good_friday == Some(date) => Some("Good Friday".to_owned()),
        _ if holidays.is_holiday(date) => Some(format!("a bank holiday ({})", holidays.id())),
        _ => None,
    }
}

/// The last day of `rule`'s period from `start` under CPR 2.8 (before any roll or CPR 2.8(5)).
pub(super) fn count(
    rule: &DeadlineRule,
    start: NaiveDate,
    holidays: &dyn HolidayCalendar,
    trace: &mut Trace,
) -> Result<NaiveDate> {
    let amount = rule.period.amount;
    let direction = rule.direction;
    match rule.period.unit {
        PeriodUnit::Months | PeriodUnit::Years => {
            let end = steps::every_day_end(start, rule.period, direction, rule.options.month_end)?;
            trace.push(
                "CPR 2.10",
                format!(
                    "{amount} calendar {} {} {start} is {} {end}",
                    rule.period.unit,
                    way(direction),
                    end.weekday()
                ),
                end,
            );
            Ok(end)
        }
        PeriodUnit::Days | PeriodUnit::Weeks => {
            let days = if rule.period.unit == PeriodUnit::Weeks {
                amount * 7
            } else {
                amount
            };
            clear_days(days, rule.answers, direction, start, holidays, trace)
        }
        PeriodUnit::Hours => Err(LexcaseError::validation(
            "period",
            "CPR 2.8 does not count hours",
        )),
    }
}

fn way(direction: Direction) -> &'static str {
    match direction {
        Direction::After => "after",
        Direction::Before => "before",
    }
}

/// CPR 2.8(2)–(4): `days` clear days after the start, or between the act and the event.
/// For [`Question::EarliestDayForEvent`] the start is the step and the result the earliest
/// day of the later event.
fn clear_days(
    days: u32,
    question: Question,
    direction: Direction,
    start: NaiveDate,
    holidays: &dyn HolidayCalendar,
    trace: &mut Trace,
) -> Result<NaiveDate> {
    let (provision, what) = match (direction, question) {
        (Direction::Before, _) => ("CPR 2.8(3)(b)", "the day of the event"),
        (Direction::After, Question::LastDayForAct) => {
            ("CPR 2.8(3)(a)", "the day the period begins")
        }
        (Direction::After, Question::EarliestDayForEvent) => {
            ("CPR 2.8(3)(a)", "the day of the step")
        }
    };
    trace.push(provision, format!("{what}, {start}, is not counted"), start);
    let forward = direction == Direction::After;
    let short = days <= SHORT_PERIOD;
    let mut day = start;
    let mut counted = 0;
    while counted < days {
        day = if forward {
            day.succ_opt()
        } else {
            day.pred_opt()
        }
        .ok_or_else(steps::out_of_range)?;
        match not_counted(day, holidays).filter(|_| short) {
            Some(why) => trace.push(
                "CPR 2.8(4)",
                format!(
                    "{day} is {why} and does not count in a period of {SHORT_PERIOD} days or less"
                ),
                day,
            ),
            None => counted += 1,
        }
    }
    trace.push(
        "CPR 2.8(2)",
        format!(
            "counted {days} clear days {} {start}, to {} {day}",
            way(direction),
            day.weekday()
        ),
        day,
    );
    match (forward, question) {
        (true, Question::LastDayForAct) => Ok(day),
        (true, Question::EarliestDayForEvent) => {
            let event_day = day.succ_opt().ok_or_else(steps::out_of_range)?;
            trace.push(
                "CPR 2.8(3)(b)",
                format!(
                    "the day of the event is not counted either: it may take place on {} {event_day} at the earliest",
                    event_day.weekday()
                ),
                event_day,
            );
            Ok(event_day)
        }
        (false, _) => {
            let act_day = day.pred_opt().ok_or_else(steps::out_of_range)?;
            trace.push(
                "CPR 2.8(3)(a)",
                format!(
                    "the day of the act is not counted either: it must be done by {} {act_day}",
                    act_day.weekday()
                ),
                act_day,
            );
            Ok(act_day)
        }
    }
}
