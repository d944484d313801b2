//! VTIMEZONE components (RFC 5545 §3.6.5) generated from the IANA database in chrono-tz.
//!
//! Rather than guessing RRULEs, every transition in the covered years is listed as its own
//! STANDARD or DAYLIGHT observance; the first observance starts at the beginning of the range
//! so that every time in it is covered. Transitions are found by sampling the offset once a
//! day, then narrowing each change down to the second.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::contentline::escape_text;

/// The offset state of a zone at an instant: UTC offset, whether it is daylight time, name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Observance {
    offset_seconds: i32,
    daylight: bool,
    name: Option<String>,
}

fn observance(tz: Tz, at: DateTime<Utc>) -> Observance {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc());
    Observance {
        offset_seconds: offset.fix().local_minus_utc(),
        daylight: !offset.dst_offset().is_zero(),
        name: offset.abbreviation().map(str::to_owned),
    }
}

/// A UTC offset as `-0500`, or `+053028` when it has seconds.
fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

/// One change of observance: at `at` (UTC) the zone moves from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Transition {
    at: DateTime<Utc>,
    from: Observance,
    to: Observance,
}

fn year_start(year: i32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap_or(NaiveDate::MIN)
        .and_time(chrono::NaiveTime::MIN)
        .and_utc()
}

/// Every transition of `tz` from the start of `first_year` to the end of `last_year`.
fn transitions(tz: Tz, first_year: i32, last_year: i32) -> Vec<Transition> {
    let end = year_start(last_year.saturating_add(1));
    let mut found = Vec::new();
    let mut before = year_start(first_year);
    let mut state = observance(tz, before);
    while before < end {
        let after = before + Duration::days(1);
        let next = observance(tz, after);
        if next != state {
            // Narrow down: `lo` still has the old state, `hi` the new one.
            let (mut lo, mut hi) = (before, after);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if observance(tz, mid) == state {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let to = observance(tz, hi);
            found.push(Transition {
                at: hi,
                from: state,
                to: to.clone(),
            });
            state = to;
            // A second change on the same day is picked up when the day is sampled again.
            if state != next {
                before = hi;
                continue;
            }
        }
        before = after;
    }
    found
}

/// One STANDARD or DAYLIGHT block starting at wall-clock `local` (in the `from` offset).
fn push_observance(
    lines: &mut Vec<String>,
    kind: &str,
    local: NaiveDateTime,
    from: &Observance,
    to: &Observance,
) {
    lines.push(format!("BEGIN:{kind}"));
    lines.push(format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")));
    lines.push(format!(
        "TZOFFSETFROM:{}",
        format_offset(from.offset_seconds)
    ));
    lines.push(format!("TZOFFSETTO:{}", format_offset(to.offset_seconds)));
    if let Some(name) = &to.name {
        lines.push(format!("TZNAME:{}", escape_text(name)));
    }
    lines.push(format!("END:{kind}"));
}

/// The logical (unfolded) content lines of a VTIMEZONE for `tz` covering the years
/// `first_year..=last_year`.
pub(crate) fn vtimezone_lines(tz: Tz, first_year: i32, last_year: i32) -> Vec<String> {
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", tz.name())];
    let start = year_start(first_year);
    let initial = observance(tz, start);
    let changes = transitions(tz, first_year, last_year);
    let kind = |o: &Observance| if o.daylight { "DAYLIGHT" } else { "STANDARD" };
    let first_kind = if changes.is_empty() {
        "STANDARD"
    } else {
        kind(&initial)
    };
    // The first observance starts at local midnight on 1 January of the first year.
    push_observance(
        &mut lines,
        first_kind,
        start.naive_utc(),
        &initial,
        &initial,
    );
    for change in &changes {
        let local =
            change.at.naive_utc() + Duration::seconds(i64::from(change.from.offset_seconds));
        push_observance(
            &mut lines,
            kind(&change.to),
            local,
            &change.from,
            &change.to,
        );
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(lines: &[String]) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let mut current: Option<Vec<String>> = None;
        for l in lines {
            if l == "BEGIN:STANDARD" || l == "BEGIN:DAYLIGHT" {
                current = Some(vec![l.clone()]);
            } else if let Some(block) = current.as_mut() {
                block.push(l.clone());
                if l.starts_with("END:") {
                    out.extend(current.take());
                }
            }
        }
        out
    }

    #[test]
    fn new_york_2026_has_march_and_november_transitions() {
        let lines = vtimezone_lines(chrono_tz::America::New_York, 2026, 2026);
        assert_eq!(lines[1], "TZID:America/New_York");
        let b = blocks(&lines);
        assert_eq!(b.len(), 3, "{lines:?}");
        assert_eq!(
            b[0][..4],
            [
                "BEGIN:STANDARD",
                "DTSTART:20260101T000000",
                "TZOFFSETFROM:-0500",
                "TZOFFSETTO:-0500"
            ]
        );
        assert_eq!(
            b[1],
            [
                "BEGIN:DAYLIGHT",
                "DTSTART:20260308T020000",
                "TZOFFSETFROM:-0500",
                "TZOFFSETTO:-0400",
                "TZNAME:EDT",
                "END:DAYLIGHT"
            ]
        );
        assert_eq!(
            b[2],
            [
                "BEGIN:STANDARD",
                "DTSTART:20261101T020000",
                "TZOFFSETFROM:-0400",
                "TZOFFSETTO:-0500",
                "TZNAME:EST",
                "END:STANDARD"
            ]
        );
    }

    #[test]
    fn london_and_zones_without_transitions() {
        let lines = vtimezone_lines(chrono_tz::Europe::London, 2025, 2027);
        let b = blocks(&lines);
        assert_eq!(b.len(), 7);
        assert!(
            b.iter()
                .any(|b| b[1] == "DTSTART:20260329T010000" && b[3] == "TZOFFSETTO:+0100")
        );
        assert!(
            b.iter()
                .any(|b| b[1] == "DTSTART:20261025T020000" && b[3] == "TZOFFSETTO:+0000")
        );
        let tokyo = blocks(&vtimezone_lines(chrono_tz::Asia::Tokyo, 2025, 2027));
        assert_eq!(tokyo.len(), 1);
        assert_eq!(tokyo[0][0], "BEGIN:STANDARD");
        assert_eq!(tokyo[0][3], "TZOFFSETTO:+0900");
        assert_eq!(format_offset(-(5 * 3600 + 30 * 60 + 28)), "-053028");
    }
}
