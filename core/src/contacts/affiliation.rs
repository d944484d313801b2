//! Affiliations between contacts: a person works for an organisation; an organisation is a
//! subsidiary of another. Conflict checks follow these links.

use serde::{Deserialize, Serialize};

use super::ContactKind;
use crate::error::{LexcaseError, Result};
use crate::ids::ContactId;
use crate::validate;

/// The kind of an affiliation, read "this contact `kind` the other".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AffiliationKind {
    /// A person works for (is employed by, an officer of) an organisation.
    WorksFor,
    /// An organisation is a subsidiary of another organisation.
    SubsidiaryOf,
}

crate::names::stable_names!(AffiliationKind, "affiliation", "affiliation kind", {
    WorksFor = "works_for",
    SubsidiaryOf = "subsidiary_of",
});

impl AffiliationKind {
    /// Checks that a contact of kind `from` may be affiliated this way to one of kind `to`.
    pub fn check(self, from: ContactKind, to: ContactKind) -> Result<()> {
        let ok = match self {
            Self::WorksFor => from == ContactKind::Person && to == ContactKind::Organisation,
            Self::SubsidiaryOf => {
                from == ContactKind::Organisation && to == ContactKind::Organisation
            }
        };
        if ok {
            Ok(())
        } else {
            Err(LexcaseError::validation(
                "affiliation",
                match self {
                    Self::WorksFor => "only a person works for an organisation",
                    Self::SubsidiaryOf => "only an organisation is a subsidiary of an organisation",
                },
            ))
        }
    }
}

/// This contact is affiliated to `other`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Affiliation {
    /// How.
    pub kind: AffiliationKind,
    /// To whom.
    pub other: ContactId,
    /// Position or description, e.g. "Finance Director".
    pub position: Option<String>,
}

impl Affiliation {
    /// Checks an affiliation's own fields (kinds of both ends are checked by the service).
    pub fn new(kind: AffiliationKind, other: ContactId, position: Option<&str>) -> Result<Self> {
        Ok(Self {
            kind,
            other,
            position: position
                .map(|p| validate::optional_line("position", p))
                .transpose()?
                .flatten(),
        })
    }
}
