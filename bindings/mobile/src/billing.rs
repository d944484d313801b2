//! Durations as people type them, without a database: `parseDuration` and `formatDuration`.

use crate::error::Result;

/// Reads a typed duration as whole seconds: `1h20m`, `1.5h`, `90m`, `1:20` (hours:minutes) or
/// a bare number of hours such as `0.3`. More than 24 hours, a negative or unreadable text is a
/// `Validation` error (field `duration`).
#[uniffi::export]
pub fn parse_duration(text: String) -> Result<u32> {
    Ok(lexcase::billing::parse_duration(&text)?)
}

/// Writes seconds compactly: `1h20m`, `45m`, `2h`, `1h30s`; zero is `0m`. `parseDuration`
/// reads every output back.
#[uniffi::export]
pub fn format_duration(seconds: u32) -> String {
    lexcase::billing::format_duration(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::LexcaseError;

    #[test]
    fn typed_durations_read_as_seconds_and_garbage_is_a_validation_error() {
        for (text, seconds) in [
            ("1h20m", 4800),
            ("1.5h", 5400),
            ("0.3", 1080),
            ("90m", 5400),
            ("1:20", 4800),
        ] {
            assert_eq!(parse_duration(text.into()), Ok(seconds), "{text}");
        }
        assert!(matches!(
            parse_duration("soon".into()),
            Err(LexcaseError::Validation { .. })
        ));
        assert_eq!(format_duration(4800), "1h20m");
        assert_eq!(parse_duration(format_duration(4800)), Ok(4800));
    }
}
