//! The vCard 4.0 (RFC 6350) writer: one VCARD per contact, CRLF line ends, folded.

use super::contentline::{escape_text, push_line};
use super::ical_types::format_utc;
use crate::contacts::{Contact, ContactKind, PostalAddress};

/// TEL TYPE values of RFC 6350 §6.4.1 that a phone label can name directly.
pub(crate) const TEL_TYPES: [&str; 9] = [
    "work",
    "home",
    "cell",
    "fax",
    "voice",
    "text",
    "video",
    "pager",
    "textphone",
];
/// TYPE values that EMAIL and ADR labels can name.
pub(crate) const PLACE_TYPES: [&str; 2] = ["work", "home"];

/// `;TYPE=work` when the label (case-insensitively) is one of `allowed`, else nothing.
fn type_param(label: Option<&String>, allowed: &[&str]) -> String {
    label
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| allowed.contains(&l.as_str()))
        .map(|l| format!(";TYPE={l}"))
        .unwrap_or_default()
}

/// Whether a number can be written as a `tel:` URI without changing it: a global number
/// (leading `+`) of digits and the RFC 3966 visual separators `-` `.` `(` `)`.
fn is_tel_uri_safe(number: &str) -> bool {
    number.strip_prefix('+').is_some_and(|rest| {
        rest.bytes().any(|b| b.is_ascii_digit())
            && rest
                .bytes()
                .all(|b| b.is_ascii_digit() || b"-.()".contains(&b))
    })
}

fn tel_line(number: &str, label: Option<&String>) -> String {
    let types = type_param(label, &TEL_TYPES);
    if is_tel_uri_safe(number) {
        format!("TEL;VALUE=uri{types}:tel:{number}")
    } else {
        // Spaces or extensions cannot go into a tel: URI unchanged: keep the text form.
        format!("TEL{types}:{}", escape_text(number))
    }
}

fn list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| escape_text(v))
        .collect::<Vec<_>>()
        .join(",")
}

fn adr_line(address: &PostalAddress) -> String {
    let opt = |v: &Option<String>| v.as_deref().map(escape_text).unwrap_or_default();
    // post office box; extended address; street; locality; region; postal code; country.
    format!(
        "ADR{}:;;{};{};{};{};{}",
        type_param(address.label.as_ref(), &PLACE_TYPES),
        list(&address.lines),
        opt(&address.locality),
        opt(&address.region),
        opt(&address.postal_code),
        opt(&address.country),
    )
}

/// The vCard of one contact, with NOTE when `note` is given (contacts keep their notes
/// separately, see [`crate::notes`]). REV is the contact's creation time: a contact records
/// no other modification time.
pub fn contact_to_vcard_with_note(contact: &Contact, note: Option<&str>) -> String {
    let opt = |v: &Option<String>| v.as_deref().map(escape_text).unwrap_or_default();
    let mut lines = vec![
        "BEGIN:VCARD".to_owned(),
        "VERSION:4.0".to_owned(),
        format!("UID:urn:uuid:{}", contact.id),
    ];
    match contact.kind {
        ContactKind::Person => {
            lines.push("KIND:individual".to_owned());
            lines.push(format!("FN:{}", escape_text(&contact.display_name())));
            lines.push(format!(
                "N:{};{};;{};",
                opt(&contact.family_name),
                opt(&contact.given_name),
                opt(&contact.title)
            ));
        }
        ContactKind::Organisation => {
            lines.push("KIND:org".to_owned());
            lines.push(format!("FN:{}", escape_text(&contact.display_name())));
            lines.push(format!("ORG:{}", opt(&contact.organisation_name)));
        }
    }
    for email in &contact.emails {
        lines.push(format!(
            "EMAIL{}:{}",
            type_param(email.label.as_ref(), &PLACE_TYPES),
            escape_text(&email.address)
        ));
    }
    for phone in &contact.phones {
        lines.push(tel_line(&phone.number, phone.label.as_ref()));
    }
    lines.extend(contact.addresses.iter().map(adr_line));
    if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
        lines.push(format!("NOTE:{}", escape_text(note.trim())));
    }
    lines.push(format!("REV:{}", format_utc(contact.created_at)));
    lines.push("END:VCARD".to_owned());
    let mut out = String::new();
    lines.iter().for_each(|l| push_line(&mut out, l));
    out
}

/// The vCard of one contact: one VCARD, CRLF line ends, folded at 75 octets.
pub fn contact_to_vcard(contact: &Contact) -> String {
    contact_to_vcard_with_note(contact, None)
}

/// The vCards of several contacts, one after another.
pub fn contacts_to_vcards(contacts: &[Contact]) -> String {
    contacts.iter().map(contact_to_vcard).collect()
}
