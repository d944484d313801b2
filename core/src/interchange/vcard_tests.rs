//! Tests of the vCard writer and reader against the RFC 6350 vectors of STANDARDS §9.3.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;

use super::contentline::unfold;
use super::vcard_read::components;
use super::*;
use crate::contacts::{Contact, ContactKind, Email, NewContact, Phone, PostalAddress};
use crate::error::LexcaseError;

fn created(new: NewContact) -> Contact {
    Contact::create(new, Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()).unwrap()
}

fn jane() -> Contact {
    let mut new = NewContact::person("Jane", "Smith");
    new.title = Some("Dr".into());
    new.emails = vec![Email::new("jane@example.com", Some("work")).unwrap()];
    new.phones = vec![
        Phone::new("+44-20-7946-0958", Some("cell")).unwrap(),
        Phone::new("020 7946 0958 ext 12", Some("front desk")).unwrap(),
    ];
    new.addresses = vec![PostalAddress {
        lines: vec!["Flat 2, Rose Court".into(), "10 High Street".into()],
        locality: Some("London".into()),
        region: None,
        postal_code: Some("EC1A 1AA".into()),
        country: Some("GB".into()),
        label: Some("home".into()),
    }];
    created(new)
}

fn card_error(result: crate::Result<Vec<ImportedCard>>, card: usize) -> String {
    match result {
        Err(LexcaseError::Validation { reason, .. }) => {
            assert!(reason.starts_with(&format!("card {card}:")), "{reason}");
            reason
        }
        other => panic!("expected a validation error for card {card}, got {other:?}"),
    }
}

const SECTION_7_2_1: &str = "BEGIN:VCARD\nVERSION:4.0\nUID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\nFN;PID=1.1:J. Doe\nN:Doe;J.;;;\nEMAIL;PID=1.1:jdoe@example.com\nCLIENTPIDMAP:1;urn:uuid:53e374d9-337e-4727-8803-a1e9c14e0556\nEND:VCARD\n";

#[test]
fn person_export_has_the_required_shape() {
    let c = jane();
    let card = contact_to_vcard(&c);
    assert!(card.ends_with("END:VCARD\r\n"));
    assert!(card.split("\r\n").all(|l| l.len() <= 75));
    let lines: Vec<String> = unfold(&card).split("\r\n").map(str::to_owned).collect();
    assert_eq!(
        lines[..3],
        [
            "BEGIN:VCARD",
            "VERSION:4.0",
            &format!("UID:urn:uuid:{}", c.id)
        ]
    );
    for expected in [
        "KIND:individual",
        "FN:Jane Smith",
        "N:Smith;Jane;;Dr;",
        "EMAIL;TYPE=work:jane@example.com",
        "TEL;VALUE=uri;TYPE=cell:tel:+44-20-7946-0958",
        "TEL:020 7946 0958 ext 12",
        "ADR;TYPE=home:;;Flat 2\\, Rose Court,10 High Street;London;;EC1A 1AA;GB",
        "REV:20261127T100000Z",
    ] {
        assert!(
            lines.contains(&expected.to_owned()),
            "{expected} in {lines:?}"
        );
    }
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("NOTE") || l.starts_with("ORG"))
    );
    let with_note = contact_to_vcard_with_note(&c, Some("Met at conference; prefers email"));
    assert!(with_note.contains("NOTE:Met at conference\\; prefers email\r\n"));
}

#[test]
fn organisation_export_escapes_fn_and_org() {
    let org = created(NewContact::organisation("Smith, Jones & Co"));
    let card = contact_to_vcard(&org);
    assert!(card.contains("\r\nKIND:org\r\n"));
    assert!(card.contains("\r\nFN:Smith\\, Jones & Co\r\n"));
    assert!(card.contains("\r\nORG:Smith\\, Jones & Co\r\n"));
    assert!(!card.contains("\r\nN:"));
    let both = contacts_to_vcards(&[jane(), org.clone()]);
    assert_eq!(both.matches("BEGIN:VCARD\r\n").count(), 2);
    let imported = parse_vcards(&both).unwrap();
    assert_eq!(imported[1].contact.kind, ContactKind::Organisation);
    assert_eq!(imported[1].contact.organisation_name, org.organisation_name);
}

#[test]
fn n_components_are_lists() {
    let n = components("Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P.", 5);
    assert_eq!(
        n,
        [
            vec!["Stevenson"],
            vec!["John"],
            vec!["Philip", "Paul"],
            vec!["Dr."],
            vec!["Jr.", "M.D.", "A.C.P."]
        ]
    );
    let card = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dr. John Stevenson\r\nN:Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P.\r\nEND:VCARD\r\n";
    let c = &parse_vcards(card).unwrap()[0].contact;
    assert_eq!(c.family_name.as_deref(), Some("Stevenson"));
    assert_eq!(c.given_name.as_deref(), Some("John Philip Paul"));
    assert_eq!(c.title.as_deref(), Some("Dr."));
}

#[test]
fn fn_is_unescaped() {
    let card = "BEGIN:VCARD\nVERSION:4.0\nKIND:org\nFN:Mr. John Q. Public\\, Esq.\nEND:VCARD";
    let c = &parse_vcards(card).unwrap()[0].contact;
    assert_eq!(
        c.organisation_name.as_deref(),
        Some("Mr. John Q. Public, Esq.")
    );
}

#[test]
fn adr_has_seven_components_in_order() {
    let adr = components("pobox;apt;street;city;state;zipcode;country", 7);
    let flat: Vec<&str> = adr.iter().map(|c| c[0].as_str()).collect();
    assert_eq!(
        flat,
        [
            "pobox", "apt", "street", "city", "state", "zipcode", "country"
        ]
    );
    let card = "BEGIN:VCARD\nVERSION:4.0\nFN:A B\nN:B;A;;;\nADR;TYPE=work:pobox;apt;street;city;state;zipcode;country\nADR:;;1 Main St;Springfield;IL;62701;us\nEND:VCARD\n";
    let c = &parse_vcards(card).unwrap()[0].contact;
    let a = &c.addresses[0];
    assert_eq!(a.lines, ["pobox", "apt", "street", "country"]);
    assert_eq!(
        (
            a.locality.as_deref(),
            a.region.as_deref(),
            a.postal_code.as_deref()
        ),
        (Some("city"), Some("state"), Some("zipcode"))
    );
    assert_eq!(
        (a.country.as_deref(), a.label.as_deref()),
        (None, Some("work"))
    );
    assert_eq!(c.addresses[1].country.as_deref(), Some("US"));
}

#[test]
fn rfc_6350_sample_with_lf_line_ends_imports() {
    let cards = parse_vcards(SECTION_7_2_1).unwrap();
    assert_eq!(cards.len(), 1);
    let card = &cards[0];
    assert_eq!(
        card.uid.as_deref(),
        Some("urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1")
    );
    assert_eq!(card.contact.kind, ContactKind::Person);
    assert_eq!(card.contact.family_name.as_deref(), Some("Doe"));
    assert_eq!(card.contact.given_name.as_deref(), Some("J."));
    assert_eq!(
        card.contact.emails,
        [Email::new("jdoe@example.com", None).unwrap()]
    );
    assert_eq!(card.note, None);
}

#[test]
fn reader_is_lenient_about_case_groups_folding_and_unknowns() {
    let text = "begin:vcard\r\nversion:4.0\r\nitem1.fn:Ann\r\n  Lee\r\nX-FOO;X-BAR=\"a:b;c\":whatever\r\nemail;type=\"home,pref\";pref=1:ann@Example.COM\r\ntel;value=uri;type=voice,cell:tel:+1-555-010-0200;ext=7\r\nTEL;TYPE=fax:+1 555 010 0300\r\nnote:line one\\nline two\r\nNOTE:again\r\nend:vcard\r\n";
    let card = &parse_vcards(text).unwrap()[0];
    let c = &card.contact;
    assert_eq!(
        (c.given_name.as_deref(), c.family_name.as_deref()),
        (Some("Ann"), Some("Lee"))
    );
    assert_eq!(
        c.emails,
        [Email::new("ann@example.com", Some("home")).unwrap()]
    );
    assert_eq!(
        c.phones[0],
        Phone::new("+1-555-010-0200 ext 7", Some("voice")).unwrap()
    );
    assert_eq!(
        c.phones[1],
        Phone::new("+1 555 010 0300", Some("fax")).unwrap()
    );
    assert_eq!(card.note.as_deref(), Some("line one\nline two\n\nagain"));
    assert!(parse_vcards("").unwrap().is_empty());
}

#[test]
fn structural_errors_name_the_card() {
    let good = "BEGIN:VCARD\nVERSION:4.0\nFN:A B\nEND:VCARD\n";
    let no_fn = "BEGIN:VCARD\nVERSION:4.0\nN:Doe;J.;;;\nEND:VCARD\n";
    assert!(card_error(parse_vcards(&format!("{good}{no_fn}")), 2).contains("FN"));
    let late_version = "BEGIN:VCARD\nFN:A B\nVERSION:4.0\nEND:VCARD\n";
    assert!(card_error(parse_vcards(late_version), 1).contains("VERSION"));
    let v3 = "BEGIN:VCARD\nVERSION:3.0\nFN:A B\nEND:VCARD\n";
    card_error(parse_vcards(&format!("{good}{good}{v3}")), 3);
    card_error(
        parse_vcards(&format!("{good}BEGIN:VCARD\nVERSION:4.0\nFN:C D\n")),
        2,
    );
    card_error(
        parse_vcards(&format!("{good}BEGIN:VCARD\nVERSION:4.0\n{good}")),
        2,
    );
    card_error(parse_vcards("FN:stray\n"), 1);
    card_error(
        parse_vcards("BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:Team\nEND:VCARD\n"),
        1,
    );
}

#[test]
fn contact_rule_violations_fail_the_whole_import() {
    let good = "BEGIN:VCARD\nVERSION:4.0\nFN:A B\nEMAIL:a@b.com\nEND:VCARD\n";
    let bad_email = "BEGIN:VCARD\nVERSION:4.0\nFN:C D\nEMAIL:not-an-email\nEND:VCARD\n";
    assert!(card_error(parse_vcards(&format!("{good}{bad_email}")), 2).contains("email"));
    let bad_phone = "BEGIN:VCARD\nVERSION:4.0\nFN:C D\nTEL:ring ring\nEND:VCARD\n";
    assert!(card_error(parse_vcards(&format!("{good}{bad_phone}")), 2).contains("telephone"));
    let bad_adr = "BEGIN:VCARD\nVERSION:4.0\nFN:C D\nADR:;;;Paris;;;FR\nEND:VCARD\n";
    card_error(parse_vcards(bad_adr), 1);
}

#[test]
fn export_then_import_keeps_the_contact() {
    let c = jane();
    let back = parse_vcards(&contact_to_vcard(&c)).unwrap().remove(0);
    assert_eq!(back.uid, Some(format!("urn:uuid:{}", c.id)));
    assert_eq!(
        (
            back.contact.title,
            back.contact.given_name,
            back.contact.family_name
        ),
        (c.title, c.given_name, c.family_name)
    );
    assert_eq!(back.contact.emails, c.emails);
    // "front desk" is not a vCard TEL type: the number survives, the label does not.
    assert_eq!(back.contact.phones[0], c.phones[0]);
    assert_eq!(back.contact.phones[1].number, c.phones[1].number);
    assert_eq!(back.contact.addresses, c.addresses);
}

const TEXT: &str = "[A-Za-z0-9À-ÿ]([A-Za-z0-9À-ÿ ,;:\\\\'.-]{0,20}[A-Za-z0-9À-ÿ])?";

fn label(options: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop::sample::select(options).prop_map(str::to_owned))
}

fn address() -> impl Strategy<Value = PostalAddress> {
    (
        prop::collection::vec(TEXT, 1..4),
        prop::option::of(TEXT),
        prop::option::of(TEXT),
        prop::option::of(TEXT),
        prop::option::of("[A-Z]{2}"),
        label(&["work", "home"]),
    )
        .prop_map(
            |(lines, locality, region, postal_code, country, label)| PostalAddress {
                lines,
                locality,
                region,
                postal_code,
                country,
                label,
            },
        )
}

fn new_contact() -> impl Strategy<Value = NewContact> {
    let person = (prop::option::of(TEXT), prop::option::of(TEXT), TEXT).prop_map(
        |(title, given, family)| {
            let mut p = NewContact::person(&given.unwrap_or_default(), &family);
            p.title = title;
            p
        },
    );
    let org = TEXT.prop_map(|name| NewContact::organisation(&name));
    let emails = prop::collection::vec(
        (
            "[a-z][a-z0-9_]{0,8}(\\.[a-z0-9]{1,5})?@[a-z]{1,8}\\.(com|org|co\\.uk)",
            label(&["work", "home"]),
        ),
        0..3,
    );
    let phones = prop::collection::vec(
        (
            "(\\+[1-9][0-9]{0,2}[ .-]?[0-9]{3,4}-[0-9]{4}|0[0-9]{3} [0-9]{6}( ext [0-9]{1,4})?)",
            label(&["work", "home", "cell", "fax"]),
        ),
        0..3,
    );
    (
        prop_oneof![person, org],
        emails,
        phones,
        prop::collection::vec(address(), 0..3),
    )
        .prop_map(|(mut c, emails, phones, addresses)| {
            c.emails = emails
                .into_iter()
                .map(|(address, label)| Email { address, label })
                .collect();
            c.phones = phones
                .into_iter()
                .map(|(number, label)| Phone { number, label })
                .collect();
            c.addresses = addresses;
            c
        })
}

proptest! {
    #[test]
    fn vcard_round_trip(new in new_contact()) {
        let contact = created(new);
        let text = contact_to_vcard(&contact);
        prop_assert!(text.split("\r\n").all(|l| l.len() <= 75));
        let cards = parse_vcards(&text).unwrap();
        prop_assert_eq!(cards.len(), 1);
        let back = &cards[0].contact;
        prop_assert_eq!(back.kind, contact.kind);
        prop_assert_eq!(&back.title, &contact.title);
        prop_assert_eq!(&back.given_name, &contact.given_name);
        prop_assert_eq!(&back.family_name, &contact.family_name);
        prop_assert_eq!(&back.organisation_name, &contact.organisation_name);
        prop_assert_eq!(&back.emails, &contact.emails);
        prop_assert_eq!(&back.phones, &contact.phones);
        prop_assert_eq!(&back.addresses, &contact.addresses);
    }
}
