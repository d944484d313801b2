//! Compliance packs without a database: the built-in packs and a firm's own packs from TOML
//! or JSON, checked as they load.

use lexcase::rules::CompliancePack as CoreCompliancePack;

use crate::convert::all;
use crate::error::Result;
use crate::records::CompliancePack;

/// The compliance packs lexcase ships: `core`, `ew-conveyancing`, `ew-litigation` and `us`.
#[uniffi::export]
pub fn builtin_compliance_packs() -> Vec<CompliancePack> {
    all(CoreCompliancePack::builtin())
}

/// Parses and checks a compliance pack written in TOML (`[[rules]]` and `[[tests]]`
/// tables); text that does not parse, an unknown fact or a bad condition is a `Validation`
/// error.
#[uniffi::export]
pub fn compliance_pack_from_toml(text: String) -> Result<CompliancePack> {
    Ok(CoreCompliancePack::from_toml(&text)?.into())
}

/// Parses and checks a compliance pack written in JSON; text that does not parse, an unknown
/// fact or a bad condition is a `Validation` error.
#[uniffi::export]
pub fn compliance_pack_from_json(text: String) -> Result<CompliancePack> {
    Ok(CoreCompliancePack::from_json(&text)?.into())
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn packs_round_trip_through_the_core_loading_and_bad_ones_are_refused() {
        let pack = compliance_pack_from_toml(PACK.into()).unwrap();
        assert_eq!(
            pack.tests[0].facts,
            r#"{"time":{"unbilled_value":12000.0}}"#
        );
        let core = CoreCompliancePack::try_from(pack.clone()).unwrap();
        assert_eq!(CompliancePack::from(core), pack);

        let mut bad_facts = pack.clone();
        bad_facts.tests[0].facts = "{time".into();
        assert!(matches!(
            CoreCompliancePack::try_from(bad_facts),
            Err(LexcaseError::Validation { field, .. }) if field == "facts"
        ));
        let mut unknown_fact = pack.clone();
        unknown_fact.rules[0].condition = "time.no_such_fact > 1".into();
        assert!(matches!(
            CoreCompliancePack::try_from(unknown_fact),
            Err(LexcaseError::Validation { .. })
        ));
        let mut not_cel = pack;
        not_cel.rules[0].condition = "time.unbilled_value >>> 1".into();
        assert!(matches!(
            CoreCompliancePack::try_from(not_cel),
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
