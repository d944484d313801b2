//! A contact: a person or an organisation.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Affiliation, Email, Identifier, IdentityVerification, Phone, PostalAddress};
use crate::error::{LexcaseError, Result};
use crate::ids::ContactId;
use crate::{text, validate};

/// Person or organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ContactKind {
    /// A natural person.
    Person,
    /// A company, partnership, public body, court …
    Organisation,
}

crate::names::stable_names!(ContactKind, "kind", "contact kind", {
    Person = "person",
    Organisation = "organisation",
});

/// A contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Contact {
    /// Identifier.
    pub id: ContactId,
    /// Person or organisation.
    pub kind: ContactKind,
    /// Honorific of a person ("Dr", "Ms").
    pub title: Option<String>,
    /// Given name(s) of a person.
    pub given_name: Option<String>,
    /// Family name of a person.
    pub family_name: Option<String>,
    /// Name of an organisation.
    pub organisation_name: Option<String>,
    /// Email addresses.
    pub emails: Vec<Email>,
    /// Telephone numbers.
    pub phones: Vec<Phone>,
    /// Postal addresses.
    pub addresses: Vec<PostalAddress>,
    /// Official identifiers.
    pub identifiers: Vec<Identifier>,
    /// Links to organisations this contact works for or is a subsidiary of.
    pub affiliations: Vec<Affiliation>,
    /// Identity verification (AML).
    pub identity: IdentityVerification,
    /// When created.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What a contact is created from (and, field by field, changed with).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewContact {
    /// Person or organisation.
    pub kind: ContactKind,
    /// Honorific (persons).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub title: Option<String>,
    /// Given name(s) (persons).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub given_name: Option<String>,
    /// Family name (persons; required).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub family_name: Option<String>,
    /// Organisation name (organisations; required).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub organisation_name: Option<String>,
    /// Emails.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub emails: Vec<Email>,
    /// Phones.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phones: Vec<Phone>,
    /// Addresses.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub addresses: Vec<PostalAddress>,
    /// Identifiers.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub identifiers: Vec<Identifier>,
}

impl NewContact {
    /// A person with the given names and nothing else yet.
    pub fn person(given_name: &str, family_name: &str) -> Self {
        Self {
            kind: ContactKind::Person,
            title: None,
            given_name: Some(given_name.to_owned()),
            family_name: Some(family_name.to_owned()),
            organisation_name: None,
            emails: Vec::new(),
            phones: Vec::new(),
            addresses: Vec::new(),
            identifiers: Vec::new(),
        }
    }

    /// An organisation with the given name and nothing else yet.
    pub fn organisation(name: &str) -> Self {
        Self {
            kind: ContactKind::Organisation,
            organisation_name: Some(name.to_owned()),
            given_name: None,
            family_name: None,
            ..Self::person("", "")
        }
    }
}

/// A partial update of a contact; `None` leaves a field as it is, a list replaces the list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ContactChanges {
    /// New title; `Some("")` clears it.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub title: Option<String>,
    /// New given name; `Some("")` clears it.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub given_name: Option<String>,
    /// New family name.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub family_name: Option<String>,
    /// New organisation name.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub organisation_name: Option<String>,
    /// Replacement emails.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub emails: Option<Vec<Email>>,
    /// Replacement phones.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phones: Option<Vec<Phone>>,
    /// Replacement addresses.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub addresses: Option<Vec<PostalAddress>>,
    /// Replacement identifiers.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub identifiers: Option<Vec<Identifier>>,
}

const MAX_ITEMS: usize = 20;

fn opt_line(field: &str, v: Option<&String>) -> Result<Option<String>> {
    Ok(v.map(|v| validate::optional_line(field, v))
        .transpose()?
        .flatten())
}

/// The name to show for a contact of `kind` with these name parts: an organisation's name, or
/// a person's given and family names separated by a space (missing parts left out).
pub fn display_name_of(
    kind: ContactKind,
    given_name: Option<&str>,
    family_name: Option<&str>,
    organisation_name: Option<&str>,
) -> String {
    match kind {
        ContactKind::Organisation => organisation_name.unwrap_or_default().to_owned(),
        ContactKind::Person => [given_name, family_name]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The contact's derived name (exported to the FFI as a method of the record).
#[cfg_attr(feature = "uniffi", uniffi::export)]
impl Contact {
    /// The name to show: "Jane Smith" or "Acme Ltd" (see [`display_name_of`]).
    pub fn display_name(&self) -> String {
        display_name_of(
            self.kind,
            self.given_name.as_deref(),
            self.family_name.as_deref(),
            self.organisation_name.as_deref(),
        )
    }
}

impl Contact {
    /// Builds a contact at version 1, checking every field.
    pub fn create(new: NewContact, now: DateTime<Utc>) -> Result<Self> {
        let mut contact = Self {
            id: ContactId::new(),
            kind: new.kind,
            title: None,
            given_name: None,
            family_name: None,
            organisation_name: None,
            emails: Vec::new(),
            phones: Vec::new(),
            addresses: Vec::new(),
            identifiers: Vec::new(),
            affiliations: Vec::new(),
            identity: IdentityVerification::default(),
            created_at: now,
            version: 1,
        };
        contact.apply(ContactChanges {
            title: new.title,
            given_name: new.given_name,
            family_name: new.family_name,
            organisation_name: new.organisation_name,
            emails: Some(new.emails),
            phones: Some(new.phones),
            addresses: Some(new.addresses),
            identifiers: Some(new.identifiers),
        })?;
        Ok(contact)
    }

    /// Applies `changes`, then checks the whole contact. On error `self` may be partly changed:
    /// services apply changes to a copy.
    pub fn apply(&mut self, changes: ContactChanges) -> Result<()> {
        if changes.title.is_some() {
            self.title = opt_line("title", changes.title.as_ref())?;
        }
        if changes.given_name.is_some() {
            self.given_name = opt_line("given_name", changes.given_name.as_ref())?;
        }
        if changes.family_name.is_some() {
            self.family_name = opt_line("family_name", changes.family_name.as_ref())?;
        }
        if changes.organisation_name.is_some() {
            self.organisation_name =
                opt_line("organisation_name", changes.organisation_name.as_ref())?;
        }
        if let Some(emails) = changes.emails {
            validate::bounded("emails", &emails, MAX_ITEMS)?;
            self.emails = emails
                .iter()
                .map(|e| Email::new(&e.address, e.label.as_deref()))
                .collect::<Result<_>>()?;
        }
        if let Some(phones) = changes.phones {
            validate::bounded("phones", &phones, MAX_ITEMS)?;
            self.phones = phones
                .iter()
                .map(|p| Phone::new(&p.number, p.label.as_deref()))
                .collect::<Result<_>>()?;
        }
        if let Some(addresses) = changes.addresses {
            validate::bounded("addresses", &addresses, MAX_ITEMS)?;
            self.addresses = addresses
                .into_iter()
                .map(PostalAddress::checked)
                .collect::<Result<_>>()?;
        }
        if let Some(identifiers) = changes.identifiers {
            validate::bounded("identifiers", &identifiers, MAX_ITEMS)?;
            self.identifiers = identifiers
                .iter()
                .map(|i| Identifier::new(i.kind, &i.value, i.jurisdiction.as_deref()))
                .collect::<Result<_>>()?;
        }
        self.check_names()
    }

    fn check_names(&self) -> Result<()> {
        match self.kind {
            ContactKind::Person => {
                if self.family_name.is_none() {
                    return Err(LexcaseError::validation("family_name", "must not be empty"));
                }
                if self.organisation_name.is_some() {
                    return Err(LexcaseError::validation(
                        "organisation_name",
                        "a person has no organisation name; use an affiliation",
                    ));
                }
            }
            ContactKind::Organisation => {
                if self.organisation_name.is_none() {
                    return Err(LexcaseError::validation(
                        "organisation_name",
                        "must not be empty",
                    ));
                }
                if self.given_name.is_some() || self.family_name.is_some() || self.title.is_some() {
                    return Err(LexcaseError::validation(
                        "family_name",
                        "an organisation has no personal names",
                    ));
                }
            }
        }
        Ok(())
    }

    /// The key to sort by, folded (see [`text::fold`]): "smith jane" or "acme ltd", so that
    /// "Müller" sorts with "Muller".
    pub fn sort_name(&self) -> String {
        text::fold(&match self.kind {
            ContactKind::Organisation => self.display_name(),
            ContactKind::Person => [self.family_name.as_deref(), self.given_name.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
        })
    }

    /// The folded search key of the name (see [`text::fold`]); stores match prefixes of its words.
    pub fn search_key(&self) -> String {
        text::fold(&self.display_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persons_need_a_family_name_and_organisations_a_name() {
        let now = Utc::now();
        assert!(Contact::create(NewContact::person("Jane", ""), now).is_err());
        assert!(Contact::create(NewContact::organisation("  "), now).is_err());
        let jane = Contact::create(NewContact::person(" Jane ", "Smith"), now).unwrap();
        assert_eq!(jane.display_name(), "Jane Smith");
        assert_eq!(jane.sort_name(), "smith jane");
        let mut org = NewContact::organisation("Acme Ltd");
        org.family_name = Some("X".into());
        assert!(Contact::create(org, now).is_err());
    }

    #[test]
    fn garbage_details_are_refused() {
        let now = Utc::now();
        let mut new = NewContact::person("Jane", "Smith");
        new.emails = vec![Email {
            address: "not-an-email".into(),
            label: None,
        }];
        assert!(Contact::create(new.clone(), now).is_err());
        new.emails = vec![
            Email {
                address: "j@x.com".into(),
                label: None
            };
            MAX_ITEMS + 1
        ];
        assert!(Contact::create(new.clone(), now).is_err());
        new.emails = Vec::new();
        new.phones = vec![Phone {
            number: "ring ring".into(),
            label: None,
        }];
        assert!(Contact::create(new.clone(), now).is_err());
        new.phones = Vec::new();
        new.addresses = vec![PostalAddress {
            lines: vec![],
            locality: None,
            region: None,
            postal_code: None,
            country: None,
            label: None,
        }];
        assert!(Contact::create(new, now).is_err());
    }
}
