//! Compliance packs without a database: the built-in packs and a firm's own packs from TOML
//! or JSON, checked as they load.

use crate::error::Result;
use crate::records::CompliancePack;

/// The compliance packs lexcase ships: `core`, `ew-conveyancing`, `ew-litigation` and `us`.
#[uniffi::export]
pub fn builtin_compliance_packs() -> Vec<CompliancePack> {
    CompliancePack::builtin()
}

/// Parses and checks a compliance pack written in TOML (`[[rules]]` and `[[tests]]`
/// tables); text that does not parse, an unknown fact or a bad condition is a `Validation`
/// error.
#[uniffi::export]
pub fn compliance_pack_from_toml(text: String) -> Result<CompliancePack> {
    Ok(CompliancePack::from_toml(&text)?)
}

/// Parses and checks a compliance pack written in JSON; text that does not parse, an unknown
/// fact or a bad condition is a `Validation` error.
#[uniffi::export]
pub fn compliance_pack_from_json(text: String) -> Result<CompliancePack> {
    Ok(CompliancePack::from_json(&text)?)
}

#[cfg(test)]
mod tests {
    use lexcase::rules::TestFacts;
    use uniffi::{Lift, Lower};

    use super::*;
    use crate::convert::wire;
    use crate::error::LexcaseError;

    const PACK: &str = r#"
id = "smith-co"
version = 1
title = "Smith & Co house rules"

[[rules]]
id = "high_wip"
version = 1
title = "WIP above 10,000 needs a bill"
condition = 'time.unbilled_value > 10000.0'
severity = "warn"
message = "Matter {matter.number} has {time.unbilled_value} unbilled."
remedy = "Bill the client."

[[tests]]
name = "fires above the limit"
facts = { time = { unbilled_value = 12000.0 } }
expect = ["high_wip"]
"#;

    #[test]
    fn test_facts_cross_as_json_text_and_bad_packs_are_refused_as_they_load() {
        let pack = compliance_pack_from_toml(PACK.into()).unwrap();
        let mut lowered = Vec::new();
        <TestFacts as Lower<lexcase::UniFfiTag>>::write(pack.tests[0].facts.clone(), &mut lowered);
        assert_eq!(
            <String as Lift<crate::UniFfiTag>>::try_read(&mut lowered.as_slice()).unwrap(),
            r#"{"time":{"unbilled_value":12000.0}}"#
        );
        let lifted = <TestFacts as Lift<lexcase::UniFfiTag>>::try_read(
            &mut wire(r#"{"time":{"unbilled_value":12000.0}}"#).as_slice(),
        )
        .unwrap();
        assert_eq!(lifted, pack.tests[0].facts);
        let error =
            <TestFacts as Lift<lexcase::UniFfiTag>>::try_read(&mut wire("{time").as_slice())
                .unwrap_err();
        assert!(matches!(
            error.downcast::<LexcaseError>(),
            Ok(LexcaseError::Validation { field, .. }) if field == "facts"
        ));

        assert!(matches!(
            compliance_pack_from_toml(
                PACK.replace("time.unbilled_value > 10000.0", "time.no_such_fact > 1")
            ),
            Err(LexcaseError::Validation { .. })
        ));
        assert!(matches!(
            compliance_pack_from_json("{".into()),
            Err(LexcaseError::Validation { field, .. }) if field == "rule_pack"
        ));
        let ids: Vec<String> = builtin_compliance_packs()
            .into_iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(ids, ["core", "ew-conveyancing", "ew-litigation", "us"]);
    }
}
