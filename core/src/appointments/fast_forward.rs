//! Moving a series' start forward by whole periods of its rule, to just before a window, so
//! that expanding the window does not step through every earlier occurrence.
//!
//! Why the occurrences stay the same: the `rrule` crate fills in the BYxxx parts a rule
//! leaves out (the time of day, the weekday, the day of the month) from the original start
//! when it builds the rule, and keeps them in the built rule; it then counts periods in local
//! wall-clock time from the start — INTERVAL days, weeks, hours…, or months and years from
//! the start's month or year. A start moved by a whole number of INTERVALs of periods (to the
//! first instant of the month or year for monthly and yearly rules, whose days differ in
//! number) therefore lands on a period the original series has too, and every period from
//! there on is the same. BYSETPOS picks within one period, but the crate picks within the
//! first period only among the days from the start on (a weekly rule started on a Saturday
//! has no second day in its first week), so a rule with BYSETPOS is moved one INTERVAL less:
//! its first, shortened period then ends before the window. Other occurrences of the first,
//! moved period that fall before the new start are before the window anyway.
//! A rule with COUNT is not moved (its count runs from the original start), nor a set with
//! more than one rule or with extra or excluded dates, nor an HOURLY, MINUTELY or SECONDLY
//! rule that filters days (BYDAY, BYMONTHDAY, BYMONTH, BYYEARDAY, BYWEEKNO, BYSETPOS): the
//! crate skips the days such a rule leaves out in a way that depends on where it starts (it
//! can miss an occurrence from some starts), so only stepping from the original start gives
//! its series. Those rules need COUNT or UNTIL, so their expansion is bounded anyway.

use chrono::{DateTime, Datelike, Days, Duration, Months, NaiveDate, NaiveDateTime, TimeZone, Utc};
use rrule::{Frequency, RRule, RRuleSet, Tz, Unvalidated};

/// How far before the window the moved start stays: more than any clock change, so an
/// occurrence in the window never has a local time before the new start.
const MARGIN: Duration = Duration::days(2);

/// The local start `k` whole periods of `freq` after `start`, where a period of a monthly
/// or yearly rule begins at the first instant of its month or year.
fn moved(start: NaiveDateTime, freq: Frequency, k: i64) -> Option<NaiveDateTime> {
    let months = |m: i64| {
        let first = start.date().with_day(1)?;
        let first = match freq {
            Frequency::Yearly => first.with_month(1)?,
            _ => first,
        };
        first
            .checked_add_months(Months::new(u32::try_from(m).ok()?))
            .map(|d| d.and_hms_opt(0, 0, 0))?
    };
    match freq {
        Frequency::Yearly => months(k.checked_mul(12)?),
        Frequency::Monthly => months(k),
        Frequency::Weekly => {
            start.checked_add_days(Days::new(u64::try_from(k.checked_mul(7)?).ok()?))
        }
        Frequency::Daily => start.checked_add_days(Days::new(u64::try_from(k).ok()?)),
        Frequency::Hourly => start.checked_add_signed(Duration::try_hours(k)?),
        Frequency::Minutely => start.checked_add_signed(Duration::try_minutes(k)?),
        Frequency::Secondly => start.checked_add_signed(Duration::try_seconds(k)?),
    }
}

/// Whole periods of `freq` from `start` to `target` (both local).
fn periods(start: NaiveDateTime, target: NaiveDateTime, freq: Frequency) -> i64 {
    let months = |a: NaiveDate, b: NaiveDate| {
        (i64::from(b.year()) * 12 + i64::from(b.month0()))
            - (i64::from(a.year()) * 12 + i64::from(a.month0()))
    };
    let between = target - start;
    match freq {
        Frequency::Yearly => i64::from(target.year() - start.year()),
        Frequency::Monthly => months(start.date(), target.date()),
        Frequency::Weekly => between.num_days() / 7,
        Frequency::Daily => between.num_days(),
        Frequency::Hourly => between.num_hours(),
        Frequency::Minutely => between.num_minutes(),
        Frequency::Secondly => between.num_seconds(),
    }
}

/// Whether a rule filters days: BYDAY, BYMONTHDAY (negative days included), BYMONTH,
/// BYYEARDAY, BYWEEKNO or BYSETPOS. Read from the rule as written: building it fills some in.
pub(crate) fn filters_days(rule: &RRule<Unvalidated>) -> bool {
    !(rule.get_by_weekday().is_empty()
        && rule.get_by_month_day().is_empty()
        && rule.get_by_month().is_empty()
        && rule.get_by_year_day().is_empty()
        && rule.get_by_week_no().is_empty()
        && rule.get_by_set_pos().is_empty())
}

/// The series with its start moved forward by whole periods to shortly before `from`, when
/// the rule allows it and it is worth it; `None` otherwise (expand the series as it is).
/// `filters_days` says whether the rule as written filters days ([`filters_days`]).
pub(crate) fn fast_forward(
    series: &RRuleSet,
    from: DateTime<Utc>,
    filters_days: bool,
) -> Option<RRuleSet> {
    let [rule] = series.get_rrule().as_slice() else {
        return None;
    };
    let plain = series.get_rdate().is_empty()
        && series.get_exrule().is_empty()
        && series.get_exdate().is_empty();
    if rule.get_count().is_some() || !plain {
        return None;
    }
    let start = *series.get_dt_start();
    let tz: Tz = start.timezone();
    let local_start = start.naive_local();
    let target = from
        .with_timezone(&tz)
        .naive_local()
        .checked_sub_signed(MARGIN)?;
    let interval = i64::from(rule.get_interval());
    if interval == 0 || target <= local_start {
        return None;
    }
    let freq = rule.get_freq();
    let finer_than_daily = matches!(
        freq,
        Frequency::Hourly | Frequency::Minutely | Frequency::Secondly
    );
    if finer_than_daily && filters_days {
        return None;
    }
    // Whole INTERVALs of periods that fit before the target; fewer when the local time
    // they land on does not exist (a clock change).
    let short_first_period = i64::from(!rule.get_by_set_pos().is_empty());
    let mut intervals = periods(local_start, target, freq) / interval - short_first_period;
    while intervals >= 1 {
        let moved_start = moved(local_start, freq, intervals.checked_mul(interval)?)?;
        if let Some(new_start) = tz.from_local_datetime(&moved_start).earliest() {
            return Some(RRuleSet::new(new_start).rrule(rule.clone()));
        }
        intervals -= 1;
    }
    None
}
