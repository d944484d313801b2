//! The vCard 4.0 (RFC 6350) reader: lenient about line ends, letter case, unknown properties
//! and parameters; strict about the card structure and about the contact's own rules.

use chrono::Utc;

use super::contentline::{logical_lines, split_unescaped, unescape_text, unfold};
use super::property::{Property, parse_property};
use super::vcard_write::{PLACE_TYPES, TEL_TYPES};
use crate::contacts::{Contact, Email, NewContact, Phone, PostalAddress};
use crate::error::{LexcaseError, Result};
use crate::validate;

/// One imported vCard: the contact to create, with the card's UID and NOTE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedCard {
    /// The card's UID as written (e.g. `urn:uuid:…`), to recognise the card on a later import.
    pub uid: Option<String>,
    /// The contact, already checked and normalised by the contact rules.
    pub contact: NewContact,
    /// The NOTE text (several NOTEs joined by blank lines); contacts keep notes separately.
    pub note: Option<String>,
}

fn card_error(card: usize, reason: &str) -> LexcaseError {
    LexcaseError::validation("vcard", format!("card {card}: {reason}"))
}

/// Names the card in a validation error coming from the contact rules.
fn in_card(card: usize, error: LexcaseError) -> LexcaseError {
    match error {
        LexcaseError::Validation {
            field,
            reason,
            detail,
        } => LexcaseError::Validation {
            field,
            reason: format!("card {card}: {reason}"),
            detail,
        },
        other => other,
    }
}

/// The components of a structured value, each a list of unescaped, trimmed, non-empty values.
pub(super) fn components(value: &str, count: usize) -> Vec<Vec<String>> {
    let mut parts: Vec<Vec<String>> = split_unescaped(value, ';')
        .into_iter()
        .map(|c| {
            split_unescaped(c, ',')
                .into_iter()
                .map(|v| unescape_text(v).trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect()
        })
        .collect();
    parts.resize(count.max(parts.len()), Vec::new());
    parts
}

fn joined(values: &[String]) -> Option<String> {
    (!values.is_empty()).then(|| values.join(" "))
}

/// A `tel:` URI back to a number: parameters dropped except `ext`, written as ` ext N`.
fn tel_uri_number(uri: &str) -> String {
    let mut parts = uri.split(';');
    let mut number = parts.next().unwrap_or_default().trim().to_owned();
    for part in parts {
        if let Some(ext) = part.strip_prefix("ext=") {
            number = format!("{number} ext {ext}");
        }
    }
    number
}

fn read_phone(p: &Property<'_>) -> Result<Phone> {
    let value = p.value.trim();
    let number = match value.get(..4) {
        Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => tel_uri_number(&value[4..]),
        _ => unescape_text(value),
    };
    Phone::new(&number, p.label(&TEL_TYPES).as_deref())
}

fn read_address(p: &Property<'_>) -> Result<PostalAddress> {
    let c = components(p.value, 7);
    let mut lines: Vec<String> = c[0].iter().chain(&c[1]).chain(&c[2]).cloned().collect();
    let mut country = joined(&c[6]);
    if let Some(name) = country.take() {
        if name.len() == 2 && name.bytes().all(|b| b.is_ascii_alphabetic()) {
            country = Some(name.to_ascii_uppercase());
        } else {
            // A country name rather than an ISO code: keep it as the last address line.
            lines.push(name);
        }
    }
    PostalAddress {
        lines,
        locality: joined(&c[3]),
        region: joined(&c[4]),
        postal_code: joined(&c[5]),
        country,
        label: p.label(&PLACE_TYPES),
    }
    .checked()
}

/// Builds the contact of card number `card` from its properties (VERSION already checked).
fn read_card(card: usize, props: &[Property<'_>]) -> Result<ImportedCard> {
    let mut formatted = None;
    let mut n = None;
    let mut kind = None;
    let mut org = None;
    let mut uid = None;
    let mut notes = Vec::new();
    let (mut emails, mut phones, mut addresses) = (Vec::new(), Vec::new(), Vec::new());
    for p in props {
        match p.name.as_str() {
            "FN" => {
                formatted.get_or_insert_with(|| unescape_text(p.value).trim().to_owned());
            }
            "N" => n = Some(components(p.value, 5)),
            "KIND" => kind = Some(p.value.trim().to_ascii_lowercase()),
            "ORG" => {
                // The organisation name is the first component; units follow after `;`.
                let name = split_unescaped(p.value, ';')
                    .first()
                    .map(|n| unescape_text(n));
                org = name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
            }
            "UID" => uid = Some(p.value.trim().to_owned()).filter(|u| !u.is_empty()),
            "NOTE" => notes.push(unescape_text(p.value).trim().to_owned()),
            "EMAIL" => emails.push(Email::new(
                &unescape_text(p.value),
                p.label(&PLACE_TYPES).as_deref(),
            )),
            "TEL" => phones.push(read_phone(p)),
            "ADR" => addresses.push(read_address(p)),
            _ => {}
        }
    }
    let formatted = formatted
        .filter(|f| !f.is_empty())
        .ok_or_else(|| card_error(card, "FN (formatted name) is required"))?;
    let n = n.unwrap_or_else(|| vec![Vec::new(); 5]);
    let is_org = match kind.as_deref() {
        Some("org" | "organization") => true,
        Some("individual") => false,
        None => n[0].is_empty() && n[1].is_empty() && org.is_some(),
        Some(_) => {
            return Err(card_error(
                card,
                "only individual and org cards can be imported",
            ));
        }
    };
    let mut new = if is_org {
        NewContact::organisation(&org.unwrap_or(formatted))
    } else {
        let mut given: Vec<String> = n[1].iter().chain(&n[2]).cloned().collect();
        let family = match joined(&n[0]) {
            Some(family) => family,
            None => {
                let mut words: Vec<String> =
                    formatted.split_whitespace().map(str::to_owned).collect();
                let last = words.pop().unwrap_or_default();
                if given.is_empty() {
                    given = words;
                }
                last
            }
        };
        let mut person = NewContact::person(&joined(&given).unwrap_or_default(), &family);
        person.title = joined(&n[3]);
        person
    };
    new.emails = all(card, emails)?;
    new.phones = all(card, phones)?;
    new.addresses = all(card, addresses)?;
    let note = joined_notes(&notes)
        .map(|n| validate::text("note", &n))
        .transpose()
        .map_err(|e| in_card(card, e))?;
    // The contact rules have the last word, and give the normalised values back.
    let checked = Contact::create(new, Utc::now()).map_err(|e| in_card(card, e))?;
    let contact = NewContact {
        kind: checked.kind,
        title: checked.title,
        given_name: checked.given_name,
        family_name: checked.family_name,
        organisation_name: checked.organisation_name,
        emails: checked.emails,
        phones: checked.phones,
        addresses: checked.addresses,
        identifiers: checked.identifiers,
    };
    Ok(ImportedCard { uid, contact, note })
}

/// Every value, or the first error naming the card.
fn all<T>(card: usize, values: Vec<Result<T>>) -> Result<Vec<T>> {
    values
        .into_iter()
        .collect::<Result<Vec<_>>>()
        .map_err(|e| in_card(card, e))
}

fn joined_notes(notes: &[String]) -> Option<String> {
    let notes: Vec<&str> = notes
        .iter()
        .map(String::as_str)
        .filter(|n| !n.is_empty())
        .collect();
    (!notes.is_empty()).then(|| notes.join("\n\n"))
}

/// Reads every vCard 4.0 in `text` (CRLF or LF line ends). Fails as a whole, with a
/// validation error naming the card number, when a card lacks FN or END, when VERSION:4.0 is
/// not the line right after BEGIN, or when a value breaks the contact rules.
pub fn parse_vcards(text: &str) -> Result<Vec<ImportedCard>> {
    crate::validate::import_size("vcard", text, crate::validate::MAX_IMPORT_BYTES)?;
    let unfolded = unfold(text.trim_start_matches('\u{feff}'));
    let mut cards: Vec<Vec<&str>> = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in logical_lines(&unfolded) {
        let upper = line.trim().to_ascii_uppercase();
        let number = cards.len() + 1;
        if upper == "BEGIN:VCARD" {
            if current.replace(Vec::new()).is_some() {
                return Err(card_error(number, "END:VCARD is missing"));
            }
        } else if upper == "END:VCARD" {
            let lines = current
                .take()
                .ok_or_else(|| card_error(number, "END:VCARD without BEGIN:VCARD"))?;
            cards.push(lines);
        } else {
            current
                .as_mut()
                .ok_or_else(|| card_error(number, "text outside BEGIN:VCARD and END:VCARD"))?
                .push(line);
        }
    }
    if current.is_some() {
        return Err(card_error(cards.len() + 1, "END:VCARD is missing"));
    }
    cards
        .iter()
        .enumerate()
        .map(|(i, lines)| {
            let card = i + 1;
            let props = lines
                .iter()
                .map(|l| {
                    parse_property(l)
                        .ok_or_else(|| card_error(card, "a line has no property value"))
                })
                .collect::<Result<Vec<_>>>()?;
            match props.first() {
                Some(p) if p.name == "VERSION" && p.value.trim() == "4.0" => {}
                _ => {
                    return Err(card_error(
                        card,
                        "VERSION:4.0 must be the line after BEGIN:VCARD",
                    ));
                }
            }
            read_card(card, &props[1..])
        })
        .collect()
}
