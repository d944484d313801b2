//! Contacts: details, search, affiliations, identity verification, bad input.

use chrono::NaiveDate;
use lexcase::ErrorCode;
use lexcase::contacts::{
    AffiliationKind, ContactChanges, ContactKind, Email, Identifier, IdentifierKind,
    IdentityStatus, NewContact, Phone, PostalAddress, VerificationMethod,
};
use lexcase::store::Page;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

fn names(page: lexcase::store::Paged<lexcase::contacts::Contact>) -> Vec<String> {
    page.items.iter().map(|c| c.display_name()).collect()
}

/// Contacts hold several emails, phones, addresses and identifiers; search is by word prefix.
pub fn create_update_and_prefix_search(store: SharedStore) {
    let f = Fixture::new(store);
    let mut new = NewContact::person("Jürgen", "Müller");
    new.title = Some("Dr".into());
    new.emails = vec![
        Email {
            address: "j.mueller@example.de".into(),
            label: Some("work".into()),
        },
        Email {
            address: "jm@home.example".into(),
            label: None,
        },
    ];
    new.phones = vec![Phone {
        number: "+49 30 1234567".into(),
        label: None,
    }];
    new.addresses = vec![PostalAddress {
        lines: vec!["Unter den Linden 1".into()],
        locality: Some("Berlin".into()),
        region: None,
        postal_code: Some("10117".into()),
        country: Some("DE".into()),
        label: None,
    }];
    let muller = f.secretary.contacts().create(new).unwrap();
    assert_eq!(muller.emails.len(), 2);
    let mut org = NewContact::organisation("Acme Holdings plc");
    org.identifiers = vec![Identifier {
        kind: IdentifierKind::CompanyNumber,
        value: "01234567".into(),
        jurisdiction: Some("GB".into()),
    }];
    f.secretary.contacts().create(org).unwrap();
    f.person("Anna", "Mulligan");
    f.person("Sam", "Jones");

    let search = |q: &str| {
        names(
            f.read_only
                .contacts()
                .search(q, None, Page::default())
                .unwrap(),
        )
    };
    assert_eq!(search("mul"), ["Jürgen Müller", "Anna Mulligan"]);
    assert_eq!(search("MÜL"), ["Jürgen Müller", "Anna Mulligan"]);
    assert_eq!(search("jur"), ["Jürgen Müller"]);
    assert_eq!(search("jurgen mu"), ["Jürgen Müller"]);
    assert_eq!(search("holdings"), ["Acme Holdings plc"]);
    assert!(search("ller").is_empty(), "prefixes of words only");
    assert_eq!(search("").len(), 4);
    let orgs = f
        .read_only
        .contacts()
        .search("", Some(ContactKind::Organisation), Page::default())
        .unwrap();
    assert_eq!(orgs.total, 1);
    let page = f
        .read_only
        .contacts()
        .search("", None, Page::new(1, 2).unwrap())
        .unwrap();
    assert_eq!((page.total, page.items.len()), (4, 2));

    assert_code(
        f.read_only.contacts().create(NewContact::person("A", "B")),
        ErrorCode::PermissionDenied,
    );
    let renamed = f
        .paralegal
        .contacts()
        .update(
            muller.id,
            muller.version,
            ContactChanges {
                family_name: Some("Mueller".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(renamed.display_name(), "Jürgen Mueller");
    assert_eq!(search("mue"), ["Jürgen Mueller"]);
    assert_code(
        f.paralegal
            .contacts()
            .update(muller.id, muller.version, ContactChanges::default()),
        ErrorCode::StaleVersion,
    );
    assert_code(
        f.read_only.contacts().get(lexcase::ContactId::new()),
        ErrorCode::NotFound,
    );
    f.assert_state_explained();
}

/// Persons work for organisations; organisations are subsidiaries of organisations; no cycles.
pub fn affiliations_check_kinds_and_cycles(store: SharedStore) {
    let f = Fixture::new(store);
    let jane = f.person("Jane", "Smith");
    let acme = f.organisation("Acme Ltd");
    let parent = f.organisation("Acme Group plc");
    let c = f.admin.contacts();
    let jane = c
        .add_affiliation(
            jane.id,
            jane.version,
            AffiliationKind::WorksFor,
            acme.id,
            Some("Finance Director"),
        )
        .unwrap();
    assert_eq!(
        jane.affiliations[0].position.as_deref(),
        Some("Finance Director")
    );
    assert_code(
        c.add_affiliation(
            jane.id,
            jane.version,
            AffiliationKind::WorksFor,
            acme.id,
            None,
        ),
        ErrorCode::Conflict,
    );
    assert_invalid(
        c.add_affiliation(
            acme.id,
            acme.version,
            AffiliationKind::WorksFor,
            parent.id,
            None,
        ),
        "affiliation",
    );
    assert_invalid(
        c.add_affiliation(
            jane.id,
            jane.version,
            AffiliationKind::SubsidiaryOf,
            acme.id,
            None,
        ),
        "affiliation",
    );
    let acme = c
        .add_affiliation(
            acme.id,
            acme.version,
            AffiliationKind::SubsidiaryOf,
            parent.id,
            None,
        )
        .unwrap();
    assert_invalid(
        c.add_affiliation(
            parent.id,
            parent.version,
            AffiliationKind::SubsidiaryOf,
            acme.id,
            None,
        ),
        "affiliation",
    );
    assert_invalid(
        c.add_affiliation(
            acme.id,
            acme.version,
            AffiliationKind::SubsidiaryOf,
            acme.id,
            None,
        ),
        "affiliation",
    );
    assert_code(
        c.add_affiliation(
            acme.id,
            acme.version,
            AffiliationKind::SubsidiaryOf,
            lexcase::ContactId::new(),
            None,
        ),
        ErrorCode::NotFound,
    );
    let jane = c
        .remove_affiliation(jane.id, jane.version, AffiliationKind::WorksFor, acme.id)
        .unwrap();
    assert!(jane.affiliations.is_empty());
    assert_code(
        c.remove_affiliation(jane.id, jane.version, AffiliationKind::WorksFor, acme.id),
        ErrorCode::NotFound,
    );
    f.assert_state_explained();
}

/// Identity verification needs a date and method when verified; no future dates.
pub fn identity_verification_is_recorded(store: SharedStore) {
    let f = Fixture::new(store);
    let jane = f.person("Jane", "Smith");
    let c = f.paralegal.contacts();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    assert_invalid(
        c.record_identity_verification(
            jane.id,
            1,
            IdentityStatus::Verified,
            None,
            Some(VerificationMethod::Electronic),
        ),
        "checked_on",
    );
    assert_invalid(
        c.record_identity_verification(jane.id, 1, IdentityStatus::Verified, Some(today), None),
        "method",
    );
    assert_invalid(
        c.record_identity_verification(
            jane.id,
            1,
            IdentityStatus::Verified,
            today.succ_opt(),
            Some(VerificationMethod::InPerson),
        ),
        "checked_on",
    );
    let v = c
        .record_identity_verification(
            jane.id,
            1,
            IdentityStatus::Verified,
            Some(today),
            Some(VerificationMethod::Electronic),
        )
        .unwrap();
    assert_eq!(v.identity.status, IdentityStatus::Verified);
    assert_eq!(v.identity.recorded_by, Some(f.paralegal.actor_id()));
    assert_code(
        f.read_only.contacts().record_identity_verification(
            jane.id,
            2,
            IdentityStatus::Pending,
            None,
            None,
        ),
        ErrorCode::PermissionDenied,
    );
    f.assert_state_explained();
}

/// Garbage in any contact field is refused and nothing is written.
pub fn garbage_contact_input_is_refused_and_nothing_written(store: SharedStore) {
    let f = Fixture::new(store);
    let head = f.audit_head();
    let c = f.admin.contacts();
    let base = NewContact::person("Jane", "Smith");
    let addr = |lines: Vec<&str>, country: Option<&str>| PostalAddress {
        lines: lines.into_iter().map(String::from).collect(),
        locality: None,
        region: None,
        postal_code: None,
        country: country.map(String::from),
        label: None,
    };
    let cases: Vec<(NewContact, &str)> = vec![
        (
            NewContact {
                family_name: Some("".into()),
                ..base.clone()
            },
            "family_name",
        ),
        (
            NewContact {
                family_name: Some("x".repeat(301)),
                ..base.clone()
            },
            "family_name",
        ),
        (
            NewContact {
                given_name: Some("A\u{0}".into()),
                ..base.clone()
            },
            "given_name",
        ),
        (
            NewContact {
                organisation_name: Some("Acme".into()),
                ..base.clone()
            },
            "organisation_name",
        ),
        (
            NewContact {
                emails: vec![Email {
                    address: "jane@".into(),
                    label: None,
                }],
                ..base.clone()
            },
            "emails",
        ),
        (
            NewContact {
                emails: vec![
                    Email {
                        address: "j@x.com".into(),
                        label: None
                    };
                    21
                ],
                ..base.clone()
            },
            "emails",
        ),
        (
            NewContact {
                phones: vec![Phone {
                    number: "12".into(),
                    label: None,
                }],
                ..base.clone()
            },
            "phones",
        ),
        (
            NewContact {
                addresses: vec![addr(vec![], None)],
                ..base.clone()
            },
            "addresses",
        ),
        (
            NewContact {
                addresses: vec![addr(vec!["1 High St"], Some("UK1"))],
                ..base.clone()
            },
            "country",
        ),
        (
            NewContact {
                addresses: vec![addr(vec!["a", "b", "c", "d", "e"], None)],
                ..base.clone()
            },
            "addresses",
        ),
        (
            NewContact {
                identifiers: vec![Identifier {
                    kind: IdentifierKind::TaxId,
                    value: " ".into(),
                    jurisdiction: None,
                }],
                ..base.clone()
            },
            "identifiers",
        ),
        (
            NewContact {
                identifiers: vec![Identifier {
                    kind: IdentifierKind::TaxId,
                    value: "1".repeat(65),
                    jurisdiction: None,
                }],
                ..base.clone()
            },
            "identifiers",
        ),
        (
            NewContact {
                identifiers: vec![Identifier {
                    kind: IdentifierKind::TaxId,
                    value: "123".into(),
                    jurisdiction: Some("usa".into()),
                }],
                ..base.clone()
            },
            "jurisdiction",
        ),
        (NewContact::organisation(""), "organisation_name"),
    ];
    for (new, field) in cases {
        assert_invalid(c.create(new), field);
    }
    let jane = f.person("Jane", "Smith");
    let head = head + 1;
    let bad = ContactChanges {
        given_name: Some("Janet".into()),
        emails: Some(vec![Email {
            address: "nope".into(),
            label: None,
        }]),
        ..Default::default()
    };
    assert_invalid(c.update(jane.id, jane.version, bad), "emails");
    assert_eq!(c.get(jane.id).unwrap(), jane, "nothing half-written");
    assert_eq!(f.audit_head(), head);
    // All-or-nothing batches.
    let batch = vec![
        NewContact::person("Ok", "Fine"),
        NewContact::person("Bad", ""),
    ];
    assert_invalid(c.create_many(batch), "family_name");
    assert_eq!(c.search("fine", None, Page::default()).unwrap().total, 0);
    assert_eq!(f.audit_head(), head);
}
