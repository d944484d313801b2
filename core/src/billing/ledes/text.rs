//! Field checks and conversions shared by the LEDES writer and reader: ASCII text, ids,
//! numbers and dates.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::error::{LexcaseError, Result};

/// Characters without a canonical decomposition, spelt in ASCII.
const TABLE: &[(char, &str)] = &[
    ('Æ', "AE"),
    ('æ', "ae"),
    ('Ø', "O"),
    ('ø', "o"),
    ('Œ', "OE"),
    ('œ', "oe"),
    ('ß', "ss"),
    ('Ł', "L"),
    ('ł', "l"),
    ('Đ', "D"),
    ('đ', "d"),
    ('Þ', "Th"),
    ('þ', "th"),
    ('ı', "i"),
    ('‘', "'"),
    ('’', "'"),
    ('‚', "'"),
    ('“', "\""),
    ('”', "\""),
    ('„', "\""),
    ('–', "-"),
    ('—', "-"),
    ('‐', "-"),
    ('…', "..."),
    ('€', "EUR"),
    ('\u{a0}', " "),
];

/// Makes free text (descriptions, names) LEDES-safe: accents are transliterated (`é` → `e`,
/// `ß` → `ss`, curly quotes → straight), `|`, line breaks, tabs and other control characters
/// become spaces; any other non-ASCII character is a validation error naming `field`.
pub(crate) fn ascii_text(field: &str, value: &str) -> Result<String> {
    let mut out = String::with_capacity(value.len());
    for c in value.nfd() {
        if c.is_ascii() {
            out.push(if c == '|' || c.is_ascii_control() {
                ' '
            } else {
                c
            });
        } else if is_combining_mark(c) {
            continue;
        } else if let Some((_, ascii)) = TABLE.iter().find(|(from, _)| *from == c) {
            out.push_str(ascii);
        } else if c.is_control() || c.is_whitespace() {
            out.push(' ');
        } else {
            return Err(LexcaseError::validation(
                field,
                "contains a character that LEDES (ASCII only) cannot carry",
            ));
        }
    }
    Ok(out)
}

/// Checks an id-like field: printable ASCII without `|`, `[` or `]`, at most `max` characters,
/// not empty when `required`.
pub(crate) fn id(field: &str, value: &str, max: usize, required: bool) -> Result<()> {
    if required && value.is_empty() {
        return Err(LexcaseError::validation(field, "is required"));
    }
    if !value
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) && !matches!(b, b'|' | b'[' | b']'))
    {
        return Err(LexcaseError::validation(
            field,
            "must be printable ASCII without '|', '[' or ']'",
        ));
    }
    if value.len() > max {
        return Err(LexcaseError::validation(
            field,
            format!("longer than {max} characters"),
        ));
    }
    Ok(())
}

/// Checks an invoice number: 1–20 characters `[A-Za-z0-9]`.
pub(crate) fn invoice_number(field: &str, value: &str) -> Result<()> {
    if value.is_empty() || value.len() > 20 || !value.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(LexcaseError::validation(
            field,
            "must be 1 to 20 letters or digits",
        ));
    }
    Ok(())
}

/// `YYYYMMDD`.
pub(crate) fn format_date(field: &str, date: NaiveDate) -> Result<String> {
    if !(1..=9999).contains(&date.year()) {
        return Err(LexcaseError::validation(field, "year outside 0001-9999"));
    }
    Ok(date.format("%Y%m%d").to_string())
}

/// Parses `YYYYMMDD` (exactly 8 digits, a real calendar date).
pub(crate) fn parse_date(value: &str) -> Option<NaiveDate> {
    if value.len() != 8 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y = value.get(0..4)?.parse().ok()?;
    let m = value.get(4..6)?.parse().ok()?;
    let d = value.get(6..8)?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses the LEDES number grammar: optional `-`, 1–10 digits, optionally `.` and 0–4 digits.
pub(crate) fn parse_number(value: &str) -> Option<Decimal> {
    let unsigned = value.strip_prefix('-').unwrap_or(value);
    let (whole, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 10 || frac.len() > 4 || !digits(whole) || !digits(frac) {
        return None;
    }
    let clean = value.strip_suffix('.').unwrap_or(value);
    clean.parse().ok()
}

/// The number of decimals `value` really has (trailing zeros ignored).
pub(crate) fn decimals(value: Decimal) -> u32 {
    value.normalize().scale()
}

/// Formats a number with its trailing zeros trimmed (`2`, `1.5`, `0.1667`; zero is `0`).
pub(crate) fn format_units(value: Decimal) -> String {
    if value.is_zero() {
        return "0".to_owned();
    }
    value.normalize().to_string()
}

/// Formats money: whole amounts without decimals (`800`), others with exactly two (`289.50`).
pub(crate) fn format_money(value: Decimal) -> String {
    let v = value.normalize();
    if v.is_zero() {
        "0".to_owned()
    } else if v.scale() == 0 {
        v.to_string()
    } else {
        format!("{v:.2}")
    }
}

/// Checks a number fits the LEDES grammar after formatting: at most 10 integer digits and
/// `max_decimals` decimals.
pub(crate) fn fits(field: &str, value: Decimal, max_decimals: u32) -> Result<()> {
    if decimals(value) > max_decimals {
        return Err(LexcaseError::validation(
            field,
            format!("more than {max_decimals} decimals"),
        ));
    }
    if value.abs() >= Decimal::from(10_000_000_000i64) {
        return Err(LexcaseError::validation(
            field,
            "more than 10 digits before the decimal point",
        ));
    }
    Ok(())
}
