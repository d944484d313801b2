//! People in the merge model: contacts, parties and fee earners.

use serde::{Deserialize, Serialize};

use super::label;
use crate::contacts::{Contact, ContactKind, IdentifierKind, PostalAddress};
use crate::matters::MatterRole;
use crate::templates::Locale;
use crate::users::User;

/// `client.*`, `clients[].*`: a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactFields {
    /// The name to show: "Jane Smith" or "Acme Ltd".
    pub name: String,
    /// `person` or `organisation`.
    pub kind: String,
    /// Title, e.g. "Ms".
    pub title: String,
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// How a letter to them opens: "Dear Ms Smith", "Dear Jane Smith", "Dear Sir or Madam".
    pub salutation: String,
    /// First email address.
    pub email: String,
    /// First telephone number.
    pub phone: String,
    /// First postal address, one line each (street lines, town, region, postcode, country).
    pub address: Vec<String>,
    /// VAT number, if they have one.
    pub vat_number: String,
    /// Their reference on the matter.
    pub reference: String,
}

fn address_lines(address: Option<&PostalAddress>) -> Vec<String> {
    let Some(a) = address else {
        return Vec::new();
    };
    let mut lines = a.lines.clone();
    let town = [a.locality.as_deref(), a.region.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    lines.extend([town, a.postal_code.clone().unwrap_or_default()]);
    lines.extend(a.country.clone());
    lines.retain(|l| !l.trim().is_empty());
    lines
}

impl ContactFields {
    /// A contact's fields, with their reference on the matter.
    pub fn of(contact: &Contact, reference: Option<&str>) -> Self {
        let title = contact.title.clone().unwrap_or_default();
        let family = contact.family_name.clone().unwrap_or_default();
        let name = contact.display_name();
        let salutation = match contact.kind {
            ContactKind::Organisation => "Dear Sir or Madam".to_owned(),
            ContactKind::Person if !title.is_empty() && !family.is_empty() => {
                format!("Dear {title} {family}")
            }
            ContactKind::Person => format!("Dear {name}"),
        };
        Self {
            kind: contact.kind.as_str().to_owned(),
            title,
            given_name: contact.given_name.clone().unwrap_or_default(),
            family_name: family,
            salutation,
            email: contact
                .emails
                .first()
                .map(|e| e.address.clone())
                .unwrap_or_default(),
            phone: contact
                .phones
                .first()
                .map(|p| p.number.clone())
                .unwrap_or_default(),
            address: address_lines(contact.addresses.first()),
            vat_number: contact
                .identifiers
                .iter()
                .find(|i| i.kind == IdentifierKind::VatNumber)
                .map(|i| i.value.clone())
                .unwrap_or_default(),
            reference: reference.unwrap_or_default().to_owned(),
            name,
        }
    }
}

/// `parties[].*`: a party to the matter other than its clients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyFields {
    /// The role's stable name, e.g. `opposing_counsel`.
    pub role: String,
    /// The role in words, e.g. "Opposing counsel".
    pub role_label: String,
    /// The party's contact details.
    pub contact: ContactFields,
    /// The name of the party they act for, if any.
    pub acting_for: String,
}

/// `sender.*`, `fee_earners[].*`, `matter.responsible.*`: a user of the firm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeEarnerFields {
    /// Name.
    pub name: String,
    /// Email address.
    pub email: String,
    /// Their role in the firm, in words, e.g. "Partner".
    pub role: String,
    /// Their part on the matter, e.g. "Responsible", "Supervisor", "Fee earner".
    pub matter_role: String,
    /// Their default hourly rate, e.g. "£250.00" (empty when they have none).
    pub rate: String,
    /// LEDES timekeeper code.
    pub timekeeper_code: String,
}

impl FeeEarnerFields {
    /// A user's fields, with their part on the matter.
    pub fn of(user: &User, matter_role: &str, locale: Locale) -> Self {
        Self {
            name: user.name.clone(),
            email: user.email.clone(),
            role: label(user.role.as_str()),
            matter_role: matter_role.to_owned(),
            rate: user
                .default_rate
                .map(|r| locale.money(r.amount, r.currency))
                .unwrap_or_default(),
            timekeeper_code: user.timekeeper_code.clone().unwrap_or_default(),
        }
    }

    /// The words for a team role.
    pub fn team_role(role: MatterRole) -> String {
        label(role.as_str())
    }
}
