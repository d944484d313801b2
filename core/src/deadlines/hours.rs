//! Hour periods (FRCP 6(a)(2)): elapsed hours from the trigger moment, across daylight-saving
//! changes; a period ending on a weekend or holiday runs to the same local clock time on the
//! next day that is neither.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::input::{ComputedDeadline, DeadlineInput, Trigger};
use super::rule::{DeadlineRule, Direction};
use super::steps::{self, Trace};
use crate::error::{LexcaseError, Result};

/// The instant of local `date` at `time` in `zone`. An ambiguous time (clocks going back)
/// takes the earlier instant; a time in a spring-forward gap takes the instant one hour later
/// on the local clock (the first that exists).
fn local_instant(zone: Tz, date: NaiveDate, time: NaiveTime) -> Result<DateTime<Utc>> {
    let local = date.and_time(time);
    let pick = |r: LocalResult<DateTime<Tz>>| match r {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.with_timezone(&Utc)),
        LocalResult::None => None,
    };
    pick(zone.from_local_datetime(&local))
        .or_else(|| {
            let later = local.checked_add_signed(Duration::hours(1))?;
            pick(zone.from_local_datetime(&later))
        })
        .ok_or_else(steps::out_of_range)
}

/// Computes an hour period, continuing `trace`; needs a [`Trigger::Moment`].
pub(super) fn compute(
    rule: &DeadlineRule,
    input: &DeadlineInput<'_>,
    mut trace: Trace,
) -> Result<ComputedDeadline> {
    let Trigger::Moment { at, zone } = input.trigger else {
        return Err(LexcaseError::validation(
            "trigger",
            "an hours period needs a trigger moment with a time zone",
        ));
    };
    input.trigger.local_date()?;
    let frcp = rule.method == super::rule::CountingMethod::Frcp6;
    let provision = |part: &str| {
        if frcp {
            format!("FRCP 6(a)(2)({part})")
        } else {
            rule.citation.clone()
        }
    };
    let start_local = at.with_timezone(&zone);
    trace.push(
        provision("A"),
        format!("counting begins immediately at {start_local} ({zone})"),
        start_local.date_naive(),
    );
    let elapsed = Duration::hours(i64::from(rule.period.amount));
    let end = match rule.direction {
        Direction::After => at.checked_add_signed(elapsed),
        Direction::Before => at.checked_sub_signed(elapsed),
    }
    .filter(super::input::moment_in_range)
    .ok_or_else(steps::out_of_range)?;
    let end_local = end.with_timezone(&zone);
    trace.push(
        provision("B"),
        format!(
            "counted {} elapsed hours, weekends and holidays included, to {end_local}",
            rule.period.amount
        ),
        end_local.date_naive(),
    );
    let clock = end_local.time();
    let mut due_at = end;
    if let Some(forward) = steps::roll_forward(rule.roll, rule.direction) {
        let day = end_local.date_naive();
        let open = steps::first_open(day, forward, |d| input.holidays.is_business_day(d))?;
        if open != day {
            due_at = local_instant(zone, open, clock)?;
            trace.push(
                steps::roll_provision(rule.method, forward, true),
                format!(
                    "the period would end on {day}, {}; it runs until the same time on {} {open}: {}",
                    steps::why_closed(day, input.holidays),
                    open.weekday(),
                    due_at.with_timezone(&zone)
                ),
                open,
            );
        }
    }
    let day = due_at.with_timezone(&zone).date_naive();
    if rule.court_office_act && !steps::office_open(day, input) {
        // FRCP 6(a)(3)(B) extends the time: forward, whichever way the hours were counted.
        let open = steps::first_open(day, true, |d| steps::office_open(d, input))?;
        due_at = local_instant(zone, open, clock)?;
        trace.push(
            steps::office_provision(rule.method, &rule.citation, true),
            format!(
                "the clerk's office is inaccessible on {day} ({}); extended to the same time on {} {open}",
                steps::why_office_closed(day, input),
                open.weekday()
            ),
            open,
        );
    }
    let due = due_at.with_timezone(&zone).date_naive();
    Ok(rule.finish(due, Some(due_at), trace))
}
