//! Typed durations for time entries: parsing what people type, formatting, and billed units.
//!
//! Accepted forms (case-insensitive, surrounding spaces ignored):
//! - units: `1h20m`, `1h 20m`, `1.5h`, `90m`, `45 min`, `2 hours`, `30s`; hours, then minutes,
//!   then seconds, each at most once; units `h hr hrs hour hours`, `m min mins minute minutes`,
//!   `s sec secs second seconds`;
//! - a bare number after hours is minutes: `1h20`;
//! - bare decimal hours: `0.3`, `.5`, `2`;
//! - `h:mm`: `1:20` (minutes `00`–`59`).
//!
//! Decision: hours (bare or with a unit) take at most **2 decimals**, because 0.01 h = 36 s is the
//! finest step that is still whole seconds; minutes and seconds are whole numbers. Durations over
//! 24 hours, negative values, empty text and anything else are refused with a validation error on
//! the field `duration`.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{LexcaseError, Result};

/// The longest duration one entry may record: 24 hours, in seconds.
pub const MAX_DURATION_SECONDS: u32 = 24 * 3600;

fn invalid(reason: impl Into<String>) -> LexcaseError {
    LexcaseError::validation("duration", reason)
}

const HINT: &str = "expected a duration such as 1h20m, 1.5h, 90m, 1:20 or 0.3 (hours)";

/// Parses a typed duration into whole seconds. See the module documentation for the grammar.
pub fn parse_duration(text: &str) -> Result<u32> {
    let text = text.trim().to_ascii_lowercase();
    if text.is_empty() {
        return Err(invalid("must not be empty; ".to_owned() + HINT));
    }
    if text.starts_with('-') {
        return Err(invalid("must not be negative"));
    }
    let seconds = if let Some((h, m)) = text.split_once(':') {
        parse_clock(h, m)?
    } else if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        hours_to_seconds(&text)?
    } else {
        parse_units(&text)?
    };
    if seconds > u64::from(MAX_DURATION_SECONDS) {
        return Err(invalid("longer than 24 hours"));
    }
    u32::try_from(seconds).map_err(|_| invalid("longer than 24 hours"))
}

fn parse_clock(h: &str, m: &str) -> Result<u64> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) || m.len() != 2 || h.len() > 2 {
        return Err(invalid("expected h:mm such as 1:20"));
    }
    let hours: u64 = h.parse().map_err(|_| invalid(HINT))?;
    let minutes: u64 = m.parse().map_err(|_| invalid(HINT))?;
    if minutes >= 60 {
        return Err(invalid("minutes after ':' must be 00 to 59"));
    }
    Ok(hours * 3600 + minutes * 60)
}

/// Decimal hours with at most 2 decimals (and at most 2 integer digits) to seconds.
fn hours_to_seconds(number: &str) -> Result<u64> {
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    let ok = !(whole.is_empty() && frac.is_empty())
        && whole.len() <= 2
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !(number.contains('.') && frac.is_empty());
    if !ok {
        return Err(invalid(HINT));
    }
    if frac.len() > 2 {
        return Err(invalid(
            "hours take at most 2 decimals (0.01 h = 36 s); use minutes for finer times",
        ));
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| invalid(HINT))?
    };
    let hundredths: u64 = format!("{frac:0<2}").parse().map_err(|_| invalid(HINT))?;
    Ok(whole * 3600 + hundredths * 36)
}

fn whole_number(number: &str, unit: &str) -> Result<u64> {
    if number.is_empty() || number.len() > 5 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(format!("{unit} must be a whole number")));
    }
    number.parse().map_err(|_| invalid(HINT))
}

/// `1h20m`, `1.5 hours`, `45 min`, `30s`: hours, minutes, seconds in that order, each once.
fn parse_units(text: &str) -> Result<u64> {
    let mut rest = text;
    let mut total = 0u64;
    let mut last_rank = 0u8;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at(number_len);
        if number.is_empty() {
            return Err(invalid(HINT));
        }
        let after = after.trim_start();
        let unit_len = after
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(after.len());
        let (unit, after) = after.split_at(unit_len);
        let rank = match unit {
            "h" | "hr" | "hrs" | "hour" | "hours" => 1,
            "m" | "min" | "mins" | "minute" | "minutes" => 2,
            "s" | "sec" | "secs" | "second" | "seconds" => 3,
            // `1h20`: a bare number right after hours is minutes.
            "" if last_rank == 1 && after.trim().is_empty() => 2,
            "" => return Err(invalid("a number without a unit; ".to_owned() + HINT)),
            _ => return Err(invalid("unknown unit; ".to_owned() + HINT)),
        };
        if rank <= last_rank {
            return Err(invalid("give hours, then minutes, then seconds, each once"));
        }
        last_rank = rank;
        total += match rank {
            1 => hours_to_seconds(number)?,
            2 => whole_number(number, "minutes")? * 60,
            _ => whole_number(number, "seconds")?,
        };
        rest = after.trim_start();
    }
    Ok(total)
}

/// Formats seconds compactly: `1h20m`, `45m`, `2h`, `1h30s` (zero parts are left out); zero is
/// `0m`. [`parse_duration`] reads back every output up to 24 hours.
pub fn format_duration(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 {
        out.push_str(&format!("{s}s"));
    }
    if out.is_empty() {
        out.push_str("0m");
    }
    out
}

/// Seconds as billed hours (units), rounded to 4 decimals half up: LEDES carries units to 4 dp.
pub fn hours(seconds: u64) -> Decimal {
    (Decimal::from(seconds) / Decimal::from(3600u32))
        .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
}
