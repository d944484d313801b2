//! The workflow templates lexcase ships, written from the procedures they follow (see each
//! file's header). They are ordinary template data: firms copy and adapt them.

use super::WorkflowTemplate;
use crate::error::Result;

/// The built-in templates as TOML source, by id.
pub const SOURCES: [(&str, &str); 4] = [
    (
        "ew-residential-purchase",
        include_str!("ew-residential-purchase.toml"),
    ),
    (
        "ew-residential-sale",
        include_str!("ew-residential-sale.toml"),
    ),
    (
        "us-civil-litigation",
        include_str!("us-civil-litigation.toml"),
    ),
    ("generic", include_str!("generic.toml")),
];

/// Parses and checks every built-in template.
pub fn all() -> Result<Vec<WorkflowTemplate>> {
    SOURCES
        .iter()
        .map(|(_, source)| WorkflowTemplate::from_toml(source))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::ItemKind;

    #[test]
    fn every_builtin_parses_checks_and_is_named_by_its_id() {
        let all = all().unwrap();
        for ((id, _), template) in SOURCES.iter().zip(&all) {
            assert_eq!(&template.id, id);
        }
    }

    #[test]
    fn the_purchase_follows_the_protocol() {
        let t = all().unwrap().remove(0);
        assert_eq!(t.stages.len(), 6, "the six Protocol stages");
        let searches: Vec<_> = t
            .items()
            .filter_map(|(_, i)| match &i.kind {
                ItemKind::Search { name } => Some(name.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            searches,
            [
                "LLC1+CON29",
                "CON29DW",
                "environmental",
                "chancel",
                "OS1",
                "K16"
            ]
        );
        let documents: Vec<_> = t
            .items()
            .filter_map(|(_, i)| match &i.kind {
                ItemKind::Document { category } => Some(category.as_str()),
                _ => None,
            })
            .collect();
        for needed in [
            "TA6",
            "TA10",
            "TA7",
            "official_copies",
            "mortgage_offer",
            "report_on_title",
            "TA13",
        ] {
            assert!(documents.contains(&needed), "{needed}");
        }
        let (_, sdlt) = t.items().find(|(_, i)| i.id == "sdlt_return").unwrap();
        match &sdlt.kind {
            ItemKind::Task { due: Some(due), .. } => {
                assert_eq!(due.count().unwrap().days, 14);
            }
            other => panic!("{other:?}"),
        }
        assert!(!t.stage("instructions").unwrap().allow_back);
    }
}
