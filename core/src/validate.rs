//! Input checks shared by every entity: bounded, printable text; email addresses; phones;
//! dates in the supported range.

use chrono::{Datelike, NaiveDate};

use crate::error::{LexcaseError, Result};

/// The years a date may fall in: 1 to 9999, what ISO 8601 dates, iCalendar, LEDES and
/// Python's `date` all hold. A computation that lands outside is refused before anything is
/// written.
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// The longest single-line text field (names, titles) accepted, in characters.
pub const MAX_LINE: usize = 300;
/// The longest multi-line text field (descriptions, reasons) accepted, in characters.
pub const MAX_TEXT: usize = 20_000;

/// The largest definition (a compliance or deadline rule pack, a workflow template, a holiday
/// calendar) accepted for parsing, in bytes.
pub const MAX_DEFINITION_BYTES: usize = 1024 * 1024;
/// The largest data file (vCards, a LEDES invoice file) accepted for parsing, in bytes.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// Refuses an input longer than `max` bytes before any parsing starts, so the work an import
/// does is bounded by what the firm allows, not by what a file holds.
pub fn import_size(field: &str, text: &str, max: usize) -> Result<()> {
    if text.len() > max {
        return Err(LexcaseError::validation(
            field,
            format!("longer than {max} bytes"),
        ));
    }
    Ok(())
}

/// Trims and checks a required single-line text: not empty, not too long, no control characters.
pub fn required_line(field: &str, value: &str) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(LexcaseError::validation(field, "must not be empty"));
    }
    optional_line(field, value).map(|v| v.unwrap_or_default())
}

/// Trims and checks an optional single-line text; empty becomes `None`.
pub fn optional_line(field: &str, value: &str) -> Result<Option<String>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > MAX_LINE {
        return Err(LexcaseError::validation(
            field,
            format!("longer than {MAX_LINE} characters"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(LexcaseError::validation(
            field,
            "contains control characters",
        ));
    }
    Ok(Some(value.to_owned()))
}

/// Checks a multi-line text: bounded, no control characters other than newlines and tabs.
pub fn text(field: &str, value: &str) -> Result<String> {
    if value.chars().count() > MAX_TEXT {
        return Err(LexcaseError::validation(
            field,
            format!("longer than {MAX_TEXT} characters"),
        ));
    }
    printable_text(field, value)
}

/// Checks a long multi-line text (the body of a communication) of at most `max_bytes` of
/// UTF-8, with no control characters other than newlines and tabs.
pub fn long_text(field: &str, value: &str, max_bytes: usize) -> Result<String> {
    if value.len() > max_bytes {
        return Err(LexcaseError::validation(
            field,
            format!("longer than {max_bytes} bytes"),
        ));
    }
    printable_text(field, value)
}

fn printable_text(field: &str, value: &str) -> Result<String> {
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(LexcaseError::validation(
            field,
            "contains control characters",
        ));
    }
    Ok(value.trim().to_owned())
}

/// Checks and normalises an email address (RFC 5322 addr-spec; the domain is lower-cased).
pub fn email(field: &str, value: &str) -> Result<String> {
    let value = value.trim();
    let parsed = email_address::EmailAddress::parse_with_options(
        value,
        email_address::Options::default()
            .without_display_text()
            .without_domain_literal(),
    )
    .map_err(|_| LexcaseError::validation(field, "not a valid email address"))?;
    if !parsed.domain().contains('.') {
        return Err(LexcaseError::validation(field, "email domain has no dot"));
    }
    Ok(format!(
        "{}@{}",
        parsed.local_part(),
        parsed.domain().to_ascii_lowercase()
    ))
}

/// Checks a telephone number: digits with optional leading `+`, spaces, dots, dashes,
/// brackets and an `x`/`ext` extension; 3 to 20 digits.
pub fn phone(field: &str, value: &str) -> Result<String> {
    let value = value.trim();
    let (main, ext) = match value.to_ascii_lowercase().find(['x', 'e']) {
        Some(i) => (&value[..i], Some(&value[i..])),
        None => (value, None),
    };
    let digits = main.chars().filter(char::is_ascii_digit).count();
    let main_ok = main
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || " .-()".contains(c) || (c == '+' && i == 0));
    let ext_ok = ext.is_none_or(|e| {
        let e = e.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '.' || c == ' ');
        !e.is_empty() && e.len() <= 6 && e.chars().all(|c| c.is_ascii_digit())
    });
    if !main_ok || !ext_ok || !(3..=20).contains(&digits) {
        return Err(LexcaseError::validation(
            field,
            "not a valid telephone number",
        ));
    }
    Ok(value.to_owned())
}

/// Checks an ISO 3166-1 alpha-2 country code (two upper-case letters).
pub fn country_code(field: &str, value: &str) -> Result<String> {
    if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(LexcaseError::validation(
            field,
            "use an ISO 3166-1 alpha-2 code such as GB or US",
        ));
    }
    Ok(value.to_owned())
}

/// Refuses a list longer than `max` items.
pub fn bounded<T>(field: &str, items: &[T], max: usize) -> Result<()> {
    if items.len() > max {
        return Err(LexcaseError::validation(
            field,
            format!("more than {max} items"),
        ));
    }
    Ok(())
}

/// Refuses a date outside the years 1 to 9999 ([`DATE_YEARS`]) as a validation error on
/// `field`.
pub fn date(field: &str, date: NaiveDate) -> Result<NaiveDate> {
    if DATE_YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(LexcaseError::validation(
            field,
            "the date falls outside the years 1 to 9999",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_in_the_years_1_to_9999() {
        let ok: NaiveDate = "9999-12-31".parse().unwrap();
        assert_eq!(date("due", ok).unwrap(), ok);
        assert!(date("due", ok.succ_opt().unwrap()).is_err());
        assert!(date("due", NaiveDate::MIN).is_err());
        assert!(date("due", "0001-01-01".parse().unwrap()).is_ok());
    }

    /// Each import is refused on its size alone: the error names the size, not what a parser
    /// would have said about the contents.
    #[test]
    fn every_import_is_bounded_before_parsing() {
        fn refused_for_size<T: std::fmt::Debug>(result: Result<T>, field: &str) {
            match result.unwrap_err() {
                LexcaseError::Validation {
                    field: f, reason, ..
                } => {
                    assert_eq!(f, field);
                    assert!(reason.starts_with("longer than"), "{reason}");
                }
                other => panic!("{other:?}"),
            }
        }
        let definition = " ".repeat(MAX_DEFINITION_BYTES + 1);
        let data = " ".repeat(MAX_IMPORT_BYTES + 1);
        refused_for_size(
            crate::rules::CompliancePack::from_toml(&definition),
            "rule_pack",
        );
        refused_for_size(
            crate::rules::CompliancePack::from_json(&definition),
            "rule_pack",
        );
        refused_for_size(
            crate::deadlines::RulePack::from_toml(&definition),
            "rule_pack",
        );
        refused_for_size(
            crate::deadlines::RulePack::from_json(&definition),
            "rule_pack",
        );
        refused_for_size(
            crate::workflow::WorkflowTemplate::from_toml(&definition),
            "template",
        );
        refused_for_size(
            crate::workflow::WorkflowTemplate::from_json(&definition),
            "template",
        );
        refused_for_size(
            crate::calendar::HolidayList::from_json(&definition),
            "calendar",
        );
        refused_for_size(crate::interchange::parse_vcards(&data), "vcard");
        refused_for_size(crate::billing::parse_ledes_1998b(&data), "ledes");
        assert!(import_size("x", &" ".repeat(10), 10).is_ok());
    }

    #[test]
    fn lines_are_trimmed_bounded_and_printable() {
        assert_eq!(required_line("name", "  Ada ").unwrap(), "Ada");
        assert!(required_line("name", "   ").is_err());
        assert!(required_line("name", &"x".repeat(MAX_LINE + 1)).is_err());
        assert!(required_line("name", "a\u{0}b").is_err());
        assert!(required_line("name", "a\nb").is_err());
        assert_eq!(optional_line("x", " ").unwrap(), None);
        assert!(text("d", "line one\nline two").is_ok());
        assert!(text("d", "bell\u{7}").is_err());
    }

    #[test]
    fn emails() {
        assert_eq!(
            email("email", " Ada@Example.COM ").unwrap(),
            "Ada@example.com"
        );
        for bad in [
            "",
            "ada",
            "ada@",
            "@x.com",
            "ada@localhost",
            "Ada <a@b.com>",
            "a b@c.com",
        ] {
            assert!(email("email", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones() {
        for good in [
            "+44 20 7946 0958",
            "(555) 010-2000",
            "020 7946 0958 ext 12",
            "999",
        ] {
            assert!(phone("phone", good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "12",
            "call me",
            "+44+20",
            "1234567890123456789012",
            "555 x",
        ] {
            assert!(phone("phone", bad).is_err(), "{bad}");
        }
    }
}
